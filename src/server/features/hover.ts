// Hover cards. Foundation: the article card on the headline, and an explanation on boilerplate.

import { Hover, MarkupKind } from 'vscode-languageserver';
import { Analysis } from '../../core/analyse';
import type { Corpus } from '../../core/corpus';
import { Article, Finding } from '../../core/types';
import { figureCard, timeCard } from './figureHover';
import { cueCard, quoteCard } from './quotes';
import { boilerplateLabel } from '../../core/findings/structure';
import { LineIndex } from '../../core/lines';
import { toRange } from '../lsp';
import { escapeMarkdown } from '../../shared/markdown';

export function hoverAt(analysis: Analysis, offset: number, findings: Finding[], index: LineIndex, corpus: Corpus): Hover | null {
  const { article } = analysis;
  const inside = (r: { start: number; end: number }) => offset >= r.start && offset <= r.end;
  const markdown = (value: string, range: { start: number; end: number }): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range: toRange(index, range) });
  const time = analysis.times.find((t) => inside(t.range));
  if (time) return markdown(timeCard(time, analysis), time.range);
  const figure = analysis.figures.find((f) => inside(f.range));
  if (figure) return markdown(figureCard(figure, analysis, corpus), figure.range);
  // Anywhere inside a quotation; the dates and figures it contains keep their own hovers (above), and so do the
  // names it contains, past its first words.
  const quote = analysis.sourcing.quotes.find((q) => q.kind !== 'scare' && inside(q.range));
  if (quote && (offset <= quote.range.start + 12 || !corpus.entities().at(article.uri, offset))) return markdown(quoteCard(quote, analysis, corpus), quote.range);
  const cue = cueCard(analysis, offset);
  if (cue) return markdown(cue.value, cue.range);
  if (article.headline && inside(article.headline.range)) {
    return { contents: { kind: MarkupKind.Markdown, value: articleCard(article, findings) }, range: toRange(index, article.headline.range) };
  }
  const boilerplate = article.boilerplate.find((b) => inside(b.range));
  if (boilerplate) {
    const value = [
      `**Sourcelens** · boilerplate: ${boilerplateLabel(boilerplate.kind)}`,
      '',
      `Excluded from analysis by rule \`${boilerplate.rule}\` (see \`rules/boilerplate.yaml\`). Turn these hints off with \`"sourcelens.rules": { "structure/boilerplate": "off" }\`.`,
    ].join('\n');
    return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(index, boilerplate.range) };
  }
  return null;
}

export function articleCard(article: Article, findings: Finding[]): string {
  const date = article.published
    ? `${article.published.iso} (${dateSource(article)})`
    : '_unknown_ — add `published:` to sources.yaml';
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const findingText = findings.length ? [...counts].map(([s, n]) => `${n} ${s}`).join(', ') : 'none';
  const boilerplate = new Map<string, number>();
  for (const b of article.boilerplate) if (b.kind !== 'front-matter') boilerplate.set(boilerplateLabel(b.kind), (boilerplate.get(boilerplateLabel(b.kind)) ?? 0) + 1);
  return [
    `**Sourcelens** · ${escapeMarkdown(article.headline?.text ?? article.name)}`,
    '',
    `| | |`,
    `|---|---|`,
    `| Outlet | ${escapeMarkdown(article.meta.outlet ?? 'unknown')} |`,
    `| Published | ${date} |`,
    `| File | \`${escapeMarkdown(article.name)}\` |`,
    `| Length | ${article.wordCount} words · ${article.paragraphs.length} paragraphs · ${article.sentences.length} sentences |`,
    `| Boilerplate | ${boilerplate.size ? [...boilerplate].map(([k, n]) => `${k} ×${n}`).join(', ') : 'none'} |`,
    `| Findings | ${findingText} |`,
  ].join('\n');
}

function dateSource(article: Article): string {
  const p = article.published!;
  if (p.how === 'text') return `printed in the article: “${escapeMarkdown(p.evidence ?? '')}”${p.ambiguous ? ', day/month order ambiguous' : ''}`;
  return `from ${p.how}`;
}

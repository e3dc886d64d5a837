// Document outline (headline, then paragraphs) and workspace symbols (articles by headline, outlet or file name).

import { DocumentSymbol, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { Analysis } from '../../core/analyse';
import { quoteSymbols } from './quotes';
import { Article } from '../../core/types';
import { LineIndex } from '../../core/lines';
import { toRange } from '../lsp';

const PREVIEW_WORDS = 8;

export function documentSymbols(analysis: Analysis, index: LineIndex): DocumentSymbol[] {
  const { article } = analysis;
  const sections = [...quoteSymbols(analysis, index), ...figureSection(analysis, index)];
  const paragraphs: DocumentSymbol[] = article.paragraphs.map((p, i) => {
    const range = toRange(index, p.range);
    return {
      name: preview(article.text.slice(p.range.start, p.range.end)),
      detail: `¶${i + 1} · ${p.sentenceCount} sentence${p.sentenceCount === 1 ? '' : 's'}`,
      kind: SymbolKind.String,
      range,
      selectionRange: range,
    };
  });
  if (!article.headline) return [...paragraphs, ...sections];
  const headlineRange = toRange(index, article.headline.range);
  const whole = toRange(index, { start: article.headline.range.start, end: Math.max(article.headline.range.end, article.paragraphs.at(-1)?.range.end ?? 0) });
  return [{
    name: article.headline.text || article.name,
    detail: [article.meta.outlet, article.published?.iso].filter(Boolean).join(' · ') || undefined,
    kind: SymbolKind.File,
    range: whole,
    selectionRange: headlineRange,
    children: [...paragraphs, ...sections],
  }];
}

function figureSection(analysis: Analysis, index: LineIndex): DocumentSymbol[] {
  // Small counts in words ("the two sides") are everyday language, not figures a reader checks.
  const figures = analysis.figures.filter((f) => !f.vague && !(f.kind === 'count' && f.value < 10 && !/\d/.test(f.text)));
  if (!figures.length) return [];
  const children = figures.map((f) => {
    const range = toRange(index, f.range);
    return { name: f.text, detail: [f.qualifier !== 'exact' ? f.qualifier : '', f.counted, f.verb].filter(Boolean).join(' · '), kind: SymbolKind.Number, range, selectionRange: range };
  });
  return [{ name: 'Figures', kind: SymbolKind.Namespace, range: children[0].range, selectionRange: children[0].range, children, detail: `${children.length}` }];
}

export function workspaceSymbols(articles: Article[], query: string, indexOf: (a: Article) => LineIndex, limit = 500): SymbolInformation[] {
  const q = query.trim().toLowerCase();
  const out: SymbolInformation[] = [];
  for (const a of articles) {
    const name = a.headline?.text ?? a.name;
    const haystack = `${name} ${a.meta.outlet ?? ''} ${a.name}`.toLowerCase();
    if (q && !q.split(/\s+/).every((word) => haystack.includes(word))) continue;
    const range = a.headline?.range ?? { start: 0, end: 0 };
    out.push({ name, kind: SymbolKind.File, location: { uri: a.uri, range: toRange(indexOf(a), range) }, containerName: a.meta.outlet ?? a.name });
    if (out.length >= limit) break;
  }
  return out;
}

function preview(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > PREVIEW_WORDS ? `${words.slice(0, PREVIEW_WORDS).join(' ')}…` : words.join(' ');
}

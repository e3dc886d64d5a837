// Quotes in the editor: the hover card (speaker, cue, source type, other outlets' versions with a word diff) and
// the quotes in the outline.

import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { Analysis } from '../../core/analyse';
import { Quote } from '../../core/sourcing/extract';
import type { Corpus } from '../../core/corpus';
import { quoteVariants, wordDiff } from '../../core/sourcing/findings';
import { LineIndex } from '../../core/lines';
import { toRange } from '../lsp';

const TYPE: Record<string, string> = {
  'named-person': 'named person',
  'named-institution': 'named institution',
  'state-media': 'state media',
  anonymous: 'anonymous or vague',
  none: 'none',
};

export function quoteCard(quote: Quote, analysis: Analysis, corpus: Corpus): string {
  const lines = [`**Sourcelens** · ${quote.kind === 'block' ? 'block quotation' : 'quotation'}`, ''];
  if (quote.speaker) lines.push(`Speaker: **${quote.speaker.name}** (${TYPE[quote.speaker.type]})`);
  else lines.push('Speaker: _not found_ — who said this?');
  const attribution = analysis.sourcing.attributions.find((a) => a.source === quote.speaker);
  if (attribution) lines.push(`Cue: “${attribution.cue}”${attribution.inherited ? ' (carried over from an earlier sentence)' : ''}`);
  const versions = (quote.speaker?.key ? quoteVariants(corpus.quotesBy(quote.speaker.key)) : []).filter((p) => (p.a.article.uri === analysis.article.uri && p.qa === quote) || (p.b.article.uri === analysis.article.uri && p.qb === quote));
  for (const v of versions) {
    const [other, otherQuote] = v.a.article.uri === analysis.article.uri ? [v.b, v.qb] : [v.a, v.qa];
    lines.push('', `**${other.article.meta.outlet ?? other.article.name}** quotes it as:`, '', `> ${otherQuote.content.trim()}`, '', `Difference (this version → theirs): ${wordDiff(quote.content, otherQuote.content)}`);
  }
  return lines.join('\n');
}

export function quoteSymbols(analysis: Analysis, index: LineIndex): DocumentSymbol[] {
  const quotes = analysis.sourcing.quotes.filter((q) => q.kind !== 'scare');
  if (!quotes.length) return [];
  const children = quotes.map((q) => {
    const range = toRange(index, q.range);
    const words = q.content.trim().split(/\s+/);
    const text = words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : words.join(' ');
    return { name: `${q.speaker?.name ?? '(no speaker)'}: “${text}”`, kind: SymbolKind.String, range, selectionRange: range };
  });
  return [{ name: 'Quotes', kind: SymbolKind.Namespace, range: children[0].range, selectionRange: children[0].range, children, detail: `${children.length}` }];
}

/** Hover on an attribution cue ("said", "according to"): the whole relation — source, type, cue, what it covers. */
export function cueCard(analysis: Analysis, offset: number): { value: string; range: { start: number; end: number } } | undefined {
  const a = analysis.sourcing.attributions.find((x) => !x.inherited && offset >= x.cueRange.start && offset <= x.cueRange.end);
  if (!a) return undefined;
  const carried = analysis.sourcing.attributions.filter((x) => x.inherited && x.source === a.source).length;
  const lines = [
    `**Sourcelens** · attribution`,
    '',
    `| | |`,
    `|---|---|`,
    `| Source | ${a.source.name} |`,
    `| Type | ${TYPE[a.source.type]} |`,
    `| Cue | “${a.cue}” |`,
    `| Covers | this sentence${carried ? ` and ${carried} following sentence${carried === 1 ? '' : 's'} (carried over)` : ''} |`,
  ];
  return { value: lines.join('\n'), range: a.cueRange };
}

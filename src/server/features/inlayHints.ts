// Inlay hints: the calendar date a relative expression resolves to ("on Saturday" 2016-11-26).

import { InlayHint, InlayHintKind, Range } from 'vscode-languageserver';
import { Analysis } from '../../core/analyse';
import { LineIndex } from '../../core/lines';

export function dateInlayHints(analysis: Analysis, index: LineIndex, range: Range): InlayHint[] {
  const from = index.offsetAt(range.start);
  const to = index.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const t of analysis.times) {
    if (!t.resolved || t.range.end < from || t.range.start > to) continue;
    if (t.kind === 'year' || (t.kind === 'date' && /\d{4}/.test(t.text))) continue; // already a calendar date
    const label = t.resolved.precision === 'month' ? t.resolved.iso.slice(0, 7) : t.resolved.precision === 'week' ? `week of ${t.resolved.iso}` : t.resolved.iso;
    hints.push({
      position: index.positionAt(t.range.end),
      label: label,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: `Resolved against the publication date ${analysis.article.published?.iso} (${analysis.article.published?.how})${t.tense === 'future' ? '; the sentence looks ahead' : ''}.`,
    });
  }
  return hints;
}

/** Who said a quote (`— Rouhani`), and whose account a sentence carries over (`[per Syria's state TV]`). */
export function quoteInlayHints(analysis: Analysis, index: LineIndex, range: Range): InlayHint[] {
  const from = index.offsetAt(range.start);
  const to = index.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const q of analysis.sourcing.quotes) {
    if (q.kind === 'scare' || !q.speaker || q.range.end < from || q.range.end > to) continue;
    hints.push({ position: index.positionAt(q.range.end), label: `— ${q.speaker.name}`, kind: InlayHintKind.Parameter, paddingLeft: true });
  }
  for (const a of analysis.sourcing.attributions) {
    if (!a.inherited) continue;
    const s = analysis.article.sentences[a.sentence];
    if (s.range.end < from || s.range.end > to) continue;
    hints.push({ position: index.positionAt(s.range.end), label: `[per ${a.source.name}]`, kind: InlayHintKind.Parameter, paddingLeft: true });
  }
  return hints;
}

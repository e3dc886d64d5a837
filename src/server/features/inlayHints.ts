// Inlay hints: the calendar date a relative expression resolves to ("on Saturday" 2016-11-26).

import { InlayHint, InlayHintKind, Range } from 'vscode-languageserver';
import { Analysis } from '../analysis/analyse';
import { LineIndex } from '../analysis/lines';

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

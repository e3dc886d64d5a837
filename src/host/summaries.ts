// Plain summaries of the corpus for views and scripts: what the server's sourcelens/meetings requests and the CLI's
// `meetings` command return (the types are in shared/protocol.ts).

import type { Corpus } from '../core/corpus';
import { lineIndexOf, LineIndex } from '../core/lines';
import { Meeting, meetingLabel } from '../core/meetings/cluster';
import { conflictsOf } from '../core/meetings/conflicts';
import { EventAccount, spansOf } from '../core/meetings/extract';
import type { TextRange } from '../core/model';
import type { LspRange, MeetingSummary } from '../shared/protocol';

/** Line/character positions of a range, as LSP and the protocol count them. */
export function rangeOf(index: LineIndex, range: TextRange): LspRange {
  return { start: index.positionAt(range.start), end: index.positionAt(range.end) };
}

export function summariseMeeting(meeting: Meeting, corpus: Corpus): MeetingSummary {
  const outletOf = (uri: string) => corpus.get(uri)?.meta.outlet ?? null;
  const nameOf = (uri: string) => corpus.get(uri)?.name ?? uri;
  return {
    id: meeting.id,
    label: meetingLabel(meeting),
    kind: meeting.kind,
    status: meeting.status,
    date: meeting.date?.iso ?? null,
    dateText: meeting.date?.text ?? null,
    place: meeting.place ?? null,
    participants: meeting.participants.map((p) => ({
      key: p.key,
      name: p.name,
      titles: p.titles.map((t) => ({ outlet: outletOf(t.uri), name: nameOf(t.uri), title: t.title })),
      byRole: p.byRole.map((r) => ({ outlet: outletOf(r.uri), name: nameOf(r.uri), written: r.written, why: r.why })),
    })),
    accounts: meeting.accounts.flatMap((a) => {
      const article = corpus.get(a.uri);
      if (!article) return [];
      return [{
        id: a.id,
        uri: a.uri,
        name: article.name,
        outlet: article.meta.outlet ?? null,
        headline: article.headline?.text ?? null,
        range: rangeOf(lineIndexOf(article), a.span),
        ranges: spansOf(a).map((r) => rangeOf(lineIndexOf(article), r)),
        firstWords: firstWords(article.text.slice(a.span.start, a.span.end)),
        datedBy: datedBy(a, meeting, corpus),
      }];
    }),
    outlets: outletCount(meeting, corpus),
    conflicts: conflictsOf(meeting, corpus).map((c) => {
      const article = corpus.get(c.uri);
      return { code: c.code, message: c.message, uri: c.uri, range: article ? rangeOf(lineIndexOf(article), c.range) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    }),
  };
}

function firstWords(text: string, n = 10): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > n ? `${words.slice(0, n).join(' ')}…` : words.join(' ');
}

/** Distinct outlets reporting a meeting; an article without an outlet counts as one of its own. */
export function outletCount(meeting: Meeting, corpus: Corpus): number {
  return new Set(meeting.accounts.map((a) => corpus.get(a.uri)?.meta.outlet?.toLowerCase() ?? a.uri)).size;
}

/**
 * How an account's day was found, for the reader to weigh it: the outlet's dateline, a date printed in the account,
 * a weekday or relative day counted from the publication date (and where that came from), a weekday alone, or no
 * day here and the other accounts' day.
 */
export function datedBy(account: EventAccount, meeting: Meeting, corpus: Corpus): string {
  const article = corpus.get(account.uri);
  const outlet = article?.meta.outlet ?? article?.name ?? 'this article';
  const d = account.date;
  if (!d) {
    const other = meeting.accounts.find((a) => a.date?.iso && a.uri !== account.uri);
    if (other && meeting.date) return `undated here; dated by ${corpus.get(other.uri)?.meta.outlet ?? corpus.get(other.uri)?.name ?? 'another account'} (“${other.date!.text}”)`;
    return 'undated';
  }
  if (!d.iso) return d.key.startsWith('weekday') ? `weekday only (“${d.text}”, no publication date to count from)` : `“${d.text}” only, not resolved`;
  if (article) {
    const lineStart = article.text.lastIndexOf('\n', d.range.start - 1) + 1;
    if (d.range.start - lineStart < 40 && /^\s*\p{Lu}[\p{Lu} .'-]{2,30},?\s*$/u.test(article.text.slice(lineStart, d.range.start))) return `dated by ${outlet}'s dateline`;
  }
  if (/\d{4}|\b\d{1,2}\b/.test(d.text) && /[A-Za-z]{3}/.test(d.text)) return `dated in the text (“${d.text}”)`;
  // A page with no date of its own: the account's day says how it was found (a weekday before the dateline's day).
  if (!article?.published && d.how) return d.how;
  const from = article?.published ? `${article.published.iso}, ${article.published.how === 'text' ? 'printed on the page' : `from ${article.published.how}`}` : 'the publication date';
  return `“${d.text}” counted from the publication date (${from})`;
}

// Plain summaries of the corpus for views and scripts: what the server's sourcelens/meetings requests and the CLI's
// `meetings` command return (the types are in shared/protocol.ts).

import type { Corpus } from '../core/corpus';
import { lineIndexOf, LineIndex } from '../core/lines';
import { Meeting, meetingLabel } from '../core/meetings/cluster';
import { conflictsOf } from '../core/meetings/conflicts';
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
        firstWords: firstWords(article.text.slice(a.span.start, a.span.end)),
      }];
    }),
    conflicts: conflictsOf(meeting, corpus),
  };
}

function firstWords(text: string, n = 10): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > n ? `${words.slice(0, n).join(' ')}…` : words.join(' ');
}

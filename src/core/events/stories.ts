// The stories the reading desk lists: events that two or more outlets report and that are not simply one meeting
// (a meeting has its own accounts in the Meetings view, the compare panel and the coverage timeline).

import type { Corpus } from '../corpus';
import type { NewsEvent } from './cluster';

/** How many outlets report an event (an article without an outlet counts as its own). */
export function outletCount(event: NewsEvent, corpus: Corpus): number {
  return new Set(event.uris.map((u) => corpus.get(u)?.meta.outlet ?? u)).size;
}

/** Every article of the event is an account of one and the same meeting. */
function isOneMeeting(event: NewsEvent, corpus: Corpus): boolean {
  return corpus.meetings().forArticle(event.uris[0]).some(({ meeting }) => {
    const accounts = new Set(meeting.accounts.map((a) => a.uri));
    return event.uris.every((u) => accounts.has(u));
  });
}

/** The events two or more outlets report, meetings left to the meetings index. */
export function storiesSeveralOutletsReport(corpus: Corpus): NewsEvent[] {
  return corpus.events().all().filter((event) => event.uris.length >= 2 && outletCount(event, corpus) >= 2 && !isOneMeeting(event, corpus));
}

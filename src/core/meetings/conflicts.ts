// What the accounts of one meeting disagree on, as data of the meeting: the tree view, the CLI and the meeting
// card all read it from here. Derived from the corpus's findings (figure, date, title and quote conflicts between
// two accounts' articles), so it always agrees with what the diagnostics say.

import type { Article, Finding, RuleCode } from '../model';
import type { TextRange } from '../types';
import type { Meeting } from './cluster';
import { spansOf } from './extract';

export interface MeetingConflict {
  code: RuleCode;
  message: string;
  /** Where the disagreement stands: the first account's side. */
  uri: string;
  range: TextRange;
}

/** What conflictsOf reads of the corpus. */
export interface FindingsView {
  get(uri: string): Article | undefined;
  findings(uri: string): Finding[];
}

const CONFLICT_CODES: ReadonlySet<string> = new Set<RuleCode>(['figure-conflict', 'date-conflict', 'title-conflict', 'quote-variant']);

/**
 * What the accounts of one meeting disagree on: conflict findings raised inside an account, or pointing from one
 * account's article to another's. Each disagreement is reported once, from the first account's side.
 */
export function conflictsOf(meeting: Meeting, corpus: FindingsView): MeetingConflict[] {
  const uris = new Set(meeting.accounts.map((a) => a.uri));
  const out: MeetingConflict[] = [];
  const seen = new Set<string>();
  for (const account of meeting.accounts) {
    const outlet = corpus.get(account.uri)?.meta.outlet ?? corpus.get(account.uri)?.name ?? account.uri;
    for (const f of corpus.findings(account.uri)) {
      if (!CONFLICT_CODES.has(f.code)) continue;
      const inside = spansOf(account).some((span) => f.range.start >= span.start && f.range.end <= span.end);
      const other = f.related.find((r) => uris.has(r.uri) && r.uri !== account.uri);
      if (!inside || !other) continue;
      const pair = [`${account.uri}#${f.range.start}`, `${other.uri}#${other.range.start}`].sort().join('|') + f.code;
      if (seen.has(pair)) continue;
      seen.add(pair);
      out.push({ code: f.code, message: `${outlet}: ${f.message}`, uri: account.uri, range: f.range });
    }
  }
  return out;
}

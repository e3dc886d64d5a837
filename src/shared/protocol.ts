// Custom LSP messages, shared by the server and the VS Code client (plain types and names only).
// Documented in the README so other editors and scripts can use them.

export const METHODS = {
  /** Request, no params -> ArticleSummary[]: every article in the corpus with its metadata. */
  corpus: 'sourcelens/corpus',
  /** Request, no params -> { articles: number }: re-reads the whole corpus from disk. */
  reindex: 'sourcelens/reindex',
  /** Request, no params -> MeetingSummary[]: every meeting in the corpus, by date. */
  meetings: 'sourcelens/meetings',
  /** Request { id } -> MeetingSummary | null. */
  meeting: 'sourcelens/meeting',
  /** Request { uri, position } -> { meetingId, accountId } | null: the meeting account at a position. */
  meetingAt: 'sourcelens/meetingAt',
  /** Request, no params -> EntitySummary[]: people, organisations and places across the corpus, most mentioned first. */
  entities: 'sourcelens/entities',
  /** Request, { id } -> EntityDetail | null: one entity with its articles and mentions. */
  entity: 'sourcelens/entity',
  /** Request { meetingId } -> CompareResult | null: the accounts of one meeting as columns, aligned by what they report. */
  compare: 'sourcelens/compare',
  /** Request, no params -> CoverageData (src/core/coverage.ts): accounts by outlet and date, sourcing profiles, word choices. */
  coverage: 'sourcelens/coverage',
  /** Notification from the server while indexing: IndexProgressParams. */
  indexProgress: 'sourcelens/indexProgress',
  /** Notification from the server: the corpus or its findings changed. */
  corpusChanged: 'sourcelens/corpusChanged',
} as const;

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface ArticleSummary {
  uri: string;
  name: string;
  outlet: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  publishedFrom: 'front-matter' | 'sources.yaml' | 'text' | null;
  headline: string | null;
  headlineRange: LspRange | null;
  wordCount: number;
  boilerplate: number;
  findings: { error: number; warning: number; information: number; hint: number };
  problems: string[];
  /** Who says so, per article: sentences attributed (named, anonymous), claims nobody is cited for, sources cited. */
  sourcing: { sentences: number; attributed: number; anonymous: number; unattributedClaims: number; sources: string[] };
}

export interface CorpusChangedParams {
  articles: number;
  findings: number;
  indexing: boolean;
}

export interface MeetingAccountSummary {
  id: string;
  uri: string;
  name: string;
  outlet: string | null;
  headline: string | null;
  range: LspRange;
  /** Every passage of the article about this meeting (headline, lead, later paragraphs); the first is `range`. */
  ranges: LspRange[];
  firstWords: string;
  /** How this account's day was found: "dated by Xinhua's dateline", "weekday only", "undated here; …". */
  datedBy: string;
}

export interface MeetingSummary {
  id: string;
  label: string;
  kind: 'meeting' | 'visit' | 'call' | 'press-conference' | 'summit';
  status: 'past' | 'ongoing' | 'scheduled';
  /** YYYY-MM-DD when resolved. */
  date: string | null;
  /** The words the accounts used when the date is not resolved ("on Saturday"). */
  dateText: string | null;
  place: string | null;
  participants: {
    key: string;
    name: string;
    titles: { outlet: string | null; name: string; title: string }[];
    /** Accounts that name this participant by role only, and why the role is taken to be this person. */
    byRole: { outlet: string | null; name: string; written: string; why: string }[];
  }[];
  accounts: MeetingAccountSummary[];
  /** How many different outlets (articles without an outlet count one each) report it. */
  outlets: number;
  conflicts: { code: string; message: string; uri: string; range: LspRange }[];
}

/** An entity without its mentions: a 10,000-article corpus lists tens of thousands of these. */
export interface EntitySummary {
  id: string;
  kind: 'person' | 'organisation' | 'place';
  canonical: string;
  aliases: string[];
  mentionCount: number;
  articleCount: number;
}

export interface EntityDetail extends EntitySummary {
  articles: { uri: string; name: string; outlet: string | null; mentions: { range: LspRange; text: string; title: string | null }[] }[];
}

/** One passage of an account: its text, where it stands, and (for quotes) the word diff against the row's first version. */
export interface ComparePassage {
  text: string;
  uri: string;
  range: LspRange;
  diff?: { value: string; op: 'same' | 'added' | 'removed' }[];
}

export interface CompareResult {
  meetingId: string;
  label: string;
  kind: string;
  /** One per account (at most one per outlet, at most 8), in meeting order. */
  columns: { accountId: string; uri: string; name: string; outlet: string | null; headline: string | null; published: string | null; range: LspRange }[];
  /** Participants (value: the outlet's title), place, date, figures, quotes; `disagreement` when the accounts differ. */
  rows: { kind: 'participant' | 'place' | 'date' | 'figure' | 'quote'; label: string; disagreement: boolean; cells: { value?: string; passages: ComparePassage[] }[] }[];
  omitted: number;
}

export interface IndexProgressParams {
  done: number;
  total: number;
}

// Custom LSP messages, typed once: the server, the VS Code client, the bench and the tests import these (in the manner
// of rust-analyzer's lsp_ext.ts). Also the command ids and the file-watcher globs. Documented in the README so other
// editors and scripts can use them.

import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** Request, no params -> every article in the corpus with its metadata. */
export const CorpusRequest = new RequestType0<ArticleSummary[], void>('sourcelens/corpus');
/** Request, no params -> re-reads the whole corpus from disk. */
export const ReindexRequest = new RequestType0<{ articles: number }, void>('sourcelens/reindex');
/** Request, no params -> every meeting in the corpus, by date. */
export const MeetingsRequest = new RequestType0<MeetingSummary[], void>('sourcelens/meetings');
/** Request { id } -> one meeting, or null. */
export const MeetingRequest = new RequestType<{ id: string }, MeetingSummary | null, void>('sourcelens/meeting');
/** Request { uri, position } -> the meeting account at a position, or null; with the meeting as the server has it
 *  at that moment (a list fetched earlier can be older: an edit re-forms meetings and their accounts). */
export const MeetingAtRequest = new RequestType<{ uri: string; position: LspPosition }, { meetingId: string; accountId: string; meeting: MeetingSummary } | null, void>('sourcelens/meetingAt');
/** Request, no params -> people, organisations and places across the corpus, most mentioned first. */
export const EntitiesRequest = new RequestType0<EntitySummary[], void>('sourcelens/entities');
/** What one saved page's import did (the same outcome `sourcelens import` prints). */
export interface ImportOutcomeData {
  page: string;
  /** The article file (written or not). */
  target: string;
  status: 'created' | 'updated' | 'unchanged' | 'not-article' | 'edited' | 'occupied' | 'failed';
  message: string;
}

/** Import the saved pages in these files or folders (file system paths) to .md articles beside them; null: no pages there. */
export const ImportPagesRequest = new RequestType<{ paths: string[]; force: boolean }, ImportOutcomeData[] | null, void>('sourcelens/importPages');

/** Request { id } -> one entity with its articles and mentions, or null. */
export const EntityRequest = new RequestType<{ id: string }, EntityDetail | null, void>('sourcelens/entity');
/**
 * Request { meetingId } | { eventId } | { uri, position } -> the accounts of one meeting, or the articles of one event
 * (a story several outlets report: figures of the leads, shared quotes), as columns aligned by what they report; with
 * a position: the meeting account there, else the article's event. Null when there is nothing to compare.
 */
export const CompareRequest = new RequestType<CompareParams, CompareResult | null, void>('sourcelens/compare');
/** Request, no params -> the events (stories) two or more outlets report, those with figure conflicts first. */
export const EventsRequest = new RequestType0<EventSummary[], void>('sourcelens/events');
/**
 * Request, no params -> CoverageData (src/core/coverage.ts): accounts by outlet and date, sourcing profiles, word
 * choices. Typed loosely here because shared/ imports nothing from the core; the webview reads it as JSON.
 */
export const CoverageRequest = new RequestType0<Record<string, unknown>, void>('sourcelens/coverage');
/** Request { head, tail } -> the Coverage page as HTML, with `head` and `tail` inserted (the webview's CSP and script). */
export const CoverageHtmlRequest = new RequestType<{ head: string; tail: string }, string, void>('sourcelens/coverageHtml');
/** Notification from the server while indexing. */
export const IndexProgressNotification = new NotificationType<IndexProgressParams>('sourcelens/indexProgress');
/** Notification from the server: the corpus or its findings changed. */
export const CorpusChangedNotification = new NotificationType<CorpusChangedParams>('sourcelens/corpusChanged');

/** The method names, for scripts and tests that send raw messages. */
export const METHODS = {
  corpus: CorpusRequest.method,
  reindex: ReindexRequest.method,
  meetings: MeetingsRequest.method,
  meeting: MeetingRequest.method,
  meetingAt: MeetingAtRequest.method,
  entities: EntitiesRequest.method,
  entity: EntityRequest.method,
  compare: CompareRequest.method,
  events: EventsRequest.method,
  coverage: CoverageRequest.method,
  coverageHtml: CoverageHtmlRequest.method,
  importPages: ImportPagesRequest.method,
  indexProgress: IndexProgressNotification.method,
  corpusChanged: CorpusChangedNotification.method,
} as const;

/** Command ids contributed in package.json (server code lenses and hovers use openAccount and showMeeting). */
export const COMMANDS = {
  reindex: 'sourcelens.reindex',
  showLog: 'sourcelens.showLog',
  revealSourcesEntry: 'sourcelens.revealSourcesEntry',
  nextAccount: 'sourcelens.nextAccount',
  previousAccount: 'sourcelens.previousAccount',
  compareAccounts: 'sourcelens.compareAccounts',
  showMeeting: 'sourcelens.showMeeting',
  openAccount: 'sourcelens.openAccount',
  importPages: 'sourcelens.importPages',
  showCoverage: 'sourcelens.showCoverage',
  hideSingleMeetings: 'sourcelens.meetings.hideSingle',
  showSingleMeetings: 'sourcelens.meetings.showSingle',
} as const;

/** What the server watches (registered once, by the server): articles, metadata, knowledge, suppressions; and any
 *  path created or deleted (kind 1 | 4 = Create | Delete), because a folder copied in or deleted often arrives as one
 *  event for the folder, its files' own events lost (inotify cannot watch a folder before it exists). */
export const FILE_WATCHERS: readonly { globPattern: string; kind?: number }[] = [
  { globPattern: '**/*.{txt,md,html,htm,TXT,MD,HTML,HTM}' },
  { globPattern: '**/sources.{yaml,yml}' },
  { globPattern: '**/sourcelens.entities.yaml' },
  { globPattern: '**/sourcelens.suppressions.yaml' },
  { globPattern: '**/*', kind: 1 | 4 },
];


export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
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

export interface CompareParams {
  meetingId?: string;
  eventId?: string;
  uri?: string;
  position?: LspPosition;
}

/** A story several outlets report (core/events/cluster.ts), for the Meetings view's events group. */
export interface EventSummary {
  id: string;
  label: string;
  /** quake, attack, arrest, … ('other' when none). */
  type: string;
  from: string | null;
  to: string | null;
  outlets: number;
  articles: { uri: string; name: string; outlet: string | null; headline: string | null; range: LspRange }[];
  /** figure-conflict and figure-update pairs between its articles. */
  conflicts: number;
  updates: number;
}

export interface CompareResult {
  /** The meeting's id, or the event's when `kind` is 'event'. */
  meetingId: string;
  label: string;
  /** The meeting's kind (meeting, call, visit, …) or 'event'. */
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

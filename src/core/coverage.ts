// The coverage at a glance (pure data for the Coverage page and `sourcelens report`): every meeting's accounts and
// every story's articles (events several outlets report: a quake, an attack) by outlet and date, each outlet's sourcing profile, and the words each outlet uses for the groups in rules/loaded.yaml.

import type { Corpus } from './corpus';
import { storiesSeveralOutletsReport } from './events/stories';
import { meetingLabel } from './meetings/cluster';
import { ownLoadedTerms } from './sourcing/loaded';

const CONFLICTS = new Set(['figure-conflict', 'date-conflict', 'title-conflict', 'quote-variant']);

export interface CoverageAccount {
  /** A meeting's account, or an article of a story (an event other than a meeting). */
  kind: 'meeting' | 'story';
  /** The meeting's or the story's id. */
  meetingId: string;
  /** The meeting's or the story's label. */
  meeting: string;
  /** YYYY-MM-DD: the meeting's date, else the article's publication date (a story's article: its publication date). */
  date: string;
  outlet: string;
  uri: string;
  name: string;
  /** Offsets of the account in its article (a story's article: its headline). */
  span: { start: number; end: number };
  /** Another account of the same meeting disagrees with this one (a conflict finding inside it). */
  disagrees: boolean;
  accounts: number;
}

export interface OutletProfile {
  outlet: string;
  articles: number;
  sentences: number;
  /** Share of sentences attributed to a source (named or not). */
  attributedShare: number;
  /** Sentences resting on an anonymous or vague source, per 100 sentences. */
  anonymousPer100: number;
  quotesPerArticle: number;
}

export interface LoadedUse {
  group: string;
  outlet: string;
  term: string;
  count: number;
}

export interface CoverageData {
  articles: number;
  outlets: OutletProfile[];
  /** The timeline's marks: at most `timeline.limit`, whole meetings and stories only (see `keepMostReported`). */
  accounts: CoverageAccount[];
  /** How much of the timeline is shown: meetings and stories (groups) and their accounts, shown of all. */
  timeline: { groupsShown: number; groupsTotal: number; accountsShown: number; accountsTotal: number; limit: number };
  loaded: LoadedUse[];
}

export interface CoverageOptions {
  /** Most marks on the timeline. A chart of tens of thousands of marks is unreadable and slow to draw in a webview;
   *  the meetings and stories most outlets report are kept whole, the rest counted. */
  timelineLimit?: number;
}

export const DEFAULT_TIMELINE_LIMIT = 2000;

export function coverageData(corpus: Corpus, options: CoverageOptions = {}): CoverageData {
  const outletOf = (uri: string) => corpus.get(uri)?.meta.outlet ?? 'unknown outlet';
  const profiles = new Map<string, { articles: number; sentences: number; attributed: number; anonymous: number; quotes: number }>();
  const loaded = new Map<string, LoadedUse>();
  for (const analysis of corpus.all()) {
    const outlet = outletOf(analysis.article.uri);
    const p = profiles.get(outlet) ?? { articles: 0, sentences: 0, attributed: 0, anonymous: 0, quotes: 0 };
    profiles.set(outlet, p);
    p.articles++;
    p.sentences += analysis.article.sentences.length;
    p.attributed += new Set(analysis.sourcing.attributions.map((a) => a.sentence)).size;
    p.anonymous += new Set(analysis.sourcing.attributions.filter((a) => a.source.type === 'anonymous').map((a) => a.sentence)).size;
    p.quotes += analysis.sourcing.quotes.filter((q) => q.kind !== 'scare').length;
    for (const t of ownLoadedTerms(analysis)) {
      const key = `${t.group}\u0000${outlet}\u0000${t.term}`;
      const use = loaded.get(key) ?? { group: t.group, outlet, term: t.term, count: 0 };
      use.count++;
      loaded.set(key, use);
    }
  }
  const accounts: CoverageAccount[] = [];
  for (const meeting of corpus.meetings().all()) {
    const label = meetingLabel(meeting);
    const uris = new Set(meeting.accounts.map((a) => a.uri));
    for (const a of meeting.accounts) {
      const article = corpus.get(a.uri);
      const date = meeting.date?.iso ?? article?.published?.iso;
      if (!article || !date) continue;
      const disagrees = corpus.findings(a.uri).some((f) => CONFLICTS.has(f.code) && f.range.start >= a.span.start && f.range.end <= a.span.end && f.related.some((r) => uris.has(r.uri) && r.uri !== a.uri));
      accounts.push({ kind: 'meeting', meetingId: meeting.id, meeting: label, date, outlet: outletOf(a.uri), uri: a.uri, name: article.name, span: a.span, disagrees, accounts: meeting.accounts.length });
    }
  }
  for (const story of storiesSeveralOutletsReport(corpus)) {
    const members = new Set(story.uris);
    for (const uri of story.uris) {
      const article = corpus.get(uri);
      const date = article?.published?.iso;
      if (!article || !date) continue;
      const disagrees = corpus.findings(uri).some((f) => CONFLICTS.has(f.code) && f.related.some((r) => members.has(r.uri) && r.uri !== uri));
      const span = article.headline?.range ?? { start: 0, end: 0 };
      accounts.push({ kind: 'story', meetingId: story.id, meeting: story.label, date, outlet: outletOf(uri), uri, name: article.name, span: { start: span.start, end: span.end }, disagrees, accounts: story.uris.length });
    }
  }
  const limit = options.timelineLimit ?? DEFAULT_TIMELINE_LIMIT;
  const shown = keepMostReported(accounts, limit);
  const outlets = [...profiles].map(([outlet, p]) => ({
    outlet,
    articles: p.articles,
    sentences: p.sentences,
    attributedShare: p.sentences ? p.attributed / p.sentences : 0,
    anonymousPer100: p.sentences ? (100 * p.anonymous) / p.sentences : 0,
    quotesPerArticle: p.articles ? p.quotes / p.articles : 0,
  })).sort((a, b) => b.articles - a.articles || a.outlet.localeCompare(b.outlet));
  return {
    articles: corpus.size,
    outlets,
    accounts: shown.sort((a, b) => a.date.localeCompare(b.date) || a.outlet.localeCompare(b.outlet)),
    timeline: { groupsShown: new Set(shown.map(groupKey)).size, groupsTotal: new Set(accounts.map(groupKey)).size, accountsShown: shown.length, accountsTotal: accounts.length, limit },
    loaded: [...loaded.values()].sort((a, b) => a.group.localeCompare(b.group) || a.outlet.localeCompare(b.outlet) || b.count - a.count),
  };
}

const groupKey = (a: CoverageAccount) => `${a.kind}:${a.meetingId}`;

/**
 * The accounts of the meetings and stories that matter most, whole, up to `limit` marks: those where outlets
 * disagree first, then those more outlets report, then those with more accounts; ties by date and id so the choice
 * is stable between runs.
 */
function keepMostReported(accounts: CoverageAccount[], limit: number): CoverageAccount[] {
  if (accounts.length <= limit) return accounts;
  const groups = new Map<string, CoverageAccount[]>();
  for (const a of accounts) {
    const list = groups.get(groupKey(a));
    if (list) list.push(a);
    else groups.set(groupKey(a), [a]);
  }
  const rank = [...groups.entries()].map(([key, list]) => ({
    key,
    list,
    disagrees: list.some((a) => a.disagrees),
    outlets: new Set(list.map((a) => a.outlet)).size,
    first: list.reduce((d, a) => (a.date < d ? a.date : d), list[0].date),
  }));
  rank.sort((a, b) => Number(b.disagrees) - Number(a.disagrees) || b.outlets - a.outlets || b.list.length - a.list.length || a.first.localeCompare(b.first) || a.key.localeCompare(b.key));
  const kept: CoverageAccount[] = [];
  for (const group of rank) {
    if (kept.length + group.list.length > limit) continue;
    kept.push(...group.list);
  }
  return kept;
}

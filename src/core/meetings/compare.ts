// The accounts of one meeting side by side, aligned by what they report: one column per account (outlet), rows for
// each participant (with the title each outlet gave), the place, the date, each figure (by what it counts) and each
// quotation (by speaker and wording, with a word diff against the row's first version). Pure: the language server
// turns offsets into editor ranges, the CLI and the HTML report can use the same data.

import { diffWords } from 'diff';
import type { Corpus } from '../corpus';
import type { Figure } from '../figures/extract';
import type { Quote } from '../sourcing/extract';
import type { TextRange } from '../types';
import { Meeting, meetingLabel } from './cluster';
import { EventAccount } from './extract';

export const MAX_COMPARED_ACCOUNTS = 8;

export interface ComparePassage {
  text: string;
  uri: string;
  range: TextRange;
  /** Word diff against the row's reference version (the first column that has one); absent on the reference. */
  diff?: { value: string; op: 'same' | 'added' | 'removed' }[];
}

export interface CompareCell {
  /** What this account says for the row, one or more passages; empty when it does not report it. */
  passages: ComparePassage[];
  /** Short text shown when there is no passage to point at (a title, a resolved date). */
  value?: string;
}

export interface CompareRow {
  kind: 'participant' | 'place' | 'date' | 'figure' | 'quote';
  label: string;
  /** One per column, in column order. */
  cells: CompareCell[];
  /** The accounts that report it do not agree. */
  disagreement: boolean;
}

export interface CompareColumn {
  accountId: string;
  uri: string;
  name: string;
  outlet: string | null;
  headline: string | null;
  published: string | null;
  span: TextRange;
}

export interface MeetingComparison {
  /** The meeting's id, or the event's when `kind` is 'event' (events/compare.ts). */
  meetingId: string;
  label: string;
  kind: string;
  columns: CompareColumn[];
  rows: CompareRow[];
  /** Accounts left out beyond MAX_COMPARED_ACCOUNTS. */
  omitted: number;
}

const inside = (r: TextRange, span: TextRange) => r.start >= span.start && r.end <= span.end;
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Picks at most one account per outlet (the longest), then up to MAX_COMPARED_ACCOUNTS of them. */
function pickAccounts(meeting: Meeting, corpus: Corpus): { accounts: EventAccount[]; omitted: number } {
  const byOutlet = new Map<string, EventAccount>();
  for (const a of meeting.accounts) {
    const article = corpus.get(a.uri);
    if (!article) continue;
    const key = article.meta.outlet ? `o:${fold(article.meta.outlet)}` : `u:${a.uri}`;
    const prev = byOutlet.get(key);
    if (!prev || a.span.end - a.span.start > prev.span.end - prev.span.start) byOutlet.set(key, a);
  }
  const all = [...byOutlet.values()];
  return { accounts: all.slice(0, MAX_COMPARED_ACCOUNTS), omitted: meeting.accounts.length - Math.min(all.length, MAX_COMPARED_ACCOUNTS) };
}

export function compareMeeting(meeting: Meeting, corpus: Corpus): MeetingComparison {
  const { accounts, omitted } = pickAccounts(meeting, corpus);
  const columns: CompareColumn[] = accounts.map((a) => {
    const article = corpus.get(a.uri)!;
    return { accountId: a.id, uri: a.uri, name: article.name, outlet: article.meta.outlet ?? null, headline: article.headline?.text ?? null, published: article.published?.iso ?? null, span: a.span };
  });
  const rows: CompareRow[] = [];
  const empty = (): CompareCell => ({ passages: [] });

  // Participants, with each outlet's title for them.
  for (const p of meeting.participants) {
    const cells = accounts.map((a): CompareCell => {
      const mentions = a.participants.filter((m) => m.key === p.key);
      if (!mentions.length) return empty();
      const title = mentions.find((m) => m.title)?.title;
      const m = mentions.find((x) => x.title) ?? mentions[0];
      return { passages: [{ text: m.title ? `${m.title} ${m.name}`.trim() : m.name, uri: a.uri, range: m.range }], value: title ?? '' };
    });
    const titles = new Set(cells.filter((c) => c.value).map((c) => fold(c.value!)));
    rows.push({ kind: 'participant', label: p.name, cells, disagreement: titles.size > 1 });
  }

  // Place and date, as each account states them.
  const places = accounts.map((a): CompareCell => (a.place ? { passages: a.place.range ? [{ text: a.place.name, uri: a.uri, range: a.place.range }] : [], value: a.place.name } : empty()));
  if (places.some((c) => c.value)) rows.push({ kind: 'place', label: 'Place', cells: places, disagreement: new Set(places.filter((c) => c.value).map((c) => fold(c.value!))).size > 1 });
  const dates = accounts.map((a): CompareCell => (a.date ? { passages: [{ text: a.date.text, uri: a.uri, range: a.date.range }], value: a.date.iso ?? a.date.text } : empty()));
  if (dates.some((c) => c.value)) {
    const keys = new Set(accounts.flatMap((a) => (a.date?.iso ? [a.date.iso] : [])));
    rows.push({ kind: 'date', label: 'Date', cells: dates, disagreement: keys.size > 1 });
  }

  // Figures inside the accounts, aligned by what they count.
  const figureRows = new Map<string, (Figure | undefined)[]>();
  accounts.forEach((a, i) => {
    for (const f of corpus.analysis(a.uri)?.figures ?? []) {
      if (!inside(f.range, a.span) || f.kind === 'ordinal') continue;
      const key = f.counted ? `${f.kind}|${f.counted}` : `${f.kind}|${f.unit ?? ''}|${f.text}`;
      const row = figureRows.get(key) ?? accounts.map(() => undefined);
      row[i] ??= f;
      figureRows.set(key, row);
    }
  });
  for (const [key, figures] of figureRows) {
    const reported = figures.filter((f): f is Figure => !!f);
    // "the two sides", "our two peoples": small counts one account mentions in passing are not worth a row.
    if (reported.length < 2 && reported.every((f) => (f.high ?? f.value) <= 2 && f.kind !== 'fraction')) continue;
    const counted = key.split('|')[1];
    rows.push({
      kind: 'figure',
      label: reported[0].counted ? `Figure: ${counted}` : `Figure: ${reported[0].text}`,
      cells: figures.map((f, i) => (f ? { passages: [{ text: f.text + (f.counted ? ` ${f.counted}` : ''), uri: accounts[i].uri, range: f.range }], value: f.text } : empty())),
      disagreement: reported.some((f) => !figuresAgree(reported[0], f)),
    });
  }

  // Quotations by the meeting's participants (anywhere in the article) or inside the account, aligned by speaker and
  // wording: a quote joins a row whose reference shares enough of its words.
  const participantKeys = new Set(meeting.participants.map((p) => p.key));
  const perColumn = accounts.map((a) => {
    // Outside the account's sentences, a participant's quote belongs to it only when the article reports no other meeting.
    const onlyMeeting = corpus.meetings().forArticle(a.uri).every((x) => x.meeting.id === meeting.id);
    return (corpus.analysis(a.uri)?.sourcing.quotes ?? []).filter((q) => inside(q.range, a.span) || (onlyMeeting && !!q.speaker?.key && participantKeys.has(q.speaker.key)));
  });
  rows.push(...quoteRows(accounts.map((a) => a.uri), perColumn));

  return { meetingId: meeting.id, label: meetingLabel(meeting), kind: meeting.kind, columns, rows, omitted };
}

/**
 * Quotation rows: each column's quotes (non-scare, three content words or more) aligned by speaker and wording — a
 * quote joins a row whose reference shares enough of its words — with a word diff against the row's first version.
 * `minVersions`: rows with fewer versions are left out.
 */
export function quoteRows(uris: string[], perColumn: Quote[][], minVersions = 1): CompareRow[] {
  type QuoteRow = { speaker: string; ref: Quote; refWords: Set<string>; quotes: (Quote | undefined)[] };
  const aligned: QuoteRow[] = [];
  perColumn.forEach((quotes, i) => {
    for (const q of quotes) {
      if (q.kind === 'scare') continue;
      const words = contentWords(q.content);
      if (words.size < 3) continue;
      const speaker = q.speaker?.name ?? '(no speaker)';
      const row = aligned.find((r) => r.quotes[i] === undefined && (r.ref.speaker?.key ?? r.speaker) === (q.speaker?.key ?? speaker) && overlap(r.refWords, words) >= 0.35);
      if (row) row.quotes[i] = q;
      else {
        const versions: (Quote | undefined)[] = uris.map(() => undefined);
        versions[i] = q;
        aligned.push({ speaker, ref: q, refWords: words, quotes: versions });
      }
    }
  });
  const rows: CompareRow[] = [];
  for (const r of aligned) {
    const versions = r.quotes.filter((q): q is Quote => !!q);
    if (versions.length < minVersions) continue;
    const cells = r.quotes.map((q, i): CompareCell => {
      if (!q) return { passages: [] };
      const passage: ComparePassage = { text: q.content.trim(), uri: uris[i], range: q.range };
      if (q !== r.ref) passage.diff = diffWords(r.ref.content.trim(), q.content.trim()).map((part) => ({ value: part.value, op: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
      return { passages: [passage] };
    });
    rows.push({ kind: 'quote', label: `Quote: ${r.speaker}`, cells, disagreement: new Set(versions.map((q) => fold(q.content))).size > 1 });
  }
  return rows;
}

function contentWords(text: string): Set<string> {
  return new Set(fold(text).split(' ').filter((w) => w.length > 3));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/** Same rule of thumb as `figure-conflict`: exact figures must match, approximate ones may differ by 15%. */
export function figuresAgree(a: Figure, b: Figure): boolean {
  if (a === b) return true;
  if (a.vague || b.vague) return true;
  if (a.kind === 'fraction' || b.kind === 'fraction') return a.value === b.value && a.of === b.of;
  const lo = (f: Figure) => f.value;
  const hi = (f: Figure) => f.high ?? f.value;
  const approx = a.qualifier !== 'exact' || b.qualifier !== 'exact';
  const slack = approx ? 0.15 * Math.max(hi(a), hi(b)) : 0;
  return lo(a) <= hi(b) + slack && lo(b) <= hi(a) + slack;
}

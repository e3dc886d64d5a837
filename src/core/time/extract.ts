// Time expressions in an article, resolved against its publication date.
// chrono-node finds the expressions and their stated parts (weekday, day, month, year); the resolution is done
// here because news needs rules chrono does not have: a bare weekday or month means the most recent one on or
// before publication unless the sentence speaks of the future, "a day after" is relative to an event (not to
// publication), bare years ("in 2025", "since 1979") are anchors, and "early"/"late" qualify a period.

import { en as chronoEn } from 'chrono-node';
import { isValidDate } from '../metadata';
import { parseCasual } from './prefilter';
import { Article, TextRange } from '../types';
import type { TimePrecision, Tense, TimeExpression } from '../model';
export type { TimePrecision, TimeKind, Tense, TimeExpression } from '../model';

const FUTURE = /\b(?:will|shall|'ll|(?:is|are|was|were) (?:scheduled|due|expected|set|slated|planned|to be held|going) to|(?:is|are) to|plans? to|intends? to|upcoming|next|tomorrow|would (?:travel|visit|meet|hold|attend))\b/i;
/** "talks Wednesday that were expected to focus on Syria": a past expectation in a relative clause says nothing of the tense of the day. */
const PAST_EXPECTATION = /\b(?:that|which|who)\s+(?:was|were)\s+(?:scheduled|due|expected|set|slated|planned)\s+to\b[^,;.]*/gi;
const EVENT_RELATIVE = /\b(?:(?:later|earlier) (?:in|that) (?:the )?(?:day|week|evening|morning)|that (?:day|evening|morning|night)|(?:a|one|two|three|the|\d+) (?:day|days|week|weeks|month|months|year|years) (?:after|before|later|earlier)|the (?:day|week|month|year) (?:before|after)|the next day|the previous day|the following day|the same day)\b/i;
const MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;
const RELATIVE_WORDS = /\b(?:today|tonight|yesterday|tomorrow|last|this|next|past|ago|earlier this|later this)\b/i;
const PAST = /\b(?:said|was|were|had|met|held|arrived|visited|\w+ed)\b/i;
/** BARE_YEAR's year, which it cannot match without. */
const HAS_YEAR = /(?:19|20)\d{2}/;
const BARE_YEAR = /\b(?:(early|late|mid)(?:[- ]in)?[- ]|(?:in|since|by|until|till|from|before|after|during|of)\s+(?:the\s+)?(?:(early|late|mid)[- ](?:in\s+)?)?|the\s+)((?:19|20)\d{2})(?![\d,.]\d)(?!\s*(?:people|soldiers|troops|fighters|civilians|refugees|dollars|euros))/gi;

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function utc(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

function addDays(isoDate: string, days: number): string {
  const d = utc(isoDate);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** The weekday on or before (past) / on or after (future) the reference date. */
export function resolveWeekday(weekday: number, published: string, tense: Tense): string {
  const ref = utc(published).getUTCDay();
  if (tense === 'future') return addDays(published, (weekday - ref + 7) % 7);
  return addDays(published, -((ref - weekday + 7) % 7));
}

export function resolveMonth(month: number, published: string, tense: Tense): string {
  const [y, m] = published.split('-').map(Number);
  let year = y;
  if (tense === 'future' ? month < m : month > m) year += tense === 'future' ? 1 : -1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** How far after publication a day of a month, in a sentence that gives no tense, is still read as coming. */
const NEAR_FUTURE_DAYS = 31;

/**
 * The year of a day of a month printed without one: on or before publication (past), on or after (future). With no
 * tense in the sentence, a day within a month after publication is the coming one ("Erdogan, Putin to meet on
 * September 4" on 31 August), else the past one. A printed weekday ("Friday, February 10") picks the year, among the
 * one before, of and after publication, in which that day is that weekday, nearest publication.
 */
export function resolveDayMonth(day: number, month: number, published: string, tense: Tense, weekday?: number): string | undefined {
  const [y] = published.split('-').map(Number);
  const candidate = (year: number) => (isValidDate(year, month, day) ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : undefined);
  if (weekday !== undefined) {
    const fits = [y, y - 1, y + 1].map(candidate).filter((c): c is string => !!c && utc(c).getUTCDay() === weekday);
    const apart = (c: string) => Math.abs(utc(c).getTime() - utc(published).getTime());
    if (fits.length) return fits.sort((a, b) => apart(a) - apart(b))[0];
  }
  const same = candidate(y);
  if (!same) return undefined;
  if (tense === 'future') return same < published ? candidate(y + 1) : same;
  if (tense === 'unknown' && same > published && utc(same).getTime() - utc(published).getTime() <= NEAR_FUTURE_DAYS * 86_400_000) return same;
  return same > published ? candidate(y - 1) : same;
}

export function extractTimes(article: Article): TimeExpression[] {
  const out: TimeExpression[] = [];
  const published = article.published?.iso;
  const ref = published ? utc(published) : new Date(Date.UTC(2000, 0, 1, 12));
  article.sentences.forEach((whole, index) => {
    for (const sentence of windows(article.text, whole.range)) scan(sentence, index);
  });
  function scan(sentence: { range: TextRange }, index: number): void {
    const text = article.text.slice(sentence.range.start, sentence.range.end);
    const results = parseCasual(text, { instant: ref, timezone: 0 }, { forwardDate: false });
    // Most sentences hold no time expression: read the tense (two regexes) and look for years only when one may.
    const hasYear = HAS_YEAR.test(text);
    if (results.length === 0 && !hasYear) return;
    const tense: Tense = FUTURE.test(text.replace(PAST_EXPECTATION, ' ')) ? 'future' : PAST.test(text) ? 'past' : 'unknown';
    const taken: TextRange[] = [];
    for (const result of results) {
      // chrono's match may end in the sentence's punctuation ("on Saturday,"): the expression stops at the word.
      const trimmed = result.text.replace(/[\s,.;:!?)]+$/u, '');
      const range = { start: sentence.range.start + result.index, end: sentence.range.start + result.index + trimmed.length };
      const expression = interpret(result, range, index, tense, published, text.slice(Math.max(0, result.index - 12), result.index + result.text.length));
      if (!expression) continue;
      out.push(expression);
      taken.push(range);
    }
    if (!hasYear) return;
    for (const match of text.matchAll(BARE_YEAR)) {
      const year = match[3];
      const start = sentence.range.start + match.index! + match[0].lastIndexOf(year);
      const range = { start, end: start + 4 };
      if (taken.some((t) => t.start <= range.start && range.end <= t.end)) continue;
      const qualifier = (match[1] ?? match[2])?.toLowerCase() as TimeExpression['qualifier'];
      out.push({
        range,
        text: year,
        sentence: index,
        kind: 'year',
        key: `year:${year}`,
        resolved: { iso: `${year}-01-01`, precision: 'year' },
        tense,
        qualifier,
      });
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

const WINDOW = 2_000;

/**
 * A run-on "sentence" (a page without full stops) is read in windows cut at spaces: chrono's patterns look back
 * over the text before each match, which is quadratic in sentence length, and no date spans 2,000 characters.
 */
function windows(text: string, range: TextRange): { range: TextRange }[] {
  if (range.end - range.start <= WINDOW) return [{ range }];
  const out: { range: TextRange }[] = [];
  let start = range.start;
  while (start < range.end) {
    let end = Math.min(range.end, start + WINDOW);
    if (end < range.end) {
      // Only the window's second half is searched: lastIndexOf from `end` would scan back to the start of a text
      // without spaces ("1,1,1,…") for every window.
      const half = start + WINDOW / 2 + 1;
      const space = text.slice(half, end + 1).lastIndexOf(' ');
      if (space >= 0) end = half + space;
    }
    out.push({ range: { start, end } });
    start = end;
  }
  return out;
}

type ChronoResult = ReturnType<typeof chronoEn.casual.parse>[number];

function interpret(result: ChronoResult, range: TextRange, sentence: number, tense: Tense, published: string | undefined, around: string): TimeExpression | undefined {
  const text = result.text.replace(/[\s,.;:!?)]+$/u, '');
  const lower = text.toLowerCase();
  // "may" the verb, "march" the verb/noun, "sun" … : month and weekday words must be capitalised to count.
  if (/^(?:may|march|sun|sat|wed|mon|fri)$/.test(lower) && text[0] === lower[0]) return undefined;
  if (/^(?:now|today|tonight)$/.test(lower)) return undefined; // "now" is not a date claim; "today" in a quote is the speaker's day
  const base = { range, text, sentence, tense };
  const start = result.start;
  if (EVENT_RELATIVE.test(around)) return { ...base, kind: 'event-relative', key: `event-relative:${lower}` };
  const known = (c: 'weekday' | 'day' | 'month' | 'year') => start.isCertain(c);
  // Without a digit or a month name the parts chrono filled in came from the reference date: a relative expression.
  const explicit = /\d/.test(text) || MONTH_NAME.test(text);
  const relative = RELATIVE_WORDS.test(text) || !explicit;
  if (known('weekday') && !known('day') && !known('month')) {
    const weekday = start.get('weekday')!;
    const expression: TimeExpression = { ...base, kind: 'weekday', key: `weekday:${weekday}` };
    if (published) expression.resolved = { iso: resolveWeekday(weekday, published, /\bnext\b/i.test(text) ? 'future' : tense), precision: 'day' };
    return expression;
  }
  if (relative) {
    const precision: TimePrecision = /week/i.test(text) ? 'week' : /month/i.test(text) ? 'month' : /year/i.test(text) ? 'year' : 'day';
    const expression: TimeExpression = { ...base, kind: 'relative', key: `relative:${lower.replace(/^(?:on|in|at)\s+/, '')}` };
    if (published) {
      const d = start.date();
      expression.resolved = { iso: precision === 'month' ? `${iso(d).slice(0, 7)}-01` : iso(d), precision };
    }
    return expression;
  }
  if (known('month') && known('day')) {
    const month = start.get('month')!;
    const day = start.get('day')!;
    if (known('year')) {
      const year = start.get('year')!;
      if (!isValidDate(year, month, day)) return undefined;
      const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const end = result.end && result.end.isCertain('day') ? iso(result.end.date()) : undefined;
      return { ...base, kind: 'date', key: `date:${value}`, resolved: { iso: value, precision: 'day', end } };
    }
    const expression: TimeExpression = { ...base, kind: 'date', key: `date:${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
    const value = published ? resolveDayMonth(day, month, published, tense, known('weekday') ? start.get('weekday') ?? undefined : undefined) : undefined;
    if (value) expression.resolved = { iso: value, precision: 'day' };
    return expression;
  }
  if (known('month')) {
    const month = start.get('month')!;
    if (known('year')) {
      const year = start.get('year')!;
      return { ...base, kind: 'month', key: `month:${year}-${month}`, resolved: { iso: `${year}-${String(month).padStart(2, '0')}-01`, precision: 'month' } };
    }
    const expression: TimeExpression = { ...base, kind: 'month', key: `month:${month}` };
    if (published) expression.resolved = { iso: resolveMonth(month, published, tense), precision: 'month' };
    return expression;
  }
  return undefined; // times of day alone ("at 3 p.m.") and other fragments are not dates
}

// A second look at each account's day and place once the article's accounts are extracted, with the whole article
// at hand: the day a statement was made or a story was filed is not the day of the meeting, a person is not a venue,
// and the country the talks were about is not where they were held.

import type { Analysis, EventAccount, EventDate, TimeExpression } from '../model';
import type { TextRange } from '../types';
import { nameKey } from '../fold';
import { resolveDayMonth, resolveWeekday } from '../time/extract';
import { cityNamed, countryOf, isKnownPlaceName, isRegion, venueOf, venuesIn } from './places';
import { TOPIC_BEFORE } from './extract';

/**
 * The words right before a day that make it the day something was said or reported, not the day of the meeting:
 * "officials said Saturday", "told Reuters on Thursday", "Anadolu reported on Sept. 4", "the office announced on
 * Monday".
 */
const REPORTED_ON = /\b(?:said|says|told\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}|reported|reports|announced|confirmed|stated|added|wrote|tweeted|posted|quoted\s+as\s+saying)\s*(?:late\s+|early\s+)?(?:on\s+|this\s+|last\s+)?$/iu;

/** A name that ends in the word for a body: an organisation, not a place ("United Nations", "Security Council"). */
const BODY = /\b(?:Nations|Union|Council|Organi[sz]ation|Assembly|Commission|Parliament|Ministry|Agency|Court|Bank|Fund|Forum|Party|Committee)$/u;

/** Kinds of time expression that can be a meeting's day. */
const DAY_KINDS: ReadonlySet<TimeExpression['kind']> = new Set(['date', 'weekday', 'relative', 'month']);

export function refineAccounts(analysis: Analysis): void {
  if (!analysis.accounts.length) return;
  const topics = topicsOf(analysis);
  const era = eraOf(analysis);
  for (const account of analysis.accounts) {
    if (account.era && !account.eraExact && era !== undefined) account.era = era;
    refineDate(analysis, account);
    refinePlace(analysis, account);
    account.topics = topics;
  }
}

/**
 * The latest year an undated page mentions, leaving out the years it only looks ahead to ("after its scheduled
 * completion in 2026", "the talks will continue in 2030"): those are plans, not the year the page is about.
 */
function eraOf(analysis: Analysis): number | undefined {
  const ahead = new Set(analysis.times.filter((t) => t.kind === 'year' && t.tense === 'future').map((t) => t.range.start));
  let era: number | undefined;
  for (const m of analysis.article.text.matchAll(/\b(?:19[89]\d|20\d\d)\b/g)) if (!ahead.has(m.index!)) era = Math.max(era ?? 0, Number(m[0]));
  return era;
}

const TOPIC_WORDS = 120;
const TOPIC_WORD = /[\p{L}][\p{L}\p{N}'’-]{3,}/gu;
/** Words of four letters or more that say nothing of what an article is about. */
const NOT_TOPICS = new Set(
  ('that with from said says have were this they their about will which would after been also there more than when into other over some such only what these while where could ' +
    'first since just them then very before both being during under between against while those because told your according added last year years week month time ' +
    'president minister leader leaders meeting meetings talks visit official officials country countries government state news report reported statement').split(' '),
);

/**
 * What the article is about, for telling apart meetings of the same people in different years when a page gives no
 * year: its most frequent words of four letters or more, names of people and words any article has left out (they are the same in every
 * meeting of those people).
 */
function topicsOf(analysis: Analysis): string[] {
  const people = new Set(analysis.mentions.filter((m) => m.kind === 'person').flatMap((m) => m.text.toLowerCase().split(/\s+/)));
  const counts = new Map<string, number>();
  for (const sentence of analysis.article.sentences) {
    for (const m of analysis.article.text.slice(sentence.range.start, sentence.range.end).matchAll(TOPIC_WORD)) {
      const w = m[0].toLowerCase().replace(/['’]s?$/, '');
      if (people.has(w) || NOT_TOPICS.has(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOPIC_WORDS).map(([w]) => w);
}

function toDate(t: TimeExpression): EventDate {
  return { iso: t.resolved?.iso, precision: t.resolved?.precision, key: t.key, text: t.text, range: t.range };
}

function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The day a statement was made or reported ("said on Monday"), judged from the words before it. */
function reportedOn(text: string, range: TextRange): boolean {
  return REPORTED_ON.test(text.slice(Math.max(0, range.start - 48), range.start));
}

/**
 * The publication stamp: the page's printed date ("date 2024-10-16", "Pretoria, 24 August 2023 (TDI):") glued to
 * the lead is the day the story was filed, which may be a day or more after the meeting.
 */
function isStamp(analysis: Analysis, range: TextRange): boolean {
  const stamp = analysis.article.published?.range;
  if (stamp && overlaps(stamp, range) && analysis.article.published?.how === 'text') return true;
  // A dateline with its day: "Brelle, 24 August 2032 (Wire):", "BRELLE, Oct 5 —".
  const text = analysis.article.text;
  const paragraph = analysis.article.paragraphs.find((p) => p.range.start <= range.start && range.start < p.range.end);
  if (!paragraph || range.start - paragraph.range.start > 40) return false;
  return DATELINE_BEFORE.test(text.slice(paragraph.range.start, range.start)) && DATELINE_AFTER.test(text.slice(range.end, range.end + 40));
}

/** What stands before the day in a dateline: the city (and a region or country), then a comma. */
const DATELINE_BEFORE = /^\s*\p{Lu}[\p{L}.' -]{1,30}(?:,\s*\p{Lu}[\p{L}.' -]{1,20})?,\s*(?:\p{L}+day,\s*)?$/u;
/** What follows the day in a dateline: an agency in brackets, then a colon or a dash. */
const DATELINE_AFTER = /^,?\s*(?:\d{4}\s*)?(?:\([^)]{1,30}\)\s*)?[:\-–—]/u;

/** The other reading of a publication date printed both ways (day and month swapped), if it is a valid day. */
function otherReading(analysis: Analysis): string | undefined {
  const published = analysis.article.published;
  if (!published?.ambiguous) return undefined;
  const [y, m, d] = published.iso.split('-').map(Number);
  if (d > 12 || d === m) return undefined;
  const swapped = `${y}-${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}`;
  return Number.isNaN(Date.parse(swapped)) ? undefined : swapped;
}

/** A day counted from publication ("on Tuesday", "September 4"), counted again from the other reading of its date. */
function altDay(analysis: Analysis, date: EventDate, other: string): string | undefined {
  const t = analysis.times.find((x) => x.range.start === date.range.start && x.range.end === date.range.end);
  if (!t || !date.iso || date.precision !== 'day') return undefined;
  const weekday = /^weekday:(\d)$/.exec(t.key);
  if (weekday) return resolveWeekday(Number(weekday[1]), other, /\bnext\b/i.test(t.text) ? 'future' : t.tense);
  const md = /^date:(\d{2})-(\d{2})$/.exec(t.key);
  if (md) return resolveDayMonth(Number(md[2]), Number(md[1]), other, t.tense);
  return undefined;
}

/** How far into a page its byline and dateline stand. */
const PAGE_TOP = 600;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "November 14, 2022", "Nov. 14, 2022". */
const FULL_DATE = /\b((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b/g;

/** How long something lasted ("for around three hours", "for two days") is no day. */
const DURATION = /^for\s+(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?(?:an?|one|two|three|four|five|six|several|\d+(?:\.\d+)?)\s+(?:minutes?|hours?)\b/i;

/**
 * "will travel to Beijing in October … 'In October, we look forward to talks,' he said": a bare month named again
 * in one article is the month its first mention meant, whatever tense the later sentence has.
 */
function sameMonthAsFirst(analysis: Analysis, account: EventAccount): void {
  const date = account.date;
  if (!date?.iso || !/^month:\d+$/.test(date.key) || /\d{4}/.test(date.text)) return;
  const first = analysis.times.filter((t) => t.key === date.key && t.resolved?.iso && !/\d{4}/.test(t.text)).sort((a, b) => a.range.start - b.range.start)[0];
  if (first && first.range.start < date.range.start && first.resolved!.iso !== date.iso) {
    account.date = { ...date, iso: first.resolved!.iso, how: `${date.text.trim()}: the month the article first named (${first.text.trim()})` };
  }
}

/**
 * A page with no date of its own, about year E (the latest it names): "last year" is E-1; a bare past month
 * ("their November summit") later in the year than the page's latest dated day of E is last year's month.
 */
function yearOnUndatedPage(analysis: Analysis, account: EventAccount): void {
  const date = account.date;
  const era = account.era;
  if (!date || date.iso || !era || analysis.article.published || account.status === 'scheduled') return;
  if (/^relative:/.test(date.key) && /\blast\s+year\b/i.test(date.text)) {
    account.date = { ...date, iso: `${era - 1}-01-01`, precision: 'year', how: `${date.text.trim()}: the year before ${era}, the latest the page names` };
    account.era = era - 1;
    account.eraExact = true;
    return;
  }
  const month = /^month:(\d+)$/.exec(date.key);
  // Only a month said to be past ("since their meeting last November"); "talks in October" may look ahead.
  const text = analysis.article.text;
  if (!month || !(/\blast\b/i.test(date.text) || /\blast\s+$/i.test(text.slice(Math.max(0, date.range.start - 6), date.range.start)))) return;
  // The days the page names in its year, with those printed without a year ("September 19", the page's own stamp).
  const latest = analysis.times
    .map((t) => (t.resolved?.iso && t.resolved.precision === 'day' ? t.resolved.iso : /^date:\d{2}-\d{2}$/.test(t.key) ? `${era}-${t.key.slice(5)}` : undefined))
    .filter((iso): iso is string => !!iso && iso.startsWith(`${era}-`))
    .sort()
    .pop();
  const m = Number(month[1]);
  // With no day of that year on the page, "last November" is most likely the year before the one the page names.
  const year = !latest || m >= Number(latest.slice(5, 7)) ? era - 1 : era;
  account.date = { ...date, iso: `${year}-${String(m).padStart(2, '0')}-01`, precision: 'month', how: latest ? `${date.text.trim()}: the last such month before ${latest}, the latest day the page names` : `${date.text.trim()}: the year before ${era}, the latest the page names` };
  account.era = year;
  account.eraExact = true;
}

function refineDate(analysis: Analysis, account: EventAccount): void {
  sameMonthAsFirst(analysis, account);
  yearOnUndatedPage(analysis, account);
  if (account.date && !account.date.iso && DURATION.test(account.date.text.trim())) account.date = undefined;
  refineStatementDay(analysis, account);
  weekdayFromDateline(analysis, account);
  const other = otherReading(analysis);
  if (other && account.date) {
    const alt = altDay(analysis, account.date, other);
    if (alt && alt !== account.date.iso) account.date = { ...account.date, alt };
  }
}

/** A day of a month without its year, given the year the page is about. */
function dayInEra(date: { iso?: string; precision?: string; key: string }, era: number | undefined): string | undefined {
  if (date.iso && date.precision === 'day') return date.iso;
  const md = /^date:(\d{2})-(\d{2})$/.exec(date.key);
  const iso = md && era ? `${era}-${md[1]}-${md[2]}` : undefined;
  return iso && !Number.isNaN(Date.parse(iso)) ? iso : undefined;
}

/** A weekday the account gives, counted from a day (the last such weekday on or before it; the next if the sentence looks ahead). */
function weekdayFrom(account: EventAccount, weekdayTime: TimeExpression, fromIso: string, from: string): void {
  const weekday = /^weekday:(\d)$/.exec(weekdayTime.key);
  if (!weekday) return;
  const iso = resolveWeekday(Number(weekday[1]), fromIso, weekdayTime.tense === 'future' ? 'future' : 'past');
  account.date = { ...toDate(weekdayTime), iso, precision: 'day', how: `${weekdayTime.text.trim()}, counted from ${from}` };
}

/**
 * "MOSCOW, March 20 (Wire): … met … on Monday" on a page that prints no date of its own: the weekday is counted from
 * the dateline's day, the day the story was filed.
 */
function weekdayFromDateline(analysis: Analysis, account: EventAccount): void {
  const date = account.date;
  if (!date || date.iso || !/^weekday:\d$/.test(date.key) || analysis.article.published) return;
  const t = analysis.times.find((x) => x.range.start === date.range.start && x.range.end === date.range.end);
  if (!t) return;
  // "on Monday (March 20)", "on Monday, March 20": the day printed with the weekday is the account's day.
  const text = analysis.article.text;
  const printed = analysis.times.find((x) => x.kind === 'date' && x.range.start >= date.range.end && /^\s*[(,]?\s*(?:the\s+)?$/.test(text.slice(date.range.end, x.range.start)));
  const printedIso = printed && dayInEra({ iso: printed.resolved?.iso, precision: printed.resolved?.precision, key: printed.key }, account.era);
  if (printed && printedIso) {
    account.date = { ...toDate(printed), iso: printedIso, precision: 'day', how: `${date.text.trim()} ${text.slice(date.range.end, printed.range.end).trim()} (the page's latest year)` };
    return;
  }
  // "… met on Monday" under a headline or caption of the same account that prints "November 14, 2022", a Monday:
  // the full date of that weekday in the account's own passages is its day.
  const weekday = Number(/^weekday:(\d)$/.exec(date.key)![1]);
  const full = analysis.times.filter(
    (x) => x.kind === 'date' && x.resolved?.iso && x.resolved.precision === 'day' && (account.sentences.includes(x.sentence) || account.spans.some((r) => overlaps(r, x.range))) && new Date(Date.parse(x.resolved.iso)).getUTCDay() === weekday,
  );
  const days = new Set(full.map((x) => x.resolved!.iso));
  if (days.size === 1) {
    account.date = { ...toDate(full[0]), how: `${date.text.trim()}: the ${full[0].text.trim()} the account prints` };
    return;
  }
  // The headline is no sentence the time layer reads: a full date printed there ("on November 14, 2022").
  if (days.size === 0) {
    const found: { iso: string; text: string; range: TextRange }[] = [];
    // Its own passages, else the top of the page above it (a byline "July 15, 2022 Web Desk" over "… on Friday";
    // a page's "today" widget falls on another weekday and is passed over).
    const top = { start: 0, end: Math.min(account.span.start, PAGE_TOP) };
    for (const r of [...account.spans, top]) {
      if (r === top && found.length) break;
      for (const m of text.slice(r.start, r.end).matchAll(FULL_DATE)) {
        const month = MONTHS.findIndex((x) => m[1].toLowerCase().startsWith(x)) + 1;
        const iso = `${m[3]}-${String(month).padStart(2, '0')}-${m[2].padStart(2, '0')}`;
        if (month > 0 && !Number.isNaN(Date.parse(iso)) && new Date(Date.parse(iso)).getUTCDay() === weekday) found.push({ iso, text: m[0], range: { start: r.start + m.index!, end: r.start + m.index! + m[0].length } });
      }
    }
    if (new Set(found.map((f) => f.iso)).size === 1) {
      account.date = { iso: found[0].iso, precision: 'day', key: `date:${found[0].iso}`, text: found[0].text, range: found[0].range, how: `${date.text.trim()}: the ${found[0].text} the account prints` };
    }
  }
  const stamp = analysis.times.find((x) => x.kind === 'date' && account.sentences.includes(x.sentence) && isStamp(analysis, x.range));
  const from = stamp && dayInEra({ iso: stamp.resolved?.iso, precision: stamp.resolved?.precision, key: stamp.key }, account.era);
  if (stamp && from) weekdayFrom(account, t, from, `${stamp.text.trim()} (the dateline)`);
}

function refineStatementDay(analysis: Analysis, account: EventAccount): void {
  const date = account.date;
  if (!date) return;
  const text = analysis.article.text;
  const stamp = isStamp(analysis, date.range);
  if (!stamp && !reportedOn(text, date.range)) return;
  // Another day the sentence gives before the statement's day ("will host Xi on August 22, the presidency said on
  // Monday"): the meeting's. A day after the statement belongs to something else ("…, officials
  // said Saturday, returning a visit made last month").
  const to = stamp ? Infinity : date.range.start;
  const sentence = analysis.times.find((t) => overlaps(t.range, date.range))?.sentence;
  const other = analysis.times
    .filter((t) => (stamp ? account.sentences.includes(t.sentence) : t.sentence === sentence) && t.range.start < to)
    .filter((t) => DAY_KINDS.has(t.kind) && !overlaps(t.range, date.range) && !reportedOn(text, t.range) && !isStamp(analysis, t.range))
    .sort((a, b) => Math.abs(a.range.start - account.trigger.range.start) - Math.abs(b.range.start - account.trigger.range.start))[0];
  if (other) {
    account.date = toDate(other);
    // A weekday the page could not count (no date of its own) is counted from the stamp's or the statement's day.
    const from = dayInEra(date, account.era);
    if (!other.resolved?.iso && from) weekdayFrom(account, other, from, `${date.text.trim()} (${stamp ? 'the dateline' : 'the day it was reported'})`);
    return;
  }
  // Nothing else: a past meeting happened within the week before the statement (a week-precision day keeps the
  // account near its own time); a coming one has no day yet.
  if (account.status === 'scheduled' || !date.iso || date.precision !== 'day') {
    account.date = undefined;
    return;
  }
  account.date = { ...date, precision: 'week', how: stamp ? `the day the story was filed (${date.text}), not the meeting's` : `the day it was reported (${date.text}), not the meeting's` };
}

/** Words that put a sentence at another time than the account's meeting. */
const ANOTHER_TIME = /\b(?:\w+|\d+)\s+(?:years?|decades?)\s+(?:later|earlier|ago|before)\b/i;

/** "JEDDAH, Saudi Arabia (Wire) —": the dateline's city, and the country or region printed after it. */
const DATELINE = /^\s*(\p{Lu}[\p{L}.' -]{1,30}?)\s*,\s*(\p{Lu}[\p{L}.' -]{1,30}?)\s*(?:\([^)]{1,40}\)\s*)?[-–—:]/u;

/**
 * Datelines the extractor's pattern (capitals, then a dash) leaves out: "ISLAMABAD: …", "Budapest, (Agency) – …",
 * "Brelle (Agency): …". Only a name the place lists know counts ("Reuters (…)" is no place).
 */
const DATELINE_COLON = /^\s*(?:date \d{4}-\d{2}(?:-\d{2})?\s+)?(\p{Lu}[\p{Lu}.'-]+(?:[ -]\p{Lu}[\p{Lu}.'-]+)?)\s*:\s/u;
/** "… Budapest, (APP - Wire - 11th May, 2024) President …": a known city, then the agency in brackets. */
const DATELINE_AGENCY = /(?:^|\s)(\p{Lu}[\p{L}.'-]+(?:[ -]\p{Lu}[\p{L}.'-]+)?),?\s*\((?:[^()]{1,70})\)\s*[-–—:]?\s/gu;

function datelineFallback(analysis: Analysis): EventAccount['place'] {
  const text = analysis.article.text;
  for (const p of analysis.article.paragraphs.slice(0, 4)) {
    const head = text.slice(p.range.start, Math.min(p.range.end, p.range.start + 400));
    const m = DATELINE_COLON.exec(head) ?? [...head.matchAll(DATELINE_AGENCY)].find((x) => isKnownPlaceName(x[1]) && !countryOf(x[1]));
    if (!m) continue;
    const written = m[1];
    const name = /^[\p{Lu} .'-]+$/u.test(written) ? written.toLowerCase().replace(/(?:^|[\s-])\p{L}/gu, (c) => c.toUpperCase()) : written;
    if (!isKnownPlaceName(name) || countryOf(name)) continue;
    const start = p.range.start + m.index + m[0].indexOf(written);
    return { name, range: { start, end: start + written.length }, dateline: true };
  }
  return undefined;
}

/**
 * "ha incontrato a Pechino", "llegó a Pekín": a city under its name in another language after the Italian, Spanish or
 * Portuguese "a" (in English an article, which no such city name follows), in the account's own sentences.
 */
function cityAfterA(analysis: Analysis, account: EventAccount): EventAccount['place'] {
  const text = analysis.article.text;
  for (const i of account.sentences) {
    const sentence = analysis.article.sentences[i];
    const slice = text.slice(sentence.range.start, sentence.range.end);
    for (const v of venuesIn(slice)) {
      if (!cityNamed(v.name) || nameKey(cityNamed(v.name)!) === nameKey(v.name)) continue;
      if (!/(?:^|\s)a\s+$/u.test(slice.slice(Math.max(0, v.index - 4), v.index))) continue;
      const start = sentence.range.start + v.index;
      return { name: v.name, range: { start, end: start + v.name.length } };
    }
  }
  return undefined;
}

function refinePlace(analysis: Analysis, account: EventAccount): void {
  if (!account.place && account.kind !== 'call') {
    const city = cityAfterA(analysis, account);
    if (city) {
      account.place = city;
      return;
    }
    if (account.status === 'scheduled') return;
    const dateline = datelineFallback(analysis);
    if (dateline) account.place = dateline;
    return;
  }
  const place = account.place;
  if (!place?.range) return;
  const text = analysis.article.text;
  // "Modi's last visit dates back to 2019, and Putin received him in New Delhi two years later": a place told in a
  // sentence of another time (a year before the one the page is about, "years later", "last visit") is that
  // earlier meeting's, not this one's, unless the account begins there.
  const at = analysis.article.sentences.findIndex((x) => x.range.start <= place.range!.start && place.range!.start < x.range.end);
  if (at >= 0 && at !== account.sentences[0]) {
    const said = text.slice(analysis.article.sentences[at].range.start, analysis.article.sentences[at].range.end);
    const year = analysis.article.published ? Number(analysis.article.published.iso.slice(0, 4)) : account.era;
    const earlierYear = year !== undefined && [...said.matchAll(/\b(?:19[89]\d|20\d\d)\b/g)].some((m) => Number(m[0]) < year);
    if (earlierYear || ANOTHER_TIME.test(said)) {
      account.place = undefined;
      return;
    }
  }
  const paragraph = analysis.article.paragraphs.find((p) => p.range.start <= place.range!.start && place.range!.start < p.range.end);
  if (paragraph && /^\s*$/.test(text.slice(paragraph.range.start, place.range.start)) && /^\s*(?:,[^-–—(\n]{1,30})?\s*(?:\([^)]{1,40}\)\s*)?[-–—:]/u.test(text.slice(place.range.end, place.range.end + 50))) {
    place.dateline = true;
    return;
  }
  // "arrived in Saudi Arabia" under the dateline "JEDDAH, Saudi Arabia —": the city the dateline names in that country.
  if (isRegion(place.name)) {
    for (const p of analysis.article.paragraphs.slice(0, 3)) {
      const m = DATELINE.exec(text.slice(p.range.start, Math.min(p.range.end, p.range.start + 80)));
      if (m && !isRegion(m[1]) && (countryOf(m[2]) ?? m[2]) === (countryOf(place.name) ?? place.name)) {
        const city = m[1].trim().toLowerCase().replace(/(?:^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
        const start = p.range.start + m.index + m[0].indexOf(m[1]);
        account.place = { name: city, range: { start, end: start + m[1].trim().length }, dateline: true };
        return;
      }
    }
    return;
  }
  // "a visit to Putin": a person's surname is no venue. A name the place lists know stays a place, whatever the
  // entity layer made of it.
  const key = nameKey(place.name);
  const known = isKnownPlaceName(place.name) || !!countryOf(place.name);
  const person = !known && analysis.mentions.some((m) => m.kind === 'person' && /\s/.test(m.text.trim()) && nameKey(m.text).split(' ').pop() === key);
  const topic = TOPIC_BEFORE.test(text.slice(Math.max(0, place.range.start - 60), place.range.start));
  // "at the United Nations": a body, not a city.
  const body = !known && !venueOf(place.name) && BODY.test(place.name);
  if (person || topic || body) {
    account.place = undefined;
    return;
  }
  // "at the Union Buildings" read as "Union": the venue's whole name, when the words after it complete one.
  const after = /^(?:\s+\p{Lu}[\p{L}-]*){1,2}/u.exec(text.slice(place.range.end, place.range.end + 40));
  if (after && !venueOf(place.name)) {
    const words = after[0].trim().split(/\s+/);
    for (let n = words.length; n >= 1; n--) {
      const whole = `${place.name} ${words.slice(0, n).join(' ')}`;
      if (venueOf(whole)) {
        account.place = { name: whole, range: { start: place.range.start, end: place.range.start + whole.length } };
        return;
      }
    }
  }
}

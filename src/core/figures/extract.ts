// Figures in an article: counts, money, percentages, ordinals that count events, durations, ages, fractions and
// ranges — each with its qualifier ("some", "more than"), unit, and what it counts (the noun after it and the verb
// around it), so two accounts' figures for the same quantity can be compared.

import { Article, POS_TAGS, TextRange } from '../types';
import { NUMBER_WORD_PATTERN, ORDINAL_WORD_PATTERN, parseNumber, parseOrdinal } from './numbers';
import type { Qualifier, Figure } from '../model';
export type { FigureKind, Qualifier, Figure } from '../model';

const QUALIFIERS: [RegExp, Qualifier][] = [
  [/(?:^|\s)(?:some|about|around|roughly|approximately|an estimated|estimated|almost|close to|as many as)\s+$/i, 'about'],
  [/(?:^|\s)(?:more than|over|upwards of|just over|in excess of)\s+$/i, 'more than'],
  [/(?:^|\s)(?:at least|no fewer than|no less than|a minimum of)\s+$/i, 'at least'],
  [/(?:^|\s)(?:up to|at most|no more than|a maximum of)\s+$/i, 'up to'],
  [/(?:^|\s)(?:less than|fewer than|under|just under|below)\s+$/i, 'less than'],
  [/(?:^|\s)(?:nearly)\s+$/i, 'nearly'],
];

const CURRENCY_SYMBOL: Record<string, string> = { $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const CURRENCY_WORD: Record<string, string> = { dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', rial: 'IRR', rials: 'IRR', lira: 'TRY', liras: 'TRY', lire: 'TRY', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB', yuan: 'CNY' };
const DURATION_UNIT = /^(?:second|minute|hour|day|week|month|year|decade|century)s?$/i;
const EVENT_NOUN = /^(?:meeting|meetings|round|rounds|session|sessions|summit|summits|anniversary|time|visit|conference|edition|congress|round-table|talks|attempt|term|day|week|year|consecutive)$/i;

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const WORDNUM = String.raw`(?:(?:${NUMBER_WORD_PATTERN})(?:[- ](?:${NUMBER_WORD_PATTERN}))*(?:\s+(?:hundred|thousand|million|billion))*|(?:a|one)\s+(?:dozen|hundred|thousand|million|billion)|dozens|hundreds|thousands|millions)`;
const SCALE = String.raw`(?:\s*(?:million|billion|trillion|bn|mn|m|k|tn)\b)?`;
const NUMBER = String.raw`(?:${NUM}${SCALE}|${WORDNUM})`;
// One pass over a sentence: money, percent, fraction, range, age, ordinal, plain number (in that priority).
export const FIGURE = new RegExp(
  [
    String.raw`(?<money>(?:US\$|\$|€|£|¥)\s?${NUM}${SCALE})`,
    String.raw`(?<fraction>${NUMBER}\s+(?:out\s+)?of\s+(?:the\s+)?${NUMBER})(?=\s|[.,;:]|$)`,
    String.raw`(?<range>between\s+${NUMBER}\s+and\s+${NUMBER}|${NUMBER}\s+to\s+${NUMBER}|${NUM}\s*[-–]\s*${NUM}(?=\s+\p{L}))`,
    String.raw`(?<age>${NUMBER}-(?:year|month|week|day)-old)`,
    String.raw`(?<ordinal>\b(?:\d+(?:st|nd|rd|th)|${ORDINAL_WORD_PATTERN})\b)`,
    String.raw`(?<number>${NUMBER})`,
  ].join('|'),
  'giu',
);

/**
 * Where FIGURE can start: a digit, a currency symbol, or the first word of one of its alternatives. Scanning for
 * these and trying FIGURE only there finds exactly FIGURE's matches (it cannot match anywhere this does not) in a
 * third of the time: FIGURE tries its number patterns several times at every character. The scan is 'i' without
 * 'u', under which "ſ" and the Kelvin sign no longer match "s" and "k" as they do for FIGURE: text containing
 * either is scanned with FIGURE itself.
 */
const FIGURE_START = new RegExp(
  String.raw`[\d$€£¥]|us\$|between|dozens|hundreds|thousands|millions|a\s+(?:dozen|hundred|thousand|million|billion)|${NUMBER_WORD_PATTERN}|${ORDINAL_WORD_PATTERN}`,
  'gi',
);
const FIGURE_AT = new RegExp(FIGURE.source, 'yiu');
const FOLDS_TO_ASCII = /[\u017F\u212A]/;

/** FIGURE's successive matches in a text, exactly as `text.matchAll(FIGURE)` finds them. */
export function figureMatches(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  forEachFigureMatch(text, (m) => {
    out.push(m);
    return true;
  });
  return out;
}

/** Calls `each` with FIGURE's successive matches in a text until it returns false. */
function forEachFigureMatch(text: string, each: (m: RegExpExecArray) => boolean): void {
  if (FOLDS_TO_ASCII.test(text)) {
    FIGURE.lastIndex = 0;
    for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) if (!each(m)) return;
    return;
  }
  FIGURE_START.lastIndex = 0;
  for (let start = FIGURE_START.exec(text); start; start = FIGURE_START.exec(text)) {
    FIGURE_AT.lastIndex = start.index;
    const m = FIGURE_AT.exec(text);
    // The callback may run other regexes, never these two: their lastIndex is this loop's state.
    const next = m ? FIGURE_AT.lastIndex : start.index + 1;
    if (m && !each(m)) return;
    FIGURE_START.lastIndex = next;
  }
}

/**
 * The most numbers read as figures in one sentence. No sentence of news holds this many (ECB+'s most is 10); one
 * that does is a table, a list of scores or debris ("1,1,1,…" for a megabyte), where every figure costs its context
 * and the claims around it, and no reader checks them one by one. The rest are skipped, and said to be.
 */
export const MAX_FIGURES_PER_SENTENCE = 100;

/** Figures of an article; `crowded` receives the sentences that held more than MAX_FIGURES_PER_SENTENCE numbers. */
export function extractFigures(article: Article, exclude: TextRange[] = [], crowded?: TextRange[]): Figure[] {
  const figures: Figure[] = [];
  const excluded = [...exclude].sort((a, b) => a.start - b.start);
  article.sentences.forEach((sentence, index) => {
    const text = article.text.slice(sentence.range.start, sentence.range.end);
    let count = 0;
    forEachFigureMatch(text, (m) => {
      const start = sentence.range.start + m.index;
      const range = { start, end: start + m[0].length };
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (!isStandalone(text, m.index, m[0].length)) return true;
      if (overlapsAny(excluded, range)) return true; // part of a date ("Nov. 27", "08.17.17")
      const figure = classify(m, range, index, before, after);
      if (!figure) return true;
      if (count === MAX_FIGURES_PER_SENTENCE) {
        crowded?.push(sentence.range);
        return false;
      }
      count++;
      attachContext(article, figure, index);
      figures.push(figure);
      return true;
    });
  });
  return figures;
}

/** Binary search over ranges sorted by start (which do not nest): keeps long articles linear. */
function overlapsAny(sorted: TextRange[], range: TextRange): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = sorted[mid];
    if (r.end <= range.start) lo = mid + 1;
    else if (r.start >= range.end) hi = mid - 1;
    else return true;
  }
  return false;
}

/** The first token of a sentence at or after an offset (binary search: sentences can be very long). */
function firstTokenFrom(starts: Uint32Array, from: number, to: number, offset: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// A regex with \p{…} outside a character class is a module constant: the bundler (esbuild) turns such literals into
// `new RegExp(…)` calls, which would build a fresh regex on every call of a hot loop.
const LETTER = /\p{L}/u;

/** Not part of an identifier ("G20", "F-16", "COVID-19", "someone"), nor a time ("3 p.m.", "14:32"). */
function isStandalone(text: string, at: number, length: number): boolean {
  const prev = text[at - 1] ?? ' ';
  const next = text[at + length] ?? ' ';
  if (/[\p{L}\d]/u.test(prev) || /[\p{L}\d]/u.test(next)) return false;
  if (prev === '-' && LETTER.test(text[at - 2] ?? '')) return false;
  // A short window, not the rest of the sentence: a sentence can be a megabyte of figures.
  if (/^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|:\d)/i.test(text.slice(at + length, at + length + 16))) return false;
  return true;
}

function classify(m: RegExpExecArray, range: TextRange, sentence: number, before: string, after: string): Figure | undefined {
  const g = m.groups!;
  const { qualifier, qualifierText } = qualifierOf(before);
  const base = { range, text: m[0], sentence, qualifier, qualifierText, vague: false };
  if (g.money) {
    const symbol = /^(US\$|\$|€|£|¥)/.exec(g.money)![1];
    const parsed = parseNumber(g.money.slice(symbol.length));
    if (!parsed) return undefined;
    return { ...base, kind: 'money', value: parsed.value, unit: CURRENCY_SYMBOL[symbol] };
  }
  if (g.fraction) {
    const [part, whole] = g.fraction.split(/\s+(?:out\s+)?of\s+(?:the\s+)?/i);
    const p = parseNumber(part);
    const w = parseNumber(whole);
    if (!p || !w || p.value > w.value) return undefined;
    return { ...base, kind: 'fraction', value: p.value, of: w.value, vague: p.approximate || w.approximate };
  }
  if (g.range) {
    const [lo, hi] = g.range.replace(/^between\s+/i, '').split(/\s+(?:to|and)\s+|\s*[-–]\s*/i);
    const l = parseNumber(lo);
    const h = parseNumber(hi);
    if (!l || !h || h.value <= l.value || looksLikeYear(lo) || looksLikeYear(hi)) return undefined;
    return { ...base, kind: 'range', value: l.value, high: h.value };
  }
  if (g.age) {
    const [, num, unit] = /^(.*)-(year|month|week|day)-old$/i.exec(g.age)!;
    const parsed = parseNumber(num);
    if (!parsed) return undefined;
    return { ...base, kind: 'age', value: parsed.value, unit: unit.toLowerCase() };
  }
  if (g.ordinal) {
    const value = parseOrdinal(g.ordinal);
    // Only ordinals that count events ("the 22nd international meeting", "the ninth round") are figures.
    if (value === undefined || !eventNounWithin(after)) return undefined;
    return { ...base, kind: 'ordinal', value };
  }
  const parsed = parseNumber(g.number);
  if (!parsed) return undefined;
  if (looksLikeYear(g.number) && !/^\s+(?:people|soldiers|troops|fighters|civilians|refugees|members|dollars|euros)/i.test(after)) return undefined;
  const unitWord = /^\s*([\p{L}]+)/u.exec(after)?.[1] ?? '';
  if (CURRENCY_WORD[unitWord.toLowerCase()]) return { ...base, kind: 'money', value: parsed.value, unit: CURRENCY_WORD[unitWord.toLowerCase()], vague: parsed.approximate };
  if (/^\s*(?:%|percent\b|per cent\b)/i.test(after)) return { ...base, kind: 'percent', value: parsed.value, unit: 'percent', vague: parsed.approximate };
  if (DURATION_UNIT.test(unitWord)) {
    return { ...base, kind: 'duration', value: parsed.value, unit: unitWord.toLowerCase().replace(/s$/, ''), vague: parsed.approximate };
  }
  // Small number words ("one of the", "two countries") are everyday language; keep digits and counts of things.
  return { ...base, kind: 'count', value: parsed.value, vague: parsed.approximate };
}

function eventNounWithin(after: string): boolean {
  return after.split(/\s+/).slice(0, 5).some((w) => EVENT_NOUN.test(w.replace(/[^\p{L}-]/gu, '')));
}

function looksLikeYear(text: string): boolean {
  return /^(?:1[89]|20)\d{2}$/.test(text.trim());
}

function qualifierOf(before: string): { qualifier: Qualifier; qualifierText?: string } {
  for (const [pattern, qualifier] of QUALIFIERS) {
    const m = pattern.exec(before);
    if (m) return { qualifier, qualifierText: m[0].trim().toLowerCase() };
  }
  return { qualifier: 'exact' };
}

const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'X']);

/** How far (in tokens) a figure's verb is looked for: keeps a sentence of ten thousand figures and no verb linear. */
const VERB_WINDOW = 40;

/** The counted noun (the last noun of the phrase after the figure) and the verb the figure hangs on. */
function attachContext(article: Article, figure: Figure, sentenceIndex: number): void {
  const s = article.sentences[sentenceIndex];
  const { starts, ends, pos } = article.tokens;
  const first = s.firstToken;
  const last = s.firstToken + s.tokenCount;
  const i = firstTokenFrom(starts, first, last, figure.range.end);
  // "32 of 208 diplomats": the counted noun follows the whole.
  let counted: number | undefined;
  for (let j = i; j < last && j < i + 6; j++) {
    const tag = POS_TAGS[pos[j]];
    const word = article.text.slice(starts[j], ends[j]);
    if (tag === 'NOUN' || (tag === 'PROPN' && counted === undefined && /s$/.test(word))) counted = j;
    else if (NOUNISH.has(tag) || word === '-') continue;
    else break;
  }
  if (counted !== undefined) {
    const word = article.text.slice(starts[counted], ends[counted]);
    const isUnit = DURATION_UNIT.test(word) || CURRENCY_WORD[word.toLowerCase()] !== undefined || /^(?:percent|cent)$/i.test(word);
    if (!isUnit) {
      figure.counted = word.toLowerCase();
      figure.countedRange = { start: starts[counted], end: ends[counted] };
    }
  }
  // Nearest verb before the figure, else after it ("killed over 1,300 …", "… 320 people were arrested").
  let verb: string | undefined;
  for (let j = i - 1; j >= Math.max(first, i - VERB_WINDOW); j--) {
    if (POS_TAGS[pos[j]] === 'VERB') {
      verb = article.text.slice(starts[j], ends[j]);
      break;
    }
  }
  if (!verb) {
    for (let j = i; j < Math.min(last, i + VERB_WINDOW); j++) {
      if (POS_TAGS[pos[j]] === 'VERB') {
        verb = article.text.slice(starts[j], ends[j]);
        break;
      }
    }
  }
  if (verb) figure.verb = verb.toLowerCase();
}

/** The interval a figure allows, given its qualifier. Approximate figures allow ±15%: news rounds to one or two
 * significant figures, so "around 300" covers 255–345 (320 fits, 400 does not). */
export function interval(f: Figure): [number, number] {
  const v = f.value;
  const hi = f.high ?? v;
  switch (f.qualifier) {
    case 'about':
      return [v * 0.85, hi * 1.15];
    case 'nearly':
      return [v * 0.85, hi];
    case 'more than':
    case 'at least':
      return [v, Infinity];
    case 'up to':
    case 'less than':
      return [0, hi];
    default:
      return [v, hi];
  }
}

/** Whether two figures for the same quantity can both be true. */
export function compatible(a: Figure, b: Figure): boolean {
  if (a.vague || b.vague) return true;
  if (a.kind === 'fraction' || b.kind === 'fraction') {
    if (a.kind !== b.kind) return true;
    return a.value === b.value && a.of === b.of;
  }
  const [alo, ahi] = interval(a);
  const [blo, bhi] = interval(b);
  return alo <= bhi && blo <= ahi;
}

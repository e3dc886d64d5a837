// Whether two outlets' figures are the same quantity of the same event, and if so whether they agree, one updates
// the other, or they conflict. What is counted comes from the words around the figure: a role ("killed",
// "injured", "arrested", "magnitude", "depth") when the sentence names one, else the counted noun and verb.
// Never compared: a record, a previous or historical value, another place's number, a population ("home to"),
// different currencies or kinds (a percentage against a count).

import { compatible, Figure } from './extract';
import rulePack from '../rules/figures.yaml';
import { alternation } from '../wordlists';

const pack = rulePack as { roles: Record<string, string[]>; updateCues: string[]; people: string[] };

export type Verdict = 'agree' | 'conflict' | 'update' | 'incomparable';

/** A figure with what the comparison needs from its article and sentence. */
export interface FigureContext {
  figure: Figure;
  /** The sentence's text and the offset it starts at. */
  sentence: string;
  sentenceStart: number;
  /** Publication date (YYYY-MM-DD), when known. */
  published?: string;
  /** Place keys named in the sentence. */
  places: Set<string>;
  /** Person keys named in the sentence. */
  people: Set<string>;
  /** The weekday the article's lead gives the event, if any. */
  day?: string;
}

function disjoint(a: Set<string>, b: Set<string>): boolean {
  return a.size > 0 && b.size > 0 && ![...a].some((k) => b.has(k));
}

/** Roles of a counted quantity, by the words that name them. The nearest cue to the figure wins. */
const ROLES: [string, RegExp][] = Object.entries(pack.roles).map(([role, words]) => [role, new RegExp(`^(?:${alternation(words)})$`, 'i')]);
const ROLE_WINDOW = 4;
const QUALIFIER_WORD = /^(?:at|least|more|than|some|about|around|nearly|over|up|to|of|almost|roughly|an|estimated|as|many|other|another)$/;
/** Before the figure, only verbs name its role ("killing 10", "injured at least 80"); nouns there are about something else ("a death sentence by three jurors"). */
const VERB_FORM = /(?:ing|ed|ied|ured|ounded|hurt|shot|held|slain|toll)$/i;
/** What a toll counts: people ("seven villages" next to "killing" are not killed): the pack's words for them, or a
 *  nationality plural ("Syrians", "Chinese", "Israelis"). */
const PEOPLE = new RegExp(`^(?:${alternation(pack.people)}|[a-z]+(?:ians|ese|is|ans))$`, 'i');

/** Context that makes a figure something other than the event's own current value. */
const NOT_CURRENT = /\b(?:record|previous(?:ly)?|earlier|former|last (?:year|month|week|time)|since|compared (?:with|to)|average|annual|a year|per (?:year|season|game)|home to|population|in (?:19|20)\d\d|(?:19|20)\d\d\b|history|worst|deadliest|biggest|largest|other (?:quake|attack|earthquake|incident)|similar|aftershocks?|followed by|received|treated|admitted|more (?:small )?(?:quakes|tremors)|in (?:january|february|march|april|may|june|july|august|september|october|november|december))/i;
/** Parts of a sum ("two women and one man died"): neither part is the toll. */
const PART_OF_SUM = /^\s*[\p{L}-]+\s+and\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+[\p{L}-]+/u;
const PART_OF_SUM_BEFORE = /(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+[\p{L}-]+\s+and\s+$/iu;
/** Words that say a figure has moved on: a toll that "rose to" 31 updates the 13 of the day before. */
const UPDATE_CUE = new RegExp(`\\b(?:${alternation(pack.updateCues)})\\b`, 'i');

const LENGTH: Record<string, number> = {
  km: 1000, kilometre: 1000, kilometres: 1000, kilometer: 1000, kilometers: 1000,
  m: 1, metre: 1, metres: 1, meter: 1, meters: 1,
  mile: 1609.344, miles: 1609.344, ft: 0.3048, foot: 0.3048, feet: 0.3048,
};

const TOLL_ROLES = new Set(['killed', 'injured', 'shot', 'arrested', 'missing', 'displaced']);
const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const MAX_UPDATE_DAYS = 10;

export interface Quantity {
  /** What is counted: 'role:killed', 'length:depth', 'noun:agreements|signed'. */
  key: string;
  /** The value in a common unit (metres for lengths). */
  value: number;
  high?: number;
  role?: string;
}

/** quantityOf per figure context: a figure is compared with every figure of every other member of its event. */
const quantities = new WeakMap<FigureContext, Quantity | null>();

/** What a figure counts, in comparable form; undefined when it is not a figure to compare. */
export function quantityOf(c: FigureContext): Quantity | undefined {
  let q = quantities.get(c);
  if (q === undefined) quantities.set(c, (q = findQuantity(c) ?? null));
  return q ?? undefined;
}

function findQuantity(c: FigureContext): Quantity | undefined {
  const f = c.figure;
  if (f.vague || f.kind === 'ordinal' || f.kind === 'age' || f.kind === 'duration') return undefined;
  const at = f.range.start - c.sentenceStart;
  const before = c.sentence.slice(0, at);
  const after = c.sentence.slice(at + f.text.length);
  // Split decimals ("$2. 6 million", "5. 9") are not numbers to trust.
  if (/\d\.\s$/.test(before) || /^\.\s\d/.test(after)) return undefined;
  // The clause the figure is in: from the last clause break before it to the next one after it.
  const clauseBefore = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(' - '), before.lastIndexOf('--'), before.lastIndexOf('—'), before.lastIndexOf('–')) + 1);
  const clauseAfter = after.split(/[,;—–]|\s-\s|--/)[0];
  if (/\bno\s*$/i.test(before)) return undefined; // 'no one was killed'
  if (PART_OF_SUM.test(after) || PART_OF_SUM_BEFORE.test(before)) return undefined;
  if (NOT_CURRENT.test(`${clauseBefore} ${clauseAfter}`)) return undefined;
  const role = roleOf(clauseBefore, clauseAfter, f);
  const unitWord = /^[\s-]*([a-z]+)/i.exec(after)?.[1]?.toLowerCase();
  if (unitWord && LENGTH[unitWord] !== undefined) {
    if (role !== 'depth') return undefined; // distances ("50 miles from the capital") name many places
    return { key: 'length:depth', value: f.value * LENGTH[unitWord], role };
  }
  if (role === 'depth') return undefined;
  const unit = f.kind === 'money' ? `:${f.unit ?? ''}` : f.kind === 'percent' ? ':percent' : '';
  const high = f.kind === 'fraction' ? undefined : f.high;
  if (role === 'magnitude') return high === undefined ? { key: 'role:magnitude', value: f.value, role } : undefined;
  // A toll is one quantity whether given as a count or a range ("between 20 and 30 killed"); a fraction is of its whole.
  if (role) return { key: `role:${role}${unit}${f.kind === 'fraction' ? `|of ${f.of}` : ''}`, value: f.value, high, role };
  if (!f.counted) return undefined;
  // A thing counted (not a toll): the noun and the verb ("threw for 205 yards" and "rushing for 352 yards" differ).
  return { key: `noun:${f.kind}${unit}|${f.counted.replace(/s$/, '')}|${f.verb ?? ''}${f.kind === 'fraction' ? `|of ${f.of}` : ''}`, value: f.value, high };
}

function roleOf(before: string, after: string, f: Figure): string | undefined {
  // Qualifiers between a verb and its figure ("killing at least 10") do not count as distance; before the figure
  // only verbs count ("a death sentence by three jurors" is not a toll).
  const wordsAfter = after.toLowerCase().split(/[^a-z]+/).filter(Boolean).slice(0, ROLE_WINDOW + 1);
  const wordsBefore = before.toLowerCase().split(/[^a-z]+/).filter((w) => w && !QUALIFIER_WORD.test(w)).slice(-ROLE_WINDOW).reverse();
  if (/^-?magnitude/i.test(after.trim()) || /magnitude(?: of)?(?: at least)?[\s-]*$/i.test(before) || /^\s*on the richter/i.test(after)) return 'magnitude';
  let best: { role: string; distance: number } | undefined;
  const consider = (word: string, distance: number) => {
    for (const [role, pattern] of ROLES) {
      if (role === 'magnitude') continue;
      if (pattern.test(word) && (!best || distance < best.distance)) best = { role, distance };
    }
  };
  wordsAfter.forEach((w, i) => consider(w, i));
  wordsBefore.forEach((w, i) => (VERB_FORM.test(w) || w === 'depth') && consider(w, i + 0.5));
  if (!best || f.kind === 'money' || f.kind === 'percent') return undefined; // "$2 million stolen": money, not a toll
  const counted = f.counted && !ROLES.some(([, pattern]) => pattern.test(f.counted!)) ? f.counted : undefined; // "50 hurt": the role, not a noun
  if (best.role === 'depth') return best.role;
  if (counted ? !PEOPLE.test(counted) : best.distance > 1) return undefined;
  return best.role;
}

/** Two figures' verdict: both must count the same quantity of one event. */
export function compareFigures(a: FigureContext, b: FigureContext): { verdict: Verdict; qa?: Quantity; qb?: Quantity } {
  const qa = quantityOf(a);
  const qb = quantityOf(b);
  if (!qa || !qb || qa.key !== qb.key) return { verdict: 'incomparable' };
  // Another place's or person's number: both sentences name places (or people) and none is the same. Counts of a
  // thing (not a toll) named next to any name also need one name in common: "23 points" of one player are not the 11 of another.
  if (disjoint(a.places, b.places) || disjoint(a.people, b.people)) return { verdict: 'incomparable' };
  const named = a.places.size + a.people.size + b.places.size + b.people.size > 0;
  if (!qa.role && named && ![...a.places, ...a.people].some((k) => b.places.has(k) || b.people.has(k))) return { verdict: 'incomparable' };
  // Another day's incident: the sentences (or the articles' leads) put it on different weekdays.
  const da = WEEKDAY.exec(a.sentence)?.[1] ?? a.day;
  const db = WEEKDAY.exec(b.sentence)?.[1] ?? b.day;
  if (da && db && da.toLowerCase() !== db.toLowerCase() && !(a.published && b.published && a.published !== b.published)) return { verdict: 'incomparable' };
  let days: number | undefined;
  if (a.published && b.published) {
    days = (Date.parse(b.published) - Date.parse(a.published)) / 86_400_000;
    if (Math.abs(days) > MAX_UPDATE_DAYS) return { verdict: 'incomparable' };
  }
  if (agree(a.figure, qa, b.figure, qb)) return { verdict: 'agree', qa, qb };
  // A toll reported later and higher, or in words that say it moved on, is an update.
  if (qa.role && TOLL_ROLES.has(qa.role)) {
    const [early, late] = days !== undefined && days < 0 ? [qb, qa] : [qa, qb];
    const [earlyFigure] = days !== undefined && days < 0 ? [b.figure] : [a.figure];
    // Higher two days later, or a day later when the first report gave a lower bound ("at least 10"): the toll rose.
    const lowerBound = earlyFigure.qualifier === 'at least' || earlyFigure.qualifier === 'more than';
    if (days !== undefined && (Math.abs(days) >= 2 || (Math.abs(days) >= 1 && lowerBound)) && late.value > early.value) return { verdict: 'update', qa, qb };
    if (UPDATE_CUE.test(a.sentence) || UPDATE_CUE.test(b.sentence)) return { verdict: 'update', qa, qb };
  }
  return { verdict: 'conflict', qa, qb };
}

function agree(fa: Figure, qa: Quantity, fb: Figure, qb: Quantity): boolean {
  if (qa.key.startsWith('length:')) return roundedEqual(qa.value, qb.value, 0.1);
  if (compatible(fa, fb)) return true;
  // Rounding: "1,300" and "1,320" (a round figure covers what rounds to it); "6 miles" and "6.2 miles".
  if (fa.qualifier === 'exact' && fb.qualifier === 'exact' && fa.high === undefined && fb.high === undefined && fa.kind !== 'fraction') {
    return roundsTo(fa.text, fa.value, fb.value) || roundsTo(fb.text, fb.value, fa.value);
  }
  return false;
}

/** Whether `other` rounds to `value` as written: "6" covers 5.5–6.5 when the other has decimals; "1,300" covers 1,250–1,350. */
function roundsTo(text: string, value: number, other: number): boolean {
  if (/\.\d/.test(text) || !Number.isInteger(value)) return false;
  const hasDecimals = !Number.isInteger(other);
  const zeros = /^\d/.test(text) ? (/(0+)(?:\D*)$/.exec(text.replace(/,/g, ''))?.[1].length ?? 0) : 0;
  if (hasDecimals && zeros === 0) return Math.abs(value - other) < 0.5 + 1e-9;
  if (value >= 100 && zeros >= 2) return Math.abs(value - other) <= 0.5 * 10 ** zeros;
  return false;
}

/** Lengths converted between units agree within a relative tolerance (conversions are rounded). */
function roundedEqual(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(a, b);
}

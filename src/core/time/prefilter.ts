// Runs only those chrono-node parsers that could match a text. chrono's casual parser runs 18 parsers (a regular
// expression each, over the whole sentence) and then its refiners; it was 11% of analysis time, mostly spent
// finding nothing. Each parser's pattern requires some literal (a digit, a month name, "ago"…); a parser whose
// literal is absent from the text returns no results, and leaving it out changes nothing: chrono concatenates the
// parsers' results in order, sorts them stably, and the refiners see only that list. The tests below are read off
// the patterns of chrono-node 2.x's en casual configuration; each only needs to be implied by its parsers' patterns
// (a wider test is safe, a narrower one is not). Every pattern but the time-of-day one starts with chrono's
// `(\W|^)` boundary; `[^a-z]` below is wider (it also allows digits and "_").

import { Chrono, en as chronoEn, ParsedResult, ParsingOption, ParsingReference } from 'chrono-node';

/** Month names, as chrono's MONTH_DICTIONARY (longer forms and "jan." etc. start with these). */
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
/** Weekday names, as chrono's WEEKDAY_DICTIONARY, plus the weekday parser's "weekend"/"weekday". */
const WEEKDAYS = 'sunday|monday|tuesday|wednesday|thursday|friday|saturday|weekend|weekday|thurs|thur|thu|sun|mon|tue|wed|fri|sat';
/** chrono's `(?=\W|$)` after a word. */
const END = '(?![a-z0-9_])';

interface Gate {
  test: RegExp;
  parsers: string[];
}

const GATES: Gate[] = [
  // Every alternative of these patterns contains \d or [0-9] (times are "(\d{1,4})…", years "[1-9][0-9]{3}"…).
  { test: /\d/, parsers: ['ISOFormatParser', 'ENYearMonthDayParser', 'SlashDateFormatParser', 'ENSlashMonthFormatParser', 'ENTimeExpressionParser', 'ENYearMonthNameParser'] },
  // A month name. Before it: the boundary, "in" ("in May"), "of" or an ordinal (all end in st/nd/rd/th: "first of
  // May", "5th May"), each with optional spaces. After it: a non-letter, "of" ("May of 2024"), or an ordinal word
  // (first, second, third, eighth, ninth…: f, s, t, e, n) — never any other letter ("market", "decision").
  {
    test: new RegExp(`(?:^|[^a-z]|in|of|st|nd|rd|th)(?:${MONTHS})(?![abcdghijklmpqruvwxyz])`, 'i'),
    parsers: ['ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENMonthNameParser'],
  },
  // A weekday name, after the boundary or "on", "this", "last", "past", "next"; after it a non-letter or
  // "of"/"this"/"last"/"past"/"next" ("Monday of next week"): letters o, t, l, p, n.
  { test: new RegExp(`(?:^|[^a-z]|on|this|last|past|next)(?:${WEEKDAYS})(?![abcdefghijkmqrsuvwxyz])`, 'i'), parsers: ['ENWeekdayParser'] },
  { test: new RegExp(`(?:^|[^a-z])(?:now|today|tonight|tomorrow|overmorrow|tmrw|tmr|yesterday|last\\s*night)${END}`, 'i'), parsers: ['ENCasualDateParser'] },
  // "(?:this)?\s{0,3}(morning|…)": the word may run into "this", so no boundary before it.
  { test: new RegExp(`(?:morning|afternoon|evening|night|midnight|midday|noon)${END}`, 'i'), parsers: ['ENCasualTimeParser'] },
  { test: new RegExp(`(?:last\\s+day|end)\\s+of\\s+(?:the\\s+)?month${END}`, 'i'), parsers: ['ENEndOfCurrentMonthParser'] },
  // Durations: "<units> ago|before|earlier", "<units> later|after|from now|henceforth|forward|out".
  { test: new RegExp(`(?:ago|before|earlier)${END}`, 'i'), parsers: ['ENTimeUnitAgoFormatParser'] },
  { test: new RegExp(`(?:later|after|from now|henceforth|forward|out)${END}`, 'i'), parsers: ['ENTimeUnitLaterFormatParser'] },
];

/**
 * Always run: "in|within|for <units>", "this|last|past|next|after|+|- <units>". Their units include single letters
 * ("the d" is a day), so no cheap literal test covers them.
 */
const ALWAYS = ['ENTimeUnitWithinFormatParser', 'ENRelativeDateFormatParser', 'ENTimeUnitCasualRelativeFormatParser'];

const casual = chronoEn.casual;
const names = casual.parsers.map((p) => p.constructor.name);
const known = [...ALWAYS, ...GATES.flatMap((g) => g.parsers)];

/** Off if chrono's parser list is not the one reasoned about above (another chrono version): then all parsers run. */
export const PREFILTER_ACTIVE = names.length === known.length && known.every((n) => names.includes(n));

/** One chrono per combination of passed gates, sharing chrono's own parser and refiner objects. */
const subsets = new Map<number, Chrono>();

function chronoFor(mask: number): Chrono {
  let chrono = subsets.get(mask);
  if (!chrono) {
    const wanted = new Set([...ALWAYS, ...GATES.filter((_, i) => mask & (1 << i)).flatMap((g) => g.parsers)]);
    chrono = new Chrono({ parsers: casual.parsers.filter((p) => wanted.has(p.constructor.name)), refiners: casual.refiners });
    subsets.set(mask, chrono);
  }
  return chrono;
}

/** Exactly `chrono.casual.parse(text, ref, option)`, without the parsers that cannot match this text. */
export function parseCasual(text: string, ref: ParsingReference, option: ParsingOption): ParsedResult[] {
  if (!PREFILTER_ACTIVE) return casual.parse(text, ref, option);
  let mask = 0;
  for (let i = 0; i < GATES.length; i++) if (GATES[i].test.test(text)) mask |= 1 << i;
  return chronoFor(mask).parse(text, ref, option);
}

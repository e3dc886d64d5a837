// Publication dates printed in a saved page ("First published: 08.17.17", "Updated 27 November 2016").
// Named-month dates are read by chrono-node; all-numeric dates are read here because their day/month order
// is a property of the outlet, which chrono cannot know: we take the only valid reading, and when both are
// valid we say the date is ambiguous rather than guess silently.

import { strict as chronoStrict } from 'chrono-node';
import { isValidDate } from './metadata';
import { Line } from './lines';
import { TextRange } from './types';

export interface TextDate {
  iso: string;
  range: TextRange;
  evidence: string;
  ambiguous: boolean;
}

// "published" in the languages of the outlets readers save; a date next to one of these is the article's date.
const CUE = /\b(?:first published|published|publication date|posted|updated|last updated|date)\b|veröffentlicht|publié|publicado|pubblicato|yayınlanma|yayın tarihi|güncelleme|опубликовано|פורסם|עודכן|نشر|تاريخ النشر/iu;
const NUMERIC = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/u;
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/u;

/** A date cue and an ISO date at the very start of a line. */
const LEADING_DATE = /^\s{0,3}(?:date|published|posted|updated|first published)\s*:?\s*((\d{4})-(\d{2})-(\d{2}))(?![\d-])/iu;

/** How many lines from the top and the bottom of a page may carry its date. */
const HEAD_LINES = 15;
const TAIL_LINES = 8;

export function findPublicationDate(lines: Line[], isDateLine: (line: Line) => boolean): TextDate | undefined {
  const content = lines.filter((l) => l.text.trim().length > 0);
  const candidates = [...content.slice(0, HEAD_LINES), ...content.slice(Math.max(HEAD_LINES, content.length - TAIL_LINES))];
  for (const line of candidates) {
    if (line.text.length > 200) {
      // A long first paragraph that opens with its date ("date 2024-05-07 BELGRADE, May 7 …", "Published 2024-05-07
      // The president …"): the page printed its date before the text, on the same line.
      const lead = LEADING_DATE.exec(line.text);
      if (lead && isValidDate(+lead[2], +lead[3], +lead[4])) {
        const offset = lead.index + lead[0].length - lead[1].length;
        return { iso: lead[1], range: { start: line.start + offset, end: line.start + offset + lead[1].length }, evidence: line.text.slice(0, lead[0].length).trim(), ambiguous: false };
      }
      continue;
    }
    if (!CUE.test(line.text) && !isDateLine(line)) continue;
    const found = readDate(line.text);
    if (found) {
      return {
        ...found,
        range: { start: line.start + found.offset, end: line.start + found.offset + found.length },
        evidence: line.text.trim(),
      };
    }
  }
  return undefined;
}

interface FoundDate {
  iso: string;
  offset: number;
  length: number;
  ambiguous: boolean;
}

export function readDate(text: string): FoundDate | undefined {
  const iso = ISO.exec(text);
  if (iso && isValidDate(+iso[1], +iso[2], +iso[3])) {
    return { iso: `${iso[1]}-${iso[2]}-${iso[3]}`, offset: iso.index, length: iso[0].length, ambiguous: false };
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const a = +numeric[1];
    const b = +numeric[3];
    const year = expandYear(numeric[4]);
    const dayFirst = isValidDate(year, b, a);
    const monthFirst = isValidDate(year, a, b);
    if (dayFirst || monthFirst) {
      const [month, day] = dayFirst ? [b, a] : [a, b];
      return {
        iso: `${year}-${pad(month)}-${pad(day)}`,
        offset: numeric.index,
        length: numeric[0].length,
        ambiguous: dayFirst && monthFirst && a !== b,
      };
    }
  }
  for (const result of chronoStrict.parse(text)) {
    const c = result.start;
    if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) continue;
    // chrono reads the first four digits of "12 March 12345" as the year: a year runs on into more digits there.
    if (/^\d/.test(text.slice(result.index + result.text.length, result.index + result.text.length + 1))) continue;
    const y = c.get('year')!;
    const m = c.get('month')!;
    const d = c.get('day')!;
    if (!isValidDate(y, m, d)) continue;
    return { iso: `${y}-${pad(m)}-${pad(d)}`, offset: result.index, length: result.text.length, ambiguous: false };
  }
  return undefined;
}

function expandYear(text: string): number {
  const n = +text;
  if (text.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Full dates (day, month and year all stated) written anywhere in the given ranges, latest first.
 * Offered as candidates when the reader adds a missing publication date: an article is published on or
 * after the last full date it mentions.
 */
export function explicitDates(text: string, ranges: TextRange[]): string[] {
  const found = new Set<string>();
  for (const range of ranges) {
    for (const result of chronoStrict.parse(text.slice(range.start, range.end))) {
      const c = result.start;
      if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) continue;
      const y = c.get('year')!;
      const m = c.get('month')!;
      const d = c.get('day')!;
      if (isValidDate(y, m, d)) found.add(`${y}-${pad(m)}-${pad(d)}`);
    }
  }
  return [...found].sort().reverse();
}

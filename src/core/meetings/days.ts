// The days a dated account covers. A visit is often printed as a span ("May 7-8", "7–9 May"): any of its days
// agrees with an outlet that gives one of them ("on Wednesday", May 8).

import type { EventDate } from '../model';

const DAY_SPAN = /\b(\d{1,2})\s*[-–]\s*(\d{1,2})\b/u;

/** The account's day, and the rest of a span of up to a week its date text prints; [] when it has no day. */
export function daysOf(date: EventDate): string[] {
  if (!date.iso || date.precision !== 'day') return [];
  const days = [date.iso.slice(0, 10)];
  const span = DAY_SPAN.exec(date.text);
  const [from, to] = span ? [Number(span[1]), Number(span[2])] : [0, 0];
  if (span && Number(days[0].slice(8, 10)) === from && to > from && to - from <= 6) {
    const start = Date.parse(`${days[0]}T12:00:00Z`);
    for (let k = 1; k <= to - from; k++) days.push(new Date(start + k * 86_400_000).toISOString().slice(0, 10));
  }
  return days;
}

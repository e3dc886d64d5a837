// The chrono pre-filter must be invisible: parseCasual returns exactly what chrono's casual parser returns.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { en as chronoEn } from 'chrono-node';
import { parseCasual, PREFILTER_ACTIVE } from '../../src/core/time/prefilter';
import { seededRandom } from './seededRandom';

const ref = { instant: new Date(Date.UTC(2024, 4, 15, 12)), timezone: 0 };
const option = { forwardDate: false };

function assertSame(text: string): void {
  const expected = JSON.stringify(chronoEn.casual.parse(text, ref, option));
  assert.equal(JSON.stringify(parseCasual(text, ref, option)), expected, `different results for ${JSON.stringify(text)}`);
}

describe('chrono pre-filter', () => {
  it('recognises the chrono version it was written for', () => {
    // If this fails, chrono-node's parser list changed: re-read the patterns and update prefilter.ts.
    assert.equal(PREFILTER_ACTIVE, true);
  });

  it('returns what chrono returns on the edge cases of each test', () => {
    const cases = [
      'The market rose.', 'A decision was taken.', 'They met them.', 'It may rain.', 'Mars is far.',
      'on 5 May 2024', 'on the fifth of May', 'fifthmay', 'firstofmay', 'in May', 'inMay 2024', 'May of 2024', 'May first',
      'Mayfirst', 'Sept. 5', 'sep 5th', 'mid-March', '2015 March', 'March, 2015', 'December 12-14, 2023',
      'on Monday', 'onMonday', 'lastmonday', 'Monday of next week', 'Mondaynext week', 'Sat.', '(Fri)', 'the weekend',
      'now', 'today', 'TONIGHT', 'tomorrow', 'tmrw', 'yesterday', 'lastnight', 'last  night', 'nowhere known',
      'thismorning', 'this afternoon', 'at midnight', 'noon', 'nightly', 'end of the month', 'last day of month',
      'the d ago', 'a m later', 'three years ago', 'two days before', 'a few days later', 'couple of weeks out',
      'several months earlier', 'half an hour from now', 'within 2 hours', 'in a few hours', 'for the year', 'last week',
      'next year', 'past 24 hours', '+2 days', '-3 d', 'after this week', 'after they left', 'in they go',
      '12/05/2024', '2024-05-01', '2024-05-01T10:00:00Z', '5/2024', 'at 3 pm', '3:15', '10 o\'clock', 'since 1979',
      'about 10 people', 'US$5 million', 'the 1990s',
    ];
    for (const text of cases) assertSame(text);
  });

  it('returns what chrono returns on random mixtures of date words, glue and noise', () => {
    const words = [
      'may', 'March', 'mar', 'sept.', 'Dec', 'jan', 'monday', 'Sat', 'thurs.', 'weekend', 'weekday', 'on', 'in', 'of',
      'this', 'last', 'past', 'next', 'after', 'first', 'fifth', 'twenty-first', '5th', '12', '2024', '3', ':', '/', '-',
      ',', '.', '(', ')', 'now', 'today', 'tonight', 'night', 'morning', 'noon', 'end', 'day', 'month', 'the', 'a',
      'an', 'few', 'half', 'couple', 'two', 'd', 'm', 's', 'y', 'hr', 'week', 'weeks', 'years', 'ago', 'before',
      'earlier', 'later', 'out', 'from now', 'forward', 'within', 'for', 'about', 'market', 'they', 'said', 'pm', 'am',
    ];
    const glue = ['', ' ', ' ', '  ', '\n'];
    const next = seededRandom(20240515);
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
    for (let i = 0; i < 3000; i++) {
      let text = '';
      const n = 1 + Math.floor(next() * 6);
      for (let j = 0; j < n; j++) {
        const word = pick(words);
        text += (j ? pick(glue) : '') + (next() < 0.2 ? word.toUpperCase() : word);
      }
      assertSame(text);
    }
  });

  it('returns what chrono returns on every sentence of the sample articles', () => {
    const dir = join(__dirname, '../../../samples');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      for (const line of readFileSync(join(dir, file), 'utf8').split(/(?<=[.!?])\s+|\n/)) assertSame(line);
    }
  });
});

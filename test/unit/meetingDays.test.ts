// The days a dated meeting account covers (src/core/meetings/days.ts): a printed span of a visit's days.

import * as assert from 'node:assert/strict';
import { daysOf } from '../../src/core/meetings/days';

const day = (iso: string, text: string) => ({ iso, precision: 'day' as const, key: `day:${iso}`, text, range: { start: 0, end: text.length } });

describe('days a meeting account covers', () => {
  it('a span printed with its month covers each of its days', () => {
    assert.deepEqual(daysOf(day('2031-05-07', 'May 7-8')), ['2031-05-07', '2031-05-08']);
    assert.deepEqual(daysOf(day('2031-05-30', '30–31 May 2031')), ['2031-05-30', '2031-05-31']);
  });

  it('one day, a span that does not start on the day, or one longer than a week is just the day', () => {
    assert.deepEqual(daysOf(day('2031-05-07', 'on Wednesday')), ['2031-05-07']);
    assert.deepEqual(daysOf(day('2031-05-07', 'May 12-14')), ['2031-05-07']);
    assert.deepEqual(daysOf(day('2031-05-01', 'May 1-20')), ['2031-05-01']);
    assert.deepEqual(daysOf({ ...day('2031-05-01', 'May'), precision: 'month' }), []);
  });
});

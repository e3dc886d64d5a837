// Figures and time expressions: extraction, resolution against the publication date, and comparison.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseArticle } from '../../src/core/article';
import { compatible, extractFigures, Figure } from '../../src/core/figures/extract';
import { parseNumber } from '../../src/core/figures/numbers';
import { extractTimes, resolveDayMonth, resolveMonth, resolveWeekday } from '../../src/core/time/extract';

function article(body: string, published?: string) {
  return parseArticle({ uri: 'file:///x/a.txt', text: `Headline\n\n${body}\n`, externalMeta: published ? { published } : {} });
}

function figures(body: string): Figure[] {
  const a = article(body, '2016-11-27');
  const times = extractTimes(a).filter((t) => t.kind !== 'year');
  return extractFigures(a, times.map((t) => t.range));
}

function only(body: string): Figure {
  const found = figures(body);
  assert.equal(found.length, 1, `expected one figure in ${JSON.stringify(body)}, got ${found.map((f) => f.text).join(', ')}`);
  return found[0];
}

describe('figures', () => {
  it('counts with qualifier, counted noun and verb', () => {
    const f = only('Government forces killed over 1,300 Takfiri terrorists in the north, state media said.');
    assert.deepEqual([f.kind, f.value, f.qualifier, f.qualifierText, f.counted, f.verb], ['count', 1300, 'more than', 'over', 'terrorists', 'killed']);
  });

  it('words, hyphenated numbers and vague quantities', () => {
    assert.deepEqual(figures('He met two ministers and thirty-two envoys.').map((f) => [f.value, f.counted]), [[2, 'ministers'], [32, 'envoys']]);
    const dozens = only('Dozens of people were hurt.');
    assert.equal(dozens.vague, true);
  });

  it('money with currency and scale, percentages', () => {
    const money = only('The deal is worth $7 billion.');
    assert.deepEqual([money.kind, money.value, money.unit], ['money', 7e9, 'USD']);
    const words = only('Trade reached 3.5 billion dollars.');
    assert.deepEqual([words.kind, words.value, words.unit], ['money', 3.5e9, 'USD']);
    const pct = only('Some 40% of voters abstained.');
    assert.deepEqual([pct.kind, pct.value, pct.qualifier], ['percent', 40, 'about']);
  });

  it('fractions, ranges, ages, durations and event ordinals', () => {
    const fraction = only('Only 32 of 208 diplomats remain at large.');
    assert.deepEqual([fraction.kind, fraction.value, fraction.of, fraction.counted], ['fraction', 32, 208, 'diplomats']);
    const range = only('Between 20 and 30 soldiers died.');
    assert.deepEqual([range.kind, range.value, range.high], ['range', 20, 30]);
    const age = only("Turkey and Iran backed rival sides in Syria's six-year-old conflict.");
    assert.deepEqual([age.kind, age.value, age.unit, age.counted], ['age', 6, 'year', 'conflict']);
    const duration = only('More than four years of fighting in Aleppo ended.');
    assert.deepEqual([duration.kind, duration.value, duration.unit, duration.qualifier], ['duration', 4, 'year', 'more than']);
    const ordinal = only('The 22nd international meeting on Syria ended.');
    assert.deepEqual([ordinal.kind, ordinal.value], ['ordinal', 22]);
  });

  it('ignores identifiers, times, years and dates', () => {
    assert.deepEqual(figures('The G20 summit, F-16 jets and COVID-19 came up at 3 p.m. in 2016 on Nov. 27 with someone.'), []);
    assert.deepEqual(figures('She came first in the race.'), [], 'an ordinal that counts no event');
  });

  it('compares figures with their qualifiers', () => {
    const [some, over] = [only('Some 1,300 fighters were killed.'), only('Over 1,300 fighters were killed.')];
    assert.equal(compatible(some, over), true);
    assert.equal(compatible(only('Police arrested 320 people.'), only('Police arrested around 300 people.')), true);
    assert.equal(compatible(only('Police arrested 400 people.'), only('Police arrested around 300 people.')), false);
    assert.equal(compatible(only('Only 32 of 208 diplomats remain.'), only('Only 30 of 208 diplomats remain.')), false);
    assert.equal(compatible(only('Police arrested 320 people.'), only('Police arrested 300 people.')), false);
    assert.equal(compatible(only('Dozens of people were hurt.'), only('Police arrested 300 people.')), true, 'vague never conflicts');
  });

  it('parses any digit-grouped integer (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        assert.equal(parseNumber(n.toLocaleString('en-US'))?.value, n);
        assert.equal(parseNumber(String(n))?.value, n);
      }),
    );
  });

  it('parses any number written in words up to a million (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 999_999 }), (n) => assert.equal(parseNumber(toWords(n))?.value, n)));
  });

  it('finds every figure in random text without throwing, with ranges on the text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('1,300', 'thirty-two', '$7 billion', 'of', '32', 'between', 'and', 'some', '%', 'people', 'killed', '.', '-', '22nd', 'meeting'), fc.string()), { maxLength: 40 }), (words) => {
        const a = article(words.join(' '));
        for (const f of extractFigures(a)) {
          assert.ok(f.range.start >= 0 && f.range.end <= a.text.length && f.range.start < f.range.end);
          assert.equal(a.text.slice(f.range.start, f.range.end), f.text);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('time expressions', () => {
  const resolved = (body: string, published?: string) =>
    extractTimes(article(body, published)).map((t) => [t.text, t.kind, t.resolved?.iso ?? null]);

  it('resolves a past weekday to the most recent one on or before publication', () => {
    assert.deepEqual(resolved('Rouhani received the minister on Saturday.', '2016-11-27'), [['on Saturday', 'weekday', '2016-11-26']]);
    assert.deepEqual(resolved('The minister arrived on Monday.', '2024-12-02'), [['on Monday', 'weekday', '2024-12-02']]);
  });

  it('resolves a future weekday forwards', () => {
    assert.deepEqual(resolved('The ministers will meet again on Monday.', '2016-11-27'), [['on Monday', 'weekday', '2016-11-28']]);
  });

  it('months, relative days and day-month dates resolve into the past unless the sentence looks ahead', () => {
    assert.deepEqual(resolved('Zarif visited Ankara in August.', '2016-11-27'), [['August', 'month', '2016-08-01']]);
    assert.deepEqual(resolved('They discussed Syria last week.', '2016-11-27'), [['last week', 'relative', '2016-11-20']]);
    assert.deepEqual(resolved('The summit on Nov. 27 was cancelled.', '2017-03-01'), [['Nov. 27', 'date', '2016-11-27']]);
    assert.deepEqual(resolved('The summit will be held in May.', '2016-11-27'), [['May', 'month', '2017-05-01']]);
  });

  it('keeps event-relative expressions unresolved and bare years as anchors', () => {
    assert.deepEqual(resolved('A day after the talks, he left.', '2016-11-27'), [['A day after', 'event-relative', null]]);
    const times = extractTimes(article('The visit is the first since the 1979 Islamic revolution. He hoped to meet early in 2025.', '2024-12-02'));
    assert.deepEqual(times.map((t) => [t.text, t.kind, t.qualifier ?? null]), [['1979', 'year', null], ['2025', 'year', 'early']]);
  });

  it('keeps expressions comparable when the publication date is unknown', () => {
    const [t] = extractTimes(article('Rouhani received the minister on Saturday.'));
    assert.deepEqual([t.key, t.resolved], ['weekday:6', undefined]);
  });

  it('date arithmetic agrees with the calendar (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 6 }), (d, weekday) => {
        const published = d.toISOString().slice(0, 10);
        const past = resolveWeekday(weekday, published, 'past');
        const future = resolveWeekday(weekday, published, 'future');
        assert.equal(new Date(`${past}T12:00:00Z`).getUTCDay(), weekday);
        assert.ok(past <= published && daysBetween(past, published) < 7);
        assert.ok(future >= published && daysBetween(published, future) < 7);
        const month = resolveMonth(((weekday * 2) % 12) + 1, published, 'past');
        assert.ok(month <= published);
        const dm = resolveDayMonth(1, ((weekday * 2) % 12) + 1, published, 'past');
        assert.ok(dm! <= published && daysBetween(dm!, published) <= 366);
      }),
    );
  });
});

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function toWords(n: number): string {
  if (n >= 1000) return `${toWords(Math.floor(n / 1000))} thousand${n % 1000 ? ` ${toWords(n % 1000)}` : ''}`;
  if (n >= 100) return `${ONES[Math.floor(n / 100)]} hundred${n % 100 ? ` and ${toWords(n % 100)}` : ''}`;
  if (n >= 20) return `${TENS[Math.floor(n / 10)]}${n % 10 ? `-${ONES[n % 10]}` : ''}`;
  return ONES[n];
}

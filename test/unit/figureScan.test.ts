// The figure scanner only tries FIGURE where a figure can start: it must find exactly FIGURE's own matches.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURE, figureMatches } from '../../src/core/figures/extract';
import { seededRandom } from './seededRandom';

function assertSame(text: string): void {
  const expected = [...text.matchAll(FIGURE)].map((m) => [m.index, m[0], JSON.stringify(m.groups)]);
  const actual = figureMatches(text).map((m) => [m.index, m[0], JSON.stringify(m.groups)]);
  assert.deepEqual(actual, expected, `different matches in ${JSON.stringify(text)}`);
}

describe('figure scanner', () => {
  it('finds what FIGURE finds on edge cases', () => {
    for (const text of [
      '', 'No figures here.', 'Often someone attends.', 'often one of them', 'US$5 million', 'us$ 7bn', '$1,300.50',
      'between 20 and 30 people', 'twenty-one to thirty', '32 of 208 diplomats', 'a dozen', 'A  Hundred', 'dozens died',
      'the 22nd meeting', 'the ninth round', 'a 5-year-old boy', '10-15 people', 'Ten Thousand', 'firſt round',
      'ſix people', 'ſeven', '\u212Ailled 5', 'sixteen \u{1F600} seven', '\u{1D7CE}', 'G20', 'F-16', '3 p.m.',
    ]) assertSame(text);
  });

  it('finds what FIGURE finds on random mixtures', () => {
    const pieces = ['one', 'ten', 'often', 'a', 'dozen', 'between', 'and', 'to', 'of', 'out', 'the', 'US$', '$', '€', '5', '1,300',
      '3.5', 'million', 'bn', 'first', 'ninth', '22nd', '-', 'year', 'old', 'ſ', 'K', '\u{1F600}', 'people', 'é', 'x'];
    const glue = ['', ' ', '  ', '-', ', '];
    const next = seededRandom(7);
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let j = Math.floor(next() * 8); j >= 0; j--) text += pick(pieces) + pick(glue);
      assertSame(next() < 0.2 ? text.toUpperCase() : text);
    }
  });

  it('finds what FIGURE finds in the sample articles', () => {
    const dir = join(__dirname, '../../../samples');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) assertSame(readFileSync(join(dir, file), 'utf8'));
  });
});

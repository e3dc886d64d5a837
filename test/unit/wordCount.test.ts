// wordCount counts without building the matches: it must agree with the regex it stands for.

import * as assert from 'node:assert/strict';
import { wordCount, wordCountByRegex } from '../../src/core/boilerplate';
import { seededRandom } from './seededRandom';

describe('wordCount', () => {
  it('agrees with the regex on edge cases', () => {
    for (const text of ['', ' ', 'one', "Reid's car", "'quoted' words", 'U.S.-led', '--a', '3.5 million', 'Erdoğan', 'Çavuşoğlu',
      '\u{1D400}\u{1D401} bold', '\u{1F600} smile', '\uD835 lone high', 'lone low \uDC00x', '٣ arabic digit', 'مرحبا بالعالم', '中文 字', ' .-’ ']) {
      assert.equal(wordCount(text), wordCountByRegex(text), JSON.stringify(text));
    }
  });

  it('agrees with the regex on random text', () => {
    const pieces = ['a', 'Z', 'é', 'ğ', '5', '٣', "'", '’', '.', '-', ' ', ',', '\n', '\u00A0', '\u{1D400}', '\u{1F600}', '\uD835', '\uDC00', '中', 'ß'];
    const next = seededRandom(99);
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let j = Math.floor(next() * 12); j >= 0; j--) text += pieces[Math.floor(next() * pieces.length)];
      assert.equal(wordCount(text), wordCountByRegex(text), JSON.stringify(text));
    }
  });
});

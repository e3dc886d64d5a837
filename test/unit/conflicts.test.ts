// Cross-account findings: figures and days that differ between accounts of one meeting, and ages that contradict
// the year the corpus says something began. Each rule has near-misses that must stay quiet.

import * as assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus';
import { Finding } from '../../src/core/types';

function corpus(articles: Record<string, [string, string | undefined]>): Corpus {
  const c = new Corpus();
  for (const [name, [body, published]] of Object.entries(articles)) {
    c.update({ uri: `file:///c/${name}`, text: `${name} headline\n\n${body}\n`, externalMeta: { outlet: name.replace(/\..*$/, ''), published } });
  }
  return c;
}

function codes(c: Corpus, code: string): Finding[] {
  return [...c.allFindings().values()].flat().filter((f) => f.code === code);
}

describe('figure-conflict', () => {
  it('fires on both accounts of one meeting when their counts disagree, pointing at each other', () => {
    const c = corpus({
      'ledger.txt': ['Ilsa Kendrow met Otto Brisk in Ankara on Tuesday. The two sides signed 12 agreements.', '2031-03-05'],
      'wire.txt': ['Otto Brisk received Ilsa Kendrow in Ankara on Tuesday. They signed 9 agreements.', '2031-03-05'],
    });
    const found = codes(c, 'figure-conflict');
    assert.equal(found.length, 2);
    const ledger = found.find((f) => f.uri.endsWith('ledger.txt'))!;
    assert.match(ledger.message, /ledger gives 12 agreements; wire \(wire\.txt\) gives 9 agreements for the same meeting/);
    assert.equal(ledger.related[0].uri, 'file:///c/wire.txt');
  });

  it('stays quiet for compatible qualifiers, different things counted, and different meetings', () => {
    const c = corpus({
      'a.txt': ['Ilsa Kendrow met Otto Brisk in Ankara on Tuesday. Police arrested 320 protesters. Over 1,300 fighters were killed.', '2031-03-05'],
      'b.txt': ['Otto Brisk received Ilsa Kendrow in Ankara on Tuesday. Police arrested around 300 protesters. Some 1,300 fighters were killed. Police wounded 40 protesters.', '2031-03-05'],
      'c.txt': ['Ilsa Kendrow met Otto Brisk in Ankara on Monday. Police arrested 900 protesters.', '2031-06-10'],
    });
    assert.deepEqual(codes(c, 'figure-conflict'), []);
  });
});

describe('date-conflict', () => {
  it('flags one meeting put on different days by two outlets published together', () => {
    const c = corpus({
      'ledger.txt': ['Ilsa Kendrow met Otto Brisk in Ankara on Tuesday.', '2031-03-05'],
      'wire.txt': ['Otto Brisk received Ilsa Kendrow in Ankara on Monday.', '2031-03-05'],
    });
    assert.equal(c.meetings().all().length, 1);
    const found = codes(c, 'date-conflict');
    assert.equal(found.length, 2);
    assert.match(found.find((f) => f.uri.endsWith('ledger.txt'))!.message, /“on Tuesday” \(2031-03-04\); wire \(wire\.txt\) says “on Monday” \(2031-03-03\)/);
  });

  it('does not merge (or flag) the same people meeting weeks apart, or in another city', () => {
    const c = corpus({
      'ledger.txt': ['Ilsa Kendrow met Otto Brisk in Ankara on Tuesday.', '2031-03-05'],
      'wire.txt': ['Otto Brisk received Ilsa Kendrow in Ankara on Monday.', '2031-03-25'],
      'post.txt': ['Otto Brisk received Ilsa Kendrow in Tehran on Monday.', '2031-03-04'],
    });
    assert.equal(c.meetings().all().length, 3);
    assert.deepEqual(codes(c, 'date-conflict'), []);
  });
});

describe('date-conflict: the same day written with and without its year', () => {
  it('"March 16" on a page without a date and "March 16, 2031" elsewhere agree', () => {
    const c = corpus({
      'ledger.txt': ['Ilsa Kendrow met Otto Brisk in Ankara on March 16 to sign a customs accord.', undefined],
      'wire.txt': ['Otto Brisk received Ilsa Kendrow in Ankara on March 16, 2031 for talks on customs.', '2031-03-17'],
    });
    assert.equal(c.meetings().all().length, 1, c.meetings().all().map((m) => m.accounts.map((a) => a.date?.key).join(' ')).join(' / '));
    assert.deepEqual(codes(c, 'date-conflict').map((f) => f.message), []);
  });

  it('"March 16" and "March 18, 2031" still disagree', () => {
    const c = corpus({
      'ledger.txt': ['Ilsa Kendrow met Otto Brisk in Ankara on March 16 to sign a customs accord.', undefined],
      'wire.txt': ['Otto Brisk received Ilsa Kendrow in Ankara on March 18, 2031 for talks on customs.', '2031-03-19'],
    });
    const joined = c.meetings().all().filter((m) => m.accounts.length > 1);
    // Either two meetings, or one meeting whose accounts are flagged: never one meeting that hides the disagreement.
    assert.ok(joined.length === 0 || codes(c, 'date-conflict').length === 2);
  });
});

describe('figure-inconsistent', () => {
  it('flags an age that contradicts the start year the corpus gives, and accepts one that fits', () => {
    const c = corpus({
      'anchor.txt': ['The conflict began in 2011 with protests.', '2016-01-01'],
      'wrong.txt': ["Rival sides fight in the country's six-year-old conflict.", '2014-05-01'],
      'right.txt': ["Rival sides fight in the country's six-year-old conflict.", '2017-08-17'],
    });
    const found = codes(c, 'figure-inconsistent');
    assert.equal(found.length, 1);
    assert.equal(found[0].uri, 'file:///c/wrong.txt');
    assert.match(found[0].message, /anchor\.txt dates the conflict to 2011 \(about 3 years\)/);
  });
});

describe('figure-conflict without a meeting', () => {
  it('fires for the same event counted differently by two outlets in the same days', () => {
    const c = corpus({
      'a.txt': ['Government forces killed 1,300 fighters in Aleppo and Idlib, Syrian officials in Damascus said.', '2031-12-02'],
      'b.txt': ['Government forces killed 7,000 fighters in Aleppo and Idlib, monitors in Damascus said.', '2031-12-03'],
    });
    const found = codes(c, 'figure-conflict');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /gives 1,300 fighters; b \(b\.txt\) gives 7,000 fighters for the event “a\.txt headline” \(2 articles; linked by [^)]*aleppo[^)]*\)/);
  });

  it('stays quiet weeks apart, about other places, or within qualifiers', () => {
    const c = corpus({
      'a.txt': ['Government forces killed 1,300 fighters in Aleppo and Idlib, officials in Damascus said.', '2031-12-02'],
      'b.txt': ['Government forces killed 7,000 fighters in Aleppo and Idlib, monitors in Damascus said.', '2032-02-03'],
      'c.txt': ['Government forces killed 7,000 fighters in Hama and Homs, monitors in Beirut said.', '2031-12-02'],
      'd.txt': ['Government forces killed some 1,350 fighters in Aleppo and Idlib, officials in Damascus said.', '2031-12-03'],
    });
    assert.deepEqual(codes(c, 'figure-conflict'), []);
  });
});

describe('ordinals across accounts', () => {
  it('figure-inconsistent when two accounts number the same meeting differently', () => {
    const c = corpus({
      'a.txt': ['Ilsa Kendrow met Otto Brisk in Ankara on Tuesday for the 22nd round of talks.', '2031-03-05'],
      'b.txt': ['Otto Brisk received Ilsa Kendrow in Ankara on Tuesday for the 21st round of talks.', '2031-03-05'],
    });
    const found = codes(c, 'figure-inconsistent');
    assert.equal(found.length, 2);
    assert.deepEqual(codes(c, 'figure-conflict'), []);
  });

  it('no figure-inconsistent when the two ordinals number different series, or one is negated', () => {
    const c = corpus({
      'a.txt': ['Ilsa Kendrow met Otto Brisk in Ankara on Tuesday, her first visit to Turkey as minister, ahead of the 75th anniversary of their treaty.', '2031-03-05'],
      'b.txt': ['Otto Brisk received Ilsa Kendrow in Ankara on Tuesday, the fourth state visit of her term, at the 10th anniversary of the trade forum.', '2031-03-05'],
      'c.txt': ['Ilsa Kendrow met Otto Brisk in Ankara on Tuesday. It is not her first visit to Turkey.', '2031-03-05'],
      'd.txt': ['Otto Brisk welcomed Ilsa Kendrow in Ankara on Tuesday on her second visit to the region.', '2031-03-05'],
    });
    assert.deepEqual(codes(c, 'figure-inconsistent').map((f) => f.message), []);
    // The same series numbered two ways is still flagged.
    const d = corpus({
      'a.txt': ['Ilsa Kendrow met Otto Brisk in Ankara on Tuesday, her first visit to Turkey.', '2031-03-05'],
      'b.txt': ['Otto Brisk welcomed Ilsa Kendrow in Ankara on Tuesday on her second visit to Turkey.', '2031-03-05'],
    });
    assert.equal(codes(d, 'figure-inconsistent').length, 2);
  });
});

describe('an article against itself', () => {
  it('figure-inconsistent when one article counts the same thing two ways for the same people and places', () => {
    const c = corpus({ 'a.txt': ['Police in Ankara arrested 300 protesters near Kizilay on Monday. Later, police in Ankara said they had arrested 120 protesters near Kizilay.', '2031-03-05'] });
    const found = codes(c, 'figure-inconsistent');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /gives 300 protesters here and 120 protesters later/);
  });

  it('date-conflict for a past event dated after publication; none for a scheduled one', () => {
    const c = corpus({
      'a.txt': ['The ministers met on 27 November 2031 in Ankara.', '2031-11-10'],
      'b.txt': ['The ministers will meet on 27 November 2031 in Ankara.', '2031-11-10'],
      'c.txt': ['The ministers met on 12 November 2031 in Ankara.', '2031-11-10'],
    });
    const found = codes(c, 'date-conflict');
    assert.deepEqual(found.map((f) => f.uri), ['file:///c/a.txt']);
  });
});

// Venues and days on real coverage, in made-up sentences (no page text): a building or estate one page names and the
// city another names are one place; a page without a date gives its year through a day written with its weekday;
// a weekday or a day of a month must fit the other account's date; dated accounts seed the meetings.

import * as assert from 'node:assert/strict';
import { analyse } from '../../src/core/analyse';
import { MeetingIndex } from '../../src/core/meetings/cluster';
import { datesCompatible, EventAccount } from '../../src/core/meetings/extract';
import { notAPerson } from '../../src/core/meetings/participants';
import { placeKey, samePlace, venueOf } from '../../src/core/meetings/places';
import rulePack from '../../src/core/rules/meetings.yaml';

function accountsOf(body: string, published?: string, name = 'a.txt', outlet = 'Test Outlet'): { accounts: EventAccount[]; uri: string; published?: string } {
  const uri = `file:///venues/${name}`;
  const a = analyse({ uri, text: body, externalMeta: published ? { published, outlet } : { outlet } });
  return { accounts: a.accounts, uri, published: a.article.published?.iso };
}

function cluster(...articles: ReturnType<typeof accountsOf>[]) {
  const idx = new MeetingIndex();
  for (const a of articles) idx.stage(a.uri, a.accounts, a.published);
  idx.rebuild();
  return idx.all();
}

describe('venues: a building, an estate or a resort and its city are one place', () => {
  it('the venue pack knows the city (and wider area) of well-known venues', () => {
    assert.equal(venueOf('the Kremlin')?.city, 'Moscow');
    assert.equal(venueOf('Great Hall of the People')?.city, 'Beijing');
    assert.equal(venueOf('Filoli')?.area, 'San Francisco');
    assert.ok(samePlace('Kremlin', 'Moscow'));
    assert.ok(samePlace('Woodside', 'San Francisco'));
    assert.ok(samePlace('Pechino', 'Beijing'), 'a city under the name a page in another language gives it');
    assert.ok(samePlace('Union Buildings', 'South Africa'), 'a venue in the capital and the country');
    assert.ok(!samePlace('Kremlin', 'Beijing'));
    assert.equal(placeKey('Elysee Palace'), placeKey('Paris'));
  });

  it('a venue or a known city is never a participant', () => {
    for (const name of ['Kremlin', 'the Kremlin', 'Woodside', 'Camp David', 'Moscow']) assert.ok(notAPerson(name), name);
    assert.ok(!notAPerson('Tarek Almund'));
  });

  it('"talks at the Kremlin" gives the venue as the place, and links to an account that names the city', () => {
    const a = accountsOf('Talks\n\nTarek Almund held talks with Ines Vorhaug at the Kremlin on Monday.\n', '2032-04-07', 'one.txt', 'First Wire');
    assert.equal(a.accounts[0]?.place?.name, 'Kremlin');
    const b = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Moscow on Monday.\n', '2032-04-07', 'two.txt', 'Second Daily');
    assert.equal(cluster(a, b).length, 1);
  });

  it('"the Kremlin said" is an actor, not where a meeting was', () => {
    const a = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug on Monday, the Kremlin said.\n', '2032-04-07');
    assert.notEqual(a.accounts[0]?.place?.name, 'Kremlin');
  });
});

describe('days: weekdays, days of a month and the year of a page without a date', () => {
  it('a weekday or a day of a month must fit the other account\'s date', () => {
    const day = { iso: '2032-04-05', precision: 'day' as const, key: 'date:2032-04-05', text: '5 April 2032', range: { start: 0, end: 1 } };
    const monday = { key: 'weekday:1', text: 'Monday', range: { start: 0, end: 1 } };
    const friday = { key: 'weekday:5', text: 'Friday', range: { start: 0, end: 1 } };
    assert.ok(datesCompatible(day, monday), '5 April 2032 is a Monday');
    assert.ok(!datesCompatible(day, friday));
    assert.ok(datesCompatible(day, { key: 'date:04-05', text: 'April 5', range: { start: 0, end: 1 } }));
    assert.ok(!datesCompatible(day, { key: 'date:04-06', text: 'April 6', range: { start: 0, end: 1 } }));
    assert.ok(!datesCompatible({ key: 'date:04-06', text: 'April 6', range: { start: 0, end: 1 } }, { key: 'month:5', text: 'May', range: { start: 0, end: 1 } }));
  });

  it('a page without a date gives its year through a day written with its weekday, and says how', () => {
    // 5 April 2032 is a Monday; the page mentions 2031 as its latest year.
    const a = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle on Monday, April 5. Trade had grown since 2031.\n');
    assert.equal(a.accounts[0]?.date?.iso, '2032-04-05');
    assert.match(a.accounts[0]?.date?.how ?? '', /monday in 2032/);
  });

  it('an undated account whose weekday does not fit a dated meeting stays apart from it', () => {
    const dated = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle on 5 April 2032.\n', '2032-04-06', 'dated.txt', 'First Wire');
    const other = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle on Friday.\n', undefined, 'friday.txt', 'Second Daily');
    assert.equal(cluster(dated, other).length, 2);
    const fits = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle on Monday.\n', undefined, 'monday.txt', 'Third Post');
    assert.equal(cluster(dated, fits).length, 1);
  });

  it('dated accounts seed the meetings: an undated one first in id order does not pull two years together', () => {
    const undated = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle.\n', undefined, 'a-undated.txt', 'First Wire');
    const early = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle on 5 April 2031.\n', '2031-04-06', 'b-early.txt', 'Second Daily');
    const late = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle on 5 April 2032.\n', '2032-04-06', 'c-late.txt', 'Third Post');
    const meetings = cluster(undated, early, late);
    assert.ok(!meetings.some((m) => m.accounts.some((a) => a.uri.endsWith('b-early.txt')) && m.accounts.some((a) => a.uri.endsWith('c-late.txt'))));
  });
});

describe('frames: headline verbs, greetings and pages in other languages', () => {
  it('reads "X and Y talk …", "looks forward to welcoming", "shook hands"', () => {
    for (const sentence of [
      'Tarek Almund and Ines Vorhaug talk trade in Brelle on Monday.',
      'Tarek Almund looks forward to welcoming Ines Vorhaug to Lisbon on Monday.',
      'Tarek Almund and Ines Vorhaug shook hands in Brelle on Monday.',
    ]) {
      const { accounts } = accountsOf(`Ministers\n\n${sentence}\n`, '2032-04-07');
      assert.equal(accounts.length, 1, sentence);
      assert.equal(accounts[0].participants.length, 2, sentence);
    }
  });

  it('reads the meeting verbs of Portuguese and Italian pages', () => {
    for (const sentence of ['Tarek Almund se reuniu com Ines Vorhaug em Brelle.', 'Tarek Almund ha incontrato Ines Vorhaug a Brelle.']) {
      const { accounts } = accountsOf(`Ministros\n\n${sentence}\n`, '2032-04-07');
      assert.equal(accounts.length, 1, sentence);
    }
  });

  it('"to host" alone is not a meeting (a show, an award)', () => {
    const { accounts } = accountsOf('Awards\n\nIna Vorhaug is to host the Brelle film awards with Tarek Almund.\n', '2032-04-07');
    assert.equal(accounts.length, 0);
  });
});

describe('kinds: a bilateral summit is the meeting of its two people', () => {
  it('"hold a summit" of two leaders links to "met" of the same two, the same day and place', () => {
    const summit = accountsOf('Summit\n\nTarek Almund and Ines Vorhaug held a summit in Lisbon on Monday.\n', '2032-04-07', 'summit.txt', 'First Wire');
    const met = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Lisbon on Monday.\n', '2032-04-07', 'met.txt', 'Second Daily');
    assert.equal(summit.accounts[0]?.kind, 'summit');
    assert.equal(cluster(summit, met).length, 1);
  });

  it('a summit with more people than the meeting stays apart from it (a meeting on its sidelines)', () => {
    const summit = accountsOf('Summit\n\nTarek Almund, Ines Vorhaug and Odo Karsk held a summit in Lisbon on Monday.\n', '2032-04-07', 'summit.txt', 'First Wire');
    const met = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Lisbon on Monday.\n', '2032-04-07', 'met.txt', 'Second Daily');
    assert.equal(cluster(summit, met).length, 2);
  });
});

describe('years: a clause that gives only a year is dated by it', () => {
  it('"X visited Y in 2029" keeps the year, and stays apart from the same people\'s later meeting', () => {
    const old = accountsOf('History\n\nTarek Almund visited Ines Vorhaug in Lisbon in 2029 for the games.\n', '2032-04-07', 'old.txt', 'First Wire');
    assert.equal(old.accounts[0]?.date?.precision, 'year');
    assert.equal(old.accounts[0]?.date?.iso?.slice(0, 4), '2029');
    const now = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Lisbon on 5 April 2032.\n', '2032-04-06', 'now.txt', 'Second Daily');
    assert.equal(cluster(old, now).length, 2);
  });
});

describe('regions: a state or province only agrees with a city in it', () => {
  it('"in California" and "at the Filoli estate" do not disagree; two cities still do', () => {
    const region = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in California on 5 April 2032.\n', '2032-04-06', 'region.txt', 'First Wire');
    const venue = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug at the Filoli estate on 5 April 2032.\n', '2032-04-06', 'venue.txt', 'Second Daily');
    assert.equal(cluster(region, venue).length, 1);
    const elsewhere = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Lisbon on 5 April 2032.\n', '2032-04-06', 'lisbon.txt', 'Third Post');
    assert.equal(cluster(venue, elsewhere).length, 2);
  });
});

// A meeting trigger's `needs` pattern lets a sentence skip the trigger's own (slower) pattern. That is only safe if
// every match of the trigger also passes `needs`; here each top-level alternative of the trigger must contain a
// word of `needs` verbatim, which makes it so.
interface Trigger {
  kind: string;
  pattern: string;
  caseSensitive?: boolean;
  needs?: string;
}

/** The top-level alternatives of a pattern, with one outer non-capturing group around all of them taken off. */
function alternatives(pattern: string): string[] {
  const split = (source: string): string[] => {
    const out: string[] = [];
    let depth = 0;
    let inClass = false;
    let from = 0;
    for (let i = 0; i < source.length; i++) {
      const c = source[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (inClass) {
        if (c === ']') inClass = false;
      } else if (c === '[') inClass = true;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === '|' && depth === 0) {
        out.push(source.slice(from, i));
        from = i + 1;
      }
    }
    out.push(source.slice(from));
    return out;
  };
  const whole = split(pattern);
  if (whole.length === 1 && pattern.startsWith('(?:') && pattern.endsWith(')')) {
    const inner = pattern.slice(3, -1);
    // Only if that group really spans the whole pattern ("(?:a)|(?:b)" is two groups).
    let depth = 0;
    let spans = true;
    for (let i = 0; i < inner.length && spans; i++) {
      if (inner[i] === '\\') i++;
      else if (inner[i] === '(') depth++;
      else if (inner[i] === ')' && --depth < 0) spans = false;
    }
    if (spans) return split(inner);
  }
  return whole;
}

/** Alternatives of the trigger that hold none of its `needs` words: each one is a match `needs` might reject. */
function uncovered(t: Trigger): string[] {
  if (t.needs === undefined) return [];
  const needs = new RegExp(t.needs, t.caseSensitive ? 'u' : 'iu');
  return alternatives(t.pattern).filter((a) => !needs.test(a.replace(/\\b/g, '')));
}

describe('meeting triggers: the `needs` gates', () => {
  const triggers = (rulePack as { triggers: Trigger[] }).triggers;

  it('some triggers are gated (the slow ones: other scripts, a lookbehind)', () => {
    assert.ok(triggers.filter((t) => t.needs).length >= 3);
  });

  for (const t of triggers.filter((x) => x.needs)) {
    it(`every alternative of the ${t.kind} trigger ${t.pattern.slice(0, 40)}… holds a word of its gate`, () => {
      assert.deepEqual(uncovered(t), []);
    });
  }

  it('the check finds a gate that misses an alternative', () => {
    assert.deepEqual(uncovered({ kind: 'visit', pattern: '(?:\\bchegou a\\b|\\bllegó a\\b|прибыл в)', needs: 'chegou|[\\u0400-\\u04ff]' }), ['\\bllegó a\\b']);
    assert.deepEqual(alternatives('(?:a|b(?:c|d))'), ['a', 'b(?:c|d)']);
    assert.deepEqual(alternatives('(?:a)|(?:b)'), ['(?:a)', '(?:b)']);
  });

  it('gated triggers still fire: Russian, Spanish, and "X and Y talk"', () => {
    const kinds = (text: string) => analyse({ uri: 'file:///needs.txt', text }).accounts.map((a) => a.kind);
    assert.deepEqual(kinds('Ministers\n\nTarek Almund встретился с Ines Vorhaug в Брелле.\n'), ['meeting']);
    assert.deepEqual(kinds('Ministers\n\nTarek Almund llegó a Brelle el lunes.\n'), ['visit']);
    assert.deepEqual(kinds('Ministers\n\nTarek Almund and Ines Vorhaug talk trade in Brelle on Monday.\n'), ['meeting']);
  });
});

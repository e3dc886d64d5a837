// The classes of phrasing real coverage uses for meetings, each in made-up sentences about made-up people (no page
// text): frames, participants named by role, venues against topics, one meeting told several times, dates and
// their anchors, outlets that are not participants, glued words, trips and repeats, kinds and nesting. These run
// the whole per-article pipeline (entity layer included), as the corpus does.

import * as assert from 'node:assert/strict';
import { analyse } from '../../src/core/analyse';
import { MeetingIndex } from '../../src/core/meetings/cluster';
import { EventAccount } from '../../src/core/meetings/extract';
import { cleanName, notAPerson } from '../../src/core/meetings/participants';

function accountsOf(body: string, published?: string, name = 'a.txt', outlet = 'Test Outlet'): { accounts: EventAccount[]; uri: string; published?: string } {
  const uri = `file:///real/${name}`;
  const a = analyse({ uri, text: body, externalMeta: published ? { published, outlet } : { outlet } });
  return { accounts: a.accounts, uri, published: a.article.published?.iso };
}

function cluster(...articles: ReturnType<typeof accountsOf>[]) {
  const idx = new MeetingIndex();
  for (const a of articles) idx.stage(a.uri, a.accounts, a.published);
  idx.rebuild();
  return idx.all();
}

const names = (a: EventAccount) => a.participants.map((p) => p.name).join(' | ');

describe('real coverage: frames the extractor missed', () => {
  it('reads "held bilateral talks", "in a meeting with", "after meeting in" and "during their meeting in"', () => {
    for (const sentence of [
      'Chilean Foreign Minister Tarek Almund held bilateral talks with Kenyan Foreign Minister Ines Vorhaug in Brelle on Monday.',
      'Tarek Almund said in a meeting with Ines Vorhaug in Brelle on Monday that trade would grow.',
      'After meeting in Brelle on Monday, Tarek Almund and Ines Vorhaug signed a customs accord.',
      'Tarek Almund praised Ines Vorhaug during their meeting in Brelle on Monday.',
    ]) {
      const { accounts } = accountsOf(`Ministers in Brelle\n\n${sentence}\n`, '2032-04-07');
      assert.equal(accounts.length, 1, sentence);
      assert.match(names(accounts[0]), /Almund/, sentence);
      assert.match(names(accounts[0]), /Vorhaug/, sentence);
    }
  });

  it('reads "X\'s arrival in Y" as a visit, and "called President X" as a call (not "called the talks candid")', () => {
    const arrival = accountsOf('Arrival\n\nPresident Tarek Almund\'s arrival in Ankara on Monday drew crowds.\n', '2032-04-07').accounts;
    assert.deepEqual(arrival.map((a) => [a.kind, a.place?.name]), [['visit', 'Ankara']]);
    const call = accountsOf('Call\n\nOn Tuesday, President Tarek Almund called Chilean President Ines Vorhaug about the border.\n', '2032-04-07').accounts;
    assert.deepEqual(call.map((a) => a.kind), ['call']);
    assert.match(names(call[0]), /Vorhaug/);
    for (const sentence of ['President Tarek Almund called the talks with Ines Vorhaug candid.', 'President Tarek Almund called for calm after Ines Vorhaug spoke.']) {
      assert.equal(accountsOf(`Words\n\n${sentence}\n`, '2032-04-07').accounts.filter((a) => a.kind === 'call').length, 0, sentence);
    }
  });

  it('reads the gerund "by meeting <title> <name>" as a meeting, not "by meeting friends"', () => {
    const { accounts } = accountsOf('Talks\n\nThe palace said that President Tarek Almund ended his isolation by meeting Chilean President Ines Vorhaug in Brelle on Monday.\n', '2032-04-07');
    assert.equal(accounts.length, 1);
    assert.match(names(accounts[0]), /Almund/);
    assert.match(names(accounts[0]), /Vorhaug/);
    assert.equal(accountsOf('Words\n\nTarek Almund said that by meeting friends in Brelle he had learned a lot from Ines Vorhaug.\n', '2032-04-07').accounts.length, 0);
  });

  it('takes "the two ministers met" as the people of the meeting being told', () => {
    const { accounts } = accountsOf('Talks in Brelle\n\nTarek Almund arrived in Brelle on Monday to see Ines Vorhaug. The two ministers met for three hours.\n', '2032-04-07');
    assert.equal(accounts.length, 1);
    assert.match(names(accounts[0]), /Vorhaug/);
  });
});

describe('real coverage: participants named by role', () => {
  it('resolves "his Kenyan counterpart" to the one Kenyan foreign minister the article names', () => {
    const { accounts } = accountsOf(
      'Almund in Brelle\n\nChilean Foreign Minister Tarek Almund met his Kenyan counterpart in Brelle on Monday. Kenyan Foreign Minister Ines Vorhaug later said the talks were frank.\n',
      '2032-04-07',
    );
    const role = accounts.flatMap((a) => a.participants).find((p) => p.title?.includes('counterpart'));
    assert.ok(role, accounts.map(names).join(' / '));
    assert.equal(role!.name, 'Ines Vorhaug');
    assert.match(role!.resolvedBy ?? '', /this article names/);
  });

  it('keeps an unnamed role as the role, and links it to the named account of the same meeting', () => {
    const named = accountsOf('Almund meets Vorhaug\n\nChilean Foreign Minister Tarek Almund met Kenyan Foreign Minister Ines Vorhaug in Brelle on Monday.\n', '2032-04-07', 'named.txt', 'First Wire');
    const byRole = accountsOf('Ministers meet\n\nChilean Foreign Minister Tarek Almund met the Kenyan foreign minister in Brelle on Monday.\n', '2032-04-07', 'role.txt', 'Second Daily');
    const role = byRole.accounts[0].participants.find((p) => p.roleOnly);
    assert.ok(role, names(byRole.accounts[0]));
    assert.equal(role!.key, 'role:foreign minister:kenya');
    const meetings = cluster(named, byRole);
    assert.equal(meetings.length, 1);
    const vorhaug = meetings[0].participants.find((p) => p.name === 'Ines Vorhaug')!;
    assert.equal(vorhaug.byRole.length, 1);
    assert.match(vorhaug.byRole[0].why, /only .*foreign minister/);
  });

  it('reads "the foreign ministers of X and Y" as two participants', () => {
    const { accounts } = accountsOf('Ministers meet\n\nThe foreign ministers of Norvia and Kenyan met in Brelle on Monday.\n', '2032-04-07');
    assert.equal(accounts.length, 1);
    assert.equal(accounts[0].participants.length, 2);
  });
});

describe('real coverage: venue against topic', () => {
  it('takes "the resort city of X" as the venue and not the country the talks were about', () => {
    const { accounts } = accountsOf('Talks\n\nTarek Almund hosted Ines Vorhaug in the seaside resort of Ostrava-Nell on Monday for talks on the war in Syria.\n', '2032-04-07');
    assert.equal(accounts[0].place?.name, 'Ostrava-Nell');
  });

  it('does not take a country named as the topic for the venue', () => {
    const { accounts } = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug on Monday and discussed the situation in Syria and trade routes.\n', '2032-04-07');
    assert.notEqual(accounts[0].place?.name, 'Syria');
  });

  it('a dateline gives the venue when the sentence names none', () => {
    const { accounts } = accountsOf('Talks\n\nBRELLE (Chilean Wire) - Tarek Almund met Ines Vorhaug on Monday.\n', '2032-04-07');
    assert.equal(accounts[0].place?.name, 'Brelle');
  });
});

describe('real coverage: one meeting, several mentions in one article', () => {
  it('the headline, the lead and a later paragraph are one account with several spans', () => {
    const { accounts } = accountsOf(
      'Almund meets Vorhaug in Brelle\n\nChilean Foreign Minister Tarek Almund met Kenyan Foreign Minister Ines Vorhaug in Brelle on Monday.\n\nPrices of grain rose in the region.\n\nAt their meeting in Brelle, Almund and Vorhaug also agreed to reopen a consulate.\n',
      '2032-04-07',
    );
    assert.equal(accounts.length, 1, accounts.map(names).join(' / '));
    const later = 'Almund meets Vorhaug in Brelle\n\nChilean Foreign Minister Tarek Almund met Kenyan Foreign Minister Ines Vorhaug in Brelle on Monday.\n\nPrices of grain rose in the region.\n\nAt their meeting in Brelle, Almund and Vorhaug also agreed to reopen a consulate.\n'.indexOf('consulate');
    assert.ok(accounts[0].spans.some((s) => s.start <= later && later <= s.end), JSON.stringify(accounts[0].spans));
  });

  it('a pair out of a larger meeting told with "also" stays its own meeting', () => {
    const { accounts } = accountsOf(
      'Visit\n\nChilean President Odo Karsk received Kenyan Foreign Minister Ines Vorhaug and Chilean Foreign Minister Tarek Almund in Brelle on Monday.\n\nVorhaug also held talks with Almund on Monday.\n',
      '2032-04-07',
    );
    assert.equal(accounts.length, 2, accounts.map(names).join(' / '));
  });
});

describe('real coverage: dates and anchors', () => {
  it('a past expectation in a relative clause ("talks Wednesday that were expected to focus on …") leaves the day in the past', () => {
    // 2032-04-08 is a Thursday: the Wednesday before is the 7th, the one after the 14th.
    const past = accountsOf('Talks\n\nPresident Tarek Almund hosted his Chilean counterpart Ines Vorhaug for talks Wednesday in Brelle that were expected to focus on trade.\n', '2032-04-08').accounts;
    assert.deepEqual(past.map((a) => a.date?.iso), ['2032-04-07']);
    const ahead = accountsOf('Talks\n\nPresident Tarek Almund and Ines Vorhaug were expected to hold talks Wednesday in Brelle.\n', '2032-04-08').accounts;
    assert.deepEqual(ahead.map((a) => a.date?.iso), ['2032-04-14']);
  });

  it('what follows "ahead of" is another event: neither its day nor its future tense', () => {
    const { accounts } = accountsOf('Talks\n\nTarek Almund held talks with Ines Vorhaug in Brelle on Sunday ahead of a regional summit next week.\n', '2032-04-07');
    assert.equal(accounts.length, 1);
    assert.equal(accounts[0].status, 'past');
    assert.equal(accounts[0].kind, 'meeting');
  });

  it('never merges an undated account with a meeting weeks away from its article', () => {
    const dated = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle on 3 March 2032.\n', '2032-03-04', 'dated.txt', 'First Wire');
    const later = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle.\n', '2032-05-20', 'later.txt', 'Second Daily');
    assert.equal(cluster(dated, later).length, 2);
  });

  it('pages without a date about different years stay apart', () => {
    const a = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle. Trade reached a record in 2029.\n', undefined, 'one.txt', 'First Wire');
    const b = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle. Trade reached a record in 2031.\n', undefined, 'two.txt', 'Second Daily');
    assert.equal(cluster(a, b).length, 2);
  });

  it('an account without a day joins the dated accounts of its week, and says so', () => {
    const dated = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle on Monday.\n', '2032-04-07', 'dated.txt', 'First Wire');
    const undated = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle.\n', '2032-04-08', 'undated.txt', 'Second Daily');
    assert.equal(cluster(dated, undated).length, 1);
  });
});

describe('real coverage: outlets, agencies and countries are not participants', () => {
  it('drops agencies, outlets, bodies and buildings the entity layer took for people', () => {
    for (const name of ['Anadolu Agency', 'IRNA', 'Daily Sabah', 'Political Bureau', 'Great Hall', 'Tianjin Summit', 'Reuters']) assert.ok(notAPerson(name), name);
    for (const name of ['Ines Vorhaug', 'Tarek Almund']) assert.ok(!notAPerson(name), name);
  });

  it('a sentence crediting an agency has the people only', () => {
    const { accounts } = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle on Monday, Reuters reported.\n', '2032-04-07');
    assert.ok(!accounts[0].participants.some((p) => /Reuters/.test(p.name)), names(accounts[0]));
  });
});

describe('real coverage: glued words', () => {
  it('cuts title and organisation words and camel-glued words off a name', () => {
    assert.equal(cleanName('Presidents Odo Karsk'), 'Odo Karsk');
    assert.equal(cleanName('Federation Tarek Almund'), 'Tarek Almund');
    assert.equal(cleanName('AlmundChilean'), 'Almund');
  });
});

describe('real coverage: trips and repeats', () => {
  it('one trip\'s stops on consecutive days are separate meetings', () => {
    const { accounts } = accountsOf(
      'Tour\n\nTarek Almund met Ines Vorhaug in Brelle on Sunday. Tarek Almund met Odo Karsk in Castel on Monday.\n',
      '2032-04-07',
    );
    assert.equal(accounts.length, 2);
  });

  it('"the visit to A follows Y\'s visit to B": two visits, each with its own place, in one sentence', () => {
    const { accounts } = accountsOf(
      'Tour\n\nTarek Almund arrived on Monday. The visit to Ankara by Almund follows Ines Vorhaug\'s visit to Tehran some six months ago, when the two signed a trade deal.\n',
      '2032-04-07',
    );
    const places = accounts.map((a) => a.place?.name).sort();
    assert.deepEqual(places, ['Ankara', 'Tehran'], accounts.map((a) => `${names(a)} @ ${a.place?.name}`).join(' / '));
  });

  it('the same pair meeting again a year later is a new meeting', () => {
    const first = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle on Monday.\n', '2031-04-08', 'first.txt', 'First Wire');
    const again = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle on Monday.\n', '2032-04-07', 'again.txt', 'Second Daily');
    assert.equal(cluster(first, again).length, 2);
  });
});

describe('real coverage: kinds and nesting', () => {
  it('a call is not a meeting of the same people', () => {
    const met = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle on Monday.\n', '2032-04-07', 'met.txt', 'First Wire');
    const call = accountsOf('Call\n\nTarek Almund spoke by phone with Ines Vorhaug on Monday.\n', '2032-04-07', 'call.txt', 'Second Daily');
    assert.equal(cluster(met, call).length, 2);
  });

  it('a meeting on the sidelines of a summit is a meeting, not the summit', () => {
    const { accounts } = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug on the sidelines of the Brelle summit on Monday.\n', '2032-04-07');
    assert.deepEqual(accounts.map((a) => a.kind), ['meeting']);
  });
});

describe('real coverage: the headline future', () => {
  it('"X to visit A for talks with Y" (no "is") is a planned meeting; "X met Y in A to visit a school" is past', () => {
    const planned = accountsOf('World news\n\nChilean President Tarek Almund to visit Ankara for talks with Kenyan President Ines Vorhaug\n\nThe trip was announced on Saturday by officials of both sides.\n', '2032-04-07').accounts;
    assert.deepEqual(planned.map((a) => a.status), ['scheduled']);
    const past = accountsOf('World news\n\nChilean President Tarek Almund met Kenyan President Ines Vorhaug in Ankara to visit a school.\n', '2032-04-07').accounts;
    assert.deepEqual(past.map((a) => a.status), ['past']);
  });
});

describe('real coverage: what is no meeting', () => {
  it('a denied meeting or visit is no account ("did not meet … until", "has never visited", "refused to meet")', () => {
    for (const sentence of [
      'Ines Vorhaug did not meet Tarek Almund until last spring, long after the affair.',
      "Tarek Almund has never visited Brelle, his aide Odo Karsk said.",
      'Ines Vorhaug refused to meet Tarek Almund in Brelle on Monday.',
    ]) {
      const { accounts } = accountsOf(`Old story\n\n${sentence}\n`, '2032-04-07');
      assert.equal(accounts.length, 0, `${sentence} → ${accounts.map(names).join(' / ')}`);
    }
    // The same sentence without the denial is a meeting: the test can fail.
    assert.equal(accountsOf('Old story\n\nInes Vorhaug met Tarek Almund in Brelle on Monday.\n', '2032-04-07').accounts.length, 1);
  });

  it('"received", "hosts" and "welcomed" are a meeting only with a person after them', () => {
    for (const sentence of [
      'The frigate Castel received a distress call from the tanker of Ines Vorhaug and Tarek Almund on Saturday.',
      'Tarek Almund regretted the attention the chapel of Ines Vorhaug received on Saturday.',
      'Previous hosts -- Tarek Almund, Ines Vorhaug -- kept to the old format.',
      'Tarek Almund welcomed the decision of Ines Vorhaug on Saturday.',
    ]) {
      const { accounts } = accountsOf(`Not a meeting\n\n${sentence}\n`, '2032-04-07');
      assert.equal(accounts.length, 0, `${sentence} → ${accounts.map(names).join(' / ')}`);
    }
    for (const sentence of [
      'Tarek Almund received Ines Vorhaug in Brelle on Saturday.',
      'Tarek Almund was received by Ines Vorhaug in Brelle on Saturday.',
      'Tarek Almund hosted the visiting Ines Vorhaug in Brelle on Saturday.',
    ]) {
      const { accounts } = accountsOf(`A meeting\n\n${sentence}\n`, '2032-04-07');
      assert.equal(accounts.length, 1, sentence);
      assert.match(names(accounts[0]), /Vorhaug/, sentence);
    }
  });

  it('a company called Summit is no summit; "the Brelle summit" still is one', () => {
    for (const sentence of [
      'The studio Summit Entertainment hired Tarek Almund to direct the sequel on Monday.',
      "Tarek Almund now runs the film division with Summit's Ines Vorhaug.",
    ]) {
      const { accounts } = accountsOf(`Film news\n\n${sentence}\n`, '2032-04-07');
      assert.equal(accounts.filter((a) => a.kind === 'summit').length, 0, `${sentence} → ${accounts.map((a) => a.kind).join(' / ')}`);
    }
    const { accounts } = accountsOf('Summit\n\nTarek Almund attended the Brelle Summit on Monday.\n', '2032-04-07');
    assert.deepEqual(accounts.map((a) => a.kind), ['summit']);
  });

  it('one person\'s visits in the same year, told by two articles without a day or a place in common, stay apart', () => {
    const one = accountsOf('Prison\n\nIn 2019, Tarek Almund was attacked during a visit.\n', '2032-04-07', 'one.txt', 'First Wire');
    const two = accountsOf('Prison\n\nTarek Almund was hurt in 2019 while his cousin visited him.\n', '2032-04-08', 'two.txt', 'Second Daily');
    const multi = cluster(one, two).filter((m) => new Set(m.accounts.map((a) => a.uri)).size >= 2);
    assert.equal(multi.length, 0, JSON.stringify(multi.map((m) => m.accounts.map((a) => a.date?.text))));
  });
});

describe('real coverage: lone two-letter family names', () => {
  it('keeps a lone two-letter family name as a participant ("Ro\'s arrival"), never an everyday word ("He", "De")', () => {
    const { accounts } = accountsOf('Arrival\n\nRo\'s arrival in Brelle on Monday came after talks in Castel. He met Ines Vorhaug there.\n', '2032-04-07');
    const all = accounts.flatMap((a) => a.participants.map((p) => p.name));
    assert.ok(all.includes('Ro'), all.join(' | '));
    assert.ok(!all.includes('He'), all.join(' | '));
  });

  it('a lone two-letter word shared with one full name does not join two stops of one trip on the same day', () => {
    const person = (key: string, name: string, weak?: boolean, alt?: string) => ({ key, name, kind: 'person' as const, range: { start: 0, end: 1 }, weak, alt });
    const account = (uri: string, participants: ReturnType<typeof person>[]): EventAccount => ({
      id: `${uri}#0`,
      uri,
      kind: 'meeting',
      status: 'past',
      participants,
      date: { iso: '2032-04-05', precision: 'day', key: '2032-04-05', text: 'Monday', range: { start: 0, end: 1 } },
      trigger: { text: 'met', range: { start: 0, end: 1 } },
      span: { start: 0, end: 1 },
      spans: [{ start: 0, end: 1 }],
      sentences: [0],
    });
    // The airport welcome names the host and a lone "Ro"; the talks name Ro in full (family name first) and the king.
    const airport = account('file:///real/airport.txt', [person('person:ines vorhaug', 'Ines Vorhaug'), person('person:ro', 'Ro', true), { ...person('role:fm', 'foreign minister'), roleOnly: true, role: { office: 'foreign minister', country: 'Brellia' } } as never]);
    const talks = account('file:///real/talks.txt', [person('person:ro tam', 'Ro Tam', undefined, 'person:ro'), person('person:odo karsk', 'Odo Karsk')]);
    const idx = new MeetingIndex();
    idx.stage(airport.uri, [airport], '2032-04-05');
    idx.stage(talks.uri, [talks], '2032-04-05');
    idx.rebuild();
    assert.equal(idx.all().length, 2);
    assert.match(idx.whyNotSame(airport, talks)?.test ?? '', /two-letter/);
    // The same lone word with a second shared person is the same meeting.
    const both = account('file:///real/both.txt', [person('person:ro', 'Ro', true), person('person:odo karsk', 'Odo Karsk')]);
    assert.equal(idx.whyNotSame(both, talks), undefined);
  });
});

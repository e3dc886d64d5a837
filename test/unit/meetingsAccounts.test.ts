// Accounts real pages give that the extractor used to miss (issue 14), each class in made-up sentences about made-up
// people (no page text): the headline that carries the meeting, "President X of <country>", a body's name run into
// a person's, a family name of two letters in the headline, back-references told with "their", the call told as a
// subject. The whole per-article pipeline runs, entity layer included.

import * as assert from 'node:assert/strict';
import { analyse } from '../../src/core/analyse';
import { EventAccount } from '../../src/core/meetings/extract';
import { cleanName } from '../../src/core/meetings/participants';

function accountsOf(body: string, published = '2032-04-07'): EventAccount[] {
  return analyse({ uri: 'file:///real/a.txt', text: body, externalMeta: { published, outlet: 'Test Outlet' } }).accounts;
}

const names = (a: EventAccount) => a.participants.map((p) => p.name).join(' | ');
const covers = (a: EventAccount, text: string, what: string) => {
  const at = text.indexOf(what);
  return a.spans.some((s) => s.start <= at && at < s.end);
};

describe('accounts: "President X of <country>"', () => {
  it('reads the titled name before "of <country>" as a person, and the country as a place', () => {
    const accounts = accountsOf('Talks\n\nPresident Tarek Almund of Chile and President Ines Vorhaug of Kenya met in Ankara on Friday.\n');
    assert.equal(accounts.length, 1);
    assert.match(names(accounts[0]), /Almund/);
    assert.match(names(accounts[0]), /Vorhaug/);
    assert.equal(accounts[0].place?.name, 'Ankara');
  });

  it('keeps "Secretary of State" and a body "of" a country whole', () => {
    const accounts = accountsOf('Talks\n\nThe Bank of Kenya met the Secretary of State in Ankara on Friday.\n');
    assert.equal(accounts.length, 0);
  });
});

describe('accounts: the headline carries the meeting', () => {
  it('a headline meeting the body never restates is an account of its own, on the headline line', () => {
    const text = 'Almund, Vorhaug meet in Ankara\n\nChilean President Tarek Almund praised Kenyan President Ines Vorhaug for the grain accord.\n\nAlmund said trade would double.\n';
    const accounts = accountsOf(text);
    assert.equal(accounts.length, 1, accounts.map(names).join(' / '));
    assert.match(names(accounts[0]), /Almund/);
    assert.match(names(accounts[0]), /Vorhaug/);
    assert.equal(accounts[0].place?.name, 'Ankara');
    assert.ok(covers(accounts[0], text, 'meet in Ankara'));
  });

  it('joins the body account of the same people, whose kind stands ("X and Y talk" over a call)', () => {
    const text = 'Almund and Vorhaug talk for the first time in a year\n\nChilean President Tarek Almund and Kenyan President Ines Vorhaug spoke on Tuesday.\n\nThe call, which lasted an hour, followed a row over fishing rights between Almund and Vorhaug.\n';
    const accounts = accountsOf(text);
    assert.equal(accounts.length, 1, accounts.map((a) => `${a.kind}: ${names(a)}`).join(' / '));
    assert.equal(accounts[0].kind, 'call');
    assert.ok(covers(accounts[0], text, 'talk for the first'));
    assert.ok(covers(accounts[0], text, 'The call'));
  });

  it('a capitalised headline word the body never names as a person is no participant ("Remarks", "Talk")', () => {
    const text = 'Remarks by President Almund at the press conference with Vorhaug\n\nChilean President Tarek Almund and Kenyan President Ines Vorhaug held a joint press conference in Ankara on Monday.\n';
    const accounts = accountsOf(text);
    assert.equal(accounts.length, 1, accounts.map(names).join(' / '));
    assert.doesNotMatch(names(accounts[0]), /Remarks/);
    assert.ok(covers(accounts[0], text, 'Remarks by'));
  });

  it('a family name of two letters the body uses alone is a participant in the headline', () => {
    const text = 'Summit between Ro, Vorhaug in Ankara\n\nChilean President Ro Tam met Kenyan President Ines Vorhaug in Ankara on Monday.\n\nRo said the talks were frank.\n';
    const accounts = accountsOf(text);
    assert.equal(accounts.length, 1, accounts.map(names).join(' / '));
    assert.ok(covers(accounts[0], text, 'Summit between'));
  });
});

describe('accounts: names run into a body', () => {
  it('cuts the institution words before a given name ("European Commission Ines Vorhaug")', () => {
    assert.equal(cleanName('European Commission Ines Vorhaug'), 'Ines Vorhaug');
    assert.equal(cleanName('State Council Ines Vorhaug'), 'Ines Vorhaug');
    assert.equal(cleanName('Ines Vorhaug'), 'Ines Vorhaug');
    const accounts = accountsOf('Press\n\nEuropean Council President Tarek Almund and European Commission Ines Vorhaug held a joint press conference in Ankara on Monday.\n');
    assert.equal(accounts.length, 1);
    assert.match(names(accounts[0]), /Vorhaug/);
  });
});

describe('accounts: back-references told with "their"', () => {
  it('"a continuation of their talks in <city> on <day>" is an earlier meeting of the people being told', () => {
    const text =
      'Leaders meet\n\nChilean President Tarek Almund met Kenyan President Ines Vorhaug in Ankara on Friday.\n\nAides called the meeting a continuation of their talks in Tehran on March 19.\n';
    const accounts = accountsOf(text);
    assert.equal(accounts.length, 2, accounts.map((a) => `${names(a)} ${a.place?.name}`).join(' / '));
    const earlier = accounts.find((a) => a.place?.name === 'Tehran');
    assert.ok(earlier, 'an account in Tehran');
    assert.match(names(earlier!), /Almund/);
    assert.match(names(earlier!), /Vorhaug/);
  });

  it('"in their last phone call on <day>, the two presidents …" is a call of the people being told', () => {
    const text =
      'Leaders meet\n\nChilean President Tarek Almund met Kenyan President Ines Vorhaug in Ankara on Friday.\n\nIn their last phone call on March 2, the two presidents reviewed the fishing dispute.\n';
    const accounts = accountsOf(text);
    const call = accounts.find((a) => a.kind === 'call');
    assert.ok(call, accounts.map((a) => a.kind).join(' / '));
    assert.match(names(call!), /Almund/);
    assert.match(names(call!), /Vorhaug/);
  });

  it('"the call for calm" is no call', () => {
    const accounts = accountsOf('Calm\n\nChilean President Tarek Almund met Kenyan President Ines Vorhaug in Ankara on Friday.\n\nThe call for calm by Almund and Vorhaug was welcomed.\n');
    assert.equal(accounts.filter((a) => a.kind === 'call').length, 0);
  });
});

describe('accounts: everyday words are no participants', () => {
  it('drops a name without evidence that is an everyday word, a month or a dateline in capitals', () => {
    for (const body of [
      'Today Tarek Almund met Ines Vorhaug in Ankara on Monday.',
      'Amidst protests, Chilean President Tarek Almund met Kenyan President Ines Vorhaug in Ankara on Monday.',
      'BRELLE CITY, Chile — Chilean President Tarek Almund met Kenyan President Ines Vorhaug in Ankara on Monday.',
      'By Odo Staff Published May\n\nChilean President Tarek Almund met Kenyan President Ines Vorhaug in Ankara on Monday.',
      'Leaders Strengthen Ties\n\nChilean President Tarek Almund met Kenyan President Ines Vorhaug in Ankara on Monday to strengthen ties.',
    ]) {
      const accounts = accountsOf(`Talks\n\n${body}\n`);
      assert.equal(accounts.length, 1, body);
      assert.deepEqual(accounts[0].participants.map((p) => p.key).sort(), ['person:almund', 'person:vorhaug'], body);
    }
  });
});

describe('accounts: joint appearances and the dates of other events', () => {
  it('"X and Y delivered remarks in Z" is a meeting; one person\'s remarks are not', () => {
    const two = accountsOf('Remarks\n\nPresident Almund and Kenyan President Vorhaug delivered remarks in Ankara, where Almund said trade would grow.\n');
    assert.equal(two.length, 1);
    assert.match(names(two[0]), /Almund/);
    assert.match(names(two[0]), /Vorhaug/);
    assert.equal(accountsOf('Remarks\n\nChilean President Tarek Almund delivered remarks in Ankara about Ines Vorhaug.\n').length, 0);
  });

  it('a date in what the meeting "follows" is not its date', () => {
    const accounts = accountsOf('Call\n\nThe call between Chilean President Tarek Almund and Kenyan President Ines Vorhaug follows a pledge Almund made five months ago.\n', '2032-04-07');
    assert.equal(accounts.length, 1);
    assert.equal(accounts[0].kind, 'call');
    assert.equal(accounts[0].date, undefined);
  });
});

describe('accounts: back-references inside a sentence about something else', () => {
  it('"… an initiative agreed at the leaders\' Brelle summit in March" is that earlier summit, in Brelle, on its own passage', () => {
    const text =
      'Trip\n\nChilean President Tarek Almund left for Kenya on Sunday to meet Kenyan President Ines Vorhaug in Ankara.\n\nThe trip is meant to restore regular visits, an initiative agreed upon during the leaders’ Tokyo summit meeting in March.\n';
    const accounts = accountsOf(text, '2032-05-07');
    const earlier = accounts.find((a) => a.place?.name === 'Tokyo');
    assert.ok(earlier, accounts.map((a) => `${a.kind} ${a.place?.name}`).join(' / '));
    assert.match(names(earlier!), /Almund/);
    assert.match(names(earlier!), /Vorhaug/);
    // The passage starts after the comma: the first half of the sentence is about the trip.
    assert.ok(earlier!.spans.every((s) => s.start > text.indexOf('restore regular')), JSON.stringify(earlier!.spans));
  });

  it('"the last visit by a <demonym> prime minister … was made by X" is X\'s visit, not the named prime minister\'s', () => {
    const text =
      'Trip\n\nChilean Prime Minister Tarek Almund will visit Kenya on Sunday.\n\nThe last visit by a Chilean prime minister to Kenya was made by Odo Karsk in 2018.\n';
    const accounts = accountsOf(text, '2032-05-07');
    const last = accounts.find((a) => a.date?.iso?.startsWith('2018'));
    assert.ok(last, accounts.map((a) => `${a.kind} ${names(a)} ${a.date?.iso}`).join(' / '));
    assert.doesNotMatch(names(last!), /Almund/);
    assert.match(names(last!), /Karsk/);
  });
});

describe('accounts: a call measured from an earlier meeting', () => {
  it('"spoke by phone on Tuesday, the first call since their summit in November" is a call and a back-reference to the summit', () => {
    const text =
      'Call\n\nChilean President Tarek Almund spoke by phone with Kenyan President Ines Vorhaug on Tuesday, the first conversation between the leaders since their landmark in-person summit in November.\n';
    const accounts = accountsOf(text, '2032-04-07');
    assert.equal(accounts.length, 2, accounts.map((a) => `${a.kind} ${names(a)}`).join(' / '));
    const call = accounts.find((a) => a.kind === 'call')!;
    const summit = accounts.find((a) => a.kind !== 'call')!;
    assert.equal(call.date?.key, 'weekday:2');
    assert.match(names(summit), /Almund/);
    assert.match(names(summit), /Vorhaug/);
    assert.ok(summit.span.start >= text.indexOf('since their'));
  });

  it('a call sentence without a back-reference stays one call', () => {
    const accounts = accountsOf('Call\n\nChilean President Tarek Almund spoke by phone with Kenyan President Ines Vorhaug on Tuesday about the meeting of their ministers.\n', '2032-04-07');
    assert.deepEqual(accounts.map((a) => a.kind), ['call']);
  });
});

describe('accounts: venues', () => {
  it('a venue after a city\'s possessive ("at Pretoria\'s Union Buildings") is the venue', () => {
    const accounts = accountsOf('Talks\n\nChilean President Tarek Almund held talks with Kenyan President Ines Vorhaug at Pretoria’s Union Buildings on Monday.\n', '2032-04-07');
    assert.equal(accounts[0]?.place?.name, 'Union Buildings');
  });

  it('"the situation in Syria\'s Idlib province" is the topic, not the venue', () => {
    const accounts = accountsOf('Talks\n\nChilean President Tarek Almund met Kenyan President Ines Vorhaug on Monday to discuss the situation in Syria’s Idlib province.\n', '2032-04-07');
    assert.notEqual(accounts[0]?.place?.name, 'Idlib');
  });

  it('words of institutions in other languages are no participants ("Casa Branca", "Estados Unidos")', () => {
    const accounts = accountsOf('Visita\n\nO presidente Tarek Almund se reuniu com Ines Vorhaug na Casa Branca, nos Estados Unidos, na sexta-feira.\n', '2032-04-07');
    assert.ok(accounts.length >= 1);
    for (const a of accounts) assert.doesNotMatch(names(a), /Branca|Unidos/);
  });
});

describe('accounts: Russian and Bulgarian verbs of meeting and visiting', () => {
  it('reads "се срещне със" (will meet), "встречались" (met) and "посети" (visited) in any tense', () => {
    const kinds = (text: string) => accountsOf(`Новини\n\n${text}\n`).map((a) => a.kind);
    assert.deepEqual(kinds('Президентът Тарек Алмунд ще се срещне със своя колега Инес Ворхауг на 8 май.'), ['meeting']);
    assert.deepEqual(kinds('В прошлый раз Тарек Алмунд и Инес Ворхауг встречались в октябре.'), ['meeting']);
    assert.deepEqual(kinds('Тарек Алмунд посети Брелия през юни.'), ['visit']);
    // A word that only contains the verb is none of them ("посетители", visitors).
    assert.deepEqual(kinds('Тарек Алмунд и Инес Ворхауг говориха с посетители.'), []);
  });
});

describe('accounts: a surname once taken for a place', () => {
  it('keeps a lone family name as the person when the article names that person in full ("in Ro\'s words" made it a place)', () => {
    const text =
      'Visit\n\nChilean President Ro Tam arrived in Ankara on Thursday.\n\nIn Ro’s words, ties are at their best.\n\nRo and his wife Ines Vorhaug were received with honours by Kenyan President Odo Karsk in the courtyard of Ankara’s presidential palace.\n';
    const accounts = accountsOf(text, '2032-04-07');
    const received = accounts.find((a) => a.participants.some((p) => p.name.includes('Karsk')));
    assert.ok(received, accounts.map(names).join(' / '));
    assert.ok(received!.participants.some((p) => p.key === 'person:tam'), names(received!));
    assert.equal(received!.place?.name, 'Ankara');
  });
});

describe('accounts: "at last year\'s <name> meeting"', () => {
  it('is a back-reference of the two leaders being told', () => {
    const text =
      'Call\n\nChilean President Tarek Almund and Kenyan President Ines Vorhaug spoke by phone on Tuesday.\n\nAlmund recalled the warm exchange between the two leaders at last year’s Pacific Forum meeting in Ankara.\n';
    const accounts = accountsOf(text, '2032-04-07');
    const earlier = accounts.find((a) => a.kind !== 'call');
    assert.ok(earlier, accounts.map((a) => a.kind).join(' / '));
    assert.match(names(earlier!), /Vorhaug/);
  });
});

describe('accounts: the year of "last November" on a page without a date', () => {
  it('is the year before the latest year the page mentions', () => {
    const text =
      'Call\n\nChilean President Tarek Almund and Kenyan President Ines Vorhaug held talks in Ankara last November.\n\nTheir trade pact runs through the 2024 season.\n';
    const accounts = analyse({ uri: 'file:///real/undated.txt', text }).accounts;
    assert.equal(accounts.length, 1, accounts.map(names).join(' / '));
    assert.equal(accounts[0].era, 2023);
    const plain = analyse({ uri: 'file:///real/undated2.txt', text: text.replace('last November', 'in November') }).accounts;
    assert.equal(plain[0]?.era, 2024);
  });
});

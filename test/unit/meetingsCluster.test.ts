// Linking the accounts of one meeting across articles, and each account's own day and place: the classes real
// coverage showed (issue 14), each in made-up sentences about made-up people and places (no page text).

import * as assert from 'node:assert/strict';
import { analyse } from '../../src/core/analyse';
import { MeetingIndex } from '../../src/core/meetings/cluster';
import { EventAccount, ParticipantMention } from '../../src/core/meetings/extract';
import { isRegion, samePlace } from '../../src/core/meetings/places';
import { resolveDayMonth } from '../../src/core/time/extract';

function accountsOf(body: string, published?: string, name = 'a.txt') {
  const uri = `file:///cluster/${name}`;
  const a = analyse({ uri, text: body, externalMeta: published ? { published, outlet: 'Test Outlet' } : { outlet: 'Test Outlet' } });
  return { accounts: a.accounts, uri, published: a.article.published?.iso };
}

function person(key: string): ParticipantMention {
  return { key: `person:${key}`, name: key, kind: 'person', range: { start: 0, end: key.length } };
}

/** A hand-made account: the clustering tests need none of the extraction. */
function account(uri: string, at: number, people: string[], place?: string, day?: string, extra: Partial<EventAccount> = {}): EventAccount {
  return {
    id: `${uri}#${at}`,
    uri,
    kind: 'meeting',
    status: 'past',
    participants: people.map(person),
    place: place ? { name: place } : undefined,
    date: day ? { iso: day, precision: 'day', key: `date:${day}`, text: day, range: { start: at, end: at + 4 } } : undefined,
    trigger: { text: 'met', range: { start: at, end: at + 3 } },
    span: { start: at, end: at + 10 },
    spans: [{ start: at, end: at + 10 }],
    sentences: [0],
    ...extra,
  };
}

function clusterOf(articles: { uri: string; accounts: EventAccount[]; published?: string }[]) {
  const idx = new MeetingIndex();
  for (const a of articles) idx.stage(a.uri, a.accounts, a.published);
  idx.rebuild();
  return idx.all();
}

const meetingOf = (meetings: ReturnType<typeof clusterOf>, id: string) => meetings.find((m) => m.accounts.some((a) => a.id === id))!;

describe('meeting days: a day of a month printed without its year', () => {
  it('a day a few days after publication, in a sentence without tense, is the coming one', () => {
    assert.equal(resolveDayMonth(4, 9, '2032-08-30', 'unknown'), '2032-09-04');
    // A stated past keeps the past reading, and a day far ahead stays last year's.
    assert.equal(resolveDayMonth(4, 9, '2032-08-30', 'past'), '2031-09-04');
    assert.equal(resolveDayMonth(20, 12, '2032-08-30', 'unknown'), '2031-12-20');
  });

  it('a printed weekday picks the year in which that day is that weekday', () => {
    const weekday = new Date(Date.UTC(2033, 1, 10)).getUTCDay();
    assert.equal(resolveDayMonth(10, 2, '2033-02-01', 'past', weekday), '2033-02-10');
    const lastYear = new Date(Date.UTC(2032, 6, 20)).getUTCDay();
    assert.equal(resolveDayMonth(20, 7, '2033-02-01', 'future', lastYear), '2032-07-20');
  });

  it('the headline "X and Y to meet on <day>" two days before that day dates the coming meeting', () => {
    const { accounts } = accountsOf('Almund and Vorhaug to meet in Brelle on September 4\n\nPresident Tarek Almund will meet President Ines Vorhaug in Brelle on September 4, aides said.\n', '2032-09-02');
    assert.ok(accounts.length >= 1);
    for (const a of accounts) assert.equal(a.date?.iso, '2032-09-04');
  });
});

describe('meeting days: the day something was said or filed is not the meeting\'s', () => {
  it('"will host X on August 22, the office said on Monday": the meeting is on the 22nd', () => {
    const { accounts } = accountsOf('Talks\n\nPresident Tarek Almund will hold talks with President Ines Vorhaug in Brelle on August 22, his office said on Monday.\n', '2032-08-09');
    assert.equal(accounts.length, 1);
    assert.equal(accounts[0].date?.iso, '2032-08-22');
  });

  it('a coming visit with only the statement\'s day has no day; a day told after the statement is another event\'s', () => {
    const { accounts } = accountsOf('Visit\n\nPresident Tarek Almund is expected to visit Brelle in coming weeks and meet President Ines Vorhaug, officials said Saturday, returning a visit Vorhaug made last month.\n', '2032-08-07');
    assert.equal(accounts.length, 1);
    assert.equal(accounts[0].date, undefined);
  });

  it('a past meeting told only with the day it was reported is dated to that week, not that day', () => {
    const { accounts } = accountsOf('Talks\n\nPresident Tarek Almund met President Ines Vorhaug in Brelle, the ministry said on Tuesday.\n', '2032-08-11');
    assert.equal(accounts.length, 1);
    assert.equal(accounts[0].date?.precision, 'week');
    assert.equal(accounts[0].date?.iso, '2032-08-10');
  });

  it('on a page with no date, "on Monday" under the dateline "BRELLE, August 9 (Wire):" is the Monday on or before the 9th', () => {
    // 9 August 2032 is a Monday; the page's latest year gives the dateline its year.
    const { accounts } = accountsOf('Leaders meet in Brelle in 2032\n\nBRELLE, August 9 (Wire): President Tarek Almund met President Ines Vorhaug at the palace on Monday.\n');
    assert.equal(accounts.length, 1);
    assert.equal(accounts[0].date?.iso, '2032-08-09');
    assert.equal(accounts[0].date?.precision, 'day');
    const thursday = accountsOf('Leaders meet in Brelle in 2032\n\nBRELLE, August 12 (Wire): President Tarek Almund met President Ines Vorhaug at the palace on Monday.\n');
    assert.equal(thursday.accounts[0].date?.iso, '2032-08-09');
  });

  it('on a page with no date, "on Monday (August 9)" is dated by the day printed with the weekday', () => {
    const { accounts } = accountsOf('Leaders meet in Brelle in 2032\n\nPresident Tarek Almund held talks with President Ines Vorhaug in Brelle on Monday (August 9), officials of both sides reported.\n');
    assert.equal(accounts.length, 1);
    assert.equal(accounts[0].date?.iso, '2032-08-09');
  });

  it('on a page with no date, "met on Monday" under a headline of the account printing "August 9, 2032" (a Monday) is that day', () => {
    const { accounts } = accountsOf('Almund with Vorhaug at the summit in Brelle on August 9, 2032.\n\nPresident Tarek Almund and President Ines Vorhaug met in Brelle on Monday and spoke for an hour.\n');
    const talks = accounts.find((a) => a.participants.length >= 2);
    assert.ok(talks);
    assert.equal(talks.date?.iso, '2032-08-09');
  });

  it('on a page with no date, "on Friday" takes the byline\'s date of that weekday, not a "today" widget on another weekday', () => {
    // 13 August 2032 is a Friday, 3 October 2032 a Sunday.
    const { accounts } = accountsOf('Sunday, October 3, 2032\n\nAlmund opens his Brelle trip\n\nAugust 13, 2032 Desk\n\nPresident Tarek Almund began a visit to Brelle on Friday and met President Ines Vorhaug at the palace.\n');
    const talks = accounts.find((a) => a.participants.length >= 2);
    assert.ok(talks);
    assert.equal(talks.date?.iso, '2032-08-13');
  });

  it('how long the talks lasted ("for around three hours") is no day', () => {
    const { accounts } = accountsOf('Talks\n\nPresident Tarek Almund and President Ines Vorhaug met for around three hours in Brelle.\n');
    assert.equal(accounts.length, 1);
    assert.equal(accounts[0].date, undefined);
  });
});

describe('meeting days: a publication date printed both ways', () => {
  it('a day counted from "06.04.2032" holds under either reading until another outlet tells which', () => {
    const page = accountsOf('Talks in Brelle\n\nFirst published: 06.04.2032\n\nPresident Tarek Almund met President Ines Vorhaug in Brelle on Tuesday.\n', undefined, 'both.txt');
    assert.equal(page.accounts[0].date?.iso, '2032-04-06');
    assert.equal(page.accounts[0].date?.alt, '2032-06-01');
    const other = { uri: 'file:///b/other.txt', published: '2032-06-02', accounts: [account('file:///b/other.txt', 0, ['almund', 'vorhaug'], 'Brelle', '2032-06-01')] };
    const meetings = clusterOf([page, other]);
    assert.equal(meetings.length, 1);
    assert.equal(meetings[0].date?.iso, '2032-06-01');
    // A third reading agrees with neither.
    const third = { uri: 'file:///b/third.txt', published: '2032-05-20', accounts: [account('file:///b/third.txt', 0, ['almund', 'vorhaug'], 'Brelle', '2032-05-18')] };
    assert.equal(clusterOf([page, third]).length, 2);
  });
});

describe('meeting places: what is no venue', () => {
  it('a person\'s name after "a visit to" is not the place', () => {
    const { accounts } = accountsOf('Visit\n\nPresident Tarek Almund went on a visit to Ines Vorhaug, whom he met on Monday.\n', '2032-04-07');
    for (const a of accounts) assert.notEqual(a.place?.name, 'Vorhaug');
  });

  it('a city named as part of what the talks were about is not the place', () => {
    const { accounts } = accountsOf('Talks\n\nPresident Tarek Almund met President Ines Vorhaug on Monday, amid tensions over the situation in Kerrin\'s Dallow province.\n', '2032-04-07');
    for (const a of accounts) assert.notEqual(a.place?.name, 'Dallow');
  });

  it('a city under its Italian name after "a" is the place ("ha incontrato a Pechino")', () => {
    const { accounts } = accountsOf('Incontro\n\nIl presidente Tarek Almund ha incontrato a Pechino il presidente Ines Vorhaug.\n', '2032-04-07');
    assert.equal(accounts.length, 1);
    assert.ok(accounts[0].place && samePlace(accounts[0].place.name, 'Beijing'), accounts[0].place?.name);
  });

  it('a place told in a later sentence of another time (an earlier year, "two years later") is not this meeting\'s', () => {
    // A page with no date of its own, about 2032.
    const { accounts } = accountsOf('Almund hosts Vorhaug for 2032 talks\n\nPresident Tarek Almund held talks with President Ines Vorhaug on Monday. Almund said he was glad to see Vorhaug. Vorhaug last came in 2029, and Almund received him in Kerrin two years later.\n');
    const talks = accounts.find((a) => a.participants.length >= 2);
    assert.ok(talks);
    assert.notEqual(talks.place?.name, 'Kerrin');
  });

  it('a body ("the United Nations") is not the place', () => {
    const { accounts } = accountsOf('Talks\n\nPresident Tarek Almund met President Ines Vorhaug at the United Nations on Monday.\n', '2032-04-07');
    assert.equal(accounts.length, 1);
    assert.equal(accounts[0].place, undefined);
  });

  it('a venue the page cuts short is read whole ("at the Union Buildings" taken as "Union")', () => {
    const { accounts } = accountsOf('Talks\n\nPresident Tarek Almund held talks with President Ines Vorhaug at Pretoria’s Union Buildings on Monday.\n', '2032-04-07');
    assert.equal(accounts.length, 1);
    assert.ok(!accounts[0].place || samePlace(accounts[0].place.name, 'Union Buildings'), accounts[0].place?.name);
  });

  it('a continent or world region only ever agrees with a city; a venue cut short is still the venue', () => {
    for (const region of ['Asia', 'Middle East', 'Balkans']) assert.ok(isRegion(region), region);
    assert.ok(samePlace('Union', 'Union Buildings'));
    assert.ok(samePlace('South Portico', 'White House'));
    assert.ok(!samePlace('New', 'Brelle'));
  });
});

describe('meeting places: the dateline is where the story was filed', () => {
  it('a dateline place agrees with another outlet\'s venue and never keeps it apart; the venue names the meeting', () => {
    const home = accountsOf('Talks\n\nBRELLE (Wire) - President Tarek Almund held talks with President Ines Vorhaug on Monday.\n', '2032-04-07', 'home.txt');
    assert.equal(home.accounts[0].place?.name, 'Brelle');
    assert.equal(home.accounts[0].place?.dateline, true);
    const away = { uri: 'file:///d/away.txt', published: '2032-04-07', accounts: [account('file:///d/away.txt', 0, ['almund', 'vorhaug'], 'Kerrin', '2032-04-05')] };
    const meetings = clusterOf([home, away]);
    assert.equal(meetings.length, 1);
    assert.equal(meetings[0].place, 'Kerrin');
  });

  it('reads the datelines "ISLAMABAD: …" and "Budapest, (Agency - 11th May) …" for an account that names no place', () => {
    for (const [body, city] of [
      ['ISLAMABAD: President Tarek Almund met President Ines Vorhaug on Tuesday.', 'Islamabad'],
      ['Published 11 May 2032 Budapest, (Wire - 11th May, 2032) President Tarek Almund held talks with President Ines Vorhaug on Thursday.', 'Budapest'],
    ]) {
      const { accounts } = accountsOf(`Talks\n\n${body}\n`, '2032-05-11');
      assert.equal(accounts.length, 1, body);
      assert.equal(accounts[0].place?.name, city, body);
      assert.equal(accounts[0].place?.dateline, true, body);
    }
    // An agency or outlet before the brackets is no place.
    const { accounts } = accountsOf('Talks\n\nReuters (Wire) - President Tarek Almund met President Ines Vorhaug on Tuesday.\n', '2032-05-11');
    assert.equal(accounts[0]?.place, undefined);
  });

  it('a country the sentence gives under a dateline "CITY, Country —" is that city', () => {
    const { accounts } = accountsOf('Visit\n\nBRELLE, Chile (Wire) - President Tarek Almund arrived in Chile on Monday and met President Ines Vorhaug.\n', '2032-04-07');
    assert.ok(accounts.length >= 1);
    assert.equal(accounts[0].place?.name, 'Brelle');
  });
});

describe('linking accounts: one surname in two scripts', () => {
  it('a Cyrillic surname, also in a case form, is the Latin one of another outlet', () => {
    const ru = { uri: 'file:///c/ru.txt', published: '2032-04-07', accounts: [account('file:///c/ru.txt', 0, ['альмунд', 'дуниным'], 'Brelle', '2032-04-06')] };
    const en = { uri: 'file:///c/en.txt', published: '2032-04-07', accounts: [account('file:///c/en.txt', 0, ['almund', 'dunin'], 'Brelle', '2032-04-06')] };
    assert.equal(clusterOf([ru, en]).length, 1);
    // Another pair of people in the same place and day stays apart.
    const other = { uri: 'file:///c/other.txt', published: '2032-04-07', accounts: [account('file:///c/other.txt', 0, ['almund', 'kessel'], 'Brelle', '2032-04-06')] };
    assert.equal(clusterOf([ru, other]).length, 2);
  });
});

describe('linking accounts: one trip on consecutive days', () => {
  it('an article that tells a dinner on the eve and the talks the next day keeps another outlet\'s dinner off the talks', () => {
    const both = { uri: 'file:///t/both.txt', published: '2032-10-16', accounts: [account('file:///t/both.txt', 0, ['almund', 'dunin'], 'Brelle', '2032-10-16'), account('file:///t/both.txt', 500, ['almund', 'dunin'], 'Brelle', '2032-10-15')] };
    const dinner = { uri: 'file:///t/dinner.txt', published: '2032-10-15', accounts: [account('file:///t/dinner.txt', 0, ['almund', 'dunin'], 'Brelle', '2032-10-15')] };
    const meetings = clusterOf([both, dinner]);
    assert.equal(meetingOf(meetings, 'file:///t/dinner.txt#0'), meetingOf(meetings, 'file:///t/both.txt#500'));
    assert.notEqual(meetingOf(meetings, 'file:///t/dinner.txt#0'), meetingOf(meetings, 'file:///t/both.txt#0'));
  });

  it('two outlets that put one meeting a day apart, each telling only that meeting, are still one meeting', () => {
    const a = { uri: 'file:///t/a.txt', published: '2032-10-16', accounts: [account('file:///t/a.txt', 0, ['almund', 'dunin'], 'Brelle', '2032-10-15')] };
    const b = { uri: 'file:///t/b.txt', published: '2032-10-16', accounts: [account('file:///t/b.txt', 0, ['almund', 'dunin'], 'Brelle', '2032-10-14')] };
    assert.equal(clusterOf([a, b]).length, 1);
  });
});

describe('linking accounts: the year an undated page is about', () => {
  it('a year the page only looks ahead to is not the year it is about', () => {
    const a = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle. Trade reached a record in 2031.\n', undefined, 'one.txt');
    const b = accountsOf('Talks\n\nTarek Almund met Ines Vorhaug in Brelle. Trade reached a record in 2031. The new port will open in 2035.\n', undefined, 'two.txt');
    assert.equal(a.accounts[0].era, 2031);
    assert.equal(b.accounts[0].era, 2031);
    assert.equal(clusterOf([a, b]).length, 1);
  });
});

describe('linking accounts: a visit lasts more than a day', () => {
  const weekdayOf = (iso: string, plus: number) => (new Date(`${iso}T12:00:00Z`).getUTCDay() + plus + 7) % 7;
  const dated = (kind: EventAccount['kind']) => ({ uri: 'file:///v/dated.txt', published: '2032-04-05', accounts: [account('file:///v/dated.txt', 0, ['almund', 'dunin'], 'Brelle', '2032-04-04', { kind })] });
  const weekdayOnly = (plus: number, kind: EventAccount['kind'] = 'meeting') => {
    const a = account('file:///v/undated.txt', 0, ['almund', 'dunin'], 'Brelle', undefined, { kind });
    a.date = { key: `weekday:${weekdayOf('2032-04-04', plus)}`, text: 'on that day', range: { start: 0, end: 5 } };
    return { uri: 'file:///v/undated.txt', published: undefined, accounts: [a] };
  };

  it('a dated day of a visit and another page\'s next weekday, same people and place, are one visit', () => {
    assert.equal(clusterOf([dated('visit'), weekdayOnly(1)]).length, 1);
    assert.equal(clusterOf([dated('visit'), weekdayOnly(-1)]).length, 1);
  });

  it('two days apart, or no visit on either side, they stay apart', () => {
    assert.equal(clusterOf([dated('visit'), weekdayOnly(2)]).length, 2);
    assert.equal(clusterOf([dated('meeting'), weekdayOnly(1)]).length, 2);
  });

  it('a state visit dated by one outlet to the arrival and by another to the talks the next day is one visit, unless two cities tell them apart', () => {
    const arrival = (place?: string) => ({ uri: 'file:///v/arrival.txt', published: '2032-04-05', accounts: [account('file:///v/arrival.txt', 0, ['almund', 'dunin'], place, '2032-04-04', { kind: 'visit' })] });
    const talks = (place?: string) => ({ uri: 'file:///v/talks.txt', published: '2032-04-06', accounts: [account('file:///v/talks.txt', 0, ['almund', 'dunin'], place, '2032-04-05')] });
    assert.equal(clusterOf([arrival(), talks('Brelle')]).length, 1);
    assert.equal(clusterOf([arrival('Kerrin'), talks()]).length, 1);
    // One trip's two stops on two days.
    assert.equal(clusterOf([arrival('Kerrin'), talks('Brelle')]).length, 2);
    // Two days apart.
    const later = { uri: 'file:///v/later.txt', published: '2032-04-07', accounts: [account('file:///v/later.txt', 0, ['almund', 'dunin'], undefined, '2032-04-06')] };
    assert.equal(clusterOf([arrival(), later]).length, 2);
  });
});

describe('linking accounts: a page nothing dates', () => {
  const year = (n: number, topics: string[]) => ({
    uri: `file:///y/${n}.txt`,
    published: `${n}-09-30`,
    accounts: [account(`file:///y/${n}.txt`, 0, ['almund', 'dunin'], 'Brelle', `${n}-09-29`, { topics })],
  });
  const undated = (topics: string[], name = 'undated') => ({ uri: `file:///y/${name}.txt`, published: undefined, accounts: [account(`file:///y/${name}.txt`, 0, ['almund', 'dunin'], 'Brelle', undefined, { topics })] });

  it('joins the meeting of the year whose articles talk about what it talks about', () => {
    const meetings = clusterOf([year(2030, ['harbour', 'fisheries', 'quotas', 'trawlers']), year(2032, ['pipeline', 'tariffs', 'customs', 'railway']), undated(['pipeline', 'tariffs', 'customs', 'railway', 'border'])]);
    assert.equal(meetingOf(meetings, 'file:///y/undated.txt#0'), meetingOf(meetings, 'file:///y/2032.txt#0'));
  });

  it('stays on its own when nothing tells the years apart, and no other undated page piles in behind it', () => {
    const meetings = clusterOf([year(2030, ['harbour', 'fisheries']), year(2032, ['pipeline', 'tariffs']), undated(['weather', 'ceremony']), undated(['weather', 'ceremony'], 'second')]);
    const own = meetingOf(meetings, 'file:///y/undated.txt#0');
    assert.equal(own.accounts.length, 1);
  });

  it('with one year to choose from, joins it as before', () => {
    const meetings = clusterOf([year(2032, ['pipeline']), undated(['weather'])]);
    assert.equal(meetings.length, 1);
  });
});

describe('linking accounts: a coming month against pages of that month', () => {
  const month = (uri: string, iso: string) =>
    account(uri, 0, ['almund', 'vorhaug'], 'Brelle', undefined, { status: 'scheduled', date: { iso, precision: 'month', key: 'month:10', text: 'in October', range: { start: 0, end: 10 } } });
  it('"will travel in October" (filed in September) and an undated report published on 18 October are one meeting', () => {
    const preview = { uri: 'file:///m/preview.txt', published: '2032-09-19', accounts: [month('file:///m/preview.txt', '2032-10-01')] };
    const report = { uri: 'file:///m/report.txt', published: '2032-10-18', accounts: [account('file:///m/report.txt', 0, ['almund', 'vorhaug'])] };
    assert.equal(clusterOf([preview, report]).length, 1);
  });

  it('an undated report a month and more after that October stays apart', () => {
    const preview = { uri: 'file:///m/preview.txt', published: '2032-09-19', accounts: [month('file:///m/preview.txt', '2032-10-01')] };
    const late = { uri: 'file:///m/late.txt', published: '2032-12-20', accounts: [account('file:///m/late.txt', 0, ['almund', 'vorhaug'])] };
    assert.equal(clusterOf([preview, late]).length, 2);
  });

  it('a bare month named again in a quote is the month the article first named', () => {
    const { accounts } = accountsOf('Almund to visit Brelle\n\nPresident Tarek Almund will travel to Brelle in October for talks with President Ines Vorhaug. "In October, we look forward to talks between President Tarek Almund and President Ines Vorhaug in Brelle," an aide said.\n', '2032-09-19');
    for (const a of accounts) if (a.date) assert.equal(a.date.iso, '2032-10-01', a.date.text);
  });
});

describe('linking accounts: "last year" and "last November" on a page with no date', () => {
  it('"at last year\'s summit" on a page about 2033 is a 2032 meeting, and joins that meeting', () => {
    const page = accountsOf('Almund and Vorhaug talk by phone\n\nMarch 3, 2033 — President Tarek Almund and President Ines Vorhaug spoke by phone on March 3. Almund recalled his talks with Vorhaug at last year\'s summit in Brelle.\n', undefined, 'call.txt');
    const back = page.accounts.find((a) => a.kind !== 'call' && a.date?.text.includes('last year'));
    assert.ok(back, JSON.stringify(page.accounts.map((a) => [a.kind, a.date?.text])));
    assert.equal(back.era, 2032);
    const summit = { uri: 'file:///y/summit.txt', published: '2032-11-15', accounts: [account('file:///y/summit.txt', 0, ['almund', 'vorhaug'], 'Brelle', '2032-11-15')] };
    const meetings = clusterOf([page, summit]);
    assert.equal(meetingOf(meetings, back.id).accounts.length, 2);
  });

  it('"since their meeting last November" on a page whose latest day is in April 2033 is November 2032', () => {
    const page = accountsOf('Almund and Vorhaug talk\n\nApril 2, 2033 — President Tarek Almund and President Ines Vorhaug spoke by phone on April 2. It was their first call since Almund met Vorhaug in Brelle last November.\n', undefined, 'call2.txt');
    const back = page.accounts.find((a) => a.date?.key === 'month:11');
    assert.ok(back, JSON.stringify(page.accounts.map((a) => [a.kind, a.date?.key])));
    assert.equal(back.date?.iso, '2032-11-01');
  });
});

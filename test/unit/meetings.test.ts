// Meeting accounts within an article, and their clustering into real-world meetings across articles —
// including the confusable near-misses that must stay apart (same people, other day, place or kind).

import * as assert from 'node:assert/strict';
import { analyse, Analysis } from '../../src/core/analyse';
import { meetingLabel, MeetingIndex } from '../../src/core/meetings/cluster';
import { extractAccounts, ParticipantMention } from '../../src/core/meetings/extract';
import { capitalOf, countryOf, countryOfCapital } from '../../src/core/meetings/places';

// A stand-in for the entity layer: exact names to entity keys.
const PEOPLE: Record<string, string> = {
  'Ilsa Kendrow': 'kendrow', Kendrow: 'kendrow', 'Otto Brisk': 'brisk', Brisk: 'brisk', 'Mara Quell': 'quell', Quell: 'quell',
  'Dov Arlen': 'arlen', Arlen: 'arlen',
};
const PLACES = ['Castora', 'Velor City', 'Ankara', 'Tehran'];

function mentions(a: Analysis): ParticipantMention[][] {
  return a.article.sentences.map((s) => {
    const text = a.article.text.slice(s.range.start, s.range.end);
    const found: ParticipantMention[] = [];
    const taken: [number, number][] = [];
    for (const name of Object.keys(PEOPLE).sort((x, y) => y.length - x.length)) {
      for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
        if (taken.some(([s0, e0]) => i >= s0 && i < e0)) continue;
        taken.push([i, i + name.length]);
        found.push({ key: `person:${PEOPLE[name]}`, name, kind: 'person', range: { start: s.range.start + i, end: s.range.start + i + name.length } });
      }
    }
    for (const place of PLACES) {
      const i = text.indexOf(place);
      if (i >= 0) found.push({ key: `place:${place}`, name: place, kind: 'place', range: { start: s.range.start + i, end: s.range.start + i + place.length } });
    }
    return found.sort((x, y) => x.range.start - y.range.start);
  });
}

function article(name: string, body: string, published?: string) {
  const a = analyse({ uri: `file:///m/${name}`, text: `Headline of ${name}\n\n${body}\n`, externalMeta: published ? { published, outlet: name } : { outlet: name } });
  return { analysis: a, accounts: extractAccounts(a, mentions(a)) };
}

function index(...articles: ReturnType<typeof article>[]): MeetingIndex {
  const idx = new MeetingIndex();
  for (const a of articles) idx.update(a.analysis.article.uri, a.accounts, a.analysis.article.published?.iso);
  return idx;
}

describe('meeting accounts in one article', () => {
  it('finds a meeting with participants, place, resolved day and the whole span', () => {
    const { accounts, analysis } = article(
      'a.txt',
      'Velorian Foreign Minister Ilsa Kendrow met Otto Brisk in Castora on Tuesday. The two discussed trade and borders. Kendrow said the talks were useful.\n\nIn other news, markets fell.',
      '2031-03-05',
    );
    assert.equal(accounts.length, 1);
    const [m] = accounts;
    assert.deepEqual([m.kind, m.status, m.place?.name, m.date?.iso], ['meeting', 'past', 'Castora', '2031-03-04']);
    assert.deepEqual(m.participants.map((p) => p.key), ['person:kendrow', 'person:brisk']);
    assert.equal(analysis.article.text.slice(m.span.start, m.span.end), 'Velorian Foreign Minister Ilsa Kendrow met Otto Brisk in Castora on Tuesday. The two discussed trade and borders. Kendrow said the talks were useful.');
  });

  it('keeps a phone call apart from a meeting of the same people', () => {
    const { accounts } = article('b.txt', 'Kendrow met Brisk in Castora on Tuesday. Separately, Kendrow and Quell discussed the crisis by phone last week.', '2031-03-05');
    assert.deepEqual(accounts.map((a) => a.kind), ['meeting', 'call']);
  });

  it('reads "the Turkish capital" as Ankara, scheduled events as scheduled, and "he" as the last person named', () => {
    const { accounts } = article('c.txt', 'Dov Arlen arrived in the Turkish capital on Monday. He will meet Mara Quell on Tuesday.', '2031-03-03');
    assert.equal(accounts[0].kind, 'visit');
    assert.equal(accounts[0].place?.name, 'Ankara');
    const scheduled = accounts.find((a) => a.status === 'scheduled')!;
    assert.deepEqual(scheduled.participants.map((p) => p.key).sort(), ['person:arlen', 'person:quell']);
  });

  it('splits one visit into its meetings with different people on different days', () => {
    const { accounts } = article('d.txt', 'Arlen met Quell on Tuesday. Arlen met Brisk on Wednesday. Arlen also met Kendrow on Wednesday.', '2031-03-06');
    assert.equal(accounts.length, 3);
  });
});

describe('meetings across the corpus', () => {
  const ledger = article('ledger.txt', 'Kendrow met Brisk in Castora on Tuesday, officials said.', '2031-03-05');
  const wire = article('wire.txt', 'Otto Brisk received Ilsa Kendrow in Castora on Tuesday.', '2031-03-04');
  const undated = article('undated.txt', 'Brisk held talks with Kendrow on Tuesday.');

  it('groups two outlets’ accounts of the same meeting, with a label', () => {
    const meetings = index(ledger, wire).all();
    assert.equal(meetings.length, 1);
    assert.equal(meetingLabel(meetings[0]), 'Kendrow · Brisk — Castora, 2031-03-04 (2 accounts)');
  });

  it('joins an account with no place and an unresolved but identical weekday', () => {
    assert.equal(index(ledger, wire, undated).all().length, 1);
  });

  it('keeps apart the same people on another day, in another place, or on the phone', () => {
    const otherDay = article('later.txt', 'Kendrow met Brisk in Castora on Monday.', '2031-06-10');
    const otherPlace = article('elsewhere.txt', 'Kendrow met Brisk in Velor City on Tuesday.', '2031-03-05');
    const call = article('call.txt', 'Kendrow and Brisk spoke by phone on Tuesday.', '2031-03-05');
    const meetings = index(ledger, wire, otherDay, otherPlace, call).all();
    assert.equal(meetings.length, 4);
    assert.deepEqual(meetings.map((m) => m.accounts.length).sort(), [1, 1, 1, 2]);
  });

  it('does not merge meetings that share only one participant', () => {
    const a = article('x.txt', 'Arlen met Quell in Ankara on Tuesday.', '2031-03-06');
    const b = article('y.txt', 'Arlen met Brisk in Ankara on Tuesday.', '2031-03-06');
    assert.equal(index(a, b).all().length, 2);
  });

  it('is deterministic: the same corpus in any order gives the same meetings and ids', () => {
    const otherDay = article('later.txt', 'Kendrow met Brisk in Castora on Monday.', '2031-06-10');
    const forward = index(ledger, wire, undated, otherDay).all().map((m) => [m.id, m.accounts.map((a) => a.id)]);
    const backward = index(otherDay, undated, wire, ledger).all().map((m) => [m.id, m.accounts.map((a) => a.id)]);
    assert.deepEqual(backward, forward);
  });

  it('updates incrementally when an article changes or disappears', () => {
    const idx = index(ledger, wire);
    const changed = article('wire.txt', 'Otto Brisk received Ilsa Kendrow in Velor City on Tuesday.', '2031-03-04');
    idx.update(changed.analysis.article.uri, changed.accounts, '2031-03-04');
    assert.equal(idx.all().length, 2);
    idx.remove(changed.analysis.article.uri);
    assert.deepEqual(idx.all().map((m) => m.accounts.length), [1]);
    const found = idx.at(ledger.analysis.article.uri, ledger.accounts[0].span.start + 3);
    assert.equal(found?.account.id, ledger.accounts[0].id);
  });
});

describe('places gazetteer', () => {
  it('reads demonyms and capitals as the sovereign country, not a territory sharing the word', () => {
    assert.deepEqual(['American', 'French', 'Dutch', 'Turkish', "Turkey's", 'Iranian'].map((d) => countryOf(d)), ['United States', 'France', 'Netherlands', 'Turkey', 'Turkey', 'Iran']);
    assert.deepEqual([capitalOf('Turkish'), countryOfCapital('Kingston'), countryOfCapital('Ankara')], ['Ankara', 'Jamaica', 'Turkey']);
  });
});

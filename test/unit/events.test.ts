// Articles grouped by the real-world event they report (not only meetings), and the figures two outlets give for
// one quantity of that event: which disagree, which are the same figure written another way, which are an update,
// and which are not the same quantity at all. Every story here is invented.

import * as assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus';
import { Finding } from '../../src/core/types';
import { coverageData } from '../../src/core/coverage';

type Story = [headline: string, body: string, published?: string];

function corpus(stories: Record<string, Story>): Corpus {
  const c = new Corpus();
  for (const [name, [headline, body, published]] of Object.entries(stories)) {
    c.update({ uri: `file:///e/${name}`, text: `${headline}\n\n${body}\n`, externalMeta: { outlet: name.replace(/\..*$/, ''), published } });
  }
  return c;
}

function found(c: Corpus, code: string): Finding[] {
  return [...c.allFindings().values()].flat().filter((f) => f.code === code);
}

function eventOf(c: Corpus, name: string): string | undefined {
  return c.events().of(`file:///e/${name}`)?.id;
}

// One flood in an invented town, as two outlets tell it; `line` is the sentence that carries the figure.
const FLOOD = 'Floodwaters swept through Varnholm after the Tessel river burst its banks near the old mill, officials in the Orrin province said.';
function flood(line: string, published = '2031-04-02'): Story {
  return ['Deadly flood hits Varnholm in Orrin province', `${FLOOD} ${line} Rescue teams searched the Varnholm riverbank for survivors.`, published];
}

describe('events: articles grouped by what they report', () => {
  it('puts outlets reporting one flood together and an unrelated arrest apart', () => {
    const c = corpus({
      'a.txt': flood('Twelve people died.'),
      'b.txt': flood('Rescuers pulled families from rooftops.'),
      'c.txt': ['Police arrest Kell Danner over Brisworth bank fraud', 'Detectives arrested Kell Danner at his Brisworth home on charges of defrauding the Corvane savings bank. Danner will appear in Brisworth magistrates court.', '2031-04-02'],
      'd.txt': ['Kell Danner held over Corvane bank fraud', 'Kell Danner was detained in Brisworth and charged with defrauding the Corvane savings bank, prosecutors said.', '2031-04-03'],
    });
    assert.equal(eventOf(c, 'a.txt'), eventOf(c, 'b.txt'));
    assert.equal(eventOf(c, 'c.txt'), eventOf(c, 'd.txt'));
    assert.notEqual(eventOf(c, 'a.txt'), eventOf(c, 'c.txt'));
    const event = c.events().of('file:///e/c.txt')!;
    assert.equal(event.uris.length, 2);
    assert.ok(event.shared.some((w) => /danner|brisworth|corvane/.test(w)), event.shared.join(','));
  });

  it('keeps two stories of the same kind apart when their people, places and dates differ', () => {
    const c = corpus({
      'a.txt': flood('Twelve people died.', '2031-04-02'),
      'b.txt': ['Storm floods Pellago harbour', 'A storm surge flooded the harbour of Pellago in the Ystre region, the coastguard said. Fishing boats sank at their moorings in Pellago.', '2031-09-20'],
    });
    assert.notEqual(eventOf(c, 'a.txt'), eventOf(c, 'b.txt'));
  });

  it('an edit that moves an article to another event gives the same events as indexing from scratch', () => {
    const stories: Record<string, Story> = {
      'a.txt': flood('Twelve people died.'),
      'b.txt': flood('Rescuers pulled families from rooftops.'),
      'c.txt': ['Police arrest Kell Danner over Brisworth bank fraud', 'Detectives arrested Kell Danner at his Brisworth home on charges of defrauding the Corvane savings bank.', '2031-04-02'],
      'd.txt': ['Kell Danner held over Corvane bank fraud', 'Kell Danner was detained in Brisworth and charged with defrauding the Corvane savings bank.', '2031-04-03'],
    };
    const c = corpus(stories);
    c.events();
    const edited: Story = ['Kell Danner charged in Corvane bank fraud', 'Prosecutors charged Kell Danner in Brisworth with defrauding the Corvane savings bank.', '2031-04-02'];
    c.update({ uri: 'file:///e/b.txt', text: `${edited[0]}\n\n${edited[1]}\n`, externalMeta: { outlet: 'b', published: edited[2] } });
    const fresh = corpus({ ...stories, 'b.txt': edited });
    const groups = (x: Corpus) => x.events().all().map((e) => e.uris.join(' ')).sort();
    assert.deepEqual(groups(c), groups(fresh));
    assert.equal(eventOf(c, 'b.txt'), eventOf(c, 'c.txt'));
  });
});

describe('figures of one event across outlets', () => {
  it('"31 killed" and "13 killed" conflict, and the message names the event and how the articles were linked', () => {
    const c = corpus({ 'a.txt': flood('At least 31 people were killed.'), 'b.txt': flood('Only 13 people were killed.') });
    const conflicts = found(c, 'figure-conflict');
    assert.equal(conflicts.length, 2);
    const a = conflicts.find((f) => f.uri.endsWith('a.txt'))!;
    assert.match(a.message, /gives at least 31 people; b \(b\.txt\) gives 13 people for the event “Deadly flood hits Varnholm in Orrin province” \(2 articles; linked by [^)]*varnholm[^)]*; (?:the two sentences are worded alike|published the same day)\)/i);
    assert.equal(a.related[0].uri, 'file:///e/b.txt');
  });

  it('"at least 30" and "31", "some 1,300" and "over 1,300", a round figure and a precise one do not conflict', () => {
    for (const [x, y] of [
      ['At least 30 people were killed.', '31 people were killed.'],
      ['Some 1,300 people were evacuated.', 'Over 1,300 people were evacuated.'],
      ['About 1,300 people were evacuated.', '1,320 people were evacuated.'],
      ['Thirty-one people were killed.', '31 people were killed.'],
    ]) {
      const c = corpus({ 'a.txt': flood(x), 'b.txt': flood(y) });
      assert.deepEqual(found(c, 'figure-conflict'), [], `${x} / ${y}`);
    }
  });

  it('spelled-out numbers and ranges are compared by value', () => {
    const spelled = corpus({ 'a.txt': flood('Thirteen people were killed.'), 'b.txt': flood('31 people were killed.') });
    assert.equal(found(spelled, 'figure-conflict').length, 2);
    const inRange = corpus({ 'a.txt': flood('Between 20 and 30 people were killed.'), 'b.txt': flood('25 people were killed.') });
    assert.deepEqual(found(inRange, 'figure-conflict'), []);
    const outOfRange = corpus({ 'a.txt': flood('Between 20 and 30 people were killed.'), 'b.txt': flood('50 people were killed.') });
    assert.equal(found(outOfRange, 'figure-conflict').length, 2);
  });

  it('a toll that rises from day one to day three is an update (information), not a conflict', () => {
    const c = corpus({ 'a.txt': flood('Twelve people were killed.', '2031-04-02'), 'b.txt': flood('40 people were killed.', '2031-04-04') });
    assert.deepEqual(found(c, 'figure-conflict'), []);
    const updates = found(c, 'figure-update');
    assert.equal(updates.length, 2);
    assert.equal(updates[0].severity, 'information');
    assert.match(updates.find((f) => f.uri.endsWith('a.txt'))!.message, /\(published 2031-04-02\) gives 12 people; b \(b\.txt\) \(published 2031-04-04\) gives 40 people: an update/);
  });

  it('"32 of 208 aid workers" and "30 of 208 aid workers" conflict; the same fraction does not', () => {
    const story = (line: string): Story => ['Aid workers detained at Quarro checkpoint', `Border guards at the Quarro checkpoint detained aid workers of the Lumen relief agency, the agency said in Quarro. ${line}`, '2031-05-10'];
    const differ = corpus({ 'a.txt': story('Guards released 32 of 208 aid workers.'), 'b.txt': story('Guards released 30 of 208 aid workers.') });
    assert.equal(found(differ, 'figure-conflict').length, 2);
    const same = corpus({ 'a.txt': story('Guards released 32 of 208 aid workers.'), 'b.txt': story('Guards released 32 of 208 aid workers on Friday.') });
    assert.deepEqual(found(same, 'figure-conflict'), []);
  });

  it('units and rounding: "10 kilometres (6 miles)" deep and "6.2 miles" deep agree; 35 kilometres does not', () => {
    const quake = (line: string): Story => ['Earthquake shakes Dorrin valley', `An earthquake shook the Dorrin valley before dawn, seismologists in Dorrin said. ${line}`, '2031-06-01'];
    const same = corpus({ 'a.txt': quake('The quake struck at a depth of 10 kilometres (6 miles).'), 'b.txt': quake('The quake struck at a depth of 6.2 miles.') });
    assert.deepEqual(found(same, 'figure-conflict'), []);
    const differ = corpus({ 'a.txt': quake('The quake struck at a depth of 10 kilometres.'), 'b.txt': quake('The quake struck at a depth of 35 kilometres.') });
    assert.equal(found(differ, 'figure-conflict').length, 2);
  });

  it('never compares a percentage with a count, one currency with another, or a record with the current figure', () => {
    const deal = (line: string): Story => ['Halvard buys Corvane savings bank', `Halvard Group agreed to buy the Corvane savings bank in Brisworth, the companies said. ${line}`, '2031-07-01'];
    const cases: [string, string][] = [
      ['Shareholders backed the deal with 40 percent of votes.', 'Shareholders backed the deal with 75 votes.'],
      ['Halvard will pay $2.6 million (£1.7 million).', 'Halvard will pay £1.7 million.'],
      ['Halvard will pay $2.6 million.', 'Halvard will pay £1.7 million.'],
    ];
    for (const [x, y] of cases) assert.deepEqual(found(corpus({ 'a.txt': deal(x), 'b.txt': deal(y) }), 'figure-conflict'), [], `${x} / ${y}`);
    const record = corpus({ 'a.txt': flood('The river broke the record of 2,116 millimetres of rain.'), 'b.txt': flood('The river rose after 2,300 millimetres of rain.') });
    assert.deepEqual(found(record, 'figure-conflict'), []);
    const previous = corpus({ 'a.txt': flood('A previous flood killed 300 people.'), 'b.txt': flood('Twelve people were killed.') });
    assert.deepEqual(found(previous, 'figure-conflict'), []);
  });

  it("never compares another place's number, nor the parts of a sum", () => {
    const places = corpus({ 'a.txt': flood('In Varnholm 12 people were killed.'), 'b.txt': flood('In Pellago 30 people were killed.') });
    assert.deepEqual(found(places, 'figure-conflict'), []);
    const sum = corpus({ 'a.txt': flood('Two women and one man were killed.'), 'b.txt': flood('Three people were killed.') });
    assert.deepEqual(found(sum, 'figure-conflict'), []);
  });

  it('undated articles disagree only when something else shows they report the same incident', () => {
    // Same wording except the number, no dates: one wire story edited by two outlets.
    const wire = corpus({ 'a.txt': flood('Rescuers said 31 people were killed.', undefined), 'b.txt': flood('Rescuers said 13 people were killed.', undefined) });
    assert.equal(found(wire, 'figure-conflict').length, 2);
    // Different wording, no dates, nothing in common but the kind of story: could be two floods years apart.
    const loose = corpus({
      'a.txt': flood('Relatives mourned as 31 people were killed.', undefined),
      'b.txt': ['Deadly flood hits Varnholm in Orrin province', `${FLOOD} By nightfall 13 were killed, according to the provincial governor. Rescue teams searched the Varnholm riverbank for survivors.`, undefined],
    });
    assert.deepEqual(found(loose, 'figure-conflict'), []);
  });
});

describe('the event in hovers', () => {
  it('a sentence of the lead shows the event card with the other outlet and what linked them; a lone story shows none', async () => {
    const { eventAt, eventCard } = await import('../../src/server/features/events');
    const c = corpus({ 'a.txt': flood('Twelve people died.'), 'b.txt': flood('Rescuers pulled families from rooftops.'), 'z.txt': ['Choir wins Halden prize', 'The Ostrel youth choir won the Halden prize for sacred music.', '2031-04-02'] });
    const a = c.analysis('file:///e/a.txt')!;
    const offset = a.article.text.indexOf('Floodwaters');
    const event = eventAt(a, offset, c)!;
    assert.ok(event);
    const card = eventCard(event, a, c);
    assert.match(card, /event \(\w+\): “Deadly flood hits Varnholm in Orrin province”/);
    assert.match(card, /Reported by 2 articles \(2031-04-02\); linked by what they share: [^.]*varnholm/i);
    assert.match(card, /- b — b\.txt \(shares /);
    const z = c.analysis('file:///e/z.txt')!;
    assert.equal(eventAt(z, z.article.text.indexOf('Ostrel'), c), undefined);
  });
});

describe('stories on the coverage timeline', () => {
  it('lists each article of a story two outlets report at its publication date, red where its figures disagree; a lone story stays off', () => {
    const c = corpus({
      'a.txt': flood('At least 31 people were killed.', '2031-04-02'),
      'b.txt': flood('Only 13 people were killed.', '2031-04-03'),
      'c.txt': ['Police arrest Kell Danner over Brisworth bank fraud', 'Detectives arrested Kell Danner at his Brisworth home on charges of defrauding the Corvane savings bank.', '2031-04-02'],
    });
    const stories = coverageData(c).accounts.filter((a) => a.kind === 'story');
    assert.deepEqual(stories.map((s) => [s.outlet, s.date, s.disagrees, s.accounts]), [['a', '2031-04-02', true, 2], ['b', '2031-04-03', true, 2]]);
    assert.equal(new Set(stories.map((s) => s.meetingId)).size, 1, 'one story');
    const a = c.get('file:///e/a.txt')!;
    assert.equal(a.text.slice(stories[0].span.start, stories[0].span.end), 'Deadly flood hits Varnholm in Orrin province', 'the mark opens the headline');
  });
});

describe('a timeline too big to draw', () => {
  const threeStories = () => corpus({
    'a.txt': flood('At least 31 people were killed.', '2031-04-02'),
    'b.txt': flood('Only 13 people were killed.', '2031-04-03'),
    'c.txt': ['Police arrest Kell Danner over Brisworth bank fraud', 'Detectives arrested Kell Danner at his Brisworth home on charges of defrauding the Corvane savings bank. Danner will appear in Brisworth magistrates court.', '2031-04-02'],
    'd.txt': ['Kell Danner held over Corvane bank fraud', 'Kell Danner was detained in Brisworth and charged with defrauding the Corvane savings bank, prosecutors said.', '2031-04-03'],
  });

  it('keeps whole stories up to the limit, the one where outlets disagree first, and counts what it left out', () => {
    const all = coverageData(threeStories());
    assert.equal(all.timeline.groupsTotal, 2, 'the flood and the arrest');
    assert.deepEqual([all.timeline.accountsShown, all.timeline.accountsTotal], [4, 4]);
    const capped = coverageData(threeStories(), { timelineLimit: 3 });
    assert.deepEqual(capped.accounts.map((a) => a.outlet).sort(), ['a', 'b'], 'the flood, whose tolls disagree, whole; the arrest left out');
    assert.ok(capped.accounts.every((a) => a.disagrees));
    assert.deepEqual(capped.timeline, { groupsShown: 1, groupsTotal: 2, accountsShown: 2, accountsTotal: 4, limit: 3 });
  });

  it('the report says what the timeline leaves out, and says nothing when it shows everything', async () => {
    const { coverageHtml } = await import('../../src/host/coverageHtml');
    assert.match(coverageHtml(coverageData(threeStories(), { timelineLimit: 3 })), /Showing 1 of 2 meetings and stories \(2 of 4 accounts\)/);
    assert.doesNotMatch(coverageHtml(coverageData(threeStories())), /Showing \d/);
  });
});

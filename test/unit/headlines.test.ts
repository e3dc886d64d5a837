// headline-unsupported: flagged only when the body plainly does not report the headline's person, place or
// figure (or anything it says); synonyms, demonyms, capitals and rounded figures are near-misses that must pass.

import * as assert from 'node:assert/strict';
import { analyse } from '../../src/core/analyse';
import { headlineFindings, headlineOverstated } from '../../src/core/findings/headlines';

function check(headline: string, body: string): string[] {
  const a = analyse({ uri: 'file:///h/a.txt', text: `${headline}\n\n${body}\n`, externalMeta: { published: '2031-03-05' } });
  return headlineFindings(a).map((f) => f.message);
}

describe('headline-unsupported', () => {
  it('passes a headline whose people, places and figures the body reports', () => {
    assert.deepEqual(check('Kendrow meets Brisk in Ankara as 1,300 fighters are killed', 'Ilsa Kendrow met Otto Brisk in Ankara on Tuesday. Some 1,300 fighters were killed in the north, officials said.'), []);
  });

  it('accepts demonyms, capitals, FM and rounded figures', () => {
    assert.deepEqual(check('Turkish FM in Iran for talks', 'Turkey’s foreign minister Ilsa Kendrow held talks in Tehran on Saturday with Iranian officials.'), []);
    assert.deepEqual(check('Kendrow in the Turkish capital; about 300 arrested', 'Ilsa Kendrow arrived in Ankara on Monday. Police arrested 320 people, officials said.'), []);
    assert.deepEqual(check('Erdoğan hosts Kendrow', 'President Recep Tayyip Erdogan received Ilsa Kendrow on Monday. The two discussed trade.'), []);
  });

  it('flags a person, a place or a figure the body never reports', () => {
    const messages = check('Kendrow meets Arlen in Tehran', 'Ilsa Kendrow met Otto Brisk in Ankara on Tuesday. The two discussed trade, officials said.');
    assert.deepEqual(messages, ['The headline names Arlen, which the body never mentions.', 'The headline names Tehran, which the body never mentions.']);
  });

  it('flags a headline figure that contradicts the body’s figure for the same thing', () => {
    const [message] = check('Clashes: 7,000 fighters killed', 'Some 1,300 fighters were killed in the north, state media said. The army advanced on Tuesday.');
    assert.equal(message, 'The headline says “7,000 fighters”; the body says “1,300 fighters”.');
  });

  it('flags a headline whose body is about something else entirely', () => {
    const messages = check('Central bank raises interest rates sharply', 'Ilsa Kendrow met Otto Brisk in Ankara on Tuesday. The two discussed border security, officials said.');
    assert.equal(messages.length, 1);
    assert.match(messages[0], /^The body does not report what the headline says: none of/);
  });

  it('a word opening a sentence inside the headline is no name; an organisation by another of its names is found', () => {
    assert.deepEqual(check('Velmora bridge closed? Engineers say not yet', 'The Velmora bridge stays open while inspectors check its cables, the city said on Monday.'), []);
    assert.deepEqual(check('Islamic State claims Velmora bombing', 'ISIS said it carried out the Velmora bombing, according to a statement posted online on Monday.'), []);
    assert.deepEqual(check('Daesh fighters retreat from Velmora', 'ISIL fighters left Velmora overnight, the army said on Monday.'), []);
    // Mid-sentence the same capitalised word is still a name the body must report.
    assert.deepEqual(check('Velmora bridge closed as Engineers Guild protests', 'The Velmora bridge stays open while inspectors check its cables, the city said on Monday.'), ['The headline names Engineers Guild, which the body never mentions.']);
  });

  it('does not treat title-case headline words as names', () => {
    assert.deepEqual(check('Iran Wants Turkey In Fight Against Terrorism', 'Iranian President Hassan Rouhani underlined the need for Turkey to join the fight against terrorism in talks on Saturday, his office said.'), []);
  });
});

describe('headline-overstated', () => {
  const over = (headline: string, body: string) =>
    headlineOverstated(analyse({ uri: 'file:///h/o.txt', text: `${headline}\n\n${body}\n`, externalMeta: { published: '2031-03-05' } })).map((f) => f.message);

  it('flags a headline that asserts what only critics say, naming the body sentence', () => {
    const [m] = over('Brisk admits ministry funded militias', 'Critics said the ministry funded militias under Brisk. Otto Brisk spoke in Ankara on Monday.');
    assert.match(m, /^The headline states this as fact \(“admits”\); the body attributes it to Critics/);
  });

  it('flags a flat headline over a hedged body', () => {
    assert.equal(over('Ministry funded militias in the north', 'The ministry may have funded militias in the north, documents suggest. Officials declined to comment.').length, 1);
  });

  it('names the hedge, and counts only a hedge over what the headline says', () => {
    assert.deepEqual(over('Ministry funded militias in the north', 'The ministry may have funded militias in the north, documents suggest.'), [
      'The headline states this as fact; the body hedges it (“may”): “The ministry may have funded militias in the north, documents suggest.”.',
    ]);
    // The hedge governs an aside ("in what could …"), or "May" is the month: the headline's claim stands unhedged.
    assert.deepEqual(over('Kendrow wins Castora primary, takes all delegates', 'Ilsa Kendrow won the Castora primary and took all delegates, in what could slow her rival down.'), []);
    assert.deepEqual(over('Kendrow faces attack ads in Castora', 'Ilsa Kendrow faces attack ads in Castora ahead of the May 3 vote.'), []);
  });

  it('passes supported, attributed or hedged headlines', () => {
    assert.deepEqual(over('Iran wants Turkey in fight against terrorism', 'Iranian President Hassan Rouhani underlined the need for Turkey to join the fight against terrorism, his office said.'), []);
    assert.deepEqual(over('Brisk says ministry funded militias', 'Critics said the ministry funded militias under Brisk.'), []);
    assert.deepEqual(over('Brisk admits ministry funded militias', 'Otto Brisk admitted on Monday that the ministry funded militias.'), []);
  });
});

describe('headline-unsupported on headline shapes that are not claims', () => {
  const check = async (headline: string, body: string) => {
    const { analyse } = await import('../../src/core/analyse');
    return analyse({ uri: 'file:///h/x.txt', text: `${headline}\n\n${body}\n` }).findings.filter((f) => f.code === 'headline-unsupported').map((f) => f.message);
  };
  const body = 'The Brackwater council approved a new harbour wall on Monday after two years of debate. Councillors said the wall would protect fishing boats in Brackwater from winter storms. Work on the harbour starts in spring.';
  it('emphasis in capitals, adjectives, a word inside another word, web addresses and common verbs are not names', async () => {
    assert.deepEqual(await check('Brackwater council FINALLY APPROVES harbour wall', body), []);
    assert.deepEqual(await check('Brackwater harbour wall approved after Historic council debate', body), []);
    assert.deepEqual(await check('Brackwater council approves harbour wall, storms and iPhone users rejoice', body), []);
    assert.deepEqual(await check('Brackwater council approves harbour wall via www.Harbourwatch.com/News', body), []);
    assert.deepEqual(await check('Brackwater council approves harbour wall Protecting boats', body), []);
  });
  it('still flags a name the body never mentions, and a headline about something else', async () => {
    assert.match((await check('Brackwater council approves harbour wall pushed by Ulla Marsk', body)).join(' '), /names Ulla Marsk/);
    assert.match((await check('Celebrity chef opens vegan bakery in old railway station', body)).join(' '), /body does not report what the headline says/);
  });
  it('a headline that shares only one of many words with the body is about something else; a paraphrase is not', async () => {
    assert.match((await check('Mystery illness spreads among penguins at Brackwater zoo aquarium', body)).join(' '), /uses only “brackwater”/);
    assert.deepEqual(await check('Councillors back new wall to shield Brackwater fishing boats', body), []);
  });
});

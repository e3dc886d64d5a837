// Entities and titles: recognition, role normalisation, identity across articles, and the title/name findings —
// each with the near-misses that must not fire.

import * as assert from 'node:assert/strict';
import { parseArticle } from '../../src/core/article';
import { Corpus } from '../../src/core/corpus';
import { parseKnowledge, withAcceptedTitle, withAlias, withDistinct } from '../../src/core/people/knowledge';
import { parseRole, recogniseEntities } from '../../src/core/people/recognise';

const people = (body: string) =>
  recogniseEntities(parseArticle({ uri: 'file:///e/a.txt', text: `Headline\n\n${body}\n` }))
    .filter((m) => m.kind === 'person')
    .map((m) => [m.text, m.key, m.role?.office ?? null, m.role?.country ?? null, m.descriptive ?? false]);

function corpus(articles: Record<string, [string, string?, string?]>): Corpus {
  const c = new Corpus();
  for (const [name, [body, outlet, published]] of Object.entries(articles)) {
    c.update({ uri: `file:///e/${name}`, text: `${name} headline\n\n${body}\n`, externalMeta: { outlet, published } });
  }
  return c;
}
const codes = (c: Corpus, code: string) => [...c.allFindings().values()].flat().filter((f) => f.code === code);

describe('roles', () => {
  it('normalises the forms news uses to one structured role', () => {
    for (const form of ['Turkish Foreign Minister', "Turkey's foreign minister", 'the top Turkish diplomat', 'Turkish FM']) {
      assert.deepEqual(parseRole(form), { office: 'foreign minister', country: 'Turkey' }, form);
    }
    assert.deepEqual(parseRole("Turkey's Defense Minister"), parseRole('Turkish defence minister'));
    assert.deepEqual(parseRole('Iranian General'), { rank: 'general', country: 'Iran' });
    assert.equal(parseRole('the capital'), undefined);
  });
});

describe('recognising people and titles', () => {
  it('reads pre-modifier titles, possessive titles and appositions', () => {
    assert.deepEqual(people('Velorian Foreign Minister Ilsa Kendrow met Turkey\'s Defense Minister Otto Brisk. Dov Arlen, Iran\'s foreign minister, was there.'), [
      ['Ilsa Kendrow', 'person:kendrow', 'foreign minister', null, false],
      ['Otto Brisk', 'person:brisk', 'defense minister', 'Turkey', false],
      ['Dov Arlen', 'person:arlen', 'foreign minister', 'Iran', false],
    ]);
  });

  it('resolves a description to the one person of the article who holds that role', () => {
    const found = people('Iranian Foreign Minister Dov Arlen arrived on Monday. The top Iranian diplomat met officials.');
    assert.deepEqual(found[1], ['The top Iranian diplomat', 'person:arlen', 'foreign minister', 'Iran', true]);
  });

  it('leaves a description unresolved when two people could hold the role', () => {
    const found = people('Iranian Foreign Minister Dov Arlen met Iranian Foreign Minister Sam Vell. The top Iranian diplomat spoke.');
    assert.equal(found.filter((f) => f[4]).length, 0);
  });

  it('finds no person in page furniture, weekdays, months, datelines or demonyms', () => {
    assert.deepEqual(people('CASTORA - Share prices rose on Monday in August, Turkish officials said. Photo captions aside, nothing else.'), []);
  });

  it('folds diacritics and particles into one key', () => {
    assert.deepEqual(people('Recep Tayyip Erdoğan met Bashar al-Assad.').map((p) => p[1]), ['person:erdogan', 'person:assad']);
  });
});

describe('identity across articles', () => {
  it('one entity for a person under every spelling, across outlets', () => {
    const c = corpus({
      'a.txt': ['Mevlüt Çavuşoğlu spoke. Çavuşoğlu left.', 'Euronews'],
      'b.txt': ['Mevlut Cavusoglu met Mohammad Javad Zarif. Zarif smiled.', 'Wire'],
      'c.txt': ['Javad Zarif and Cavusoglu talked.', 'Post'],
    });
    const cav = c.entities().get('person:cavusoglu')!;
    assert.equal(cav.mentions.length, 4);
    assert.deepEqual(cav.aliases, ['Cavusoglu', 'Mevlut Cavusoglu', 'Mevlüt Çavuşoğlu', 'Çavuşoğlu']);
    assert.equal(c.entities().get('person:zarif')!.canonical, 'Mohammad Javad Zarif');
  });

  it('keeps apart two people who share a surname, and resolves a surname within its own article', () => {
    const c = corpus({
      'a.txt': ['Ali Velmar spoke in the morning. Velmar left.'],
      'b.txt': ['Hassan Velmar spoke at night. Velmar stayed.'],
      'c.txt': ['Velmar was mentioned alone.'],
    });
    const ids = c.entities().entities().filter((e) => e.id.startsWith('person:velmar')).map((e) => [e.id, e.mentions.length]);
    assert.deepEqual(ids, [['person:velmar#?', 1], ['person:velmar#ali', 2], ['person:velmar#hassan', 2]]);
  });
});

describe('title and name findings', () => {
  it('title-conflict: defence minister in one article, foreign minister in another, with related information', () => {
    const c = corpus({
      'a.txt': ["Turkey's Defense Minister Otto Brisk spoke.", 'Ledger', '2031-03-01'],
      'b.txt': ['Turkish Foreign Minister Otto Brisk spoke.', 'Wire', '2031-03-02'],
    });
    const found = codes(c, 'title-conflict');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /Otto Brisk is called “Turkey's Defense Minister” here \(Turkey defense minister\), but “Turkish Foreign Minister” \(Turkey foreign minister\) in Wire \(b\.txt\)/);
    assert.equal(found[0].related[0].uri, 'file:///e/b.txt');
  });

  it('does not flag role equivalents, compatible facets, or roles years apart', () => {
    const c = corpus({
      'a.txt': ['Turkish Foreign Minister Otto Brisk spoke.', 'Ledger', '2031-03-01'],
      'b.txt': ["Otto Brisk, Turkey's foreign minister, spoke.", 'Wire', '2031-03-02'],
      'c.txt': ['Iranian General Dov Arlen met Iranian Chief of Staff Dov Arlen.', 'Post', '2031-03-02'],
      'd.txt': ['Turkish Defense Minister Otto Brisk spoke.', 'Herald', '2035-01-01'],
    });
    assert.deepEqual(codes(c, 'title-conflict'), []);
  });

  it('name-variant names the outlets using each spelling; case alone is not a variant', () => {
    const c = corpus({
      'a.txt': ['President Recep Tayyip Erdoğan spoke.', 'Euronews'],
      'b.txt': ['President Tayyip Erdogan spoke.', 'Wire'],
      'c.txt': ['President Tayyip ERDOGAN spoke.', 'Caps'],
    });
    const found = codes(c, 'name-variant').map((f) => f.message);
    assert.ok(found.some((m) => m === '“Erdoğan” here; “Erdogan” in Wire (b.txt) — the same person (Recep Tayyip Erdoğan).'), found.join('\n'));
    assert.ok(!found.some((m) => /ERDOGAN/.test(m)));
  });

  it('title-missing only for a person other outlets do describe', () => {
    const c = corpus({
      'a.txt': ['Otto Brisk arrived. Witness Jana Pell watched.', 'Ledger'],
      'b.txt': ['Turkish Foreign Minister Otto Brisk spoke.', 'Wire'],
    });
    const found = codes(c, 'title-missing');
    assert.deepEqual(found.map((f) => f.message), ['Otto Brisk is introduced with no title or description; Wire (b.txt) calls them “Turkish Foreign Minister”.']);
  });
});

describe('knowledge file', () => {
  const knowledge = parseKnowledge(`people:
  - name: Otto Brisk
    aliases: [Otto Bryske]
    roles:
      - { role: foreign minister, country: Turkey, from: 2030-01-01, to: 2031-06-30 }
      - { role: prime minister, country: Turkey, from: 2031-07-01 }
`);

  it('parses roles with dates and alias spellings', () => {
    assert.deepEqual(knowledge.people[0].roles.map((r) => [r.office, r.country, r.from, r.to]), [
      ['foreign minister', 'Turkey', '2030-01-01', '2031-06-30'],
      ['prime minister', 'Turkey', '2031-07-01', undefined],
    ]);
    assert.equal(knowledge.aliasKeys.get('person:bryske'), 'person:brisk');
  });

  it('title-anachronism: a title not held on the article date; none for a title in force', () => {
    const c = corpus({
      'old.txt': ['Turkish Prime Minister Otto Brisk spoke.', 'Ledger', '2031-03-01'],
      'ok.txt': ['Turkish Foreign Minister Otto Brisk spoke.', 'Wire', '2031-03-01'],
      'alias.txt': ['Turkish Prime Minister Otto Bryske spoke.', 'Post', '2031-09-01'],
    });
    c.setKnowledge(knowledge);
    const found = codes(c, 'title-anachronism');
    assert.deepEqual(found.map((f) => f.uri), ['file:///e/old.txt']);
    assert.match(found[0].message, /Otto Brisk was not Turkey prime minister on 2031-03-01, by the knowledge file/);
    assert.equal(c.entities().get('person:brisk')!.mentions.length, 3, 'the alias spelling joins the person');
  });

  it('reports a role it does not know instead of guessing', () => {
    const k = parseKnowledge('people:\n  - name: X Y\n    roles:\n      - { role: grand vizier }\n');
    assert.match(k.problems[0].message, /not an office Sourcelens knows/);
  });
});

describe('recording the reader’s decisions in sourcelens.entities.yaml', () => {
  const start = '# my notes\npeople:\n  - name: Otto Brisk\n    roles:\n      - { role: foreign minister, country: Turkey }\n';

  it('adds an alias, keeping comments and the rest of the file', () => {
    const text = withAlias(start, 'Otto Brisk', 'Oto Brisk');
    assert.match(text, /^# my notes/);
    assert.deepEqual(parseKnowledge(text).people[0].aliases, ['Oto Brisk']);
    assert.equal(withAlias(text, 'Otto Brisk', 'Oto Brisk'), text, 'adding twice changes nothing');
    assert.deepEqual(parseKnowledge(withAlias(undefined, 'Dov Arlen', 'Dov Arlin')).people.map((p) => [p.name, p.aliases]), [['Dov Arlen', ['Dov Arlin']]]);
  });

  it('"these are different people" splits two spellings that fold together', () => {
    const c = corpus({
      'a.txt': ['President Recep Tayyip Erdoğan spoke.', 'Euronews'],
      'b.txt': ['The footballer Tayyip Erdogan scored.', 'Sport'],
    });
    assert.equal(c.entities().entities().filter((e) => e.id.startsWith('person:erdogan')).length, 1);
    c.setKnowledge(parseKnowledge(withDistinct(undefined, 'Recep Tayyip Erdoğan', 'Tayyip Erdogan')));
    assert.equal(c.entities().entities().filter((e) => e.id.startsWith('person:erdogan')).length, 2);
  });

  it('an accepted title variant is no longer a title conflict', () => {
    const c = corpus({
      'a.txt': ["Turkey's Defense Minister Otto Brisk spoke.", 'Ledger', '2031-03-01'],
      'b.txt': ['Turkish Foreign Minister Otto Brisk spoke.', 'Wire', '2031-03-02'],
    });
    assert.equal(codes(c, 'title-conflict').length, 2);
    c.setKnowledge(parseKnowledge(withAcceptedTitle(undefined, 'Otto Brisk', "Turkey's Defense Minister")));
    assert.deepEqual(codes(c, 'title-conflict'), []);
  });
});

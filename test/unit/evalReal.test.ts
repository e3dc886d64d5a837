// The scoring maths and parsers behind `npm run eval:real`, on tiny data written for these tests (no real corpus).

import * as assert from 'node:assert/strict';
import { checkSpans, parseBrat } from '../../src/tools/evalReal/brat';
import { Corpus } from '../../src/core/corpus';
import { groupByMeetings, headWord, isTitleCase, lowercaseVocabulary, nameTokens } from '../../src/tools/evalReal/ecbplus';
import { formatTable, seededSample } from '../../src/tools/evalReal/framework';
import { parseBodies, parseStances } from '../../src/tools/evalReal/fnc1';
import { formatChanges, parseArgs } from '../../src/tools/evalReal/main';
import { carriesClaim, coreNlpSentences, isVagueSource, splitSentences } from '../../src/tools/evalReal/polnear';
import { bcubed, matchSpans, pairwise, prf } from '../../src/tools/evalReal/scoring';

const close = (a: number | null, b: number) => assert.ok(a !== null && Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);

describe('eval:real scoring maths', () => {
  it('computes precision, recall and F1, and null when undefined', () => {
    const r = prf({ tp: 3, fp: 1, fn: 3 });
    close(r.precision, 0.75);
    close(r.recall, 0.5);
    close(r.f1, 0.6);
    assert.deepEqual(prf({ tp: 0, fp: 0, fn: 0 }), { precision: null, recall: null, f1: null });
    assert.equal(prf({ tp: 0, fp: 2, fn: 1 }).f1, 0);
  });

  it('scores B³ per item, with unplaced items as singletons', () => {
    const gold = new Map([['a', '1'], ['b', '1'], ['c', '2']]);
    const system = new Map([['a', 'X'], ['b', 'Y'], ['c', 'Y']]);
    const b = bcubed(gold, system);
    close(b.precision, 2 / 3);
    close(b.recall, 2 / 3);
    const perfect = bcubed(gold, new Map([['a', 'p'], ['b', 'p'], ['c', 'q']]));
    assert.deepEqual([perfect.precision, perfect.recall, perfect.f1], [1, 1, 1]);
    const none = bcubed(gold, new Map());
    close(none.precision, 1);
    close(none.recall, (0.5 + 0.5 + 1) / 3);
  });

  it('counts pairwise links', () => {
    const gold = new Map([['a', '1'], ['b', '1'], ['c', '2'], ['d', '2']]);
    const system = new Map([['a', 'X'], ['b', 'X'], ['c', 'X'], ['d', 'Y']]);
    const p = pairwise(gold, system);
    assert.deepEqual([p.tp, p.fp, p.fn], [1, 2, 1]);
    close(p.precision, 1 / 3);
    close(p.recall, 0.5);
    const across = pairwise(gold, system, (x, y) => !(x === 'a' && y === 'b'));
    assert.deepEqual([across.tp, across.fp, across.fn], [0, 2, 1]);
  });

  it('matches spans one to one, largest overlap first, under an extra condition', () => {
    const gold = [{ start: 0, end: 10, id: 'g1' }, { start: 20, end: 25, id: 'g2' }];
    const predicted = [{ start: 2, end: 4, id: 'p1' }, { start: 0, end: 9, id: 'p2' }, { start: 30, end: 32, id: 'p3' }];
    const m = matchSpans(gold, predicted);
    assert.deepEqual(m.pairs.map(([g, p]) => `${g.id}-${p.id}`), ['g1-p2']);
    assert.deepEqual(m.missed.map((g) => g.id), ['g2']);
    assert.deepEqual(m.extra.map((p) => p.id).sort(), ['p1', 'p3']);
    const strict = matchSpans(gold, predicted, (_g, p) => p.id === 'p1');
    assert.deepEqual(strict.pairs.map(([g, p]) => `${g.id}-${p.id}`), ['g1-p1']);
    // Touching is not overlapping (half-open spans).
    assert.equal(matchSpans([{ start: 0, end: 5 }], [{ start: 5, end: 8 }]).pairs.length, 0);
  });

  it('samples deterministically', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    assert.deepEqual(seededSample(items, 10), seededSample(items, 10));
    assert.equal(new Set(seededSample(items, 10)).size, 10);
    assert.notDeepEqual(seededSample(items, 10), items.slice(0, 10));
    assert.equal(seededSample(items, 80).length, 50);
  });
});

describe('eval:real event grouping and tables', () => {
  it('groups articles that share a meeting, transitively; the rest stay alone', () => {
    const uriOf = new Map(['a', 'b', 'c', 'd', 'e'].map((f) => [f, `file:///x/${f}`]));
    const meeting = (...files: string[]) => ({ accounts: files.map((f) => ({ uri: `file:///x/${f}` })) });
    const corpus = { meetings: () => ({ all: () => [meeting('a', 'b'), meeting('b', 'c'), meeting('d')] }) } as unknown as Corpus;
    const g = groupByMeetings(corpus, uriOf);
    assert.equal(g.get('a'), g.get('b'));
    assert.equal(g.get('b'), g.get('c'));
    assert.notEqual(g.get('a'), g.get('d'));
    assert.notEqual(g.get('d'), g.get('e'));
    assert.equal(g.size, 5);
  });

  it('prints a table with aligned columns, dashes for missing figures and trimmed decimals', () => {
    const out = formatTable({ title: 'T', columns: ['what', 'n', 'p'], rows: [['one', 3, 0.5], ['two', 12, null]], note: 'a note' });
    assert.deepEqual(out.split('\n'), ['', 'T', '  what   n    p', '  ----  --  ---', '  one    3  0.5', '  two   12    –', '  (a note)']);
  });
});

describe('eval:real BRAT standoff', () => {
  const ann = [
    'T1\tSource 0 15\tMayor Ruth Keln',
    'T2\tCue 16 20\tsays',
    'T3\tContent 21 43\tthe bridge will reopen',
    'T4\tAttribution 16 20\tsays',
    'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
    'T5\tSource 46 53\tCritics',
    'T6\tContent 54 58;62 70\tsay it',
    'will not',
    'T7\tAttribution-no-source 54 57\tsay',
    'E2\tAttribution-no-source:T7 Content:T6',
  ].join('\n');

  it('reads spans, discontinuous fragments, text running over lines, and attributions', () => {
    const doc = parseBrat(ann);
    assert.equal(doc.spans.size, 7);
    assert.deepEqual(doc.spans.get('T6')!.fragments, [{ start: 54, end: 58 }, { start: 62, end: 70 }]);
    assert.equal(doc.spans.get('T6')!.text, 'say it\nwill not');
    assert.deepEqual(doc.attributions[0], { id: 'E1', type: 'Attribution', content: [{ start: 21, end: 43 }], cue: [{ start: 16, end: 20 }], source: [{ start: 0, end: 15 }] });
    assert.equal(doc.attributions[1].type, 'Attribution-no-source');
    assert.equal(doc.attributions[1].source, undefined);
  });

  it('checks offsets against the text and converts code-point offsets to UTF-16', () => {
    const ok = checkSpans(parseBrat('T1\tSource 0 4\tRuth'), 'Ruth said so.');
    assert.deepEqual([ok.offsets, ok.mismatched], ['utf16', []]);
    // An emoji is two UTF-16 units but one code point: a Python tool's offsets are one short per emoji before.
    const emojiText = '🙂 Ruth said so.';
    const cp = checkSpans(parseBrat('T1\tSource 2 6\tRuth'), emojiText);
    assert.equal(cp.offsets, 'codepoints');
    const f = cp.doc.spans.get('T1')!.fragments[0];
    assert.equal(emojiText.slice(f.start, f.end), 'Ruth');
    const bad = checkSpans(parseBrat('T1\tSource 0 4\tNope'), 'Ruth said so.');
    assert.deepEqual(bad.mismatched, ['T1']);
  });

  it('reads CoreNLP sentence offsets from its XML', () => {
    const xml = '<sentences><sentence id="1"><tokens><token id="1"><CharacterOffsetBegin>0</CharacterOffsetBegin><CharacterOffsetEnd>4</CharacterOffsetEnd></token>' +
      '<token id="2"><CharacterOffsetBegin>5</CharacterOffsetBegin><CharacterOffsetEnd>9</CharacterOffsetEnd></token></tokens></sentence>' +
      '<sentence id="2"><tokens><token id="1"><CharacterOffsetBegin>11</CharacterOffsetBegin><CharacterOffsetEnd>14</CharacterOffsetEnd></token></tokens></sentence></sentences>';
    assert.deepEqual(coreNlpSentences(xml), [{ start: 0, end: 9 }, { start: 11, end: 14 }]);
  });

  it('splits sentences when CoreNLP is missing, not after initials or titles', () => {
    const t = 'Headline here\nDr. Ana Pell met J. Orr on Monday. “It went well,” she said. Then 3 more came!';
    assert.deepEqual(splitSentences(t).map((s) => t.slice(s.start, s.end)), ['Headline here', 'Dr. Ana Pell met J. Orr on Monday.', '“It went well,” she said.', 'Then 3 more came!']);
  });
});

describe('eval:real gold rules', () => {
  it('tells claim-carrying sentences by a frozen rule that ignores dates', () => {
    assert.ok(carriesClaim('The fund grew to 4.2 billion dollars last year.'));
    assert.ok(carriesClaim('The senator was accused of hiding the memo.'));
    assert.ok(carriesClaim('Turnout was the highest in a generation.'));
    assert.ok(!carriesClaim('On Nov. 8, 2016, voters went to the polls at 7 a.m.'));
    assert.ok(!carriesClaim('The candidate spoke to supporters in a gym.'));
  });

  it('calls a source vague when it names a group and no one', () => {
    assert.ok(isVagueSource('senior officials'));
    assert.ok(isVagueSource('Some analysts'));
    assert.ok(isVagueSource('people familiar with the talks'));
    assert.ok(!isVagueSource('officials at the Marnish Embassy'));
    assert.ok(!isVagueSource('Mayor Ruth Keln'));
    assert.ok(!isVagueSource('she'));
  });

  it('finds name tokens, not titles, pronouns or sentence-initial common words', () => {
    const lower = lowercaseVocabulary(['the driver said the mayor would go.']);
    assert.deepEqual(nameTokens('Driver', 10, 10, lower), []);
    assert.deepEqual(nameTokens('Keln', 10, 10, lower), ['keln']);
    assert.deepEqual(nameTokens('Mayor Ruth Keln', 3, 0, lower), ['ruth', 'keln']);
    assert.deepEqual(nameTokens("Keln's", 3, 0, lower), ['keln']);
    assert.deepEqual(nameTokens('He', 0, 0, lower), []);
    assert.deepEqual(nameTokens('I’m', 5, 0, lower), []);
    assert.deepEqual(nameTokens("O'Brien", 5, 0, lower), ["o'brien"]);
  });

  it('in a title-case line a capital says no more than at a sentence start; a name that is also a word stays a name', () => {
    assert.ok(isTitleCase('Woman Killed In Harbour Crash, Driver Charged'));
    assert.ok(isTitleCase('DRIVER CHARGED AFTER CRASH'));
    assert.ok(!isTitleCase('Driver charged after crash in Harbour Town'));
    // "felt" is written in lower case, but "Felt" mid-sentence more often: in these texts it is a surname.
    const lower = lowercaseVocabulary(['the driver said. W. Mark Felt spoke, and later Felt left, as Felt said. She felt fine. A driver, the Driver said']);
    assert.deepEqual(nameTokens('Driver', 0, 100, lower, true), []);
    assert.deepEqual(nameTokens('Mark Felt', 0, 100, lower, true), ['mark', 'felt']);
    assert.deepEqual(nameTokens('Driver', 0, 100, lower, false), ['driver']);
    // After a colon or opening quotes a word starts the sentence too; a word in capitals says nothing by its capitals.
    const doc = 'Harbour crash: Driver held';
    assert.deepEqual(nameTokens('Driver', 15, 0, lower, false, doc), []);
    assert.deepEqual(nameTokens('DRIVER', 40, 0, lower), []);
  });

  it('a mention is a proper name only when its head is a name: not "Mafia boss" or "Harbour mother of 12"', () => {
    assert.equal(headWord('Harbour mother of 12'), 'mother');
    assert.equal(headWord('Mafia boss'), 'boss');
    assert.equal(headWord("Vincent 'The Jaw' Garrani"), 'garrani');
    assert.equal(headWord("Garrani's body"), 'garrani');
    assert.equal(headWord('Dr. Pell Varga of Corran University'), 'varga');
  });
});

describe('eval:real FNC-1 CSV', () => {
  it('reads stance rows with or without a header, words or alphabetical codes, quoted commas and quotes', () => {
    const csv = 'Headline,Body ID,Stance\n"Mayor, aides ""quit"" over bridge",12,discuss\nPlain headline here,7,unrelated\r\n';
    assert.deepEqual(parseStances(csv), [
      { headline: 'Mayor, aides "quit" over bridge', bodyId: '12', stance: 'discuss' },
      { headline: 'Plain headline here', bodyId: '7', stance: 'unrelated' },
    ]);
    assert.deepEqual(parseStances('A,1,0\nB,2,1\nC,3,2\nD,4,3\n').map((p) => p.stance), ['agree', 'disagree', 'discuss', 'unrelated']);
    assert.throws(() => parseStances('A,1,maybe\n'), /bad stance row/);
  });

  it('reads bodies that run over several lines', () => {
    const bodies = parseBodies('Body ID,articleBody\n3,"First line.\n\nSecond, with ""quotes""."\n4,Short\n');
    assert.equal(bodies.get('3'), 'First line.\n\nSecond, with "quotes".');
    assert.equal(bodies.get('4'), 'Short');
  });
});

describe('eval:real command line', () => {
  it('parses corpora, limits and splits, and rejects the unknown', () => {
    const a = parseArgs(['--corpus', 'ecbplus,polnear', '--limit=50', '--split', 'dev'], '/tmp/real');
    assert.deepEqual([a.corpora, a.limit, a.split, a.root, a.command], [['ecbplus', 'polnear'], 50, 'dev', '/tmp/real', 'run']);
    const p = parseArgs(['prepare', 'polnear', '--from', '/x/repo'], '/tmp/real');
    assert.deepEqual([p.command, p.prepareName, p.from], ['prepare', 'polnear', '/x/repo']);
    assert.deepEqual(parseArgs(['prepare', 'fnc1', '--stances', 'a.csv,b.csv'], '/tmp/real').prepareOptions, { stances: 'a.csv,b.csv' });
    assert.throws(() => parseArgs(['--stances', 'a.csv'], '/tmp/real'), /unknown option/);
    assert.equal(parseArgs(['--compare', '/tmp/before.json'], '/tmp/real').compare, '/tmp/before.json');
  });

  it('lists the cells that changed since an earlier run', () => {
    const before = { title: 'T', columns: ['code', 'P', 'R'], rows: [['a', 0.5, 0.2], ['b', 0.1, null]] };
    const after = { title: 'T', columns: ['code', 'P', 'R'], rows: [['a', 0.6, 0.2], ['b', 0.1, 0.3], ['c', 1, 1]] };
    assert.equal(formatChanges(before, after), ['  Δ a / P: 0.5 → 0.6', '  Δ b / R: – → 0.3', '  Δ c / P: new → 1', '  Δ c / R: new → 1'].join('\n'));
    assert.equal(formatChanges(before, before), '  (no change)');
    assert.throws(() => parseArgs(['--corpus', 'nope'], '/tmp/real'), /unknown corpus/);
    assert.throws(() => parseArgs(['--limit', '0'], '/tmp/real'), /positive/);
    assert.throws(() => parseArgs(['--frobnicate'], '/tmp/real'), /unknown option/);
  });
});

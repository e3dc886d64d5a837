// name-variant and title-conflict scoring against span-only people gold (src/tools/evalReal/meetingsPeople.ts), on
// two short texts written for these tests.

import * as assert from 'node:assert/strict';
import { scoreNameVariants, scoreTitleConflicts, SEEDED_OFFICE, seedTitleConflicts, spellingVariants, surnameForm } from '../../src/tools/evalReal/meetingsPeople';
import { ClaimsGold, scoreClaims } from '../../src/tools/evalReal/meetingsClaims';
import type { MeetingsGold } from '../../src/tools/evalReal/meetingsScore';

const a = 'Marnish President Tomas Kovač met Osk Brandt in Velm. Kovač said the talks went well.';
const b = 'Marnish President Tomas Kovac arrived in Velm, where Chancellor Osk Brandt greeted him.';
const texts = new Map([
  ['a.txt', a],
  ['b.txt', b],
]);

function span(text: string, part: string, from = 0): [number, number] {
  const s = text.indexOf(part, from);
  assert.ok(s >= 0, `no "${part}"`);
  return [s, s + part.length];
}

const gold: MeetingsGold = {
  meetings: [],
  conflicts: [],
  figures: [],
  articles: [
    {
      file: 'a.txt',
      split: 'dev',
      accounts: [],
      people: [
        { name: 'Tomas Kovac', span: span(a, 'Tomas Kovač'), title: span(a, 'Marnish President') },
        { name: 'Osk Brandt', span: span(a, 'Osk Brandt') },
        { name: 'Tomas Kovac', span: span(a, 'Kovač', 40) },
      ],
    },
    {
      file: 'b.txt',
      split: 'dev',
      accounts: [],
      people: [
        { name: 'Tomas Kovac', span: span(b, 'Tomas Kovac'), title: span(b, 'Marnish President') },
        { name: 'Osk Brandt', span: span(b, 'Osk Brandt'), title: span(b, 'Chancellor') },
      ],
    },
  ],
};

const at = (file: string, s: [number, number]) => ({ file, start: s[0], end: s[1] });

describe('eval:real people: name-variant', () => {
  it('tells spellings of one name from other name parts, scripts and particles', () => {
    assert.ok(spellingVariants('kovač', 'kovac'));
    assert.ok(spellingVariants('brandtt', 'brandt'));
    assert.ok(!spellingVariants('xu', 'xue'));
    assert.ok(!spellingVariants('tomas', 'kovac'));
    assert.ok(!spellingVariants('ковач', 'kovac'));
    assert.equal(surnameForm('Hamid al-Rasheed'), 'rasheed');
    assert.equal(surnameForm('Kovač’s'), 'kovač');
  });

  it('counts a finding right on one person, wrong across two, unjudged off the gold, and recall per person', () => {
    const right = { ...at('b.txt', span(b, 'Tomas Kovac')), related: [at('a.txt', span(a, 'Tomas Kovač'))] };
    const wrong = { ...at('b.txt', span(b, 'Osk Brandt')), related: [at('a.txt', span(a, 'Tomas Kovač'))] };
    const off = { ...at('b.txt', span(b, 'Velm')), related: [at('a.txt', span(a, 'Velm'))] };
    const s = scoreNameVariants(gold, texts, [right, wrong, off]);
    assert.deepEqual([s.findings, s.right, s.differentPeople, s.unjudged], [3, 1, 1, 1]);
    assert.deepEqual(s.variantPeople, ['Tomas Kovac']);
    assert.deepEqual(s.caughtPeople, ['Tomas Kovac']);
    assert.deepEqual(scoreNameVariants(gold, texts, []).caughtPeople, []);
  });
});

describe('eval:real people: title-conflict', () => {
  it('seeds one conflicting title per person titled in two files, before a full name, one seed per file', () => {
    const { texts: seeded, seeds } = seedTitleConflicts(gold, texts);
    assert.equal(seeds.length, 1, 'Brandt is titled in one file only');
    assert.equal(seeds[0].name, 'Tomas Kovac');
    assert.equal(seeded.get(seeds[0].file)!.slice(seeds[0].start, seeds[0].end), SEEDED_OFFICE);
    assert.ok(seeded.get(seeds[0].file)!.includes(`${SEEDED_OFFICE} Tomas Kov`));
  });

  it('counts findings on the corpus as is as false or unjudged, right only on a listed conflict, and seeds caught', () => {
    const { seeds } = seedTitleConflicts(gold, texts);
    const onOne = { ...at('a.txt', span(a, 'Marnish President')), related: [at('b.txt', span(b, 'Marnish President'))] };
    const across = { ...at('b.txt', span(b, 'Chancellor')), related: [at('a.txt', span(a, 'Marnish President'))] };
    const s = scoreTitleConflicts(gold, [onOne, across], seeds, []);
    assert.deepEqual([s.findings, s.right, s.onOneParticipant, s.differentPeople, s.seeds, s.caught], [2, 0, 1, 1, 1, 0]);
    const listed = { a: { file: 'a.txt', span: span(a, 'Marnish President') }, b: { file: 'b.txt', span: span(b, 'Marnish President') }, reason: 'test' };
    const t = scoreTitleConflicts(gold, [onOne], seeds, [], [listed]);
    assert.deepEqual([t.right, t.realCaught, t.onOneParticipant], [1, 1, 0]);
    const seed = seeds[0];
    const other = seed.file === 'a.txt' ? at('b.txt', span(b, 'Marnish President')) : at('a.txt', span(a, 'Marnish President'));
    const u = scoreTitleConflicts(gold, [], seeds, [{ ...other, related: [{ file: seed.file, start: seed.start, end: seed.end }] }]);
    assert.deepEqual([u.caught, u.seededFindings, u.seededFindingsOnSeeds], [1, 1, 1]);
  });
});

describe('eval:real meetings: unattributed-claim against labelled sentences', () => {
  it('judges a flag by the labelled sentence it overlaps most, counts unlisted ones as unjudged, and recall over unattributed claims', () => {
    const claims: ClaimsGold = {
      articles: [
        {
          file: 'a.txt',
          split: 'dev',
          sentences: [
            { span: [0, 40], label: 'unattributed' },
            { span: [41, 90], label: 'attributed' },
            { span: [91, 120], label: 'not-a-claim' },
            { span: [121, 160], label: 'unattributed' },
          ],
        },
        { file: 'b.txt', split: 'check', sentences: [{ span: [0, 30], label: 'unattributed' }] },
      ],
    };
    const flags = [
      { file: 'a.txt', start: 0, end: 45 }, // mostly the first sentence
      { file: 'a.txt', start: 38, end: 90 }, // mostly the attributed one
      { file: 'a.txt', start: 91, end: 120 },
      { file: 'a.txt', start: 200, end: 230 }, // no labelled sentence there
    ];
    const all = scoreClaims(claims, flags);
    assert.deepEqual([all.flags, all.right, all.onAttributed, all.onNotAClaim, all.unjudged], [4, 1, 1, 1, 1]);
    assert.equal(all.precision, 1 / 3);
    // The second flag also touches the first sentence; recall asks only whether some flag overlaps.
    assert.deepEqual([all.unattributed, all.found], [3, 1]);
    const check = scoreClaims(claims, flags, new Set(['b.txt']));
    assert.deepEqual([check.flags, check.unattributed, check.found, check.precision], [0, 1, 0, null]);
  });
});

// The real-meetings scorer's maths on tiny made-up gold: pairs, accounts, place, date, merges, B³.
import * as assert from 'node:assert/strict';
import {
  dateMatches,
  GoldConflict,
  GoldMeeting,
  MeetingsGold,
  placeMatches,
  PredictedMeeting,
  prf,
  scoreDateConflicts,
  scoreFigureAlarms,
  scoreMeetingsCorpus,
} from '../../src/tools/evalReal/meetingsScore';

const meeting = (id: string, over: Partial<GoldMeeting> = {}): GoldMeeting => ({
  id,
  kind: 'meeting',
  participants: ['Ana Ferrow', 'Bel Kosta'],
  place: 'Velmora',
  date: '2030-05-02',
  split: 'dev',
  groups: [],
  ...over,
});

// Three articles about meeting M (Velmora, 2 May), one about its repeat R a year later (same pair, same group),
// and one in the check split about C.
const gold: MeetingsGold = {
  meetings: [
    meeting('M', { groups: ['pair'] }),
    meeting('R', { date: '2031-05-09', groups: ['pair'] }),
    meeting('C', { split: 'check', place: null, kind: 'call' }),
  ],
  articles: [
    { file: 'a.txt', split: 'dev', accounts: [{ meeting: 'M', role: 'main', datable: true, spans: [[0, 50]] }] },
    { file: 'b.txt', split: 'dev', accounts: [{ meeting: 'M', role: 'main', datable: false, spans: [[10, 30], [100, 120]] }] },
    {
      file: 'c.txt',
      split: 'dev',
      accounts: [
        { meeting: 'M', role: 'mention', datable: true, spans: [[200, 240]] },
        { meeting: 'R', role: 'main', datable: true, spans: [[0, 60]] },
      ],
    },
    { file: 'd.txt', split: 'dev', accounts: [{ meeting: 'R', role: 'main', datable: true, spans: [[5, 40]] }] },
    { file: 'e.txt', split: 'check', accounts: [{ meeting: 'C', role: 'main', datable: true, spans: [[0, 20]] }] },
  ],
};

describe('eval:real meetings scorer', () => {
  it('computes precision, recall and F1 from counts', () => {
    assert.deepEqual(prf(3, 1, 2), { tp: 3, fp: 1, fn: 2, precision: 0.75, recall: 0.6, f1: (2 * 0.75 * 0.6) / 1.35 });
    assert.equal(prf(0, 0, 0).f1, null);
    assert.equal(prf(0, 2, 0).f1, 0);
  });

  it('matches places by name, alias or whole words inside a longer phrase', () => {
    const m = meeting('M', { placeAlso: ['Velmorë Palace'] });
    assert.ok(placeMatches(m, 'Velmora'));
    assert.ok(placeMatches(m, 'the resort town of Velmora'));
    assert.ok(placeMatches(m, 'Velmore palace'));
    assert.ok(!placeMatches(m, 'Velmoran'));
    assert.ok(!placeMatches(m, null));
    assert.ok(placeMatches(meeting('C', { place: null }), null));
    assert.ok(!placeMatches(meeting('C', { place: null }), 'Velmora'));
  });

  it('judges dates: range, month precision, honest unknowns, weeks', () => {
    const visit = meeting('V', { date: '2030-05-02', dateEnd: '2030-05-04' });
    assert.ok(dateMatches(visit, true, '2030-05-03'));
    assert.ok(!dateMatches(visit, true, '2030-05-05'));
    assert.ok(!dateMatches(visit, true, null), 'the page dates it: unknown is wrong');
    assert.ok(dateMatches(visit, false, null), 'the page gives no date: unknown is honest');
    assert.ok(dateMatches(visit, false, '2030-05'), 'month only, when the page gives only the month');
    assert.ok(!dateMatches(visit, true, '2030-05'), 'month only, when the page gives the day');
    assert.ok(dateMatches(meeting('Q', { date: '2030-05' }), true, '2030-05-17'));
    assert.ok(dateMatches(visit, false, '2030-05-08/w'));
    assert.ok(!dateMatches(visit, false, '2030-05-20/w'));
    assert.ok(!dateMatches(visit, true, '2030-05-03/w'));
    assert.ok(!dateMatches(visit, false, '2030'));
  });

  it('scores a perfect prediction as perfect', () => {
    const predicted: PredictedMeeting[] = [
      { id: 'p1', place: 'Velmora', date: '2030-05-02', accounts: [{ file: 'a.txt', start: 0, end: 10 }, { file: 'b.txt', start: 105, end: 110 }, { file: 'c.txt', start: 210, end: 215 }] },
      { id: 'p2', place: 'Velmora', date: '2031-05-09', accounts: [{ file: 'c.txt', start: 0, end: 10 }, { file: 'd.txt', start: 0, end: 10 }] },
    ];
    const s = scoreMeetingsCorpus(gold, predicted, 'dev');
    assert.equal(s.articles, 4);
    assert.equal(s.goldAccounts, 5);
    // pairs: a-b, a-c, b-c (M) and c-d (R): 4 gold pairs
    assert.deepEqual([s.pairs.tp, s.pairs.fp, s.pairs.fn], [4, 0, 0]);
    // main accounts only: c.txt's mention of M is left out on both sides, so a-b and c-d remain
    assert.deepEqual([s.mainPairs.tp, s.mainPairs.fp, s.mainPairs.fn], [2, 0, 0]);
    assert.equal(s.accountsFoundRate, 1);
    assert.equal(s.placeRightRate, 1);
    assert.equal(s.dateRightRate, 1);
    assert.equal(s.confusableWrongMerges, 0);
    assert.deepEqual(s.b3, { precision: 1, recall: 1, f1: 1 });
  });

  it('counts a merge of confusable meetings, the false pairs it makes and its B³ precision', () => {
    const predicted: PredictedMeeting[] = [
      {
        id: 'p',
        place: 'Velmora',
        date: null,
        accounts: [{ file: 'a.txt', start: 0, end: 5 }, { file: 'b.txt', start: 12, end: 14 }, { file: 'c.txt', start: 0, end: 5 }, { file: 'd.txt', start: 6, end: 8 }],
      },
    ];
    const s = scoreMeetingsCorpus(gold, predicted, 'dev');
    // all 6 article pairs linked; gold has 4 (a-b, a-c, b-c, c-d): a-d and b-d are false
    assert.deepEqual([s.pairs.tp, s.pairs.fp, s.pairs.fn], [4, 2, 0]);
    // main accounts only: gold a-b, c-d; predicted links all four articles (c.txt's account falls on R, a main one)
    assert.deepEqual([s.mainPairs.tp, s.mainPairs.fp, s.mainPairs.fn], [2, 4, 0]);
    assert.equal(s.confusableWrongMerges, 1);
    assert.equal(s.wrongMerges, 1);
    // c.txt's mention of M (200-240) is not overlapped: 4 of 5 accounts found
    assert.equal(s.accountsFound, 4);
    // no date: right only for b.txt (the page gives none)
    assert.equal(s.dateRight, 1);
    // B³: found accounts a,b (M) and c,d (R) share one cluster of 4; c's mention is a singleton
    // precision: (2/4)*4 + 1 = 3 -> 3/5; recall: M: a,b see 2 of 3, mention 1 of 3; R: c,d see 2 of 2
    assert.ok(Math.abs((s.b3.precision ?? 0) - 3 / 5) < 1e-9);
    assert.ok(Math.abs((s.b3.recall ?? 0) - (2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5) < 1e-9);
  });

  it('keeps the splits apart and reports misses', () => {
    const s = scoreMeetingsCorpus(gold, [], 'check');
    assert.equal(s.articles, 1);
    assert.equal(s.accountsFound, 0);
    assert.equal(s.placeRightRate, null);
    assert.deepEqual([s.pairs.tp, s.pairs.fp, s.pairs.fn], [0, 0, 0]);
    assert.equal(s.b3.precision, 1);
    assert.ok(s.errors.some((e) => e.startsWith('missed account: e.txt#C')));
    const all = scoreMeetingsCorpus(gold, [], 'all');
    assert.equal(all.articles, 5);
    assert.equal(all.pairs.fn, 4);
  });

  it('counts a gold date conflict as caught only when a finding links files with different days', () => {
    const conflicts: GoldConflict[] = [
      { kind: 'date', meeting: 'M', values: [{ file: 'a.txt', span: [0, 5], value: '2030-05-01' }, { file: 'b.txt', span: [0, 5], value: '2030-05-02' }, { file: 'c.txt', span: [0, 5], value: '2030-05-02' }] },
    ];
    // b and c agree: a finding linking them is not this conflict
    assert.equal(scoreDateConflicts(conflicts, [{ file: 'b.txt', relatedFiles: ['c.txt'] }]).caught, 0);
    const s = scoreDateConflicts(conflicts, [{ file: 'c.txt', relatedFiles: ['a.txt'] }, { file: 'z.txt', relatedFiles: ['a.txt'] }]);
    assert.deepEqual([s.gold, s.caught, s.findings, s.findingsOutsideGold], [1, 1, 2, 1]);
    // restricted to a split whose files take no part in the conflict
    assert.equal(scoreDateConflicts(conflicts, [], new Set(['z.txt'])).gold, 0);
  });

  it('counts a figure-conflict between figures the gold marks as agreeing as a false alarm', () => {
    const groups = [{ meeting: 'M', quantity: 'length', compatible: true as const, values: [{ file: 'a.txt', span: [10, 20] as [number, number], value: '3 hours' }, { file: 'b.txt', span: [30, 40] as [number, number], value: 'about 3 hours' }] }];
    const onBoth = { file: 'a.txt', start: 12, end: 15, related: [{ file: 'b.txt', start: 30, end: 35 }] };
    const elsewhere = { file: 'a.txt', start: 50, end: 55, related: [{ file: 'b.txt', start: 30, end: 35 }] };
    const s = scoreFigureAlarms(groups, [onBoth, elsewhere]);
    assert.deepEqual([s.groups, s.falseAlarms, s.findings], [1, 1, 2]);
    assert.equal(scoreFigureAlarms(groups, [onBoth], new Set(['c.txt'])).findings, 0);
  });
});

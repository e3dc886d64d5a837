// Linking the accounts of one meeting across articles, and each account's own day and place: the classes real
// coverage showed (issue 14), each in made-up sentences about made-up people and places (no page text).

import * as assert from 'node:assert/strict';
import { analyse } from '../../src/core/analyse';
import { resolveDayMonth } from '../../src/core/time/extract';

function accountsOf(body: string, published?: string, name = 'a.txt') {
  const uri = `file:///cluster/${name}`;
  const a = analyse({ uri, text: body, externalMeta: published ? { published, outlet: 'Test Outlet' } : { outlet: 'Test Outlet' } });
  return { accounts: a.accounts, uri, published: a.article.published?.iso };
}

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

// The reading desk over the protocol: the compare panel's data (sourcelens/compare).

import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { serverForSuite, TestClient } from './lspClient';
import type { CompareResult, MeetingSummary } from '../../src/shared/protocol';
import type { CoverageData } from '../../src/core/coverage';

describe('language server: compare accounts (sourcelens/compare)', function () {
  let client: TestClient;
  const suite = serverForSuite(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-compare-'));
    writeFileSync(path.join(dir, 'ledger.txt'), 'Kendrow and Brisk sign deals\n\nVelorian Foreign Minister Ilsa Kendrow met Otto Brisk in Ankara on Tuesday. The two sides signed 12 agreements.\n\n"We have opened a new chapter in the friendship of our two peoples," Kendrow told reporters after the talks.\n');
    writeFileSync(path.join(dir, 'wire.txt'), 'Brisk hosts Kendrow\n\nOtto Brisk received Velorian Defence Minister Ilsa Kendrow in Ankara on Tuesday. They signed 9 agreements.\n\n"We have opened a new page in the friendship of our peoples," Kendrow said after the talks.\n');
    writeFileSync(path.join(dir, 'post.txt'), 'Kendrow in Ankara\n\nIlsa Kendrow met Otto Brisk in Ankara on Tuesday. The two sides signed 12 agreements.\n');
    writeFileSync(path.join(dir, 'sources.yaml'), 'ledger.txt:\n  outlet: Velorian Daily\n  published: 2031-03-05\nwire.txt:\n  outlet: Marnish Wire\n  published: 2031-03-05\npost.txt:\n  outlet: Ankara Post\n  published: 2031-03-05\n');
    return dir;
  });
  before(() => ({ client } = suite));

  it('returns one column per outlet, rows aligned by what they report, disagreements marked', async () => {
    const meetings = await client.request<MeetingSummary[]>('sourcelens/meetings', null);
    const meeting = meetings.find((m) => m.accounts.length === 3);
    assert.ok(meeting, `a meeting with three accounts: ${meetings.map((m) => m.label).join('; ')}`);
    const result = await client.request<CompareResult>('sourcelens/compare', { meetingId: meeting.id });
    assert.deepEqual(result.columns.map((c) => c.outlet).sort(), ['Ankara Post', 'Marnish Wire', 'Velorian Daily']);
    const col = (outlet: string) => result.columns.findIndex((c) => c.outlet === outlet);
    const figure = result.rows.find((r) => r.kind === 'figure' && /agreements/.test(r.label));
    assert.ok(figure, 'a figure row for the agreements');
    assert.equal(figure.disagreement, true);
    assert.equal(figure.cells[col('Marnish Wire')].value, '9');
    assert.equal(figure.cells[col('Ankara Post')].value, '12');
    const kendrow = result.rows.find((r) => r.kind === 'participant' && /Kendrow/.test(r.label))!;
    assert.equal(kendrow.disagreement, true, 'foreign vs defence minister');
    const quote = result.rows.find((r) => r.kind === 'quote')!;
    assert.ok(quote, 'a quote row');
    assert.equal(quote.disagreement, true);
    assert.equal(quote.cells[col('Ankara Post')].passages.length, 0);
    const versions = quote.cells.flatMap((c) => c.passages);
    assert.equal(versions.length, 2);
    const diffed = versions.find((p) => p.diff)!;
    assert.ok(diffed.diff!.some((d) => d.op === 'added' && /page/.test(d.value)) && diffed.diff!.some((d) => d.op === 'removed' && /chapter/.test(d.value)));
    // Every passage points at its own text in its article.
    const wire = versions.find((p) => p.uri === client.uri('wire.txt'))!;
    assert.equal(wire.range.start.line, 4);
  });

  it('shows the quote card anywhere inside a quote, not only on its first characters', async () => {
    const line = '"We have opened a new page in the friendship of our peoples," Kendrow said after the talks.';
    for (const word of ['friendship', 'peoples']) {
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: client.uri('wire.txt') }, position: { line: 4, character: line.indexOf(word) + 2 } });
      assert.ok(hover, `a hover on “${word}”`);
      assert.match(hover.contents.value, /quotation/);
      assert.match(hover.contents.value, /Speaker: \*\*Kendrow\*\*/);
    }
  });

  it('gives the coverage data: accounts by outlet and date, sourcing profile per outlet, word choices', async () => {
    const data = await client.request<CoverageData>('sourcelens/coverage', null);
    assert.equal(data.articles, 3);
    assert.deepEqual(data.outlets.map((o) => o.outlet).sort(), ['Ankara Post', 'Marnish Wire', 'Velorian Daily']);
    for (const o of data.outlets) assert.ok(o.attributedShare >= 0 && o.attributedShare <= 1 && o.sentences > 0, JSON.stringify(o));
    assert.equal(data.outlets.find((o) => o.outlet === 'Ankara Post')!.quotesPerArticle, 0);
    assert.equal(data.outlets.find((o) => o.outlet === 'Marnish Wire')!.quotesPerArticle, 1);
    assert.equal(data.accounts.length, 3);
    assert.ok(data.accounts.every((a) => a.date === '2031-03-04' && a.accounts === 3));
    assert.ok(data.accounts.find((a) => a.outlet === 'Marnish Wire')!.disagrees, '9 agreements against 12');
  });

  it('answers null for an unknown meeting', async () => {
    assert.equal(await client.request('sourcelens/compare', { meetingId: 'nope' }), null);
  });
});

// The reading desk over the protocol: the compare panel's data (sourcelens/compare).

import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { serverForSuite, TestClient } from './lspClient';
import type { CompareResult, EventSummary, MeetingSummary } from '../../src/shared/protocol';
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

  it('renders the Coverage page for the webview: every stylesheet (Plot\'s too) carries the CSP nonce, no inline style attributes', async () => {
    const head = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123';">`;
    const html = await client.request<string>('sourcelens/coverageHtml', { head, tail: '<script nonce="abc123"></script>' });
    const styles = html.match(/<style\b[^>]*>/g) ?? [];
    assert.ok(styles.length >= 4, `our stylesheet and one per chart: ${styles.length}`);
    for (const tag of styles) assert.match(tag, /nonce="abc123"/);
    assert.doesNotMatch(html, /\sstyle="/, 'a style attribute would need unsafe-inline');
    assert.ok(html.includes(head) && /<script nonce="abc123"><\/script>\s*<\/body>/.test(html));
    assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'no script but the nonce\'d one');
  });

  it('answers null for an unknown meeting', async () => {
    assert.equal(await client.request('sourcelens/compare', { meetingId: 'nope' }), null);
  });
});

describe('language server: compare the articles of an event (sourcelens/events, sourcelens/compare)', function () {
  let client: TestClient;
  const suite = serverForSuite(() => {
    // Three outlets report one invented quake; two give different tolls. Two unrelated stories keep the event's
    // shared words (the town, the mayor) rare enough to link the three.
    const dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-compare-event-'));
    writeFileSync(path.join(dir, 'ledger.txt'), 'Quake kills 31 in the Marnish hills\n\nA magnitude 6.1 earthquake struck the Marnish hills near Tolvar on Monday, killing 31 people and injuring 120, officials said.\n\n"The houses fell like cards in the night," Tolvar mayor Ilse Varga said.\n');
    writeFileSync(path.join(dir, 'wire.txt'), 'Earthquake near Tolvar kills 13\n\nA magnitude 6.1 earthquake hit the Marnish hills near Tolvar on Monday, killing 13 people and injuring 120, the civil defence agency said.\n\n"The houses fell like cards in the dark," Tolvar mayor Ilse Varga told reporters.\n');
    writeFileSync(path.join(dir, 'post.txt'), 'Strong quake shakes Tolvar\n\nA strong earthquake of magnitude 6.1 shook the Marnish hills near Tolvar on Monday, killing 31 people, officials said. Rescue teams searched the rubble through the night.\n\n"The houses fell like cards," Tolvar mayor Ilse Varga said.\n');
    writeFileSync(path.join(dir, 'budget.txt'), 'Harbour budget passes\n\nThe Velorian parliament approved the harbour budget on Tuesday after a long debate about dredging costs.\n');
    writeFileSync(path.join(dir, 'cup.txt'), 'Tolvar United win the cup\n\nTolvar United beat Kessel 2-1 in the cup final on Sunday, with a late goal from their captain.\n');
    writeFileSync(path.join(dir, 'sources.yaml'), ['ledger.txt: Velorian Daily', 'wire.txt: Marnish Wire', 'post.txt: Ankara Post', 'budget.txt: Velorian Daily', 'cup.txt: Marnish Wire']
      .map((l) => l.split(': ')).map(([f, o]) => `${f}:\n  outlet: ${o}\n  published: 2031-04-08\n`).join(''));
    return dir;
  });
  before(() => ({ client } = suite));

  it('lists the stories two or more outlets report, with their figure conflicts', async () => {
    const events = await client.request<EventSummary[]>('sourcelens/events', null);
    const quake = events.find((e) => e.articles.some((a) => a.uri === client.uri('ledger.txt')));
    assert.ok(quake, `the quake among ${events.map((e) => e.label).join('; ')}`);
    assert.equal(quake.outlets, 3);
    assert.deepEqual(quake.articles.map((a) => a.outlet).sort(), ['Ankara Post', 'Marnish Wire', 'Velorian Daily']);
    assert.equal(quake.conflicts, 1, '31 against 13 killed, once per pair');
    assert.ok(!events.some((e) => e.articles.some((a) => a.uri === client.uri('budget.txt'))), 'a story one outlet reports is not listed');
  });

  it('compares an event by id and from a position: leads\' figures aligned, shared quotes diffed', async () => {
    const events = await client.request<EventSummary[]>('sourcelens/events', null);
    const quake = events.find((e) => e.articles.some((a) => a.uri === client.uri('ledger.txt')))!;
    const byId = await client.request<CompareResult>('sourcelens/compare', { eventId: quake.id });
    assert.equal(byId.kind, 'event');
    assert.equal(byId.columns.length, 3);
    const col = (outlet: string) => byId.columns.findIndex((c) => c.outlet === outlet);
    const killed = byId.rows.find((r) => r.kind === 'figure' && /killed/.test(r.label));
    assert.ok(killed, `a row for the toll: ${byId.rows.map((r) => r.label).join(' / ')}`);
    assert.equal(killed.disagreement, true);
    assert.equal(killed.cells[col('Marnish Wire')].value, '13');
    assert.equal(killed.cells[col('Ankara Post')].value, '31');
    assert.equal(killed.cells[col('Marnish Wire')].passages[0].range.start.line, 2);
    const magnitude = byId.rows.find((r) => r.kind === 'figure' && /magnitude/.test(r.label))!;
    assert.equal(magnitude.disagreement, false, 'all three give 6.1');
    const quote = byId.rows.find((r) => r.kind === 'quote');
    assert.ok(quote && quote.disagreement && quote.cells.flatMap((c) => c.passages).some((p) => p.diff?.some((d) => d.op === 'added' && /dark/.test(d.value))), JSON.stringify(quote));
    // The command from a finding or the cursor: the position of the figure-conflict in wire.txt.
    const line = 'A magnitude 6.1 earthquake hit the Marnish hills near Tolvar on Monday, killing 13 people and injuring 120, the civil defence agency said.';
    const fromPosition = await client.request<CompareResult>('sourcelens/compare', { uri: client.uri('wire.txt'), position: { line: 2, character: line.indexOf('13') } });
    assert.deepEqual(fromPosition, byId);
    assert.equal(await client.request('sourcelens/compare', { uri: client.uri('budget.txt'), position: { line: 2, character: 4 } }), null, 'nothing to compare');
    assert.equal(await client.request('sourcelens/compare', { eventId: 'nope' }), null);
  });

  it('offers the comparison on a figure finding and links it from the event hover', async () => {
    const line = 'A magnitude 6.1 earthquake hit the Marnish hills near Tolvar on Monday, killing 13 people and injuring 120, the civil defence agency said.';
    const at = line.indexOf('13');
    const range = { start: { line: 2, character: at }, end: { line: 2, character: at + 2 } };
    const diagnostic = { range, severity: 2, code: 'figure-conflict', source: 'sourcelens', message: 'figure-conflict' };
    const actions = await client.request<{ title: string; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', { textDocument: { uri: client.uri('wire.txt') }, range, context: { diagnostics: [diagnostic] } });
    const compare = actions.find((a) => a.command?.command === 'sourcelens.compareAccounts');
    assert.ok(compare, actions.map((a) => a.title).join(' / '));
    assert.deepEqual(compare.command!.arguments, [{ uri: client.uri('wire.txt'), position: range.start }]);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: client.uri('wire.txt') }, position: { line: 2, character: line.indexOf('earthquake') + 3 } });
    assert.ok(hover, 'a hover on the lead');
    assert.match(hover.contents.value, /\(command:sourcelens\.compareAccounts\?/);
  });
});

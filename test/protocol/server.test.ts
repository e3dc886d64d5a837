// Starts the real bundled server over stdio and speaks LSP to it, as Neovim (push) and VS Code (pull) would.

import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, unlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  CodeAction, Diagnostic, DocumentDiagnosticReport, DocumentSymbol, Hover, SymbolInformation, TextEdit,
  WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { serverForSuite, TestClient } from './lspClient';
import { CorpusRequest, EntitiesRequest, EntityDetail, EntityRequest, EntitySummary, MeetingAtRequest, MeetingRequest, MeetingsRequest } from '../../src/shared/protocol';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/basic');

function copyFixtures(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-proto-'));
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

function codes(diagnostics: Diagnostic[] | undefined): string[] {
  return (diagnostics ?? []).map((d) => String(d.code));
}

describe('language server over stdio (push diagnostics, like Neovim)', function () {
  let dir: string;
  let client: TestClient;

  const suite = serverForSuite(() => copyFixtures());
  before(() => ({ client, dir } = suite));

  it('indexes the whole folder at start-up and pushes diagnostics for files that are not open', async () => {
    const alpha = await client.waitFor(() => client.diagnostics.get(client.uri('alpha.txt')), 10_000, 'alpha diagnostics');
    assert.ok(codes(alpha).includes('structure/no-date'), `alpha: ${codes(alpha)}`);
    assert.ok(codes(alpha).includes('structure/boilerplate'));
    const gamma = await client.waitFor(() => client.diagnostics.get(client.uri('gamma.txt')));
    assert.ok(codes(gamma).includes('structure/missing-headline'));
    assert.ok(!codes(client.diagnostics.get(client.uri('beta.md'))).includes('structure/no-date'), 'beta has front-matter date');
  });

  it('sourcelens/corpus follows an edit at once (summaries are recomputed for the articles that changed)', async () => {
    type Summary = { name: string; boilerplate: number; findings: { hint: number } };
    const before = (await client.request<Summary[]>(CorpusRequest.method, null)).find((a) => a.name === 'gamma.txt')!;
    const uri = client.uri('gamma.txt');
    const text = readFileSync(path.join(dir, 'gamma.txt'), 'utf8');
    client.open('gamma.txt', text);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\nShare this article\n` }] });
    const after = (await client.request<Summary[]>(CorpusRequest.method, null)).find((a) => a.name === 'gamma.txt')!;
    assert.equal(after.boilerplate, before.boilerplate + 1);
    assert.equal(after.findings.hint, before.findings.hint + 1);
    // Closing drops the unsaved edit: the file on disk is read again (asynchronously), and the summary follows.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    let closed = after;
    for (let i = 0; i < 100 && closed.boilerplate !== before.boilerplate; i++) {
      await new Promise((r) => setTimeout(r, 50));
      closed = (await client.request<Summary[]>(CorpusRequest.method, null)).find((a) => a.name === 'gamma.txt')!;
    }
    assert.equal(closed.boilerplate, before.boilerplate, 'closing the unsaved edit goes back to the file on disk');
  });

  it('reports indexing progress with workDoneProgress', () => {
    const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
  });

  it('marks boilerplate as unnecessary hints with source and stable code', () => {
    const boilerplate = client.diagnostics.get(client.uri('alpha.txt'))!.filter((d) => d.code === 'structure/boilerplate');
    assert.equal(boilerplate.length, 3);
    for (const d of boilerplate) {
      assert.equal(d.severity, 4);
      assert.deepEqual(d.tags, [1]);
      assert.equal(d.source, 'sourcelens');
    }
    assert.deepEqual(boilerplate.map((d) => d.range.start.line), [1, 7, 8]);
  });

  it('answers hover on the headline with the article card', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: client.uri('beta.md') }, position: { line: 5, character: 4 } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /^\*\*Sourcelens\*\*/);
    assert.match(value, /The Castora Ledger/);
    assert.match(value, /2031-03-05 \(from front-matter\)/);
  });

  it('gives document symbols: the headline with its paragraphs', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('alpha.txt') } });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'Velorian envoy meets Marnish premier in Castora');
    assert.deepEqual(symbols[0].children?.map((c) => c.name.slice(0, 20)), ['CASTORA - Velorian F', '"We agreed to keep t', 'Quotes', 'People']);
    assert.deepEqual(symbols[0].children![2].children!.map((c) => c.name), ['Kendrow: “We agreed to keep talking,”']);
    assert.deepEqual(symbols[0].children![3].children!.map((c) => [c.name, c.detail]), [['Ilsa Kendrow', 'Velorian Foreign Minister'], ['Otto Brisk', 'Marnish Prime Minister']]);
  });

  it('finds articles by workspace symbol query', async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'marnish hosts' });
    assert.deepEqual(symbols.map((s) => s.name), ['Marnish premier hosts Velorian minister']);
  });

  it('lists the corpus with metadata through sourcelens/corpus', async () => {
    const corpus = await client.request<{ name: string; outlet: string | null; published: string | null; publishedFrom: string | null }[]>(CorpusRequest.method, null);
    assert.deepEqual(
      corpus.map((a) => [a.name, a.outlet, a.published, a.publishedFrom]),
      [
        ['alpha.txt', 'Velorian Daily', null, null],
        ['beta.md', 'The Castora Ledger', '2031-03-05', 'front-matter'],
        ['gamma.txt', 'Marnish Wire', '2031-03-12', 'text'],
      ],
    );
  });

  it('re-analyses unsaved edits of an open document (Neovim sends languageId "text" and lower-case escapes)', async () => {
    const uri = client.uri('alpha.txt').replace('file:///', 'file:///').replace(/%3A/g, '%3a');
    const text = readFileSync(path.join(dir, 'alpha.txt'), 'utf8').replace('Share this article\n', '');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'text', version: 1, text } });
    await client.waitFor(() => client.diagnostics.get(client.uri('alpha.txt'))!.filter((d) => d.code === 'structure/boilerplate').length === 2 || undefined, 10_000, 'edited diagnostics');
  });

  it('offers a quick fix that adds the publication date to sources.yaml', async () => {
    const diagnostic = client.diagnostics.get(client.uri('alpha.txt'))!.find((d) => d.code === 'structure/no-date')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri('alpha.txt') },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const fill = actions.find((a) => a.title.startsWith('Add publication date to sources.yaml'));
    assert.ok(fill, `actions: ${actions.map((a) => a.title)}`);
    const edits = fill!.edit!.changes![client.uri('sources.yaml')] as TextEdit[];
    assert.equal(edits.length, 1);
    assert.match(edits[0].newText, /^# Metadata for articles/m, 'comments are kept');
    assert.match(edits[0].newText, /alpha\.txt:\n {2}outlet: Velorian Daily\n {2}published: ""/);
  });

  it('follows files created, changed and deleted on disk', async () => {
    writeFileSync(path.join(dir, 'delta.txt'), 'Delta headline\n\nBody text of the new article here.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('delta.txt'), type: 1 }] });
    await client.waitFor(() => client.diagnostics.get(client.uri('delta.txt')), 10_000, 'delta diagnostics');
    unlinkSync(path.join(dir, 'delta.txt'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('delta.txt'), type: 3 }] });
    await client.waitFor(() => (client.diagnostics.get(client.uri('delta.txt'))?.length === 0 ? true : undefined), 10_000, 'delta cleared');
  });

  it('"Ignore this finding" writes sourcelens.suppressions.yaml, and the finding is gone once the file exists', async () => {
    const diagnostic = client.diagnostics.get(client.uri('gamma.txt'))!.find((d) => d.code === 'structure/missing-headline')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri('gamma.txt') }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const ignore = actions.find((a) => a.title === 'Ignore this structure/missing-headline finding (sourcelens.suppressions.yaml)')!;
    assert.ok(ignore, actions.map((a) => a.title).join(' | '));
    const change = ignore.edit!.documentChanges![1] as { edits: TextEdit[] };
    assert.match(change.edits[0].newText, /- file: gamma\.txt\n {4}rule: structure\/missing-headline\n {4}fingerprint: [0-9a-f]{16}\n {4}text: A long first line/);
    writeFileSync(path.join(dir, 'sourcelens.suppressions.yaml'), change.edits[0].newText);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('sourcelens.suppressions.yaml'), type: 1 }] });
    await client.waitFor(() => (codes(client.diagnostics.get(client.uri('gamma.txt'))).includes('structure/missing-headline') ? undefined : true), 10_000, 'suppressed');
  });

  it('applies a sources.yaml change to the articles in its folder', async () => {
    writeFileSync(path.join(dir, 'sources.yaml'), 'alpha.txt:\n  outlet: Velorian Daily\n  published: 2031-03-04\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('sources.yaml'), type: 2 }] });
    await client.waitFor(() => (codes(client.diagnostics.get(client.uri('alpha.txt'))).includes('structure/no-date') ? undefined : true), 10_000, 'date applied');
  });

  it('reports a malformed sources.yaml on the file itself and keeps analysing', async () => {
    writeFileSync(path.join(dir, 'sources.yaml'), 'alpha.txt: [unclosed\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('sources.yaml'), type: 2 }] });
    const d = await client.waitFor(() => client.diagnostics.get(client.uri('sources.yaml'))?.[0], 10_000, 'sources.yaml diagnostic');
    assert.equal(d.code, 'structure/invalid-sources');
    assert.ok(client.diagnostics.get(client.uri('alpha.txt'))!.length > 0);
  });
});

describe('language server with pull diagnostics (like VS Code)', function () {
  let client: TestClient;

  const suite = serverForSuite(() => copyFixtures(), { pull: true, settings: { rules: { 'structure/boilerplate': 'off' } } });
  before(() => ({ client } = suite));

  it('declares a diagnostic provider and pushes nothing', () => {
    assert.ok(client.initializeResult.capabilities.diagnosticProvider);
    assert.equal(client.diagnostics.size, 0);
  });

  it('answers document pulls, honouring rule settings', async () => {
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: client.uri('alpha.txt') } });
    assert.equal(report.kind, 'full');
    const items = (report as { items: Diagnostic[] }).items;
    assert.deepEqual(codes(items), ['structure/no-date'], 'boilerplate is turned off by settings');
    const again = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri: client.uri('alpha.txt') },
      previousResultId: (report as { resultId: string }).resultId,
    });
    assert.equal(again.kind, 'unchanged');
  });

  it('answers workspace pulls for every article in the corpus', async () => {
    const report = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const uris = report.items.map((i) => path.basename(i.uri)).sort();
    assert.deepEqual(uris, ['alpha.txt', 'beta.md', 'gamma.txt']);
  });
});

describe('language server: dates and figures', function () {
  let dir: string;
  let client: TestClient;

  const suite = serverForSuite(() => copyFixtures());
  before(() => ({ client, dir } = suite));

  it('shows the resolved date of "on Tuesday" as an inlay hint', async () => {
    const hints = await client.request<{ position: { line: number; character: number }; label: string }[]>('textDocument/inlayHint', {
      textDocument: { uri: client.uri('beta.md') },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    });
    // beta.md is published on Wednesday 2031-03-05: "on Tuesday" is the day before.
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [[7, '2031-03-04']]);
    const line = readFileSync(path.join(dir, 'beta.md'), 'utf8').split('\n')[7];
    assert.equal(line.slice(0, hints[0].position.character).endsWith('on Tuesday'), true);
  });

  it('explains a figure on hover, with its value and what it counts', async () => {
    const text = readFileSync(path.join(dir, 'beta.md'), 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('3.5 million'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: client.uri('beta.md') }, position: { line, character: text[line].indexOf('3.5') + 1 } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /figure: money/);
    assert.match(value, /3,500,000 USD/);
  });

  it('lists figures in the outline', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('beta.md') } });
    const figures = symbols[0].children!.find((c) => c.name === 'Figures');
    assert.deepEqual(figures?.children?.map((c) => [c.name, c.detail]), [['3.5 million', 'discussed']]);
  });
});

describe('language server: conflicts between accounts of one meeting', function () {
  let dir: string;
  let client: TestClient;
  const suite = serverForSuite(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-conflict-'));
    writeFileSync(path.join(dir, 'ledger.txt'), 'Kendrow and Brisk sign deals\n\nIlsa Kendrow met Otto Brisk in Ankara on Tuesday. The two sides signed 12 agreements.\n');
    writeFileSync(path.join(dir, 'wire.txt'), 'Brisk hosts Kendrow\n\nOtto Brisk received Ilsa Kendrow in Ankara on Monday. They signed 9 agreements.\n');
    writeFileSync(path.join(dir, 'sources.yaml'), 'ledger.txt:\n  outlet: Velorian Daily\n  published: 2031-03-05\nwire.txt:\n  outlet: Marnish Wire\n  published: 2031-03-05\n');
    return dir;
  });
  before(() => ({ client, dir } = suite));

  it('pushes figure-conflict and date-conflict with related information pointing at the other account', async () => {
    const diagnostics = await client.waitFor(() => {
      const d = client.diagnostics.get(client.uri('ledger.txt')) ?? [];
      return d.some((x) => x.code === 'figure-conflict') && d.some((x) => x.code === 'date-conflict') ? d : undefined;
    }, 10_000, 'conflicts');
    const figure = diagnostics.find((d) => d.code === 'figure-conflict')!;
    assert.equal(figure.severity, 2);
    assert.match(figure.message, /Velorian Daily gives 12 agreements; Marnish Wire \(wire\.txt\) gives 9 agreements for the same meeting/);
    assert.equal(figure.relatedInformation![0].location.uri, client.uri('wire.txt'));
    const wireLine = readFileSync(path.join(dir, 'wire.txt'), 'utf8').split('\n')[2];
    assert.deepEqual(figure.relatedInformation![0].location.range.start, { line: 2, character: wireLine.indexOf(' 9 ') + 1 });
  });

  it('the headline hover lists the other outlet’s headline for the same meeting', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: client.uri('ledger.txt') }, position: { line: 0, character: 3 } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Other outlets on the same meeting:\n\n- Marnish Wire: Brisk hosts Kendrow/);
  });

  it('lists the open conflicts on the meeting', async () => {
    const [meeting] = await client.request<{ label: string; conflicts: { code: string; message: string }[] }[]>(MeetingsRequest.method, null);
    assert.match(meeting.label, /\(2 accounts\)/);
    assert.deepEqual(meeting.conflicts.map((c) => c.code).sort(), ['date-conflict', 'figure-conflict']);
  });
});

describe('language server: meetings', function () {
  let client: TestClient;

  const suite = serverForSuite(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-meet-'));
    writeFileSync(path.join(dir, 'ledger.txt'), 'Kendrow and Brisk meet in Ankara\n\nVelorian Foreign Minister Ilsa Kendrow met Prime Minister Otto Brisk in Ankara on Tuesday. The two discussed trade.\n');
    writeFileSync(path.join(dir, 'wire.txt'), 'Brisk hosts Kendrow\n\nPrime Minister Otto Brisk received Ilsa Kendrow in Ankara on Tuesday, officials said.\n');
    writeFileSync(path.join(dir, 'later.txt'), 'Kendrow back in Ankara\n\nIlsa Kendrow met Otto Brisk in Ankara on Monday.\n');
    writeFileSync(path.join(dir, 'sources.yaml'), 'ledger.txt:\n  outlet: Velorian Daily\n  published: 2031-03-05\nwire.txt:\n  outlet: Marnish Wire\n  published: 2031-03-04\nlater.txt:\n  outlet: Velorian Daily\n  published: 2031-06-10\n');
    return dir;
  });
  before(() => ({ client } = suite));

  interface Meeting { id: string; label: string; accounts: { id: string; uri: string; outlet: string | null; range: { start: { line: number } } }[] }

  it('groups the two accounts of the Tuesday meeting and keeps the June one apart', async () => {
    const meetings = await client.request<Meeting[]>(MeetingsRequest.method, null);
    assert.deepEqual(meetings.map((m) => m.label), ['Kendrow · Brisk — Ankara, 2031-03-04 (2 accounts)', 'Kendrow · Brisk — Ankara, 2031-06-09 (1 account)']);
    assert.deepEqual(meetings[0].accounts.map((a) => a.outlet), ['Velorian Daily', 'Marnish Wire']);
    const one = await client.request<Meeting>(MeetingRequest.method, { id: meetings[0].id });
    assert.equal(one.label, meetings[0].label);
  });

  it('finds the meeting account at a position', async () => {
    const at = await client.request<{ meetingId: string; accountId: string; meeting: Meeting } | null>(MeetingAtRequest.method, { uri: client.uri('wire.txt'), position: { line: 2, character: 5 } });
    const meetings = await client.request<Meeting[]>(MeetingsRequest.method, null);
    assert.equal(at?.meetingId, meetings[0].id);
    // The answer carries the meeting itself, so Next/Previous never look the account up in an older list.
    assert.deepEqual(at?.meeting, meetings[0]);
    assert.equal(at?.meeting.accounts.filter((a) => a.id === at.accountId).length, 1);
    // The headline ("Brisk hosts Kendrow") tells the same meeting: it is one of the account's passages.
    const headline = await client.request<{ meetingId: string } | null>(MeetingAtRequest.method, { uri: client.uri('wire.txt'), position: { line: 0, character: 1 } });
    assert.equal(headline?.meetingId, meetings[0].id);
    assert.equal(await client.request(MeetingAtRequest.method, { uri: client.uri('wire.txt'), position: { line: 1, character: 0 } }), null);
  });

  it('puts a code lens above each account that jumps to the other outlet', async () => {
    const lenses = await client.request<{ range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } }[]>('textDocument/codeLens', { textDocument: { uri: client.uri('ledger.txt') } });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].command.title, 'Also reported by Marnish Wire (wire.txt)');
    assert.equal(lenses[0].command.command, 'sourcelens.openAccount');
    assert.equal(lenses[0].command.arguments[0], client.uri('wire.txt'));
    const lonely = await client.request<{ command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri: client.uri('later.txt') } });
    assert.match(lonely[0].command.title, /no other outlet reports it/);
  });

  it('shows the meeting card on hover over an account sentence', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: client.uri('ledger.txt') }, position: { line: 2, character: 40 } }); // on "met"
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /meeting: Kendrow · Brisk — Ankara/);
    assert.match(value, /Marnish Wire — `wire.txt`/);
  });
});

describe('language server: meetings on real-style coverage (outlets, dating, roles)', function () {
  let client: TestClient;

  const suite = serverForSuite(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-meet-real-'));
    writeFileSync(path.join(dir, 'named.txt'), 'Almund meets Vorhaug\n\nBRELLE, April 5 - Chilean Foreign Minister Tarek Almund met Kenyan Foreign Minister Ines Vorhaug in Brelle on Monday.\n');
    writeFileSync(path.join(dir, 'role.txt'), 'Ministers meet in Brelle\n\nChilean Foreign Minister Tarek Almund met the Kenyan foreign minister in Brelle on Monday, officials said.\n');
    writeFileSync(path.join(dir, 'undated.txt'), 'Almund and Vorhaug talk trade\n\nTarek Almund met Ines Vorhaug in Brelle to talk about trade.\n');
    writeFileSync(path.join(dir, 'alone.txt'), 'Almund visits Castel\n\nTarek Almund met Odo Karsk in Castel on Friday.\n');
    writeFileSync(path.join(dir, 'sources.yaml'), 'named.txt:\n  outlet: First Wire\n  published: 2032-04-06\nrole.txt:\n  outlet: Second Daily\n  published: 2032-04-06\nundated.txt:\n  outlet: Third Post\n  published: 2032-04-07\nalone.txt:\n  outlet: Third Post\n  published: 2032-04-10\n');
    return dir;
  });
  before(() => ({ client } = suite));

  interface Summary {
    id: string;
    outlets: number;
    participants: { name: string; byRole: { outlet: string | null; written: string; why: string }[] }[];
    accounts: { uri: string; outlet: string | null; datedBy: string; ranges: unknown[] }[];
  }

  it('reports how many outlets tell each meeting, how each account was dated, and who a role stands for', async () => {
    await client.waitForIndex();
    const meetings = await client.request<Summary[]>('sourcelens/meetings', null);
    const brelle = meetings.find((m) => m.outlets === 3)!;
    assert.ok(brelle, JSON.stringify(meetings.map((m) => [m.outlets, m.accounts.map((a) => a.outlet)])));
    assert.deepEqual(brelle.accounts.map((a) => a.outlet).sort(), ['First Wire', 'Second Daily', 'Third Post']);
    const by = (outlet: string) => brelle.accounts.find((a) => a.outlet === outlet)!;
    assert.match(by('First Wire').datedBy, /dateline|counted from the publication date/);
    assert.match(by('Third Post').datedBy, /^undated here; dated by /);
    assert.ok(brelle.accounts.every((a) => a.ranges.length >= 1));
    const vorhaug = brelle.participants.find((p) => /Vorhaug/.test(p.name))!;
    assert.equal(vorhaug.byRole.length, 1);
    assert.equal(vorhaug.byRole[0].outlet, 'Second Daily');
    assert.equal(meetings.find((m) => m.id !== brelle.id)?.outlets, 1);
  });

  it('hover on a participant named by role says who the corpus takes it to be, and why', async () => {
    const text = readFileSync(path.join(suite.dir, 'role.txt'), 'utf8').split('\n');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: client.uri('role.txt') }, position: { line: 2, character: text[2].indexOf('Kenyan foreign') + 3 } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /named by role/);
    assert.match(value, /Ines Vorhaug/);
    assert.match(value, /First Wire/);
  });
});

describe('language server: entities on samples/', function () {
  let dir: string;
  let client: TestClient;
  const SAMPLES = path.resolve(__dirname, '../../../samples');
  const line = (file: string, pattern: RegExp) => {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
    const i = lines.findIndex((l) => pattern.test(l));
    return { line: i, character: lines[i].search(pattern) + 2 };
  };

  const suite = serverForSuite(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-ent-'));
    cpSync(SAMPLES, dir, { recursive: true });
    return dir;
  });
  before(() => ({ client, dir } = suite));

  it('hover on "Cavusoglu" shows every title and spelling per outlet', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: client.uri('001-tasnim-rouhani-cavusoglu.txt') }, position: line('001-tasnim-rouhani-cavusoglu.txt', /Cavusoglu said\./) });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /person: \*\*Mevlut Cavusoglu\*\*/);
    assert.match(value, /mentions in 3 articles/);
    // Three columns that fit a hover: the outlet links to the mention (the article's name on the link), then its titles and spellings.
    assert.match(value, /\| Outlet \(mentions\) \| Titles \| Spellings \|/);
    assert.match(value, /\[Euronews\]\(command:sourcelens\.openAccount\?[^ )]+ "002-euronews-zarif-ankara\.txt[^"]*"\) \(\d+\) \| his Turkish counterpart \| Mevlüt Çavuşoğlu; Cavusoglu \|/);
    assert.match(value, /\[Tasnim News Agency\]\([^)]+\) \(\d+\) \| Turkish Foreign Minister; The top Turkish diplomat \|/);
    for (const row of value.split('\n').filter((l) => l.startsWith('| '))) assert.equal(row.split(' | ').length, 3, row);
    assert.match(value, /Meetings:[\s\S]*Rouhani · Cavusoglu · Zarif — Tehran, 2016-11-26/);
  });

  it('finds references across articles and goes to the fullest mention', async () => {
    const at = { textDocument: { uri: client.uri('002-euronews-zarif-ankara.txt') }, position: line('002-euronews-zarif-ankara.txt', /Cavusoglu told/) };
    const refs = await client.request<{ uri: string }[]>('textDocument/references', { ...at, context: { includeDeclaration: true } });
    assert.deepEqual([...new Set(refs.map((r) => path.basename(r.uri)))].sort(), ['000-rouhani-cavusoglu-tehran.txt', '001-tasnim-rouhani-cavusoglu.txt', '002-euronews-zarif-ankara.txt']);
    const def = await client.request<{ uri: string; range: { start: { line: number } } }>('textDocument/definition', at);
    assert.equal(path.basename(def.uri), '000-rouhani-cavusoglu-tehran.txt');
  });

  it('answers the custom requests without params, as VS Code sends them', async () => {
    // With no params at all, the server's handler receives only the cancellation token.
    const corpus = (await client.connection.sendRequest(CorpusRequest.method)) as unknown[];
    const meetings = (await client.connection.sendRequest(MeetingsRequest.method)) as unknown[];
    const entities = (await client.connection.sendRequest(EntitiesRequest.method)) as unknown[];
    assert.equal(corpus.length, 5);
    assert.ok(meetings.length > 0 && entities.length > 0);
  });

  it('sourcelens/entities lists people with counts, most mentioned first; sourcelens/entity gives one with its articles and mentions', async () => {
    const entities = await client.request<EntitySummary[]>(EntitiesRequest.method, null);
    const cav = entities.find((e) => e.id === 'person:cavusoglu')!;
    assert.equal(cav.canonical, 'Mevlut Cavusoglu');
    assert.equal(cav.articleCount, 3);
    assert.ok(cav.aliases.includes('Mevlüt Çavuşoğlu'));
    assert.ok(entities.every((e, i) => i === 0 || entities[i - 1].mentionCount >= e.mentionCount));
    assert.equal('articles' in cav, false);
    const detail = (await client.request<EntityDetail | null>(EntityRequest.method, { id: cav.id }))!;
    assert.deepEqual(detail.articles.map((a) => a.name), ['000-rouhani-cavusoglu-tehran.txt', '001-tasnim-rouhani-cavusoglu.txt', '002-euronews-zarif-ankara.txt']);
    assert.equal(detail.articles.reduce((n, a) => n + a.mentions.length, 0), cav.mentionCount);
    assert.equal(await client.request(EntityRequest.method, { id: 'person:nobody' }), null);
  });

  it('offers to add a spelling as an alias in sourcelens.entities.yaml (an edit of the visible file)', async () => {
    const at = line('002-euronews-zarif-ankara.txt', /Zarif praised/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri('002-euronews-zarif-ankara.txt') },
      range: { start: at, end: at },
      context: { diagnostics: [] },
    });
    const alias = actions.find((a) => a.title.startsWith('Add “Zarif” as an alias of Mohammad Javad Zarif'))!;
    assert.ok(alias, actions.map((a) => a.title).join(' | '));
    const edit = alias.edit!.changes![client.uri('sourcelens.entities.yaml')][0];
    assert.match(edit.newText, /- name: Mohammad Javad Zarif\n {4}roles:[\s\S]*?\n {4}aliases:\n {6}- Zarif\n/);
    const none = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri('002-euronews-zarif-ankara.txt') },
      range: { start: line('002-euronews-zarif-ankara.txt', /Mevlüt Çavuşoğlu/), end: line('002-euronews-zarif-ankara.txt', /Mevlüt Çavuşoğlu/) },
      context: { diagnostics: [] },
    });
    assert.ok(!none.some((a) => a.title.startsWith('Add “Mevlüt Çavuşoğlu”')), 'already an alias in the file: not offered');
    assert.match(edit.newText, /^# Knowledge file for samples\//, 'the file keeps its comments');
  });

  it('workspace symbols find people by any spelling', async () => {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'Çavuşoğlu' });
    assert.equal(symbols[0].name, 'Mevlut Cavusoglu');
  });

  it('highlights the person under the cursor in the article', async () => {
    const highlights = await client.request<unknown[]>('textDocument/documentHighlight', { textDocument: { uri: client.uri('000-rouhani-cavusoglu-tehran.txt') }, position: line('000-rouhani-cavusoglu-tehran.txt', /Cavusoglu also/) });
    assert.equal(highlights.length, 3);
  });

  it('lists the people of an article with their titles in the outline', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('004-bagheri-ankara.txt') } });
    const people = symbols[0].children!.find((c) => c.name === 'People')!;
    assert.deepEqual(people.children!.map((c) => [c.name, c.detail]), [
      ['Mohammad Bagheri', 'Iranian General'],
      ['Nurettin Canikli', "Turkey's Defense Minister"],
      ['Recep Tayyip Erdoğan', 'President'],
      ['Bashar al-Assad', 'President'],
    ]);
  });
});

describe('language server: quotes on samples/', function () {
  let dir: string;
  let client: TestClient;
  const suite = serverForSuite(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-quotes-'));
    cpSync(path.resolve(__dirname, '../../../samples'), dir, { recursive: true });
    return dir;
  }, { settings: { inlayHints: { quotes: true } } });
  before(() => ({ client, dir } = suite));

  it('the quote hover names the speaker and shows the other outlet’s version with a word diff', async () => {
    const lines = readFileSync(path.join(dir, '000-rouhani-cavusoglu-tehran.txt'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('"Preserving'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: client.uri('000-rouhani-cavusoglu-tehran.txt') }, position: { line, character: 2 } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Speaker: \*\*Cavusoglu\*\* \(named person\)/);
    assert.match(value, /\*\*Tasnim News Agency\*\* quotes it as:/);
    assert.match(value, /~~Preserving~~ \*\*Maintaining\*\* the territorial integrity/);
  });

  it('summarises each article\'s sourcing for the Articles view', async () => {
    const corpus = await client.request<{ name: string; sourcing: { sentences: number; attributed: number; anonymous: number; unattributedClaims: number; sources: string[] } }[]>(CorpusRequest.method, null);
    const tasnim = corpus.find((a) => a.name.startsWith('001'))!.sourcing;
    assert.deepEqual([tasnim.sentences, tasnim.anonymous, tasnim.unattributedClaims], [8, 1, 0]);
    assert.ok(tasnim.attributed >= 5 && tasnim.sources.includes('Informed sources'), JSON.stringify(tasnim));
  });

  it('with sourcelens.inlayHints.quotes on, shows the speaker after each quote', async () => {
    const hints = await client.request<{ label: string }[]>('textDocument/inlayHint', {
      textDocument: { uri: client.uri('001-tasnim-rouhani-cavusoglu.txt') },
      range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
    });
    const labels = hints.map((h) => h.label);
    assert.ok(labels.includes('— Cavusoglu'), labels.join(' | '));
    assert.ok(labels.includes('[per Rouhani]'), 'the website paragraph carries Rouhani over');
    assert.ok(labels.includes('2016-11-26'), 'date hints stay on');
  });

  it('pushes quote-variant with related information to the other outlet', async () => {
    const d = await client.waitFor(() => client.diagnostics.get(client.uri('001-tasnim-rouhani-cavusoglu.txt'))?.find((x) => x.code === 'quote-variant'), 10_000, 'quote-variant');
    assert.equal(path.basename(d.relatedInformation![0].location.uri), '000-rouhani-cavusoglu-tehran.txt');
  });
});

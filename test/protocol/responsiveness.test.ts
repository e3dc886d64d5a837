// While a large corpus indexes, the reader's open file answers at once; corpus-wide requests wait for the index
// and honour cancellation; a request whose document is edited while it waits is refused rather than answered
// about text that is gone.

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, Hover, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { TestClient } from './lspClient';
import { CorpusChangedNotification, CorpusRequest, EntitiesRequest } from '../../src/shared/protocol';

const PEOPLE = ['Ilsa Kendrow', 'Otto Brisk', 'Mara Quell', 'Tobias Venn', 'Edda Lorne', 'Pavel Castor'];
const CITIES = ['Ankara', 'Velor', 'Castora', 'Marnish', 'Tehran'];

/** A few kilobytes of news-shaped text, different in every file, so indexing the folder takes a while. */
function article(i: number): string {
  const lines = [`Talks number ${i} end without a deal`, ''];
  for (let p = 0; p < 12; p++) {
    const a = PEOPLE[(i + p) % PEOPLE.length];
    const b = PEOPLE[(i + p + 1) % PEOPLE.length];
    const city = CITIES[(i + p) % CITIES.length];
    lines.push(`${a} met ${b} in ${city} on Tuesday, officials said. Police arrested ${100 + ((i * 7 + p) % 400)} protesters after the talks. "We will meet again in ${city} next month," ${b} told reporters on Wednesday.`, '');
  }
  return lines.join('\n');
}

describe('responsiveness while indexing', function () {
  this.timeout(120_000);
  let dir: string;
  let client: TestClient;
  const indexed = () => client.notifications.some((n) => n.method === CorpusChangedNotification.method && (n.params as { indexing: boolean }).indexing === false);

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-busy-'));
    for (let part = 0; part < 3; part++) {
      mkdirSync(path.join(dir, `part-${part}`));
      for (let i = 0; i < 500; i++) writeFileSync(path.join(dir, `part-${part}`, `a-${part * 500 + i}.txt`), article(part * 500 + i));
    }
    writeFileSync(path.join(dir, 'reading.txt'), article(9999));
    client = await TestClient.start({ root: dir, settings: { performance: { workers: 1 } } });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a hover on the open file before the rest of the corpus is indexed', async () => {
    const uri = client.open('reading.txt', article(9999));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.equal(indexed(), false, 'the corpus finished indexing before the hover came back: the test corpus is too small to show anything');
    assert.match((hover!.contents as { value: string }).value, /Talks number 9999/);
  });

  it('refuses a corpus-wide request cancelled while it waits for the index', async () => {
    assert.equal(indexed(), false);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(EntitiesRequest.method, null, source.token);
    source.cancel();
    await assert.rejects(pending, (e: ResponseError<unknown>) => e.code === LSPErrorCodes.RequestCancelled);
    assert.equal(indexed(), false, 'the cancelled request was only refused once the index was in');
  });

  it('refuses a request whose document changed while it waited', async () => {
    // A document outside the corpus (not .txt/.md) is not indexed, so a request about it waits for the index.
    const uri = client.open('notes.log', 'first draft');
    const pending = client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(indexed(), false, 'the corpus finished indexing before the request: the test shows nothing');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'second draft' }] });
    await assert.rejects(pending, (e: ResponseError<unknown>) => e.code === LSPErrorCodes.ContentModified);
  });

  it('then indexes everything, and answers corpus-wide requests', async () => {
    await client.waitFor(() => indexed() || undefined, 90_000, 'full index');
    const corpus = await client.request<unknown[]>(CorpusRequest.method, null);
    assert.equal(corpus.length, 1501);
  });
});

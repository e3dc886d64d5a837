// The server under churn: a file edited 100 times a second, 1,000 files created and deleted in a burst, a
// workspace folder removed while indexing. It must keep answering and end in the right state.

import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Hover } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { serverForSuite, TestClient } from './lspClient';
import { CorpusRequest } from '../../src/shared/protocol';

const ARTICLE = (i: number) => `Headline ${i}\n\nIlsa Kendrow met Otto Brisk in Ankara on Tuesday. Police arrested ${100 + i} people.\n`;

describe('language server under churn', function () {
  this.timeout(120_000);
  let dir: string;
  let client: TestClient;

  const suite = serverForSuite(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-churn-'));
    writeFileSync(path.join(dir, 'base.txt'), ARTICLE(0));
    return dir;
  });
  before(() => ({ client, dir } = suite));

  it('keeps up with a file edited 100 times a second and ends on the last text', async () => {
    const uri = client.uri('base.txt');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: ARTICLE(0) } });
    for (let v = 2; v <= 101; v++) {
      const share = v % 2 ? '' : 'Share this article\n';
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: ARTICLE(v) + share }] });
      await new Promise((r) => setTimeout(r, 10));
    }
    // Version 101 has no share line: once things settle, no boilerplate hint remains.
    await client.waitFor(() => (client.diagnostics.get(uri)?.some((d) => d.code === 'structure/boilerplate') ? undefined : true), 20_000, 'final state');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.match((hover!.contents as { value: string }).value, /Headline 101/);
  });

  it('survives 1,000 files created and deleted in a burst', async () => {
    const sub = path.join(dir, 'burst');
    mkdirSync(sub);
    const changes = [];
    for (let i = 0; i < 1000; i++) {
      writeFileSync(path.join(sub, `b${i}.txt`), ARTICLE(i));
      changes.push({ uri: URI.file(path.join(sub, `b${i}.txt`)).toString(), type: 1 });
    }
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    const last = URI.file(path.join(sub, 'b999.txt')).toString();
    const t0 = Date.now();
    await client.waitFor(() => client.diagnostics.get(last), 60_000, 'burst indexed');
    if (process.env.SL_TIMING) console.log('created in', Date.now() - t0);
    rmSync(sub, { recursive: true, force: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(sub).toString(), type: 3 }] });
    const settle = Date.now() + 60_000;
    let corpus: unknown[] = [];
    while (Date.now() < settle) {
      corpus = await client.request<unknown[]>(CorpusRequest.method, null);
      if (corpus.length === 1) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    if (process.env.SL_TIMING) console.log('removed in', Date.now() - t0);
    assert.equal(corpus.length, 1);
    await client.waitFor(() => (client.diagnostics.get(last)?.length === 0 ? true : undefined), 10_000, 'burst diagnostics cleared');
  });

  it('a folder copied in as one event (its files sent no events of their own) brings its articles; deleting it takes them away', async () => {
    const sub = path.join(dir, 'copied', 'inner');
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, 'c1.txt'), ARTICLE(1));
    writeFileSync(path.join(dir, 'copied', 'c2.txt'), ARTICLE(2));
    writeFileSync(path.join(dir, 'copied', 'picture.png'), 'not an article');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(dir, 'copied')).toString(), type: 1 }] });
    const inner = URI.file(path.join(sub, 'c1.txt')).toString();
    await client.waitFor(() => client.diagnostics.get(inner), 20_000, 'article of the copied folder indexed');
    const corpus = await client.request<{ uri: string }[]>(CorpusRequest.method, null);
    assert.deepEqual(corpus.map((a) => path.basename(URI.parse(a.uri).fsPath)).filter((n) => n.startsWith('c')).sort(), ['c1.txt', 'c2.txt']);
    rmSync(path.join(dir, 'copied'), { recursive: true, force: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(dir, 'copied')).toString(), type: 3 }] });
    await client.waitFor(() => (client.diagnostics.get(inner)?.length === 0 ? true : undefined), 20_000, 'diagnostics of the copied folder cleared');
    const after = await client.request<unknown[]>(CorpusRequest.method, null);
    assert.equal(after.length, corpus.length - 2);
  });

  it('a folder of 300 articles copied in is indexed on the pool while hovers on another file are answered', async () => {
    const before = (await client.request<unknown[]>(CorpusRequest.method, null)).length;
    const sub = path.join(dir, 'many');
    mkdirSync(sub);
    for (let i = 0; i < 300; i++) writeFileSync(path.join(sub, `m${i}.txt`), ARTICLE(i));
    const inFolder = (uri: string) => URI.parse(uri).fsPath.startsWith(sub + path.sep);
    let lastPublished = 0;
    const published = new Set<string>();
    client.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
      client.diagnostics.set(p.uri, p.diagnostics as never);
      if (inFolder(p.uri)) {
        published.add(p.uri);
        lastPublished = Date.now();
      }
    });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(sub).toString(), type: 1 }] });
    const base = client.uri('base.txt');
    for (let i = 0; i < 5; i++) await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: base }, position: { line: 0, character: 2 } });
    const hoversDone = Date.now();
    await client.waitFor(() => (published.size === 300 ? true : undefined), 120_000, 'every article of the folder published');
    // Ordering, not milliseconds: the hovers were answered before the folder's articles were all analysed.
    assert.ok(hoversDone < lastPublished, `the hovers waited for the folder (${hoversDone - lastPublished} ms after its last diagnostics)`);
    assert.equal((await client.request<unknown[]>(CorpusRequest.method, null)).length, before + 300);
    rmSync(sub, { recursive: true, force: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(sub).toString(), type: 3 }] });
    const settle = Date.now() + 60_000;
    while (Date.now() < settle && (await client.request<unknown[]>(CorpusRequest.method, null)).length !== before) await new Promise((r) => setTimeout(r, 200));
    assert.equal((await client.request<unknown[]>(CorpusRequest.method, null)).length, before);
  });

  it('drops a workspace folder removed while it is being indexed, and keeps answering', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'sourcelens-folder-'));
    for (let i = 0; i < 300; i++) writeFileSync(path.join(other, `o${i}.txt`), ARTICLE(i));
    const folder = { uri: URI.file(other).toString(), name: 'other' };
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
    await new Promise((r) => setTimeout(r, 50));
    rmSync(other, { recursive: true, force: true });
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    await client.waitFor(async () => undefined, 1).catch(() => undefined);
    const settle = Date.now() + 30_000;
    let corpus: { uri: string }[] = [];
    while (Date.now() < settle) {
      corpus = await client.request<{ uri: string }[]>(CorpusRequest.method, null);
      if (corpus.length === 1) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.deepEqual(corpus.map((a) => path.basename(a.uri)), ['base.txt']);
    assert.equal(client.process.exitCode, null, 'the server is still running');
  });
});

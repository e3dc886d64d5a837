// The server half of the benchmark: starts dist/server.js over stdio on a corpus and measures what a reader feels —
// time to first diagnostics, one-character edit to refreshed diagnostics, hover and meetings latency, and memory.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

export interface ServerFigures {
  firstDiagnosticsMs: number;
  editToDiagnosticsP50: number;
  editToDiagnosticsP95: number;
  editToCrossDocP50: number;
  editToCrossDocP95: number;
  hoverP50: number;
  hoverP95: number;
  meetingsMs: number;
  serverRssMB: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return +sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
}

export async function measureServer(root: string, files: string[], edits = 30): Promise<ServerFigures> {
  const serverPath = path.join(__dirname, 'server.js');
  const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Map<string, number>();
  let onPublish: ((uri: string) => void) | undefined;
  let onIndexed: (() => void) | undefined;
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
    published.set(p.uri, performance.now());
    onPublish?.(p.uri);
  });
  connection.onNotification('sourcelens/corpusChanged', (p: { indexing: boolean }) => {
    if (!p.indexing) onIndexed?.();
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.listen();
  try {
    const started = performance.now();
    const indexed = new Promise<void>((r) => (onIndexed = r));
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: URI.file(root).toString(),
      workspaceFolders: [{ uri: URI.file(root).toString(), name: 'bench' }],
      capabilities: { workspace: { configuration: true } },
    });
    await connection.sendNotification('initialized', {});
    await indexed;
    const firstDiagnosticsMs = Math.round((Math.min(...published.values(), Infinity) === Infinity ? performance.now() : Math.max(...published.values())) - started);
    onIndexed = undefined;

    // Edits: append one character to an open document; time until its own diagnostics, then until the corpus-wide
    // notification (which follows cross-document work).
    const target = files[Math.floor(files.length / 2)];
    const uri = URI.file(target).toString();
    let text = readFileSync(target, 'utf8');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await new Promise((r) => setTimeout(r, 300));
    const own: number[] = [];
    const cross: number[] = [];
    const base = text;
    for (let v = 2; v < edits + 2; v++) {
      // Toggle a share-widget line so every edit changes the file's findings (unchanged ones are not re-sent).
      text = v % 2 ? `${base}\nShare this article\n` : base;
      const sent = performance.now();
      const ownDone = new Promise<void>((resolve) => (onPublish = (u) => u === uri && resolve()));
      const crossDone = new Promise<void>((resolve) => (onIndexed = resolve));
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
      await Promise.race([ownDone, new Promise((r) => setTimeout(r, 5000))]);
      own.push(performance.now() - sent);
      await Promise.race([crossDone, new Promise((r) => setTimeout(r, 5000))]);
      cross.push(performance.now() - sent);
    }
    const hovers: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: i % 10, character: 3 } });
      hovers.push(performance.now() - t);
    }
    const m = performance.now();
    await connection.sendRequest('sourcelens/meetings', null);
    const meetingsMs = Math.round(performance.now() - m);
    const rss = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/);
    return {
      firstDiagnosticsMs,
      editToDiagnosticsP50: percentile(own, 50),
      editToDiagnosticsP95: percentile(own, 95),
      editToCrossDocP50: percentile(cross, 50),
      editToCrossDocP95: percentile(cross, 95),
      hoverP50: percentile(hovers, 50),
      hoverP95: percentile(hovers, 95),
      meetingsMs,
      serverRssMB: rss ? Math.round(Number(rss[1]) / 1024) : -1,
    };
  } finally {
    connection.dispose();
    child.kill('SIGKILL');
  }
}

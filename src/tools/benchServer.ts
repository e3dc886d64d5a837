// The server half of the benchmark: starts dist/server.js over stdio on a corpus and measures what a reader feels —
// time to first diagnostics, a one-character edit to refreshed diagnostics (the file's own, then the cross-document
// pass), hover and definition on real entity mentions, the meetings and entities views, and peak memory.
// Each figure is the median over several cold server starts; timeouts are summed so a broken run always shows.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import * as path from 'node:path';
import { CorpusChangedNotification, EntitiesRequest, EntityDetail, EntityRequest, EntitySummary, LspRange, MeetingsRequest } from '../shared/protocol';
import { median, medianOfRuns, percentile } from './benchStats';

/** How long an edit may take before it counts as timed out (its late answer is still awaited, up to DRAIN_MS). */
const EDIT_TIMEOUT_MS = 5000;
const DRAIN_MS = 30_000;
const INDEX_TIMEOUT_MS = 15 * 60_000;

interface RunFigures {
  firstDiagnosticsMs: number;
  editToDiagnosticsP50: number | null;
  editToDiagnosticsP95: number | null;
  editToCrossDocP50: number | null;
  editToCrossDocP95: number | null;
  hoverP50: number | null;
  hoverP95: number | null;
  definitionP50: number | null;
  definitionP95: number | null;
  meetingsMs: number;
  entitiesMs: number;
  serverRssMB: number | null;
}

export type ServerFigures = { [K in keyof RunFigures]: number | null } & {
  runs: number;
  editsPerRun: number;
  /** Edits whose answer took longer than EDIT_TIMEOUT_MS, summed over runs. */
  ownTimeouts: number;
  crossTimeouts: number;
  /** Hover/definition requests on a mention that came back empty, summed over runs (should be 0). */
  emptyAnswers: number;
  /** The article that was opened, hovered and edited. */
  target: string;
  /** Errors and warnings the server logged. */
  serverLog: string[];
};

export async function measureServer(root: string, runs: number, edits = 30): Promise<ServerFigures> {
  const results: (RunFigures & { ownTimeouts: number; crossTimeouts: number; emptyAnswers: number; target: string; log: string[] })[] = [];
  for (let r = 0; r < runs; r++) results.push(await serverRun(root, edits));
  const figures = results.map(({ ownTimeouts: _o, crossTimeouts: _c, emptyAnswers: _e, target: _t, log: _l, ...f }) => f);
  const sum = (key: 'ownTimeouts' | 'crossTimeouts' | 'emptyAnswers') => results.reduce((n, r) => n + r[key], 0);
  return {
    ...medianOfRuns(figures),
    runs,
    editsPerRun: edits,
    ownTimeouts: sum('ownTimeouts'),
    crossTimeouts: sum('crossTimeouts'),
    emptyAnswers: sum('emptyAnswers'),
    target: path.relative(root, URI.parse(results[0].target).fsPath),
    serverLog: [...new Set(results.flatMap((r) => r.log))],
  };
}

/** Resolves true if `p` settles within `ms`. */
async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = await Promise.race([p.then(() => true), timeout]);
  clearTimeout(timer);
  return settled;
}

/** Where to type: the start of the first finding in the body (not the headline or dateline, not page furniture).
 *  Typing there always changes the file's diagnostics (the finding moves or goes), and the server only re-sends
 *  diagnostics that changed — an edit that changed none would never be answered. */
function editPosition(diagnostics: Diagnostic[]): Position | undefined {
  const body = diagnostics.filter((d) => d.range.start.line >= 2 && !String(d.code ?? '').startsWith('structure/'));
  body.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return body[0]?.range.start;
}

async function serverRun(root: string, edits: number) {
  const child = spawn(process.execPath, [path.join(__dirname, 'server.js'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, Diagnostic[]>();
  let publishWaiters: { uri: string; resolve: () => void }[] = [];
  let indexedWaiters: (() => void)[] = [];
  const log: string[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
    diagnostics.set(p.uri, p.diagnostics);
    for (const w of publishWaiters) if (w.uri === p.uri) w.resolve();
    publishWaiters = publishWaiters.filter((w) => w.uri !== p.uri);
  });
  // Sent after the (batched) cross-document pass has re-published every file's diagnostics.
  connection.onNotification(CorpusChangedNotification.method, (p: { indexing: boolean }) => {
    if (p.indexing) return;
    const waiting = indexedWaiters;
    indexedWaiters = [];
    for (const resolve of waiting) resolve();
  });
  connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    if (p.type <= 2) log.push(p.message.slice(0, 200)); // 1 error, 2 warning
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  const nextPublish = (uri: string) => new Promise<void>((resolve) => publishWaiters.push({ uri, resolve }));
  const nextIndexed = () => new Promise<void>((resolve) => indexedWaiters.push(resolve));
  connection.listen();
  try {
    const started = performance.now();
    const indexed = nextIndexed();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: URI.file(root).toString(),
      workspaceFolders: [{ uri: URI.file(root).toString(), name: 'bench' }],
      capabilities: { workspace: { configuration: true } },
    });
    await connection.sendNotification('initialized', {});
    if (!(await within(indexed, INDEX_TIMEOUT_MS))) throw new Error(`server did not finish indexing ${root}`);
    // Every file's diagnostics are published just before this notification.
    const firstDiagnosticsMs = Math.round(performance.now() - started);

    // The entities view, and from it real mention positions to hover and to go to definition from.
    const e = performance.now();
    const entities = await connection.sendRequest<EntitySummary[]>(EntitiesRequest.method, null);
    const entitiesMs = Math.round(performance.now() - e);
    // Mentions of the most mentioned entities (the view fetches an entity's mentions when it is expanded).
    const mentions = new Map<string, LspRange[]>();
    for (const entity of entities.slice(0, 200)) {
      const detail = await connection.sendRequest<EntityDetail | null>(EntityRequest.method, { id: entity.id });
      for (const a of detail?.articles ?? []) mentions.set(a.uri, [...(mentions.get(a.uri) ?? []), ...a.mentions.map((m) => m.range)]);
    }
    // The first article in path order with a few mentions and a finding to type at: the same source text at every
    // scale size (the scale corpora start with the same real article), so latencies compare across sizes.
    const uris = [...mentions.keys()].sort();
    const uri =
      uris.find((u) => mentions.get(u)!.length >= 3 && editPosition(diagnostics.get(u) ?? [])) ??
      [...diagnostics.keys()].sort().find((u) => editPosition(diagnostics.get(u)!));
    if (!uri) throw new Error(`no article with a finding to edit in ${root}`);
    const at = editPosition(diagnostics.get(uri)!)!;
    const text = readFileSync(URI.parse(uri).fsPath, 'utf8');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await new Promise((r) => setTimeout(r, 300));

    // Hover and definition one character into each mention of the open article.
    const positions = (mentions.get(uri) ?? []).map((r) => ({ line: r.start.line, character: r.start.character + 1 }));
    const hovers: number[] = [];
    const definitions: number[] = [];
    let emptyAnswers = 0;
    for (let i = 0; positions.length && i < 50; i++) {
      const position = positions[i % positions.length];
      let t = performance.now();
      if (!(await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }))) emptyAnswers++;
      hovers.push(performance.now() - t);
      t = performance.now();
      if (!(await connection.sendRequest('textDocument/definition', { textDocument: { uri }, position }))) emptyAnswers++;
      definitions.push(performance.now() - t);
    }

    // One-character edits at a finding, alternately typing a character and deleting it again (as incremental
    // changes, like an editor sends). Own diagnostics come at once; cross-document ones after the batched pass.
    const own: number[] = [];
    const cross: number[] = [];
    let ownTimeouts = 0;
    let crossTimeouts = 0;
    const next = { line: at.line, character: at.character + 1 };
    for (let v = 2; v < edits + 2; v++) {
      const change = v % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: next }, text: '' };
      const ownDone = nextPublish(uri);
      const crossDone = nextIndexed();
      const sent = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
      if (!(await within(ownDone, EDIT_TIMEOUT_MS))) {
        ownTimeouts++;
        await within(ownDone, DRAIN_MS);
      }
      own.push(performance.now() - sent);
      // Wait for the cross-document pass even when late, so its answer cannot be mistaken for the next edit's.
      if (!(await within(crossDone, EDIT_TIMEOUT_MS))) {
        crossTimeouts++;
        await within(crossDone, DRAIN_MS);
      }
      cross.push(performance.now() - sent);
    }

    // The meetings tree, as refreshed after the edits; a median of a few requests, since one is a few ms at most
    // sizes and a single GC pause would decide it.
    const meetingTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const m = performance.now();
      await connection.sendRequest(MeetingsRequest.method, null);
      meetingTimes.push(performance.now() - m);
    }
    const meetingsMs = +median(meetingTimes).toFixed(1);
    const rss = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/);
    return {
      firstDiagnosticsMs,
      editToDiagnosticsP50: percentile(own, 50),
      editToDiagnosticsP95: percentile(own, 95),
      editToCrossDocP50: percentile(cross, 50),
      editToCrossDocP95: percentile(cross, 95),
      hoverP50: percentile(hovers, 50),
      hoverP95: percentile(hovers, 95),
      definitionP50: percentile(definitions, 50),
      definitionP95: percentile(definitions, 95),
      meetingsMs,
      entitiesMs,
      serverRssMB: rss ? Math.round(Number(rss[1]) / 1024) : null,
      ownTimeouts,
      crossTimeouts,
      emptyAnswers,
      target: uri,
      log,
    };
  } finally {
    connection.dispose();
    child.kill('SIGKILL');
  }
}

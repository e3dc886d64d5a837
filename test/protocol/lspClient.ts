// A minimal LSP client for protocol tests: starts the real bundled server (dist/server.js --stdio) and speaks
// JSON-RPC to it, recording pushed diagnostics, progress and notifications.

import { ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import {
  ClientCapabilities, createProtocolConnection, Diagnostic, InitializeResult, ProtocolConnection, PublishDiagnosticsParams,
  StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

export interface StartOptions {
  root: string;
  /** Ask for pull diagnostics (like VS Code) instead of pushed ones (like Neovim). */
  pull?: boolean;
  settings?: unknown;
  capabilities?: ClientCapabilities;
}

export class TestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly progress: unknown[] = [];
  readonly logs: string[] = [];
  stderr = '';
  initializeResult!: InitializeResult;
  private constructor(readonly connection: ProtocolConnection, readonly process: ChildProcess, readonly root: string) {}

  static async start(options: StartOptions): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: options.root, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, child, options.root);
    child.stderr!.on('data', (d) => (client.stderr += String(d)));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => client.diagnostics.set(p.uri, p.diagnostics));
    connection.onNotification('window/logMessage', (p: { message: string }) => client.logs.push(p.message));
    connection.onNotification('$/progress', (p: unknown) => client.progress.push(p));
    connection.onNotification('sourcelens/corpusChanged', (params: unknown) => client.notifications.push({ method: 'sourcelens/corpusChanged', params }));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.settings ?? null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.listen();
    const capabilities: ClientCapabilities = options.capabilities ?? {
      window: { workDoneProgress: true },
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        publishDiagnostics: { relatedInformation: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    };
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: URI.file(options.root).toString(),
      workspaceFolders: [{ uri: URI.file(options.root).toString(), name: path.basename(options.root) }],
      capabilities,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  uri(relative: string): string {
    return URI.file(path.join(this.root, relative)).toString();
  }

  /** Resolves once the server says it has indexed the corpus (its corpusChanged notification). */
  async waitForIndex(timeoutMs = 30_000): Promise<{ articles: number; findings: number }> {
    return this.waitFor(() => {
      const n = this.notifications.filter((x) => x.method === 'sourcelens/corpusChanged').at(-1);
      return n ? (n.params as { articles: number; findings: number }) : undefined;
    }, timeoutMs, 'corpus index');
  }

  async waitFor<T>(probe: () => T | undefined, timeoutMs = 15_000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Server stderr: ${this.stderr.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  open(relative: string, text: string, languageId = 'plaintext', version = 1): string {
    const uri = this.uri(relative);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone; the kill below makes sure
    }
    this.connection.dispose();
    setTimeout(() => this.process.kill('SIGKILL'), 500).unref();
  }
}

/**
 * One server for a mocha suite: before its tests, a folder from `makeRoot` and a server indexed on it; after them,
 * the server stopped and the folder removed. Call it inside `describe`.
 */
export function serverForSuite(makeRoot: () => string, options: Omit<StartOptions, 'root'> & { indexTimeoutMs?: number } = {}): { client: TestClient; dir: string } {
  const suite = {} as { client: TestClient; dir: string };
  before(async () => {
    suite.dir = makeRoot();
    suite.client = await TestClient.start({ ...options, root: suite.dir });
    await suite.client.waitForIndex(options.indexTimeoutMs);
  });
  after(async () => {
    await suite.client.stop();
    rmSync(suite.dir, { recursive: true, force: true });
  });
  return suite;
}

// The life of the server and its index: initialize (what the server offers), initialized (watchers, workspace
// folders, settings, the analyser, start-up indexing), configuration changes, re-indexing with progress, shutdown.

import * as path from 'node:path';
import {
  ClientCapabilities, CodeActionKind, Connection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, InitializeParams,
  InitializeResult, TextDocumentSyncKind,
} from 'vscode-languageserver';
import { Analyser } from '../host/analyser';
import { AnalysisCache } from '../host/cache';
import { AnalysisPool } from '../host/pool';
import { readSettings, workerCount } from '../host/settings';
import { fileUri, uriToPath } from '../host/uris';
import { CorpusHost, Logger } from '../host/workspace';
import { FILE_WATCHERS, IndexProgressNotification } from '../shared/protocol';

/** What the client said it can do; filled in by initialize. */
export class Client {
  capabilities: ClientCapabilities = {};
  /** VS Code pulls diagnostics; Neovim and others have them pushed. */
  pullDiagnostics = false;
}

/** Indexing the whole corpus, one run after another; requests keep being answered meanwhile. */
export class Index {
  private running: Promise<void> | undefined;
  /** Settles once start-up indexing has begun: until then (settings are still being fetched) there is no index to wait for. */
  private markStarted!: () => void;
  private readonly started = new Promise<void>((resolve) => (this.markStarted = resolve));
  /** Whether one indexing run has finished. */
  indexed = false;

  /** `changed` is told when a run ends (diagnostics and views follow). */
  constructor(
    private readonly connection: Connection,
    private readonly host: CorpusHost,
    private readonly client: Client,
    private readonly log: Logger,
    private readonly changed: () => void,
  ) {}

  /** Settles when the index is complete: start-up and any re-index queued since. */
  readonly complete = async (): Promise<void> => {
    await this.started;
    await this.running;
  };

  /** Start-up indexing: from now on requests wait for the index. */
  start(): Promise<void> {
    const startUp = this.reindex('start-up');
    this.markStarted();
    return startUp;
  }

  /** Indexes the whole corpus with progress; requests keep being answered meanwhile. */
  reindex(reason: string): Promise<void> {
    const { connection, host, log } = this;
    const run = async () => {
      const started = Date.now();
      log.info(`Indexing corpus (${reason}) in ${host.getRoots().join(', ') || 'open documents only'}`);
      const progress = this.client.capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
      progress?.begin('Sourcelens: indexing articles', 0, undefined, false);
      let lastPercent = -1;
      let lastProgressSent = 0;
      try {
        const result = await host.indexAll({
          report: (done, total) => {
            const percent = Math.floor((done / Math.max(1, total)) * 100);
            if (percent !== lastPercent) {
              lastPercent = percent;
              progress?.report(percent, `${done}/${total} articles`);
            }
            // The views say "Indexing 412 of 10,000…" instead of "No articles found" (at most 4 times a second).
            const now = Date.now();
            if (now - lastProgressSent > 250 || done === total) {
              lastProgressSent = now;
              void connection.sendNotification(IndexProgressNotification, { done, total });
            }
          },
        });
        this.indexed = true;
        log.info(`Indexed ${result.files} article file(s) in ${Date.now() - started} ms${result.skipped ? `; ${result.skipped} path(s) skipped` : ''}.`);
      } catch (error) {
        log.error(`Indexing failed: ${error instanceof Error ? error.stack : String(error)}`);
      } finally {
        progress?.done();
      }
      this.changed();
    };
    this.running = (this.running ?? Promise.resolve()).then(run, run);
    return this.running;
  }
}

export interface LifecycleContext {
  connection: Connection;
  host: CorpusHost;
  client: Client;
  index: Index;
  log: Logger;
}

export function registerLifecycle({ connection, host, client, index, log }: LifecycleContext): void {
  let storagePath: string | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client.capabilities = params.capabilities;
    client.pullDiagnostics = !!client.capabilities.textDocument?.diagnostic;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : params.rootPath ? [fileUri(params.rootPath)] : []);
    host.setRoots(folders.map((u) => uriToPath(u)).filter((p): p is string => !!p));
    const init = (params.initializationOptions ?? {}) as { settings?: unknown; storagePath?: string };
    host.setSettings(readSettings(init.settings));
    storagePath = init.storagePath;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        diagnosticProvider: client.pullDiagnostics ? { identifier: 'sourcelens', interFileDependencies: true, workspaceDiagnostics: true } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'sourcelens', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    const { capabilities } = client;
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sourcelens' });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [...FILE_WATCHERS],
      });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
        const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
        const roots = host.getRoots().filter((r) => !removed.has(r));
        for (const f of event.added) {
          const p = uriToPath(f.uri);
          if (p) roots.push(p);
        }
        host.setRoots(roots);
        await index.reindex('workspace folders changed');
      });
    }
    await loadSettings();
    const workers = workerCount(host.getSettings());
    const cache = storagePath ? new AnalysisCache(path.join(storagePath, 'analysis-cache'), (m) => log.warn(m)) : undefined;
    host.setAnalyser(new Analyser(new AnalysisPool(path.join(__dirname, 'worker.js'), workers, (m) => log.warn(m)), cache, true));
    log.info(`Analysing with ${workers} worker thread(s)${cache ? `; cache in ${storagePath}` : ''}.`);
    await index.start();
  });

  async function loadSettings(): Promise<void> {
    if (!client.capabilities.workspace?.configuration) return;
    try {
      const [raw] = await connection.workspace.getConfiguration([{ section: 'sourcelens' }]);
      host.setSettings(readSettings(raw));
    } catch (error) {
      log.warn(`Could not read settings, using defaults: ${String(error)}`);
    }
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (client.capabilities.workspace?.configuration) await loadSettings();
    else host.setSettings(readSettings((change.settings as { sourcelens?: unknown } | undefined)?.sourcelens));
    if (client.capabilities.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
    await index.reindex('settings changed');
  });

  connection.onShutdown(async () => {
    await host.dispose();
  });
}

// The language server: adapts the corpus host and the analysis core to LSP. Works with any client: VS Code (IPC,
// pull diagnostics), Neovim and others (stdio, pushed diagnostics, odd URI spellings).

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import {
  CancellationToken, ClientCapabilities, CodeAction, CodeActionKind, Connection, Diagnostic, DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification, DocumentDiagnosticReportKind, FileChangeType, InitializeParams, InitializeResult, ErrorCodes, LSPErrorCodes, ResponseError,
  RequestType0, TextDocumentSyncKind, TextDocuments, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../core/lines';
import { Article, Finding } from '../core/types';
import { Analysis } from '../core/analyse';
import { codeActionsFor, SourcesDocument } from './features/codeActions';
import { entityActions, KnowledgeDocument } from './features/entityActions';
import { KNOWLEDGE_FILE } from '../host/knowledge';
import { suppressActions } from './features/suppressActions';
import { suppressionsPath } from '../host/suppressions';
import { hoverAt } from './features/hover';
import { compareActions, compareFor, eventAt, eventCard, eventSummaries } from './features/events';
import { dateInlayHints, quoteInlayHints } from './features/inlayHints';
import { meetingCard, meetingCodeLenses, otherHeadlines, roleParticipantCard } from './features/meetings';
import { summariseMeeting } from '../host/summaries';
import { findPages, importPage } from '../host/pages';
import { version as VERSION } from '../../package.json';
import { definitionOf, entityCard, entitySymbols, highlightsOf, peopleSymbols, referencesOf } from './features/entities';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { SOURCES_FILE_NAMES } from '../host/loader';
import { isWritableTarget as isWritableFile, readTextFile } from '../host/safeRead';
import { SUPPRESSIONS_FILE } from '../host/suppressions';
import { MAX_YAML_BYTES } from '../core/yamlSafe';
import { fileUri, normaliseUri, uriToPath } from '../host/uris';
import { lineIndexOf, toDiagnostic } from './lsp';
import { coverageData } from '../core/coverage';
import { coverageHtml } from '../host/coverageHtml';
import {
  ArticleSummary, CompareRequest, CompareResult, CorpusChangedNotification, EventsRequest, CorpusChangedParams, CorpusRequest, CoverageHtmlRequest, CoverageRequest,
  EntitiesRequest, EntityDetail, EntityRequest, EntitySummary, ImportOutcomeData, ImportPagesRequest, IndexProgressNotification, MeetingAtRequest,
  MeetingRequest, MeetingsRequest, MeetingSummary, ReindexRequest, FILE_WATCHERS,
} from '../shared/protocol';
import { CodeLensRefreshRequest, MarkupKind, Position } from 'vscode-languageserver';
import { readSettings, workerCount } from '../host/settings';
import { Analyser } from '../host/analyser';
import { AnalysisCache } from '../host/cache';
import { AnalysisPool } from '../host/pool';
import { CorpusHost, FileEventKind, Logger } from '../host/workspace';
import { DiagnosticsCache, resultIdOf } from './diagnosticsCache';

/** The only files Sourcelens reads as YAML and that its quick fixes write. */
const YAML_FILE_NAMES = [...SOURCES_FILE_NAMES, KNOWLEDGE_FILE, SUPPRESSIONS_FILE];

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log: Logger = {
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };
  const host = new CorpusHost(log);
  let capabilities: ClientCapabilities = {};
  let pullDiagnostics = false;
  let indexing: Promise<void> | undefined;
  /** Settles once start-up indexing has begun: until then (settings are still being fetched) there is no index to wait for. */
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  /** Settles when the index is complete: start-up and any re-index queued since. */
  const indexComplete = async () => {
    await started;
    await indexing;
  };
  let indexed = false;
  let storagePath: string | undefined;
  /** The result id of the diagnostics last pushed per URI (push mode), so unchanged files are not re-sent. */
  const pushed = new Map<string, string>();
  const diagnosticsCache = new DiagnosticsCache((uri) => diagnosticsFor(uri));
  /** The sources.yaml problems the cache was last told about (they change only on re-index or file events). */
  let knownSourceProblems: Finding[] = [];
  /** Wakes a waiting workspace-diagnostics request when the corpus changes. */
  let wakeWorkspacePull: (() => void) | undefined;

  const norm = (uri: string) => normaliseUri(uri);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    pullDiagnostics = !!capabilities.textDocument?.diagnostic;
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
        diagnosticProvider: pullDiagnostics ? { identifier: 'sourcelens', interFileDependencies: true, workspaceDiagnostics: true } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'sourcelens', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
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
        await reindex('workspace folders changed');
      });
    }
    await loadSettings();
    const workers = workerCount(host.getSettings());
    const cache = storagePath ? new AnalysisCache(path.join(storagePath, 'analysis-cache'), (m) => log.warn(m)) : undefined;
    host.setAnalyser(new Analyser(new AnalysisPool(path.join(__dirname, 'worker.js'), workers, (m) => log.warn(m)), cache, true));
    log.info(`Analysing with ${workers} worker thread(s)${cache ? `; cache in ${storagePath}` : ''}.`);
    const startUp = reindex('start-up');
    markStarted();
    await startUp;
  });

  async function loadSettings(): Promise<void> {
    if (!capabilities.workspace?.configuration) return;
    try {
      const [raw] = await connection.workspace.getConfiguration([{ section: 'sourcelens' }]);
      host.setSettings(readSettings(raw));
    } catch (error) {
      log.warn(`Could not read settings, using defaults: ${String(error)}`);
    }
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (capabilities.workspace?.configuration) await loadSettings();
    else host.setSettings(readSettings((change.settings as { sourcelens?: unknown } | undefined)?.sourcelens));
    if (capabilities.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
    await reindex('settings changed');
  });

  /** Indexes the whole corpus with progress; requests keep being answered meanwhile. */
  function reindex(reason: string): Promise<void> {
    const run = async () => {
      const started = Date.now();
      log.info(`Indexing corpus (${reason}) in ${host.getRoots().join(', ') || 'open documents only'}`);
      const progress = capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
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
        indexed = true;
        log.info(`Indexed ${result.files} article file(s) in ${Date.now() - started} ms${result.skipped ? `; ${result.skipped} path(s) skipped` : ''}.`);
      } catch (error) {
        log.error(`Indexing failed: ${error instanceof Error ? error.stack : String(error)}`);
      } finally {
        progress?.done();
      }
      corpusChanged();
    };
    indexing = (indexing ?? Promise.resolve()).then(run, run);
    return indexing;
  }

  /**
   * A custom request that takes no params. Clients send it without params (vscode-jsonrpc then hands the handler
   * only the token) or with null (the token comes second): take the token from wherever it is.
   */
  function onRequestWithoutParams<R>(type: RequestType0<R, void>, handler: (token: CancellationToken) => Promise<R>): void {
    connection.onRequest(type.method, (...args: unknown[]) => handler(args.find((a): a is CancellationToken => CancellationToken.is(a)) ?? CancellationToken.None));
  }

  /**
   * Refuses params of the wrong shape with InvalidParams (-32602), before a handler dereferences them (which
   * answered InternalError, -32603). `needs` names what the request must carry.
   */
  function checkParams(params: unknown, ...needs: ('textDocument' | 'position' | 'range' | 'id' | 'uri' | 'query' | 'previousResultIds' | 'meetingId' | 'eventId' | 'head' | 'tail')[]): void {
    const p = params as Record<string, unknown> | null | undefined;
    const bad = (what: string) => {
      throw new ResponseError(ErrorCodes.InvalidParams, `Invalid params: ${what}`);
    };
    if (!p || typeof p !== 'object') bad('expected an object');
    const isPosition = (x: unknown) => {
      const q = x as { line?: unknown; character?: unknown } | null;
      return !!q && typeof q === 'object' && Number.isInteger(q.line) && Number.isInteger(q.character) && (q.line as number) >= 0 && (q.character as number) >= 0;
    };
    for (const need of needs) {
      const value = p![need];
      if (need === 'textDocument' && !(value && typeof value === 'object' && typeof (value as { uri?: unknown }).uri === 'string')) bad('textDocument.uri must be a string');
      if (need === 'position' && !isPosition(value)) bad('position must be { line, character } with non-negative integers');
      if (need === 'range' && !(value && typeof value === 'object' && isPosition((value as { start?: unknown }).start) && isPosition((value as { end?: unknown }).end))) bad('range must have start and end positions');
      if ((need === 'id' || need === 'uri' || need === 'query' || need === 'meetingId' || need === 'eventId' || need === 'head' || need === 'tail') && typeof value !== 'string') bad(`${need} must be a string`);
      if (need === 'previousResultIds' && !Array.isArray(value)) bad('previousResultIds must be an array');
    }
  }

  /**
   * Waits until a request can be answered: one about a single document as soon as that document is indexed (open
   * files are indexed first, so the reader's own file answers moments after start-up, not after 10,000 others);
   * anything corpus-wide once the whole index is in. Then refuses a request the client has cancelled meanwhile, or
   * one whose document was edited while it waited (the answer would describe text that is gone).
   */
  async function ready(token: CancellationToken, uri?: string): Promise<void> {
    // An edit waiting in a burst is analysed first: the answer is about the text the client has now.
    if (uri) flushEdit(norm(uri));
    else for (const waiting of [...pendingEdits.keys()]) flushEdit(waiting);
    const version = uri ? documents.get(uri)?.version : undefined;
    if ((!uri || !host.corpus.has(norm(uri))) && !token.isCancellationRequested) {
      // A request cancelled while it waits is refused at once, not after the index is in. (One cancelled before it
      // was dispatched carries a token whose event never fires: hence the check above.)
      let stop: { dispose(): void } | undefined;
      await Promise.race([indexComplete(), new Promise<void>((resolve) => (stop = token.onCancellationRequested(() => resolve())))]);
      stop?.dispose();
    }
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    if (uri && documents.get(uri)?.version !== version) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while the request waited');
  }

  let notifyTimer: NodeJS.Timeout | undefined;
  /** Diagnostics and views follow every change; cross-document work is batched so typing stays fast. */
  function corpusChanged(changedUri?: string): void {
    if (pullDiagnostics) {
      wakeWorkspacePull?.();
    } else if (changedUri) {
      publishQuick(changedUri); // at once; cross-document findings follow with the batched pass below
    }
    clearTimeout(notifyTimer);
    notifyTimer = setTimeout(() => {
      if (pullDiagnostics) {
        if (capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
      } else {
        publishChanged();
      }
      const counts = diagnosticsCache.total(allDiagnosticUris());
      const params: CorpusChangedParams = { articles: host.corpus.size, findings: counts, indexing: !indexed };
      void connection.sendNotification(CorpusChangedNotification, params);
      if (capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
    }, changedUri ? 150 : 0);
  }

  function lineIndexForUri(uri: string): LineIndex | undefined {
    const article = host.corpus.get(uri);
    if (article) return lineIndexOf(article);
    const source = sourcesText(uri);
    return source === undefined ? undefined : new LineIndex(source);
  }

  function sourcesText(uri: string): string | undefined {
    const open = documents.get(uri);
    if (open) return open.getText();
    const p = uriToPath(uri);
    if (!p || !YAML_FILE_NAMES.includes(path.basename(p))) return undefined;
    return readYaml(p);
  }

  /** A Sourcelens YAML file's text: a regular file of at most a few MB (never blocks on a FIFO), else undefined. */
  function readYaml(p: string): string | undefined {
    const read = readTextFile(p, MAX_YAML_BYTES);
    return read.ok ? read.text : undefined;
  }

  /**
   * Whether a quick fix may write this file: one of the three Sourcelens YAML files, inside a workspace folder once
   * every link in its path is resolved (the file need not exist yet; its folder must).
   */
  function isWritableTarget(uri: string): boolean {
    const p = uriToPath(uri);
    return !!p && isWritableFile(p, host.getRoots(), YAML_FILE_NAMES);
  }

  /** Drops any action whose edit would touch a file other than a Sourcelens YAML file inside the workspace. */
  function safeActions(actions: CodeAction[]): CodeAction[] {
    return actions.filter((action) => {
      const uris: string[] = [...Object.keys(action.edit?.changes ?? {})];
      for (const change of action.edit?.documentChanges ?? []) {
        if ('textDocument' in change) uris.push(change.textDocument.uri);
        else if ('uri' in change) uris.push(change.uri);
        else if ('oldUri' in change) uris.push(change.oldUri, change.newUri);
      }
      return uris.every(isWritableTarget);
    });
  }

  /** Diagnostics for any URI: an article, or a sources.yaml with problems. `quick`: skip the corpus-wide pass. */
  function diagnosticsFor(uri: string, quick = false): Diagnostic[] {
    const article = host.corpus.get(uri);
    if (article) return (quick ? host.corpus.quickFindings(uri) : host.corpus.findings(uri)).map((f) => toDiagnostic(f, lineIndexOf(article), lineIndexForUri));
    const problems = host.sourcesProblems().filter((f) => f.uri === uri);
    if (!problems.length) return [];
    const index = lineIndexForUri(uri) ?? new LineIndex('');
    return problems.map((f) => toDiagnostic(f, index, lineIndexForUri));
  }

  function allDiagnosticUris(): string[] {
    return [...new Set([...host.corpus.uris(), ...host.sourcesProblems().map((f) => f.uri)])];
  }

  /** Articles whose diagnostics changed and have not been pushed since (push mode), or 'all'. */
  let unpublished: Set<string> | 'all' = new Set();
  /** Article summaries for the Articles view, recomputed only for articles whose findings changed. */
  const summaries = new Map<string, ArticleSummary>();

  /**
   * Takes what changed from the corpus: forgets those URIs' cached diagnostics and summaries, and queues them for
   * the next push. Any handler may call it; nothing is lost for the publisher.
   */
  function syncDiagnostics(): void {
    const changed = host.corpus.takeChangedUris();
    const sources = host.sourcesProblems();
    if (changed !== 'all' && sources !== knownSourceProblems) {
      for (const f of [...knownSourceProblems, ...sources]) changed.add(f.uri);
    }
    knownSourceProblems = sources;
    diagnosticsCache.forget(changed);
    if (changed === 'all') summaries.clear();
    else for (const uri of changed) summaries.delete(uri);
    if (pullDiagnostics) return; // the client asks; nothing is pushed
    if (changed === 'all' || unpublished === 'all') unpublished = 'all';
    else for (const uri of changed) unpublished.add(uri);
  }

  /** Pushes the diagnostics of an edited file at once (its own findings; cross-document ones as last computed). */
  function publishQuick(uri: string): void {
    const diagnostics = diagnosticsFor(uri, true);
    const resultId = resultIdOf(diagnostics);
    if (pushed.get(uri) === resultId) return;
    pushed.set(uri, resultId);
    void connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Pushes what changed (and `also`); a URI that left the corpus gets an empty list. */
  function publishChanged(also: string[] = []): void {
    syncDiagnostics();
    const current = new Set(allDiagnosticUris());
    const candidates = unpublished === 'all' ? new Set([...current, ...pushed.keys()]) : new Set([...unpublished, ...also]);
    unpublished = new Set();
    for (const uri of candidates) {
      if (!current.has(uri)) {
        if (pushed.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
        continue;
      }
      const state = diagnosticsCache.state(uri);
      if (pushed.get(uri) === state.resultId) continue;
      pushed.set(uri, state.resultId);
      void connection.sendDiagnostics({ uri, diagnostics: state.diagnostics ?? diagnosticsFor(uri) });
    }
  }

  // Pull diagnostics: one document, or the whole workspace (Problems panel shows files that are not open).
  connection.languages.diagnostics.on(async (params, token) => {
    checkParams(params, 'textDocument');
    await ready(token, params.textDocument.uri);
    const uri = norm(params.textDocument.uri);
    syncDiagnostics();
    const { diagnostics: items, resultId } = diagnosticsCache.diagnostics(uri);
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  });

  connection.languages.diagnostics.onWorkspace(async (params, token): Promise<WorkspaceDiagnosticReport> => {
    checkParams(params, 'previousResultIds');
    await ready(token);
    const previous = new Map(params.previousResultIds.map((p) => [norm(p.uri), p.value]));
    const report = () => {
      syncDiagnostics();
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const uri of allDiagnosticUris()) {
        const state = diagnosticsCache.state(uri);
        if (previous.get(uri) === state.resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, resultId: state.resultId, version: null });
        else items.push({ kind: DocumentDiagnosticReportKind.Full, uri, resultId: state.resultId, items: state.diagnostics ?? diagnosticsFor(uri), version: null });
        previous.delete(uri);
      }
      // Files that left the corpus: clear what the client still shows for them.
      for (const uri of previous.keys()) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, items: [], version: null });
      return items;
    };
    let items = report();
    // Nothing new: hold the request (the client re-asks every 2 s otherwise) until the corpus changes.
    if (items.every((i) => i.kind === DocumentDiagnosticReportKind.Unchanged)) {
      await waitForChange(token, 60_000);
      if (token.isCancellationRequested) return { items: [] };
      items = report();
    }
    return { items };
  });

  function waitForChange(token: CancellationToken, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (wakeWorkspacePull === done) wakeWorkspacePull = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      token.onCancellationRequested(done);
      wakeWorkspacePull?.();
      wakeWorkspacePull = done;
    });
  }

  /**
   * Edits waiting to be analysed, by URI: a burst of didChange (3,000 at once froze the server for 102 s) coalesces
   * into one analysis of the latest text. The first edit after a quiet spell is analysed at the next turn of the
   * event loop; while edits keep coming, the next analysis waits as long as the last one took, so analysis takes at
   * most about half the server's time and messages (and requests) in between are answered.
   */
  const pendingEdits = new Map<string, { timer: NodeJS.Timeout; documentUri: string }>();
  const analysisCost = new Map<string, { ms: number; at: number }>();

  function scheduleEdit(uri: string, documentUri: string): void {
    if (pendingEdits.has(uri)) return; // the pending analysis reads the latest text when it runs
    const last = analysisCost.get(uri);
    const busy = last && performance.now() - last.at < last.ms + 50;
    const delay = busy ? Math.min(last!.ms, 2_000) : 0;
    pendingEdits.set(uri, { timer: setTimeout(() => flushEdit(uri), delay), documentUri });
  }

  function flushEdit(uri: string): void {
    const pending = pendingEdits.get(uri);
    if (!pending) return;
    cancelEdit(uri);
    const document = documents.get(pending.documentUri);
    if (!document) return;
    const started = performance.now();
    const changed = host.updateOpen(uri, document.getText());
    const ended = performance.now();
    analysisCost.set(uri, { ms: ended - started, at: ended });
    if (changed) corpusChanged(uri);
  }

  function cancelEdit(uri: string): void {
    const pending = pendingEdits.get(uri);
    if (pending) clearTimeout(pending.timer);
    pendingEdits.delete(uri);
  }

  // Document sync: open documents overlay the files on disk.
  documents.onDidOpen((e) => {
    const uri = norm(e.document.uri);
    if (host.updateOpen(uri, e.document.getText())) corpusChanged(uri);
    else if (!pullDiagnostics && host.corpus.has(uri)) publishChanged([uri]);
  });
  documents.onDidChangeContent((e) => scheduleEdit(norm(e.document.uri), e.document.uri));
  documents.onDidClose(async (e) => {
    const uri = norm(e.document.uri);
    cancelEdit(uri);
    if (await host.closeDocument(uri)) corpusChanged(uri);
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    const kinds: Record<number, FileEventKind> = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' };
    await indexComplete();
    const events = params.changes.map((c) => ({ uri: norm(c.uri), kind: kinds[c.type] }));
    try {
      if (await host.fileEvents(events)) corpusChanged(events[0]?.uri);
    } catch (error) {
      log.error(`Could not apply file changes: ${String(error)}`);
    }
  });

  function articleFor(uri: string): Article | undefined {
    return host.corpus.get(norm(uri));
  }

  connection.onHover(async (params, token) => {
    checkParams(params, 'textDocument', 'position');
    await ready(token, params.textDocument.uri);
    const analysis = host.corpus.analysis(norm(params.textDocument.uri));
    if (!analysis) return null;
    const index = lineIndexOf(analysis.article);
    const offset = index.offsetAt(params.position);
    const hover = hoverAt(analysis, offset, host.corpus.findings(analysis.article.uri), index, host.corpus);
    const onHeadline = analysis.article.headline && offset >= analysis.article.headline.range.start && offset <= analysis.article.headline.range.end;
    if (hover && onHeadline) {
      const others = otherHeadlines(analysis.article.uri, host.corpus);
      if (others) (hover.contents as { value: string }).value += `\n${others}`;
    }
    if (hover) return hover;
    const role = roleParticipantCard(analysis.article.uri, offset, host.corpus);
    if (role) return { contents: { kind: MarkupKind.Markdown, value: role.value }, range: toLspRange(analysis.article, role.range) };
    const entity = host.corpus.entities().at(analysis.article.uri, offset);
    if (entity) {
      const here = entity.entity.mentions.find((m) => m.mention === entity.mention)!;
      return { contents: { kind: MarkupKind.Markdown, value: entityCard(entity.entity, here, host.corpus) }, range: toLspRange(analysis.article, entity.mention.range) };
    }
    const found = host.corpus.meetings().at(analysis.article.uri, offset);
    if (found) return { contents: { kind: MarkupKind.Markdown, value: meetingCard(found.meeting, found.account, host.corpus) } };
    const event = eventAt(analysis, offset, host.corpus);
    if (!event) return null;
    return { contents: { kind: MarkupKind.Markdown, value: eventCard(event, analysis, host.corpus) } };
  });

  connection.onCodeLens(async (params, token) => {
    checkParams(params, 'textDocument');
    await ready(token, params.textDocument.uri);
    return meetingCodeLenses(norm(params.textDocument.uri), host.corpus);
  });

  let entitySummaries: { version: number; list: EntitySummary[] } | undefined;
  onRequestWithoutParams(EntitiesRequest, async (token): Promise<EntitySummary[]> => {
    await ready(token);
    if (entitySummaries?.version !== host.corpus.version) {
      const list = host.corpus.entities().entities().map((e) => ({
        id: e.id, kind: e.kind, canonical: e.canonical, aliases: e.aliases, mentionCount: e.mentions.length, articleCount: new Set(e.mentions.map((m) => m.uri)).size,
      }));
      entitySummaries = { version: host.corpus.version, list: list.sort((a, b) => b.mentionCount - a.mentionCount || a.canonical.localeCompare(b.canonical)) };
    }
    return entitySummaries.list;
  });

  connection.onRequest(EntityRequest, async (params, token): Promise<EntityDetail | null> => {
    checkParams(params, 'id');
    await ready(token);
    const e = host.corpus.entities().get(params.id);
    if (!e) return null;
    const byUri = new Map<string, EntityDetail['articles'][number]>();
    for (const m of e.mentions) {
      const article = host.corpus.get(m.uri);
      if (!article) continue;
      let entry = byUri.get(m.uri);
      if (!entry) byUri.set(m.uri, (entry = { uri: m.uri, name: article.name, outlet: article.meta.outlet ?? null, mentions: [] }));
      entry.mentions.push({ range: toLspRange(article, m.mention.range), text: m.mention.text, title: m.mention.roleText ?? null });
    }
    return { id: e.id, kind: e.kind, canonical: e.canonical, aliases: e.aliases, mentionCount: e.mentions.length, articleCount: byUri.size, articles: [...byUri.values()] };
  });

  onRequestWithoutParams(MeetingsRequest, async (token): Promise<MeetingSummary[]> => {
    await ready(token);
    return host.corpus.meetings().all().map((m) => summariseMeeting(m, host.corpus));
  });

  connection.onRequest(MeetingRequest, async (params, token): Promise<MeetingSummary | null> => {
    checkParams(params, 'id');
    await ready(token);
    const meeting = host.corpus.meetings().get(params.id);
    return meeting ? summariseMeeting(meeting, host.corpus) : null;
  });

  onRequestWithoutParams(CoverageRequest, async (token) => {
    await ready(token);
    return coverageData(host.corpus) as unknown as Record<string, unknown>;
  });

  // The Coverage page is rendered here (the plotting library stays out of the client); the client adds its CSP and
  // the one script that turns a click into "open this account".
  connection.onRequest(CoverageHtmlRequest, async (params, token) => {
    checkParams(params, 'head', 'tail');
    await ready(token);
    return coverageHtml(coverageData(host.corpus), { title: 'Sourcelens coverage', head: params.head, tail: params.tail });
  });

  connection.onRequest(CompareRequest, async (params, token): Promise<CompareResult | null> => {
    if (params?.meetingId !== undefined) checkParams(params, 'meetingId');
    else if (params?.uri !== undefined || params?.position !== undefined) checkParams(params, 'uri', 'position');
    else checkParams(params, 'eventId');
    await ready(token);
    if (params.uri === undefined) return compareFor(host.corpus, params);
    const article = host.corpus.get(norm(params.uri));
    return article ? compareFor(host.corpus, { uri: article.uri, offset: lineIndexOf(article).offsetAt(params.position!) }) : null;
  });

  onRequestWithoutParams(EventsRequest, async (token) => {
    await ready(token);
    return eventSummaries(host.corpus);
  });

  connection.onRequest(MeetingAtRequest, async (params, token) => {
    checkParams(params, 'uri', 'position');
    await ready(token);
    const article = host.corpus.get(norm(params.uri));
    if (!article) return null;
    const found = host.corpus.meetings().at(article.uri, lineIndexOf(article).offsetAt(params.position));
    return found ? { meetingId: found.meeting.id, accountId: found.account.id } : null;
  });

  connection.onDocumentSymbol(async (params, token) => {
    checkParams(params, 'textDocument');
    await ready(token, params.textDocument.uri);
    const analysis = host.corpus.analysis(norm(params.textDocument.uri));
    if (!analysis) return [];
    const symbols = documentSymbols(analysis, lineIndexOf(analysis.article));
    const people = peopleSymbols(analysis.article.uri, host.corpus);
    if (symbols[0]?.children && analysis.article.headline) symbols[0].children.push(...people);
    else symbols.push(...people);
    return symbols;
  });

  function entityAt(uri: string, position: Position) {
    const article = host.corpus.get(norm(uri));
    return article ? host.corpus.entities().at(article.uri, lineIndexOf(article).offsetAt(position)) : undefined;
  }

  connection.onDefinition(async (params, token) => {
    checkParams(params, 'textDocument', 'position');
    await ready(token);
    const found = entityAt(params.textDocument.uri, params.position);
    return found ? definitionOf(found.entity, host.corpus) ?? null : null;
  });

  connection.onReferences(async (params, token) => {
    checkParams(params, 'textDocument', 'position');
    await ready(token);
    const found = entityAt(params.textDocument.uri, params.position);
    return found ? referencesOf(found.entity, host.corpus) : [];
  });

  connection.onDocumentHighlight(async (params, token) => {
    checkParams(params, 'textDocument', 'position');
    await ready(token, params.textDocument.uri);
    const found = entityAt(params.textDocument.uri, params.position);
    return found ? highlightsOf(found.entity, norm(params.textDocument.uri), host.corpus) : [];
  });

  connection.languages.inlayHint.on(async (params, token) => {
    checkParams(params, 'textDocument', 'range');
    await ready(token, params.textDocument.uri);
    const analysis = host.corpus.analysis(norm(params.textDocument.uri));
    if (!analysis) return [];
    const settings = host.getSettings().inlayHints;
    const index = lineIndexOf(analysis.article);
    return [
      ...(settings.dates ? dateInlayHints(analysis, index, params.range) : []),
      ...(settings.quotes ? quoteInlayHints(analysis, index, params.range) : []),
    ].sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
  });

  connection.onWorkspaceSymbol(async (params, token) => {
    checkParams(params, 'query');
    await ready(token);
    return [...entitySymbols(host.corpus, params.query), ...workspaceSymbols(host.corpus.list(), params.query, lineIndexOf)];
  });

  connection.onCodeAction((params) => {
    checkParams(params, 'textDocument', 'range');
    if (!Array.isArray((params.context as { diagnostics?: unknown } | undefined)?.diagnostics)) throw new ResponseError(ErrorCodes.InvalidParams, 'Invalid params: context.diagnostics must be an array');
    const article = articleFor(params.textDocument.uri);
    if (!article) return [];
    const offset = lineIndexOf(article).offsetAt(params.range.start);
    return safeActions([
      ...codeActionsFor(article, params.context.diagnostics, readSourcesDocument),
      ...entityActions(host.corpus, article.uri, offset, params.context.diagnostics, readKnowledgeDocument()),
      ...suppressActions(article, params.context.diagnostics, suppressionsPath(host.getRoots()), readText(suppressionsPath(host.getRoots()))),
      ...compareActions(article.uri, params.context.diagnostics),
    ]);
  });

  function readText(p: string): string | undefined {
    const open = documents.get(fileUri(p));
    if (open) return open.getText();
    return readYaml(p);
  }

  /** The knowledge file at the top of the first workspace folder (created by the first action that needs it). */
  function readKnowledgeDocument(): KnowledgeDocument {
    const root = host.getRoots()[0] ?? process.cwd();
    const p = path.join(root, KNOWLEDGE_FILE);
    const uri = fileUri(p);
    const open = documents.get(uri);
    if (open) return { uri, text: open.getText() };
    return { uri, text: readYaml(p) };
  }

  function readSourcesDocument(folder: string): SourcesDocument {
    for (const name of SOURCES_FILE_NAMES) {
      const p = path.join(folder, name);
      const uri = fileUri(p);
      const open = documents.get(uri);
      if (open) return { uri, text: open.getText() };
      if (existsSync(p)) {
        const text = readYaml(p);
        if (text !== undefined) return { uri, text };
        // unreadable (or a FIFO, or huge): fall through and offer to create beside it
      }
    }
    return { uri: fileUri(path.join(folder, 'sources.yaml')), text: undefined };
  }

  onRequestWithoutParams(CorpusRequest, async (token): Promise<ArticleSummary[]> => {
    await ready(token);
    syncDiagnostics();
    return host.corpus.all().map((a) => {
      let summary = summaries.get(a.article.uri);
      if (!summary) summaries.set(a.article.uri, (summary = summarise(a, host.corpus.findings(a.article.uri))));
      return summary;
    });
  });

  // Import runs here, not in the client: extraction is host code the CLI shares, and the client only starts the
  // server and shows what it answers. Pages are read and .md files written inside the workspace only.
  connection.onRequest(ImportPagesRequest, async (params) => {
    if (!params || !Array.isArray(params.paths) || !params.paths.every((p) => typeof p === 'string')) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'sourcelens/importPages needs { paths: string[], force: boolean }');
    }
    const { pages } = await findPages(params.paths);
    if (!pages.length) return null;
    const outcomes: ImportOutcomeData[] = [];
    for (const page of pages) outcomes.push(await importPage(page, { force: params.force === true, version: VERSION }));
    return outcomes;
  });

  connection.onRequest(ReindexRequest, async () => {
    await reindex('requested');
    return { articles: host.corpus.size };
  });

  connection.onShutdown(async () => {
    await host.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

function summarise(analysis: Analysis, findings: Finding[]): ArticleSummary {
  const { article, sourcing } = analysis;
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    uri: article.uri,
    name: article.name,
    outlet: article.meta.outlet ?? null,
    published: article.published?.iso ?? null,
    publishedFrom: article.published?.how ?? null,
    headline: article.headline?.text ?? null,
    headlineRange: article.headline ? toLspRange(article, article.headline.range) : null,
    wordCount: article.wordCount,
    boilerplate: article.boilerplate.filter((b) => b.kind !== 'front-matter').length,
    findings: counts,
    problems: article.problems.map((p) => p.message),
    sourcing: {
      sentences: article.sentences.length,
      attributed: new Set(sourcing.attributions.map((a) => a.sentence)).size,
      anonymous: new Set(sourcing.attributions.filter((a) => a.source.type === 'anonymous').map((a) => a.sentence)).size,
      unattributedClaims: findings.filter((f) => f.code === 'unattributed-claim').length,
      sources: [...new Set(sourcing.attributions.filter((a) => !a.inherited).map((a) => a.source.name))],
    },
  };
}

function toLspRange(article: Article, range: { start: number; end: number }) {
  const index = lineIndexOf(article);
  return { start: index.positionAt(range.start), end: index.positionAt(range.end) };
}

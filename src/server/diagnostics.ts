// Diagnostics, pushed (Neovim and others) or pulled (VS Code), and the notifications that let the views follow the
// corpus. Only URIs whose findings changed are recomputed (DiagnosticsCache); an edited file's own findings are
// pushed at once and cross-document work is batched.

import {
  CancellationToken, CodeLensRefreshRequest, Connection, Diagnostic, DocumentDiagnosticReportKind, WorkspaceDiagnosticReport,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { LineIndex } from '../core/lines';
import { Finding } from '../core/types';
import { normaliseUri as norm } from '../host/uris';
import { CorpusHost } from '../host/workspace';
import { CorpusChangedNotification, CorpusChangedParams } from '../shared/protocol';
import { DiagnosticsCache, resultIdOf } from './diagnosticsCache';
import type { ChangeListener, Ready } from './documents';
import type { Client } from './lifecycle';
import { lineIndexOf, toDiagnostic } from './lsp';
import { checkParams } from './params';

/** URIs whose findings changed, or 'all'. */
export type ChangedUris = Set<string> | 'all';

export class Diagnostics implements ChangeListener {
  /** The result id of the diagnostics last pushed per URI (push mode), so unchanged files are not re-sent. */
  private readonly pushed = new Map<string, string>();
  private readonly cache = new DiagnosticsCache((uri) => this.diagnosticsFor(uri));
  /** The sources.yaml problems the cache was last told about (they change only on re-index or file events). */
  private knownSourceProblems: Finding[] = [];
  /** Wakes a waiting workspace-diagnostics request when the corpus changes. */
  private wakeWorkspacePull: (() => void) | undefined;
  private notifyTimer: NodeJS.Timeout | undefined;
  /** Articles whose diagnostics changed and have not been pushed since (push mode), or 'all'. */
  private unpublished: ChangedUris = new Set();
  private readonly syncListeners: ((changed: ChangedUris) => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly host: CorpusHost,
    private readonly client: Client,
    private readonly yamlText: (uri: string) => string | undefined,
    private readonly indexed: () => boolean,
  ) {}

  /** Diagnostics and views follow every change; cross-document work is batched so typing stays fast. */
  corpusChanged(changedUri?: string): void {
    const { connection, client } = this;
    if (client.pullDiagnostics) {
      this.wakeWorkspacePull?.();
    } else if (changedUri) {
      this.publishQuick(changedUri); // at once; cross-document findings follow with the batched pass below
    }
    clearTimeout(this.notifyTimer);
    this.notifyTimer = setTimeout(() => {
      if (client.pullDiagnostics) {
        if (client.capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
      } else {
        this.publishChanged();
      }
      const counts = this.cache.total(this.allDiagnosticUris());
      const params: CorpusChangedParams = { articles: this.host.corpus.size, findings: counts, indexing: !this.indexed() };
      void connection.sendNotification(CorpusChangedNotification, params);
      if (client.capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
    }, changedUri ? 150 : 0);
  }

  opened(uri: string): void {
    if (!this.client.pullDiagnostics && this.host.corpus.has(uri)) this.publishChanged([uri]);
  }

  /** Called with what changed at each sync (the Articles view's summaries follow it). */
  onSync(listener: (changed: ChangedUris) => void): void {
    this.syncListeners.push(listener);
  }

  /**
   * Takes what changed from the corpus: forgets those URIs' cached diagnostics (and tells the sync listeners), and
   * queues them for the next push. Any handler may call it; nothing is lost for the publisher.
   */
  sync(): void {
    const changed = this.host.corpus.takeChangedUris();
    const sources = this.host.sourcesProblems();
    if (changed !== 'all' && sources !== this.knownSourceProblems) {
      for (const f of [...this.knownSourceProblems, ...sources]) changed.add(f.uri);
    }
    this.knownSourceProblems = sources;
    this.cache.forget(changed);
    for (const listener of this.syncListeners) listener(changed);
    if (this.client.pullDiagnostics) return; // the client asks; nothing is pushed
    if (changed === 'all' || this.unpublished === 'all') this.unpublished = 'all';
    else for (const uri of changed) this.unpublished.add(uri);
  }

  /** Pull diagnostics: one document, or the whole workspace (Problems panel shows files that are not open). */
  register(ready: Ready): void {
    const { connection } = this;
    connection.languages.diagnostics.on(async (params, token) => {
      checkParams(params, 'textDocument');
      await ready(token, params.textDocument.uri);
      const uri = norm(params.textDocument.uri);
      this.sync();
      const { diagnostics: items, resultId } = this.cache.diagnostics(uri);
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    });

    connection.languages.diagnostics.onWorkspace(async (params, token): Promise<WorkspaceDiagnosticReport> => {
      checkParams(params, 'previousResultIds');
      await ready(token);
      const previous = new Map(params.previousResultIds.map((p) => [norm(p.uri), p.value]));
      const report = () => {
        this.sync();
        const items: WorkspaceDocumentDiagnosticReport[] = [];
        for (const uri of this.allDiagnosticUris()) {
          const state = this.cache.state(uri);
          if (previous.get(uri) === state.resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, resultId: state.resultId, version: null });
          else items.push({ kind: DocumentDiagnosticReportKind.Full, uri, resultId: state.resultId, items: state.diagnostics ?? this.diagnosticsFor(uri), version: null });
          previous.delete(uri);
        }
        // Files that left the corpus: clear what the client still shows for them.
        for (const uri of previous.keys()) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, items: [], version: null });
        return items;
      };
      let items = report();
      // Nothing new: hold the request (the client re-asks every 2 s otherwise) until the corpus changes.
      if (items.every((i) => i.kind === DocumentDiagnosticReportKind.Unchanged)) {
        await this.waitForChange(token, 60_000);
        if (token.isCancellationRequested) return { items: [] };
        items = report();
      }
      return { items };
    });
  }

  private waitForChange(token: CancellationToken, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wakeWorkspacePull === done) this.wakeWorkspacePull = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      token.onCancellationRequested(done);
      this.wakeWorkspacePull?.();
      this.wakeWorkspacePull = done;
    });
  }

  private lineIndexForUri(uri: string): LineIndex | undefined {
    const article = this.host.corpus.get(uri);
    if (article) return lineIndexOf(article);
    const source = this.yamlText(uri);
    return source === undefined ? undefined : new LineIndex(source);
  }

  /** Diagnostics for any URI: an article, or a sources.yaml with problems. `quick`: skip the corpus-wide pass. */
  private diagnosticsFor(uri: string, quick = false): Diagnostic[] {
    const { corpus } = this.host;
    const lineIndexFor = (u: string) => this.lineIndexForUri(u);
    const article = corpus.get(uri);
    if (article) return (quick ? corpus.quickFindings(uri) : corpus.findings(uri)).map((f) => toDiagnostic(f, lineIndexOf(article), lineIndexFor));
    const problems = this.host.sourcesProblems().filter((f) => f.uri === uri);
    if (!problems.length) return [];
    const index = this.lineIndexForUri(uri) ?? new LineIndex('');
    return problems.map((f) => toDiagnostic(f, index, lineIndexFor));
  }

  private allDiagnosticUris(): string[] {
    return [...new Set([...this.host.corpus.uris(), ...this.host.sourcesProblems().map((f) => f.uri)])];
  }

  /** Pushes the diagnostics of an edited file at once (its own findings; cross-document ones as last computed). */
  private publishQuick(uri: string): void {
    const diagnostics = this.diagnosticsFor(uri, true);
    const resultId = resultIdOf(diagnostics);
    if (this.pushed.get(uri) === resultId) return;
    this.pushed.set(uri, resultId);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Pushes what changed (and `also`); a URI that left the corpus gets an empty list. */
  private publishChanged(also: string[] = []): void {
    this.sync();
    const current = new Set(this.allDiagnosticUris());
    const candidates = this.unpublished === 'all' ? new Set([...current, ...this.pushed.keys()]) : new Set([...this.unpublished, ...also]);
    this.unpublished = new Set();
    for (const uri of candidates) {
      if (!current.has(uri)) {
        if (this.pushed.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        continue;
      }
      const state = this.cache.state(uri);
      if (this.pushed.get(uri) === state.resultId) continue;
      this.pushed.set(uri, state.resultId);
      void this.connection.sendDiagnostics({ uri, diagnostics: state.diagnostics ?? this.diagnosticsFor(uri) });
    }
  }
}

// Open documents overlay the files on disk: document sync, bursts of edits coalesced into one analysis, file
// watcher events, and `ready`, which says when a request about a document (or the corpus) can be answered.

import { CancellationToken, Connection, FileChangeType, LSPErrorCodes, ResponseError, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { normaliseUri as norm } from '../host/uris';
import { CorpusHost, FileEventKind, Logger } from '../host/workspace';

/** Waits until a request can be answered (see `readiness`); throws the LSP error that refuses it otherwise. */
export type Ready = (token: CancellationToken, uri?: string) => Promise<void>;

/** What the diagnostics publisher needs to hear from document sync. */
export interface ChangeListener {
  /** The corpus changed (for `uri`, when one document caused it). */
  corpusChanged(uri?: string): void;
  /** A document was opened whose analysis did not change (push mode still sends it its diagnostics). */
  opened(uri: string): void;
}

/**
 * Edits waiting to be analysed, by URI: a burst of didChange (3,000 at once froze the server for 102 s) coalesces
 * into one analysis of the latest text. The first edit after a quiet spell is analysed at the next turn of the
 * event loop; while edits keep coming, the next analysis waits as long as the last one took, so analysis takes at
 * most about half the server's time and messages (and requests) in between are answered.
 */
export class Edits {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; documentUri: string }>();
  private readonly cost = new Map<string, { ms: number; at: number }>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly host: CorpusHost,
    private readonly changed: (uri: string) => void,
  ) {}

  schedule(uri: string, documentUri: string): void {
    if (this.pending.has(uri)) return; // the pending analysis reads the latest text when it runs
    const last = this.cost.get(uri);
    const busy = last && performance.now() - last.at < last.ms + 50;
    const delay = busy ? Math.min(last!.ms, 2_000) : 0;
    this.pending.set(uri, { timer: setTimeout(() => this.flush(uri), delay), documentUri });
  }

  flush(uri: string): void {
    const pending = this.pending.get(uri);
    if (!pending) return;
    this.cancel(uri);
    const document = this.documents.get(pending.documentUri);
    if (!document) return;
    const started = performance.now();
    const changed = this.host.updateOpen(uri, document.getText());
    const ended = performance.now();
    this.cost.set(uri, { ms: ended - started, at: ended });
    if (changed) this.changed(uri);
  }

  flushAll(): void {
    for (const waiting of [...this.pending.keys()]) this.flush(waiting);
  }

  cancel(uri: string): void {
    const pending = this.pending.get(uri);
    if (pending) clearTimeout(pending.timer);
    this.pending.delete(uri);
  }
}

/**
 * Waits until a request can be answered: one about a single document as soon as that document is indexed (open
 * files are indexed first, so the reader's own file answers moments after start-up, not after 10,000 others);
 * anything corpus-wide once the whole index is in. Then refuses a request the client has cancelled meanwhile, or
 * one whose document was edited while it waited (the answer would describe text that is gone).
 */
export function readiness(documents: TextDocuments<TextDocument>, host: CorpusHost, edits: Edits, indexComplete: () => Promise<void>): Ready {
  return async (token, uri) => {
    // An edit waiting in a burst is analysed first: the answer is about the text the client has now.
    if (uri) edits.flush(norm(uri));
    else edits.flushAll();
    const version = uri ? documents.get(uri)?.version : undefined;
    // A large document analysed on a worker: a request about it (or corpus-wide) waits for that analysis; one about
    // another file does not, and this thread answers it meanwhile.
    const analysing = host.analysed(uri && norm(uri));
    if ((analysing || !uri || !host.corpus.has(norm(uri))) && !token.isCancellationRequested) {
      // A request cancelled while it waits is refused at once, not after the index is in. (One cancelled before it
      // was dispatched carries a token whose event never fires: hence the check above.)
      const settled = async () => {
        await analysing;
        if (!uri || !host.corpus.has(norm(uri))) await indexComplete();
      };
      let stop: { dispose(): void } | undefined;
      await Promise.race([settled(), new Promise<void>((resolve) => (stop = token.onCancellationRequested(() => resolve())))]);
      stop?.dispose();
    }
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    if (uri && documents.get(uri)?.version !== version) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while the request waited');
  };
}

export interface DocumentsContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  host: CorpusHost;
  edits: Edits;
  listener: ChangeListener;
  indexComplete: () => Promise<void>;
  log: Logger;
}

/** Document sync and watched files. */
export function registerDocuments({ connection, documents, host, edits, listener, indexComplete, log }: DocumentsContext): void {
  // A large document's analysis, done on a worker, is in: its diagnostics and the views follow as after an edit.
  host.onOpenAnalysed = (uri) => listener.corpusChanged(uri);
  documents.onDidOpen((e) => {
    const uri = norm(e.document.uri);
    if (host.updateOpen(uri, e.document.getText())) listener.corpusChanged(uri);
    else listener.opened(uri);
  });
  documents.onDidChangeContent((e) => edits.schedule(norm(e.document.uri), e.document.uri));
  documents.onDidClose(async (e) => {
    const uri = norm(e.document.uri);
    edits.cancel(uri);
    if (await host.closeDocument(uri)) listener.corpusChanged(uri);
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    const kinds: Record<number, FileEventKind> = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' };
    await indexComplete();
    const events = params.changes.map((c) => ({ uri: norm(c.uri), kind: kinds[c.type] }));
    try {
      if (await host.fileEvents(events)) listener.corpusChanged(events[0]?.uri);
    } catch (error) {
      log.error(`Could not apply file changes: ${String(error)}`);
    }
  });
}

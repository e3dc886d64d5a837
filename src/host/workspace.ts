// Keeps the corpus in step with the workspace: the files on disk under the workspace folders, overlaid by the
// text of open documents (unsaved edits count). Knows nothing of LSP messages: the server wires it up.

import { existsSync, promises as fs, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../core/corpus';
import { Analysis } from '../core/analyse';
import { ArticleInput, Finding } from '../core/types';
import { corpusMatcher, discoverFiles, Matcher, Skipped } from './discover';
import { isGone, loadArticle, SOURCES_FILE_NAMES, SourcesCache } from './loader';
import { analyseFiles, discoverRoots, linkFindings, sourcesFindings } from './indexer';
import { resolvesInside } from './safeRead';
import { isPagePath } from './pages';
import { Analyser } from './analyser';
import { fileUri, normaliseUri, uriToPath } from './uris';
import { KNOWLEDGE_FILE, loadKnowledge } from './knowledge';
import { loadSuppressions, SUPPRESSIONS_FILE } from './suppressions';
import { DEFAULT_SETTINGS, Settings } from './settings';

/**
 * Open documents of this many characters or more are analysed on a worker, not on the server's thread. An article
 * is 5–20 K characters (analysed here in milliseconds, its diagnostics at once); at 64 K an analysis takes a few
 * hundred ms on the server's thread, long enough to hold up hovers and requests, and a 4 MB document seconds.
 */
export const OFF_THREAD_CHARS = 64 * 1024;

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type FileEventKind = 'created' | 'changed' | 'deleted';

export interface Progress {
  report(done: number, total: number): void;
}

export class CorpusHost {
  readonly corpus = new Corpus();
  private sources = new SourcesCache();
  private roots: string[] = [];
  private settings: Settings = DEFAULT_SETTINGS;
  private matcher: Matcher = corpusMatcher(DEFAULT_SETTINGS.corpus);
  /** Text of open documents by URI: it wins over the file on disk. */
  private readonly open = new Map<string, string>();
  /** Problems of the Sourcelens YAML files, and of linked folders outside the corpus (each on that file or link). */
  private sourceProblems: Finding[] = [];
  private yamlProblems: Finding[] = [];
  /** Linked folders not walked because they resolve outside (a new array whenever it changes). */
  private linksSkipped: Skipped[] = [];
  private indexGeneration = 0;
  /** How many bulk operations are running (they overlap when a re-index supersedes another). */
  private bulkDepth = 0;
  private disposed = false;
  /** Bumped on every change to a document's text or its source (edit, close, file on disk): a result analysed for an older one is stale. */
  private readonly generation = new Map<string, number>();
  /** Analyses running off this thread, by URI. */
  private readonly offThread = new Map<string, Promise<void>>();

  private analyser = new Analyser();

  constructor(private readonly log: Logger) {}

  /** Worker pool and persistent cache for cold indexing (set once the client has told us its storage folder). */
  setAnalyser(analyser: Analyser): void {
    this.analyser = analyser;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.analyser.close();
  }

  setRoots(roots: string[]): void {
    this.roots = [...new Set(roots.map((r) => path.resolve(r)))];
  }

  getRoots(): string[] {
    return [...this.roots];
  }

  getSettings(): Settings {
    return this.settings;
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
    this.matcher = corpusMatcher(settings.corpus);
    this.corpus.setRules(settings.rules);
  }

  /** Whether a document belongs to the corpus: a file under a workspace folder matching the globs. */
  inScope(uri: string): boolean {
    const fsPath = uriToPath(uri);
    if (!fsPath) return false;
    if (this.roots.length === 0) return this.matcher(path.basename(fsPath));
    return this.roots.some((root) => {
      const relative = path.relative(root, fsPath);
      return !relative.startsWith('..') && !path.isAbsolute(relative) && this.matcher(relative);
    });
  }

  /**
   * Indexes every corpus file. Open documents go first (the reader is looking at them), then the rest.
   * A newer call supersedes an older one still running.
   */
  indexAll(progress?: Progress): Promise<{ files: number; skipped: number }> {
    return this.deferringCrossDocument(() => this.indexEverything(progress));
  }

  private async indexEverything(progress?: Progress): Promise<{ files: number; skipped: number }> {
    const generation = ++this.indexGeneration;
    this.sources.invalidate();
    this.corpus.setKnowledge(loadKnowledge(this.roots, (m) => this.log.info(m)));
    this.corpus.setSuppressions(loadSuppressions(this.roots));
    const found = await discoverRoots(this.roots, this.settings.corpus, (m) => this.log.warn(m), this.settings.corpus.followLinksOutside);
    const files = found.files;
    const skipped = found.skipped.length;
    const uris = new Map(files.map((f) => [normaliseUri(fileUri(f)), f]));
    // Forget articles that are no longer on disk (and not open).
    for (const uri of this.corpus.uris()) if (!uris.has(uri) && !this.open.has(uri)) this.corpus.remove(uri);
    const ordered = [...uris.keys()].sort((a, b) => Number(this.open.has(b)) - Number(this.open.has(a)));
    const openFirst = ordered.filter((uri) => this.open.has(uri));
    for (const uri of openFirst) await this.refreshFromDisk(uri, uris.get(uri)!);
    const rest = ordered.filter((uri) => !this.open.has(uri)).map((uri) => uris.get(uri)!);
    let done = openFirst.length;
    await this.analyseOnPool(
      rest,
      {
        skipUri: (uri) => this.open.has(uri),
        yieldEvery: 25, // keep answering requests while indexing
        onProgress: () => progress?.report(++done, ordered.length),
      },
      () => generation !== this.indexGeneration || this.disposed,
    );
    if (generation !== this.indexGeneration) return { files: done, skipped };
    for (const a of this.corpus.list()) for (const p of a.problems) this.log.warn(p.message);
    for (const [uri, text] of this.open) if (!uris.has(uri) && this.inScope(uri)) this.updateOpen(uri, text);
    this.linksSkipped = found.skipped.filter((s) => s.outside !== undefined);
    this.setProblems(await sourcesFindings(this.sources));
    return { files: ordered.length, skipped };
  }

  /**
   * An open document's text changed (or it was opened). An ordinary article is analysed here and now, so the
   * edit's own diagnostics follow at once (returns whether the corpus changed). A document of OFF_THREAD_CHARS or
   * more is analysed by a worker instead (returns false; `onOpenAnalysed` says when its analysis is in): the
   * server keeps answering hovers and requests meanwhile. See analyseOpenOffThread for coalescing and staleness.
   */
  updateOpen(uri: string, text: string): boolean {
    // A saved page's article is what the extractor reads from the file on disk, never the markup in an editor.
    if (isPagePath(uri)) return false;
    this.open.set(uri, text);
    this.bump(uri);
    if (!this.inScope(uri)) return false;
    if (text.length >= OFF_THREAD_CHARS && this.analyser.offThread) {
      if (this.offThread.has(uri)) return false; // the running analysis takes this text next (no hash per keystroke)
      if (!this.overCap(text)) {
        this.analyseOpenOffThread(uri);
        return false;
      }
    }
    return this.corpus.update(this.openInput(uri, text)).changed;
  }

  /** The input an open document's text makes: its folder's metadata, and the size cap files on disk have. */
  private openInput(uri: string, text: string): ArticleInput {
    const fsPath = uriToPath(uri);
    const meta = fsPath ? this.sources.cachedMetaFor(fsPath) : undefined;
    // The same size cap as for files on disk: a 20 MB document opened in the editor is not analysed on every key.
    if (this.overCap(text)) {
      const name = path.basename(fsPath ?? uri);
      const size = (Buffer.byteLength(text, 'utf8') / 1024 / 1024).toFixed(1);
      return {
        uri,
        text: '',
        externalMeta: meta,
        inputProblems: [{ code: 'structure/too-large', severity: 'warning', message: `${name} is ${size} MB, over the ${this.settings.corpus.maxFileSizeMB} MB limit (sourcelens.corpus.maxFileSizeMB); it is not analysed.` }],
      };
    }
    return { uri, text, externalMeta: meta };
  }

  private overCap(text: string): boolean {
    const limit = this.settings.corpus.maxFileSizeMB * 1024 * 1024;
    return text.length > limit / 4 && Buffer.byteLength(text, 'utf8') > limit;
  }

  /** Called when a large open document's analysis, done off this thread, is in the corpus. */
  onOpenAnalysed: (uri: string) => void = () => undefined;

  /**
   * Resolves once no analysis of this document (or, without a URI, of any document) is running off this thread:
   * a request about a large document being analysed waits for its analysis, one about another file does not.
   */
  analysed(uri?: string): Promise<void> | undefined {
    if (uri !== undefined) return this.offThread.get(uri);
    return this.offThread.size ? Promise.all(this.offThread.values()).then(() => undefined) : undefined;
  }

  /**
   * Analyses a large open document on a worker. One analysis per document runs at a time: edits that arrive while
   * it runs only replace the text, and when it ends the latest text is analysed next if it changed, so a burst
   * of edits costs at most the analysis in hand and one of the last version. A result whose text is no longer the
   * document's (edited, closed, grown past the cap, shrunk back to a size analysed here) is dropped, never shown.
   */
  private analyseOpenOffThread(uri: string): void {
    if (this.offThread.has(uri)) return; // the running one picks up the latest text when it ends
    const run = async () => {
      let changed = false;
      for (;;) {
        const text = this.open.get(uri);
        if (text === undefined || text.length < OFF_THREAD_CHARS || this.disposed || !this.inScope(uri)) break;
        const input = this.openInput(uri, text);
        if (input.inputProblems || this.corpus.isCurrent(input)) break;
        const generation = this.generation.get(uri);
        const started = performance.now();
        let analysis: Analysis;
        try {
          analysis = await this.analyser.analyseOffThread(input);
        } catch (error) {
          this.log.error(`Could not analyse ${uri}: ${error instanceof Error ? error.message : String(error)}`);
          break;
        }
        if (this.disposed) return;
        if (this.generation.get(uri) !== generation) continue; // stale: the document changed meanwhile
        this.corpus.put(analysis);
        changed = true;
        this.log.info(`Analysed ${path.basename(uriToPath(uri) ?? uri)} (${Math.round(text.length / 1024)} K characters) on a worker in ${Math.round(performance.now() - started)} ms.`);
        break;
      }
      this.offThread.delete(uri);
      if (changed) this.onOpenAnalysed(uri);
    };
    this.offThread.set(uri, run());
  }

  private bump(uri: string): number {
    const next = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, next);
    return next;
  }

  /** A document was closed: its unsaved edits are gone, so the file on disk is the truth again. */
  async closeDocument(uri: string): Promise<boolean> {
    this.open.delete(uri);
    this.bump(uri);
    const fsPath = uriToPath(uri);
    if (!fsPath || !this.inScope(uri)) return this.corpus.remove(uri);
    return this.refreshFromDisk(uri, fsPath);
  }

  /** Files created, changed or deleted on disk (from the client's watcher). Returns whether the corpus changed. */
  fileEvents(events: { uri: string; kind: FileEventKind }[]): Promise<boolean> {
    return this.deferringCrossDocument(() => this.applyFileEvents(events));
  }

  /** Bulk work (a cold index, a burst of file events): cross-document work waits until the last of it ends. */
  private async deferringCrossDocument<T>(work: () => Promise<T>): Promise<T> {
    this.bulkDepth++;
    this.corpus.deferCrossDocument(true);
    try {
      return await work();
    } finally {
      if (--this.bulkDepth === 0) this.corpus.deferCrossDocument(false);
    }
  }

  private async applyFileEvents(events: { uri: string; kind: FileEventKind }[]): Promise<boolean> {
    let changed = false;
    let yamlProblemsChanged = false;
    const linksBefore = this.linksSkipped;
    const foldersToReload = new Set<string>();
    for (const { uri, kind } of events) {
      const fsPath = uriToPath(uri);
      if (!fsPath) continue;
      if (path.basename(fsPath) === SUPPRESSIONS_FILE) {
        this.corpus.setSuppressions(loadSuppressions(this.roots));
        changed = true;
        yamlProblemsChanged = true;
        continue;
      }
      if (path.basename(fsPath) === KNOWLEDGE_FILE) {
        this.corpus.setKnowledge(loadKnowledge(this.roots, (m) => this.log.info(m)));
        changed = true;
        yamlProblemsChanged = true;
        continue;
      }
      if (SOURCES_FILE_NAMES.includes(path.basename(fsPath))) {
        foldersToReload.add(path.dirname(fsPath));
        continue;
      }
      if (kind === 'deleted') {
        // A link to a folder outside, removed: its finding goes.
        const links = this.linksSkipped.filter((s) => s.path !== fsPath && !s.path.startsWith(fsPath + path.sep));
        if (links.length !== this.linksSkipped.length) this.linksSkipped = links;
        // A deleted folder arrives as one event for the folder: drop everything under it.
        for (const known of this.corpus.uris()) {
          const knownPath = uriToPath(known);
          if (knownPath && (knownPath === fsPath || knownPath.startsWith(fsPath + path.sep)) && !this.open.has(known)) {
            this.bump(known);
            changed = this.corpus.remove(known) || changed;
          }
        }
        continue;
      }
      if (kind === 'created' && (await isFolder(fsPath))) {
        const outside = this.linkedOutside(fsPath);
        if (outside !== undefined) {
          // A link to a folder outside made while the server runs: reported like one found at start-up, not walked.
          this.linksSkipped = [...this.linksSkipped.filter((s) => s.path !== fsPath), { path: fsPath, reason: `a link to ${outside}, outside the corpus folder`, outside }];
        } else {
          changed = (await this.addFolder(fsPath)) || changed;
        }
        continue;
      }
      if (this.open.has(uri) || !this.inScope(uri)) continue;
      changed = (await this.refreshFromDisk(uri, fsPath)) || changed;
    }
    // An article .md written, changed or deleted beside a saved page decides whether that page is still to be imported.
    for (const { uri } of events) {
      const fsPath = uriToPath(uri);
      if (!fsPath || !/\.md$/i.test(fsPath)) continue;
      for (const ext of ['.html', '.htm']) {
        const page = fsPath.replace(/\.md$/i, ext);
        const pageUri = normaliseUri(fileUri(page));
        if (existsSync(page) && this.inScope(pageUri)) changed = (await this.refreshFromDisk(pageUri, page)) || changed;
      }
    }
    for (const folder of foldersToReload) {
      this.sources.invalidate(folder);
      for (const known of this.corpus.uris()) {
        const knownPath = uriToPath(known);
        if (knownPath && path.dirname(knownPath) === folder) {
          const text = this.open.get(known);
          if (text !== undefined) {
            await this.sources.forFolder(folder);
            changed = this.updateOpen(known, text) || changed;
          } else {
            changed = (await this.refreshFromDisk(known, knownPath)) || changed;
          }
        }
      }
    }
    const linksChanged = this.linksSkipped !== linksBefore;
    if (foldersToReload.size || yamlProblemsChanged || linksChanged) this.setProblems(foldersToReload.size || yamlProblemsChanged ? await sourcesFindings(this.sources) : this.yamlProblems);
    return changed || foldersToReload.size > 0 || linksChanged;
  }

  /** A folder copied or moved in: its articles, which may have come without events of their own. */
  private async addFolder(folder: string): Promise<boolean> {
    const found = await discoverFiles(folder, this.settings.corpus, undefined, this.settings.corpus.followLinksOutside);
    for (const s of found.skipped) if (s.outside === undefined) this.log.warn(`Skipped ${s.path}: ${s.reason}`);
    const links = found.skipped.filter((s) => s.outside !== undefined);
    if (links.length) this.linksSkipped = [...this.linksSkipped.filter((s) => !links.some((l) => l.path === s.path)), ...links];
    // Read and analysed like the cold index: on the worker pool, several at a time, yielding to requests between
    // files (a folder of thousands of articles copied in used to be analysed one by one on this thread). A file
    // opened or read again meanwhile (its generation moved on) keeps that newer text: the pool's result is dropped.
    const generations = new Map<string, number>();
    const files: string[] = [];
    for (const file of found.files) {
      const uri = normaliseUri(fileUri(file));
      if (this.open.has(uri) || !this.inScope(uri)) continue;
      generations.set(uri, this.bump(uri));
      files.push(file);
    }
    if (files.length === 0) return false;
    const superseded = (raw: string) => {
      const uri = normaliseUri(raw);
      return this.open.has(uri) || this.generation.get(uri) !== generations.get(uri);
    };
    let changed = false;
    await this.analyseOnPool(files, { skipUri: superseded, yieldEvery: 5, onProgress: () => (changed = true) }, () => this.disposed);
    return changed;
  }

  /** Size cap, and reads only inside the workspace folders (after resolving links) unless the settings allow more. */
  /** Reads and analyses files on the worker pool with this workspace's globs, sources and analyser (the cold index,
   *  a folder copied in); `skipUri`, `yieldEvery` and `onProgress` are what the two differ in. */
  private analyseOnPool(files: string[], options: Pick<Parameters<typeof analyseFiles>[3], 'skipUri' | 'yieldEvery' | 'onProgress'>, stop: () => boolean) {
    return analyseFiles(files, this.corpus, this.sources, { globs: this.settings.corpus, load: this.loadOptions(), analyser: this.analyser, log: (m) => this.log.info(m), ...options }, stop);
  }

  private loadOptions() {
    const { maxFileSizeMB, followLinksOutside } = this.settings.corpus;
    return { maxFileSizeMB, followLinksOutside, roots: this.roots };
  }

  /**
   * Problems of files that are not articles, each shown on that file: the Sourcelens YAML files, and linked folders
   * outside the corpus (structure/outside-folder on the link: see linkFindings). A new array when they change.
   */
  sourcesProblems(): Finding[] {
    return this.sourceProblems;
  }

  private setProblems(yaml: Finding[]): void {
    this.yamlProblems = yaml;
    this.sourceProblems = [...yaml, ...linkFindings(this.linksSkipped, this.roots, this.settings.rules)];
  }

  /** Where a folder resolves to, when that is outside every workspace folder and links may not leave them. */
  private linkedOutside(folder: string): string | undefined {
    if (this.settings.corpus.followLinksOutside || this.roots.length === 0) return undefined;
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return undefined;
    }
    return this.roots.some((root) => resolvesInside(folder, root)) ? undefined : real;
  }

  private async refreshFromDisk(uri: string, fsPath: string): Promise<boolean> {
    const openText = this.open.get(uri);
    if (openText !== undefined) {
      await this.sources.forFolder(path.dirname(fsPath));
      return this.updateOpen(uri, openText);
    }
    const generation = this.bump(uri);
    const input = await loadArticle(fsPath, this.sources, this.loadOptions());
    if (this.generation.get(uri) !== generation) return false; // opened, or read again, meanwhile
    if (input === undefined) return this.corpus.remove(uri); // an imported or non-article saved page
    if (isGone(input)) {
      this.log.info(`${fsPath} disappeared before it could be read; dropped from the corpus.`);
      return this.corpus.remove(uri);
    }
    for (const p of input.inputProblems ?? []) this.log.warn(p.message);
    const article = { ...input, uri };
    // A large file changed on disk is analysed on a worker too; a newer change (or opening it) meanwhile wins.
    if (article.text.length >= OFF_THREAD_CHARS && this.analyser.offThread) {
      if (this.corpus.isCurrent(article)) return false;
      const analysis = await this.analyser.analyseOffThread(article);
      if (this.disposed || this.generation.get(uri) !== generation || this.open.has(uri)) return false;
      this.corpus.put(analysis);
      return true;
    }
    return this.corpus.update(article).changed;
  }
}

async function isFolder(fsPath: string): Promise<boolean> {
  try {
    return (await fs.stat(fsPath)).isDirectory();
  } catch {
    return false; // gone again already: nothing to add
  }
}

// Bulk indexing of corpus roots (CLI, and the server's cold start): discover, read, analyse.

import { Analyser, forEachLimited } from './analyser';
import { Corpus } from '../core/corpus';
import { Finding } from '../core/types';
import { CorpusGlobs, discoverFiles } from './discover';
import { isGone, loadArticle, LoadOptions, SourcesCache } from './loader';
import { fileUri } from './uris';

export interface IndexOptions {
  globs: CorpusGlobs;
  load: LoadOptions;
  /** Called after each article, for progress reports. */
  onProgress?: (done: number, total: number) => void;
  /** Lets the event loop breathe every N files so a server stays responsive while indexing. */
  yieldEvery?: number;
  log?: (message: string) => void;
  /** Cache and worker pool; without one, articles are analysed on this thread. */
  analyser?: Analyser;
  /** Files whose text comes from elsewhere (open editors) and must not be overwritten by the disk version. */
  skipUri?: (uri: string) => boolean;
}

export interface IndexResult {
  files: number;
  skipped: { path: string; reason: string }[];
}

export async function indexRoots(roots: string[], corpus: Corpus, sources: SourcesCache, options: IndexOptions): Promise<IndexResult> {
  const { files, skipped } = await discoverRoots(roots, options.globs, options.log, options.load.followLinksOutside);
  // Files are read only inside the roots (after resolving links) unless the caller says otherwise.
  await analyseFiles(files, corpus, sources, { ...options, load: { roots, ...options.load } });
  return { files: files.length, skipped };
}

/** Every corpus file under the roots, each once, and the paths skipped (each logged). */
export async function discoverRoots(roots: string[], globs: CorpusGlobs, log?: (message: string) => void, followLinksOutside = false): Promise<{ files: string[]; skipped: IndexResult['skipped'] }> {
  const files = new Set<string>();
  const skipped: IndexResult['skipped'] = [];
  for (const root of roots) {
    const found = await discoverFiles(root, globs, undefined, followLinksOutside);
    // Loops, not push(...): a folder can hold more files than a call can take arguments.
    for (const f of found.files) files.add(f);
    for (const s of found.skipped) skipped.push(s);
  }
  for (const s of skipped) log?.(`Skipped ${s.path}: ${s.reason}`);
  return { files: [...files], skipped };
}

/** Reads and analyses files into the corpus, several at a time when a worker pool is there. */
export async function analyseFiles(files: string[], corpus: Corpus, sources: SourcesCache, options: IndexOptions, isCancelled: () => boolean = () => false): Promise<number> {
  const analyser = options.analyser ?? new Analyser();
  let done = 0;
  await forEachLimited(files, analyser.concurrency, async (file) => {
    if (isCancelled()) return;
    const input = await loadArticle(file, sources, options.load);
    if (input === undefined) {
      // Not an article file (an imported or non-article saved page): out of the corpus if it was in it.
      const uri = fileUri(file);
      if (!options.skipUri?.(uri)) corpus.remove(uri);
    } else if (isGone(input)) {
      options.log?.(`${file} was deleted while indexing; skipped.`);
    } else if (!options.skipUri?.(input.uri) && !corpus.isCurrent(input)) {
      const analysis = await analyser.analyse(input);
      if (!options.skipUri?.(input.uri)) corpus.put(analysis); // opened while it was being analysed: the editor wins
    }
    done++;
    options.onProgress?.(done, files.length);
    if (options.yieldEvery && done % options.yieldEvery === 0) await new Promise((r) => setImmediate(r));
  });
  analyser.flush();
  analyser.release();
  return done;
}

/** Findings about sources.yaml files themselves (malformed YAML, bad dates), keyed by their URI. */
export async function sourcesFindings(sources: SourcesCache): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const loaded of await sources.all()) {
    for (const p of loaded.file.problems) {
      findings.push({ code: p.code, severity: p.severity, message: p.message, uri: loaded.uri, range: p.range ?? { start: 0, end: 0 }, related: [] });
    }
  }
  return findings;
}

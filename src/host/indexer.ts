// Bulk indexing of corpus roots (CLI, and the server's cold start): discover, read, analyse.

import * as path from 'node:path';
import { Analyser, forEachLimited } from './analyser';
import { Corpus } from '../core/corpus';
import { Finding } from '../core/types';
import { CorpusGlobs, discoverFiles, Skipped } from './discover';
import { levelFor, RuleSettings } from '../core/config';
import { LINK_ALLOWED } from './loader';
import { resolvesInside } from './safeRead';
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
  skipped: Skipped[];
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
  // A linked folder outside becomes a finding (linkFindings); anything else skipped is logged.
  for (const s of skipped) if (s.outside === undefined) log?.(`Skipped ${s.path}: ${s.reason}`);
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

/**
 * `structure/outside-folder` for each linked folder that was not walked because it resolves outside the corpus
 * folder. The finding sits on the link itself (its URI is the folder's path inside the corpus): the editor's
 * Explorer marks that very entry and the Problems panel lists it under the link's name, and the CLI prints its
 * path — the place the reader acts on (remove the link, copy the files in, or allow links). Not on an article
 * nearby, which would have nothing to do with it, nor on a sources.yaml, which may not exist.
 */
export function linkFindings(skipped: Skipped[], roots: string[], rules?: RuleSettings): Finding[] {
  const findings: Finding[] = [];
  const level = levelFor('structure/outside-folder', 'warning', rules);
  if (level === 'off') return findings;
  for (const s of skipped) {
    // Outside the folder it was found in, but inside another corpus folder: its files are read from there.
    if (s.outside === undefined || roots.some((root) => resolvesInside(s.outside!, root))) continue;
    findings.push({
      code: 'structure/outside-folder',
      severity: level,
      message: `${path.basename(s.path)} is a link to ${s.outside}, a folder outside the corpus folder: none of its files are read (${LINK_ALLOWED}).`,
      uri: fileUri(s.path),
      range: { start: 0, end: 0 },
      related: [],
    });
  }
  return findings;
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

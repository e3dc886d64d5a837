// Reads article files and their folders' sources.yaml into ArticleInputs for the analysis core.
// Shared by the language server and the CLI so both see exactly the same corpus.

import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileName } from '../core/article';
import { parseSourcesYaml, SourcesFile } from '../core/metadata';
import { ArticleInput, ArticleMeta, InputProblem } from '../core/types';
import { MAX_YAML_BYTES } from '../core/yamlSafe';
import { decodeBytes } from './decode';
import { readRegularFile, readTextFile, resolvesInside } from './safeRead';
import { fileUri } from './uris';
import { decodeHtml, importedBeside, isPagePath } from './pages';
import { extractPage, PageResult } from '../core/page';

export const SOURCES_FILE_NAMES = ['sources.yaml', 'sources.yml'];

export interface LoadOptions {
  maxFileSizeMB: number;
  /**
   * The corpus folders. A file whose links resolve outside all of them is not read (it gets a
   * structure/outside-folder finding) unless followLinksOutside is set.
   */
  roots?: string[];
  followLinksOutside?: boolean;
}

export const DEFAULT_LOAD_OPTIONS: LoadOptions = { maxFileSizeMB: 5 };

/** Caches parsed sources.yaml files per folder; invalidated by the server when one changes. */
export class SourcesCache {
  private readonly folders = new Map<string, Promise<LoadedSources | undefined>>();
  /** The same, once read: lets an edit in an open document be analysed synchronously. */
  private readonly resolved = new Map<string, LoadedSources | undefined>();

  async metaFor(filePath: string): Promise<ArticleMeta | undefined> {
    const sources = await this.forFolder(path.dirname(filePath));
    return sources?.file.entries.get(path.basename(filePath));
  }

  forFolder(folder: string): Promise<LoadedSources | undefined> {
    let pending = this.folders.get(folder);
    if (!pending) {
      pending = readSources(folder).then((loaded) => {
        if (this.folders.get(folder) === pending) this.resolved.set(folder, loaded);
        return loaded;
      });
      this.folders.set(folder, pending);
    }
    return pending;
  }

  /** The metadata for a file if its folder's sources.yaml has already been read. */
  cachedMetaFor(filePath: string): ArticleMeta | undefined {
    return this.resolved.get(path.dirname(filePath))?.file.entries.get(path.basename(filePath));
  }

  invalidate(folder?: string): void {
    if (folder === undefined) {
      this.folders.clear();
      this.resolved.clear();
    } else {
      this.folders.delete(folder);
      this.resolved.delete(folder);
    }
  }

  /** Every sources.yaml read so far, and the knowledge and suppressions files with problems, for reporting them. */
  async all(): Promise<LoadedSources[]> {
    const loaded = await Promise.all(this.folders.values());
    return [...loaded.filter((s): s is LoadedSources => s !== undefined), ...otherYamlFiles.values()];
  }
}

/**
 * The knowledge and suppressions files, when they have problems: reported with the sources.yaml files, on the file
 * itself, by the server and the CLI alike. One process reads one set of them at a time.
 */
const otherYamlFiles = new Map<string, LoadedSources>();

/** Records (or, with no problems, clears) the problems of a Sourcelens YAML file other than sources.yaml. */
export function reportYamlFile(file: string, text: string, problems: InputProblem[]): void {
  const uri = fileUri(file);
  if (problems.length === 0) otherYamlFiles.delete(uri);
  else otherYamlFiles.set(uri, { path: file, uri, text, file: { entries: new Map(), problems: problems.map((p) => ({ ...p, range: p.range ?? { start: 0, end: 0 } })) } });
}

/** Forgets every recorded problem of files of this name (before they are read again). */
export function clearYamlReports(name: string): void {
  for (const [uri, loaded] of otherYamlFiles) if (path.basename(loaded.path) === name) otherYamlFiles.delete(uri);
}

export interface LoadedSources {
  path: string;
  uri: string;
  text: string;
  file: SourcesFile;
}

async function readSources(folder: string): Promise<LoadedSources | undefined> {
  for (const name of SOURCES_FILE_NAMES) {
    const full = path.join(folder, name);
    const read = readTextFile(full, MAX_YAML_BYTES);
    if (!read.ok && read.code === 'ENOENT') continue;
    if (!read.ok) {
      // A FIFO, a device, a huge file or an unreadable one: reported on the file, the articles read without it.
      const problem = { code: 'structure/invalid-sources' as const, severity: 'warning' as const, message: `${name} ${read.message}; its metadata is not read.`, range: { start: 0, end: 0 } };
      return { path: full, uri: fileUri(full), text: '', file: { entries: new Map(), problems: [problem] } };
    }
    return { path: full, uri: fileUri(full), text: read.text, file: parseSourcesYaml(read.text) };
  }
  return undefined;
}

/**
 * Reads one article from disk. Never throws nor blocks: a file that is too large, binary, undecodable, gone, not a
 * regular file (a FIFO, a device) or a link out of the corpus folder comes back as an input with empty text and a
 * problem that says why.
 */
export async function loadArticle(filePath: string, sources: SourcesCache, options: LoadOptions = DEFAULT_LOAD_OPTIONS): Promise<ArticleInput | undefined> {
  if (isPagePath(filePath)) return loadPage(filePath, options);
  const uri = fileUri(filePath);
  const name = fileName(uri);
  const externalMeta = await sources.metaFor(filePath).catch(() => undefined);
  const empty = (code: InputProblem['code'], message: string): ArticleInput => ({ uri, text: '', externalMeta, inputProblems: [{ code, severity: 'warning', message }] });
  if (linksOutside(filePath, options)) {
    return empty('structure/outside-folder', `${name} is a link to a file outside the corpus folder; it is not read (${LINK_ALLOWED}).`);
  }
  // Synchronous on purpose: articles are small local files (and capped by maxFileSizeMB), and the promise API's
  // per-file overhead was five times the read itself on a 10,000-file index. One open; the type and size from the handle.
  const limit = options.maxFileSizeMB * 1024 * 1024;
  const read = readRegularFile(filePath, limit);
  if (read.ok) {
    const decoded = decodeBytes(read.bytes, name);
    return { uri, text: decoded.text, externalMeta, inputProblems: decoded.problems.length ? decoded.problems : undefined };
  }
  if (read.reason === 'too-large') {
    return empty('structure/too-large', `${name} ${read.message} (sourcelens.corpus.maxFileSizeMB); it is not analysed.`);
  }
  return empty('structure/unreadable', `${name} ${read.message}.`);
}

/**
 * A saved web page in the corpus. Its article is read from the `.md` an import writes beside it, so a page imported
 * that way is not part of the corpus (undefined), and neither is a page that holds no article (an index page, a
 * paywall, a consent wall). A page with an article that has not been imported yet is not analysed either — findings
 * need positions in a file the reader can open and edit — but it is listed with a `structure/page-not-imported`
 * finding that says how to import it.
 */
export async function loadPage(filePath: string, options: LoadOptions = DEFAULT_LOAD_OPTIONS): Promise<ArticleInput | undefined> {
  if (importedBeside(filePath)) return undefined;
  const uri = fileUri(filePath);
  const name = fileName(uri);
  let bytes: Buffer;
  let key: string;
  if (linksOutside(filePath, options)) {
    return { uri, text: '', inputProblems: [{ code: 'structure/outside-folder', severity: 'warning', message: `${name} is a link to a file outside the corpus folder; it is not read (${LINK_ALLOWED}).` }] };
  }
  try {
    const stat = statSync(filePath);
    if (stat.size > options.maxFileSizeMB * 1024 * 1024 * 4) return undefined; // pages carry markup: allow 4× the text limit
    key = `${stat.size}:${stat.mtimeMs}`;
    const known = pageVerdicts.get(filePath);
    if (known?.key === key) return known.page.kind === 'article' ? pageReminder(uri, name, known.page) : undefined;
    // A regular file only, read with a cap: a FIFO named page.html must not hang the index.
    const read = readRegularFile(filePath, options.maxFileSizeMB * 1024 * 1024 * 4);
    if (!read.ok) {
      if (read.code === 'ENOENT' || read.reason === 'too-large') return undefined;
      return { uri, text: '', inputProblems: [{ code: 'structure/unreadable', severity: 'warning', message: `${name} ${read.message}.` }] };
    }
    bytes = read.bytes;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return undefined;
    return { uri, text: '', inputProblems: [{ code: 'structure/unreadable', severity: 'warning', message: `${name} could not be read (${e.code ?? 'error'}: ${e.message ?? String(error)}).` }] };
  }
  const page = extractPage(decodeHtml(bytes));
  // Extraction is the costly part (tens of ms a page): a re-index does not repeat it for a page that has not changed.
  if (pageVerdicts.size > 20_000) pageVerdicts.clear();
  pageVerdicts.set(filePath, { key, page });
  if (page.kind !== 'article') return undefined;
  return pageReminder(uri, name, page);
}

const pageVerdicts = new Map<string, { key: string; page: PageResult }>();

function pageReminder(uri: string, name: string, page: Extract<PageResult, { kind: 'article' }>): ArticleInput {
  const about = [page.meta.outlet, page.meta.published].filter(Boolean).join(', ');
  return {
    uri,
    text: '',
    inputProblems: [{
      code: 'structure/page-not-imported',
      severity: 'information',
      message: `${name} is a saved web page${about ? ` (${about})` : ''} with a ${page.words}-word article that is not analysed until it is imported: run “Sourcelens: Import saved pages” or \`sourcelens import\` to write it as a readable .md beside the page.`,
    }],
  };
}

/** How a reader allows links out of the corpus folder, named in every structure/outside-folder message. */
export const LINK_ALLOWED = 'the setting sourcelens.corpus.followLinksOutside, or --follow-links-outside on the command line, allows it';

/**
 * Whether a file is read through a link that resolves outside every corpus folder (and that is not allowed). A path
 * that resolves nowhere (gone, never saved, a dangling link) is not "outside": the read reports it as missing.
 */
function linksOutside(filePath: string, options: LoadOptions): boolean {
  if (!options.roots?.length || options.followLinksOutside) return false;
  return existsSync(filePath) && !options.roots.some((root) => resolvesInside(filePath, root));
}

/** True when the error means the file no longer exists (deleted between listing and reading). */
export function isGone(input: ArticleInput | undefined): boolean {
  if (!input) return false;
  return input.inputProblems?.some((p) => p.code === 'structure/unreadable' && p.message.includes('ENOENT')) ?? false;
}

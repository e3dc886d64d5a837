// Reads article files and their folders' sources.yaml into ArticleInputs for the analysis core.
// Shared by the language server and the CLI so both see exactly the same corpus.

import { closeSync, fstatSync, openSync, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileName } from '../core/article';
import { parseSourcesYaml, SourcesFile } from '../core/metadata';
import { ArticleInput, ArticleMeta } from '../core/types';
import { decodeBytes } from './decode';
import { fileUri } from './uris';
import { decodeHtml, importedBeside, isPagePath } from './pages';
import { extractPage, PageResult } from '../core/page';

export const SOURCES_FILE_NAMES = ['sources.yaml', 'sources.yml'];

export interface LoadOptions {
  maxFileSizeMB: number;
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

  /** Every sources.yaml read so far, for reporting its problems. */
  async all(): Promise<LoadedSources[]> {
    const loaded = await Promise.all(this.folders.values());
    return loaded.filter((s): s is LoadedSources => s !== undefined);
  }
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
    let text: string;
    try {
      text = await fs.readFile(full, 'utf8');
    } catch {
      continue;
    }
    return { path: full, uri: fileUri(full), text, file: parseSourcesYaml(text) };
  }
  return undefined;
}

/**
 * Reads one article from disk. Never throws: a file that is too large, binary, undecodable or gone comes back
 * as an input with empty text and a problem that says why.
 */
export async function loadArticle(filePath: string, sources: SourcesCache, options: LoadOptions = DEFAULT_LOAD_OPTIONS): Promise<ArticleInput | undefined> {
  if (isPagePath(filePath)) return loadPage(filePath, options);
  const uri = fileUri(filePath);
  const name = fileName(uri);
  const externalMeta = await sources.metaFor(filePath).catch(() => undefined);
  let fd: number | undefined;
  try {
    // Synchronous on purpose: articles are small local files (and capped by maxFileSizeMB), and the promise API's
    // per-file overhead was five times the read itself on a 10,000-file index. One open; the size from the handle.
    fd = openSync(filePath, 'r');
    const stat = fstatSync(fd);
    const limit = options.maxFileSizeMB * 1024 * 1024;
    if (stat.size > limit) {
      return {
        uri,
        text: '',
        externalMeta,
        inputProblems: [{
          code: 'structure/too-large',
          severity: 'warning',
          message: `${name} is ${(stat.size / 1024 / 1024).toFixed(1)} MB, over the ${options.maxFileSizeMB} MB limit (sourcelens.corpus.maxFileSizeMB); it is not analysed.`,
        }],
      };
    }
    const bytes = readFileSync(fd);
    const decoded = decodeBytes(bytes, name);
    return { uri, text: decoded.text, externalMeta, inputProblems: decoded.problems.length ? decoded.problems : undefined };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return {
      uri,
      text: '',
      externalMeta,
      inputProblems: [{
        code: 'structure/unreadable',
        severity: 'warning',
        message: `${name} could not be read (${e.code ?? 'error'}: ${e.message ?? String(error)}).`,
      }],
    };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
  try {
    const stat = await fs.stat(filePath);
    if (stat.size > options.maxFileSizeMB * 1024 * 1024 * 4) return undefined; // pages carry markup: allow 4× the text limit
    key = `${stat.size}:${stat.mtimeMs}`;
    const known = pageVerdicts.get(filePath);
    if (known?.key === key) return known.page.kind === 'article' ? pageReminder(uri, name, known.page) : undefined;
    bytes = await fs.readFile(filePath);
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

/** True when the error means the file no longer exists (deleted between listing and reading). */
export function isGone(input: ArticleInput | undefined): boolean {
  if (!input) return false;
  return input.inputProblems?.some((p) => p.code === 'structure/unreadable' && p.message.includes('ENOENT')) ?? false;
}

// Saved web pages on disk: finding them, decoding them (their own charset), and importing each as a readable `.md`
// article beside it. The page is only ever read. Shared by the CLI (`sourcelens import`), the editor command and the
// corpus loader (which leaves imported pages out, so an article is not counted twice).

import { closeSync, existsSync, openSync, promises as fs, readSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { extractPage, importedFileState, PageResult, renderArticleMarkdown } from '../core/page';
import { DEFAULT_GLOBS, SAVED_PAGE_ASSETS } from './discover';

export const PAGE_EXTENSIONS = /\.html?$/i;

export function isPagePath(p: string): boolean {
  return PAGE_EXTENSIONS.test(p);
}

/** The text of a page's bytes: BOM, then a charset declared in the first 2 KB, then UTF-8. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1];
  if (declared) {
    try {
      return new TextDecoder(declared.toLowerCase()).decode(bytes);
    } catch {
      // an unknown label: read it as UTF-8
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

export async function readPage(file: string): Promise<PageResult> {
  return extractPage(decodeHtml(await fs.readFile(file)));
}

export interface FoundPages {
  pages: string[];
  /** Paths given that do not exist. */
  missing: string[];
}

/** The saved pages under the given files and folders, in a stable order; asset folders and the usual excludes are skipped. */
export async function findPages(paths: string[]): Promise<FoundPages> {
  const excluded = picomatch([...DEFAULT_GLOBS.exclude, SAVED_PAGE_ASSETS], { dot: true });
  const pages = new Set<string>();
  const missing: string[] = [];
  const walk = async (dir: string, root: string, seen: Set<string>): Promise<void> => {
    const real = await fs.realpath(dir).catch(() => undefined);
    if (!real || seen.has(real)) return;
    seen.add(real);
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      const stat = entry.isSymbolicLink() ? await fs.stat(full).catch(() => undefined) : entry;
      if (!stat) continue;
      if (stat.isDirectory()) {
        if (!excluded(`${relative}/x`)) await walk(full, root, seen);
      } else if (stat.isFile() && isPagePath(entry.name) && !excluded(relative)) {
        pages.add(full);
      }
    }
  };
  for (const p of paths) {
    const full = path.resolve(p);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat) missing.push(p);
    else if (stat.isFile()) {
      if (isPagePath(full)) pages.add(full);
    } else if (stat.isDirectory()) await walk(full, full, new Set());
  }
  return { pages: [...pages], missing };
}

export type ImportStatus =
  /** A new `.md` was written. */
  | 'created'
  /** The `.md` was ours and unedited, and the page now reads differently: rewritten. */
  | 'updated'
  /** The `.md` is already what this page gives: left alone (re-import is idempotent). */
  | 'unchanged'
  /** The `.md` was imported from this page and then edited by the reader: not overwritten without force. */
  | 'edited'
  /** A `.md` of that name exists that this page did not produce: not overwritten without force. */
  | 'occupied'
  /** Not an article (index page, paywall, cookie wall, no text): no `.md`. */
  | 'not-article'
  /** The page could not be read, or the `.md` not written. */
  | 'failed';

export interface ImportOutcome {
  page: string;
  /** The article file (written or not). */
  target: string;
  status: ImportStatus;
  message: string;
}

export interface ImportOptions {
  /** Write the `.md` files here instead of next to each page. */
  outDir?: string;
  /** Overwrite a `.md` the reader edited (or that another page or person wrote). */
  force?: boolean;
  version: string;
}

/** Where a page's article goes: beside it (`Page.html` -> `Page.md`), or in outDir. */
export function importTarget(page: string, outDir?: string): string {
  const name = path.basename(page).replace(PAGE_EXTENSIONS, '') + '.md';
  return path.join(outDir ? path.resolve(outDir) : path.dirname(page), name);
}

export async function importPage(page: string, options: ImportOptions): Promise<ImportOutcome> {
  const target = importTarget(page, options.outDir);
  const outcome = (status: ImportStatus, message: string): ImportOutcome => ({ page, target, status, message });
  let result: PageResult;
  try {
    result = await readPage(page);
  } catch (error) {
    return outcome('failed', `could not read the page (${(error as Error).message})`);
  }
  if (result.kind === 'not-article') return outcome('not-article', `not an article: ${result.reason}; nothing written`);
  const source = path.relative(path.dirname(target), page).split(path.sep).join('/');
  const text = renderArticleMarkdown(result, source, options.version);
  let existing: string | undefined;
  try {
    existing = await fs.readFile(target, 'utf8');
  } catch {
    existing = undefined;
  }
  if (existing !== undefined) {
    if (existing.replace(/\r\n/g, '\n') === text) return outcome('unchanged', 'already imported; unchanged');
    const state = importedFileState(existing);
    if (!options.force) {
      if (state.source !== source) return outcome('occupied', `${path.basename(target)} exists and was not imported from this page; left as it is (use --force to replace it)`);
      if (state.edited) return outcome('edited', `${path.basename(target)} was edited after import; left as it is (use --force to overwrite it)`);
    }
  }
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, text, 'utf8');
  } catch (error) {
    return outcome('failed', `could not write ${target} (${(error as Error).message})`);
  }
  const summary = `${result.meta.outlet ?? 'unknown outlet'}, ${result.meta.published ?? 'no date'}, ${result.words} words`;
  return outcome(existing === undefined ? 'created' : 'updated', `${existing === undefined ? 'imported' : 're-imported'} (${summary})`);
}

/**
 * Whether a page has been imported beside it: a sibling `.md` whose front matter names this page as its source.
 * Such a page is left out of the corpus; its article is the `.md`.
 */
export function importedBeside(page: string): boolean {
  const target = importTarget(page);
  if (!existsSync(target)) return false;
  let fd: number | undefined;
  try {
    fd = openSync(target, 'r');
    const buffer = Buffer.alloc(4096);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return importedFileState(buffer.subarray(0, n).toString('utf8')).source === path.basename(page);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

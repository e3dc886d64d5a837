// Finds the article files of a corpus: every file under the roots that matches the include globs and none of
// the exclude globs. Survives symlink loops, unreadable folders and folders that vanish mid-walk.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { isWithin } from './safeRead';

export interface CorpusGlobs {
  include: string[];
  exclude: string[];
}

/** "Save page as… complete" puts a page's images, styles and frames in `NAME_files/` (`NAME-Dateien`, …): not articles. */
export const SAVED_PAGE_ASSETS = '**/*{_files,-Dateien,_fichiers,_archivos,_arquivos,_bestanden,_file}/**';

export const DEFAULT_GLOBS: CorpusGlobs = {
  // Saved web pages (.html, .htm) are read through the page extractor (pages.ts), not as text.
  include: ['**/*.{txt,md,html,htm}'],
  // A folder's README, changelog or licence is about the folder, not an article in it.
  exclude: ['**/node_modules/**', '**/.git/**', '**/out/**', '**/dist/**', '**/.vscode-test/**', '**/{README,CHANGELOG,LICENSE,CONTRIBUTING}*.md', SAVED_PAGE_ASSETS],
};

export type Matcher = (relativePath: string) => boolean;

export function corpusMatcher(globs: CorpusGlobs): Matcher {
  const include = picomatch(globs.include, { dot: false, nocase: true });
  const exclude = picomatch(globs.exclude, { dot: true });
  return (relative) => {
    const p = globPath(relative.split(path.sep).join('/'));
    return include(p) && !exclude(p);
  };
}

/**
 * picomatch never matches a path with a line break in it (its `*` stops there), so a folder named "a\nb" hid every
 * file under it: line breaks are matched as if they were an ordinary character.
 */
function globPath(p: string): string {
  return /[\r\n]/.test(p) ? p.replace(/[\r\n]/g, '_') : p;
}

export interface Skipped {
  path: string;
  reason: string;
  /** A linked folder not walked because it resolves outside the corpus folder: where it points. */
  outside?: string;
}

export interface DiscoverResult {
  files: string[];
  /** Folders that could not be read, with the reason: logged, never fatal. */
  skipped: Skipped[];
}

/**
 * Walks a root (or takes a single file) and returns matching files in a stable order. A linked folder that
 * resolves outside the root is not walked (it is listed as skipped) unless followLinksOutside; a linked file
 * outside is listed, and the loader reports it instead of reading it.
 */
export async function discoverFiles(root: string, globs: CorpusGlobs, limit = 200_000, followLinksOutside = false): Promise<DiscoverResult> {
  const matches = corpusMatcher(globs);
  const excludeGlob = picomatch(globs.exclude, { dot: true });
  const excludeDir = (p: string) => excludeGlob(globPath(p));
  const files: string[] = [];
  const skipped: DiscoverResult['skipped'] = [];
  const seen = new Set<string>();

  let rootStat;
  try {
    rootStat = await fs.stat(root);
  } catch (error) {
    return { files, skipped: [{ path: root, reason: reason(error) }] };
  }
  if (rootStat.isFile()) return { files: [path.resolve(root)], skipped };
  let rootReal: string;
  try {
    rootReal = await fs.realpath(root);
  } catch (error) {
    return { files, skipped: [{ path: root, reason: reason(error) }] };
  }

  const walk = async (dir: string): Promise<void> => {
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (error) {
      skipped.push({ path: dir, reason: reason(error) });
      return;
    }
    if (seen.has(real)) return; // a symlink loop, or the same folder reached twice
    seen.add(real);
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: dir, reason: reason(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (files.length >= limit) return;
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          const st = await fs.stat(full);
          isDir = st.isDirectory();
          if (isDir && !followLinksOutside) {
            const target = await fs.realpath(full);
            if (!isWithin(target, rootReal)) {
              skipped.push({ path: full, reason: `a link to ${target}, outside the corpus folder: not followed (sourcelens.corpus.followLinksOutside)`, outside: target });
              continue;
            }
          }
        } catch (error) {
          skipped.push({ path: full, reason: reason(error) });
          continue;
        }
      }
      if (isDir) {
        if (!excludeDir(`${relative}/`) && !excludeDir(`${relative}/x`)) await walk(full);
      } else if (matches(relative)) {
        // A FIFO, device or socket named like an article is listed too: the loader never opens it for reading
        // (O_NONBLOCK, type checked on the handle) and reports it (structure/unreadable) instead of it vanishing.
        files.push(full);
      }
    }
  };
  await walk(root);
  return { files, skipped };
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (!e?.code) return String(error);
  return e.message?.startsWith(`${e.code}:`) ? e.message : `${e.code}: ${e.message}`;
}

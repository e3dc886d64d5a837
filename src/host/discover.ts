// Finds the article files of a corpus: every file under the roots that matches the include globs and none of
// the exclude globs. Survives symlink loops, unreadable folders and folders that vanish mid-walk.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

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
    const p = relative.split(path.sep).join('/');
    return include(p) && !exclude(p);
  };
}

export interface DiscoverResult {
  files: string[];
  /** Folders that could not be read, with the reason: logged, never fatal. */
  skipped: { path: string; reason: string }[];
}

/** Walks a root (or takes a single file) and returns matching files in a stable order. */
export async function discoverFiles(root: string, globs: CorpusGlobs, limit = 200_000): Promise<DiscoverResult> {
  const matches = corpusMatcher(globs);
  const excludeDir = picomatch(globs.exclude, { dot: true });
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
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = await fs.stat(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (error) {
          skipped.push({ path: full, reason: reason(error) });
          continue;
        }
      }
      if (isDir) {
        if (!excludeDir(`${relative}/`) && !excludeDir(`${relative}/x`)) await walk(full);
      } else if (isFile && matches(relative)) {
        files.push(full);
      }
    }
  };
  await walk(root);
  return { files, skipped };
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code ? `${e.code}: ${e.message}` : String(error);
}

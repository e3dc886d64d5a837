// Reading a file a folder hands us without trusting it: only a regular file (a FIFO would block the open or the
// read forever, /dev/zero never ends), never more than a limit (a file can grow while it is read, and /proc files
// report size 0), and inside the corpus folder unless the reader allows links out of it.

import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync, Stats } from 'node:fs';
import * as path from 'node:path';

export type ReadResult =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: 'not-regular' | 'too-large' | 'error'; message: string; code?: string; size?: number };

const CHUNK = 256 * 1024;

/**
 * Reads a regular file of at most maxBytes. Opens with O_NONBLOCK, so a FIFO cannot block the open, then checks
 * the handle's type (no race between a check and the open). Never throws.
 */
export function readRegularFile(file: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-regular', message: `is ${kindOf(stat)}, not a regular file` };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', message: `is ${(stat.size / 1024 / 1024).toFixed(1)} MB, over the ${megabytes(maxBytes)} limit`, size: stat.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return { ok: false, reason: 'too-large', message: `grew over the ${megabytes(maxBytes)} limit while it was read`, size: total };
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { ok: false, reason: 'error', code: e.code, message: `could not be read (${e.code ?? 'error'}: ${e.message ?? String(error)})` };
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already gone
      }
    }
  }
}

/** Reads a small text file (YAML): UTF-8, a BOM dropped. */
export function readTextFile(file: string, maxBytes: number): { ok: true; text: string } | { ok: false; reason: string; message: string; code?: string } {
  const read = readRegularFile(file, maxBytes);
  if (!read.ok) return read;
  const text = read.bytes.toString('utf8');
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** Whether a path, once every link in it is resolved, lies inside a folder (itself resolved). Missing paths are outside. */
export function resolvesInside(file: string, folder: string): boolean {
  let real: string;
  let realFolder: string;
  try {
    real = realpathSync(file);
  } catch {
    return false;
  }
  try {
    realFolder = realpathSync(folder);
  } catch {
    realFolder = path.resolve(folder);
  }
  return isWithin(real, realFolder);
}

/**
 * Whether a quick fix may write this path: its name is one of `names`, and once `..` and every link in it are
 * resolved it lies inside one of the roots (the file need not exist yet; its folder must).
 */
export function isWritableTarget(file: string, roots: string[], names: readonly string[]): boolean {
  if (!path.isAbsolute(file) || !names.includes(path.basename(file))) return false;
  let real: string;
  try {
    real = existsSync(file) ? realpathSync(file) : path.join(realpathSync(path.dirname(file)), path.basename(file));
  } catch {
    return false;
  }
  return roots.some((root) => {
    try {
      return isWithin(real, realpathSync(root));
    } catch {
      return false;
    }
  });
}

/** Whether `child` is `parent` or under it (both absolute and resolved). */
export function isWithin(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

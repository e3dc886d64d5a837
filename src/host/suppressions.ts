// Finds sourcelens.suppressions.yaml at the top of a corpus folder and resolves its entries to article URIs.

import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseSuppressions } from '../core/suppressions';
import { fileUri } from './uris';

export const SUPPRESSIONS_FILE = 'sourcelens.suppressions.yaml';

export function suppressionsPath(roots: string[]): string {
  for (const root of roots) {
    const dir = isDirectory(root) ? root : path.dirname(root);
    try {
      statSync(path.join(dir, SUPPRESSIONS_FILE));
      return path.join(dir, SUPPRESSIONS_FILE);
    } catch {
      // not here
    }
  }
  const first = roots[0] ?? process.cwd();
  return path.join(isDirectory(first) ? first : path.dirname(first), SUPPRESSIONS_FILE);
}

export function loadSuppressions(roots: string[]): { uri: string; rule: string; fingerprint: string }[] {
  const file = suppressionsPath(roots);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return parseSuppressions(text).map((e) => ({ uri: fileUri(path.resolve(path.dirname(file), e.file)), rule: e.rule, fingerprint: e.fingerprint }));
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

// Finds sourcelens.suppressions.yaml at the top of a corpus folder and resolves its entries to article URIs.

import { statSync } from 'node:fs';
import * as path from 'node:path';
import { parseSuppressionsFile } from '../core/suppressions';
import { MAX_YAML_BYTES } from '../core/yamlSafe';
import { clearYamlReports, reportYamlFile } from './loader';
import { readTextFile } from './safeRead';
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

/** The suppressions in force. Never throws nor blocks: a bad file is reported on itself and suppresses nothing. */
export function loadSuppressions(roots: string[]): { uri: string; rule: string; fingerprint: string }[] {
  clearYamlReports(SUPPRESSIONS_FILE);
  const file = suppressionsPath(roots);
  const read = readTextFile(file, MAX_YAML_BYTES);
  if (!read.ok) {
    if (read.code !== 'ENOENT') reportYamlFile(file, '', [{ code: 'structure/invalid-metadata', severity: 'warning', message: `${SUPPRESSIONS_FILE} ${read.message}; it is not read.` }]);
    return [];
  }
  const { entries, problems } = parseSuppressionsFile(read.text);
  reportYamlFile(file, read.text, problems);
  return entries.map((e) => ({ uri: fileUri(path.resolve(path.dirname(file), e.file)), rule: e.rule, fingerprint: e.fingerprint }));
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

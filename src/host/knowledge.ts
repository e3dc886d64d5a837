// Finds and reads the optional knowledge file, sourcelens.entities.yaml, at the top of a corpus folder.

import { statSync } from 'node:fs';
import * as path from 'node:path';
import { EMPTY_KNOWLEDGE, Knowledge, parseKnowledge } from '../core/people/knowledge';
import { MAX_YAML_BYTES } from '../core/yamlSafe';
import { clearYamlReports, reportYamlFile } from './loader';
import { readTextFile } from './safeRead';

export const KNOWLEDGE_FILE = 'sourcelens.entities.yaml';

/** Reads the first knowledge file under the roots. Never throws nor blocks: a bad file is reported on itself. */
export function loadKnowledge(roots: string[], log: (m: string) => void = () => undefined): Knowledge {
  clearYamlReports(KNOWLEDGE_FILE);
  for (const root of roots) {
    const dir = isDirectory(root) ? root : path.dirname(root);
    const file = path.join(dir, KNOWLEDGE_FILE);
    const read = readTextFile(file, MAX_YAML_BYTES);
    if (!read.ok && read.code === 'ENOENT') continue;
    if (!read.ok) {
      const message = `${KNOWLEDGE_FILE} ${read.message}; it is not read.`;
      log(`${file}: ${message}`);
      reportYamlFile(file, '', [{ code: 'structure/invalid-metadata', severity: 'warning', message }]);
      return EMPTY_KNOWLEDGE;
    }
    const text = read.text;
    const knowledge = parseKnowledge(text);
    reportYamlFile(file, text, knowledge.problems);
    for (const p of knowledge.problems) log(`${file}: ${p.message}`);
    log(`Knowledge file ${file}: ${knowledge.people.length} people.`);
    return knowledge;
  }
  return EMPTY_KNOWLEDGE;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

// Finds and reads the optional knowledge file, sourcelens.entities.yaml, at the top of a corpus folder.

import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { EMPTY_KNOWLEDGE, Knowledge, parseKnowledge } from '../core/people/knowledge';

export const KNOWLEDGE_FILE = 'sourcelens.entities.yaml';

export function loadKnowledge(roots: string[], log: (m: string) => void = () => undefined): Knowledge {
  for (const root of roots) {
    const dir = isDirectory(root) ? root : path.dirname(root);
    const file = path.join(dir, KNOWLEDGE_FILE);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const knowledge = parseKnowledge(text);
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

// The repository's own text: a merge that went wrong must not reach main unnoticed (one did, in the README).

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SKIP = new Set(['node_modules', 'dist', 'out', '.vscode-test', '.git', 'test-results', '.real', '.compare-output']);
const TEXT = /\.(ts|mjs|js|json|md|ya?ml|txt|html|css|sh)$/;

function textFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const full = path.join(dir, name);
    const stat = statSync(full);
    if (stat.isDirectory()) textFiles(full, found);
    else if (TEXT.test(name) && stat.size < 2_000_000) found.push(full);
  }
  return found;
}

describe('repository', () => {
  it('has no merge-conflict markers left in any source, test or document', () => {
    const marked = textFiles(ROOT).filter((f) => /^(<{7}|>{7}) /m.test(readFileSync(f, 'utf8')));
    assert.deepEqual(marked.map((f) => path.relative(ROOT, f)), []);
  });
});

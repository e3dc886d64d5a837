// Persistent caches key on the analyser's version, a hash of the core's sources and rule packs: editing a rule pack
// must change it (no hand-bumped number to forget).

import * as assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ANALYSER_VERSION } from '../../src/core/article';

const REPO = path.resolve(__dirname, '../../..');

describe('analyser version', () => {
  let analyserVersion: (repo: string) => string;
  before(async () => {
    const script = pathToFileURL(path.join(REPO, 'scripts', 'analyser-version.mjs')).href;
    ({ analyserVersion } = await import(script));
  });

  it('is what the build injected: the package version and the hash of this tree', () => {
    assert.match(ANALYSER_VERSION, /^\d+\.\d+\.\d+\+[0-9a-f]{16}$/);
    assert.equal(analyserVersion(REPO), ANALYSER_VERSION);
  });

  it('changes when a rule pack changes, and only then', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'sourcelens-version-'));
    try {
      cpSync(path.join(REPO, 'src', 'core'), path.join(copy, 'src', 'core'), { recursive: true });
      cpSync(path.join(REPO, 'package.json'), path.join(copy, 'package.json'));
      assert.equal(analyserVersion(copy), ANALYSER_VERSION);
      appendFileSync(path.join(copy, 'src', 'core', 'rules', 'loaded.yaml'), '\n# an edit\n');
      assert.notEqual(analyserVersion(copy), ANALYSER_VERSION);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

// The analyser's identity for persistent caches: the package version plus a hash of every source file and rule pack
// of the core (src/core). Any change to a rule pack or to the analysis code gives cached analyses a new key, so an
// edited rule pack never serves stale analyses; nothing is bumped by hand. esbuild.mjs injects it at build time.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function analyserVersion(repo) {
  const core = path.join(repo, 'src', 'core');
  const files = readdirSync(core, { recursive: true }).map(String).filter((f) => /\.(ts|ya?ml)$/.test(f)).sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.split(path.sep).join('/')}\0${readFileSync(path.join(core, f))}\0`);
  const { version } = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  return `${version}+${hash.digest('hex').slice(0, 16)}`;
}

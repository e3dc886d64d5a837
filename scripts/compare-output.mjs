#!/usr/bin/env node
// Behaviour-neutral refactors: snapshot the CLI's JSON output (check, meetings, articles) on samples/, the shared
// real corpus ../shared/corpora/ecbplus and a generated 1k corpus, then compare a later build against it byte for byte.
//
//   node scripts/compare-output.mjs record  [--dir DIR]   # write snapshots from the current dist/cli.js
//   node scripts/compare-output.mjs compare [--dir DIR]   # exit 1 and name each output that differs
//   … [--cli PATH]                                          # run another build's cli.js
//
// DIR defaults to $SOURCELENS_COMPARE_DIR or .compare-output/ (git-ignored). Build first (`node esbuild.mjs`).
// Each corpus is run from its own root with the path `.`, so the snapshots do not depend on where the repo lives.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(REPO, '../shared/corpora/ecbplus');
const cliArg = process.argv.indexOf('--cli');
// --cli: a copy of dist/cli.js (with its worker.js beside it), so a comparison can run while the tree is rebuilt.
const CLI = path.resolve(cliArg >= 0 ? process.argv[cliArg + 1] : path.join(REPO, 'dist', 'cli.js'));

const [mode] = process.argv.slice(2);
const dirArg = process.argv.indexOf('--dir');
const outDir = path.resolve(dirArg >= 0 ? process.argv[dirArg + 1] : process.env.SOURCELENS_COMPARE_DIR ?? path.join(REPO, '.compare-output'));
if (mode !== 'record' && mode !== 'compare') {
  console.error('usage: node scripts/compare-output.mjs record|compare [--dir DIR]');
  process.exit(2);
}

/** The bench's scale corpus (src/tools/bench.ts), built the same way into a fixed folder so runs are comparable. */
function scaleCorpus(n) {
  const dir = path.join(tmpdir(), `sourcelens-compare-scale-${n}`);
  rmSync(dir, { recursive: true, force: true });
  const sources = readdirSync(SHARED).filter((f) => f.endsWith('.txt') && f.startsWith('doc-')).sort();
  for (let i = 0; i < n; i++) {
    const text = readFileSync(path.join(SHARED, sources[i % sources.length]), 'utf8');
    const sub = path.join(dir, `part-${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `a-${String(i).padStart(6, '0')}.txt`), `${text}\n(copy ${i})\n`);
  }
  return dir;
}

const corpora = [
  ['samples', path.join(REPO, 'samples')],
  ['ecbplus', SHARED],
  ['scale-1000', scaleCorpus(1000)],
];
const commands = ['check', 'meetings', 'articles'];

mkdirSync(outDir, { recursive: true });
let differing = 0;
for (const [name, root] of corpora) {
  if (!existsSync(root)) { console.error(`missing corpus ${root}`); process.exit(2); }
  for (const command of commands) {
    const started = Date.now();
    const r = spawnSync(process.execPath, [CLI, command, '.', '--format', 'json'], { cwd: root, maxBuffer: 1 << 30, encoding: 'utf8' });
    // `check` exits 1 when it reports errors: a result, kept in the snapshot with the output.
    if (r.status !== 0 && r.status !== 1) { console.error(`${command} ${name} exited ${r.status}: ${r.stderr}`); process.exit(2); }
    const got = `exit ${r.status}\n${r.stdout}`;
    const file = path.join(outDir, `${name}.${command}.json`);
    const ms = Date.now() - started;
    if (mode === 'record') {
      writeFileSync(file, got);
      console.log(`recorded ${name} ${command} (${got.length} bytes, ${ms} ms)`);
    } else {
      const want = existsSync(file) ? readFileSync(file, 'utf8') : null;
      if (want === got) { console.log(`same     ${name} ${command} (${ms} ms)`); continue; }
      differing++;
      writeFileSync(`${file}.new`, got);
      console.log(`DIFFERS  ${name} ${command}: ${want === null ? 'no snapshot' : `see diff ${file} ${file}.new`}`);
    }
  }
}
if (mode === 'compare') console.log(differing ? `${differing} output(s) differ` : 'all outputs byte-identical');
process.exit(differing ? 1 : 0);

// Builds every bundle: the extension client, the language server, the CLI, the eval and bench tools,
// and the mocha test files. One pipeline, so tests run exactly the code that ships.
import * as esbuild from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyserVersion } from './scripts/analyser-version.mjs';

const watch = process.argv.includes('--watch');

/** Rule packs are YAML in the repo (reviewable data); they are parsed at build time and inlined as JSON. */
const yamlPlugin = {
  name: 'yaml',
  setup(build) {
    build.onLoad({ filter: /\.ya?ml$/ }, async (args) => {
      const data = parse(await readFile(args.path, 'utf8'));
      return { contents: `module.exports = ${JSON.stringify(data)};`, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [yamlPlugin],
  // Word lists shipped as text by their packages; the people-names package exports only its cspell config, so its
  // list is reached by path.
  loader: { '.txt': 'text' },
  alias: { 'cspell-people-names': './node_modules/@cspell/dict-people-names/dict/people-names.txt' },
  // Node has had Unicode property escapes (\p{Lu}) since 10, but esbuild's node table lowers them to
  // `new RegExp(…)` calls, rebuilt on every evaluation: a regex literal in a hot function then costs a compile per call.
  supported: { 'regexp-unicode-property-escapes': true },
  // Cache keys name the analyser by a hash of src/core and its rule packs (scripts/analyser-version.mjs). In --watch
  // mode it is computed once at start: restart the watch after editing the core if you rely on the disk cache.
  define: { __SOURCELENS_ANALYSER__: JSON.stringify(analyserVersion('.')) },
};

const builds = [
  { entryPoints: { client: 'src/client/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { entryPoints: { server: 'src/server/main.ts', worker: 'src/host/worker.ts', cli: 'src/cli/main.ts', eval: 'src/tools/eval.ts', evalEvents: 'src/tools/evalEvents.ts', bench: 'src/tools/bench.ts',
      evalReal: 'src/tools/evalReal/main.ts' },
    // write-good (the bench's baseline linter) relies on sloppy-mode globals that break when bundled: load it as is.
    outdir: 'dist', external: ['write-good'] },
  // Webview scripts run in the browser sandbox of a webview: one self-contained file each, no remote resources.
  { entryPoints: { 'webview-compare': 'src/webview/compare.ts' }, outdir: 'dist', platform: 'browser', format: 'iife', target: 'es2022', sourcemap: false },
  { entryPoints: testFiles(), outdir: 'out/test', outbase: 'test',
    packages: 'external', external: ['vscode'] },
];

function testFiles() {
  return ['test/unit', 'test/protocol'].flatMap((dir) =>
    readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.test.ts')).map((f) => join(dir, String(f))));
}

await rm('out', { recursive: true, force: true });
if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}

// The CLI (dist/cli.js) on real files: formats, exit codes, and the same suppressions file the editor writes.

import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fingerprint } from '../../src/core/suppressions';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/basic');

/** For tests that start several CLI processes: on a loaded machine each cold start takes seconds. */
const SPAWNS_TIMEOUT = 180_000;

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('sourcelens CLI', function () {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-cli-'));
    cpSync(FIXTURES, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints file:line:col severity code message and a summary; exits 0 below --fail-on', () => {
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^alpha\.txt:1:1 information structure\/no-date No publication date/m);
    assert.match(r.out, /^gamma\.txt:1:1 information structure\/missing-headline/m);
    // Hints are editor decorations: named in the total, listed only with --include-hints.
    assert.match(r.out, /^\d+ finding\(s\): 0 error, \d+ warning, \d+ information; \d+ hint\(s\) not shown \(--include-hints\)$/m);
    assert.doesNotMatch(r.out, / hint /);
    assert.match(r.out, /^ *1 information structure\/missing-headline$/m, 'a count per code');
    const all = run(['check', '.', '--include-hints'], dir);
    assert.match(all.out, /^\S+:\d+:\d+ hint /m);
    assert.match(all.out, /^\d+ finding\(s\): 0 error, \d+ warning, \d+ information, [1-9]\d* hint$/m);
  });

  it('--quiet prints the findings and nothing else', function () {
    this.timeout(SPAWNS_TIMEOUT); // several CLI processes, each a cold start of the bundle
    const r = run(['check', '.', '--quiet'], dir);
    assert.equal(r.code, 0);
    const lines = r.out.trimEnd().split('\n');
    assert.ok(lines.length > 0 && lines.every((l) => /^\S+:\d+:\d+ (error|warning|information) \S+ /.test(l)), r.out);
  });

  it('documents and keeps its exit codes: 0 clean, 1 at or above --fail-on, 2 usage or input error', function () {
    this.timeout(SPAWNS_TIMEOUT); // several CLI processes, each a cold start of the bundle
    // The fixture has no error, one warning (an unattributed figure) and some information.
    assert.equal(run(['check', '.', '--fail-on', 'error'], dir).code, 0);
    assert.equal(run(['check', '.', '--fail-on', 'warning'], dir).code, 1);
    assert.equal(run(['check', '.', '--fail-on', 'info'], dir).code, 1);
    const missing = run(['check', 'no-such-folder'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file or folder: no-such-folder/);
    assert.equal(missing.out, '');
    mkdirSync(path.join(dir, 'empty'));
    writeFileSync(path.join(dir, 'empty', 'notes.csv'), 'a,b\n');
    const empty = run(['check', 'empty'], dir);
    assert.equal(empty.code, 2);
    assert.match(empty.err, /no articles under empty/);
    assert.equal(run(['articles', 'empty'], dir).code, 2);
    const help = run(['--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.out, /Exit codes: 0 clean, 1 findings at or above --fail-on/);
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    assert.match(readme, /\| `0` \|[^\n]*\n\| `1` \|[^\n]*\n\| `2` \|/, 'README documents the exit codes');
  });

  it('answers --help, -h, help COMMAND and --version like other linters', function () {
    this.timeout(SPAWNS_TIMEOUT); // several CLI processes, each a cold start of the bundle
    for (const args of [['--help'], ['-h'], []]) {
      const r = run(args, dir);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.out, /^Usage: sourcelens COMMAND/m);
      assert.match(r.out, /^ {2}import /m);
    }
    for (const args of [['help', 'check'], ['check', '--help'], ['check', '-h', '--format', 'xml']]) {
      const r = run(args, dir);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.out, /^Usage: sourcelens check \[PATHS…\]/m);
      assert.match(r.out, /--include-hints/);
    }
    assert.match(run(['help', 'import'], dir).out, /--force/);
    const version = run(['--version'], dir);
    assert.equal(version.code, 0);
    assert.equal(version.out.trim(), JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')).version);
  });

  it('names the closest valid option or command when one is mistyped', function () {
    this.timeout(SPAWNS_TIMEOUT); // several CLI processes, each a cold start of the bundle
    const option = run(['check', '.', '--fail-onn', 'info'], dir);
    assert.equal(option.code, 2);
    assert.match(option.err, /Unknown option --fail-onn; did you mean --fail-on\?/);
    assert.match(run(['check', '--include-hint'], dir).err, /did you mean --include-hints\?/);
    assert.match(run(['check', '--formt=json'], dir).err, /did you mean --format\?/);
    assert.match(run(['chekc'], dir).err, /Unknown command: chekc; did you mean check\?/);
    assert.match(run(['check', '--out', 'x'], dir).err, /--out is an option of import, not of check/);
    assert.match(run(['check', '--format', 'jsno'], dir).err, /did you mean json\?/);
    const far = run(['check', '--zzzzzzzz'], dir);
    assert.match(far.err, /Unknown option --zzzzzzzz\n/);
  });

  it('exits 1 when a finding reaches --fail-on, 2 on a usage error', () => {
    assert.equal(run(['check', '.', '--fail-on', 'info'], dir).code, 1);
    const bad = run(['check', '--format', 'xml'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /Unknown format: xml/);
  });

  it('writes JSON and SARIF 2.1.0 with rule ids and locations', () => {
    const json = JSON.parse(run(['check', '.', '--format', 'json'], dir).out);
    assert.ok(json.some((f: { code: string; file: string; line: number }) => f.code === 'structure/no-date' && f.file === 'alpha.txt' && f.line === 1));
    const sarif = JSON.parse(run(['check', '.', '--format', 'sarif'], dir).out);
    assert.equal(sarif.version, '2.1.0');
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'structure/no-date');
    assert.equal(result.level, 'note');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 1);
    assert.ok(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'figure-conflict'));
  });

  it('honours --rule levels and the editor\'s sourcelens.suppressions.yaml', () => {
    assert.doesNotMatch(run(['check', '.', '--rule', 'structure/*=off'], dir).out, /structure\//);
    // A misspelt code would silently do nothing: the CLI refuses codes the rule registry does not know.
    const typo = run(['check', '.', '--rule', 'structure/no-dates=off'], dir);
    assert.equal(typo.code, 2);
    assert.match(typo.err, /Unknown rule code: structure\/no-dates/);
    const first = 'A long first line that reads like body text rather than a headline because it goes on and on with many words describing events in detail and ends with a full stop.';
    writeFileSync(path.join(dir, 'sourcelens.suppressions.yaml'), `suppressions:\n  - { file: gamma.txt, rule: structure/missing-headline, fingerprint: ${fingerprint(first)} }\n`);
    assert.doesNotMatch(run(['check', '.'], dir).out, /gamma\.txt:1:1 information structure\/missing-headline/);
  });

  it('lists articles and meetings', () => {
    assert.match(run(['articles', '.'], dir).out, /beta\.md\n {2}outlet: The Castora Ledger {3}published: 2031-03-05 \(from front-matter\)/);
    assert.match(run(['meetings', '.'], dir).out, /meeting\(s\)$/m);
  });
});

describe('sourcelens import', function () {
  this.timeout(SPAWNS_TIMEOUT); // several CLI processes per test
  const SAVED = path.resolve(__dirname, '../../../test/fixtures/pages/saved');
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-import-'));
    cpSync(SAVED, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('turns saved pages into articles the check reads, once, and says why a page is not an article', () => {
    const before = run(['check', '.'], dir);
    assert.equal(before.code, 2, 'pages only, none imported: nothing to analyse');
    assert.match(before.err, /5 saved page\(s\) are not imported yet\. Run: sourcelens import \./);

    const first = run(['import', '.'], dir);
    assert.equal(first.code, 1, 'some pages are not articles');
    assert.match(first.out, /^Port deal\.html -> Port deal\.md: imported \(The Castora Ledger, 2031-03-05, \d+ words\)$/m);
    assert.match(first.out, /^paywall\.html: not an article: behind a paywall/m);
    assert.match(first.out, /^consent\.html: not an article: a cookie or consent wall/m);
    assert.match(first.out, /^section-index\.html: not an article: an index or section page/m);
    assert.match(first.out, /^9 page\(s\): 5 imported, 0 already up to date, 4 not an article, 0 kept/m);
    assert.ok(!readdirSync(path.join(dir, 'Port deal_files')).some((f) => f.endsWith('.md')), 'the assets folder is not imported');
    assert.ok(!existsSync(path.join(dir, 'paywall.md')));

    const again = run(['import', '.'], dir);
    assert.match(again.out, /^9 page\(s\): 0 imported, 5 already up to date/m);

    const articles = run(['articles', '.', '--format', 'json'], dir);
    assert.equal(articles.code, 0, articles.err);
    const rows = JSON.parse(articles.out) as { file: string; outlet: string; published: string }[];
    assert.deepEqual(rows.map((r) => r.file).sort(), ['Port deal.md', 'amp-story.md', 'liveblog.md', 'other-script.md', 'url-date.md']);
    assert.equal(rows.find((r) => r.file === 'amp-story.md')!.outlet, 'Velor Daily');
    const check = run(['check', '.', '--format', 'json'], dir);
    assert.ok(!(JSON.parse(check.out) as { file: string }[]).some((f) => f.file.endsWith('.html')), 'imported pages are not counted again');
  });

  it('keeps an imported article the reader edited unless --force, and writes to --out', () => {
    run(['import', 'url-date.html'], dir);
    const md = path.join(dir, 'url-date.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('200,000 homes', '250,000 homes'));
    const kept = run(['import', 'url-date.html'], dir);
    assert.equal(kept.code, 1);
    assert.match(kept.out, /url-date\.md was edited after import; left as it is \(use --force to overwrite it\)/);
    assert.match(readFileSync(md, 'utf8'), /250,000/);
    assert.equal(run(['import', 'url-date.html', '--force'], dir).code, 0);
    assert.match(readFileSync(md, 'utf8'), /200,000/);

    const out = run(['import', 'amp-story.html', '--out', 'articles'], dir);
    assert.equal(out.code, 0, out.out + out.err);
    assert.match(readFileSync(path.join(dir, 'articles', 'amp-story.md'), 'utf8'), /^source: \.\.\/amp-story\.html$/m);
  });

  it('escapes control and bidi characters of a path in its error messages too', () => {
    const r = run(['check', 'missing-\x1b[31mred\u202e.txt'], dir);
    assert.equal(r.code, 2, r.err);
    assert.doesNotMatch(r.err, /[\x1b\u202e]/u, 'no raw ESC or right-to-left override reaches the terminal');
    assert.match(r.err, /missing-\\x1b\[31mred\\u202e\.txt/);
  });

  it('is an input error without pages or paths', () => {
    assert.equal(run(['import'], dir).code, 2);
    assert.equal(run(['import', 'nowhere'], dir).code, 2);
    mkdirSync(path.join(dir, 'none'));
    const none = run(['import', 'none'], dir);
    assert.equal(none.code, 2);
    assert.match(none.err, /no saved web pages/);
  });
});

describe('the npm package', function () {
  this.timeout(180_000);
  it('installs offline from `npm pack` and runs `npx sourcelens check` without VS Code or other packages', () => {
    const repo = path.resolve(__dirname, '../../..');
    const work = mkdtempSync(path.join(tmpdir(), 'sourcelens-pack-'));
    try {
      const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
      const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], repo))[0] as { filename: string; files: { path: string }[] };
      assert.deepEqual(packed.files.map((f) => f.path).sort(), ['LICENSE', 'README.md', 'dist/cli.js', 'dist/worker.js', 'package.json']);
      const project = path.join(work, 'ci');
      mkdirSync(project);
      writeFileSync(path.join(project, 'package.json'), '{ "name": "ci-job", "version": "1.0.0", "private": true }\n');
      // Offline: the tarball must need nothing from a registry.
      npm(['install', '--offline', '--no-audit', '--no-fund', path.join(work, packed.filename)], project);
      assert.ok(statSync(path.join(project, 'node_modules/.bin/sourcelens')).isFile());
      cpSync(path.resolve(repo, 'test/fixtures/basic'), path.join(project, 'articles'), { recursive: true });
      const r = spawnSync('npx', ['--offline', 'sourcelens', 'check', 'articles', '--fail-on', 'info'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^articles\/alpha\.txt:1:1 information structure\/no-date/m);
      assert.equal(spawnSync('npx', ['--offline', 'sourcelens', '--version'], { cwd: project, encoding: 'utf8' }).stdout.trim(), JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

// The CLI (dist/cli.js) on real files: formats, exit codes, and the same suppressions file the editor writes.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fingerprint } from '../../src/core/suppressions';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/basic');

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
    assert.match(r.out, /^\d+ finding\(s\): 0 error, \d+ warning, \d+ information, \d+ hint$/m);
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

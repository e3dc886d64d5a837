// The command line's grammar without a process: what each argument list means, and the "did you mean" rule.

import * as assert from 'node:assert/strict';
import { parseArgs, suggest, usage, UsageError } from '../../src/cli/args';

const fails = (argv: string[], message: RegExp) => assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && message.test(e.message));

describe('CLI arguments', () => {
  it('reads commands, paths and options in either --opt value or --opt=value form', () => {
    const p = parseArgs(['check', 'a', '--format=json', '--fail-on', 'warning', 'b', '--rule', 'structure/*=off', '--include-hints', '--quiet']);
    assert.equal(p.kind, 'run');
    if (p.kind !== 'run') return;
    assert.deepEqual(p.options.paths, ['a', 'b']);
    assert.equal(p.options.format, 'json');
    assert.equal(p.options.failOn, 'warning');
    assert.deepEqual(p.options.rules, { 'structure/*': 'off' });
    assert.ok(p.options.includeHints && p.options.quiet);
    const dflt = parseArgs(['articles']);
    assert.ok(dflt.kind === 'run' && dflt.options.paths[0] === '.');
    const dashed = parseArgs(['check', '--', '--odd-file-name.txt']);
    assert.ok(dashed.kind === 'run' && dashed.options.paths[0] === '--odd-file-name.txt');
  });

  it('gives help and version the way other linters do', () => {
    assert.deepEqual(parseArgs([]), { kind: 'help' });
    assert.deepEqual(parseArgs(['-h']), { kind: 'help' });
    assert.deepEqual(parseArgs(['help', 'import']), { kind: 'help', command: 'import' });
    assert.deepEqual(parseArgs(['meetings', '--bogus', '--help']), { kind: 'help', command: 'meetings' });
    assert.deepEqual(parseArgs(['--version']), { kind: 'version' });
    assert.deepEqual(parseArgs(['check', '-V']), { kind: 'version' });
    for (const c of ['check', 'articles', 'meetings', 'import'] as const) assert.match(usage(c), /^Exit codes: 0 /m);
    assert.doesNotMatch(usage('articles'), /--fail-on|--out/);
  });

  it('names the closest valid option, command or value, and only when it is close', () => {
    assert.equal(suggest('--fial-on', ['--format', '--fail-on']), '--fail-on');
    assert.equal(suggest('--inc', ['--include', '--include-hints']), '--include');
    assert.equal(suggest('--verbose', ['--format', '--fail-on', '--rule']), undefined);
    fails(['check', '--jsno'], /^Unknown option --jsno$/);
    fails(['check', '--max-filesize', '3'], /did you mean --max-file-size\?/);
    fails(['imprt', 'x'], /Unknown command: imprt; did you mean import\?/);
    fails(['help', 'chekc'], /did you mean check\?/);
    fails(['articles', '--format', 'sarif'], /Unknown format: sarif.*articles writes text, json/);
    fails(['import', '--out'], /--out needs a value \(DIR\)/);
    fails(['import'], /import needs the pages to import/);
    fails(['check', '--quiet=yes'], /--quiet takes no value/);
    fails(['--format', 'json'], /No command given before --format/);
  });
});

// A second, independent client: Neovim's built-in LSP client driven headless by ../shared/tools/lsp-probe.
// Neovim only takes pushed diagnostics, sends languageId "text" for .txt files and encodes URIs its own way.

import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { SERVER } from './lspClient';

const REPO = path.resolve(__dirname, '../../..');
const PROBE = process.env.LSP_PROBE ?? path.resolve(REPO, '../shared/tools/lsp-probe/lsp-probe');
const FIXTURES = path.join(REPO, 'test/fixtures/basic');

const available = existsSync(PROBE) && spawnSync('nvim', ['--version']).status === 0;

describe('Neovim built-in client (lsp-probe)', function () {
  before(function () {
    // .ci/run installs neovim, so CI always runs this; a developer without nvim is told why it is skipped.
    if (!available) {
      if (process.env.CI) throw new Error(`lsp-probe or nvim missing in CI (probe: ${PROBE})`);
      console.warn(`    (skipped: needs nvim and ${PROBE})`);
      this.skip();
    }
  });

  it('receives pushed diagnostics, hover and symbols for .txt and .md files', () => {
    const out = execFileSync(
      PROBE,
      ['--server', `node ${SERVER} --stdio`, '--root', FIXTURES, '--wait-ms', '15000', '--hover', 'beta.md:6:4', '--symbols', 'alpha.txt', '--compact', 'alpha.txt', 'beta.md'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    const result = JSON.parse(out);
    assert.equal(result.exit_code, 0, out.slice(0, 2000));
    assert.equal(result.files['alpha.txt'].language_id, 'text');
    const codes = result.diagnostics['alpha.txt'].map((d: { code: string }) => d.code);
    assert.ok(codes.includes('structure/no-date'), codes.join(','));
    assert.equal(codes.filter((c: string) => c === 'structure/boilerplate').length, 3);
    assert.match(result.hover['beta.md:6:4'], /^\*\*Sourcelens\*\* · Marnish premier hosts Velorian minister/);
    assert.ok(JSON.stringify(result.symbols['alpha.txt']).includes('Velorian envoy meets Marnish premier in Castora'));
  });
});

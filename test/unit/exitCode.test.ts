// The CLI's exit code decides CI runs: it must hold for any corpus size.

import * as assert from 'node:assert/strict';
import { exitCodeFor } from '../../src/cli/exitCode';
import { Severity } from '../../src/core/types';

describe('CLI exit code', () => {
  it('is 1 when a finding reaches --fail-on, else 0', () => {
    const findings = (...s: Severity[]) => s.map((severity) => ({ severity }));
    assert.equal(exitCodeFor(findings('hint', 'warning'), 'error'), 0);
    assert.equal(exitCodeFor(findings('hint', 'warning'), 'warning'), 1);
    assert.equal(exitCodeFor(findings('information'), 'info'), 1);
    assert.equal(exitCodeFor(findings('error'), 'never'), 0);
    assert.equal(exitCodeFor([], 'info'), 0);
  });

  it('copes with the findings of a 20,000-article corpus (more than a call can take as arguments)', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => ({ severity: (i === 299_999 ? 'error' : 'hint') as Severity }));
    assert.equal(exitCodeFor(many, 'error'), 1);
  });
});

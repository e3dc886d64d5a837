// Exact boilerplate entries match however the page pads them: the length shortcut must not reject a padded line.

import * as assert from 'node:assert/strict';
import rulePack from '../../src/core/rules/boilerplate.yaml';
import { classifyLine } from '../../src/core/boilerplate';

const entries = (rulePack as { rules: { exact?: string[] }[] }).rules.flatMap((r) => r.exact ?? []);

describe('exact boilerplate entries', () => {
  it('match with case, spacing and edge punctuation changed', () => {
    assert.ok(entries.length > 50);
    for (const entry of entries) {
      const expected = classifyLine(entry);
      assert.ok(expected, entry);
      const padded = `•  » ${entry.toUpperCase().replace(/ /g, ' \u00A0\t  ')} \u2026 !! ::`;
      assert.deepEqual(classifyLine(padded), expected, padded);
    }
  });

  it('do not match a longer line', () => {
    assert.equal(classifyLine('story continues below advertisement today'), undefined);
  });
});

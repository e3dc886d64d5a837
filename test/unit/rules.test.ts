// The rule registry (src/core/rules.ts) is the one place a finding code is defined: the README's table, the settings
// schema in package.json, the CLI's --rule validation and the severities the rules produce must all agree with it.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../src/core/corpus';
import { LEVELS } from '../../src/core/config';
import { isRuleKey, RULE_FAMILY_KEYS, RULES, ruleInfo } from '../../src/core/rules';
import { DEFAULT_GLOBS } from '../../src/host/discover';
import { indexRoots } from '../../src/host/indexer';
import { SourcesCache } from '../../src/host/loader';

const REPO = path.resolve(__dirname, '../../..');

describe('rule registry', () => {
  it('has each code once, every code in a family, every description and doc link filled in', () => {
    assert.equal(new Set(RULES.map((r) => r.code)).size, RULES.length);
    for (const r of RULES) {
      assert.ok(r.description.length > 20 && r.doc.length > 0, r.code);
      if (r.code.includes('/')) assert.equal(r.family, r.code.split('/')[0], r.code);
    }
  });

  it("the README's code table lists exactly the registry's codes with their default levels", () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Finding codes'), readme.indexOf('\n## ', readme.indexOf('## Finding codes') + 1));
    const rows = [...section.matchAll(/^\| `([^`]+)` \| (\w+) \|/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
    assert.deepEqual(rows, RULES.map((r) => `${r.code} ${r.severity}`).sort());
  });

  it("package.json's sourcelens.rules schema offers exactly the registry's codes and families, with its levels", () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    const schema = pkg.contributes.configuration.properties['sourcelens.rules'];
    assert.deepEqual(schema.additionalProperties.enum, LEVELS);
    assert.deepEqual(Object.keys(schema.properties).sort(), [...RULE_FAMILY_KEYS, ...RULES.map((r) => r.code)].sort());
    for (const r of RULES) {
      const entry = schema.properties[r.code];
      assert.deepEqual([entry.enum, entry.default, entry.markdownDescription], [LEVELS, r.severity, r.description], r.code);
    }
  });

  it('accepts registry codes and family keys as rule keys, and nothing else', () => {
    for (const key of ['structure/boilerplate', 'loaded-term', 'structure/*', 'structure']) assert.ok(isRuleKey(key), key);
    for (const key of ['structure/boilerplat', 'loaded-terms', 'people/*', '*', '']) assert.ok(!isRuleKey(key), key);
  });

  it('every finding on samples/ and the test fixtures carries its code’s default severity from the registry', async function () {
    this.timeout(60_000);
    const seen = new Set<string>();
    for (const root of ['samples', 'test/fixtures/basic', 'test/fixtures/headlines', 'test/fixtures/meetings']) {
      const corpus = new Corpus();
      await indexRoots([path.join(REPO, root)], corpus, new SourcesCache(), { globs: DEFAULT_GLOBS, load: { maxFileSizeMB: 5 } });
      for (const f of [...corpus.allFindings().values()].flat()) {
        assert.equal(f.severity, ruleInfo(f.code)?.severity, `${f.code} in ${root}: ${f.message}`);
        seen.add(f.code);
      }
    }
    assert.ok(seen.size >= 10, `only ${[...seen].join(', ')}`);
  });
});

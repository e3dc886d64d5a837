// The corpus re-checks only the partitions an edit touches. Whatever the sequence of edits, the result must be
// exactly what a corpus built from scratch on the final texts gives, and the corpus must name every article whose
// findings changed (the server re-sends only those).

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Corpus } from '../../src/core/corpus';
import { parseSourcesYaml } from '../../src/core/metadata';
import { ArticleInput, ArticleMeta, Finding } from '../../src/core/types';

const ROOT = path.resolve(__dirname, '../../..');

/** Real fixture texts with their metadata: meetings, headlines, and the samples (name variants, loaded terms). */
function pool(): ArticleInput[] {
  const inputs: ArticleInput[] = [];
  for (const folder of ['test/fixtures/meetings', 'test/fixtures/headlines', 'samples']) {
    const dir = path.join(ROOT, folder);
    let meta = new Map<string, ArticleMeta>();
    try {
      meta = parseSourcesYaml(readFileSync(path.join(dir, 'sources.yaml'), 'utf8')).entries;
    } catch {
      // no sources.yaml in this folder
    }
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      inputs.push({ uri: `file:///corpus/${folder}/${name}`, text: readFileSync(path.join(dir, name), 'utf8'), externalMeta: meta.get(name) });
    }
  }
  // Quote variants, loaded words, loose figures and a dated conflict: the partitioned rules' own material.
  const extra: [string, string, string][] = [
    ['quote-a.txt', '2031-03-05', 'Kendrow speaks\n\nIlsa Kendrow said: "We will never accept a divided Castora under any foreign flag at all." The regime denied it. Police arrested 320 protesters in Ankara after Otto Brisk met Ilsa Kendrow.\n'],
    ['quote-b.txt', '2031-03-06', 'Kendrow again\n\n"We will never accept a divided Castora under any flag," Ilsa Kendrow said. The government denied it. Police arrested 90 protesters in Ankara after Otto Brisk met Ilsa Kendrow.\n'],
    ['anchor.txt', '2014-05-01', 'War at six\n\nThe war began in 2011 in Castora. The six-year-old war goes on, Ilsa Kendrow said.\n'],
    ['day-a.txt', '2031-04-09', 'Talks in Velor\n\nMara Quell met Tobias Venn in Velor on Tuesday.\n'],
    ['day-b.txt', '2031-04-09', 'Talks in Velor\n\nTobias Venn received Mara Quell in Velor on Monday.\n'],
  ];
  for (const [name, published, text] of extra) inputs.push({ uri: `file:///corpus/extra/${name}`, text, externalMeta: { outlet: name.replace(/\..*/, ''), published } });
  return inputs;
}

/** A version of an article that changes what the cross-document rules see: numbers, a name, or half the text. */
function variant(input: ArticleInput, kind: number): ArticleInput {
  const text =
    kind === 0 ? input.text
    : kind === 1 ? input.text.replace(/\d+/g, (d) => String(Number(d) + 7))
    : kind === 2 ? input.text.replace(/Kendrow|Cavusoglu|Brisk/g, 'Kendrov')
    : input.text.slice(0, Math.floor(input.text.length / 2));
  return { ...input, text };
}

function snapshot(corpus: Corpus): Map<string, string> {
  return new Map([...corpus.allFindings()].map(([uri, findings]) => [uri, JSON.stringify(findings)]));
}

function fresh(inputs: Iterable<ArticleInput>): Corpus {
  const corpus = new Corpus();
  for (const input of inputs) corpus.update(input);
  return corpus;
}

describe('incremental cross-document findings', () => {
  const inputs = pool();

  it('the pool exercises every partitioned rule', () => {
    const codes = new Set<string>([...fresh(inputs).allFindings().values()].flat().map((f: Finding) => f.code));
    for (const code of ['figure-conflict', 'date-conflict', 'name-diacritics', 'loaded-term', 'quote-variant', 'figure-inconsistent', 'title-missing']) {
      assert.ok(codes.has(code), `no ${code} in the pool`);
    }
  });

  it('after any sequence of edits, equals a corpus built from scratch, and names every article that changed', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant<'put'>('put'), article: fc.nat(inputs.length - 1), version: fc.nat(3) }),
      fc.record({ kind: fc.constant<'remove'>('remove'), article: fc.nat(inputs.length - 1) }),
      fc.record({ kind: fc.constant<'read'>('read') }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const corpus = fresh(inputs);
        const current = new Map(inputs.map((i) => [i.uri, i]));
        let seen = snapshot(corpus);
        corpus.takeChangedUris();
        const check = () => {
          const changed = corpus.takeChangedUris();
          const now = snapshot(corpus);
          for (const uri of new Set([...seen.keys(), ...now.keys()])) {
            if (seen.get(uri) !== now.get(uri)) assert.ok(changed === 'all' || changed.has(uri), `${uri} changed but was not reported`);
          }
          seen = now;
        };
        for (const o of ops) {
          if (o.kind === 'put') {
            const input = variant(inputs[o.article], o.version);
            corpus.update(input);
            current.set(input.uri, input);
          } else if (o.kind === 'remove') {
            corpus.remove(inputs[o.article].uri);
            current.delete(inputs[o.article].uri);
          } else {
            check();
          }
        }
        check();
        const rebuilt = fresh(current.values());
        assert.deepEqual(snapshot(corpus), snapshot(rebuilt));
        assert.deepEqual(
          corpus.meetings().all().map((m) => [m.id, m.accounts.map((a) => a.id)]),
          rebuilt.meetings().all().map((m) => [m.id, m.accounts.map((a) => a.id)]),
        );
        assert.deepEqual(corpus.entities().entities().map((e) => [e.id, e.mentions.length]), rebuilt.entities().entities().map((e) => [e.id, e.mentions.length]));
      }),
      { numRuns: 40 },
    );
  });

  it('an edit re-checks only the partitions it touches', () => {
    const corpus = fresh(inputs);
    corpus.takeChangedUris();
    const target = inputs.find((i) => i.uri.endsWith('quote-a.txt'))!;
    corpus.update(variant(target, 1));
    const changed = corpus.takeChangedUris();
    assert.notEqual(changed, 'all');
    // The edited article, and the other account of its quote and its figures; not the samples about Syria.
    assert.ok((changed as Set<string>).has(target.uri));
    assert.ok(![...(changed as Set<string>)].some((uri) => uri.includes('/samples/')), [...(changed as Set<string>)].join(', '));
  });
});

// Resilience: the whole per-article pass on generated and mutated text. It must never throw, every range must lie
// inside the document on UTF-16 boundaries (never inside a surrogate pair), and time must stay linear in length.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyse, Analysis } from '../../src/core/analyse';
import { Corpus } from '../../src/core/corpus';
import { TextRange } from '../../src/core/types';
import { SHAPES } from '../hostile/shapes';

/** Characters of the smaller text in the linearity check; the larger is twice this. */
const LINEAR_SIZE = 60_000;
/** Linear time doubles; quadratic time quadruples. Allocation and GC make linear passes a little worse than 2. */
const MAX_RATIO = 3;

/** Best CPU time (user + system, this process) of `runs` runs, in milliseconds. */
function cpuMs(run: () => void, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

const SEED_TEXT = `Kendrow meets Brisk in Ankara
PHOTO: Velorian Foreign Minister Ilsa Kendrow is greeted in Ankara on Saturday. (AFP)
First published: 08.17.17 , 14:32

ANKARA - Ilsa Kendrow met Otto Brisk in Ankara on Tuesday, officials said. "We agree," Kendrow said.
Police arrested some 1,300 people; 32 of 208 diplomats remain. The 22nd meeting is due in May.
שליחה לחבר
Share this article
`;

function ranges(a: Analysis): TextRange[] {
  const { article } = a;
  return [
    ...article.boilerplate.map((b) => b.range),
    ...(article.headline ? [article.headline.range] : []),
    ...article.paragraphs.map((p) => p.range),
    ...article.sentences.map((s) => s.range),
    ...Array.from(article.tokens.starts, (s, i) => ({ start: s, end: article.tokens.ends[i] })),
    ...a.times.map((t) => t.range),
    ...a.figures.map((f) => f.range),
    ...a.accounts.map((x) => x.span),
    ...(article.published?.range ? [article.published.range] : []),
  ];
}

function assertSound(text: string): void {
  const a = analyse({ uri: 'file:///fuzz/a.txt', text });
  const isLow = (i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]) && /[\uD800-\uDBFF]/.test(text[i - 1]);
  for (const r of ranges(a)) {
    assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `range ${r.start}-${r.end} outside 0-${text.length}`);
    assert.ok(!isLow(r.start) && !isLow(r.end), `range ${r.start}-${r.end} splits a surrogate pair`);
  }
}

const SPICE = ['"', '“', '”', '«', '»', "'", '(', ')', '[', ']', '\u200B', '\u200F', '\u202E', '\u2066', '\u0301', '\u05D0', '😀', '\r\n', '\r', '\n', '\t', ' ', '.', ',', '1,300', '$7 billion', 'on Saturday', 'Photo: EPA', 'Share', ':', '—', '\uFEFF', '\u00A0'];

describe('fuzzing the per-article pass', () => {
  it('random Unicode (surrogates, combining marks, RTL and bidi controls, zero-width) never breaks an invariant', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => assertSound(text)), { numRuns: 300 });
  });

  it('mutated real-looking articles never break an invariant', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(SEED_TEXT.length), fc.constantFrom(...SPICE), fc.boolean()), { maxLength: 30 }), (edits) => {
        let text = SEED_TEXT;
        for (const [at, piece, replace] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + piece + text.slice(replace ? i + 1 : i);
        }
        assertSound(text);
      }),
      { numRuns: 300 },
    );
  });

  it('pathological shapes complete: 50,000 quote marks, deep brackets, 100k-character lines, whitespace runs', function () {
    this.timeout(120_000);
    for (const text of [
      '"'.repeat(50_000),
      `Headline\n\n${'('.repeat(20_000)}x${')'.repeat(20_000)}`,
      `Headline\n\n${'a'.repeat(100_000)}`,
      `Headline\n\n${'1,'.repeat(30_000)}`,
      `Headline\n\n${' \t'.repeat(50_000)}.`,
      `Headline\n\n${'Share this article\n'.repeat(5_000)}`,
      `${'\n'.repeat(50_000)}x`,
    ]) {
      assertSound(text);
    }
  });

  // Time is measured as this process's CPU time (not wall time), best of a few runs, and only the ratio between two
  // sizes is judged: a loaded or slow machine scales both alike, while a quadratic path quadruples when the size
  // doubles. Every shape of the hostile generators is checked.
  for (const shape of SHAPES) {
    it(`time is linear in length: ${shape.name} (doubling the size at most ${MAX_RATIO}x the time)`, function () {
      this.timeout(300_000);
      const small = shape.make(LINEAR_SIZE);
      const large = shape.make(LINEAR_SIZE * 2);
      assertSound(small.slice(0, 5_000));
      analyse({ uri: 'file:///fuzz/warm.txt', text: small }); // warm up: regexes compiled, model loaded
      let ratio = Infinity;
      let figures = '';
      // A ratio that fails is measured again (up to three times, best of each): a burst of load on a shared machine
      // must not fail it, a quadratic path fails every time.
      for (let attempt = 0; attempt < 3 && ratio > MAX_RATIO; attempt++) {
        const a = cpuMs(() => analyse({ uri: 'file:///fuzz/small.txt', text: small }), attempt + 1);
        const b = cpuMs(() => analyse({ uri: 'file:///fuzz/large.txt', text: large }), attempt + 1);
        // Below a few milliseconds the clock's granularity dominates; such a shape is fast whatever its growth.
        ratio = b < 20 ? 1 : b / Math.max(a, 1);
        figures = `${a.toFixed(0)} ms -> ${b.toFixed(0)} ms`;
      }
      assert.ok(ratio <= MAX_RATIO, `${shape.name}: 2x input took ${ratio.toFixed(1)}x CPU time (${figures})`);
    });
  }

  // The benchmark: every shape at 512 KB and 1 MB, each must finish in under 2 s of CPU time and roughly
  // double. Minutes on a loaded machine, so only on request: SOURCELENS_BENCH_1MB=1 npx mocha … --grep '1 MB'.
  (process.env.SOURCELENS_BENCH_1MB ? it : it.skip)('1 MB of any hostile shape: under 2 s, and half the size takes about half the time', function () {
    this.timeout(1_800_000);
    const rows: string[] = [];
    const failures: string[] = [];
    for (const shape of SHAPES) {
      const half = shape.make(512 * 1024);
      const full = shape.make(1024 * 1024);
      const a = cpuMs(() => analyse({ uri: 'file:///fuzz/half.txt', text: half }), 1);
      const b = cpuMs(() => analyse({ uri: 'file:///fuzz/full.txt', text: full }), 1);
      const ratio = b < 20 ? 1 : b / Math.max(a, 1);
      rows.push(`${shape.name.padEnd(28)} ${a.toFixed(0).padStart(6)} ms  ${b.toFixed(0).padStart(6)} ms  x${ratio.toFixed(2)}`);
      if (b >= 2_000 || ratio > MAX_RATIO) failures.push(rows[rows.length - 1]);
    }
    console.log(rows.join('\n'));
    assert.deepEqual(failures, []);
  });

  it('a corpus that churns does not keep closed articles (no leak of removed analyses)', () => {
    const corpus = new Corpus();
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 20; i++) corpus.update({ uri: `file:///churn/${round}-${i}.txt`, text: `${SEED_TEXT}\n${round} ${i}` });
      for (let i = 0; i < 20; i++) corpus.remove(`file:///churn/${round}-${i}.txt`);
    }
    assert.equal(corpus.size, 0);
    assert.equal(corpus.allFindings().size, 0);
    assert.equal(corpus.meetings().all().length, 0);
    assert.equal(corpus.entities().entities().length, 0);
    assert.equal(corpus.meetings().withParticipant('kendrow').length, 0);
    // The change log hands over what changed once, and then holds nothing.
    const changed = corpus.takeChangedUris();
    assert.ok(changed !== 'all' && changed.size === 1000);
    const again = corpus.takeChangedUris();
    assert.ok(again !== 'all' && again.size === 0);
  });
});

describe('a file longer than any article', () => {
  it('is analysed up to the budget, at a sentence end, with a finding that says where the analysis stops', async () => {
    const { MAX_ANALYSED_CHARS } = await import('../../src/core/article');
    const paragraph = 'Ilsa Kendrow met Otto Brisk in Ankara on Tuesday, officials said. The two discussed trade and the border.';
    const text = `Talks in Ankara\n\n${Array.from({ length: Math.ceil((1.5 * MAX_ANALYSED_CHARS) / paragraph.length) }, () => paragraph).join('\n\n')}\n`;
    const a = analyse({ uri: 'file:///fuzz/book.txt', text });
    const problem = a.article.problems.find((p) => p.code === 'structure/partly-analysed');
    assert.ok(problem, 'a finding says the file was partly analysed');
    assert.match(problem.message, /only the first 250,000 are analysed/);
    const lastSentence = a.article.sentences[a.article.sentences.length - 1];
    assert.ok(lastSentence.range.end <= 1.05 * MAX_ANALYSED_CHARS && lastSentence.range.end > 0.9 * MAX_ANALYSED_CHARS, `analysis stops near the budget (${lastSentence.range.end})`);
    assert.ok(problem.range && problem.range.start >= lastSentence.range.end, 'the finding stands where the analysis stops');
    // One paragraph longer than the budget is read up to a sentence end inside it, not dropped whole.
    const one = analyse({ uri: 'file:///fuzz/line.txt', text: `Talks in Ankara\n\n${Array.from({ length: Math.ceil((1.5 * MAX_ANALYSED_CHARS) / paragraph.length) }, () => paragraph).join(' ')}\n` });
    const end = one.article.sentences[one.article.sentences.length - 1].range.end;
    assert.ok(end > 0.9 * MAX_ANALYSED_CHARS && end <= MAX_ANALYSED_CHARS + 100, `one long paragraph read to the budget (${end})`);
    assert.match(one.article.text.slice(end - 1, end), /[.!?]/);
    // An article under the budget is read whole, with no such finding.
    const short = analyse({ uri: 'file:///fuzz/short.txt', text: `Talks in Ankara\n\n${paragraph}\n` });
    assert.equal(short.article.problems.filter((p) => p.code === 'structure/partly-analysed').length, 0);
    assert.equal(short.article.sentences.length, 2);
  });
});

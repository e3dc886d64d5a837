// Speaker attribution scoring (src/tools/evalReal/speakers.ts) on short texts written for these tests, and the
// dev/check split every real corpus shares, and what the command says when a corpus is missing.

import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BratAttribution } from '../../src/tools/evalReal/brat';
import { splitOf } from '../../src/tools/evalReal/framework';
import { CORPORA } from '../../src/tools/evalReal/main';
import { holdsQuotation, scoreSpeakers, ScoredQuote, speakerPrecision, speakerPrecisionNamed, speakerRecall } from '../../src/tools/evalReal/speakers';

/** Span of the first occurrence of `part` (after `from`) in `text`. */
function at(text: string, part: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(part, from);
  assert.ok(start >= 0, `no "${part}"`);
  return { start, end: start + part.length };
}

function attribution(text: string, source: string | undefined, content: string, from = 0): BratAttribution {
  const c = at(text, content, from);
  return { id: `E${c.start}`, type: source ? 'Attribution' : 'Attribution-no-source', source: source ? [at(text, source, from)] : undefined, content: [c] };
}

describe('eval:real speaker attribution', () => {
  const text =
    'Mayor Ruth Keln opened the session. "We will fix every bridge by spring," Keln said. ' +
    'Her rival was unmoved. "Nobody believes those promises any more," he said. ' +
    'The council chair, Osk Brandt, added: "The money is simply not there this year."';

  it('counts a speaker right when it is the annotated source by span or by a shared name token', () => {
    const golds = [attribution(text, 'Keln', '"We will fix every bridge by spring,"'), attribution(text, 'Osk Brandt', '"The money is simply not there this year."')];
    const quotes: ScoredQuote[] = [
      { range: at(text, '"We will fix every bridge by spring,"'), kind: 'direct', speaker: { name: 'Keln', range: at(text, 'Keln said') } },
      // A speaker found elsewhere in the text with the same surname still names the annotated source.
      { range: at(text, '"The money is simply not there this year."'), kind: 'direct', speaker: { name: 'Brandt' } },
    ];
    const { counts } = scoreSpeakers(text, golds, quotes);
    assert.equal(counts.rightSource, 2);
    assert.equal(speakerPrecision(counts), 1);
    assert.equal(speakerRecall(counts), 1);
  });

  it('judges a pronoun source through the nearest earlier named source, and says so in its own count', () => {
    const golds = [attribution(text, 'Keln', '"We will fix every bridge by spring,"'), attribution(text, 'he', '"Nobody believes those promises any more,"')];
    const right: ScoredQuote = { range: at(text, '"Nobody believes those promises any more,"'), kind: 'direct', speaker: { name: 'Ruth Keln' } };
    const wrong: ScoredQuote = { ...right, speaker: { name: 'Osk Brandt' } };
    assert.equal(scoreSpeakers(text, golds, [right]).counts.rightAntecedent, 1);
    const c = scoreSpeakers(text, golds, [wrong]).counts;
    assert.equal(c.wrongAntecedent, 1);
    assert.equal(c.wrongPerson, 0);
    // Precision on named sources leaves the proxy-judged quotation out.
    assert.equal(speakerPrecision(c), 0);
    assert.equal(speakerPrecisionNamed(c), null);
  });

  it('counts a speaker wrong when it names another person, or names one where the gold has no source', () => {
    const golds = [attribution(text, 'Osk Brandt', '"The money is simply not there this year."'), attribution(text, undefined, '"We will fix every bridge by spring,"')];
    const quotes: ScoredQuote[] = [
      { range: at(text, '"The money is simply not there this year."'), kind: 'direct', speaker: { name: 'Ruth Keln', range: at(text, 'Ruth Keln') } },
      { range: at(text, '"We will fix every bridge by spring,"'), kind: 'direct', speaker: { name: 'Keln' } },
      { range: at(text, '"Nobody believes those promises any more,"'), kind: 'direct', speaker: { name: 'Keln' } },
    ];
    const { counts } = scoreSpeakers(text, golds, quotes);
    assert.deepEqual([counts.wrongPerson, counts.inSourceless, counts.inNone], [1, 1, 1]);
    assert.equal(speakerPrecision(counts), 0);
    // The one quoted attribution with a source was found, with the wrong speaker.
    assert.deepEqual([counts.goldQuoted, counts.foundWrong, counts.foundRight], [1, 1, 0]);
  });

  it('leaves scare quotes out, and counts a quoted attribution with no named speaker or no quotation found as missed', () => {
    const golds = [attribution(text, 'Keln', '"We will fix every bridge by spring,"'), attribution(text, 'Osk Brandt', '"The money is simply not there this year."')];
    const quotes: ScoredQuote[] = [
      { range: at(text, '"We will fix every bridge by spring,"'), kind: 'direct' },
      { range: at(text, '"The money is simply not there this year."'), kind: 'scare', speaker: { name: 'Brandt' } },
    ];
    const { counts } = scoreSpeakers(text, golds, quotes);
    assert.deepEqual([counts.quotes, counts.named, counts.foundNoSpeaker, counts.notFound], [1, 0, 1, 1]);
    assert.equal(speakerRecall(counts), 0);
    assert.equal(speakerPrecision(counts), null);
  });

  it('takes as quoted content only quotations of three or more words, open to the end of the content', () => {
    const t = 'She called it "a disgrace" and said "this will not stand" and then "we are going on';
    assert.ok(!holdsQuotation(t, [at(t, 'called it "a disgrace"')]));
    assert.ok(holdsQuotation(t, [at(t, '"this will not stand"')]));
    assert.ok(holdsQuotation(t, [at(t, '"we are going on')]));
  });
});

describe('eval:real dev/check split', () => {
  it('is stable and puts about a third of the ids in check', () => {
    assert.equal(splitOf('article-001'), splitOf('article-001'));
    const ids = Array.from({ length: 600 }, (_, i) => `doc-${i}`);
    const check = ids.filter((id) => splitOf(id) === 'check').length;
    assert.ok(check > 160 && check < 240, `${check} of 600 in check`);
  });
});

describe('eval:real without the data', () => {
  it('says for each corpus kept outside the repository that it is missing and how to get it', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sourcelens-real-'));
    try {
      for (const c of CORPORA.filter((x) => x.name !== 'ecbplus')) {
        const ctx = { root, dir: path.join(root, c.name), repo: path.resolve(__dirname, '..', '..', '..'), examples: 0, log: () => undefined };
        const ok = c.available(ctx);
        assert.equal(typeof ok, 'string', `${c.name} should not be available in an empty folder`);
        const how = c.howToGet(ctx);
        assert.match(how, /search tool|fetch|prepare/, `${c.name}: ${how}`);
        assert.ok(how.includes(root) || /rebuild\.yaml/.test(how), `${c.name} names where the data goes`);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

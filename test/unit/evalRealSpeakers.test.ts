// Speaker attribution scoring (src/tools/evalReal/speakers.ts) on short texts written for these tests, and the
// dev/check split every real corpus shares, and what the command says when a corpus is missing.

import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BratAttribution } from '../../src/tools/evalReal/brat';
import { splitOf } from '../../src/tools/evalReal/framework';
import { CORPORA } from '../../src/tools/evalReal/main';
import { coreNlpCoref } from '../../src/tools/evalReal/polnear';
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

describe('eval:real CoreNLP coreference', () => {
  it('reads chains as character spans from token offsets, keeping chains of two or more mentions', () => {
    const token = (b: number, e: number) => `<token id="x"><word>w</word><CharacterOffsetBegin>${b}</CharacterOffsetBegin><CharacterOffsetEnd>${e}</CharacterOffsetEnd></token>`;
    const mention = (s: number, a: number, b: number) => `<mention><sentence>${s}</sentence><start>${a}</start><end>${b}</end><head>${a}</head><text>t</text></mention>`;
    // "Ruth Keln spoke. She left." — sentence 1: Ruth(0-4) Keln(5-9) spoke(10-15); sentence 2: She(17-20) left(21-25)
    const xml =
      `<sentences><sentence id="1"><tokens>${token(0, 4)}${token(5, 9)}${token(10, 15)}</tokens></sentence>` +
      `<sentence id="2"><tokens>${token(17, 20)}${token(21, 25)}</tokens></sentence></sentences>` +
      `<coreference><coreference>${mention(1, 1, 3)}${mention(2, 1, 2)}</coreference><coreference>${mention(2, 2, 3)}</coreference></coreference>`;
    assert.deepEqual(coreNlpCoref(xml), [[{ start: 0, end: 9 }, { start: 17, end: 20 }]]);
    assert.deepEqual(coreNlpCoref('<sentences></sentences>'), []);
  });

  it('judges a pronoun source through its coreference chain as well as the nearest earlier named source', () => {
    const text = 'Osk Brandt chaired. Mayor Ruth Keln arrived late. "We will rebuild the bridge by spring," she said.';
    const she = at(text, 'she said');
    const gold = [
      attribution(text, 'Osk Brandt', 'chaired'),
      { id: 'E2', type: 'Attribution', source: [{ start: she.start, end: she.start + 3 }], content: [at(text, '"We will rebuild the bridge by spring,"')] },
    ];
    const quote: ScoredQuote = { range: at(text, '"We will rebuild the bridge by spring,"'), kind: 'direct', speaker: { name: 'Keln' } };
    // Without coreference the nearest earlier named source (Brandt) is taken, and Keln is judged wrong …
    assert.equal(scoreSpeakers(text, gold, [quote]).counts.wrongAntecedent, 1);
    // … with CoreNLP's chain through "she" the speaker is right.
    const chain = [at(text, 'Ruth Keln'), { start: she.start, end: she.start + 3 }];
    assert.equal(scoreSpeakers(text, gold, [quote], [chain]).counts.rightAntecedent, 1);
  });
});

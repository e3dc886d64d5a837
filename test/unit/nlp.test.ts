// The NLP layer must give every article the same tokens whatever was read before it, in whichever thread: the CLI,
// the worker pool and the persistent cache all rely on one article meaning one analysis.

import * as assert from 'node:assert/strict';
import { analyse } from '../../src/core/analyse';
import { looksLikeCode } from '../../src/core/article';
import { breakLongRuns, MAX_TOKEN_LENGTH, segment } from '../../src/core/nlp';

const tokens = (text: string) => segment(text, { start: 0, end: text.length }).flatMap((s) => s.tokens.map((t) => text.slice(t.start, t.end)));

describe('nlp segmentation is independent of earlier documents', () => {
  it('still splits a possessive after the same word was seen unsplit in another text', () => {
    const target = "Mr Okonjo's aide told reporters.";
    const before = tokens(target);
    assert.deepEqual(before, ['Mr', 'Okonjo', "'s", 'aide', 'told', 'reporters', '.']);
    tokens("Okonjo's, 33, rivals were all there."); // wink caches "Okonjo's" as an out-of-vocabulary word here
    assert.deepEqual(tokens(target), before);
  });

  it('analyses an article identically before and after other articles', () => {
    // A name no other test uses, so the first analysis really is the first sight of it.
    const input = { uri: 'file:///corpus/a.txt', text: "Talks in Castora\n\n\u201cWe will return,\u201d Ravensholt's aide told reporters on Friday.\n" };
    const first = analyse(input);
    analyse({ uri: 'file:///corpus/b.txt', text: "Ravensholt's, 33, rivals were all there.\n" });
    assert.deepEqual(analyse(input), first);
  });
});

// Text that is not prose is not read as words (issue 19): a run of more than 100 characters without a space, and a
// long paragraph of program code. Both are reported as structure/not-prose; prose around them is read as before.
const words = (text: string) => segment(text, { start: 0, end: text.length }).flatMap((s) => s.tokens.map((t) => text.slice(t.start, t.end)));
const notProse = (text: string) => analyse({ uri: 'file:///np/a.txt', text }).findings.filter((f) => f.code === 'structure/not-prose');

describe('text that is not prose', () => {
  const blob = 'QmFzZTY0'.repeat(20); // 160 characters, no space

  it('a run of more than 100 characters without a space is blanked in the copy wink reads, offsets unchanged', () => {
    const text = `Read it at ${blob} now.`;
    const skipped: { start: number; end: number }[] = [];
    const copy = breakLongRuns(text, skipped);
    assert.equal(copy.length, text.length);
    assert.equal(copy, `Read it at ${' '.repeat(blob.length)} now.`);
    assert.deepEqual(skipped, [{ start: 11, end: 11 + blob.length }]);
    assert.deepEqual(words(text), ['Read', 'it', 'at', 'now', '.']);
  });

  it('a run of exactly 100 characters is still a word', () => {
    const word = 'x'.repeat(MAX_TOKEN_LENGTH);
    assert.equal(breakLongRuns(`a ${word} b`), `a ${word} b`);
    assert.ok(words(`A ${word} b.`).includes(word));
  });

  it('keeps the full stop (and a closing quote or bracket) at the end of a blanked run, so the sentence still ends', () => {
    const text = `See https://example.com/${'a'.repeat(120)}.) Police said 300 people were arrested.`;
    const copy = breakLongRuns(text);
    assert.ok(copy.includes(' .) Police'), copy);
    const sentences = segment(text, { start: 0, end: text.length });
    assert.equal(sentences.length, 2);
  });

  it('reports one structure/not-prose finding per paragraph with long runs, and reads the rest of the article', () => {
    const text = `Blob found in Ankara\n\nPolice said ${blob} and ${blob} were found.\n\nIlsa Kendrow met Otto Brisk in Ankara on Tuesday.\n`;
    const found = notProse(text);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /2 runs of more than 100 characters/);
    assert.equal(text.slice(found[0].range.start, found[0].range.end), blob);
    const a = analyse({ uri: 'file:///np/b.txt', text });
    assert.equal(a.accounts.length, 1);
  });

  it('a long paragraph of minified script is code: skipped and reported; prose with a few brackets is not', () => {
    const script = 'function(a,b){return a.x=b||{},a[b]=c?d:e;};var q=[1,2,3];'.repeat(30);
    const text = `Leak of a script\n\n${script}\n\nIlsa Kendrow met Otto Brisk in Ankara on Tuesday.\n`;
    const start = text.indexOf(script);
    assert.equal(looksLikeCode(text, { start, end: start + script.length }), true);
    const found = notProse(text);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /program code/);
    const a = analyse({ uri: 'file:///np/c.txt', text });
    assert.ok(a.article.sentences.every((s) => s.range.start > start + script.length));
    assert.equal(a.accounts.length, 1);

    const prose = 'The court [in Ankara] ruled (on Tuesday) that the fee; a levy of 3 < 4 percent, was lawful. '.repeat(15);
    assert.equal(looksLikeCode(prose, { start: 0, end: prose.length }), false);
    assert.equal(looksLikeCode(script.slice(0, 500), { start: 0, end: 500 }), false, 'a short paragraph is never code');
  });

  it('a normal article has no not-prose finding', () => {
    assert.deepEqual(notProse('Talks in Ankara\n\nIlsa Kendrow met Otto Brisk in Ankara on Tuesday, officials said.\n'), []);
  });
});

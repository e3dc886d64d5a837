// The NLP layer must give every article the same tokens whatever was read before it, in whichever thread: the CLI,
// the worker pool and the persistent cache all rely on one article meaning one analysis.

import * as assert from 'node:assert/strict';
import { analyse } from '../../src/core/analyse';
import { segment } from '../../src/core/nlp';

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

// A large open document is analysed off the server's thread (issue 19): the host hands it to the analyser's
// workers, a burst of edits coalesces into one analysis of the latest text, and a result for text the document
// no longer has is dropped. The analyser here is a stand-in whose results arrive when the test says so.

import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyse, Analysis } from '../../src/core/analyse';
import { ArticleInput } from '../../src/core/types';
import { Analyser } from '../../src/host/analyser';
import { fileUri } from '../../src/host/uris';
import { CorpusHost, OFF_THREAD_CHARS } from '../../src/host/workspace';

/** An analyser with workers whose jobs finish only when `finish` is called, in any order. */
class HeldAnalyser extends Analyser {
  readonly jobs: { input: ArticleInput; finish: () => void }[] = [];
  override get offThread(): boolean {
    return true;
  }
  override analyseOffThread(input: ArticleInput): Promise<Analysis> {
    return new Promise((resolve) => this.jobs.push({ input, finish: () => resolve(analyse(input)) }));
  }
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const settle = () => new Promise((r) => setImmediate(r));
/** A large article whose headline says which edition it is. */
const big = (edition: number) => `Edition ${edition} of a long report\n\n${'Ilsa Kendrow met Otto Brisk in Ankara on Tuesday, officials said.\n\n'.repeat(Math.ceil(OFF_THREAD_CHARS / 60))}`;

describe('large open documents are analysed off the server thread', () => {
  let root: string;
  let host: CorpusHost;
  let analyser: HeldAnalyser;
  let uri: string;
  let analysed: string[];
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'sourcelens-offthread-'));
    host = new CorpusHost(quiet);
    host.setRoots([root]);
    analyser = new HeldAnalyser();
    host.setAnalyser(analyser);
    analysed = [];
    host.onOpenAnalysed = (u) => analysed.push(u);
    uri = fileUri(path.join(root, 'big.txt'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const headline = () => host.corpus.get(uri)?.headline?.text;

  it('hands a large document to a worker and says when its analysis is in', async () => {
    assert.equal(host.updateOpen(uri, big(1)), false, 'nothing is analysed on this thread');
    assert.equal(host.corpus.has(uri), false);
    assert.equal(analyser.jobs.length, 1);
    const pending = host.analysed(uri);
    assert.ok(pending, 'a request about the document has something to wait for');
    assert.equal(host.analysed(fileUri(path.join(root, 'other.txt'))), undefined, 'a request about another file does not wait');
    analyser.jobs[0].finish();
    await pending;
    assert.equal(headline(), 'Edition 1 of a long report');
    assert.deepEqual(analysed, [uri]);
    assert.equal(host.analysed(uri), undefined);
  });

  it('coalesces a burst of edits into one analysis of the latest text, and drops the stale result', async () => {
    host.updateOpen(uri, big(1));
    for (let edition = 2; edition <= 50; edition++) host.updateOpen(uri, big(edition));
    assert.equal(analyser.jobs.length, 1, 'edits during an analysis start no other');
    analyser.jobs[0].finish();
    await settle();
    assert.equal(host.corpus.has(uri), false, 'the result for edition 1 is not shown');
    assert.equal(analyser.jobs.length, 2);
    assert.match(analyser.jobs[1].input.text, /^Edition 50 /);
    analyser.jobs[1].finish();
    await host.analysed(uri);
    assert.equal(headline(), 'Edition 50 of a long report');
    assert.deepEqual(analysed, [uri], 'one analysis reached the corpus');
  });

  it('drops a result when the document shrank to an article analysed at once, or was closed', async () => {
    host.updateOpen(uri, big(1));
    assert.equal(host.updateOpen(uri, 'Short now\n\nIlsa Kendrow met Otto Brisk.\n'), true, 'a small text is analysed on this thread at once');
    analyser.jobs[0].finish();
    await host.analysed(uri);
    assert.equal(headline(), 'Short now');
    assert.equal(analyser.jobs.length, 1);

    const other = fileUri(path.join(root, 'closed.txt'));
    host.updateOpen(other, big(7));
    await host.closeDocument(other); // not on disk: it leaves the corpus
    analyser.jobs[1].finish();
    await host.analysed(other);
    assert.equal(host.corpus.has(other), false, 'a closed document does not come back');
    assert.deepEqual(analysed, []);
  });

  it('keeps the size cap: a document over maxFileSizeMB is not analysed, on any thread', () => {
    host.setSettings({ ...host.getSettings(), corpus: { ...host.getSettings().corpus, maxFileSizeMB: 0.05 } });
    assert.equal(host.updateOpen(uri, big(1)), true);
    assert.equal(analyser.jobs.length, 0);
    assert.deepEqual(host.corpus.analysis(uri)?.article.problems.map((p) => p.code), ['structure/too-large']);
  });
});

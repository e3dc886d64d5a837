// The persistent analysis cache and the worker pool: same results as the main thread, and nothing they meet
// on disk can break indexing.

import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Analyser } from '../../src/host/analyser';
import { analyse } from '../../src/core/analyse';
import { AnalysisCache } from '../../src/host/cache';
import { AnalysisPool } from '../../src/host/pool';

const WORKER = path.resolve(__dirname, '../../../dist/worker.js');
const input = (n: number) => ({ uri: `file:///c/a${n}.txt`, text: `Talks resume ${n}\n\nPolice arrested 320 people on Saturday. "We agree," he said.\n`, externalMeta: { published: '2016-11-27' } });

describe('analysis cache', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-cache-'))));
  afterEach(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns a stored analysis after a restart, equal to a fresh one', async () => {
    const first = new Analyser(undefined, new AnalysisCache(dir));
    const fresh = await first.analyse(input(1));
    first.flush();
    const second = new Analyser(undefined, new AnalysisCache(dir));
    const cached = await second.analyse(input(1));
    assert.equal(second.hits, 1);
    assert.deepEqual(cached, fresh);
  });

  it('misses when the text changes', async () => {
    const a = new Analyser(undefined, new AnalysisCache(dir));
    await a.analyse(input(1));
    a.flush();
    const b = new Analyser(undefined, new AnalysisCache(dir));
    await b.analyse({ ...input(1), text: input(1).text + 'More.\n' });
    assert.deepEqual([b.hits, b.misses], [0, 1]);
  });

  it('discards a corrupt shard and carries on', async () => {
    const a = new Analyser(undefined, new AnalysisCache(dir));
    await a.analyse(input(1));
    a.flush();
    for (const f of readdirSync(dir)) writeFileSync(path.join(dir, f), 'not a cache');
    const logs: string[] = [];
    const b = new Analyser(undefined, new AnalysisCache(dir, (m) => logs.push(m)));
    const result = await b.analyse(input(1));
    assert.equal(result.figures[0].value, 320);
    assert.match(logs[0], /Discarding corrupt cache shard/);
  });

  it('a read-only cache folder disables the cache with a log line, never an error', async function () {
    if (process.getuid?.() === 0) this.skip(); // root writes anywhere; the write-failure path is covered below
    chmodSync(dir, 0o500);
    const logs: string[] = [];
    const a = new Analyser(undefined, new AnalysisCache(dir, (m) => logs.push(m)));
    await a.analyse(input(1));
    a.flush();
    assert.match(logs[0], /cache disabled/);
  });

  it('a cache path that cannot be a folder disables the cache with a log line', async () => {
    const file = path.join(dir, 'file');
    writeFileSync(file, 'x');
    const logs: string[] = [];
    const a = new Analyser(undefined, new AnalysisCache(path.join(file, 'sub'), (m) => logs.push(m)));
    assert.equal((await a.analyse(input(1))).figures.length, 1);
    a.flush();
    assert.match(logs[0], /Analysis cache disabled/);
  });
});

describe('worker pool', () => {
  it('produces exactly what the main thread produces, for many articles at once', async () => {
    const pool = new AnalysisPool(WORKER, 2);
    try {
      const inputs = Array.from({ length: 20 }, (_, i) => input(i));
      const results = await Promise.all(inputs.map((i) => pool.analyse(i)));
      for (let i = 0; i < inputs.length; i++) assert.deepEqual(results[i], analyse(inputs[i]));
    } finally {
      await pool.close();
    }
  });

  it('starts workers with work, at most its size, and retires them when idle', async () => {
    const pool = new AnalysisPool(WORKER, 2, () => undefined, 200);
    try {
      assert.equal(pool.running, 0);
      const burst = Promise.all(Array.from({ length: 6 }, (_, i) => pool.analyse(input(i))));
      assert.equal(pool.running, 2);
      await burst;
      assert.equal(pool.running, 2);
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(pool.running, 0);
      // The next burst starts them again.
      assert.equal((await pool.analyse(input(7))).article.headline?.text, 'Talks resume 7');
    } finally {
      await pool.close();
    }
  });

  it('a server analyser keeps a share of articles on its own thread; a CLI one sends all to the workers', async () => {
    const counting = () => {
      const pool = { size: 2, sent: 0, analyse: (i: Parameters<typeof analyse>[0]) => (pool.sent++, Promise.resolve(analyse(i))) };
      return pool;
    };
    const server = counting();
    const cli = counting();
    for (let i = 0; i < 32; i++) {
      await new Analyser(server as unknown as AnalysisPool, undefined, true).analyse(input(i)); // a fresh analyser: first articles stay here
      await new Analyser(cli as unknown as AnalysisPool).analyse(input(i));
    }
    assert.equal(server.sent, 0);
    assert.equal(cli.sent, 32);
    const warm = counting();
    const analyser = new Analyser(warm as unknown as AnalysisPool, undefined, true);
    for (let i = 0; i < 32; i++) await analyser.analyse(input(i));
    assert.equal(warm.sent, 32 - 4 - 2); // the first four, then the 16th and the 32nd stay on this thread
  });

  it('replaces workers that fail, then falls back to the main thread, answering every job', async () => {
    const logs: string[] = [];
    const pool = new AnalysisPool(path.join(tmpdir(), 'no-such-worker.js'), 1, (m) => logs.push(m));
    try {
      const results = await Promise.all([3, 4, 5, 6, 7, 8].map((n) => pool.analyse(input(n))));
      assert.deepEqual(results.map((r) => r.article.headline?.text), [3, 4, 5, 6, 7, 8].map((n) => `Talks resume ${n}`));
    } finally {
      await pool.close();
    }
    assert.match(logs[0], /worker failed .*replacing it/);
    assert.match(logs.at(-1)!, /too many failures, analysing on the main thread/);
  });
});

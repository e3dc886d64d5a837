// npm run bench [-- --sizes 1000,5000 --runs 3]: measures indexing speed and memory on samples/, the real news
// corpus in ../shared/corpora/ecbplus, and generated scale corpora built from that real text.
// The full growth curve of the issue is `--sizes 1000,5000,10000,20000` (minutes per size on 2 cores); the default
// 1000,5000 is cheap enough for routine use and still shows a 5× growth step.
// Prints a table and writes test-results/bench.json. Timings are medians over --runs.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import winkNLP from 'wink-nlp';
import writeGood from 'write-good';
import model from 'wink-eng-lite-web-model';
import { Corpus } from '../server/analysis/corpus';
import { DEFAULT_GLOBS, discoverFiles } from '../server/io/discover';
import { indexRoots } from '../server/io/indexer';
import { SourcesCache } from '../server/io/loader';
import { measureServer, ServerFigures } from './benchServer';
import { median } from './benchStats';

const REPO = path.resolve(__dirname, '..');
const SHARED_CORPUS = path.resolve(REPO, '../shared/corpora/ecbplus');
const GNU_TIME = '/usr/bin/time';

interface Row {
  corpus: string;
  articles: number;
  megabytes: number;
  indexMs: number;
  articlesPerSecond: number;
  mbPerSecond: number;
  /** `sourcelens check DIR --format json` as a user runs it (default workers), output to /dev/null. */
  cliMs: number;
  cliArticlesPerSecond: number;
  cliMbPerSecond: number;
  cliPeakRssMB: number | null;
  baselineWinkMs: number;
  ratioToWink: number;
  baselineWriteGoodMs: number;
  ratioToWriteGood: number;
  findings: number;
  meetings: number;
  meetingsMs: number;
  server?: ServerFigures;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** Builds an N-article corpus by replicating real article text (each copy renamed, so nothing is cached). */
function scaleCorpus(n: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), `sourcelens-bench-${n}-`));
  const sources = readdirSync(SHARED_CORPUS).filter((f) => f.endsWith('.txt') && f.startsWith('doc-')).sort();
  for (let i = 0; i < n; i++) {
    const source = sources[i % sources.length];
    const text = readFileSync(path.join(SHARED_CORPUS, source), 'utf8');
    const sub = path.join(dir, `part-${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    // A varying last line keeps every file distinct, as in a real archive.
    writeFileSync(path.join(sub, `a-${String(i).padStart(6, '0')}.txt`), `${text}\n(copy ${i})\n`);
  }
  return dir;
}

/** One run of the CLI as users run it. Its peak RSS comes from GNU time when present (a child that has exited
 *  has no /proc entry left to read); without it, wall time only. */
function runCli(root: string): { wallMs: number; peakRssMB: number | null } {
  const cli = [path.join(__dirname, 'cli.js'), 'check', root, '--format', 'json'];
  const timed = existsSync(GNU_TIME);
  const timeFile = path.join(tmpdir(), `sourcelens-bench-time-${process.pid}`);
  const [command, args] = timed ? [GNU_TIME, ['-o', timeFile, '-f', '%M', process.execPath, ...cli]] : [process.execPath, cli];
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  // `check` exits 1 when it reports errors: a result, not a failure.
  if (result.status !== 0 && result.status !== 1) throw new Error(`sourcelens check ${root} exited ${result.status}: ${result.stderr}`);
  if (!timed) return { wallMs, peakRssMB: null };
  const kb = Number(readFileSync(timeFile, 'utf8').trim().split(/\s+/).pop()); // after any "exited with status" line
  rmSync(timeFile, { force: true });
  return { wallMs, peakRssMB: kb > 0 ? Math.round(kb / 1024) : null };
}

async function measure(name: string, root: string, runs: number, withServer = true): Promise<Row> {
  const { files } = await discoverFiles(root, DEFAULT_GLOBS);
  const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
  const times: number[] = [];
  let findings = 0;
  let meetings = 0;
  let meetingsMs = 0;
  for (let r = 0; r < runs; r++) {
    const corpus = new Corpus();
    const started = performance.now();
    await indexRoots([root], corpus, new SourcesCache(), { globs: DEFAULT_GLOBS, load: { maxFileSizeMB: 5 } });
    const clustered = performance.now();
    meetings = corpus.meetings().all().length;
    meetingsMs = Math.round(performance.now() - clustered);
    findings = [...corpus.allFindings().values()].reduce((n, l) => n + l.length, 0);
    times.push(performance.now() - started);
  }
  // The CLI process (the single-thread loop above isolates the analysis; this is what a user waits for).
  const cliRuns = Array.from({ length: runs }, () => runCli(root));
  const cliMs = median(cliRuns.map((c) => c.wallMs));
  const cliRss = cliRuns.map((c) => c.peakRssMB).filter((v): v is number => v !== null);
  const server = withServer ? await measureServer(root, runs) : undefined;
  const winkTimes: number[] = [];
  const nlp = winkNLP(model);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    for (const t of texts) {
      const doc = nlp.readDoc(t);
      doc.tokens().out(nlp.its.pos);
    }
    winkTimes.push(performance.now() - started);
  }
  // A mainstream prose linter over the same files, as a second yardstick.
  const writeGoodTimes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    for (const t of texts) writeGood(t);
    writeGoodTimes.push(performance.now() - started);
  }
  const indexMs = median(times);
  const baselineWinkMs = median(winkTimes);
  const baselineWriteGoodMs = median(writeGoodTimes);
  return {
    corpus: name,
    articles: files.length,
    megabytes: +(bytes / 1024 / 1024).toFixed(2),
    indexMs: Math.round(indexMs),
    articlesPerSecond: Math.round(files.length / (indexMs / 1000)),
    mbPerSecond: +((bytes / 1024 / 1024) / (indexMs / 1000)).toFixed(2),
    cliMs: Math.round(cliMs),
    cliArticlesPerSecond: Math.round(files.length / (cliMs / 1000)),
    cliMbPerSecond: +((bytes / 1024 / 1024) / (cliMs / 1000)).toFixed(2),
    cliPeakRssMB: cliRss.length ? median(cliRss) : null,
    baselineWinkMs: Math.round(baselineWinkMs),
    ratioToWink: +(baselineWinkMs / indexMs).toFixed(2),
    baselineWriteGoodMs: Math.round(baselineWriteGoodMs),
    ratioToWriteGood: +(baselineWriteGoodMs / indexMs).toFixed(2),
    findings,
    meetings,
    meetingsMs,
    server,
  };
}

async function main(): Promise<void> {
  const runs = Number(arg('runs', '3'));
  const sizes = arg('sizes', '1000,5000').split(',').map(Number).filter((n) => n > 0);
  const rows: Row[] = [];
  const samples = path.join(REPO, 'samples');
  if (existsSync(samples)) rows.push(await measure('samples', samples, runs));
  if (existsSync(SHARED_CORPUS)) {
    const copy = mkdtempSync(path.join(tmpdir(), 'sourcelens-ecb-'));
    // Read-only input: work on a copy, of the articles only (its licence file is not an article).
    cpSync(SHARED_CORPUS, copy, { recursive: true, filter: (src) => !path.basename(src).startsWith('LICENSE') });
    rows.push(await measure('ecbplus (982 real articles)', copy, runs));
    rmSync(copy, { recursive: true, force: true });
    for (const n of sizes) {
      const dir = scaleCorpus(n);
      rows.push(await measure(`scale ${n}`, dir, runs));
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    console.warn(`(no ${SHARED_CORPUS}: real-text corpora skipped)`);
  }
  console.log('CLI path (index*: single thread, in-process; cli*: the CLI process with its default workers):');
  console.table(rows.map(({ server: _server, ...cli }) => cli));
  console.log('ratioToWink = bare wink-nlp tokenise+tag time / Sourcelens index time (1.0 = as fast as the NLP pass alone);');
  console.log('ratioToWriteGood = the write-good prose linter over the same files / Sourcelens index time.');
  console.log(`Language server over stdio (worker pool, cold; medians over ${runs} start(s); edit/hover/definition times in ms):`);
  console.table(rows.filter((r) => r.server).map((r) => ({ corpus: r.corpus, articles: r.articles, ...r.server, serverLog: r.server!.serverLog.length })));
  for (const r of rows) for (const line of r.server?.serverLog ?? []) console.log(`  ${r.corpus}: server logged: ${line}`);
  mkdirSync(path.join(REPO, 'test-results'), { recursive: true });
  const out = path.join(REPO, 'test-results', 'bench.json');
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, runs, rows }, null, 2));
  console.log(`Saved ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

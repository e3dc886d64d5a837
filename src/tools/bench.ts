// npm run bench [-- --sizes 1000,5000 --runs 3]: indexing speed, editor latency and memory on samples/, the real
// news corpus in ../shared/corpora/ecbplus, and generated scale corpora built from that real text.
// The full growth curve of the issue is `--sizes 1000,5000,10000,20000` (minutes per size on 2 cores); the default
// 1000,5000 is cheap enough for routine use and still shows a 5× growth step.
// Per corpus: the analysis on one thread in-process, the real CLI process, the language server over stdio (cold
// start to diagnostics, edits, hover, definition, views, RSS), and two baselines over the same files. Then how each
// figure grows from the smallest to the largest scale size, and the targets at the largest.
// Prints compact tables and writes test-results/bench.json. Figures are medians over --runs.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import winkNLP from 'wink-nlp';
import writeGood from 'write-good';
import model from 'wink-eng-lite-web-model';
import { Corpus } from '../core/corpus';
import { DEFAULT_GLOBS, discoverFiles } from '../host/discover';
import { indexRoots } from '../host/indexer';
import { SourcesCache } from '../host/loader';
import { growth, Row, targets } from './benchReport';
import { measureServer } from './benchServer';
import { median, printTable } from './benchStats';

const REPO = path.resolve(__dirname, '..');
const SHARED_CORPUS = path.resolve(REPO, '../shared/corpora/ecbplus');
const GNU_TIME = '/usr/bin/time';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function rate(articles: number, bytes: number, ms: number) {
  return { articlesPerSecond: Math.round(articles / (ms / 1000)), mbPerSecond: +(bytes / 1024 / 1024 / (ms / 1000)).toFixed(2) };
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

async function measure(name: string, root: string, runs: number, scale?: number): Promise<Row> {
  const { files } = await discoverFiles(root, DEFAULT_GLOBS);
  const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
  const n = files.length;
  process.stderr.write(`bench: ${name} (${n} articles)…\n`);

  // Single thread, in-process: isolates the analysis from process start-up and worker traffic.
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
    findings = [...corpus.allFindings().values()].reduce((k, l) => k + l.length, 0);
    times.push(performance.now() - started);
  }
  const indexMs = median(times);

  const cliRuns = Array.from({ length: runs }, () => runCli(root));
  const cliMs = median(cliRuns.map((c) => c.wallMs));
  const rss = cliRuns.map((c) => c.peakRssMB).filter((v): v is number => v !== null);

  const server = await measureServer(root, runs);

  // Baselines: the bare NLP pass Sourcelens builds on (tokenise + tag), and a mainstream prose linter.
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const nlp = winkNLP(model);
  const timeIt = (fn: () => void) => Array.from({ length: runs }, () => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  });
  const winkMs = median(timeIt(() => { for (const t of texts) nlp.readDoc(t).tokens().out(nlp.its.pos); }));
  const writeGoodMs = median(timeIt(() => { for (const t of texts) writeGood(t); }));

  const ratio = (baselineMs: number, ms: number) => +(baselineMs / ms).toFixed(2);
  return {
    corpus: name,
    scale,
    articles: n,
    megabytes: +(bytes / 1024 / 1024).toFixed(2),
    inProcess: { indexMs: Math.round(indexMs), ...rate(n, bytes, indexMs), findings, meetings, meetingsMs },
    cli: { wallMs: Math.round(cliMs), ...rate(n, bytes, cliMs), peakRssMB: rss.length ? median(rss) : null },
    baselines: {
      winkMs: Math.round(winkMs),
      writeGoodMs: Math.round(writeGoodMs),
      ratioToWink: ratio(winkMs, indexMs),
      ratioToWriteGood: ratio(writeGoodMs, indexMs),
      cliRatioToWink: ratio(winkMs, cliMs),
      cliRatioToWriteGood: ratio(writeGoodMs, cliMs),
    },
    server: {
      ...server,
      ...(server.firstDiagnosticsMs ? rate(n, bytes, server.firstDiagnosticsMs) : { articlesPerSecond: null, mbPerSecond: null }),
    },
  };
}

const s = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : +(ms / 1000).toFixed(1));
const pair = (a: number | null | undefined, b: number | null | undefined) => `${a ?? '—'} / ${b ?? '—'}`;

function report(rows: Row[], runs: number): void {
  console.log(`\nCold index (median of ${runs} run(s)); 1-thread = in-process without workers, cli = the CLI process:`);
  printTable(rows.map((r) => ({
    corpus: r.corpus, articles: r.articles, MB: r.megabytes, findings: r.inProcess.findings, meetings: r.inProcess.meetings,
    '1-thread s': s(r.inProcess.indexMs), 'art/s': r.inProcess.articlesPerSecond, 'MB/s': r.inProcess.mbPerSecond,
    'cli s': s(r.cli.wallMs), 'cli art/s': r.cli.articlesPerSecond, 'cli MB/s': r.cli.mbPerSecond, 'cli RSS MB': r.cli.peakRssMB,
  })));
  console.log('\nBaselines on the same files: Sourcelens throughput ÷ the baseline\'s (1.0 = as fast as the baseline alone):');
  printTable(rows.map((r) => ({
    corpus: r.corpus, 'wink tag s': s(r.baselines.winkMs), 'write-good s': s(r.baselines.writeGoodMs),
    '1-thread÷wink': r.baselines.ratioToWink, 'cli÷wink': r.baselines.cliRatioToWink,
    '1-thread÷write-good': r.baselines.ratioToWriteGood, 'cli÷write-good': r.baselines.cliRatioToWriteGood,
  })));
  console.log('\nLanguage server over stdio, cold start (ms unless marked; p50 / p95; timeouts own / cross over all runs):');
  printTable(rows.filter((r) => r.server).map((r) => {
    const v = r.server!;
    return {
      corpus: r.corpus, 'first diag s': s(v.firstDiagnosticsMs), 'art/s': v.articlesPerSecond, 'MB/s': v.mbPerSecond,
      'edit→own': pair(v.editToDiagnosticsP50, v.editToDiagnosticsP95), 'edit→cross': pair(v.editToCrossDocP50, v.editToCrossDocP95),
      timeouts: pair(v.ownTimeouts, v.crossTimeouts), hover: pair(v.hoverP50, v.hoverP95), definition: pair(v.definitionP50, v.definitionP95),
      meetings: v.meetingsMs, entities: v.entitiesMs, 'RSS MB': v.serverRssMB, target: v.target,
    };
  }));
  for (const r of rows) {
    if (r.server?.emptyAnswers) console.log(`  ${r.corpus}: ${r.server.emptyAnswers} hover/definition request(s) on a mention came back empty`);
    for (const line of r.server?.serverLog ?? []) console.log(`  ${r.corpus}: server logged: ${line}`);
  }
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(arg('runs', '3')));
  const sizes = arg('sizes', '1000,5000').split(',').map(Number).filter((n) => n > 0);
  const rows: Row[] = [];
  const samples = path.join(REPO, 'samples');
  if (existsSync(samples)) rows.push(await measure('samples', samples, runs));
  if (existsSync(SHARED_CORPUS)) {
    const copy = mkdtempSync(path.join(tmpdir(), 'sourcelens-ecb-'));
    // Read-only input: work on a copy, of the articles only (its licence file is not an article).
    cpSync(SHARED_CORPUS, copy, { recursive: true, filter: (src) => !path.basename(src).startsWith('LICENSE') });
    rows.push(await measure('ecbplus (real)', copy, runs));
    rmSync(copy, { recursive: true, force: true });
    for (const n of sizes) {
      const dir = scaleCorpus(n);
      rows.push(await measure(`scale ${n}`, dir, runs, n));
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    console.warn(`(no ${SHARED_CORPUS}: real-text corpora skipped)`);
  }
  report(rows, runs);

  const grown = growth(rows);
  if (grown) {
    console.log(`\nGrowth from ${grown.fromArticles} to ${grown.toArticles} articles (×${+(grown.toArticles / grown.fromArticles).toFixed(1)}); ` +
      'per article = ratio ÷ size ratio (1 linear, > 2 flagged):');
    // Keys that are not integers, so the columns keep this order.
    printTable(grown.figures.map((g) => ({ figure: g.figure, [`at ${grown.fromArticles}`]: g.from, [`at ${grown.toArticles}`]: g.to, ratio: g.ratio, 'per article': g.perArticle, growth: g.verdict })));
  } else {
    console.log('\n(growth needs two scale sizes: --sizes 1000,5000,10000,20000)');
  }
  const target = targets(rows);
  if (target) {
    console.log(`\nTargets at ${target.articles} articles${target.atTargetSize ? '' : ' — NOT the 10k target size; run --sizes …,10000 for the real check'}:`);
    printTable(target.checks.map((c) => ({ target: c.target, limit: `≤ ${c.limit} ${c.unit}`.trim(), measured: c.value === null ? null : `${+c.value.toFixed(1)} ${c.unit}`.trim(), result: c.pass ? 'pass' : 'FAIL' })));
  }

  mkdirSync(path.join(REPO, 'test-results'), { recursive: true });
  const out = path.join(REPO, 'test-results', 'bench.json');
  const machine = { node: process.version, cores: availableParallelism() };
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), ...machine, runs, sizes, rows, growth: grown ?? null, targets: target ?? null }, null, 2));
  console.log(`\nSaved ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

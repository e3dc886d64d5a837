// The framework of `npm run eval:real`: what a real corpus module provides, the tables it returns, and the
// in-process analysis every module shares. Corpora live outside git under one root (env SOURCELENS_REAL_DIR, default
// `.real/` in the repo, git-ignored); a module whose data is missing says how to get it and the run goes on.
//
// A corpus module (one file per corpus in this folder, registered in main.ts) exports
//
//   export const corpus: RealCorpus = {
//     name: 'meetings',                       // what --corpus selects, and the key in test-results/eval-real.json
//     title: 'Real meetings corpus (issue 12, corpus 4)',
//     available: (ctx) => true | 'reason',    // true when its data is there; otherwise why not
//     howToGet: (ctx) => 'exact commands …',  // printed when not available
//     prepare?: async (ctx, from, options) => {…}, // optional: `node dist/evalReal.js prepare <name> --from <path> [--key value]`
//     run: async (ctx) => ({ tables, json }), // scores; tables are printed, json is saved
//   };
//
// ctx (RunContext) gives the data folder (ctx.dir = <root>/<name>), the repo path, --limit, --split and a logger.
// Modules analyse text with analyseTexts() (in-process, deterministic) and score with ./scoring.

import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { Corpus } from '../../core/corpus';
import { ArticleInput, ArticleMeta, Finding } from '../../core/types';
import { fileUri } from '../../host/uris';

export interface RunOptions {
  /** Root of all real corpora (each corpus in <root>/<name>). */
  root: string;
  /** Analyse at most this many documents (or pairs) per corpus, for quick runs; deterministic subset. */
  limit?: number;
  /**
   * 'dev' | 'check': every corpus analyses only that split (splitOf: ECB+ by topic, PolNeAR by article, FNC-1 by
   * body; the meetings corpus by meeting, from its gold). Without it each corpus also prints a table per split.
   */
  split?: string;
  /** Print up to this many example errors per table (default 0: figures only). */
  examples: number;
}

export interface RunContext extends RunOptions {
  /** <root>/<corpus name> */
  dir: string;
  /** The repository root (for committed, span-only gold such as test/real/meetings). */
  repo: string;
  log: (message: string) => void;
}

/** One printed table: a capability, its rows, and optionally examples of errors (never article text in git). */
export interface Table {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
  /** A sentence under the table: what the figures mean (matching rule, subset). */
  note?: string;
  examples?: string[];
}

export interface CorpusResult {
  tables: Table[];
  /** Machine-readable figures, saved under the corpus name in test-results/eval-real.json. */
  json: unknown;
}

export interface RealCorpus {
  name: string;
  title: string;
  available(ctx: RunContext): true | string;
  howToGet(ctx: RunContext): string;
  /** `prepare <name> --from <path> [--key value …]`: the extra options arrive in `options`. */
  prepare?(ctx: RunContext, from: string | undefined, options?: Record<string, string>): Promise<void>;
  run(ctx: RunContext): Promise<CorpusResult>;
}

export interface TextDoc {
  /** A file-like name, unique in the run (used for the URI). */
  name: string;
  text: string;
  meta?: ArticleMeta;
}

/** Analyses documents in this process (no cache, no workers), then settles the cross-document work once. */
export function analyseTexts(docs: TextDoc[], folder = '/eval-real'): { corpus: Corpus; uriOf: Map<string, string> } {
  const corpus = new Corpus();
  const uriOf = new Map<string, string>();
  corpus.deferCrossDocument(true);
  for (const d of docs) {
    const input: ArticleInput = { uri: fileUri(path.posix.join(folder, d.name)), text: d.text, externalMeta: d.meta };
    uriOf.set(d.name, input.uri);
    corpus.update(input);
  }
  corpus.deferCrossDocument(false);
  return { corpus, uriOf };
}

/** Findings per code, counted over every article of the corpus (rule levels at their defaults). */
export function findingCounts(corpus: Corpus): Map<string, number> {
  const counts = new Map<string, number>();
  for (const findings of corpus.allFindings().values()) for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return counts;
}

/** A table of findings per 100 articles for every code seen (sorted by code). */
export function findingsTable(title: string, corpus: Corpus, articles: number, extra: Map<string, number> = new Map()): Table {
  const counts = findingCounts(corpus);
  const rows = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, n]) => [code, n, per100(n, articles)]);
  for (const [label, n] of extra) rows.push([label, n, per100(n, articles)]);
  return { title, columns: ['code', 'findings', 'per 100 articles'], rows };
}

export function per100(n: number, of: number): number | null {
  return of ? round((100 * n) / of, 1) : null;
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function findingsOf(corpus: Corpus, uri: string, code: string): Finding[] {
  return corpus.findings(uri).filter((f) => f.code === code);
}

/** Deterministic subset: the first n after a seeded shuffle (mulberry32), so --limit and samples are reproducible. */
export function seededSample<T>(items: readonly T[], n: number, seed = 12): T[] {
  const a = [...items];
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, Math.min(n, a.length));
}

/**
 * A stable dev/check split by id (about 2/3 dev, 1/3 check): the first 32 bits of the id's sha256. Tune on dev; look
 * at check only when a change is done. Corpora split by the unit that must not leak (an article, a topic).
 */
export function splitOf(id: string): 'dev' | 'check' {
  return parseInt(createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 8), 16) / 2 ** 32 < 1 / 3 ? 'check' : 'dev';
}

function cell(v: string | number | null): string {
  if (v === null) return '–';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
  return v;
}

export function formatTable(t: Table): string {
  const body = t.rows.map((r) => r.map(cell));
  const widths = t.columns.map((c, i) => Math.max(c.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [`\n${t.title}`, line(t.columns), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  if (t.note) out.push(`  (${t.note})`);
  for (const e of t.examples ?? []) out.push(`    - ${e}`);
  return out.join('\n');
}

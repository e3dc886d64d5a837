// npm run eval:real [-- --corpus ecbplus,polnear,fnc1,meetings] [--limit N] [--split dev|check] [--examples N]
// --compare <earlier eval-real.json>: after each table, the cells that changed since that run (old → new), for the
// before/after figures a commit message reports. Copy test-results/eval-real.json aside before a change to keep it.
// node dist/evalReal.js prepare <polnear|fnc1> [--from <git dir or folder>] [--stances <csv,…> (fnc1)]
//
// Scores the analysis on real news nobody here wrote (issue 12). Corpora live outside git, under
// $SOURCELENS_REAL_DIR (default: .real/ in the repo, git-ignored), one folder per corpus; a missing corpus is
// reported with how to get it and the others still run. Tables go to the console, every figure to
// test-results/eval-real.json. Exit code 0 unless the command itself is wrong (it measures; it does not gate).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { corpus as ecbplus } from './ecbplus';
import { formatTable, RealCorpus, RunContext, RunOptions, Table } from './framework';
import { corpus as fnc1 } from './fnc1';
import { corpus as meetings } from './meetings';
import { corpus as polnear } from './polnear';

const REPO = path.resolve(__dirname, '..');

export const CORPORA: RealCorpus[] = [ecbplus, polnear, fnc1, meetings];

export function realRoot(repo = REPO): string {
  return path.resolve(process.env.SOURCELENS_REAL_DIR || path.join(repo, '.real'));
}

interface Args extends RunOptions {
  corpora: string[];
  command: 'run' | 'prepare';
  prepareName?: string;
  from?: string;
  /** An earlier test-results/eval-real.json to compare with. */
  compare?: string;
  /** Other `--key value` options of a prepare step (e.g. fnc1's --stances). */
  prepareOptions: Record<string, string>;
}

export function parseArgs(argv: string[], root: string): Args {
  const args: Args = { root, corpora: CORPORA.map((c) => c.name), command: 'run', examples: 0, prepareOptions: {} };
  const rest = [...argv];
  if (rest[0] === 'prepare') {
    args.command = 'prepare';
    rest.shift();
    args.prepareName = rest.shift();
  }
  while (rest.length) {
    const a = rest.shift()!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? rest.shift();
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--corpus') args.corpora = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (flag === '--limit') args.limit = positive(flag, value());
    else if (flag === '--split') {
      args.split = value();
      if (!['dev', 'check', 'all'].includes(args.split)) throw new Error('--split is dev, check or all');
    } else if (flag === '--examples') args.examples = positive(flag, value());
    else if (flag === '--from') args.from = value();
    else if (flag === '--root') args.root = path.resolve(value());
    else if (flag === '--compare') args.compare = path.resolve(value());
    else if (args.command === 'prepare' && /^--[a-z][a-z-]*$/.test(flag)) args.prepareOptions[flag.slice(2)] = value();
    else throw new Error(`unknown option ${a}`);
  }
  const unknown = args.corpora.filter((n) => !CORPORA.some((c) => c.name === n));
  if (unknown.length) throw new Error(`unknown corpus ${unknown.join(', ')} (known: ${CORPORA.map((c) => c.name).join(', ')})`);
  return args;
}

function positive(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} takes a positive whole number`);
  return n;
}

function contextFor(c: RealCorpus, args: Args): RunContext {
  return { ...args, dir: path.join(args.root, c.name), repo: REPO, log: (m) => console.error(m) };
}

async function main(): Promise<void> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2), realRoot());
  } catch (e) {
    console.error(`eval:real: ${(e as Error).message}`);
    process.exitCode = 2;
    return;
  }
  if (args.command === 'prepare') {
    const c = CORPORA.find((x) => x.name === args.prepareName);
    if (!c?.prepare) {
      console.error(`eval:real: prepare takes one of ${CORPORA.filter((x) => x.prepare).map((x) => x.name).join(', ')}`);
      process.exitCode = 2;
      return;
    }
    await c.prepare(contextFor(c, args), args.from, args.prepareOptions);
    return;
  }
  console.log(`Real-text evaluation (issue 12): corpora under ${args.root}${args.limit ? `, --limit ${args.limit}` : ''}${args.split ? `, --split ${args.split}` : ''}`);
  const earlier = args.compare ? (JSON.parse(readFileSync(args.compare, 'utf8')) as Record<string, { tables?: Table[] } | undefined>) : undefined;
  const report: Record<string, unknown> = { measured: new Date().toISOString(), root: args.root, limit: args.limit ?? null, split: args.split ?? null };
  for (const name of args.corpora) {
    const c = CORPORA.find((x) => x.name === name)!;
    const ctx = contextFor(c, args);
    const ok = c.available(ctx);
    console.log(`\n=== ${c.title}`);
    if (ok !== true) {
      console.log(`  not available: ${ok}\n  how to get it:\n${c.howToGet(ctx).split('\n').map((l) => `    ${l}`).join('\n')}`);
      report[c.name] = { available: false, reason: ok };
      continue;
    }
    const started = Date.now();
    try {
      const result = await c.run(ctx);
      for (const t of result.tables) {
        console.log(formatTable(t));
        // Titles carry counts in brackets ("(602 pairs …)"): match them without.
        const key = (title: string) => title.replace(/\s*\([^)]*\)/g, '');
        const before = earlier?.[c.name]?.tables?.find((x) => key(x.title) === key(t.title));
        if (earlier) console.log(before ? formatChanges(before, t) : '  (not in the earlier run)');
      }
      report[c.name] = { available: true, seconds: (Date.now() - started) / 1000, figures: result.json, tables: result.tables };
    } catch (e) {
      console.log(`  failed: ${(e as Error).stack ?? e}`);
      report[c.name] = { available: true, error: String(e) };
      process.exitCode = 1;
    }
  }
  const out = path.join(REPO, 'test-results', 'eval-real.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(`\nSaved ${path.relative(process.cwd(), out) || out}`);
}

/** The cells of a table that differ from an earlier run's table of the same title (rows by first cell, columns by name). */
export function formatChanges(before: Table, after: Table): string {
  const changes: string[] = [];
  for (const row of after.rows) {
    const old = before.rows.find((r) => r[0] === row[0]);
    after.columns.forEach((col, i) => {
      if (i === 0) return;
      const j = before.columns.indexOf(col);
      const was = old && j >= 0 ? old[j] : undefined;
      if (was !== row[i]) changes.push(`${row[0]} / ${col}: ${was === undefined ? 'new' : was ?? '–'} → ${row[i] ?? '–'}`);
    });
  }
  return changes.length ? changes.map((c) => `  Δ ${c}`).join('\n') : '  (no change)';
}

if (require.main === module && path.basename(process.argv[1] ?? '').startsWith('evalReal.')) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

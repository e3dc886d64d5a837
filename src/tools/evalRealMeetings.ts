// Runs the real meetings corpus module alone (until `npm run eval:real` registers it):
//   SOURCELENS_REAL_DIR=/path/to/real-data node dist/evalRealMeetings.js [--split dev|check|all] [--examples N]
// Prints the tables and writes test-results/eval-real-meetings.json.

import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { corpus, MeetingsRunContext, MeetingsTable } from './evalReal/meetings';

function formatTable(t: MeetingsTable): string {
  const cell = (v: string | number | null): string => (v === null ? '–' : String(v));
  const body = t.rows.map((r) => r.map(cell));
  const widths = t.columns.map((c, i) => Math.max(c.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [`\n${t.title}`, line(t.columns), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  if (t.note) out.push(`  (${t.note})`);
  for (const e of t.examples ?? []) out.push(`    - ${e}`);
  return out.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const repo = path.resolve(__dirname, '..');
  const root = process.env.SOURCELENS_REAL_DIR ?? path.join(repo, '.real');
  const ctx: MeetingsRunContext = {
    dir: path.join(root, 'meetings'),
    repo,
    split: opt('--split'),
    examples: Number(opt('--examples') ?? 0),
    log: (m) => console.error(m),
  };
  const ok = corpus.available(ctx);
  if (ok !== true) {
    console.log(`meetings corpus not available: ${ok}\n  ${corpus.howToGet(ctx)}`);
    return;
  }
  const { tables, json } = await corpus.run(ctx);
  for (const t of tables) console.log(formatTable(t));
  mkdirSync(path.join(repo, 'test-results'), { recursive: true });
  writeFileSync(path.join(repo, 'test-results', 'eval-real-meetings.json'), JSON.stringify(json, null, 1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// Corpus 3: FNC-1 (Fake News Challenge stage 1) train split: headline/body pairs labelled unrelated, discuss, agree,
// disagree (github:FakeNewsChallenge/fnc-1; evaluation only, never committed). Each pair becomes one article: the
// headline, a blank line, the body. Figures: `headline-unsupported` recall on unrelated pairs (the share of them
// flagged) and its false-alarm rate on agree/discuss/disagree pairs; `headline-overstated` rate per stance.
//
// prepare: `node dist/evalReal.js prepare fnc1 --from <fnc-1 git dir or checkout> [--stances a.csv,b.csv]`
// writes $SOURCELENS_REAL_DIR/fnc1/pairs.json (headline, body id, stance) and bodies.json (the bodies used).
// Stances come from train_stances.csv in --from, or from --stances files (with or without a header row; the stance
// as a word or as its alphabetical code 0 agree, 1 disagree, 2 discuss, 3 unrelated, as some copies store it).
// With more than SAMPLE pairs, a seeded sample of SAMPLE pairs is kept (deterministic); --limit samples further.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { analyseTexts, per100, RealCorpus, round, RunContext, seededSample, splitOf, Table } from './framework';

export const STANCES = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
export type Stance = (typeof STANCES)[number];
const SAMPLE = 2000;

export interface Pair {
  headline: string;
  bodyId: string;
  stance: Stance;
}

/** Stance rows from CSV text: header optional; stance as a word or as its alphabetical code. */
export function parseStances(csv: string): Pair[] {
  const rows = parse(csv, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  const out: Pair[] = [];
  for (const r of rows) {
    if (r.length < 3) continue;
    const [headline, bodyId, raw] = r;
    if (bodyId === 'Body ID') continue;
    const label = raw.trim().toLowerCase();
    const stance = /^[0-3]$/.test(label) ? STANCES[Number(label)] : (STANCES as readonly string[]).includes(label) ? (label as Stance) : undefined;
    if (!stance || !/^\d+$/.test(bodyId.trim())) throw new Error(`bad stance row: ${JSON.stringify(r)}`);
    out.push({ headline, bodyId: bodyId.trim(), stance });
  }
  return out;
}

export function parseBodies(csv: string): Map<string, string> {
  const rows = parse(csv, { skip_empty_lines: true, bom: true }) as string[][];
  return new Map(rows.filter((r) => r[0] !== 'Body ID').map((r) => [r[0].trim(), r[1]]));
}

function readFrom(from: string, file: string): string | undefined {
  if (existsSync(path.join(from, file))) return readFileSync(path.join(from, file), 'utf8');
  if (existsSync(path.join(from, 'HEAD')) && existsSync(path.join(from, 'objects'))) {
    const r = spawnSync('git', ['--git-dir', from, 'show', `HEAD:${file}`], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status === 0) return r.stdout;
  }
  return undefined;
}

async function prepare(ctx: RunContext, fromArg: string | undefined, options: Record<string, string> = {}): Promise<void> {
  const from = path.resolve(fromArg ?? '/work/.mirror/FakeNewsChallenge+fnc-1/repo');
  const bodiesCsv = readFrom(from, 'train_bodies.csv');
  if (!bodiesCsv) throw new Error(`no train_bodies.csv in ${from}`);
  let stancesCsv: string[];
  if (options.stances) stancesCsv = options.stances.split(',').map((f) => readFileSync(path.resolve(f), 'utf8'));
  else {
    const s = readFrom(from, 'train_stances.csv');
    if (!s) throw new Error(`no train_stances.csv in ${from} (the search tool's snapshot leaves out files of 4 MiB and more): pass --stances <csv files>`);
    stancesCsv = [s];
  }
  const bodies = parseBodies(bodiesCsv);
  // Sources may overlap (windows of one file, a repository's subset of it): a pair given twice counts once.
  const seen = new Set<string>();
  let pairs = stancesCsv.flatMap(parseStances).filter((p) => {
    const key = `${p.headline}\u0000${p.bodyId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const total = pairs.length;
  if (pairs.length > SAMPLE) pairs = seededSample(pairs, SAMPLE);
  const missing = pairs.filter((p) => !bodies.has(p.bodyId));
  if (missing.length) throw new Error(`${missing.length} pairs name a body not in train_bodies.csv (first: ${missing[0].bodyId})`);
  mkdirSync(ctx.dir, { recursive: true });
  const used = Object.fromEntries([...new Set(pairs.map((p) => p.bodyId))].sort((a, b) => Number(a) - Number(b)).map((id) => [id, bodies.get(id)!]));
  writeFileSync(path.join(ctx.dir, 'pairs.json'), JSON.stringify({ from, stances: options.stances ?? 'train_stances.csv', total, pairs }, null, 1));
  writeFileSync(path.join(ctx.dir, 'bodies.json'), JSON.stringify(used));
  const counts = STANCES.map((s) => `${s} ${pairs.filter((p) => p.stance === s).length}`).join(', ');
  console.log(`fnc1: prepared ${pairs.length} of ${total} pairs (${counts}), ${Object.keys(used).length} bodies, in ${ctx.dir}`);
}

export const corpus: RealCorpus = {
  name: 'fnc1',
  title: 'FNC-1 train headline/body pairs (Fake News Challenge stage 1)',
  available: (ctx) => (existsSync(path.join(ctx.dir, 'pairs.json')) ? true : `not prepared in ${ctx.dir}`),
  howToGet: (ctx) =>
    'Fetch it with the search tool: fetch github:FakeNewsChallenge/fnc-1 (lands in /work/.mirror/FakeNewsChallenge+fnc-1/repo), then\n' +
    `SOURCELENS_REAL_DIR=${ctx.root} node dist/evalReal.js prepare fnc1 --from /work/.mirror/FakeNewsChallenge+fnc-1/repo\n` +
    'The snapshot lacks train_stances.csv (over 4 MiB): take it from a full clone (git clone https://github.com/FakeNewsChallenge/fnc-1)\n' +
    'and pass --from <clone>, or pass --stances <csv files> holding rows of it (see test/real/fnc1/README.md).',
  prepare,
  run: async (ctx) => runFnc(ctx),
};

async function runFnc(ctx: RunContext): Promise<{ tables: Table[]; json: unknown }> {
  const data = JSON.parse(readFileSync(path.join(ctx.dir, 'pairs.json'), 'utf8')) as { total: number; pairs: Pair[] };
  const bodies = JSON.parse(readFileSync(path.join(ctx.dir, 'bodies.json'), 'utf8')) as Record<string, string>;
  let pairs = data.pairs.map((p, i) => ({ ...p, name: `pair-${String(i).padStart(5, '0')}.txt` }));
  if (ctx.split === 'dev' || ctx.split === 'check') pairs = pairs.filter((p) => splitOf(`body ${p.bodyId}`) === ctx.split);
  if (ctx.limit) pairs = seededSample(pairs, ctx.limit);
  const started = Date.now();
  const { corpus: c, uriOf } = analyseTexts(pairs.map((p) => ({ name: p.name, text: `${p.headline.trim()}\n\n${bodies[p.bodyId].trim()}\n` })), '/eval-real/fnc1');
  ctx.log(`fnc1: analysed ${pairs.length} pairs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const by = new Map<Stance, { pairs: number; unsupported: number; overstated: number; headline: number }>(STANCES.map((s) => [s, { pairs: 0, unsupported: 0, overstated: 0, headline: 0 }]));
  const examples: string[] = [];
  // dev/check by body (headlines of one body stay together): unrelated caught and false alarms per split.
  const split = { dev: { unrelated: 0, caught: 0, related: 0, alarms: 0 }, check: { unrelated: 0, caught: 0, related: 0, alarms: 0 } };
  for (const p of pairs) {
    const uri = uriOf.get(p.name)!;
    const a = c.analysis(uri)!;
    const headlineEnd = p.headline.trim().length;
    const codes = new Set(c.findings(uri).map((f) => f.code));
    const t = by.get(p.stance)!;
    t.pairs++;
    if (a.article.headline && a.article.headline.range.start === 0 && a.article.headline.range.end >= headlineEnd - 1) t.headline++;
    if (codes.has('headline-unsupported')) t.unsupported++;
    if (codes.has('headline-overstated')) t.overstated++;
    const sp = split[splitOf(`body ${p.bodyId}`)];
    if (p.stance === 'unrelated') {
      sp.unrelated++;
      if (codes.has('headline-unsupported')) sp.caught++;
    } else {
      sp.related++;
      if (codes.has('headline-unsupported')) sp.alarms++;
    }
    if (examples.length < ctx.examples && p.stance !== 'unrelated' && codes.has('headline-unsupported')) examples.push(`false alarm (${p.stance}): ${JSON.stringify(p.headline.slice(0, 100))} — ${c.findings(uri).filter((f) => f.code === 'headline-unsupported').map((f) => f.message).join(' | ').slice(0, 200)}`);
  }
  const related = STANCES.filter((s) => s !== 'unrelated').map((s) => by.get(s)!);
  const rel = related.reduce((x, y) => ({ pairs: x.pairs + y.pairs, unsupported: x.unsupported + y.unsupported, overstated: x.overstated + y.overstated, headline: x.headline + y.headline }));
  const un = by.get('unrelated')!;
  const r = (n: number, of: number) => (of ? round(n / of) : null);
  const flagged = un.unsupported + rel.unsupported;
  const rows = [...STANCES.map((s) => [s, by.get(s)!] as const), ['agree+discuss+disagree', rel] as const].map(([label, t]) => [label, t.pairs, r(t.unsupported, t.pairs), r(t.overstated, t.pairs), r(t.headline, t.pairs)]);
  const tables: Table[] = [
    {
      title: `FNC-1 headline findings (${pairs.length} pairs, seeded sample of ${data.total} given)`,
      columns: ['stance', 'pairs', 'headline-unsupported rate', 'headline-overstated rate', 'headline found'],
      rows,
      note: `headline-unsupported: recall on unrelated ${r(un.unsupported, un.pairs)}, false alarms on related ${r(rel.unsupported, rel.pairs)}, precision as an "unrelated" detector ${r(un.unsupported, flagged)}`,
      examples,
    },
    {
      title: 'FNC-1 figures by split (dev/check by body, splitOf in framework.ts)',
      columns: ['figure', 'dev', 'check'],
      rows: [
        ['pairs', split.dev.unrelated + split.dev.related, split.check.unrelated + split.check.related],
        ['unrelated headlines caught', r(split.dev.caught, split.dev.unrelated), r(split.check.caught, split.check.unrelated)],
        ['false alarms on related', r(split.dev.alarms, split.dev.related), r(split.check.alarms, split.check.related)],
      ],
      note: 'tune on dev; look at check when a change is done',
    },
  ];
  const json = {
    pairs: pairs.length,
    given: data.total,
    unsupportedRecallUnrelated: r(un.unsupported, un.pairs),
    unsupportedFalseAlarmsRelated: r(rel.unsupported, rel.pairs),
    unsupportedPrecision: r(un.unsupported, flagged),
    splits: split,
    perStance: Object.fromEntries(STANCES.map((s) => [s, { ...by.get(s)!, unsupportedRate: r(by.get(s)!.unsupported, by.get(s)!.pairs), overstatedRate: r(by.get(s)!.overstated, by.get(s)!.pairs), overstatedPer100: per100(by.get(s)!.overstated, by.get(s)!.pairs) }])),
  };
  return { tables, json };
}

// The real meetings corpus (issue 12, corpus 4) as a module of `npm run eval:real`: page texts saved from the
// search tool's `pages` corpus under <SOURCELENS_REAL_DIR>/meetings (never in git), span-only gold and the rebuild
// list in test/real/meetings/. Scores meeting extraction and clustering with ./meetingsScore, on the dev and check
// splits separately, twice: from the page text alone (as a reader who saved the pages has it) and with each page's
// URL given as metadata (the URL often carries the date; nothing else is added).
//
// A RealCorpus of the eval:real framework (./framework). No side effects on import; run it alone with
// `npm run eval:real -- --corpus meetings`:
//   node dist/evalReal.js --corpus meetings [--split dev|check] [--examples N]

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { Corpus } from '../../core/corpus';
import { spansOf } from '../../core/meetings/extract';
import { EventAccount } from '../../core/model';
import { ArticleInput, ArticleMeta } from '../../core/types';
import { fileUri } from '../../host/uris';
import {
  MeetingsGold,
  MeetingsSplitScore,
  ExplainSplit,
  PredictedConflict,
  PredictedFigureConflict,
  PredictedMeeting,
  scoreDateConflicts,
  scoreFigureAlarms,
  scoreMeetingsCorpus,
  Split,
} from './meetingsScore';
import { analyseTexts, findingsTable, round, type RealCorpus, type RunContext, type Table } from './framework';
import { ClaimsGold, scoreClaims } from './meetingsClaims';
import { GoldTitleConflict, PeopleFinding, scoreNameVariants, scoreTitleConflicts, SEEDED_OFFICE, seedTitleConflicts } from './meetingsPeople';

interface RebuildEntry {
  id: string;
  file: string;
  url: string;
  query: string;
  rank: number;
  sha256: string;
  edits: string;
}

export function goldDir(repo: string): string {
  return path.join(repo, 'test', 'real', 'meetings');
}

export function loadGold(repo: string): { gold: MeetingsGold; rebuild: RebuildEntry[] } {
  const g = parse(readFileSync(path.join(goldDir(repo), 'gold.yaml'), 'utf8')) as MeetingsGold;
  const r = parse(readFileSync(path.join(goldDir(repo), 'rebuild.yaml'), 'utf8')) as { files: RebuildEntry[] };
  return { gold: g, rebuild: r.files };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The saved pages: true when every file is there, else why not. */
export function checkPages(dir: string, rebuild: RebuildEntry[]): true | string {
  if (!existsSync(dir)) return `no folder ${dir}`;
  const missing = rebuild.filter((e) => !existsSync(path.join(dir, e.file)));
  if (missing.length) return `${missing.length} of ${rebuild.length} pages missing in ${dir} (first: ${missing[0].file})`;
  return true;
}

/** Files whose text differs from the recorded sha256 (scored anyway: spans after a difference may be off by a few characters). */
export function changedPages(dir: string, rebuild: RebuildEntry[]): string[] {
  return rebuild.filter((e) => sha256(readFileSync(path.join(dir, e.file), 'utf8')) !== e.sha256).map((e) => e.file);
}

/** Runs the current analysis in this process over the saved pages: its meetings and date-conflict findings in scorer form. */
export function predictMeetings(
  dir: string,
  rebuild: RebuildEntry[],
  withUrl: boolean,
): { meetings: PredictedMeeting[]; dateConflicts: PredictedConflict[]; figureConflicts: PredictedFigureConflict[]; explain: ExplainSplit } {
  const corpus = new Corpus();
  const fileOf = new Map<string, string>();
  corpus.deferCrossDocument(true);
  for (const e of rebuild) {
    const uri = fileUri(path.join(dir, e.file));
    fileOf.set(uri, e.file);
    const meta: ArticleMeta | undefined = withUrl ? { url: e.url } : undefined;
    const input: ArticleInput = { uri, text: readFileSync(path.join(dir, e.file), 'utf8'), externalMeta: meta };
    corpus.update(input);
  }
  corpus.deferCrossDocument(false);
  const index = corpus.meetings();
  const accountById = new Map<string, EventAccount>();
  for (const m of index.all()) for (const a of m.accounts) accountById.set(a.id, a);
  const describe = (a: EventAccount): string =>
    `${fileOf.get(a.uri)?.slice(0, 3)} ${a.kind} [${a.participants.map((p) => p.key.replace(/^person:/, '') + (p.weak ? '?' : '')).join(', ')}] ${a.place?.name ?? '-'} ${a.date?.iso ?? a.date?.key ?? '-'}${a.era ? ` era ${a.era}` : ''}`;
  const explain: ExplainSplit = (x, y) => {
    const a = accountById.get(x.ref ?? '');
    const b = accountById.get(y.ref ?? '');
    if (!a || !b) return { cause: 'not clustered', text: 'not clustered' };
    const why = index.whyNotSame(a, b) ?? { test: 'pairwise compatible, another member of a meeting disagrees' };
    return { cause: why.test, text: `${why.test}${why.detail ? ` ${why.detail}` : ''} (${describe(a)} | ${describe(b)})` };
  };
  const meetings = index
    .all()
    .map((m) => ({
      id: m.id,
      place: m.place ?? null,
      date: dateOf(m.date?.iso, m.date?.precision),
      // Every passage of an account (headline, lead, a later paragraph): an account found by any of them is found.
      accounts: m.accounts.flatMap((a) => spansOf(a).map((s) => ({ file: fileOf.get(a.uri) ?? a.uri, start: s.start, end: s.end, ref: a.id }))),
    }));
  const dateConflicts: PredictedConflict[] = [];
  const figureConflicts: PredictedFigureConflict[] = [];
  for (const [uri, findings] of corpus.allFindings()) {
    const file = fileOf.get(uri) ?? uri;
    for (const f of findings) {
      if (f.code === 'date-conflict') dateConflicts.push({ file, relatedFiles: f.related.map((r) => fileOf.get(r.uri) ?? r.uri) });
      if (f.code === 'figure-conflict') {
        figureConflicts.push({
          file,
          start: f.range.start,
          end: f.range.end,
          related: f.related.map((r) => ({ file: fileOf.get(r.uri) ?? r.uri, start: r.range.start, end: r.range.end })),
        });
      }
    }
  }
  return { meetings, dateConflicts, figureConflicts, explain };
}

function dateOf(iso: string | undefined, precision: string | undefined): string | null {
  if (!iso) return null;
  if (precision === 'month') return iso.slice(0, 7);
  if (precision === 'year') return iso.slice(0, 4);
  if (precision === 'week') return `${iso.slice(0, 10)}/w`;
  return iso.slice(0, 10);
}

const pct = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 10);
const r3 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 1000);

export function scoreRows(scores: MeetingsSplitScore[]): (string | number | null)[][] {
  const row = (label: string, f: (s: MeetingsSplitScore) => string | number | null) => [label, ...scores.map(f)];
  return [
    row('articles', (s) => s.articles),
    row('meetings', (s) => s.meetings),
    row('gold accounts', (s) => s.goldAccounts),
    row('pairs P', (s) => r3(s.pairs.precision)),
    row('pairs R', (s) => r3(s.pairs.recall)),
    row('pairs F1', (s) => r3(s.pairs.f1)),
    row('pairs tp/fp/fn', (s) => `${s.pairs.tp}/${s.pairs.fp}/${s.pairs.fn}`),
    row('main-account pairs P', (s) => r3(s.mainPairs.precision)),
    row('main-account pairs R', (s) => r3(s.mainPairs.recall)),
    row('main-account pairs F1', (s) => r3(s.mainPairs.f1)),
    row('accounts found %', (s) => pct(s.accountsFoundRate)),
    row('place right % (of found)', (s) => pct(s.placeRightRate)),
    row('date right or honestly unknown %', (s) => pct(s.dateRightRate)),
    row('confusable wrong merges', (s) => s.confusableWrongMerges),
    row('all wrong merges', (s) => s.wrongMerges),
    row('B³ P', (s) => r3(s.b3.precision)),
    row('B³ R', (s) => r3(s.b3.recall)),
    row('B³ F1', (s) => r3(s.b3.f1)),
  ];
}

export async function runMeetings(ctx: RunContext): Promise<{ tables: Table[]; json: unknown }> {
  const { gold, rebuild } = loadGold(ctx.repo);
  const splits: (Split | 'all')[] = ctx.split === 'dev' || ctx.split === 'check' ? [ctx.split] : ctx.split === 'all' ? ['dev', 'check', 'all'] : ['dev', 'check'];
  const tables: Table[] = [];
  const changed = changedPages(ctx.dir, rebuild);
  if (changed.length) ctx.log(`meetings: ${changed.length} pages differ from their recorded sha256 (${changed.slice(0, 3).join(', ')}…); scored anyway`);
  const json: Record<string, unknown> = { articles: gold.articles.length, meetings: gold.meetings.length, changedPages: changed };
  for (const withUrl of [false, true]) {
    const { meetings: predicted, dateConflicts, figureConflicts, explain } = predictMeetings(ctx.dir, rebuild, withUrl);
    const scores = splits.map((s) => scoreMeetingsCorpus(gold, predicted, s, explain));
    const filesOf = (s: Split | 'all'): Set<string> | undefined => (s === 'all' ? undefined : new Set(gold.articles.filter((a) => a.split === s).map((a) => a.file)));
    const conflictScores = splits.map((s) => scoreDateConflicts(gold.conflicts ?? [], dateConflicts, filesOf(s)));
    const figureScores = splits.map((s) => scoreFigureAlarms(gold.figures ?? [], figureConflicts, filesOf(s)));
    const label = withUrl ? 'with each page URL as metadata' : 'page text only';
    tables.push({
      title: `Meetings, real corpus (${label})`,
      columns: ['metric', ...splits],
      rows: [
        ...scoreRows(scores),
        ['date conflicts caught (gold)', ...conflictScores.map((c) => `${c.caught}/${c.gold}`)],
        ['date-conflict findings off gold conflicts', ...conflictScores.map((c) => `${c.findingsOutsideGold}/${c.findings}`)],
        ['figure-conflict on agreeing figures / all', ...figureScores.map((c) => `${c.falseAlarms}/${c.findings}`)],
      ],
      note: 'pairs: two articles report a common meeting (back-references included; main-account pairs: without them); accounts: right article, overlapping span',
      examples:
        ctx.examples > 0
          ? scores.flatMap((s, i) => [...s.errors, ...conflictScores[i].errors, ...figureScores[i].errors].slice(0, ctx.examples).map((e) => `[${s.split}] ${e}`))
          : undefined,
    });
    const causes = [...new Set(scores.flatMap((c) => Object.keys(c.missedPairsWhy)))];
    tables.push({
      title: `Meetings: gold pairs not linked, by cause (${label})`,
      columns: ['cause', ...splits],
      rows: causes.map((k) => [k, ...scores.map((c) => c.missedPairsWhy[k] ?? 0)]),
      note: "an account not found: one article's account of the shared meeting has no predicted account; not clustered: both found, in two predicted meetings (the first test the two accounts fail)",
    });
    json[withUrl ? 'withUrl' : 'textOnly'] = Object.fromEntries(scores.map((s, i) => [s.split, { ...s, dateConflicts: conflictScores[i], figureAlarms: figureScores[i] }]));
  }
  const people = runPeople(ctx, gold, rebuild);
  tables.push(...people.tables);
  json.people = people.json;
  return { tables, json };
}

/** name-variant and title-conflict against the people gold (meetingsPeople.ts), unattributed-claim against the labelled sentences (meetingsClaims.ts), and findings per 100 articles. */
function runPeople(ctx: RunContext, gold: MeetingsGold, rebuild: RebuildEntry[]): { tables: Table[]; json: unknown } {
  const texts = new Map(rebuild.map((e) => [e.file, readFileSync(path.join(ctx.dir, e.file), 'utf8')]));
  const analyse = (t: Map<string, string>) => {
    const { corpus, uriOf } = analyseTexts([...t].map(([name, text]) => ({ name, text })), '/eval-real/meetings');
    const fileOf = new Map([...uriOf].map(([f, u]) => [u, f]));
    const at = (uri: string) => fileOf.get(uri) ?? uri;
    const of = (code: string): PeopleFinding[] =>
      [...corpus.allFindings()].flatMap(([uri, fs]) =>
        fs.filter((f) => f.code === code).map((f) => ({ file: at(uri), start: f.range.start, end: f.range.end, related: f.related.map((r) => ({ file: at(r.uri), start: r.range.start, end: r.range.end })) })),
      );
    return { corpus, of };
  };
  const asIs = analyse(texts);
  const seeded = seedTitleConflicts(gold, texts);
  // The gold's "spelled two ways" covers diacritics (Kovač / Kovac): name-diacritics is judged with name-variant.
  const variants = scoreNameVariants(gold, texts, [...asIs.of('name-variant'), ...asIs.of('name-diacritics')]);
  const judged = parse(readFileSync(path.join(goldDir(ctx.repo), 'titles.yaml'), 'utf8')) as { conflicts?: GoldTitleConflict[] };
  const titles = scoreTitleConflicts(gold, asIs.of('title-conflict'), seeded.seeds, analyse(seeded.texts).of('title-conflict'), judged.conflicts ?? []);
  const p = (n: number, of: number) => (of ? round(n / of) : null);
  const variantJudged = variants.right + variants.differentPeople;
  const claimsGold = parse(readFileSync(path.join(goldDir(ctx.repo), 'claims.yaml'), 'utf8')) as ClaimsGold;
  const flags = asIs.of('unattributed-claim');
  const claimSplits = ctx.split === 'dev' || ctx.split === 'check' ? ([ctx.split] as const) : ([undefined, 'dev', 'check'] as const);
  const claimScores = claimSplits.map((sp) => scoreClaims(claimsGold, flags, sp ? new Set(gold.articles.filter((a) => a.split === sp).map((a) => a.file)) : undefined));
  const claimsTable: Table = {
    title: 'Real meetings corpus: unattributed-claim against hand-labelled sentences',
    columns: ['split', 'flags', 'right', 'on attributed', 'on no claim', 'unjudged', 'precision', 'unattributed claims', 'found', 'recall'],
    rows: claimScores.map((c, i) => [claimSplits[i] ?? 'all', c.flags, c.right, c.onAttributed, c.onNotAClaim, c.unjudged, c.precision === null ? null : round(c.precision), c.unattributed, c.found, c.recall === null ? null : round(c.recall)]),
    note: 'gold: test/real/meetings/claims.yaml (269 sentences: those the frozen claim rule marks and those flagged at b9c6e3f, labelled by hand)',
    examples: ctx.examples ? claimScores[0].errors.slice(0, ctx.examples) : undefined,
  };
  const table: Table = {
    title: 'Real meetings corpus: name-variant and title-conflict against the people gold',
    columns: ['measure', 'findings', 'right', 'wrong', 'unjudged', 'precision', 'recall'],
    rows: [
      ['name-variant + name-diacritics', variants.findings, variants.right, variants.differentPeople, variants.unjudged, p(variants.right, variantJudged), p(variants.caughtPeople.length, variants.variantPeople.length)],
      ['title-conflict, corpus as is', titles.findings, titles.right, titles.onOneParticipant + titles.differentPeople, titles.unjudged, p(titles.right, titles.findings - titles.unjudged), p(titles.realCaught, titles.realConflicts)],
      ['title-conflict, seeded conflicts', titles.seededFindings, titles.seededFindingsOnSeeds, titles.seededFindings - titles.seededFindingsOnSeeds, 0, p(titles.seededFindingsOnSeeds, titles.seededFindings), p(titles.caught, titles.seeds)],
    ],
    note:
      `name-variant recall over the ${variants.variantPeople.length} participants the gold spells two ways (${variants.caughtPeople.length} caught); ` +
      `the annotator found no real title disagreement (titles.yaml), so title-conflict recall is over ${titles.seeds} seeded titles ("${SEEDED_OFFICE}" before one full-name mention per participant)`,
    examples: ctx.examples ? [...variants.errors, ...titles.errors].slice(0, ctx.examples * 2) : undefined,
  };
  const findings = findingsTable('Real meetings corpus: findings per 100 articles (page text only)', asIs.corpus, rebuild.length);
  return { tables: [table, claimsTable, findings], json: { nameVariant: variants, titleConflict: titles, unattributedClaim: Object.fromEntries(claimScores.map((c, i) => [claimSplits[i] ?? 'all', c])), findingsPer100: Object.fromEntries(findings.rows.map((r) => [r[0], r[2]])) } };
}

/** The eval:real module (structurally a RealCorpus). */
export const corpus: RealCorpus = {
  name: 'meetings',
  title: 'Real meetings corpus (issue 12, corpus 4)',
  available(ctx: RunContext): true | string {
    if (!existsSync(path.join(goldDir(ctx.repo), 'gold.yaml'))) return 'no test/real/meetings/gold.yaml';
    return checkPages(ctx.dir, loadGold(ctx.repo).rebuild);
  },
  howToGet(ctx: RunContext): string {
    return [
      `The page texts are not in git. Rebuild them into ${ctx.dir} as test/real/meetings/README.md says:`,
      'for each entry of test/real/meetings/rebuild.yaml, run its query with the search tool (corpus "pages"),',
      'take the result with its url, save the excerpt byte for byte as <file> and check its sha256.',
    ].join('\n  ');
  },
  run: runMeetings,
};

// Corpus 2: PolNeAR (Newell, Margolin and Ruths, LREC 2018): US political news with every attribution's source, cue
// and content annotated (BRAT standoff). ONLY the train compartment is used; dev and test are held out. No license
// is stated: evaluation only, its text never goes into git.
//
// prepare: `node dist/evalReal.js prepare polnear [--from <PolNeAR git dir or checkout>]` (default from: the search
// tool's mirror /work/.mirror/networkdynamics+PolNeAR/repo) writes under $SOURCELENS_REAL_DIR/polnear:
//   text/<name>.txt      the article text, byte for byte
//   gold/<name>.json     sentences (CoreNLP's, from the corpus' own corenlp/ XML: independent of our splitter) and
//                        attributions (source/cue/content spans, UTF-16 offsets, checked against the text)
//   manifest.json        commit, files, publisher, date, title, the annotator used
// When several annotators did one article, the first annotator id in sort order is used (deterministic).
//
// Scoring (sentences are CoreNLP's; "overlap" means at least one letter or digit in common):
// - unattributed-claim precision: a flag is right when the gold sentence it overlaps most has no annotated
//   attribution content overlapping it. Recall: over gold sentences with no attribution content that carry a claim by
//   carriesClaim() below (a frozen rule, independent of the sourcing rule pack), the share some flag overlaps; the
//   title line is left out of recall (headlines are the headline-* findings' business).
// - quote-unattributed precision: a flag is wrong when at least half of the quotation's characters lie inside the
//   content of an attribution that has a source; right otherwise (inside a sourceless attribution, or in none —
//   the latter also holds scare quotes and titles, shown separately).
// - anonymous-source precision: a flag is right when it overlaps an annotated source that is vague (VAGUE rule below)
//   or its sentence holds an attribution annotated without a source.
// - flags per 100 sentences for the three codes.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { BratAttribution, checkSpans, parseBrat } from './brat';
import { analyseTexts, findingsTable, per100, RealCorpus, round, RunContext, seededSample, splitOf, Table } from './framework';
import { Span } from './scoring';
import { POS_TAGS } from '../../core/types';
import { emptySpeakerCounts, scoreSpeakers, SpeakerCounts, speakerPrecision, speakerPrecisionNamed, speakerRecall } from './speakers';

const DEFAULT_FROM = '/work/.mirror/networkdynamics+PolNeAR/repo';
const COMPARTMENT = 'train';
const PUBLISHERS: Record<string, string> = {
  'huff-post': 'Huffington Post', breitbart: 'Breitbart', nyt: 'New York Times', politico: 'Politico',
  'wash-post': 'Washington Post', 'west-journal': 'Western Journalism', 'usa-today': 'USA Today',
};

export interface PolnearGold {
  annotator: string;
  offsets: 'utf16' | 'codepoints';
  mismatched: string[];
  sentences: Span[];
  sentencesFrom: 'corenlp' | 'fallback';
  /**
   * CoreNLP's coreference chains (each a list of mention spans), from the corpus' own corenlp/ XML; absent for
   * articles prepared before it was kept, or without that file. Used to judge speakers whose annotated source is a
   * pronoun or description (speakers.ts).
   */
  coref?: Span[][];
  attributions: BratAttribution[];
}

interface Manifest {
  from: string;
  commit: string | null;
  compartment: string;
  files: { name: string; publisher: string; date: string; title: string; annotator: string }[];
}

// ---------------------------------------------------------------------------------------------- frozen gold rules

const DATES = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\b(?:19|20)\d\d\b|\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/gi;
const NUMBER = /\d|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?|percent|per cent)\b/i;
const CLAIM_WORDS =
  /\b(?:killed|kills|dead|died|deaths?|wounded|injured|casualties|accused|accuses|blamed|blames|responsible for|alleged|allegedly|fraud|corrupt|corruption|lied|illegal|illegally|crimes?|criminal|because|due to|as a result|led to|caused|causes|in response to|in retaliation|for the first time|first time|unprecedented|record|biggest|largest|worst|highest|lowest)\b/i;

/**
 * The claim subset for unattributed-claim recall: a sentence carries a checkable claim when, after removing dates,
 * years and clock times, it has a digit or a quantity word, or one of CLAIM_WORDS (casualty, accusation, causal,
 * record). Frozen here on purpose: changing the analysis' rule pack must not move the gold.
 */
export function carriesClaim(sentence: string): boolean {
  return NUMBER.test(sentence.replace(DATES, ' ')) || CLAIM_WORDS.test(sentence);
}

const VAGUE_HEADS =
  /\b(?:sources?|officials?|aides?|advisers?|advisors?|insiders?|people|person|someone|somebody|experts?|analysts?|observers?|critics?|diplomats?|reports?|those|others|some|many|allies|supporters|opponents|strategists?|operatives?|staffers?|residents|witnesses|members|lawmakers|democrats|republicans|conservatives|liberals|activists|voters|pundits|commentators|observers)\b/i;

/** A vague source: names a vague group or role (VAGUE_HEADS) and no proper name after its first word. */
export function isVagueSource(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return VAGUE_HEADS.test(text) && !words.slice(1).some((w) => /^[“"'‘(]?\p{Lu}/u.test(w));
}

// ------------------------------------------------------------------------------------------------------- prepare

/**
 * Fallback sentence splitter, for articles whose CoreNLP file the snapshot lacks: a sentence ends at a line break or
 * at . ! ? (with closing quotes) followed by white space and a capital, digit or opening quote; not after a single
 * capital ("J. Smith") or a common abbreviation.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[.!?]+["”’')]*(?=\s+["“‘(]?[\p{Lu}\d])|\n+/gu;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    const before = text.slice(Math.max(0, m.index - 5), m.index);
    if (m[0][0] === '.' && /(?:\b\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr|Lt|Col|Mt|No|U\.S|Jan|Feb|Aug|Sept|Oct|Nov|Dec))$/u.test(before)) continue;
    push(start, m[0][0] === '\n' ? m.index : end);
    start = end;
  }
  push(start, text.length);
  return out;

  function push(a: number, b: number): void {
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b });
  }
}

function gitCatBatch(gitDir: string, specs: string[]): (Buffer | undefined)[] {
  const r = spawnSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { input: specs.join('\n') + '\n', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git cat-file failed: ${r.stderr}`);
  const out: (Buffer | undefined)[] = [];
  let at = 0;
  const buf = r.stdout;
  for (const spec of specs) {
    const nl = buf.indexOf(10, at);
    const header = buf.subarray(at, nl).toString();
    if (header.endsWith(' missing')) {
      // The search tool's snapshots leave out the largest files: the caller falls back.
      out.push(undefined);
      at = nl + 1;
      continue;
    }
    const m = /^\S+ blob (\d+)$/.exec(header);
    if (!m) throw new Error(`${spec}: ${header}`);
    const size = Number(m[1]);
    out.push(buf.subarray(nl + 1, nl + 1 + size));
    at = nl + 1 + size + 1;
  }
  return out;
}

/** Reads files of the PolNeAR tree from a bare git dir (the search tool's mirror) or a checkout. */
function treeReader(from: string): { list(dir: string): string[]; read(paths: string[]): (Buffer | undefined)[]; commit: string | null } {
  const isGit = existsSync(path.join(from, 'HEAD')) && existsSync(path.join(from, 'objects'));
  if (isGit) {
    const ls = spawnSync('git', ['--git-dir', from, 'ls-tree', '-r', '--name-only', 'HEAD', 'data/'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (ls.status !== 0) throw new Error(`git ls-tree failed in ${from}: ${ls.stderr}`);
    const all = ls.stdout.split('\n').filter(Boolean);
    const commit = spawnSync('git', ['--git-dir', from, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || null;
    return {
      list: (dir) => all.filter((p) => p.startsWith(dir + '/')),
      read: (paths) => gitCatBatch(from, paths.map((p) => `HEAD:${p}`)),
      commit,
    };
  }
  const root = existsSync(path.join(from, 'data')) ? from : path.dirname(from);
  return {
    list: (dir) => (existsSync(path.join(root, dir)) ? readdirSync(path.join(root, dir)).map((f) => `${dir}/${f}`) : []),
    read: (paths) => paths.map((p) => readFileSync(path.join(root, p))),
    commit: null,
  };
}

/** Sentence spans from a CoreNLP XML file (first token's begin to last token's end, per sentence). */
export function coreNlpSentences(xml: string): Span[] {
  const out: Span[] = [];
  let current: Span | undefined;
  const re = /<sentence id=|<CharacterOffsetBegin>(\d+)<|<CharacterOffsetEnd>(\d+)</g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0].startsWith('<sentence')) {
      if (current) out.push(current);
      current = undefined;
    } else if (m[1] !== undefined) {
      const n = Number(m[1]);
      current = current ? current : { start: n, end: n };
    } else if (current) current.end = Number(m[2]);
  }
  if (current) out.push(current);
  return out;
}

/**
 * Coreference chains from a CoreNLP XML file: each chain's mentions as character spans (a mention names its
 * sentence, 1-based, and its tokens [start, end), 1-based, end exclusive; the tokens carry the offsets).
 */
export function coreNlpCoref(xml: string): Span[][] {
  const at = xml.indexOf('<coreference>');
  if (at < 0) return [];
  const tokens: Span[][] = [];
  const re = /<sentence id=|<CharacterOffsetBegin>(\d+)<|<CharacterOffsetEnd>(\d+)</g;
  const head = xml.slice(0, at);
  for (let m = re.exec(head); m; m = re.exec(head)) {
    if (m[0].startsWith('<sentence')) tokens.push([]);
    else if (m[1] !== undefined) tokens[tokens.length - 1]?.push({ start: Number(m[1]), end: Number(m[1]) });
    else {
      const list = tokens[tokens.length - 1];
      if (list?.length) list[list.length - 1].end = Number(m[2]);
    }
  }
  const chains: Span[][] = [];
  for (const piece of xml.slice(at).split('</coreference>')) {
    const chain: Span[] = [];
    for (const m of piece.matchAll(/<mention[^>]*>\s*<sentence>(\d+)<\/sentence>\s*<start>(\d+)<\/start>\s*<end>(\d+)<\/end>/g)) {
      const sentence = tokens[Number(m[1]) - 1];
      const first = sentence?.[Number(m[2]) - 1];
      const last = sentence?.[Number(m[3]) - 2];
      if (first && last) chain.push({ start: first.start, end: last.end });
    }
    if (chain.length > 1) chains.push(chain);
  }
  return chains;
}

/** Writes a file whole or not at all (others may be reading the prepared corpus while it is prepared again). */
function writeAtomic(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

async function prepare(ctx: RunContext, fromArg: string | undefined): Promise<void> {
  const from = path.resolve(fromArg ?? DEFAULT_FROM);
  if (!existsSync(from)) throw new Error(`no PolNeAR at ${from}: fetch it with the search tool (github:networkdynamics/PolNeAR) or pass --from`);
  const tree = treeReader(from);
  const base = `data/${COMPARTMENT}`;
  const texts = tree.list(`${base}/text`).filter((p) => p.endsWith('.txt'));
  const anns = tree.list(`${base}/attributions`).filter((p) => p.endsWith('.ann'));
  const xmls = new Set(tree.list(`${base}/corenlp`));
  const metaPath = tree.list('data').find((p) => p === 'data/metadata.tsv');
  const meta = new Map<string, Record<string, string>>();
  if (metaPath) {
    const [header, ...rows] = (tree.read([metaPath])[0] ?? Buffer.alloc(0)).toString('utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
    for (const r of rows) meta.set(r[1], Object.fromEntries(header.map((h, i) => [h, r[i]])));
  }
  mkdirSync(path.join(ctx.dir, 'text'), { recursive: true });
  mkdirSync(path.join(ctx.dir, 'gold'), { recursive: true });
  const manifest: Manifest = { from, commit: tree.commit, compartment: COMPARTMENT, files: [] };
  let mismatchedSpans = 0;
  let spans = 0;
  let codepointDocs = 0;
  let fallbackSentences = 0;
  const names = texts.map((p) => path.basename(p, '.txt')).sort();
  const BATCH = 40;
  for (let i = 0; i < names.length; i += BATCH) {
    const batch = names.slice(i, i + BATCH);
    const annFor = batch.map((n) => anns.filter((a) => path.basename(a).startsWith(`${n}_`)).sort()[0]);
    const xmlFor = batch.map((n) => `${base}/corenlp/${n}.txt.xml`);
    const paths = [...batch.map((n) => `${base}/text/${n}.txt`), ...annFor.filter((a): a is string => !!a), ...xmlFor.filter((x) => xmls.has(x))];
    const bufs = tree.read(paths);
    const got = new Map(paths.map((p, k) => [p, bufs[k]]));
    batch.forEach((name, k) => {
      const text = got.get(`${base}/text/${name}.txt`)!.toString('utf8');
      const ann = annFor[k] && got.get(annFor[k]!);
      const xml = got.get(xmlFor[k]);
      if (!ann) {
        ctx.log(`polnear: ${name} has no annotation; skipped`);
        return;
      }
      if (!xml) fallbackSentences++;
      const checked = checkSpans(parseBrat(ann.toString('utf8')), text);
      spans += checked.doc.spans.size;
      mismatchedSpans += checked.mismatched.length;
      if (checked.offsets === 'codepoints') codepointDocs++;
      const annotator = path.basename(annFor[k]!, '.ann').slice(name.length + 1);
      const xmlText = xml?.toString('utf8');
      const gold: PolnearGold = {
        annotator,
        offsets: checked.offsets,
        mismatched: checked.mismatched,
        sentences: xmlText ? coreNlpSentences(xmlText) : splitSentences(text),
        sentencesFrom: xmlText ? 'corenlp' : 'fallback',
        attributions: checked.doc.attributions,
        coref: xmlText ? coreNlpCoref(xmlText) : undefined,
      };
      writeAtomic(path.join(ctx.dir, 'text', `${name}.txt`), text);
      writeAtomic(path.join(ctx.dir, 'gold', `${name}.json`), JSON.stringify(gold));
      const m = meta.get(name) ?? {};
      manifest.files.push({ name, publisher: m.publisher ?? name.split('_')[0], date: m.publication_date ?? name.split('_')[1], title: m.title ?? '', annotator });
    });
  }
  writeAtomic(path.join(ctx.dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  console.log(`polnear: prepared ${manifest.files.length} train articles in ${ctx.dir} (${spans} spans, ${mismatchedSpans} not matching the text, ${codepointDocs} articles with code-point offsets converted; ${fallbackSentences} without CoreNLP sentences, split by splitSentences)`);
}

// ----------------------------------------------------------------------------------------------------------- run

export const corpus: RealCorpus = {
  name: 'polnear',
  title: 'PolNeAR train compartment (Newell et al., LREC 2018; US political news, every attribution annotated)',
  available: (ctx) => (existsSync(path.join(ctx.dir, 'manifest.json')) ? true : `not prepared in ${ctx.dir}`),
  howToGet: (ctx) =>
    'Fetch it with the search tool: fetch github:networkdynamics/PolNeAR (lands in /work/.mirror/networkdynamics+PolNeAR/repo),\n' +
    `then: SOURCELENS_REAL_DIR=${ctx.root} node dist/evalReal.js prepare polnear --from /work/.mirror/networkdynamics+PolNeAR/repo\n` +
    '(or --from a git clone of https://github.com/networkdynamics/PolNeAR). Only data/train is read.',
  prepare,
  run: async (ctx) => runPolnear(ctx),
};

/** Characters of a span that are letters or digits and inside any of the spans. */
function wordOverlap(text: string, a: Span, spans: Span[] | undefined): number {
  let n = 0;
  for (const s of spans ?? []) {
    const from = Math.max(a.start, s.start);
    const to = Math.min(a.end, s.end);
    for (let i = from; i < to; i++) if (/[\p{L}\p{N}]/u.test(text[i])) n++;
  }
  return n;
}

function charsInside(a: Span, spans: Span[]): number {
  let n = 0;
  for (let i = a.start; i < a.end; i++) if (spans.some((s) => i >= s.start && i < s.end)) n++;
  return n;
}

const sourced = (a: BratAttribution) => a.type === 'Attribution' && !!a.source?.length;

/**
 * Why a flagged sentence that an attribution's content covers is wrong, by where that attribution's cue and source
 * sit relative to the sentence (the covering attribution nearest the sentence is taken: cue in it first, then the
 * nearest cue before it, then after it). Paragraphs are the text's blank-line blocks; the title is its first line.
 */
type WrongClaimClass = 'title' | 'cueSourceHere' | 'cueHereSourceBefore' | 'cueHereSourceless' | 'cueHereSourceAfter' | 'cueBeforeSameParagraph' | 'cueBeforeParagraph' | 'cueAfter' | 'sourcelessElsewhere';
const WRONG_CLASSES: { key: WrongClaimClass; label: string }[] = [
  { key: 'title', label: "the article's title line (headline or furniture)" },
  { key: 'cueSourceHere', label: 'cue and source in the flagged sentence (a speech/report word we miss)' },
  { key: 'cueHereSourceBefore', label: 'cue in the sentence, source in an earlier sentence (pronoun, continuation)' },
  { key: 'cueHereSourceAfter', label: 'cue in the sentence, source in a later sentence' },
  { key: 'cueHereSourceless', label: 'cue in the sentence, annotated without a source' },
  { key: 'cueBeforeSameParagraph', label: 'cue in an earlier sentence of the paragraph (content continues)' },
  { key: 'cueBeforeParagraph', label: 'cue in an earlier paragraph (content continues across paragraphs)' },
  { key: 'cueAfter', label: 'cue in a later sentence (attributed after the claim)' },
  { key: 'sourcelessElsewhere', label: 'sourceless attribution, cue outside the sentence (or none)' },
];

function classifyWrongClaim(text: string, sentence: Span, covering: BratAttribution[], titleEnd: number): { cls: WrongClaimClass; a?: BratAttribution } {
  if (sentence.start < titleEnd) return { cls: 'title', a: covering[0] };
  const within = (x: Span) => x.start < sentence.end && sentence.start < x.end && wordOverlap(text, sentence, [x]) > 0;
  const cueIn = covering.filter((a) => a.cue?.some(within));
  const pick = cueIn.find(sourced) ?? cueIn[0];
  if (pick) {
    if (!sourced(pick)) return { cls: 'cueHereSourceless', a: pick };
    if (pick.source!.some(within)) return { cls: 'cueSourceHere', a: pick };
    return { cls: pick.source![0].start < sentence.start ? 'cueHereSourceBefore' : 'cueHereSourceAfter', a: pick };
  }
  const withCue = covering.filter((a) => a.cue?.length);
  const before = withCue.filter((a) => a.cue![0].start < sentence.start).sort((a, b) => b.cue![0].start - a.cue![0].start)[0];
  if (before) {
    if (!sourced(before)) return { cls: 'sourcelessElsewhere', a: before };
    const between = text.slice(before.cue![0].end, sentence.start);
    return { cls: /\n\s*\n/.test(between) ? 'cueBeforeParagraph' : 'cueBeforeSameParagraph', a: before };
  }
  const after = withCue.sort((a, b) => a.cue![0].start - b.cue![0].start)[0];
  if (after && sourced(after)) return { cls: 'cueAfter', a: after };
  return { cls: 'sourcelessElsewhere', a: after ?? covering[0] };
}

interface Tally {
  articles: number;
  sentences: number;
  claim: { flagged: number; right: number; unattributed: number; foundAny: number; subset: number; found: number };
  /** Why each wrong unattributed-claim flag is wrong: counts by WrongClaimClass. */
  wrong: Record<WrongClaimClass, number>;
  quote: { flagged: number; inSourced: number; inSourceless: number; outside: number };
  anon: { flagged: number; vague: number; sourceless: number; named: number; none: number };
  speakers: SpeakerCounts;
}

function newTally(): Tally {
  return {
    articles: 0,
    sentences: 0,
    claim: { flagged: 0, right: 0, unattributed: 0, foundAny: 0, subset: 0, found: 0 },
    wrong: Object.fromEntries(WRONG_CLASSES.map((c) => [c.key, 0])) as Record<WrongClaimClass, number>,
    quote: { flagged: 0, inSourced: 0, inSourceless: 0, outside: 0 },
    anon: { flagged: 0, vague: 0, sourceless: 0, named: 0, none: 0 },
    speakers: emptySpeakerCounts(),
  };
}

function addTally(into: Tally, t: Tally): void {
  into.articles += t.articles;
  into.sentences += t.sentences;
  for (const part of ['claim', 'wrong', 'quote', 'anon', 'speakers'] as const) {
    const a = into[part] as unknown as Record<string, number>;
    const b = t[part] as unknown as Record<string, number>;
    for (const k of Object.keys(a)) a[k] += b[k];
  }
}

const p = (n: number, of: number) => (of ? round(n / of) : null);

/** The headline figures of a tally (what the split table and the JSON report). */
function figures(t: Tally) {
  return {
    claimP: p(t.claim.right, t.claim.flagged),
    claimR: p(t.claim.found, t.claim.subset),
    quoteP: p(t.quote.inSourceless + t.quote.outside, t.quote.flagged),
    anonP: p(t.anon.vague + t.anon.sourceless, t.anon.flagged),
    speakerP: speakerPrecision(t.speakers) === null ? null : round(speakerPrecision(t.speakers)!),
    speakerR: speakerRecall(t.speakers) === null ? null : round(speakerRecall(t.speakers)!),
    speakerPN: speakerPrecisionNamed(t.speakers) === null ? null : round(speakerPrecisionNamed(t.speakers)!),
  };
}

async function runPolnear(ctx: RunContext): Promise<{ tables: Table[]; json: unknown }> {
  const manifest = JSON.parse(readFileSync(path.join(ctx.dir, 'manifest.json'), 'utf8')) as Manifest;
  let files = manifest.files;
  // dev/check by article (splitOf): --split dev|check analyses that split only; otherwise all, reported per split too.
  if (ctx.split === 'dev' || ctx.split === 'check') files = files.filter((f) => splitOf(f.name) === ctx.split);
  if (ctx.limit) files = seededSample(files, ctx.limit).sort((a, b) => a.name.localeCompare(b.name));
  const texts = new Map(files.map((f) => [f.name, readFileSync(path.join(ctx.dir, 'text', `${f.name}.txt`), 'utf8')]));
  const golds = new Map(files.map((f) => [f.name, JSON.parse(readFileSync(path.join(ctx.dir, 'gold', `${f.name}.json`), 'utf8')) as PolnearGold]));
  const started = Date.now();
  const { corpus: c, uriOf } = analyseTexts(
    files.map((f) => ({ name: `${f.name}.txt`, text: texts.get(f.name)!, meta: { outlet: PUBLISHERS[f.publisher] ?? f.publisher, published: /^\d{4}-\d\d-\d\d$/.test(f.date) ? f.date : undefined } })),
    '/eval-real/polnear',
  );
  ctx.log(`polnear: analysed ${files.length} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const total = newTally();
  const bySplit = { dev: newTally(), check: newTally() };
  const wrongExamples = Object.fromEntries(WRONG_CLASSES.map((c) => [c.key, [] as string[]])) as Record<WrongClaimClass, string[]>;
  const examples = { claimWrong: [] as string[], claimMissed: [] as string[], quoteWrong: [] as string[], anonWrong: [] as string[], speakerWrong: [] as string[] };
  const snippet = (t: string, s: Span) => JSON.stringify(t.slice(s.start, Math.min(s.end, s.start + 90)).replace(/\s+/g, ' '));
  // SOURCELENS_POLNEAR_DUMP=<file>: one JSON line per gold body sentence (flag, coverage, claim kind, why wrong), for
  // trying a rule change on the whole split offline. Holds article text: write it outside git.
  const dump: string[] | undefined = process.env.SOURCELENS_POLNEAR_DUMP ? [] : undefined;
  for (const f of files) {
    const t = newTally();
    const { claim, quote, anon } = t;
    const text = texts.get(f.name)!;
    const gold = golds.get(f.name)!;
    const uri = uriOf.get(`${f.name}.txt`)!;
    const findings = c.findings(uri);
    t.articles = 1;
    t.sentences = gold.sentences.length;
    const contents = gold.attributions.flatMap((a) => a.content ?? []);
    const covered = gold.sentences.map((s) => wordOverlap(text, s, contents) > 0);
    const bestSentence = (r: Span) => {
      let best = -1;
      let size = 0;
      gold.sentences.forEach((s, i) => {
        const o = Math.min(s.end, r.end) - Math.max(s.start, r.start);
        if (o > size) [best, size] = [i, o];
      });
      return best;
    };
    const claimFlags = findings.filter((x) => x.code === 'unattributed-claim');
    const titleEnd = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
    for (const fl of claimFlags) {
      claim.flagged++;
      const i = bestSentence(fl.range);
      if (i >= 0 && !covered[i]) {
        claim.right++;
        continue;
      }
      if (examples.claimWrong.length < ctx.examples) examples.claimWrong.push(`${f.name}: ${snippet(text, fl.range)}`);
      if (i < 0) continue;
      const s = gold.sentences[i];
      const covering = gold.attributions.filter((a) => wordOverlap(text, s, a.content) > 0);
      const { cls, a } = classifyWrongClaim(text, s, covering, titleEnd);
      t.wrong[cls]++;
      if (wrongExamples[cls].length < ctx.examples) {
        const span = (xs: Span[] | undefined) => (xs?.length ? snippet(text, { start: xs[0].start, end: xs[xs.length - 1].end }) : '–');
        wrongExamples[cls].push(`${f.name}: cue ${span(a?.cue)} source ${span(a?.source)} | ${snippet(text, s)}`);
      }
    }
    gold.sentences.forEach((s, i) => {
      // The title line is the headline's business (headline-* findings), not a body claim.
      if (covered[i] || s.start < titleEnd) return;
      claim.unattributed++;
      if (claimFlags.some((fl) => wordOverlap(text, s, [fl.range]) > 0)) claim.foundAny++;
      if (!carriesClaim(text.slice(s.start, s.end))) return;
      claim.subset++;
      if (claimFlags.some((fl) => wordOverlap(text, s, [fl.range]) > 0)) claim.found++;
      else if (examples.claimMissed.length < ctx.examples) examples.claimMissed.push(`${f.name}: ${snippet(text, s)}`);
    });
    if (dump) {
      gold.sentences.forEach((s, i) => {
        const flag = claimFlags.find((fl) => bestSentence(fl.range) === i);
        const covering = gold.attributions.filter((a) => wordOverlap(text, s, a.content) > 0);
        const why = covered[i] ? classifyWrongClaim(text, s, covering, titleEnd) : undefined;
        const spanText = (xs: Span[] | undefined) => (xs?.length ? text.slice(xs[0].start, xs[xs.length - 1].end) : null);
        const an = c.analysis(uri);
        let tagged: string | null = null;
        let ctxInfo: Record<string, unknown> | null = null;
        if (an) {
          const art = an.article;
          const si = art.sentences.findIndex((x) => x.range.end > s.start + 1);
          const ours = si >= 0 ? art.sentences[si] : undefined;
          if (ours) {
            const { starts, ends, pos } = art.tokens;
            const parts: string[] = [];
            for (let k = ours.firstToken; k < ours.firstToken + ours.tokenCount; k++) {
              const m = an.mentions.find((x) => x.range.start <= starts[k] && x.range.end >= ends[k]);
              parts.push(`${art.text.slice(starts[k], ends[k])}/${m ? (m.kind === 'person' ? 'PER' : m.kind === 'organisation' ? 'ORG' : POS_TAGS[pos[k]]) : POS_TAGS[pos[k]]}`);
            }
            tagged = parts.join(' ');
            const attributedSentences = new Set(an.sourcing.attributions.map((x) => x.sentence));
            const paraOf = (k: number) => art.sentences[k]?.paragraph;
            const sourcedPara = new Set(an.sourcing.attributions.map((x) => paraOf(x.sentence)));
            ctxInfo = { prevSentence: attributedSentences.has(si - 1), prevPara: sourcedPara.has(ours.paragraph - 1), nextPara: sourcedPara.has(ours.paragraph + 1), firstInPara: art.paragraphs[ours.paragraph]?.firstSentence === si, paraSentences: art.paragraphs[ours.paragraph]?.sentenceCount, share: an.sourcing.attributions.length / Math.max(1, art.sentences.length) };
          }
        }
        dump.push(JSON.stringify({ tagged, ctx: ctxInfo, file: f.name, i, title: s.start < titleEnd, text: text.slice(s.start, s.end), covered: covered[i], claim: carriesClaim(text.slice(s.start, s.end)), flagged: !!flag, overlapped: claimFlags.some((fl) => wordOverlap(text, s, [fl.range]) > 0), message: flag?.message ?? null, why: why?.cls ?? null, cue: spanText(why?.a?.cue), source: spanText(why?.a?.source) }));
      });
    }
    const sourcedContent = gold.attributions.filter(sourced).flatMap((a) => a.content ?? []);
    const sourcelessContent = gold.attributions.filter((a) => !sourced(a)).flatMap((a) => a.content ?? []);
    for (const fl of findings.filter((x) => x.code === 'quote-unattributed')) {
      quote.flagged++;
      const len = Math.max(1, fl.range.end - fl.range.start);
      if (charsInside(fl.range, sourcedContent) * 2 >= len) {
        quote.inSourced++;
        if (examples.quoteWrong.length < ctx.examples) examples.quoteWrong.push(`${f.name}: ${snippet(text, fl.range)}`);
      } else if (charsInside(fl.range, sourcelessContent) * 2 >= len) quote.inSourceless++;
      else quote.outside++;
    }
    for (const fl of findings.filter((x) => x.code === 'anonymous-source')) {
      anon.flagged++;
      const sources = gold.attributions.filter((a) => a.source?.some((s) => s.start < fl.range.end && fl.range.start < s.end));
      const i = bestSentence(fl.range);
      const sentence = i >= 0 ? gold.sentences[i] : fl.range;
      const sourceless = gold.attributions.some((a) => !sourced(a) && [...(a.cue ?? []), ...(a.content ?? [])].some((s) => s.start < sentence.end && sentence.start < s.end));
      if (sources.some((a) => isVagueSource(a.source!.map((s) => text.slice(s.start, s.end)).join(' ')))) anon.vague++;
      else if (sourceless) anon.sourceless++;
      else {
        if (sources.length) anon.named++;
        else anon.none++;
        if (examples.anonWrong.length < ctx.examples) examples.anonWrong.push(`${f.name}: ${snippet(text, fl.range)} in ${snippet(text, sentence)}`);
      }
    }
    const quotes = c.analysis(uri)?.sourcing.quotes ?? [];
    const sp = scoreSpeakers(text, gold.attributions, quotes, gold.coref);
    t.speakers = sp.counts;
    for (const e of sp.errors) {
      if (e.kind === 'missed' || examples.speakerWrong.length >= ctx.examples) continue;
      const source = e.source ? ` (annotated source ${snippet(text, { start: e.source[0].start, end: e.source[e.source.length - 1].end })})` : '';
      examples.speakerWrong.push(`${f.name}: ${e.kind}: speaker "${e.speaker}" for ${snippet(text, e.at)}${source}`);
    }
    addTally(total, t);
    addTally(bySplit[splitOf(f.name)], t);
  }
  if (dump) writeFileSync(process.env.SOURCELENS_POLNEAR_DUMP!, dump.join('\n') + '\n');
  const { claim, quote, anon, speakers, sentences } = total;
  const { claimP, claimR, quoteP, anonP, speakerP, speakerR, speakerPN } = figures(total);
  const splitFigures = { dev: figures(bySplit.dev), check: figures(bySplit.check) };
  const splits = (['dev', 'check'] as const).filter((s) => bySplit[s].articles > 0);
  const tables: Table[] = [
    {
      title: `PolNeAR sourcing findings (${files.length} train articles, ${sentences} CoreNLP sentences)`,
      columns: ['code', 'flags', 'per 100 sentences', 'precision', 'recall'],
      rows: [
        ['unattributed-claim', claim.flagged, per100(claim.flagged, sentences), claimP, claimR],
        ['quote-unattributed', quote.flagged, per100(quote.flagged, sentences), quoteP, null],
        ['anonymous-source', anon.flagged, per100(anon.flagged, sentences), anonP, null],
      ],
      note:
        `unattributed-claim recall over the ${claim.subset} body sentences no attribution covers that carry a number, casualty, accusation, causal or record claim (carriesClaim in polnear.ts); ` +
        `over all ${claim.unattributed} unattributed body sentences it is ${p(claim.foundAny, claim.unattributed)}`,
      examples: [...examples.claimWrong.map((e) => `claim flagged but attributed: ${e}`), ...examples.claimMissed.map((e) => `claim missed: ${e}`)],
    },
    {
      title: 'PolNeAR unattributed-claim: where the wrong flags fall (the gold attribution covering the flagged sentence)',
      columns: ['the covering attribution', 'count', 'share'],
      rows: WRONG_CLASSES.map((c) => [c.label, total.wrong[c.key], p(total.wrong[c.key], claim.flagged - claim.right)]),
      note: 'classifyWrongClaim in polnear.ts; cue in the sentence is taken first, then the nearest cue before it',
      examples: WRONG_CLASSES.flatMap((c) => wrongExamples[c.key].map((e) => `${c.key}: ${e}`)),
    },
    {
      title: 'PolNeAR quote-unattributed: where the flagged quotations are',
      columns: ['flagged quotation lies', 'count', 'verdict'],
      rows: [
        ['inside the content of an attribution with a source', quote.inSourced, 'wrong'],
        ['inside a sourceless attribution', quote.inSourceless, 'right'],
        ['in no attribution (unattributed, or a scare quote / title)', quote.outside, 'right'],
      ],
      examples: examples.quoteWrong.map((e) => `attributed: ${e}`),
    },
    {
      title: 'PolNeAR anonymous-source: what the flagged phrases are',
      columns: ['flagged phrase', 'count', 'verdict'],
      rows: [
        ['an annotated vague source', anon.vague, 'right'],
        ['in a sentence with a sourceless attribution', anon.sourceless, 'right'],
        ['an annotated named source', anon.named, 'wrong'],
        ['no attribution there', anon.none, 'wrong'],
      ],
      examples: examples.anonWrong.map((e) => `not anonymous: ${e}`),
    },
    {
      title: 'PolNeAR speaker attribution: is the speaker named for a quotation the annotated source?',
      columns: ['measure', 'count', 'precision', 'recall'],
      rows: [
        ['quotations with a named speaker', speakers.named, speakerP, speakerR],
        ['... whose annotated source names someone (no antecedent proxy)', speakers.named - speakers.rightAntecedent - speakers.wrongAntecedent, speakerPN, null],
        ['quote-unattributed flags (side by side)', quote.flagged, quoteP, null],
      ],
      note:
        `of ${speakers.quotes} quotations found, ${speakers.named} name a speaker; recall over the ${speakers.goldQuoted} attributions with a source whose content holds a quotation of 3+ words; ` +
        'right = the speaker overlaps the annotated source or shares a name token with it (speakers.ts)',
      examples: examples.speakerWrong,
    },
    {
      title: 'PolNeAR speaker attribution: where the named speakers and the quoted attributions fall',
      columns: ['case', 'count', 'verdict'],
      rows: [
        ['named speaker is the annotated source (span or name)', speakers.rightSource, 'right'],
        ['annotated source is a pronoun or description; speaker is its antecedent (in its CoreNLP chain, or the nearest earlier named source)', speakers.rightAntecedent, 'right'],
        ['named speaker is another person than the annotated source (a name)', speakers.wrongPerson, 'wrong'],
        ['annotated source is a pronoun or description; speaker is not its antecedent', speakers.wrongAntecedent, 'wrong'],
        ['speaker named for a quotation in a sourceless attribution', speakers.inSourceless, 'wrong'],
        ['speaker named for a quotation in no attribution', speakers.inNone, 'wrong'],
        ['quoted attribution: found, right speaker', speakers.foundRight, 'recall hit'],
        ['quoted attribution: found, wrong speaker', speakers.foundWrong, 'miss'],
        ['quoted attribution: found, no named speaker', speakers.foundNoSpeaker, 'miss'],
        ['quoted attribution: no quotation found in it', speakers.notFound, 'miss'],
      ],
    },
    // Every code's volume, loaded-term and loaded-label included (no gold for them: a reader's load, not a precision).
    findingsTable('PolNeAR findings per 100 articles', c, files.length),
    {
      title: 'PolNeAR figures by split (dev/check by article, splitOf in framework.ts)',
      columns: ['figure', ...splits],
      rows: [
        ['articles', ...splits.map((s) => bySplit[s].articles)],
        ['unattributed-claim P', ...splits.map((s) => splitFigures[s].claimP)],
        ['unattributed-claim R', ...splits.map((s) => splitFigures[s].claimR)],
        ['quote-unattributed P', ...splits.map((s) => splitFigures[s].quoteP)],
        ['quote-unattributed flags', ...splits.map((s) => bySplit[s].quote.flagged)],
        ['anonymous-source P', ...splits.map((s) => splitFigures[s].anonP)],
        ['speaker attribution P', ...splits.map((s) => splitFigures[s].speakerP)],
        ['speaker attribution P, named sources', ...splits.map((s) => splitFigures[s].speakerPN)],
        ['speaker attribution R', ...splits.map((s) => splitFigures[s].speakerR)],
      ],
      note: 'tune on dev (--split dev analyses dev only); look at check when a change is done',
    },
  ];
  const json = {
    articles: files.length,
    sentences,
    unattributedClaim: { ...claim, wrongBy: total.wrong, precision: claimP, recall: claimR, recallAllUnattributed: p(claim.foundAny, claim.unattributed), per100: per100(claim.flagged, sentences) },
    quoteUnattributed: { ...quote, precision: quoteP, per100: per100(quote.flagged, sentences) },
    anonymousSource: { ...anon, precision: anonP, per100: per100(anon.flagged, sentences) },
    speakerAttribution: { ...speakers, precision: speakerP, precisionNamedSources: speakerPN, recall: speakerR },
    splits: Object.fromEntries(splits.map((s) => [s, { articles: bySplit[s].articles, ...splitFigures[s] }])),
  };
  return { tables, json };
}

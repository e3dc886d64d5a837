// npm run eval [-- gold.yaml …]: scores the analysis against hand-made gold annotations (test/gold/*.yaml by default)
// and prints precision/recall per category. Each gold file names its corpus folder and, per article, what a careful
// reader marked by hand. Every section is optional, so gold can grow as capabilities land:
//
//   corpus: ../../samples          # folder, relative to the gold file
//   articles:
//     000-example.txt:
//       headline: "Exact headline text"   # or null when the article has none
//       published: 2016-11-26             # or null when no date can be known
//       boilerplate:                      # every boilerplate line, trimmed, exactly as in the file
//         - "Share this article"
//
//       people:                           # every person mentioned (by name), with the title used first, if any
//         - { name: Mevlut Cavusoglu, title: foreign minister }
//       places: [Tehran, Turkey]          # places and organisations by name (demonyms count as the country)
//       organisations: [IRNA]
//       unattributed: ["The war has killed"]   # start of each sentence that makes a claim nobody is cited for
//       headlineIssues: []                # the headline findings a careful editor would raise (headline-unsupported,
//                                         # headline-overstated); [] when the body supports the headline
//       speakers:                         # quotations: a few words inside the quote, and who said it
//         - { quote: "critical situation", speaker: Rouhani }
//   meetings:                         # real-world meetings, each with the accounts that report it
//     - label: Kendrow–Brisk, Ankara, Tuesday
//       accounts:
//         - { file: 01-ledger.txt, text: "met Marnish Prime Minister" }   # text inside the account's first sentence
//
// Scores: headline and published are accuracy over the articles that give them; boilerplate is line-level
// precision/recall/F1 over all articles; meetings are scored on the gold accounts: account detection recall,
// pairwise precision/recall of "same meeting" links, and B³ precision/recall/F1 of the clustering.
// Exit code 0 always (it measures; CI gates live in the tests).

import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { Corpus } from '../core/corpus';
import { Article } from '../core/types';
import { DEFAULT_GLOBS } from '../host/discover';
import { indexRoots } from '../host/indexer';
import { SourcesCache } from '../host/loader';
import { uriToPath } from '../host/uris';
import { foldText } from '../core/fold';
import { countryOf } from '../core/meetings/places';

const REPO = path.resolve(__dirname, '..');

interface GoldArticle {
  headline?: string | null;
  published?: string | null;
  boilerplate?: string[];
  people?: { name: string; title?: string }[];
  places?: string[];
  organisations?: string[];
  unattributed?: string[];
  speakers?: { quote: string; speaker: string | null }[];
  headlineIssues?: string[];
}

interface GoldFile {
  corpus: string;
  articles?: Record<string, GoldArticle>;
  meetings?: { label: string; accounts: { file: string; text: string }[] }[];
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  category: string;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  support: number;
  errors: string[];
}

export function prf(category: string, t: Tally, errors: string[]): Score {
  const precision = t.tp + t.fp ? t.tp / (t.tp + t.fp) : null;
  const recall = t.tp + t.fn ? t.tp / (t.tp + t.fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return { category, precision, recall, f1, support: t.tp + t.fn, errors };
}

function accuracy(category: string, results: { ok: boolean; error: string }[]): Score {
  const ok = results.filter((r) => r.ok).length;
  const value = results.length ? ok / results.length : null;
  return { category, precision: value, recall: value, f1: value, support: results.length, errors: results.filter((r) => !r.ok).map((r) => r.error) };
}

/** Set precision/recall on names, compared folded and case-insensitively; a gold name matches any alias. */
function scoreNames(category: string, pairs: { name: string; gold: string[]; got: string[] }[]): Score {
  const t: Tally = { tp: 0, fp: 0, fn: 0 };
  const errors: string[] = [];
  const key = (x: string) => foldText(x).toLowerCase().replace(/['’]s$/, '').replace(/\b(?:al|el)-/g, '').trim();
  for (const { name, gold, got } of pairs) {
    const g = new Set(gold.map(key));
    const s = new Set(got.map(key));
    for (const x of s) {
      if (g.has(x)) t.tp++;
      else {
        t.fp++;
        errors.push(`${name}: extra ${x}`);
      }
    }
    for (const x of g) {
      if (!s.has(x)) {
        t.fn++;
        errors.push(`${name}: missed ${x}`);
      }
    }
  }
  return prf(category, t, errors);
}

async function loadCorpus(folder: string): Promise<{ corpus: Corpus; articles: Map<string, Article> }> {
  const corpus = new Corpus();
  await indexRoots([folder], corpus, new SourcesCache(), { globs: DEFAULT_GLOBS, load: { maxFileSizeMB: 5 } });
  return { corpus, articles: new Map(corpus.list().map((a) => [path.relative(folder, uriToPath(a.uri) ?? a.uri), a])) };
}

/** Pairwise and B³ scores of the system's meeting clusters over the gold accounts. */
function scoreMeetings(gold: NonNullable<GoldFile['meetings']>, corpus: Corpus, articles: Map<string, Article>): Score[] {
  const index = corpus.meetings();
  const goldOf = new Map<string, number>(); // gold account key -> gold cluster
  const systemOf = new Map<string, string>(); // gold account key -> system meeting id (or a singleton id when missed)
  const errors: string[] = [];
  let found = 0;
  gold.forEach((meeting, g) => {
    for (const account of meeting.accounts) {
      const key = `${account.file}: ${account.text}`;
      goldOf.set(key, g);
      const article = articles.get(account.file);
      const at = article ? article.text.indexOf(account.text) : -1;
      const hit = article && at >= 0 ? index.at(article.uri, at) : undefined;
      if (hit) {
        found++;
        systemOf.set(key, hit.meeting.id);
      } else {
        systemOf.set(key, `missed:${key}`);
        errors.push(`${key}: no account found (${meeting.label})`);
      }
    }
  });
  const keys = [...goldOf.keys()];
  const pairs: Tally = { tp: 0, fp: 0, fn: 0 };
  const pairErrors: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const sameGold = goldOf.get(keys[i]) === goldOf.get(keys[j]);
      const sameSystem = systemOf.get(keys[i]) === systemOf.get(keys[j]);
      if (sameGold && sameSystem) pairs.tp++;
      else if (sameSystem) {
        pairs.fp++;
        pairErrors.push(`merged: ${keys[i]} + ${keys[j]}`);
      } else if (sameGold) {
        pairs.fn++;
        pairErrors.push(`split: ${keys[i]} / ${keys[j]}`);
      }
    }
  }
  let bp = 0;
  let br = 0;
  for (const k of keys) {
    const sys = keys.filter((x) => systemOf.get(x) === systemOf.get(k));
    const gld = keys.filter((x) => goldOf.get(x) === goldOf.get(k));
    const both = sys.filter((x) => goldOf.get(x) === goldOf.get(k)).length;
    bp += both / sys.length;
    br += both / gld.length;
  }
  const b3p = keys.length ? bp / keys.length : null;
  const b3r = keys.length ? br / keys.length : null;
  const b3f = b3p !== null && b3r !== null && b3p + b3r > 0 ? (2 * b3p * b3r) / (b3p + b3r) : null;
  return [
    { category: 'meeting accounts', precision: null, recall: keys.length ? found / keys.length : null, f1: null, support: keys.length, errors },
    prf('meeting pairs', pairs, pairErrors),
    { category: 'meetings B³', precision: b3p, recall: b3r, f1: b3f, support: keys.length, errors: [] },
  ];
}

export async function evaluate(goldPath: string): Promise<Score[]> {
  const gold = parse(readFileSync(goldPath, 'utf8')) as GoldFile;
  const folder = path.resolve(path.dirname(goldPath), gold.corpus);
  const { corpus, articles } = await loadCorpus(folder);
  const headlines: { ok: boolean; error: string }[] = [];
  const dates: { ok: boolean; error: string }[] = [];
  const boilerplate: Tally = { tp: 0, fp: 0, fn: 0 };
  const boilerplateErrors: string[] = [];
  for (const [name, expected] of Object.entries(gold.articles ?? {})) {
    const article = articles.get(name);
    if (!article) {
      headlines.push({ ok: false, error: `${name}: not in the corpus` });
      continue;
    }
    if (expected.headline !== undefined) {
      const got = article.headline?.text ?? null;
      headlines.push({ ok: got === expected.headline, error: `${name}: headline ${JSON.stringify(got)}, gold ${JSON.stringify(expected.headline)}` });
    }
    if (expected.published !== undefined) {
      const want = expected.published === null ? null : String(expected.published);
      const got = article.published?.iso ?? null;
      dates.push({ ok: got === want, error: `${name}: published ${got}, gold ${want}` });
    }
    if (expected.boilerplate) {
      const want = expected.boilerplate.map((l) => l.trim());
      const got = article.boilerplate.filter((b) => b.kind !== 'front-matter').map((b) => article.text.slice(b.range.start, b.range.end).trim());
      const remaining = [...want];
      for (const line of got) {
        const i = remaining.indexOf(line);
        if (i >= 0) {
          boilerplate.tp++;
          remaining.splice(i, 1);
        } else {
          boilerplate.fp++;
          boilerplateErrors.push(`${name}: false boilerplate ${JSON.stringify(line)}`);
        }
      }
      boilerplate.fn += remaining.length;
      for (const line of remaining) boilerplateErrors.push(`${name}: missed boilerplate ${JSON.stringify(line)}`);
    }
  }
  const scores = [accuracy('headline', headlines), accuracy('published', dates), prf('boilerplate lines', boilerplate, boilerplateErrors)];
  scores.push(...scoreEntitiesAndSourcing(gold, corpus, articles));
  if (gold.meetings) scores.push(...scoreMeetings(gold.meetings, corpus, articles));
  return scores.filter((s) => s.support > 0);
}

/** People (by canonical or any spelling), titles, places, organisations, unattributed claims and quote speakers. */
function scoreEntitiesAndSourcing(gold: GoldFile, corpus: Corpus, articles: Map<string, Article>): Score[] {
  const people: { name: string; gold: string[]; got: string[] }[] = [];
  const places: typeof people = [];
  const orgs: typeof people = [];
  const titles: { ok: boolean; error: string }[] = [];
  const claims: Tally = { tp: 0, fp: 0, fn: 0 };
  const claimErrors: string[] = [];
  const speakers: Tally = { tp: 0, fp: 0, fn: 0 };
  const speakerErrors: string[] = [];
  const headlineIssues: Tally = { tp: 0, fp: 0, fn: 0 };
  const headlineErrors: string[] = [];
  for (const [name, expected] of Object.entries(gold.articles ?? {})) {
    const article = articles.get(name);
    const analysis = article && corpus.analysis(article.uri);
    if (!analysis) continue;
    const entities = corpus.entities();
    const mentions = analysis.mentions.filter((m) => m.confidence >= 0.6 || entities.of(m));
    const canonical = (kind: string) => [...new Set(mentions.filter((m) => m.kind === kind && !m.descriptive).map((m) => (kind === 'person' ? entities.of(m)?.canonical ?? m.text : kind === 'place' ? countryOf(m.text) ?? m.text : m.text)))];
    if (expected.people) {
      // A gold person is found when any recognised spelling of theirs matches (surname keys fold diacritics).
      const got = canonical('person');
      const goldNames = expected.people.map((p) => p.name);
      const surname = (x: string) => foldText(x).toLowerCase().split(/\s+/).pop()!.replace(/^(?:al|el)-/, '');
      const matched = got.map((g) => goldNames.find((n) => surname(n) === surname(g)) ?? g);
      people.push({ name, gold: goldNames, got: matched });
      for (const p of expected.people) {
        if (!p.title) continue;
        const m = mentions.find((x) => x.kind === 'person' && x.role?.office && surname(entities.of(x)?.canonical ?? x.text) === surname(p.name));
        titles.push({ ok: m?.role?.office === p.title, error: `${name}: ${p.name} title ${m?.role?.office ?? 'none'}, gold ${p.title}` });
      }
    }
    if (expected.places) places.push({ name, gold: expected.places.map((p) => countryOf(p) ?? p), got: canonical('place') });
    if (expected.organisations) orgs.push({ name, gold: expected.organisations, got: canonical('organisation') });
    if (expected.unattributed) {
      const flagged = corpus.findings(analysis.article.uri).filter((f) => f.code === 'unattributed-claim').map((f) => analysis.article.text.slice(f.range.start, f.range.end));
      const want = [...expected.unattributed];
      for (const f of flagged) {
        const i = want.findIndex((w) => f.startsWith(w));
        if (i >= 0) {
          claims.tp++;
          want.splice(i, 1);
        } else {
          claims.fp++;
          claimErrors.push(`${name}: flagged “${f.slice(0, 60)}”`);
        }
      }
      claims.fn += want.length;
      for (const w of want) claimErrors.push(`${name}: missed “${w}”`);
    }
    if (expected.headlineIssues) {
      const got = [...new Set(corpus.findings(analysis.article.uri).filter((f) => f.code.startsWith('headline-')).map((f): string => f.code))];
      for (const code of got) {
        if (expected.headlineIssues.includes(code)) headlineIssues.tp++;
        else {
          headlineIssues.fp++;
          headlineErrors.push(`${name}: raised ${code}`);
        }
      }
      for (const code of expected.headlineIssues) {
        if (!got.includes(code)) {
          headlineIssues.fn++;
          headlineErrors.push(`${name}: missed ${code}`);
        }
      }
    }
    for (const sp of expected.speakers ?? []) {
      const q = analysis.sourcing.quotes.find((x) => x.content.includes(sp.quote));
      const got = q?.speaker?.name ?? null;
      // The speaker matches by surname (entity key) or by name, so "Cavusoglu" and "the top Turkish diplomat" both count.
      const want = sp.speaker ? foldText(sp.speaker).toLowerCase().split(/\s+/).pop()! : '';
      const ok = !!got && !!sp.speaker && (q!.speaker!.key?.endsWith(`:${want}`) || foldText(got).toLowerCase().includes(want));
      if (ok) speakers.tp++;
      else {
        if (got) speakers.fp++;
        if (sp.speaker) speakers.fn++;
        speakerErrors.push(`${name}: “${sp.quote}” → ${got ?? 'no speaker'}, gold ${sp.speaker ?? 'none'}`);
      }
    }
  }
  return [
    scoreNames('people', people),
    accuracy('titles (office)', titles),
    scoreNames('places', places),
    scoreNames('organisations', orgs),
    prf('unattributed-claim', claims, claimErrors),
    prf('quote speakers', speakers, speakerErrors),
    prf('headline findings', headlineIssues, headlineErrors),
  ];
}

function pct(x: number | null): string {
  return x === null ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const goldDir = path.join(REPO, 'test', 'gold');
  const files = args.length ? args.map((a) => path.resolve(a)) : readdirSync(goldDir).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(goldDir, f));
  const report: Record<string, Score[]> = {};
  for (const file of files) {
    const scores = await evaluate(file);
    report[path.basename(file)] = scores;
    console.log(`\n${path.basename(file)}`);
    console.log('  category              precision  recall     F1   support');
    for (const s of scores) {
      console.log(`  ${s.category.padEnd(20)}  ${pct(s.precision)}   ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.support).padStart(6)}`);
      for (const e of s.errors.slice(0, 10)) console.log(`      - ${e}`);
    }
  }
  mkdirSync(path.join(REPO, 'test-results'), { recursive: true });
  writeFileSync(path.join(REPO, 'test-results', 'eval.json'), JSON.stringify(report, null, 2));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

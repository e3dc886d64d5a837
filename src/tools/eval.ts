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
// Scores: headline and published are accuracy over the articles that give them; boilerplate is line-level
// precision/recall/F1 over all articles. Exit code 0 always (it measures; CI gates live in the tests).

import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { Corpus } from '../server/analysis/corpus';
import { Article } from '../server/analysis/types';
import { DEFAULT_GLOBS } from '../server/io/discover';
import { indexRoots } from '../server/io/indexer';
import { SourcesCache } from '../server/io/loader';
import { uriToPath } from '../server/io/uris';

const REPO = path.resolve(__dirname, '..');

interface GoldArticle {
  headline?: string | null;
  published?: string | null;
  boilerplate?: string[];
}

interface GoldFile {
  corpus: string;
  articles: Record<string, GoldArticle>;
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

async function loadCorpus(folder: string): Promise<Map<string, Article>> {
  const corpus = new Corpus();
  await indexRoots([folder], corpus, new SourcesCache(), { globs: DEFAULT_GLOBS, load: { maxFileSizeMB: 5 } });
  return new Map(corpus.list().map((a) => [path.relative(folder, uriToPath(a.uri) ?? a.uri), a]));
}

export async function evaluate(goldPath: string): Promise<Score[]> {
  const gold = parse(readFileSync(goldPath, 'utf8')) as GoldFile;
  const folder = path.resolve(path.dirname(goldPath), gold.corpus);
  const articles = await loadCorpus(folder);
  const headlines: { ok: boolean; error: string }[] = [];
  const dates: { ok: boolean; error: string }[] = [];
  const boilerplate: Tally = { tp: 0, fp: 0, fn: 0 };
  const boilerplateErrors: string[] = [];
  for (const [name, expected] of Object.entries(gold.articles)) {
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
  return [accuracy('headline', headlines), accuracy('published', dates), prf('boilerplate lines', boilerplate, boilerplateErrors)];
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

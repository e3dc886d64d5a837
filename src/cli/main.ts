#!/usr/bin/env node
// sourcelens check|articles [paths…]: the same analysis as the editor, for the terminal and CI.

import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Analyser } from '../host/analyser';
import { AnalysisCache } from '../host/cache';
import { AnalysisPool } from '../host/pool';
import { loadKnowledge } from '../host/knowledge';
import { loadSuppressions } from '../host/suppressions';
import { Corpus } from '../core/corpus';
import { isRuleLevel, RuleSettings } from '../core/config';
import { Article, Finding } from '../core/types';
import { DEFAULT_GLOBS } from '../host/discover';
import { indexRoots, sourcesFindings } from '../host/indexer';
import { SourcesCache } from '../host/loader';
import { exitCodeFor, FailOn } from './exitCode';
import { displayPath, formatJson, formatSarif, formatText, locate } from './format';
import { LineIndex } from '../core/lines';
import { summariseMeeting } from '../server/features/meetings';
import { coverageData } from '../core/coverage';
import { compareMeeting } from '../core/meetings/compare';
import { coverageHtml } from '../host/coverageHtml';
import { writeFileSync } from 'node:fs';

const VERSION = '0.1.0';

const USAGE = `Usage:
  sourcelens check [paths…] [--format text|json|sarif] [--fail-on error|warning|info|never]
                   [--rule CODE=LEVEL]… [--max-file-size MB] [--include GLOB]… [--exclude GLOB]…
                   [--jobs N] [--cache DIR]
  sourcelens articles [paths…] [--format text|json]
  sourcelens meetings [paths…] [--format text|json]
  sourcelens compare [paths…] [--format text|json]   (each meeting two or more outlets report, aligned side by side)
  sourcelens report [paths…] [--format html|json] [--out FILE]   (the coverage page: one self-contained HTML file)

Paths are folders or files (default: the current folder). Rule levels: error, warning, information, hint, off;
CODE may be a family such as structure/*. --jobs: worker threads (default: one per core, at most 4; 1 = none).
--cache: keep per-article analyses in DIR so a re-run only analyses changed files.
Exit codes: 0 no finding at or above --fail-on (default: error), 1 findings at or above it, 2 usage error.`;


interface CliOptions {
  command: 'check' | 'articles' | 'meetings' | 'report' | 'compare';
  paths: string[];
  format: 'text' | 'json' | 'sarif' | 'html';
  out?: string;
  failOn: FailOn;
  rules: RuleSettings;
  maxFileSizeMB: number;
  include: string[];
  exclude: string[];
  jobs: number;
  cache?: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): CliOptions {
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'articles' && command !== 'meetings' && command !== 'report' && command !== 'compare') throw new UsageError(command ? `Unknown command: ${command}` : 'No command given');
  const options: CliOptions = { command, paths: [], format: 'text', failOn: 'error', rules: {}, maxFileSizeMB: 5, include: [], exclude: [], jobs: 0 };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif' && f !== 'html') throw new UsageError(`Unknown format: ${f}`);
        options.format = f;
        break;
      }
      case '--fail-on': {
        const f = value();
        if (!['error', 'warning', 'info', 'never'].includes(f)) throw new UsageError(`Unknown --fail-on level: ${f}`);
        options.failOn = f as FailOn;
        break;
      }
      case '--rule': {
        const [code, level] = value().split('=');
        if (!code || !isRuleLevel(level)) throw new UsageError('--rule takes CODE=LEVEL (error|warning|information|hint|off)');
        options.rules[code] = level;
        break;
      }
      case '--max-file-size':
        options.maxFileSizeMB = Number(value());
        if (!(options.maxFileSizeMB > 0)) throw new UsageError('--max-file-size takes a positive number of MB');
        break;
      case '--jobs':
        options.jobs = Number(value());
        if (!Number.isInteger(options.jobs) || options.jobs < 0) throw new UsageError('--jobs takes a whole number (0 = automatic)');
        break;
      case '--out':
        options.out = value();
        break;
      case '--cache':
        options.cache = value();
        break;
      case '--include':
        options.include.push(value());
        break;
      case '--exclude':
        options.exclude.push(value());
        break;
      case '-h':
      case '--help':
        throw new UsageError('');
      default:
        if (arg.startsWith('-')) throw new UsageError(`Unknown option: ${arg}`);
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) options.paths.push('.');
  if (options.command === 'report' && options.format === 'text') options.format = 'html';
  if (options.format === 'html' && options.command !== 'report') throw new UsageError('--format html is for `report`');
  if (options.command === 'report' && options.format === 'sarif') throw new UsageError('`report` takes --format html or json');
  return options;
}


async function run(options: CliOptions): Promise<number> {
  const cwd = process.cwd();
  const corpus = new Corpus();
  corpus.setRules(options.rules);
  const sources = new SourcesCache();
  const globs = {
    include: options.include.length ? options.include : DEFAULT_GLOBS.include,
    exclude: [...DEFAULT_GLOBS.exclude, ...options.exclude],
  };
  const roots = options.paths.map((p) => path.resolve(cwd, p));
  corpus.setKnowledge(loadKnowledge([...roots, cwd]));
  corpus.setSuppressions(loadSuppressions([...roots, cwd]));
  // The main thread only reads files while workers analyse, so the CLI uses every core.
  const jobs = options.jobs || Math.min(4, availableParallelism());
  const analyser = new Analyser(
    jobs > 1 ? new AnalysisPool(path.join(__dirname, 'worker.js'), jobs) : undefined,
    options.cache ? new AnalysisCache(path.resolve(cwd, options.cache), (m) => process.stderr.write(`sourcelens: ${m}\n`)) : undefined,
  );
  const result = await indexRoots(roots, corpus, sources, {
    globs,
    load: { maxFileSizeMB: options.maxFileSizeMB },
    log: (m) => process.stderr.write(`sourcelens: ${m}\n`),
    analyser,
  });
  await analyser.close();
  if (result.files === 0) process.stderr.write(`sourcelens: no article files (${globs.include.join(', ')}) under ${options.paths.join(', ')}\n`);

  const articles = new Map(corpus.list().map((a) => [a.uri, a]));
  if (options.command === 'articles') {
    process.stdout.write(renderArticles(corpus.list(), options.format, cwd) + '\n');
    return 0;
  }
  if (options.command === 'report') {
    const data = coverageData(corpus);
    const output = options.format === 'json' ? JSON.stringify(data, null, 2) : coverageHtml(data, { title: `Sourcelens coverage: ${options.paths.join(', ')}` });
    if (options.out) {
      writeFileSync(path.resolve(cwd, options.out), output);
      process.stderr.write(`sourcelens: wrote ${options.out}\n`);
    } else process.stdout.write(output + '\n');
    return 0;
  }
  if (options.command === 'compare') {
    const comparisons = corpus.meetings().all().map((m) => compareMeeting(m, corpus)).filter((c) => c.columns.length > 1);
    if (options.format === 'json') process.stdout.write(JSON.stringify(comparisons, null, 2) + '\n');
    else {
      for (const c of comparisons) {
        process.stdout.write(`${c.label}\n  ${c.columns.map((col) => col.outlet ?? col.name).join(' | ')}\n`);
        for (const r of c.rows) process.stdout.write(`  ${r.disagreement ? '≠' : ' '} ${r.label}: ${r.cells.map((cell) => cell.value ?? cell.passages.map((p) => p.text).join('; ') ?? '—').map((v) => v || '—').join(' | ')}\n`);
      }
      process.stdout.write(`${comparisons.length} meeting(s) reported by two or more outlets\n`);
    }
    return 0;
  }
  if (options.command === 'meetings') {
    process.stdout.write(renderMeetings(corpus, options.format, cwd) + '\n');
    return 0;
  }
  const findings: Finding[] = [];
  for (const [, list] of corpus.allFindings()) findings.push(...list);
  const sourceProblems = await sourcesFindings(sources);
  findings.push(...sourceProblems);
  // sources.yaml files are not articles; give the locator their text so positions are right.
  for (const loaded of await sources.all()) articles.set(loaded.uri, { text: loaded.text } as Article);
  const located = locate(findings, articles, cwd);
  const output =
    options.format === 'json' ? formatJson(located) : options.format === 'sarif' ? formatSarif(located, articles, VERSION) : formatText(located);
  process.stdout.write(output + '\n');
  return exitCodeFor(findings, options.failOn);
}

function renderArticles(list: Article[], format: string, cwd: string): string {
  const rows = list.map((a) => ({
    file: displayPath(a.uri, cwd),
    outlet: a.meta.outlet ?? null,
    published: a.published?.iso ?? null,
    publishedFrom: a.published?.how ?? null,
    headline: a.headline?.text ?? null,
    words: a.wordCount,
    paragraphs: a.paragraphs.length,
    sentences: a.sentences.length,
    boilerplate: a.boilerplate.map((b) => ({ kind: b.kind, line: new LineIndex(a.text).positionAt(b.range.start).line + 1, text: a.text.slice(b.range.start, b.range.end).slice(0, 80) })),
    problems: a.problems.map((p) => p.message),
  }));
  if (format === 'json') return JSON.stringify(rows, null, 2);
  const out: string[] = [];
  for (const r of rows) {
    out.push(`${r.file}`);
    out.push(`  outlet: ${r.outlet ?? '(unknown)'}   published: ${r.published ? `${r.published} (from ${r.publishedFrom})` : '(unknown)'}`);
    out.push(`  headline: ${r.headline ?? '(none found)'}`);
    out.push(`  ${r.words} words, ${r.paragraphs} paragraphs, ${r.sentences} sentences`);
    const kinds = countKinds(r.boilerplate.map((b) => b.kind));
    out.push(`  boilerplate: ${kinds || 'none'}`);
    for (const p of r.problems) out.push(`  problem: ${p}`);
  }
  out.push(`${rows.length} article(s)`);
  return out.join('\n');
}

function renderMeetings(corpus: Corpus, format: string, cwd: string): string {
  const meetings = corpus.meetings().all().map((m) => summariseMeeting(m, corpus));
  if (format === 'json') return JSON.stringify(meetings, null, 2);
  const out: string[] = [];
  for (const m of meetings) {
    out.push(`${m.label}${m.kind !== 'meeting' ? ` [${m.kind}]` : ''}${m.status !== 'past' ? ` [${m.status}]` : ''}`);
    for (const p of m.participants) {
      const titles = [...new Set(p.titles.map((t) => `${t.title} (${t.outlet ?? t.name})`))];
      out.push(`  participant: ${p.name}${titles.length ? ` — ${titles.join('; ')}` : ''}`);
    }
    for (const a of m.accounts) {
      out.push(`  account: ${a.outlet ?? 'unknown outlet'} — ${displayPath(a.uri, cwd)}:${a.range.start.line + 1}  “${a.firstWords}”`);
      if (a.headline) out.push(`    headline: ${a.headline}`);
    }
    for (const c of m.conflicts) out.push(`  conflict: ${c.code} ${c.message}`);
  }
  out.push(`${meetings.length} meeting(s)`);
  return out.join('\n');
}

function countKinds(kinds: string[]): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ×${n}`).join(', ');
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) process.stderr.write(`sourcelens: ${error.message}\n\n`);
      process.stderr.write(USAGE + '\n');
      process.exitCode = error.message ? 2 : 0;
      return;
    }
    throw error;
  }
  process.exitCode = await run(options);
}

main().catch((error) => {
  process.stderr.write(`sourcelens: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});


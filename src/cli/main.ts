#!/usr/bin/env node
// sourcelens check|articles|meetings|import [paths…]: the same analysis as the editor, for the terminal and CI.

import { availableParallelism } from 'node:os';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Analyser } from '../host/analyser';
import { AnalysisCache } from '../host/cache';
import { AnalysisPool } from '../host/pool';
import { loadKnowledge } from '../host/knowledge';
import { loadSuppressions } from '../host/suppressions';
import { Corpus } from '../core/corpus';
import { Article, Finding } from '../core/types';
import { DEFAULT_GLOBS } from '../host/discover';
import { indexRoots, linkFindings, sourcesFindings } from '../host/indexer';
import { SourcesCache } from '../host/loader';
import { exitCodeFor } from './exitCode';
import { displayPath, formatJson, formatSarif, formatText, locate, terminalSafe } from './format';
import { LineIndex } from '../core/lines';
import { fileUri } from '../host/uris';
import { CliOptions, parseArgs, usage, UsageError } from './args';
import { findPages, importPage, ImportOutcome } from '../host/pages';
import { version } from '../../package.json';
import { summariseMeeting } from '../host/summaries';
import { coverageData } from '../core/coverage';
import { compareMeeting } from '../core/meetings/compare';
import { compareEvent } from '../core/events/compare';
import { coverageHtml } from '../host/coverageHtml';

const VERSION: string = version;


/** A message on stderr; paths in it may hold control or bidi characters (file names), so it is made terminal-safe. */
function warn(message: string): void {
  process.stderr.write(`sourcelens: ${terminalSafe(message)}\n`);
}
async function run(options: CliOptions): Promise<number> {
  const cwd = process.cwd();
  const missing = options.paths.filter((p) => !existsSync(path.resolve(cwd, p)));
  if (missing.length) throw new InputError(`no such file or folder: ${missing.join(', ')}`);
  if (options.command === 'import') return runImport(options);
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
    options.cache ? new AnalysisCache(path.resolve(cwd, options.cache), (m) => warn(m)) : undefined,
  );
  const result = await indexRoots(roots, corpus, sources, {
    globs,
    load: { maxFileSizeMB: options.maxFileSizeMB, followLinksOutside: options.followLinksOutside },
    log: (m) => {
      if (!options.quiet) warn(m);
    },
    analyser,
  });
  await analyser.close();
  // A folder with nothing to analyse is an input error, not a clean run: CI must not pass on an empty checkout.
  const pending = corpus.list().filter((a) => a.problems.some((p) => p.code === 'structure/page-not-imported')).length;
  if (corpus.list().length - pending === 0) {
    if (pending) {
      const where = options.paths.join(' ');
      throw new InputError(`no articles to analyse under ${options.paths.join(', ')}: ${pending} saved page(s) are not imported yet. Run: sourcelens import ${where}`);
    }
    throw new InputError(`no articles under ${options.paths.join(', ')} (files matching ${globs.include.join(', ')}${result.files ? '; the saved pages there hold no article' : ''})`);
  }

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
      if (!options.quiet) warn(`wrote ${options.out}`);
    } else process.stdout.write(output + '\n');
    return 0;
  }
  if (options.command === 'compare') {
    // Meetings first, then the stories (events) two or more outlets report: the same shape, kind 'event'.
    const meetings = corpus.meetings().all().map((m) => compareMeeting(m, corpus)).filter((c) => c.columns.length > 1);
    const events = corpus.events().all().filter((e) => e.uris.length > 1).map((e) => compareEvent(e, corpus)).filter((c) => c.columns.length > 1);
    const comparisons = [...meetings, ...events];
    if (options.format === 'json') process.stdout.write(JSON.stringify(comparisons, null, 2) + '\n');
    else {
      for (const c of comparisons) {
        process.stdout.write(`${c.kind === 'event' ? 'Event: ' : ''}${c.label}\n  ${c.columns.map((col) => col.outlet ?? col.name).join(' | ')}\n`);
        for (const r of c.rows) process.stdout.write(`  ${r.disagreement ? '≠' : ' '} ${r.label}: ${r.cells.map((cell) => cell.value || cell.passages.map((p) => p.text).join('; ') || '—').join(' | ')}\n`);
      }
      process.stdout.write(`${meetings.length} meeting(s) and ${events.length} other stories reported by two or more outlets\n`);
    }
    return 0;
  }
  if (options.command === 'meetings') {
    process.stdout.write(renderMeetings(corpus, options.format, cwd, options) + '\n');
    return 0;
  }
  const findings: Finding[] = [];
  // Loops, not push(...): one file of 130,000 boilerplate lines has more findings than a call can take arguments.
  for (const [, list] of corpus.allFindings()) for (const f of list) findings.push(f);
  for (const f of await sourcesFindings(sources)) findings.push(f);
  for (const f of linkFindings(result.skipped, roots, options.rules)) findings.push(f);
  // sources.yaml files are not articles; give the locator their text so positions are right.
  for (const loaded of await sources.all()) articles.set(loaded.uri, { text: loaded.text } as Article);
  // Hints are editor decorations (faded boilerplate, missing titles): text output leaves them out unless asked.
  const shown = options.format === 'text' && !options.includeHints ? findings.filter((f) => f.severity !== 'hint') : findings;
  const located = locate(shown, articles, cwd);
  const output =
    options.format === 'json'
      ? formatJson(located)
      : options.format === 'sarif'
        ? formatSarif(located, articles, VERSION)
        : formatText(located, { summary: !options.quiet, hiddenHints: findings.length - shown.length });
  if (output) process.stdout.write(output + '\n');
  return exitCodeFor(findings, options.failOn);
}

/** sourcelens import: each saved page to a readable .md beside it (or in --out). */
async function runImport(options: CliOptions): Promise<number> {
  const cwd = process.cwd();
  const { pages } = await findPages(options.paths.map((p) => path.resolve(cwd, p)));
  if (pages.length === 0) throw new InputError(`no saved web pages (.html, .htm) under ${options.paths.join(', ')}`);
  const outcomes: ImportOutcome[] = [];
  for (const page of pages) {
    const outcome = await importPage(page, { outDir: options.out ? path.resolve(cwd, options.out) : undefined, force: options.force, version: VERSION });
    outcomes.push(outcome);
    const shownPath = displayPath(fileUri(page), cwd);
    const line = outcome.status === 'created' || outcome.status === 'updated'
      ? `${shownPath} -> ${displayPath(fileUri(outcome.target), cwd)}: ${outcome.message}`
      : `${shownPath}: ${outcome.message}`;
    if (!options.quiet || (outcome.status !== 'created' && outcome.status !== 'updated' && outcome.status !== 'unchanged')) process.stdout.write(line + '\n');
  }
  const count = (...statuses: ImportOutcome['status'][]) => outcomes.filter((o) => statuses.includes(o.status)).length;
  const written = count('created', 'updated');
  const unchanged = count('unchanged');
  const kept = count('edited', 'occupied');
  const notArticles = count('not-article');
  const failed = count('failed');
  if (!options.quiet) {
    process.stdout.write(`${pages.length} page(s): ${written} imported, ${unchanged} already up to date, ${notArticles} not an article, ${kept} kept (edited since import)${failed ? `, ${failed} failed` : ''}\n`);
  }
  return kept + notArticles + failed > 0 ? 1 : 0;
}

function renderArticles(list: Article[], format: string, cwd: string): string {
  const rows = list.map((a) => ({ a, lines: new LineIndex(a.text) })).map(({ a, lines }) => ({
    file: displayPath(a.uri, cwd),
    outlet: a.meta.outlet ?? null,
    published: a.published?.iso ?? null,
    publishedFrom: a.published?.how ?? null,
    headline: a.headline?.text ?? null,
    words: a.wordCount,
    paragraphs: a.paragraphs.length,
    sentences: a.sentences.length,
    boilerplate: a.boilerplate.map((b) => ({ kind: b.kind, line: lines.positionAt(b.range.start).line + 1, text: a.text.slice(b.range.start, b.range.end).slice(0, 80) })),
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
  return out.map(terminalSafe).join('\n');
}

function renderMeetings(corpus: Corpus, format: string, cwd: string, filter: { minAccounts: number; withConflicts: boolean }): string {
  const meetings = corpus
    .meetings()
    .all()
    .filter((m) => new Set(m.accounts.map((a) => a.uri)).size >= filter.minAccounts)
    .map((m) => summariseMeeting(m, corpus))
    .filter((m) => !filter.withConflicts || m.conflicts.length > 0);
  if (format === 'json') return JSON.stringify(meetings, null, 2);
  const out: string[] = [];
  for (const m of meetings) {
    out.push(`${m.label}${m.kind !== 'meeting' ? ` [${m.kind}]` : ''}${m.status !== 'past' ? ` [${m.status}]` : ''}${m.outlets > 1 ? ` · ${m.outlets} outlets` : ''}`);
    for (const p of m.participants) {
      const titles = [...new Set(p.titles.map((t) => `${t.title} (${t.outlet ?? t.name})`))];
      out.push(`  participant: ${p.name}${titles.length ? ` — ${titles.join('; ')}` : ''}`);
      for (const r of p.byRole) out.push(`    named by role: “${r.written}” (${r.outlet ?? r.name}) — ${r.why}`);
    }
    for (const a of m.accounts) {
      out.push(`  account: ${a.outlet ?? 'unknown outlet'} — ${displayPath(a.uri, cwd)}:${a.range.start.line + 1}  “${a.firstWords}”`);
      // The other passages: the headline, a later paragraph (the account's own passage is the line above).
      const others = a.ranges.filter((r) => r.start.line !== a.range.start.line || r.start.character !== a.range.start.character);
      if (others.length) out.push(`    also at lines ${others.map((r) => r.start.line + 1).join(', ')}`);
      out.push(`    ${a.datedBy}`);
      if (a.headline) out.push(`    headline: ${a.headline}`);
    }
    for (const c of m.conflicts) out.push(`  conflict: ${c.code} ${displayPath(c.uri, cwd)}:${c.range.start.line + 1} ${c.message}`);
  }
  out.push(`${meetings.length} meeting(s)`);
  return out.map(terminalSafe).join('\n');
}

function countKinds(kinds: string[]): string {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ×${n}`).join(', ');
}

/** A path that does not exist, or nothing to analyse: exit 2, like a usage error, with no usage text. */
class InputError extends Error {}

async function main(): Promise<void> {
  try {
    const parsed = parseArgs(process.argv.slice(2));
    if (parsed.kind === 'version') {
      process.stdout.write(`${VERSION}\n`);
      return;
    }
    if (parsed.kind === 'help') {
      process.stdout.write(usage(parsed.command, VERSION) + '\n');
      return;
    }
    process.exitCode = await run(parsed.options);
  } catch (error) {
    if (error instanceof UsageError) {
      warn(error.message);
      process.stderr.write(`Run 'sourcelens ${error.command ? `help ${error.command}` : '--help'}' for usage.\n`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof InputError) {
      warn(error.message);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}

main().catch((error) => {
  process.stderr.write(`sourcelens: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});


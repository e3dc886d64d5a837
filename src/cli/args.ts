// The command line's grammar: commands, their options, help texts, and "did you mean" for a mistyped option or
// command. Pure, so every rule of it is unit-tested without starting a process.

import { closest, distance } from 'fastest-levenshtein';
import { isRuleLevel, RuleSettings } from '../core/config';
import { isRuleKey, RULE_FAMILY_KEYS, RULES } from '../core/rules';
import { FailOn } from './exitCode';

export type Command = 'check' | 'articles' | 'meetings' | 'compare' | 'report' | 'import';
export const COMMANDS: readonly Command[] = ['check', 'articles', 'meetings', 'compare', 'report', 'import'];

export interface CliOptions {
  command: Command;
  paths: string[];
  format: 'text' | 'json' | 'sarif' | 'html';
  failOn: FailOn;
  rules: RuleSettings;
  maxFileSizeMB: number;
  include: string[];
  exclude: string[];
  jobs: number;
  cache?: string;
  includeHints: boolean;
  quiet: boolean;
  /** Read files and folders through links that resolve outside the PATHS given. */
  followLinksOutside: boolean;
  /** import: where the .md files go (default: beside each page). */
  out?: string;
  /** import: overwrite .md files the reader edited. */
  force: boolean;
  /** meetings: only meetings reported by at least this many articles. */
  minAccounts: number;
  /** meetings: only meetings whose accounts disagree. */
  withConflicts: boolean;
}

/** What the command line asks for: a run, a help text, or the version. */
export type Parsed = { kind: 'run'; options: CliOptions } | { kind: 'help'; command?: Command } | { kind: 'version' };

/** A usage error: the message, and the command whose usage to point at. Exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: Command) {
    super(message);
  }
}

interface OptionSpec {
  name: string;
  value?: string;
  help: string;
  commands: readonly Command[];
}

const ANALYSIS: readonly Command[] = ['check', 'articles', 'meetings', 'compare', 'report'];

const OPTIONS: readonly OptionSpec[] = [
  { name: '--format', value: 'text|json|sarif|html', help: 'output format (sarif: check only; html: report only, its default; default text)', commands: ANALYSIS },
  { name: '--fail-on', value: 'error|warning|info|never', help: 'exit 1 when a finding is at or above this level (default error)', commands: ['check'] },
  { name: '--rule', value: 'CODE=LEVEL', help: 'level for a code or family (structure/*): error, warning, information, hint, off; repeatable', commands: ['check'] },
  { name: '--include-hints', help: 'also print hints (editor decorations such as boilerplate; left out of text output by default)', commands: ['check'] },
  { name: '--quiet', help: 'print only findings (check) or pages that were not imported (import): no summary, no progress', commands: ['check', 'import', 'report'] },
  { name: '--max-file-size', value: 'MB', help: 'larger files are not analysed (default 5)', commands: ANALYSIS },
  { name: '--include', value: 'GLOB', help: 'files that are articles (default **/*.{txt,md,html,htm}); repeatable', commands: ANALYSIS },
  { name: '--exclude', value: 'GLOB', help: 'files and folders left out; repeatable', commands: ANALYSIS },
  { name: '--follow-links-outside', help: 'read files and folders through links that resolve outside PATHS (default: not read; structure/outside-folder)', commands: ANALYSIS },
  { name: '--jobs', value: 'N', help: 'worker threads (default: one per core, at most 4; 1 = none)', commands: ANALYSIS },
  { name: '--cache', value: 'DIR', help: 'keep per-article analyses in DIR so a re-run only analyses changed files', commands: ANALYSIS },
  { name: '--min-accounts', value: 'N', help: 'only meetings reported by N or more articles (2: what another outlet confirms)', commands: ['meetings'] },
  { name: '--with-conflicts', help: 'only meetings whose accounts disagree, each disagreement with its file and line', commands: ['meetings'] },
  { name: '--out', value: 'DIR', help: 'write the .md articles into DIR instead of beside each page', commands: ['import'] },
  { name: '--out', value: 'FILE', help: 'write the page to FILE (default: standard output)', commands: ['report'] },
  { name: '--force', help: 'overwrite .md files that were edited after import (or not written by an import)', commands: ['import'] },
  { name: '--help', help: 'show this help', commands: COMMANDS },
];

const SUMMARY: Record<Command, string> = {
  check: 'print every finding for the articles under PATHS (default: the current folder)',
  articles: "list each article's outlet, date (and where it came from), headline, size and boilerplate",
  meetings: 'list the meetings, visits and calls the articles report, grouped across outlets',
  compare: "show each meeting, then each other story (a quake, an attack…), two or more outlets report side by side: titles, place, date, figures, quotes; ≠ marks disagreements",
  report: 'write the coverage page: one self-contained HTML file (timeline of meetings × outlets, sourcing profiles, word choices)',
  import: 'write each saved web page (.html, .htm) under PATHS as a readable .md article beside it',
};

const EXIT_CODES: Record<Command, string> = {
  check: 'Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 usage or input error\n(a path that does not exist, no articles under PATHS).',
  articles: 'Exit codes: 0 listed, 2 usage or input error (a path that does not exist, no articles under PATHS).',
  meetings: 'Exit codes: 0 listed, 2 usage or input error (a path that does not exist, no articles under PATHS).',
  compare: 'Exit codes: 0 listed, 2 usage or input error (a path that does not exist, no articles under PATHS).',
  report: 'Exit codes: 0 written, 2 usage or input error (a path that does not exist, no articles under PATHS).',
  import: 'Exit codes: 0 every page imported or already up to date, 1 some pages were not imported (not an article,\nor their .md was edited: see the messages), 2 usage or input error (a path that does not exist, no pages found).',
};

export function usage(command?: Command, version = ''): string {
  if (!command) {
    const rows = COMMANDS.map((c) => `  ${c.padEnd(9)} ${SUMMARY[c]}`);
    return [
      `sourcelens${version ? ` ${version}` : ''} — source-critical reading of news, on the command line and in CI`,
      '',
      'Usage: sourcelens COMMAND [PATHS…] [OPTIONS]',
      '',
      'Commands:',
      ...rows,
      '  help      show help for a command (sourcelens help check)',
      '',
      'Options: --help, -h (help for a command: sourcelens check --help), --version, -V.',
      'Exit codes: 0 clean, 1 findings at or above --fail-on (check) or pages not imported (import),',
      '2 usage or input error.',
    ].join('\n');
  }
  const opts = OPTIONS.filter((o) => o.commands.includes(command));
  const width = Math.max(...opts.map((o) => optionLabel(o).length));
  const pathsLabel = command === 'import' ? 'PATHS…' : '[PATHS…]';
  return [
    `Usage: sourcelens ${command} ${pathsLabel} [OPTIONS]`,
    '',
    `${SUMMARY[command][0].toUpperCase()}${SUMMARY[command].slice(1)}.`,
    ...(command === 'import'
      ? ['', 'The page is never changed. Re-importing is idempotent; an imported .md edited since is kept unless --force.',
        'Pages that hold no article (index pages, paywalls, cookie walls) are named with the reason; no .md is written.']
      : []),
    '',
    'Options:',
    ...opts.map((o) => `  ${optionLabel(o).padEnd(width)}  ${o.help}`),
    '',
    EXIT_CODES[command],
  ].join('\n');
}

function optionLabel(o: OptionSpec): string {
  return o.value ? `${o.name} ${o.value}` : o.name;
}

/** The nearest valid spelling, if it is near enough to be what was meant. */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(input, candidates as string[]);
  // Near enough: a typo or two, or one is the start of the other (--inc for --include-hints is ambiguous; --quie is not).
  const d = distance(input, best);
  return d <= Math.max(2, Math.floor(best.length / 3)) || best.startsWith(input) ? best : undefined;
}

/** "; did you mean X?" when a valid spelling is near enough to `input`, else nothing. */
function didYouMean(input: string, candidates: readonly string[]): string {
  const near = suggest(input, candidates);
  return near ? `; did you mean ${near}?` : '';
}

export function parseArgs(argv: readonly string[]): Parsed {
  const args = [...argv];
  if (args.includes('--version') || args.includes('-V') || args[0] === 'version') return { kind: 'version' };
  const first = args[0];
  if (first === undefined || first === '-h' || first === '--help') return { kind: 'help' };
  if (first === 'help') {
    const topic = args[1];
    if (topic === undefined) return { kind: 'help' };
    if (!isCommand(topic)) throw unknownCommand(topic);
    return { kind: 'help', command: topic };
  }
  if (!isCommand(first)) {
    if (first.startsWith('-')) throw new UsageError(`No command given before ${first}. Commands: ${COMMANDS.join(', ')}.`);
    throw unknownCommand(first);
  }
  const command = first;
  const rest = args.slice(1);
  if (rest.includes('-h') || rest.includes('--help')) return { kind: 'help', command };

  const options: CliOptions = {
    command, paths: [], format: 'text', failOn: 'error', rules: {}, maxFileSizeMB: 5, include: [], exclude: [], jobs: 0,
    includeHints: false, quiet: false, followLinksOutside: false, force: false, minAccounts: 1, withConflicts: false,
  };
  const valid = OPTIONS.filter((o) => o.commands.includes(command));
  let onlyPaths = false;
  for (let i = 0; i < rest.length; i++) {
    let arg = rest[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const spec = valid.find((o) => o.name === arg);
    if (!spec) {
      const elsewhere = OPTIONS.find((o) => o.name === arg);
      if (elsewhere) throw new UsageError(`${arg} is an option of ${elsewhere.commands.join(', ')}, not of ${command}.`, command);
      throw new UsageError(`Unknown option ${arg}${didYouMean(arg, valid.map((o) => o.name))}`, command);
    }
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value (${spec.value})`, command);
      return v;
    };
    if (!spec.value && inline !== undefined) throw new UsageError(`${arg} takes no value`, command);
    /** A numeric value, refused with `message` unless `valid`. */
    const numberValue = (valid: (n: number) => boolean, message: string): number => {
      const n = Number(value());
      if (!valid(n)) throw new UsageError(message, command);
      return n;
    };
    switch (arg) {
      case '--format': {
        const f = value();
        const formats = command === 'check' ? ['text', 'json', 'sarif'] : command === 'report' ? ['html', 'json'] : ['text', 'json'];
        if (!formats.includes(f)) {
          throw new UsageError(`Unknown format: ${f}${didYouMean(f, formats)} (${command} writes ${formats.join(', ')})`, command);
        }
        options.format = f as CliOptions['format'];
        break;
      }
      case '--fail-on': {
        const f = value();
        const levels = ['error', 'warning', 'info', 'never'];
        if (!levels.includes(f)) {
          throw new UsageError(`Unknown --fail-on level: ${f}${didYouMean(f, levels)}`, command);
        }
        options.failOn = f as FailOn;
        break;
      }
      case '--rule': {
        const [code, level] = value().split('=');
        if (!code || !isRuleLevel(level)) throw new UsageError('--rule takes CODE=LEVEL (error|warning|information|hint|off)', command);
        if (!isRuleKey(code)) {
          throw new UsageError(`Unknown rule code: ${code}${didYouMean(code, [...RULES.map((r) => r.code), ...RULE_FAMILY_KEYS])} (codes: ${RULES.map((r) => r.code).join(', ')}; families: ${RULE_FAMILY_KEYS.join(', ')})`, command);
        }
        options.rules[code] = level;
        break;
      }
      case '--max-file-size':
        options.maxFileSizeMB = numberValue((n) => n > 0, '--max-file-size takes a positive number of MB');
        break;
      case '--jobs':
        options.jobs = numberValue((n) => Number.isInteger(n) && n >= 0, '--jobs takes a whole number (0 = automatic)');
        break;
      case '--cache':
        options.cache = value();
        break;
      case '--min-accounts':
        options.minAccounts = numberValue((n) => Number.isInteger(n) && n >= 1, '--min-accounts takes a whole number of at least 1');
        break;
      case '--with-conflicts':
        options.withConflicts = true;
        break;
      case '--include':
        options.include.push(value());
        break;
      case '--exclude':
        options.exclude.push(value());
        break;
      case '--include-hints':
        options.includeHints = true;
        break;
      case '--follow-links-outside':
        options.followLinksOutside = true;
        break;
      case '--quiet':
        options.quiet = true;
        break;
      case '--out':
        options.out = value();
        break;
      case '--force':
        options.force = true;
        break;
    }
  }
  if (options.paths.length === 0) {
    if (command === 'import') throw new UsageError('import needs the pages to import: files or folders (sourcelens import saved/)', command);
    options.paths.push('.');
  }
  if (command === 'report' && options.format === 'text') options.format = 'html';
  return { kind: 'run', options };
}

function isCommand(s: string): s is Command {
  return (COMMANDS as readonly string[]).includes(s);
}

function unknownCommand(name: string): UsageError {
  return new UsageError(`Unknown command: ${name}${didYouMean(name, [...COMMANDS, 'help'])}`);
}

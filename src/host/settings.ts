// The `sourcelens.*` settings as the server reads them, with defaults matching package.json.

import { availableParallelism } from 'node:os';
import { RuleSettings, isRuleLevel } from '../core/config';
import { CorpusGlobs, DEFAULT_GLOBS } from './discover';

export interface Settings {
  corpus: CorpusGlobs & { maxFileSizeMB: number; followLinksOutside: boolean };
  rules: RuleSettings;
  inlayHints: { dates: boolean; quotes: boolean };
  /** Worker threads for cold indexing; 0 = automatic (cores - 1, at most 4). */
  workers: number;
}

export const DEFAULT_SETTINGS: Settings = {
  corpus: { ...DEFAULT_GLOBS, maxFileSizeMB: 5, followLinksOutside: false },
  rules: {},
  inlayHints: { dates: true, quotes: false },
  workers: 0,
};

/** Accepts whatever the client sent (possibly partial or wrong-typed) and fills in defaults. */
export function readSettings(raw: unknown): Settings {
  const value = (raw ?? {}) as { corpus?: Record<string, unknown>; rules?: Record<string, unknown>; inlayHints?: Record<string, unknown> };
  const corpus = value.corpus ?? {};
  const strings = (x: unknown, fallback: string[]) =>
    Array.isArray(x) && x.every((s) => typeof s === 'string') && x.length > 0 ? (x as string[]) : fallback;
  const rules: RuleSettings = {};
  for (const [code, level] of Object.entries(value.rules ?? {})) if (isRuleLevel(level)) rules[code] = level;
  const size = Number(corpus.maxFileSizeMB);
  return {
    corpus: {
      include: strings(corpus.include, DEFAULT_SETTINGS.corpus.include),
      exclude: strings(corpus.exclude, DEFAULT_SETTINGS.corpus.exclude),
      maxFileSizeMB: size > 0 ? size : DEFAULT_SETTINGS.corpus.maxFileSizeMB,
      followLinksOutside: corpus.followLinksOutside === true,
    },
    rules,
    inlayHints: { dates: value.inlayHints?.dates !== false, quotes: value.inlayHints?.quotes === true },
    workers: Math.max(0, Math.min(16, Math.floor(Number((value as { performance?: { workers?: unknown } }).performance?.workers) || 0))),
  };
}

/**
 * The number of worker threads to use: the setting, or one per core (at most 4). Not one per *spare* core: while
 * the workers analyse, the main thread only files their results and answers requests, so it needs no core of its own.
 */
export function workerCount(settings: Settings): number {
  return settings.workers > 0 ? settings.workers : Math.max(1, Math.min(4, availableParallelism()));
}

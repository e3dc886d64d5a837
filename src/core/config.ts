// Which rules run and how loudly. Users set this in `sourcelens.rules` (editor) or `--rule code=level` (CLI).

import { Severity } from './types';

export type RuleLevel = Severity | 'off';

/** Rule code (or a family prefix such as `structure/*`) -> level. The most specific entry wins. */
export type RuleSettings = Record<string, RuleLevel>;

export const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

export function isRuleLevel(value: unknown): value is RuleLevel {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** The level for a finding: the user's setting for its exact code, else for its family, else the rule's default. */
export function levelFor(code: string, defaultSeverity: Severity, settings: RuleSettings | undefined): RuleLevel {
  if (!settings) return defaultSeverity;
  const exact = settings[code];
  if (isRuleLevel(exact)) return exact;
  const slash = code.indexOf('/');
  if (slash > 0) {
    const family = settings[`${code.slice(0, slash)}/*`] ?? settings[code.slice(0, slash)];
    if (isRuleLevel(family)) return family;
  }
  return defaultSeverity;
}

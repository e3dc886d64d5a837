// The CLI's exit code: 1 when a finding is at or above --fail-on, else 0.

import { Severity } from '../core/types';

export type FailOn = 'error' | 'warning' | 'info' | 'never';

const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };
const THRESHOLD: Record<FailOn, number> = { error: 3, warning: 2, info: 1, never: Infinity };

export function exitCodeFor(findings: readonly { severity: Severity }[], failOn: FailOn): 0 | 1 {
  // A loop, not Math.max(...all): 20,000 articles give more findings than a call's arguments can hold.
  let worst = -1;
  for (const f of findings) worst = Math.max(worst, RANK[f.severity]);
  return worst >= THRESHOLD[failOn] ? 1 : 0;
}

// One corpus' figures, as printed and saved in test-results/bench.json.

import type { ServerFigures } from './benchServer';

export interface Row {
  corpus: string;
  /** Set for the generated scale corpora only: growth and targets are read from these. */
  scale?: number;
  articles: number;
  megabytes: number;
  /** indexRoots on this thread, no workers: the analysis cost alone. */
  inProcess: { indexMs: number; articlesPerSecond: number; mbPerSecond: number; findings: number; meetings: number; meetingsMs: number };
  /** `sourcelens check DIR --format json` as a user runs it (default workers), output to /dev/null. */
  cli: { wallMs: number; articlesPerSecond: number; mbPerSecond: number; peakRssMB: number | null };
  /** Same files, same run. Ratios are Sourcelens throughput ÷ the baseline's (1.0 = as fast as the baseline). */
  baselines: { winkMs: number; writeGoodMs: number; ratioToWink: number; ratioToWriteGood: number; cliRatioToWink: number; cliRatioToWriteGood: number };
  server?: ServerFigures & { articlesPerSecond: number | null; mbPerSecond: number | null };
}

// Small statistics and table helpers shared by the bench tools.

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Nearest-rank percentile; null when there are no samples (so a missing figure never reads as 0 ms). */
export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return +sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
}

/** The median of each numeric field over several runs (nulls ignored; null if every run had none). */
export function medianOfRuns<T extends object>(runs: T[]): { [K in keyof T]: number | null } {
  const out = {} as { [K in keyof T]: number | null };
  for (const key of Object.keys(runs[0]) as (keyof T)[]) {
    const values = runs.map((r) => r[key]).filter((v): v is T[keyof T] & number => typeof v === 'number');
    out[key] = values.length ? median(values) : null;
  }
  return out;
}

/** A compact left-aligned text table (console.table adds an index column and box drawing that double the width). */
export function printTable(rows: Record<string, unknown>[]): void {
  if (!rows.length) return;
  const headers = Object.keys(rows[0]);
  const cell = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => cell(r[h]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(headers));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(headers.map((h) => cell(r[h]))));
}

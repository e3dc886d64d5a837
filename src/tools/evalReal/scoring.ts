// Scoring maths shared by the real-corpus modules: precision/recall/F1, B³ and pairwise clustering scores,
// span matching. Pure functions on plain data (unit-tested on tiny hand-made examples).

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface PRF {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function prf(c: Counts): PRF {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : null;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : precision !== null && recall !== null ? 0 : null;
  return { precision, recall, f1 };
}

export function ratio(n: number, of: number): number | null {
  return of ? n / of : null;
}

/**
 * B³ (Bagga and Baldwin 1998) over the items of the gold clustering. Each map gives an item's cluster id; an item the
 * system did not place counts as a singleton of its own. Items only in the system clustering are ignored (the
 * caller decides whether they are errors), so B³ here scores how the gold items are grouped.
 */
export function bcubed(gold: Map<string, string>, system: Map<string, string>): PRF & { items: number } {
  const items = [...gold.keys()];
  const sysOf = (x: string) => system.get(x) ?? `\u0000singleton:${x}`;
  const byGold = new Map<string, string[]>();
  const bySys = new Map<string, string[]>();
  for (const x of items) {
    push(byGold, gold.get(x)!, x);
    push(bySys, sysOf(x), x);
  }
  let p = 0;
  let r = 0;
  for (const x of items) {
    const g = byGold.get(gold.get(x)!)!;
    const s = bySys.get(sysOf(x))!;
    const gs = new Set(g);
    const both = s.filter((y) => gs.has(y)).length;
    p += both / s.length;
    r += both / g.length;
  }
  const precision = items.length ? p / items.length : null;
  const recall = items.length ? r / items.length : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : null;
  return { precision, recall, f1, items: items.length };
}

/** Pairwise link scores: a pair of gold items is a true link when both clusterings put them together (`consider` limits the pairs). */
export function pairwise(gold: Map<string, string>, system: Map<string, string>, consider: (a: string, b: string) => boolean = () => true): PRF & Counts {
  const items = [...gold.keys()];
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (!consider(items[i], items[j])) continue;
      const g = gold.get(items[i]) === gold.get(items[j]);
      const si = system.get(items[i]);
      const s = si !== undefined && si === system.get(items[j]);
      if (g && s) c.tp++;
      else if (s) c.fp++;
      else if (g) c.fn++;
    }
  }
  return { ...prf(c), ...c };
}

export interface Span {
  start: number;
  end: number;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * One-to-one matching of predicted spans to gold spans by overlap, greedy in order of overlap size (ties: earlier
 * gold first). A predicted span matches at most one gold span and vice versa; the rest are false positives/negatives.
 * `accept` can narrow what counts as a match (e.g. a shared head word).
 */
export function matchSpans<G extends Span, P extends Span>(gold: G[], predicted: P[], accept: (g: G, p: P) => boolean = () => true): { pairs: [G, P][]; missed: G[]; extra: P[] } {
  const candidates: { gi: number; pi: number; size: number }[] = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      if (overlaps(g, p) && accept(g, p)) candidates.push({ gi, pi, size: Math.min(g.end, p.end) - Math.max(g.start, p.start) });
    }),
  );
  candidates.sort((a, b) => b.size - a.size || a.gi - b.gi || a.pi - b.pi);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: [G, P][] = [];
  for (const c of candidates) {
    if (usedG.has(c.gi) || usedP.has(c.pi)) continue;
    usedG.add(c.gi);
    usedP.add(c.pi);
    pairs.push([gold[c.gi], predicted[c.pi]]);
  }
  return { pairs, missed: gold.filter((_, i) => !usedG.has(i)), extra: predicted.filter((_, i) => !usedP.has(i)) };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

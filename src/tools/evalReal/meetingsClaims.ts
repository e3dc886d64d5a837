// unattributed-claim scored on the real meetings corpus against span-only sentence labels
// (test/real/meetings/claims.yaml: each candidate sentence labelled unattributed, attributed or not-a-claim). Pure:
// gold and flags in, counts out (unit-tested on hand-made examples); meetings.ts runs the analysis.
//
// - A flag (the sentence the finding covers) is judged by the labelled sentence it overlaps most: right when that
//   sentence is labelled unattributed, wrong when attributed or not-a-claim, unjudged when it overlaps none (the
//   gold lists the sentences the frozen claim rule marks and those flagged when it was made; a later version may
//   flag others — they are printed so the gold can grow).
// - Recall: over the sentences labelled unattributed, the share some flag overlaps.

export type ClaimLabel = 'unattributed' | 'attributed' | 'not-a-claim';

export interface ClaimsGold {
  articles: { file: string; split: 'dev' | 'check'; sentences: { span: [number, number]; label: ClaimLabel }[] }[];
}

export interface ClaimFlag {
  file: string;
  start: number;
  end: number;
}

export interface ClaimScore {
  flags: number;
  right: number;
  onAttributed: number;
  onNotAClaim: number;
  unjudged: number;
  unattributed: number;
  found: number;
  precision: number | null;
  recall: number | null;
  errors: string[];
}

export function scoreClaims(gold: ClaimsGold, flags: ClaimFlag[], files?: Set<string>): ClaimScore {
  const s: ClaimScore = { flags: 0, right: 0, onAttributed: 0, onNotAClaim: 0, unjudged: 0, unattributed: 0, found: 0, precision: null, recall: null, errors: [] };
  const byFile = new Map(gold.articles.map((a) => [a.file, a.sentences]));
  const overlap = (f: ClaimFlag, span: [number, number]) => Math.min(f.end, span[1]) - Math.max(f.start, span[0]);
  for (const f of flags) {
    if (files && !files.has(f.file)) continue;
    s.flags++;
    let best: { label: ClaimLabel } | undefined;
    let size = 0;
    for (const x of byFile.get(f.file) ?? []) {
      const o = overlap(f, x.span);
      if (o > size) [best, size] = [x, o];
    }
    if (!best) {
      s.unjudged++;
      s.errors.push(`unjudged flag (no labelled sentence): ${f.file}:${f.start}-${f.end}`);
    } else if (best.label === 'unattributed') s.right++;
    else if (best.label === 'attributed') {
      s.onAttributed++;
      s.errors.push(`flag on an attributed claim: ${f.file}:${f.start}`);
    } else {
      s.onNotAClaim++;
      s.errors.push(`flag on no claim: ${f.file}:${f.start}`);
    }
  }
  for (const a of gold.articles) {
    if (files && !files.has(a.file)) continue;
    for (const x of a.sentences) {
      if (x.label !== 'unattributed') continue;
      s.unattributed++;
      if (flags.some((f) => f.file === a.file && overlap(f, x.span) > 0)) s.found++;
      else s.errors.push(`unattributed claim not flagged: ${a.file}:${x.span[0]}-${x.span[1]}`);
    }
  }
  const judged = s.right + s.onAttributed + s.onNotAClaim;
  s.precision = judged ? s.right / judged : null;
  s.recall = s.unattributed ? s.found / s.unattributed : null;
  return s;
}

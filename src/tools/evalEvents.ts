// npm run eval:events [-- --find] : events and cross-outlet figures on ECB+ train/dev (../shared/corpora/ecbplus).
//
// 1. Event grouping: B³ of the corpus' events (core/events) against the gold `documentClusters`, over the 772
//    train/dev articles (the whole folder, 982 articles, is indexed, as an editor would).
// 2. figure-conflict / figure-update between articles: every finding is looked up in the judged list
//    test/real/figure-conflicts.yaml (`findings`: both locations, verdict, reason); precision is over the judged
//    ones, and unjudged findings are printed so someone reads both sentences and adds them.
// 3. Recall: `disagreements` in the same file are cross-outlet disagreements found through the gold: two
//    mentions of one cross-document cluster (event or entity), in different articles, whose selected sentences
//    carry a figure on or just before the mention, for the same kind and unit, with values that cannot both hold.
//    `--find` prints those candidates (the finder); a reader keeps the real ones in the file. A disagreement is
//    caught when a finding links the two articles at those figures.
// No article text is written anywhere: the YAML holds offsets, verdicts and reasons in the reader's words.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { analyse } from '../core/analyse';
import { Corpus } from '../core/corpus';
import { compatible, Figure } from '../core/figures/extract';

const ROOT = resolve(__dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpora/ecbplus');
const JUDGED = resolve(ROOT, 'test/real/figure-conflicts.yaml');

interface Gold {
  documents: { file: string; sentences: { start: number; end: number; selected: boolean }[] }[];
  documentClusters: { id: string; files: string[] }[];
  eventClusters: Cluster[];
  entityClusters: Cluster[];
}
interface Cluster {
  scope: string;
  descriptor: string;
  mentions: { file: string; start: number; end: number; selected: boolean }[];
}
interface Judged {
  findings?: { a: string; b: string; verdict: 'true' | 'false'; reason: string }[];
  disagreements?: { a: string; b: string; reason: string }[];
}

const fileOf = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);
const at = (uri: string, r: { start: number; end: number }) => `${fileOf(uri)}:${r.start}-${r.end}`;

function b3(pred: Map<string, string>, gold: Map<string, string>): { p: number; r: number; f: number } {
  const members = (m: Map<string, string>) => {
    const out = new Map<string, string[]>();
    for (const [d, c] of m) out.set(c, [...(out.get(c) ?? []), d]);
    return out;
  };
  const byP = members(pred);
  const byG = members(gold);
  let p = 0;
  let r = 0;
  for (const d of gold.keys()) {
    const pc = byP.get(pred.get(d)!)!;
    const gc = byG.get(gold.get(d)!)!;
    const both = pc.filter((x) => gold.get(x) === gold.get(d)).length;
    p += both / pc.filter((x) => gold.has(x)).length;
    r += both / gc.length;
  }
  p /= gold.size;
  r /= gold.size;
  return { p, r, f: (2 * p * r) / (p + r) };
}

function main(): void {
  const find = process.argv.includes('--find');
  const gold = JSON.parse(readFileSync(join(CORPUS, 'gold-dev.json'), 'utf8')) as Gold;
  const judged = (parse(readFileSync(JUDGED, 'utf8')) ?? {}) as Judged;
  const files = readdirSync(CORPUS).filter((f) => /^doc-\d+\.txt$/.test(f)).sort();
  const t0 = Date.now();
  const corpus = new Corpus();
  for (const f of files) corpus.put(analyse({ uri: `file://${join(CORPUS, f)}`, text: readFileSync(join(CORPUS, f), 'utf8') }));
  const t1 = Date.now();
  const events = corpus.events();
  const t2 = Date.now();

  // 1. Events.
  const goldOf = new Map<string, string>();
  for (const c of gold.documentClusters) for (const f of c.files) goldOf.set(f, c.id);
  const predOf = new Map<string, string>();
  for (const uri of corpus.uris()) predOf.set(fileOf(uri), events.of(uri)?.id ?? uri);
  const score = b3(predOf, goldOf);
  console.log(`ECB+ train/dev: ${goldOf.size} gold articles in ${gold.documentClusters.length} events; ${files.length} articles indexed (analysis ${t1 - t0} ms, events ${t2 - t1} ms)`);
  console.log(`events B³  P ${score.p.toFixed(3)}  R ${score.r.toFixed(3)}  F1 ${score.f.toFixed(3)}  (${events.all().length} events, ${events.all().filter((e) => e.uris.length > 1).length} with 2+ articles)`);

  // 2. Findings against the judged list.
  const all = [...corpus.allFindings().values()].flat().filter((f) => (f.code === 'figure-conflict' || f.code === 'figure-update') && f.related[0] && f.uri !== f.related[0].uri);
  const pairs = all.filter((f) => f.uri < f.related[0].uri);
  const verdict = new Map((judged.findings ?? []).map((j) => [`${j.a} ${j.b}`, j]));
  let yes = 0;
  let no = 0;
  const unjudged: string[] = [];
  for (const f of pairs) {
    const key = `${at(f.uri, f.range)} ${at(f.related[0].uri, f.related[0].range)}`;
    const j = verdict.get(key);
    if (!j) unjudged.push(`${f.code} ${key}  ${f.message}`);
    else if (j.verdict === 'true') yes++;
    else no++;
  }
  const byCode = (code: string) => pairs.filter((f) => f.code === code).length;
  console.log(`cross-article figure findings: ${pairs.length} pairs (figure-conflict ${byCode('figure-conflict')}, figure-update ${byCode('figure-update')}); judged true ${yes}, false ${no}, unjudged ${unjudged.length}; precision ${(yes / Math.max(1, yes + no)).toFixed(3)}`);
  for (const u of unjudged) console.log(`  UNJUDGED ${u}`);

  // 3. Recall against the disagreements found through the gold.
  const linked = new Set(all.map((f) => `${fileOf(f.uri)}:${f.range.start} ${fileOf(f.related[0].uri)}:${f.related[0].range.start}`));
  const list = judged.disagreements ?? [];
  const caught = list.filter((d) => linked.has(`${d.a.replace(/-\d+$/, '')} ${d.b.replace(/-\d+$/, '')}`));
  console.log(`gold disagreements caught: ${caught.length} of ${list.length} (${(caught.length / Math.max(1, list.length)).toFixed(2)})`);
  for (const d of list) console.log(`  ${caught.includes(d) ? 'caught' : 'missed'} ${d.a} ${d.b}  ${d.reason}`);

  if (find) {
    console.log('\ncandidate disagreements through the gold clusters (read both sentences; keep the real ones under `disagreements`):');
    for (const line of findDisagreements(gold, corpus)) console.log(`  ${line}`);
  }
}

/** Two mentions of one cross-document cluster whose sentences carry figures, on or just before the mention, that cannot both hold. */
function findDisagreements(gold: Gold, corpus: Corpus): string[] {
  const uriOf = new Map(corpus.uris().map((u) => [fileOf(u), u]));
  const sentences = new Map(gold.documents.map((d) => [d.file, d.sentences]));
  const out = new Set<string>();
  for (const c of [...gold.eventClusters, ...gold.entityClusters]) {
    if (c.scope !== 'cross-doc') continue;
    const withFigures: { file: string; figures: Figure[] }[] = [];
    for (const m of c.mentions) {
      if (!m.selected) continue;
      const s = sentences.get(m.file)?.find((x) => m.start >= x.start && m.start < x.end);
      const a = corpus.analysis(uriOf.get(m.file) ?? '');
      if (!s || !a) continue;
      const text = a.article.text;
      const figures = a.figures.filter(
        (f) => f.range.start >= s.start && f.range.end <= s.end && !f.vague && f.kind !== 'ordinal' && f.kind !== 'age' &&
          f.range.start <= m.end && f.range.end >= m.start - 25 && !/[.,;:()]/.test(text.slice(Math.min(f.range.end, m.start), Math.max(f.range.end, m.start))),
      );
      if (figures.length) withFigures.push({ file: m.file, figures });
    }
    for (let i = 0; i < withFigures.length; i++) {
      for (let j = i + 1; j < withFigures.length; j++) {
        const x = withFigures[i];
        const y = withFigures[j];
        if (x.file === y.file) continue;
        for (const fx of x.figures) {
          for (const fy of y.figures) {
            if (fx.kind !== fy.kind || fx.unit !== fy.unit || compatible(fx, fy)) continue;
            const [p, q] = x.file < y.file ? [[x.file, fx], [y.file, fy]] as const : [[y.file, fy], [x.file, fx]] as const;
            out.add(`${c.descriptor}  ${p[0]}:${p[1].range.start}-${p[1].range.end} ${q[0]}:${q[1].range.start}-${q[1].range.end}  (${p[1].text} / ${q[1].text})`);
          }
        }
      }
    }
  }
  return [...out].sort();
}

main();

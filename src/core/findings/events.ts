// `figure-conflict` and `figure-update` between articles that report the same real-world event (events/cluster.ts):
// for each quantity (what is counted, as of when), each article's first figure for it is compared with every other
// article's. Figures inside accounts of a meeting are left to the meeting rule (findings/accounts.ts).

import type { Analysis } from '../model';
import type { CorpusView } from '../view';
import { NewsEvent } from '../events/cluster';
import { compareFigures, FigureContext, quantityOf } from '../figures/compare';
import { Figure } from '../figures/extract';
import { IndexedRule } from '../partitions';
import { Finding } from '../types';
import { outletLabel } from '../outlet';

const MAX_ARTICLES_COMPARED = 40;
/** Only figures of the lead (headline and first sentences) are compared: that is where an article states the event's
 * own numbers; further down come other incidents, earlier tolls and side counts. */
const LEAD_SENTENCES = 5;
/** Two articles of one event must also be this close to each other (cosine) for their figures to be compared. */
const MIN_PAIR_SIMILARITY = 0.3;

function outletName(a: Analysis): string {
  return outletLabel(a.article);
}

export function describeFigure(f: Figure): string {
  const q = f.qualifierText ? `${f.qualifierText} ` : '';
  const value = f.kind === 'fraction' ? `${fmt(f.value)} of ${fmt(f.of!)}` : f.high !== undefined ? `${fmt(f.value)}–${fmt(f.high)}` : fmt(f.value);
  const unit = f.kind === 'money' && f.unit ? ` ${f.unit}` : f.kind === 'percent' ? '%' : '';
  return `${q}${value}${unit}${f.counted ? ` ${f.counted}` : ''}`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** "the event “Quake hits …” (3 articles; linked by Qeshm, earthquake, Iran)" */
export function describeEvent(event: NewsEvent, corpus: CorpusView, a: string, b: string, corroboration?: string): string {
  const linked = corpus.events().sharedFeatures(a, b, 4);
  return `the event “${event.label}” (${event.uris.length} articles; linked by ${linked.length ? linked.join(', ') : 'their wording'}${corroboration ? `; ${corroboration}` : ''})`;
}

/** Reports published within three days of each other (articles without a date never qualify). */
function nearDates(a?: string, b?: string): boolean {
  return !!a && !!b && Math.abs(Date.parse(a) - Date.parse(b)) <= 3 * 86_400_000;
}

/** Whether two sentences share most of their words (one wire story, edited): the numbers then tell the same thing. */
function sameWording(a: string, b: string): boolean {
  const words = (s: string) => new Set(s.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 2));
  const wa = words(a);
  const wb = words(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.max(1, wa.size, wb.size) >= 0.6;
}

/** comparableFigures per analysis: an article is compared with every other member of its event, and an edit
 *  re-checks events whose other members did not change. */
const comparable = new WeakMap<Analysis, FigureContext[]>();

/** The figures of an article that can be compared, first one per quantity, with their sentence context. */
export function comparableFigures(a: Analysis): FigureContext[] {
  let found = comparable.get(a);
  if (!found) comparable.set(a, (found = findComparableFigures(a)));
  return found;
}

function findComparableFigures(a: Analysis): FigureContext[] {
  const out: FigureContext[] = [];
  const seen = new Set<string>();
  const lead = a.article.sentences.filter((s) => !a.article.boilerplate.some((b) => s.range.start >= b.range.start && s.range.start < b.range.end)).slice(0, LEAD_SENTENCES);
  const leadEnd = lead[lead.length - 1]?.range.end ?? 0;
  const day = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i.exec(a.article.text.slice(0, leadEnd))?.[1];
  for (const figure of a.figures) {
    if (figure.range.start > leadEnd) break;
    if (a.accounts.some((acc) => figure.range.start >= acc.span.start && figure.range.end <= acc.span.end)) continue;
    const s = a.article.sentences[figure.sentence];
    if (a.article.boilerplate.some((b) => figure.range.start >= b.range.start && figure.range.start < b.range.end)) continue;
    // A decimal split by the text's spacing ("5. 9"): the tail is not a number of its own.
    if (/\d\.\s*$/.test(a.article.text.slice(Math.max(0, figure.range.start - 4), figure.range.start))) continue;
    const named = (kind: string) => new Set(a.mentions.filter((m) => m.sentence === figure.sentence && m.kind === kind && m.confidence >= 0.6).map((m) => m.key));
    const context: FigureContext = {
      figure, sentence: a.article.text.slice(s.range.start, s.range.end), sentenceStart: s.range.start, published: a.article.published?.iso,
      places: named('place'), people: named('person'), day,
    };
    const q = quantityOf(context);
    if (!q || seen.has(q.key)) continue;
    seen.add(q.key);
    out.push(context);
  }
  return out;
}

export const eventFigureConflicts: IndexedRule = {
  id: 'event',
  takeChanged: (corpus) => corpus.events().takeChanged(),
  check(id, corpus) {
    const event = corpus.events().get(id);
    if (!event || event.uris.length < 2) return [];
    const findings: Finding[] = [];
    const members = event.uris.slice(0, MAX_ARTICLES_COMPARED).map((uri) => corpus.analysis(uri)).filter((a): a is Analysis => !!a);
    const figures = new Map(members.map((m) => [m.article.uri, comparableFigures(m)]));
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const A = members[i];
        const B = members[j];
        if (corpus.events().similarity(A.article.uri, B.article.uri) < MIN_PAIR_SIMILARITY) continue;
        // Compare every quantity both give; report disagreements only between articles that are shown to report
        // the same incident: they agree on another figure, or tell it in nearly the same words. (Two quakes on one
        // island, years apart, are one "event" to the wording but agree on nothing.)
        const agreed: FigureContext[] = [];
        const differ: { verdict: 'conflict' | 'update'; fa: FigureContext; fb: FigureContext }[] = [];
        for (const fa of figures.get(A.article.uri)!) {
          for (const fb of figures.get(B.article.uri)!) {
            const { verdict } = compareFigures(fa, fb);
            // Corroboration is the same value, not merely compatible ones ("at least 6" and "at least 3").
            if (verdict === 'agree' && fa.figure.value === fb.figure.value && fa.figure.high === fb.figure.high) agreed.push(fa);
            else if (verdict === 'conflict' || verdict === 'update') differ.push({ verdict, fa, fb });
          }
        }
        for (const { verdict, fa, fb } of differ) {
          const link = agreed.length
            ? `both give ${describeFigure(agreed[0].figure)}`
            : sameWording(fa.sentence, fb.sentence)
              ? 'the two sentences are worded alike'
              : nearDates(fa.published, fb.published)
                ? `published ${fa.published === fb.published ? 'the same day' : 'within days of each other'}`
                : undefined;
          if (!link) continue;
          const about = describeEvent(event, corpus, A.article.uri, B.article.uri, link);
          findings.push(finding(verdict, A, fa, B, fb, about), finding(verdict, B, fb, A, fa, about));
        }
      }
    }
    return findings;
  },
};

function finding(verdict: 'conflict' | 'update', A: Analysis, fa: FigureContext, B: Analysis, fb: FigureContext, about: string): Finding {
  const when = (x: FigureContext) => (x.published ? ` (published ${x.published})` : '');
  const message =
    verdict === 'conflict'
      ? `${A.article.meta.outlet ?? 'This article'} gives ${describeFigure(fa.figure)}; ${outletName(B)} gives ${describeFigure(fb.figure)} for ${about}.`
      : `${A.article.meta.outlet ?? 'This article'}${when(fa)} gives ${describeFigure(fa.figure)}; ${outletName(B)}${when(fb)} gives ${describeFigure(fb.figure)}: an update between reports of ${about}, not a contradiction.`;
  return {
    code: verdict === 'conflict' ? 'figure-conflict' : 'figure-update',
    severity: verdict === 'conflict' ? 'warning' : 'information',
    message,
    uri: A.article.uri,
    range: fa.figure.range,
    related: [{ uri: B.article.uri, range: fb.figure.range, message: `${outletName(B)}: ${describeFigure(fb.figure)}` }],
  };
}

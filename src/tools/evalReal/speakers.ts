// Speaker attribution scored against annotated attributions (PolNeAR: every attribution's source, cue and content
// spans). Pure: text, gold attributions and the analysis' quotations in, counts out (unit-tested on hand-made
// examples). Used by polnear.ts.
//
// Units and rules (frozen here, independent of the sourcing rule pack):
// - A quotation the analysis finds (kind direct or block; scare quotes are not speech) belongs to the annotated
//   attribution whose content covers most of its characters, when that is at least half of them.
// - Its named speaker is RIGHT when the speaker's span overlaps the attribution's annotated source, or the two share
//   a name token (a capitalised word that is not a title, pronoun or determiner: "Trump" and "President Donald
//   Trump"). When the annotated source names no one ("he", "the senator", "a spokesman"), the speaker is compared
//   with that source's antecedent, read two ways, either of which may name the speaker: the names in the CoreNLP
//   coreference chains through the source (the corpus' own corenlp/ files, independent of the analysis), and the
//   nearest earlier annotated source in the article that does name someone. Both are proxies for coreference (noisy
//   both ways), so these quotations are counted in their own rows and left out of speakerPrecisionNamed.
// - WRONG: another person than the annotated source (or than its antecedent), or a speaker named for a quotation
//   that lies in a sourceless attribution or in no attribution at all. speakerPrecisionNamed leaves out the
//   quotations judged through an antecedent.
// - Precision = right / quotations with a named speaker. Recall: over the attributions with a source whose content
//   holds a quotation (paired double quotation marks, or an opening mark running to the end of the content, around
//   three or more words), the share with a found quotation whose named speaker is right.

import type { BratAttribution } from './brat';
import { nameTokens } from './ecbplus';
import { Span } from './scoring';

export interface ScoredQuote {
  range: Span;
  kind: 'direct' | 'scare' | 'block';
  speaker?: { name: string; range?: Span };
}

export interface SpeakerCounts {
  /** Quotations (direct or block) the analysis found. */
  quotes: number;
  /** ... of which with a named speaker. */
  named: number;
  rightSource: number;
  rightAntecedent: number;
  wrongPerson: number;
  /** The annotated source names no one and the speaker is not its antecedent (judged by the proxy). */
  wrongAntecedent: number;
  inSourceless: number;
  inNone: number;
  /** Recall units: attributions with a source whose content holds a quotation. */
  goldQuoted: number;
  foundRight: number;
  foundWrong: number;
  foundNoSpeaker: number;
  notFound: number;
}

export function emptySpeakerCounts(): SpeakerCounts {
  return { quotes: 0, named: 0, rightSource: 0, rightAntecedent: 0, wrongPerson: 0, wrongAntecedent: 0, inSourceless: 0, inNone: 0, goldQuoted: 0, foundRight: 0, foundWrong: 0, foundNoSpeaker: 0, notFound: 0 };
}

export function addSpeakerCounts(into: SpeakerCounts, c: SpeakerCounts): void {
  for (const k of Object.keys(into) as (keyof SpeakerCounts)[]) into[k] += c[k];
}

const sourced = (a: BratAttribution) => a.type === 'Attribution' && !!a.source?.length;

/** Whether annotated content holds a quotation of three or more words (the recall units). */
export function holdsQuotation(text: string, content: Span[] | undefined): boolean {
  for (const s of content ?? []) {
    const t = text.slice(s.start, s.end);
    for (const m of t.matchAll(/[“"]([^“”"]*)(?:[”"]|$)/g)) if ((m[1].match(/[\p{L}\p{N}]+/gu) ?? []).length >= 3) return true;
  }
  return false;
}

function charsInside(a: Span, spans: Span[]): number {
  let n = 0;
  for (const s of spans) n += Math.max(0, Math.min(a.end, s.end) - Math.max(a.start, s.start));
  return n;
}

const overlapsAny = (a: Span, spans: Span[] | undefined) => (spans ?? []).some((s) => a.start < s.end && s.start < a.end);

export interface SpeakerResult {
  counts: SpeakerCounts;
  /** Short descriptions of errors, offsets only (the caller adds text where it may). */
  errors: { kind: 'wrong person' | 'not the antecedent' | 'no source' | 'missed'; at: Span; speaker?: string; source?: Span[] }[];
}

export function scoreSpeakers(text: string, attributions: BratAttribution[], quotes: ScoredQuote[], coref?: Span[][]): SpeakerResult {
  const c = emptySpeakerCounts();
  const errors: SpeakerResult['errors'] = [];
  const tokens = (s: string) => nameTokens(s, 0, -1, new Set());
  const sourceText = (a: BratAttribution) => (a.source ?? []).map((s) => text.slice(s.start, s.end)).join(' ');
  const withSource = attributions.filter(sourced).sort((a, b) => a.source![0].start - b.source![0].start);
  /** The name tokens an annotated source stands for: its own, or its antecedent's (nearest earlier named source). */
  const sourceNames = (a: BratAttribution): { names: string[]; viaAntecedent: boolean } => {
    const own = tokens(sourceText(a));
    if (own.length) return { names: own, viaAntecedent: false };
    // CoreNLP's chains through the source (the names its other mentions give), and the nearest earlier named source.
    const chains = (coref ?? []).filter((chain) => chain.some((m) => overlapsAny(m, a.source)));
    const fromChains = [...new Set(chains.flatMap((chain) => chain.flatMap((m) => tokens(text.slice(m.start, m.end)))))];
    const at = a.source![0].start;
    for (let i = withSource.length - 1; i >= 0; i--) {
      const b = withSource[i];
      if (b.source![0].start >= at) continue;
      const names = tokens(sourceText(b));
      if (names.length) return { names: [...fromChains, ...names], viaAntecedent: true };
    }
    return { names: fromChains, viaAntecedent: true };
  };
  const verdict = (q: ScoredQuote, a: BratAttribution): 'source' | 'antecedent' | 'wrong' | 'not antecedent' => {
    const sp = q.speaker!;
    if (sp.range && overlapsAny(sp.range, a.source)) return 'source';
    const mine = tokens(sp.name);
    const { names, viaAntecedent } = sourceNames(a);
    if (mine.some((t) => names.includes(t))) return viaAntecedent ? 'antecedent' : 'source';
    return viaAntecedent ? 'not antecedent' : 'wrong';
  };
  const right = (v: ReturnType<typeof verdict>) => v === 'source' || v === 'antecedent';
  const owner = (q: ScoredQuote): BratAttribution | undefined => {
    let best: BratAttribution | undefined;
    let size = 0;
    for (const a of attributions) {
      const n = charsInside(q.range, a.content ?? []);
      if (n > size) [best, size] = [a, n];
    }
    return best && size * 2 >= Math.max(1, q.range.end - q.range.start) ? best : undefined;
  };
  const speech = quotes.filter((q) => q.kind !== 'scare');
  const ownerOf = new Map(speech.map((q) => [q, owner(q)]));
  for (const q of speech) {
    c.quotes++;
    if (!q.speaker) continue;
    c.named++;
    const a = ownerOf.get(q);
    if (!a) {
      c.inNone++;
      errors.push({ kind: 'no source', at: q.range, speaker: q.speaker.name });
    } else if (!sourced(a)) {
      c.inSourceless++;
      errors.push({ kind: 'no source', at: q.range, speaker: q.speaker.name });
    } else {
      const v = verdict(q, a);
      if (v === 'source') c.rightSource++;
      else if (v === 'antecedent') c.rightAntecedent++;
      else {
        if (v === 'wrong') c.wrongPerson++;
        else c.wrongAntecedent++;
        errors.push({ kind: v === 'wrong' ? 'wrong person' : 'not the antecedent', at: q.range, speaker: q.speaker.name, source: a.source });
      }
    }
  }
  for (const a of withSource) {
    if (!holdsQuotation(text, a.content)) continue;
    c.goldQuoted++;
    const found = speech.filter((q) => ownerOf.get(q) === a);
    if (!found.length) {
      c.notFound++;
      errors.push({ kind: 'missed', at: a.content![0], source: a.source });
    } else if (found.some((q) => q.speaker && right(verdict(q, a)))) c.foundRight++;
    else if (found.some((q) => q.speaker)) c.foundWrong++;
    else c.foundNoSpeaker++;
  }
  return { counts: c, errors };
}

export function speakerPrecision(c: SpeakerCounts): number | null {
  return c.named ? (c.rightSource + c.rightAntecedent) / c.named : null;
}

/** Precision over the quotations whose annotated source names someone (no antecedent proxy), or that lie in no sourced attribution. */
export function speakerPrecisionNamed(c: SpeakerCounts): number | null {
  const judged = c.named - c.rightAntecedent - c.wrongAntecedent;
  return judged ? c.rightSource / judged : null;
}

export function speakerRecall(c: SpeakerCounts): number | null {
  return c.goldQuoted ? c.foundRight / c.goldQuoted : null;
}

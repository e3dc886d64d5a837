// unattributed-claim, anonymous-source, quote-unattributed (per article) and quote-variant (across articles).

import { diffWords } from 'diff';
import type { Analysis } from '../model';
import { foldText } from '../fold';
import { PartitionedRule, PartitionMember } from '../partitions';
import { Finding } from '../types';
import { Quote } from './extract';
import { pushTo } from '../groups';
import { outletLabel } from '../outlet';
import { sourcingApplies } from '../language';

export function sourcingFindings(analysis: Analysis): Finding[] {
  const { article, sourcing } = analysis;
  const out: Finding[] = [];
  // Speech verbs, hedges and claim patterns are English: on a page in another language every claim would look
  // sourceless (the real meetings corpus: 9 of 21 false unattributed-claim flags). structure/not-english says so.
  if (!sourcingApplies(article)) return out;
  // A claim is sourced by an attribution of its own sentence. One carried over from an earlier sentence (no cue of its
  // own), another sentence of its paragraph or the paragraph after the lead does not count: on news annotated for
  // attribution (PolNeAR) the sentences they covered were mostly the outlet's own (about 2 in 3 on its dev split).
  const attributed = new Set(sourcing.attributions.filter((a) => !a.inherited).map((a) => a.sentence));
  for (const claim of sourcing.claims) {
    if (attributed.has(claim.sentence)) continue;
    const sentence = article.sentences[claim.sentence];
    const quoted = sourcing.quotes.some((q) => q.speaker && q.range.start <= sentence.range.start && q.range.end >= sentence.range.end - 1);
    if (quoted) continue;
    out.push({
      code: 'unattributed-claim',
      severity: 'warning',
      message: `Unattributed ${claim.kind}: nobody is cited for “${article.text.slice(sentence.range.start, sentence.range.end).slice(0, 90).trim()}${sentence.range.end - sentence.range.start > 90 ? '…' : ''}”.`,
      uri: article.uri,
      range: sentence.range,
      related: [],
    });
  }
  for (const a of sourcing.attributions) {
    if (a.inherited || a.source.type !== 'anonymous') continue;
    out.push({
      code: 'anonymous-source',
      severity: 'information',
      message: `Rests on a vague or anonymous source: “${a.source.name}”.`,
      uri: article.uri,
      range: a.source.range ?? a.cueRange,
      related: [],
    });
  }
  for (const q of sourcing.quotes) {
    if (q.kind !== 'direct' || q.speaker || q.implicit) continue;
    // A speaker named in the sentence before or after ("Smith spoke next. 'We will …'") is a speaker.
    const at = article.sentences.findIndex((s) => s.range.end >= q.range.start);
    if ([at - 1, at, at + 1].some((i) => attributed.has(i))) continue;
    // The speaker named right after the quotation: "… ." That quote from Commissioner Jane Roe appeared in 1980.
    const next = article.sentences.find((s) => s.range.start >= q.range.end);
    if (next && QUOTE_NAMED_AFTER.test(article.text.slice(next.range.start, next.range.end))) continue;
    out.push({ code: 'quote-unattributed', severity: 'warning', message: 'Quotation with no speaker: who said this?', uri: article.uri, range: q.range, related: [] });
  }
  return out;
}

const QUOTE_NAMED_AFTER = /^(?:That|The|This|Those|These)\s+(?:quote|quotation|line|remark|remarks|comment|words)\s+(?:(?:came|comes|is|was|were|are)\s+)?(?:from|by|of)\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,4}\p{Lu}/u;

const STOP = new Set('the and for that this with from have has had are was were will would can could not but its their his her our your they them she him who what when where which while than then there here been being into about over after before also just only very more most such some any all both each other same own one two'.split(' '));

function tokens(text: string): string[] {
  return foldText(text).toLowerCase().split(/[^\p{L}\d]+/u).filter((w) => w.length > 2 && !STOP.has(w));
}

/**
 * Content similarity of two quotations: the share of the shorter one's content words found in the other (overlap
 * coefficient), so a shortened or paraphrased version of a longer statement still matches.
 */
export function similarity(a: string, b: string): number {
  return overlap(new Set(tokens(a)), new Set(tokens(b)));
}

function overlap(ta: Set<string>, tb: Set<string>): number {
  if (!ta.size || !tb.size) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / Math.min(ta.size, tb.size);
}

/** A word-level diff of two versions of a quotation, for hovers: removed words struck through, added in bold. */
export function wordDiff(a: string, b: string): string {
  return diffWords(a.trim(), b.trim())
    .map((part) => (part.added ? `**${part.value.trim()}** ` : part.removed ? `~~${part.value.trim()}~~ ` : part.value))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Overlap above which two quotations by one speaker are the same statement (the samples' Cavusoglu pair: 0.75). */
const SAME_STATEMENT = 0.6;
const MIN_QUOTE_WORDS = 6;
const MAX_QUOTES_PER_SPEAKER = 200;

/** A quotation worth comparing, with its content words and folded text worked out once. */
export interface QuoteEntry {
  quote: Quote;
  words: Set<string>;
  folded: string;
}

export interface QuoteVariant {
  a: Analysis;
  qa: Quote;
  b: Analysis;
  qb: Quote;
  score: number;
}

/** Pairs of quotations by one speaker (a partition's members) in different articles that say the same thing in other words. */
export function quoteVariants(members: PartitionMember<QuoteEntry>[]): QuoteVariant[] {
  // Pairwise: a much-quoted speaker is compared on the first quotes, in URI order.
  const list = members.flatMap(({ analysis, items }) => items.map((entry) => ({ analysis, entry }))).slice(0, MAX_QUOTES_PER_SPEAKER);
  const pairs: QuoteVariant[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const x = list[i];
      const y = list[j];
      if (x.analysis.article.uri === y.analysis.article.uri) continue;
      const score = overlap(x.entry.words, y.entry.words);
      if (score >= SAME_STATEMENT && x.entry.folded !== y.entry.folded) {
        pairs.push({ a: x.analysis, qa: x.entry.quote, b: y.analysis, qb: y.entry.quote, score });
      }
    }
  }
  return pairs;
}

/** `quote-variant`, partitioned by speaker. */
export const quoteVariantRule: PartitionedRule<QuoteEntry> = {
  id: 'quote',
  contribute(analysis) {
    const out = new Map<string, QuoteEntry[]>();
    for (const quote of analysis.sourcing.quotes) {
      if (quote.kind === 'scare' || !quote.speaker?.key || quote.speaker.type === 'anonymous') continue;
      const words = tokens(quote.content);
      if (words.length < MIN_QUOTE_WORDS) continue;
      pushTo(out, quote.speaker.key, { quote, words: new Set(words), folded: foldText(quote.content).trim() });
    }
    return out;
  },
  check(_speaker, members) {
    const out: Finding[] = [];
    const name = (a: Analysis) => outletLabel(a.article);
    const show = (q: Quote) => q.content.trim().replace(/[,;:.]+$/, '').slice(0, 120);
    for (const { a, qa, b, qb } of quoteVariants(members)) {
      const speaker = qa.speaker!.name;
      out.push(
        { code: 'quote-variant', severity: 'information', message: `${name(b)} quotes ${speaker} saying this in other words: “${show(qb)}”.`, uri: a.article.uri, range: qa.range, related: [{ uri: b.article.uri, range: qb.range, message: `${name(b)}'s version` }] },
        { code: 'quote-variant', severity: 'information', message: `${name(a)} quotes ${qb.speaker!.name} saying this in other words: “${show(qa)}”.`, uri: b.article.uri, range: qb.range, related: [{ uri: a.article.uri, range: qa.range, message: `${name(a)}'s version` }] },
      );
    }
    return out;
  },
};

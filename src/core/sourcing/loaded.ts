// `loaded-term`: words that carry a verdict (rules/loaded.yaml), and the words other outlets in the corpus use for
// the same group — so the reader sees the choice each outlet made.

import rulePack from '../rules/loaded.yaml';
import { PartitionedRule } from '../partitions';
import { Article, Finding, TextRange } from '../types';
import type { Analysis } from '../model';
import { groupBy } from '../groups';

interface RawPack {
  notLoaded?: string[];
  groups: { group: string; terms: string[]; neutral?: string[]; labels?: string[] }[];
}

const pack = rulePack as RawPack;
// Phrases that hold a term but name no group ("regime change") join the pattern with no group: being longer they
// match first, and a match with no group is dropped.
const TERMS = [...pack.groups.flatMap((g) => g.terms.map((t) => ({ term: t, group: g.group }))), ...(pack.notLoaded ?? []).map((t) => ({ term: t, group: '' }))].sort((a, b) => b.term.length - a.term.length);
const PATTERN = new RegExp(`(?<![\\p{L}-])(${TERMS.map((t) => t.term.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}-])`, 'giu');
const GROUP_OF = new Map(TERMS.filter((t) => t.group).map((t) => [t.term, t.group]));
/** Capitalised and followed by a capitalised word that is not part of the term: a name ("the Zionist Union"). */
const IN_PROPER_NAME = /^\s+\p{Lu}/u;
/** Words wire services use neutrally ("rebels", "insurgents"): alternatives in messages, not findings. */
const NEUTRAL = new Set(pack.groups.flatMap((g) => g.neutral ?? []));
/** Words that brand a whole group (the usage of state media): information, not a hint. */
const LABELS = new Set(pack.groups.flatMap((g) => g.labels ?? []));

/** A designation of an act or an organisation ("terrorist attack", "terrorist organisation"), not of people. */
const DESIGNATION_TERM = /^terrorist(?: (?:groups|organi[sz]ations))?$/;
const DESIGNATED_THING = /^\s+(?:attacks?|acts?|incidents?|plots?|offen[cs]es?|charges?|organi[sz]ations?|groups?|list|designation|threat)\b/i;
/** Words before it in the sentence that make the designation someone's: an authority's list, a charge, a description. */
const DESIGNATION_CUE = /\b(?:designat\w*|list(?:s|ed|ing)?|proscrib\w*|bann\w*|blacklist\w*|classif\w*|consider\w*|deem\w*|brand\w*|call(?:s|ed|ing)?|describ\w*|label\w*|treat(?:s|ed|ing)?|investigat\w*|charg\w*|accus\w*|convict\w*|suspect\w*|sentenc\w*|declar\w*|recogni[sz]\w*)\b/i;

/** The term is part of a name: capitalised mid-sentence, in a sentence that is not title case (a headline's "Rebels
 *  Seize Town" is not a name), and followed by another capitalised word. */
function inProperName(sentence: string, at: number, word: string): boolean {
  if (at === 0 || !/^\p{Lu}/u.test(word) || !IN_PROPER_NAME.test(sentence.slice(at + word.length, at + word.length + 3))) return false;
  const words = sentence.match(/\p{L}+/gu) ?? [];
  return words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 < words.length;
}

export interface LoadedTerm {
  range: TextRange;
  term: string;
  group: string;
}

export function findLoadedTerms(article: Article): LoadedTerm[] {
  const out: LoadedTerm[] = [];
  for (const s of article.sentences) {
    const text = article.text.slice(s.range.start, s.range.end);
    for (const m of text.matchAll(PATTERN)) {
      const term = m[1].toLowerCase().replace(/\s+/g, ' ');
      const group = GROUP_OF.get(term);
      if (group && inProperName(text, m.index!, m[1])) continue;
      if (group) out.push({ range: { start: s.range.start + m.index!, end: s.range.start + m.index! + m[1].length }, term, group });
    }
  }
  return out;
}

/**
 * The loaded words an outlet chose in its own voice: not inside a quotation (the speaker's word), and not a
 * designation the sentence attributes to someone ("police are treating it as a terrorist attack", "designated a
 * terrorist organisation by the US", "what officials called a terrorist attack").
 */
export function ownLoadedTerms(analysis: Pick<Analysis, 'article' | 'sourcing'>): LoadedTerm[] {
  const { article, sourcing } = analysis;
  const quoted = sourcing.quotes.map((q) => q.range);
  const attributed = new Set(sourcing.attributions.map((a) => a.sentence));
  return findLoadedTerms(article).filter((t) => {
    if (quoted.some((q) => t.range.start >= q.start && t.range.end <= q.end)) return false;
    if (!DESIGNATION_TERM.test(t.term)) return true;
    const after = article.text.slice(t.range.end, t.range.end + 20);
    if (!/s$/.test(t.term) && !DESIGNATED_THING.test(after)) return true; // "a terrorist": a person, not a designation
    const index = article.sentences.findIndex((s) => t.range.start >= s.range.start && t.range.start < s.range.end);
    const before = index >= 0 ? article.text.slice(article.sentences[index].range.start, t.range.start) : '';
    return !(DESIGNATION_CUE.test(before) || (attributed.has(index) && /^terrorist$/.test(t.term)));
  });
}

const stem = (term: string) => term.replace(/s$/, '');

/**
 * `loaded-term`, partitioned by group: one hint per loaded word, naming up to four other words the corpus uses for
 * the same group, each with the first other article (in URI order) that uses it.
 */
export const loadedTermRule: PartitionedRule<LoadedTerm> = {
  id: 'loaded',
  contribute: (analysis) => groupBy(ownLoadedTerms(analysis), (t) => t.group),
  check(_group, members) {
    // Each word's first use, and its first use in another article: what a reader of that first article is shown.
    const words = new Map<string, { first: { at: number; member: number }; other?: { at: number; member: number } }>();
    let at = 0;
    members.forEach(({ items }, member) => {
      for (const t of items) {
        const seen = words.get(t.term);
        if (!seen) words.set(t.term, { first: { at, member } });
        else if (!seen.other && seen.first.member !== member) seen.other = { at, member };
        at++;
      }
    });
    const outlet = (member: number) => members[member].analysis.article.meta.outlet ?? members[member].analysis.article.name;
    const out: Finding[] = [];
    members.forEach(({ analysis: { article }, items }, member) => {
      const usedElsewhere = [...words]
        .map(([word, { first, other }]) => ({ word, use: first.member !== member ? first : other }))
        .filter((w): w is { word: string; use: { at: number; member: number } } => !!w.use)
        .sort((x, y) => x.use.at - y.use.at);
      for (const t of items) {
        if (NEUTRAL.has(t.term)) continue;
        const alt = usedElsewhere.filter((w) => stem(w.word) !== stem(t.term) && !t.term.endsWith(` ${w.word}`) && !w.word.endsWith(` ${t.term}`)).slice(0, 4);
        const label = LABELS.has(t.term);
        out.push({
          code: label ? 'loaded-label' : 'loaded-term',
          severity: label ? 'information' : 'hint',
          message: `“${article.text.slice(t.range.start, t.range.end)}” ${label ? 'labels a whole group with a verdict' : 'carries a verdict'} (${t.group})${alt.length ? `; elsewhere in the corpus: ${alt.map((w) => `“${w.word}” (${outlet(w.use.member)})`).join(', ')}` : ''}.`,
          uri: article.uri,
          range: t.range,
          related: [],
        });
      }
    });
    return out;
  },
};

// Whether an article is English prose. The rules that read phrasing (speech verbs, hedges, claim patterns, the
// tagger's nouns) are English; on Portuguese, Italian or Russian pages they would find no source for anything.

import type { Article } from './types';

const ENGLISH_FUNCTION_WORDS = new Set(['the', 'of', 'and', 'to', 'is', 'was', 'for', 'on', 'that', 'with', 'said', 'he', 'she', 'it', 'by', 'at', 'from', 'has', 'have', 'were', 'his', 'her', 'their', 'will']);

/** Fewer tokens than this (a headline and a line or two) are too few to tell English by its function words. */
const MIN_TOKENS = 60;
const LATIN_LETTERS = /\p{Script=Latin}/gu;
const ANY_LETTERS = /\p{L}/gu;

export interface ProseLanguage {
  /** Enough English function words among the first 400 tokens (the recogniser's reading of the tagger). */
  english: boolean;
  /** Whether that verdict can be trusted: enough tokens, or a script other than Latin for most letters. */
  sure: boolean;
}

/**
 * English prose has one of these function words in every few tokens; Portuguese, Italian, Indonesian or Russian
 * hardly any. A short list of the commonest words is enough for that and needs no language-detection package
 * (those weigh megabytes of n-gram tables for the one bit needed here).
 */
export function proseLanguage(article: Pick<Article, 'text' | 'tokens'>): ProseLanguage {
  const { text } = article;
  const { starts, ends } = article.tokens;
  const n = Math.min(starts.length, 400);
  let hits = 0;
  for (let i = 0; i < n; i++) if (ENGLISH_FUNCTION_WORDS.has(text.slice(starts[i], ends[i]).toLowerCase())) hits++;
  const english = n === 0 || hits >= 0.08 * n;
  if (n >= MIN_TOKENS || english) return { english, sure: true };
  // A short text: only a script other than Latin says for sure that it is not English.
  const letters = text.slice(0, 4000);
  return { english, sure: (letters.match(LATIN_LETTERS)?.length ?? 0) < (letters.match(ANY_LETTERS)?.length ?? 0) / 2 };
}

/** Whether the sourcing checks, which read English phrasing, can say anything of this article. */
export function sourcingApplies(article: Pick<Article, 'text' | 'tokens'>): boolean {
  const language = proseLanguage(article);
  return language.english || !language.sure;
}

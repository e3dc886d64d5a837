// Whether an article is English prose. The rules that read phrasing (speech verbs, hedges, claim patterns, the
// tagger's nouns) are English; on Portuguese, Italian or Russian pages they would find no source for anything.

import type { Article } from './types';

const ENGLISH_FUNCTION_WORDS = new Set(['the', 'of', 'and', 'to', 'is', 'was', 'for', 'on', 'that', 'with', 'said', 'he', 'she', 'it', 'by', 'at', 'from', 'has', 'have', 'were', 'his', 'her', 'their', 'will']);

/**
 * English prose has one of these function words in every few tokens; Portuguese, Italian, Indonesian or Russian
 * hardly any. A short list of the commonest words is enough for that and needs no language-detection package
 * (those weigh megabytes of n-gram tables for the one bit needed here). Looks at the first 400 tokens.
 */
export function readsAsEnglish(article: Pick<Article, 'text' | 'tokens'>): boolean {
  const { text } = article;
  const { starts, ends } = article.tokens;
  const n = Math.min(starts.length, 400);
  let hits = 0;
  for (let i = 0; i < n; i++) if (ENGLISH_FUNCTION_WORDS.has(text.slice(starts[i], ends[i]).toLowerCase())) hits++;
  return n === 0 || hits >= 0.08 * n;
}

// `loaded-term`: words that carry a verdict (rules/loaded.yaml), and the words other outlets in the corpus use for
// the same group — so the reader sees the choice each outlet made.

import rulePack from '../rules/loaded.yaml';
import type { Corpus } from '../corpus';
import { Article, Finding, TextRange } from '../types';

interface RawPack {
  groups: { group: string; terms: string[] }[];
}

const pack = rulePack as RawPack;
const TERMS = pack.groups.flatMap((g) => g.terms.map((t) => ({ term: t, group: g.group }))).sort((a, b) => b.term.length - a.term.length);
const PATTERN = new RegExp(`(?<![\\p{L}-])(${TERMS.map((t) => t.term.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}-])`, 'giu');
const GROUP_OF = new Map(TERMS.map((t) => [t.term, t.group]));

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
      if (group) out.push({ range: { start: s.range.start + m.index!, end: s.range.start + m.index! + m[1].length }, term, group });
    }
  }
  return out;
}

/** One hint per loaded word, naming the words other outlets use for the same group when the corpus has them. */
export function loadedTermFindings(corpus: Corpus): Finding[] {
  const byArticle = corpus.all().map((a) => ({ article: a.article, terms: findLoadedTerms(a.article) }));
  const others = (uri: string, group: string, term: string) => {
    const words = new Map<string, string>();
    for (const x of byArticle) {
      if (x.article.uri === uri) continue;
      for (const t of x.terms) if (t.group === group && t.term.replace(/s$/, '') !== term.replace(/s$/, '') && !words.has(t.term)) words.set(t.term, x.article.meta.outlet ?? x.article.name);
    }
    return [...words].slice(0, 4);
  };
  const out: Finding[] = [];
  for (const { article, terms } of byArticle) {
    for (const t of terms) {
      const alt = others(article.uri, t.group, t.term);
      out.push({
        code: 'loaded-term',
        severity: 'hint',
        message: `“${article.text.slice(t.range.start, t.range.end)}” carries a verdict (${t.group})${alt.length ? `; elsewhere in the corpus: ${alt.map(([w, o]) => `“${w}” (${o})`).join(', ')}` : ''}.`,
        uri: article.uri,
        range: t.range,
        related: [],
      });
    }
  }
  return out;
}

// The per-article pass: structure first, then every extractor over it, then the rules that look at one article.
// One place lists the layers, so the corpus, the worker pool and the cache all produce the same thing.

import { parseArticle } from './article';
import { extractFigures, Figure } from './figures/extract';
import { EventAccount, extractAccounts } from './meetings/extract';
import { participantsBySentence } from './meetings/participants';
import { Mention, recogniseEntities } from './people/recognise';
import { extractSourcing, Sourcing } from './sourcing/extract';
import { extractTimes, TimeExpression } from './time/extract';
import { articleFindings } from './findings/article';
import { Article, ArticleInput, Finding } from './types';

export interface Analysis {
  article: Article;
  times: TimeExpression[];
  figures: Figure[];
  /** People, organisations and places, with titles. */
  mentions: Mention[];
  /** Accounts of meetings, visits and calls in this article. */
  accounts: EventAccount[];
  /** Quotations, who says what, and the claims nobody is cited for. */
  sourcing: Sourcing;
  /** Findings about this article alone (structure, headline, sourcing): computed here, where the work is parallel. */
  findings: Finding[];
}

export function analyse(input: ArticleInput): Analysis {
  const article = parseArticle(input);
  const times = extractTimes(article);
  // A number inside a date ("Nov. 27", "08.17.17") is part of the date, not a figure; bare years stay anchors.
  const figures = extractFigures(article, times.filter((t) => t.kind !== 'year').map((t) => t.range));
  const mentions = recogniseEntities(article);
  const partial = { article, times, figures, mentions, accounts: [] as EventAccount[], sourcing: extractSourcing(article, mentions, figures), findings: [] as Finding[] };
  partial.accounts = extractAccounts(partial, participantsBySentence(article, mentions));
  partial.findings = articleFindings(partial);
  return partial;
}

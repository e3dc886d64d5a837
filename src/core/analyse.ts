// The per-article pass: structure first, then every extractor over it, then the rules that look at one article.
// One place lists the layers, so the corpus, the worker pool and the cache all produce the same thing.

import { parseArticle } from './article';
import { extractFigures, MAX_FIGURES_PER_SENTENCE } from './figures/extract';
import { extractAccounts } from './meetings/extract';
import { participantsBySentence } from './meetings/participants';
import { refineAccounts } from './meetings/refine';
import { recogniseEntities } from './people/recognise';
import { extractSourcing } from './sourcing/extract';
import { extractTimes } from './time/extract';
import { articleFindings } from './findings/article';
import { eventProfile } from './events/profile';
import type { Analysis, ArticleInput, EventAccount, Finding, TextRange } from './model';

export type { Analysis } from './model';

export function analyse(input: ArticleInput): Analysis {
  const article = parseArticle(input);
  const times = extractTimes(article);
  // A number inside a date ("Nov. 27", "08.17.17") is part of the date, not a figure; bare years stay anchors.
  const crowded: TextRange[] = [];
  const figures = extractFigures(article, times.filter((t) => t.kind !== 'year').map((t) => t.range), crowded);
  for (const range of crowded) {
    article.problems.push({
      code: 'structure/too-many-figures',
      severity: 'information',
      message: `This sentence holds more than ${MAX_FIGURES_PER_SENTENCE} numbers (a table, a list or debris, not prose): only the first ${MAX_FIGURES_PER_SENTENCE} are read as figures.`,
      range: { start: range.start, end: Math.min(range.end, range.start + 200) },
    });
  }
  const mentions = recogniseEntities(article);
  const partial = { article, times, figures, mentions, accounts: [] as EventAccount[], sourcing: extractSourcing(article, mentions, figures), findings: [] as Finding[], event: eventProfile({ article, mentions }) };
  partial.accounts = extractAccounts(partial, participantsBySentence(article, mentions));
  refineAccounts(partial);
  partial.findings = articleFindings(partial);
  return partial;
}

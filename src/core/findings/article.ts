// The rules that look at one article at a time. They run inside the per-article pass (in a worker thread during
// a cold index), so the main thread only stores their findings.

import type { Analysis } from '../model';
import { Finding } from '../types';
import { impossibleDates } from './accounts';
import { headlineFindings, headlineOverstated } from './headlines';
import { structureFindings } from './structure';
import { sourcingFindings } from '../sourcing/findings';

/** A rule that looks at one article (its `findings` are still empty while the rules run). */
export type ArticleRule = (analysis: Analysis) => Finding[];

const ARTICLE_RULES: ArticleRule[] = [(a) => structureFindings(a.article), headlineFindings, headlineOverstated, sourcingFindings, impossibleDates];

export function articleFindings(analysis: Analysis): Finding[] {
  return ARTICLE_RULES.flatMap((rule) => rule(analysis));
}

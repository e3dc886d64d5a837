// How findings name another article: "Tasnim News Agency (001-tasnim.txt)", or the file name when the outlet is unknown.

import type { Article } from './types';

export function outletLabel(article: Pick<Article, 'meta' | 'name'>): string {
  return article.meta.outlet ? `${article.meta.outlet} (${article.name})` : article.name;
}

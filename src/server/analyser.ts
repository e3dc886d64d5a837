// Where a per-article analysis comes from: the persistent cache if it has this exact input, else a worker
// thread (or this thread when there is no pool). Shared by the server and the CLI.

import { analyse, Analysis } from './analysis/analyse';
import { inputHash } from './analysis/article';
import { ArticleInput } from './analysis/types';
import { AnalysisCache } from './io/cache';
import { AnalysisPool } from './pool';

export class Analyser {
  hits = 0;
  misses = 0;

  constructor(readonly pool?: AnalysisPool, readonly cache?: AnalysisCache) {}

  /**
   * How many articles may usefully be in flight at once: two per worker keeps every worker busy; without workers,
   * a few files are read ahead while this thread analyses (the analysis itself runs one at a time).
   */
  get concurrency(): number {
    return this.pool && this.pool.size > 0 ? this.pool.size * 2 : 4;
  }

  async analyse(input: ArticleInput): Promise<Analysis> {
    const hash = inputHash(input);
    const cached = this.cache?.get(hash, input.text);
    if (cached) {
      this.hits++;
      return cached;
    }
    this.misses++;
    const result = this.pool ? await this.pool.analyse(input) : analyse(input);
    this.cache?.set(result);
    return result;
  }

  flush(): void {
    this.cache?.flush();
  }

  async close(): Promise<void> {
    this.cache?.flush();
    await this.pool?.close();
  }
}

/** Runs `work` over items with at most `limit` in flight, in order of start. */
export async function forEachLimited<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  });
  await Promise.all(runners);
}

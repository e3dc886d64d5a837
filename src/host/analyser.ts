// Where a per-article analysis comes from: the persistent cache if it has this exact input, else a worker
// thread (or this thread when there is no pool). Shared by the server and the CLI.

import { analyse, Analysis } from '../core/analyse';
import { inputHash } from '../core/article';
import { ArticleInput } from '../core/types';
import { AnalysisCache } from './cache';
import { AnalysisPool } from './pool';

const MAIN_THREAD_FIRST = 4;
const MAIN_THREAD_SHARE = 16;

export class Analyser {
  hits = 0;
  misses = 0;

  /** `warmThisThread`: analyse a share here too, for a server that will analyse the reader's edits on this thread. */
  constructor(readonly pool?: AnalysisPool, readonly cache?: AnalysisCache, private readonly warmThisThread = false) {}

  /**
   * How many articles may usefully be in flight at once: two per worker keeps every worker busy; without workers,
   * a few files are read ahead while this thread analyses (the analysis itself runs one at a time).
   */
  get concurrency(): number {
    return this.pool && this.pool.size > 0 ? this.pool.size * 2 : 4;
  }

  async analyse(input: ArticleInput): Promise<Analysis> {
    const cached = this.cache?.get(inputHash(input), input.text); // hashed only when there is a cache to ask
    if (cached) {
      this.hits++;
      return cached;
    }
    this.misses++;
    const result = this.pool && !this.onThisThread() ? await this.pool.analyse(input) : analyse(input);
    this.cache?.set(result);
    return result;
  }

  /**
   * An article analysed off this thread whenever there is a worker (never on it as a warm-up share): a large open
   * document, so the server keeps answering while it is analysed. Goes ahead of queued indexing jobs. Without
   * workers it is analysed here, as before. The cache is asked (a document opened as it is on disk) but not
   * filled: unsaved versions of an edited document would only crowd it.
   */
  async analyseOffThread(input: ArticleInput): Promise<Analysis> {
    const cached = this.cache?.get(inputHash(input), input.text);
    if (cached) {
      this.hits++;
      return cached;
    }
    this.misses++;
    return this.pool?.threaded ? this.pool.analyse(input, true) : analyse(input);
  }

  /** Whether analyseOffThread really leaves this thread. */
  get offThread(): boolean {
    return !!this.pool?.threaded;
  }

  /**
   * With `warmThisThread`, the first articles of a run, then one in MAIN_THREAD_SHARE, are analysed on this thread.
   * A server analyses the reader's edits here: without real text through its code, the first edits would run
   * un-optimised (50 ms instead of 5). The CLI does not: on two cores this thread's share slows the workers.
   * Results are the same on any thread.
   */
  private onThisThread(): boolean {
    return this.warmThisThread && (this.misses <= MAIN_THREAD_FIRST || this.misses % MAIN_THREAD_SHARE === 0);
  }

  flush(): void {
    this.cache?.flush();
  }

  /** A batch is done: idle workers go now, so their memory is back before the corpus-wide pass that follows. */
  release(): void {
    this.pool?.retireIdle();
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

// A small pool of worker threads running the per-article analysis. A worker that dies is replaced and its job
// is retried on the main thread, so one pathological article cannot stall indexing. Workers start when there is
// work and exit after a short idle spell: a language server indexes in bursts (start-up, a folder added) and
// otherwise analyses single edits on its own thread, so idle workers would only hold memory (each has its own
// heap and NLP model).

import { Worker } from 'node:worker_threads';
import { analyse, Analysis } from '../core/analyse';
import { ArticleInput } from '../core/types';
import type { WorkRequest, WorkResponse } from './worker';

interface Job {
  input: ArticleInput;
  resolve: (analysis: Analysis) => void;
  reject: (error: Error) => void;
}

const MAX_FAILURES = 3;
/** How long an idle pool keeps its workers for the next burst. */
const IDLE_MS = 5_000;

export class AnalysisPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, { id: number; job: Job }>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;
  /** Workers that died without finishing a job; past a few, the pool gives up and analyses on this thread. */
  private failures = 0;

  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly workerPath: string,
    readonly size: number,
    private readonly log: (m: string) => void = () => undefined,
    private readonly idleMs = IDLE_MS,
  ) {}

  /** How many workers are running now (they start with work and stop when idle). */
  get running(): number {
    return this.idle.length + this.busy.size;
  }

  /**
   * `urgent`: the job goes ahead of those queued (an open document the reader is editing, while a cold index
   * keeps the workers busy); it still waits for a worker to finish the article in hand.
   */
  analyse(input: ArticleInput, urgent = false): Promise<Analysis> {
    if (this.closed || this.size === 0 || this.failures > MAX_FAILURES) return Promise.resolve(analyse(input));
    return new Promise((resolve, reject) => {
      if (urgent) this.queue.unshift({ input, resolve, reject });
      else this.queue.push({ input, resolve, reject });
      this.pump();
    });
  }

  /** Whether jobs really run on worker threads (not on the caller's thread: no workers, closed, or given up). */
  get threaded(): boolean {
    return !this.closed && this.size > 0 && this.failures <= MAX_FAILURES;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
    for (const { job } of this.busy.values()) job.resolve(analyse(job.input));
    this.busy.clear();
  }

  private spawn(): Worker {
    const worker = new Worker(this.workerPath);
    worker.unref();
    worker.on('message', (response: WorkResponse) => {
      const running = this.busy.get(worker);
      if (!running || running.id !== response.id) return;
      this.busy.delete(worker);
      this.idle.push(worker);
      worker.unref(); // an idle pool must not keep the process alive
      if ('error' in response) running.job.reject(new Error(response.error));
      else running.job.resolve(response.analysis);
      this.pump();
    });
    worker.on('error', (error) => this.replace(worker, error));
    worker.on('exit', (code) => {
      if (!this.closed && code !== 0) this.replace(worker, new Error(`worker exited with code ${code}`));
    });
    return worker;
  }

  private replace(worker: Worker, error: Error): void {
    if (this.closed || (!this.busy.has(worker) && !this.idle.includes(worker))) return; // already replaced ('error' then 'exit')
    const running = this.busy.get(worker);
    this.busy.delete(worker);
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    void worker.terminate();
    if (++this.failures > MAX_FAILURES) {
      this.log(`Analysis worker failed (${error.message}); too many failures, analysing on the main thread from now on.`);
      for (const job of this.queue.splice(0)) job.resolve(analyse(job.input));
    } else {
      this.log(`Analysis worker failed (${error.message}); replacing it.`);
      this.idle.push(this.spawn());
    }
    if (running) {
      try {
        running.job.resolve(analyse(running.job.input));
      } catch (e) {
        running.job.reject(e as Error);
      }
    }
    this.pump();
  }

  private pump(): void {
    clearTimeout(this.idleTimer);
    while (this.queue.length && !this.idle.length && this.running < this.size) this.idle.push(this.spawn());
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      this.busy.set(worker, { id, job });
      worker.ref(); // a busy one must, or a CLI awaiting only this result would exit
      worker.postMessage({ id, input: job.input } satisfies WorkRequest);
    }
    if (this.busy.size === 0 && this.idle.length) {
      this.idleTimer = setTimeout(() => this.retireIdle(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  /** Stops the idle workers now (they start again with the next job). */
  retireIdle(): void {
    clearTimeout(this.idleTimer);
    for (const worker of this.idle.splice(0)) void worker.terminate();
  }
}

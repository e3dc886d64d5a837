// Worker thread entry (dist/worker.js): analyses articles off the main thread during cold indexing.
// The per-article pass is pure and independent, so it parallelises without coordination.

import { parentPort } from 'node:worker_threads';
import { analyse } from '../core/analyse';
import { ArticleInput } from '../core/types';

export interface WorkRequest {
  id: number;
  input: ArticleInput;
}

export type WorkResponse = { id: number; analysis: ReturnType<typeof analyse> } | { id: number; error: string };

parentPort?.on('message', (request: WorkRequest) => {
  let response: WorkResponse;
  try {
    response = { id: request.id, analysis: analyse(request.input) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) };
  }
  parentPort!.postMessage(response);
});

// What the server last worked out for each URI's diagnostics: a result id (a hash of them) and how many there are.
// The corpus says which articles' findings changed; only those are recomputed, so a 10,000-article workspace
// costs an edit a handful of conversions, not 10,000. The diagnostics themselves are not kept: they are cheap to
// rebuild for the few URIs a client needs in full, and keeping them would double the memory of a large corpus.

import { Diagnostic } from 'vscode-languageserver';
import { contentHash } from '../core/hash';

export interface DiagnosticsState {
  resultId: string;
  count: number;
}

export class DiagnosticsCache {
  private readonly states = new Map<string, DiagnosticsState>();

  constructor(private readonly compute: (uri: string) => Diagnostic[]) {}

  forget(uris: Iterable<string> | 'all'): void {
    if (uris === 'all') this.states.clear();
    else for (const uri of uris) this.states.delete(uri);
  }

  /** The URI's current state, with the diagnostics when they had to be computed to get it. */
  state(uri: string): DiagnosticsState & { diagnostics?: Diagnostic[] } {
    const known = this.states.get(uri);
    if (known) return known;
    const diagnostics = this.compute(uri);
    const state = { resultId: resultIdOf(diagnostics), count: diagnostics.length };
    this.states.set(uri, state);
    return { ...state, diagnostics };
  }

  /** The URI's diagnostics (recomputed; the cached state is refreshed with them). */
  diagnostics(uri: string): { diagnostics: Diagnostic[]; resultId: string } {
    const diagnostics = this.compute(uri);
    const resultId = resultIdOf(diagnostics);
    this.states.set(uri, { resultId, count: diagnostics.length });
    return { diagnostics, resultId };
  }

  total(uris: Iterable<string>): number {
    let n = 0;
    for (const uri of uris) n += this.state(uri).count;
    return n;
  }
}

export function resultIdOf(diagnostics: Diagnostic[]): string {
  return contentHash(JSON.stringify(diagnostics));
}

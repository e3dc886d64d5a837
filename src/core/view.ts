// What a corpus rule may see of the corpus: a narrow read-only view, not the Corpus class that runs the rules.
// The Corpus implements it; rules and partitions import this, so nothing a rule imports leads back to the corpus.

import type { EventIndex } from './events/cluster';
import type { MeetingIndex } from './meetings/cluster';
import type { EntityIndex } from './people/identity';
import type { Knowledge } from './people/knowledge';
import type { Analysis, Article } from './model';

export interface CorpusView {
  get(uri: string): Article | undefined;
  analysis(uri: string): Analysis | undefined;
  /** The reader's knowledge file (titles, aliases): empty when there is none. */
  readonly knowledge: Knowledge;
  /** The meetings, brought up to date; `takeChanged` hands over the ids of meetings that changed, once. */
  meetings(): Pick<MeetingIndex, 'get' | 'takeChanged'>;
  /** The entities; `takeChanged` hands over the keys of entities that changed, once. */
  entities(): Pick<EntityIndex, 'ofKey' | 'takeChanged' | 'nearKeys'>;
  /** The news events (articles grouped by the real-world event they report); `takeChanged` as for meetings. */
  events(): Pick<EventIndex, 'get' | 'takeChanged' | 'similarity' | 'sharedFeatures'>;
}

// Cross-document rules, checked one partition at a time so that an edit re-checks only what it touches.
//
// Every rule that compares articles compares them within small groups: quotes of one speaker, loaded words of one
// group, figures counting one thing, the accounts of one meeting, the mentions of one name. A rule says which group
// each piece of an article belongs to and how to check one group; the corpus keeps the groups and, after a change,
// re-checks only the groups the changed article was or is in. A 10,000-article corpus then costs an edit a few
// groups, not 10,000 articles.

import type { Analysis } from './model';
import type { CorpusView } from './view';
import { Finding } from './types';
import { groupBy } from './groups';

/** One article's share of a partition. */
export interface PartitionMember<T> {
  analysis: Analysis;
  items: T[];
}

/** A rule whose partitions are made of what each article contributes (quotes by speaker, words by group…). */
export interface PartitionedRule<T> {
  id: string;
  /** What one article contributes, by partition key, in the article's order. Pure; called once per article version. */
  contribute(analysis: Analysis): Map<string, T[]>;
  /** Findings for one partition, given its members in URI order. */
  check(key: string, members: PartitionMember<T>[], corpus: CorpusView): Finding[];
}

/** A rule over groups an incremental index already maintains (meetings, entities): the index names what changed. */
export interface IndexedRule {
  id: string;
  /** Keys whose groups changed since the last call. Each call hands them over once. */
  takeChanged(corpus: CorpusView): Iterable<string>;
  check(key: string, corpus: CorpusView): Finding[];
}

/**
 * What every article contributes, by key: the partitions of one rule, or a plain index for lookups (figures by
 * what they count). Remembers the keys that changed when a rule is to re-check them.
 */
export class Partitions<T> {
  private readonly byKey = new Map<string, Map<string, T[]>>();
  private readonly keysOf = new Map<string, string[]>();
  private readonly dirty = new Set<string>();

  constructor(private readonly contribute: (analysis: Analysis) => Map<string, T[]>, private readonly trackChanges = true) {}

  put(analysis: Analysis): void {
    const uri = analysis.article.uri;
    this.remove(uri);
    const contributed = this.contribute(analysis);
    for (const [key, items] of contributed) {
      let members = this.byKey.get(key);
      if (!members) this.byKey.set(key, (members = new Map()));
      members.set(uri, items);
      if (this.trackChanges) this.dirty.add(key);
    }
    if (contributed.size) this.keysOf.set(uri, [...contributed.keys()]);
  }

  remove(uri: string): void {
    for (const key of this.keysOf.get(uri) ?? []) {
      const members = this.byKey.get(key)!;
      members.delete(uri);
      if (members.size === 0) this.byKey.delete(key);
      if (this.trackChanges) this.dirty.add(key);
    }
    this.keysOf.delete(uri);
  }

  /** The members of one partition, in URI order (so checks, and their caps, never depend on arrival order). */
  members(key: string, analysis: (uri: string) => Analysis | undefined): PartitionMember<T>[] {
    const members = this.byKey.get(key);
    if (!members) return [];
    const out: PartitionMember<T>[] = [];
    for (const uri of [...members.keys()].sort()) {
      const a = analysis(uri);
      if (a) out.push({ analysis: a, items: members.get(uri)! });
    }
    return out;
  }

  takeDirty(): string[] {
    const keys = [...this.dirty];
    this.dirty.clear();
    return keys;
  }
}

/**
 * The cross-document findings, stored by the group that produced them, and which articles' findings changed since
 * the last time someone asked (so a server re-sends only those).
 */
export class FindingStore {
  /** group -> uri -> findings */
  private readonly groups = new Map<string, Map<string, Finding[]>>();
  /** uri -> group -> findings */
  private readonly byUri = new Map<string, Map<string, Finding[]>>();

  /** Replaces a group's findings; adds to `changed` every URI whose findings from this group differ. */
  replace(group: string, findings: Finding[], changed: Set<string>): void {
    const next = groupBy(findings, (f) => f.uri);
    const previous = this.groups.get(group);
    for (const uri of previous?.keys() ?? []) {
      if (next.has(uri)) continue;
      const own = this.byUri.get(uri)!;
      own.delete(group);
      if (own.size === 0) this.byUri.delete(uri);
      changed.add(uri);
    }
    for (const [uri, list] of next) {
      const old = previous?.get(uri);
      if (!old || !sameFindings(old, list)) changed.add(uri);
      let own = this.byUri.get(uri);
      if (!own) this.byUri.set(uri, (own = new Map()));
      own.set(group, list);
    }
    if (next.size) this.groups.set(group, next);
    else this.groups.delete(group);
  }

  /** One article's cross-document findings, in a fixed order of groups (whatever order they were computed in). */
  forUri(uri: string): Finding[] {
    const own = this.byUri.get(uri);
    if (!own) return [];
    return [...own.keys()].sort().flatMap((group) => own.get(group)!);
  }
}

function sameFindings(a: Finding[], b: Finding[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

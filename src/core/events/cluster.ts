// Groups articles that report the same real-world event, incrementally and deterministically.
//
// Each article is a weighted bag of features (events/profile.ts); a feature counts for more the fewer articles of
// the corpus carry it (idf), so "earthquake" links two quake stories less than "Lake County" or the name of the
// person arrested. Articles join the event whose centroid they are closest to, if close enough (cosine), taking
// articles in URI order; a second pass moves each article to its best event once all events exist. A cold index
// is clustered from scratch; an edit re-clusters only the edited article's event and the events it could join.

import { contentHash } from '../hash';
import { EventProfile, EventType } from './profile';

export interface NewsEvent {
  id: string;
  type: EventType;
  label: string;
  /** Articles in URI order. */
  uris: string[];
  /** The features the articles share most (for "how they were linked"), as written: 'person:x', 'quake'. */
  shared: string[];
  /** Earliest and latest publication dates among the articles. */
  from?: string;
  to?: string;
}

/** Minimum cosine between an article and an event's centroid. */
export const JOIN_THRESHOLD = Number(process.env.SOURCELENS_EVENT_THRESHOLD ?? 0.25);
/** Articles published further apart than this are not reports of one event. */
const MAX_DAYS_APART = 60;
/** Features used to find candidate events: an article's heaviest ones. */
const BLOCKING_FEATURES = 15;

type Vector = Map<string, number>;

export class EventIndex {
  private readonly profiles = new Map<string, EventProfile>();
  private readonly df = new Map<string, number>();
  private readonly byFeature = new Map<string, Set<string>>();
  private readonly eventOf = new Map<string, string>();
  private readonly events = new Map<string, NewsEvent>();
  private readonly centroids = new Map<string, Vector>();
  private readonly changed = new Set<string>();
  /** Each article's weighted vector under the current weighting; emptied whenever a profile comes or goes (the idf
   *  of every feature then changes). Rule checks ask for the same pairs' similarity over and over. */
  private readonly vectors = new Map<string, Vector>();

  get size(): number {
    return this.profiles.size;
  }

  /** Adds or replaces an article's profile without clustering; call rebuild() after a batch. */
  stage(profile: EventProfile): void {
    this.unstage(profile.uri);
    this.vectors.clear();
    this.profiles.set(profile.uri, profile);
    for (const f of profile.features.keys()) this.df.set(f, (this.df.get(f) ?? 0) + 1);
    for (const f of blockingFeatures(profile)) {
      let set = this.byFeature.get(f);
      if (!set) this.byFeature.set(f, (set = new Set()));
      set.add(profile.uri);
    }
  }

  unstage(uri: string): void {
    const old = this.profiles.get(uri);
    if (!old) return;
    this.vectors.clear();
    for (const f of old.features.keys()) {
      const n = (this.df.get(f) ?? 1) - 1;
      if (n <= 0) this.df.delete(f);
      else this.df.set(f, n);
    }
    for (const f of blockingFeatures(old)) {
      const set = this.byFeature.get(f);
      set?.delete(uri);
      if (set && set.size === 0) this.byFeature.delete(f);
    }
    this.profiles.delete(uri);
  }

  /** Re-clusters everything from scratch (after a cold index, so the result never depends on arrival order). */
  rebuild(): void {
    for (const id of this.events.keys()) this.changed.add(id);
    this.events.clear();
    this.centroids.clear();
    this.eventOf.clear();
    this.recluster([...this.profiles.keys()]);
  }

  /** Replaces one article and re-clusters its old event and the events it could join. */
  update(profile: EventProfile): void {
    const affected = this.dissolve(profile.uri);
    this.stage(profile);
    // The events it could join: those sharing a feature whose centroid is at least half-way to the join threshold.
    const v = this.vector(profile);
    const near = new Set<string>();
    for (const uri of this.candidates(profile)) {
      const id = this.eventOf.get(uri);
      if (!id || near.has(id)) continue;
      const centroid = this.centroids.get(id);
      if (centroid && cosineToGroup(v, { sum: centroid }) >= JOIN_THRESHOLD / 2) near.add(id);
    }
    for (const id of near) {
      const event = this.events.get(id);
      if (event) for (const other of this.dissolve(event.uris[0])) affected.add(other);
    }
    affected.add(profile.uri);
    this.recluster([...affected].filter((u) => this.profiles.has(u)));
  }

  remove(uri: string): void {
    const affected = this.dissolve(uri);
    this.unstage(uri);
    affected.delete(uri);
    this.recluster([...affected]);
  }

  takeChanged(): string[] {
    const ids = [...this.changed];
    this.changed.clear();
    return ids;
  }

  all(): NewsEvent[] {
    return [...this.events.values()].sort((a, b) => (a.from ?? '9999').localeCompare(b.from ?? '9999') || a.id.localeCompare(b.id));
  }

  get(id: string): NewsEvent | undefined {
    return this.events.get(id);
  }

  /** The event an article reports (its own event even when no other outlet reports it). */
  of(uri: string): NewsEvent | undefined {
    return this.events.get(this.eventOf.get(uri) ?? '');
  }

  profile(uri: string): EventProfile | undefined {
    return this.profiles.get(uri);
  }

  /** Cosine similarity of two articles under the current weighting (for "how they were linked"). */
  similarity(a: string, b: string): number {
    const pa = this.profiles.get(a);
    const pb = this.profiles.get(b);
    return pa && pb ? cosine(this.vector(pa), this.vector(pb)) : 0;
  }

  /** The features two articles share that weigh most, readable ('Lake County', 'earthquake'). */
  sharedFeatures(a: string, b: string, n = 4): string[] {
    const pa = this.profiles.get(a);
    const pb = this.profiles.get(b);
    if (!pa || !pb) return [];
    const va = this.vector(pa);
    const vb = this.vector(pb);
    const both = [...va.keys()].filter((f) => vb.has(f) && !f.startsWith('t:'));
    const ranked = both.sort((x, y) => va.get(y)! * vb.get(y)! - va.get(x)! * vb.get(x)! || x.localeCompare(y)).map(readable);
    return [...new Set(ranked)].slice(0, n);
  }

  /** Removes an article's event; returns its members (the article included). */
  private dissolve(uri: string): Set<string> {
    const out = new Set<string>();
    const id = this.eventOf.get(uri);
    const event = id ? this.events.get(id) : undefined;
    if (!event) return out;
    for (const member of event.uris) {
      out.add(member);
      this.eventOf.delete(member);
    }
    this.events.delete(event.id);
    this.centroids.delete(event.id);
    this.changed.add(event.id);
    return out;
  }

  /** Articles sharing a blocking feature with this one. */
  private candidates(profile: EventProfile): Set<string> {
    const out = new Set<string>();
    for (const f of blockingFeatures(profile)) for (const uri of this.byFeature.get(f) ?? []) if (uri !== profile.uri) out.add(uri);
    return out;
  }

  private idf(feature: string): number {
    const n = this.profiles.size;
    return Math.log((n + 1) / ((this.df.get(feature) ?? 0) + 0.5));
  }

  private vector(p: EventProfile): Vector {
    let v = this.vectors.get(p.uri);
    if (!v) this.vectors.set(p.uri, (v = this.weigh(p)));
    return v;
  }

  private weigh(p: EventProfile): Vector {
    const v: Vector = new Map();
    let norm = 0;
    for (const [f, tf] of p.features) {
      const w = (1 + Math.log(tf)) * this.idf(f);
      if (w <= 0) continue;
      v.set(f, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [f, w] of v) v.set(f, w / norm);
    return v;
  }

  /** Greedy clustering of these articles (URI order), then one pass that moves each to its best event. */
  private recluster(uris: string[]): void {
    const ordered = [...uris].sort();
    const vectors = new Map(ordered.map((u) => [u, this.vector(this.profiles.get(u)!)]));
    // Candidate events: those sharing one of an article's most distinctive features (by weight after idf).
    const blocking = new Map(ordered.map((u) => [u, [...vectors.get(u)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, BLOCKING_FEATURES).map(([f]) => f)]));
    type Group = { members: string[]; sum: Vector; dates: string[]; norm?: number };
    const groups: Group[] = [];
    const groupOf = new Map<string, number>();
    const byFeature = new Map<string, Set<number>>();
    const fits = (g: Group, uri: string) => {
      const date = this.profiles.get(uri)!.published;
      return !date || g.dates.every((d) => Math.abs(Date.parse(d) - Date.parse(date)) <= MAX_DAYS_APART * 86_400_000);
    };
    const best = (uri: string, exclude?: number): { g: number; score: number } | undefined => {
      const v = vectors.get(uri)!;
      const seen = new Set<number>();
      for (const f of blocking.get(uri)!) for (const g of byFeature.get(f) ?? []) seen.add(g);
      let pick: number | undefined;
      let score = JOIN_THRESHOLD;
      for (const g of [...seen].sort((a, b) => a - b)) {
        if (g === exclude || groups[g].members.length === 0 || !fits(groups[g], uri)) continue;
        const s = cosineToGroup(v, groups[g]);
        if (s > score + 1e-9) {
          score = s;
          pick = g;
        }
      }
      return pick === undefined ? undefined : { g: pick, score };
    };
    const join = (uri: string, g: number) => {
      const group = groups[g];
      group.members.push(uri);
      addInto(group.sum, vectors.get(uri)!, 1);
      group.norm = undefined;
      const date = this.profiles.get(uri)!.published;
      if (date) group.dates.push(date);
      groupOf.set(uri, g);
      for (const f of blocking.get(uri)!) {
        let set = byFeature.get(f);
        if (!set) byFeature.set(f, (set = new Set()));
        set.add(g);
      }
    };
    for (const uri of ordered) {
      const g = best(uri)?.g ?? groups.push({ members: [], sum: new Map(), dates: [] }) - 1;
      join(uri, g);
    }
    // Refinement: an early article chose among the few events that existed when it came; let it choose again.
    for (const uri of ordered) {
      const from = groupOf.get(uri)!;
      const group = groups[from];
      addInto(group.sum, vectors.get(uri)!, -1);
      group.norm = undefined;
      const v = vectors.get(uri)!;
      const stay = cosineToGroup(v, group);
      const to = best(uri, from);
      if (to !== undefined && to.score > Math.max(stay, JOIN_THRESHOLD) + 0.02) {
        group.members.splice(group.members.indexOf(uri), 1);
        const date = this.profiles.get(uri)!.published;
        if (date) group.dates.splice(group.dates.indexOf(date), 1);
        join(uri, to.g);
      } else {
        addInto(group.sum, v, 1);
        group.norm = undefined;
      }
    }
    for (const group of groups) {
      if (group.members.length === 0) continue;
      const members = group.members.sort();
      const event = this.summarise(members, vectors);
      this.events.set(event.id, event);
      this.centroids.set(event.id, group.sum);
      this.changed.add(event.id);
      for (const u of members) this.eventOf.set(u, event.id);
    }
  }

  private summarise(uris: string[], vectors: Map<string, Vector>): NewsEvent {
    const profiles = uris.map((u) => this.profiles.get(u)!);
    const types = new Map<EventType, number>();
    for (const p of profiles) if (p.type !== 'other') types.set(p.type, (types.get(p.type) ?? 0) + 1);
    const type = [...types].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'other';
    // Shared: features carried by most of the articles, heaviest first.
    const weight = new Map<string, number>();
    const count = new Map<string, number>();
    for (const u of uris) {
      for (const [f, w] of vectors.get(u)!) {
        if (f.startsWith('t:')) continue;
        weight.set(f, (weight.get(f) ?? 0) + w);
        count.set(f, (count.get(f) ?? 0) + 1);
      }
    }
    const need = uris.length === 1 ? 1 : Math.max(2, Math.ceil(uris.length / 2));
    const shared = [...new Set([...weight].filter(([f]) => count.get(f)! >= need).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([f]) => readable(f)))].slice(0, 5);
    const dates = profiles.map((p) => p.published).filter((d): d is string => !!d).sort();
    return { id: `e-${contentHash(uris[0]).slice(0, 12)}`, type, label: profiles[0].label, uris, shared, from: dates[0], to: dates[dates.length - 1] };
  }
}

function blockingFeatures(p: EventProfile): string[] {
  return [...p.features]
    .filter(([f]) => !f.startsWith('t:'))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, BLOCKING_FEATURES)
    .map(([f]) => f);
}

function addInto(sum: Vector, v: Vector, sign: 1 | -1): void {
  for (const [f, w] of v) {
    const next = (sum.get(f) ?? 0) + sign * w;
    if (Math.abs(next) < 1e-12) sum.delete(f);
    else sum.set(f, next);
  }
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [f, w] of small) dot += w * (large.get(f) ?? 0);
  return dot;
}

/** Cosine to a group's centroid; the centroid's norm is cached until the group changes. */
function cosineToGroup(v: Vector, group: { sum: Vector; norm?: number }): number {
  if (group.norm === undefined) {
    let norm = 0;
    for (const w of group.sum.values()) norm += w * w;
    group.norm = Math.sqrt(norm);
  }
  if (group.norm === 0) return 0;
  let dot = 0;
  for (const [f, w] of v) dot += w * (group.sum.get(f) ?? 0);
  return dot / group.norm;
}

/** 'e:person:tara reid' -> 'Tara Reid'-ish; 'w:quake' -> 'quake'. */
function readable(feature: string): string {
  if (feature.startsWith('e:')) return feature.slice(feature.indexOf(':', 2) + 1);
  return feature.slice(2);
}

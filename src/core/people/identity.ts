// Who is who across the corpus. Mentions with the same surname key are one person unless their full names show
// two different people ("Ali Khamenei" and "Hassan Khamenei"); a surname alone belongs to the person its own article
// names in full, else to the only candidate in the corpus, else it stays unresolved rather than guessed.

import { nameKey } from '../fold';
import { EntityKind, Mention } from './recognise';
import { pushTo } from '../groups';

export interface EntityMention {
  uri: string;
  mention: Mention;
}

export interface Entity {
  /** Deterministic: the surname key, plus the first name when two people share a surname. */
  id: string;
  kind: EntityKind;
  canonical: string;
  aliases: string[];
  mentions: EntityMention[];
}

export class EntityIndex {
  private readonly byUri = new Map<string, Mention[]>();
  /** Name key (after aliases) -> article -> that article's mentions with the key. */
  private readonly byKey = new Map<string, Map<string, Mention[]>>();
  /** Alias spellings' keys -> the canonical key, from the knowledge file. */
  private aliasKeys = new Map<string, string>();
  /** Spellings the reader said are different people (folded pairs). */
  private distinct = new Set<string>();
  /** Keys whose mentions changed and must be regrouped before the next read. */
  private readonly stale = new Set<string>();
  /** Keys regrouped since takeChanged() was last called (their findings must be re-checked). */
  private readonly changed = new Set<string>();
  private readonly entitiesByKey = new Map<string, Entity[]>();
  private readonly byId = new Map<string, Entity>();
  private readonly byMention = new Map<Mention, Entity>();
  private sorted: Entity[] | undefined;
  /** One-letter-deletion signatures of person keys -> the keys (nearKeys): built on first use, then kept up to date. */
  private signatures: Map<string, Set<string>> | undefined;

  setAliases(aliasKeys: Map<string, string>, distinct: [string, string][] = []): void {
    this.aliasKeys = aliasKeys;
    this.distinct = new Set(distinct.map(([a, b]) => pairKey(a, b)));
    // Every key may now group differently: re-file every mention.
    for (const key of this.byKey.keys()) this.stale.add(key);
    for (const key of this.entitiesByKey.keys()) this.stale.add(key);
    this.byKey.clear();
    this.signatures = undefined;
    for (const [uri, mentions] of this.byUri) this.file(uri, mentions);
  }

  update(uri: string, mentions: Mention[]): void {
    this.remove(uri);
    this.byUri.set(uri, mentions);
    this.file(uri, mentions);
  }

  remove(uri: string): void {
    const mentions = this.byUri.get(uri);
    if (!mentions) return;
    this.byUri.delete(uri);
    for (const m of mentions) {
      const key = this.keyOf(m);
      const articles = this.byKey.get(key);
      if (!articles) continue;
      articles.delete(uri);
      if (articles.size === 0) {
        this.byKey.delete(key);
        this.sign(key, false);
      }
      this.stale.add(key);
    }
  }

  /** Keys whose entities were regrouped since the last call. */
  takeChanged(): string[] {
    this.regroup();
    const keys = [...this.changed];
    this.changed.clear();
    return keys;
  }

  entities(): Entity[] {
    this.regroup();
    this.sorted ??= [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
    return this.sorted;
  }

  /**
   * Person keys one letter from this one (a letter added, dropped or changed, or two swapped: "Ramphosa" and
   * "Ramaphosa", "Jingping" and "Jinping"), for misspelt names. Only surnames of five letters or more.
   */
  nearKeys(key: string): string[] {
    const word = surnameOfKey(key);
    if (!word) return [];
    if (!this.signatures) {
      this.signatures = new Map();
      for (const k of this.byKey.keys()) this.sign(k, true);
    }
    const near = new Set<string>();
    for (const sig of deletions(word)) for (const k of this.signatures.get(sig) ?? []) if (k !== key && oneEditApart(word, k.slice('person:'.length))) near.add(k);
    return [...near].sort();
  }

  private sign(key: string, add: boolean): void {
    const word = this.signatures && surnameOfKey(key);
    if (!word) return;
    for (const sig of deletions(word)) {
      let keys = this.signatures!.get(sig);
      if (add) {
        if (!keys) this.signatures!.set(sig, (keys = new Set()));
        keys.add(key);
      } else if (keys) {
        keys.delete(key);
        if (!keys.size) this.signatures!.delete(sig);
      }
    }
  }

  /** The entities sharing one name key (one person, or several people with one surname). */
  ofKey(key: string): Entity[] {
    this.regroupKey(key);
    return this.entitiesByKey.get(key) ?? [];
  }

  get(id: string): Entity | undefined {
    this.regroupKey(id.split('#')[0]);
    return this.byId.get(id);
  }

  // Lookups regroup only the key they need: a hover while thousands of articles are indexed must not pay for all.
  of(mention: Mention): Entity | undefined {
    this.regroupKey(this.keyOf(mention));
    return this.byMention.get(mention);
  }

  /** The entity mentioned at an offset of an article (its name, or the title words attached to it). */
  at(uri: string, offset: number): { entity: Entity; mention: Mention } | undefined {
    for (const m of this.byUri.get(uri) ?? []) {
      const inName = offset >= m.range.start && offset <= m.range.end;
      const inRole = m.roleRange && offset >= m.roleRange.start && offset <= m.roleRange.end;
      if (inName || inRole) {
        const entity = this.of(m);
        if (entity) return { entity, mention: m };
      }
    }
    return undefined;
  }

  private keyOf(m: Mention): string {
    return this.aliasKeys.get(m.key) ?? m.key;
  }

  private file(uri: string, mentions: Mention[]): void {
    for (const m of mentions) {
      const key = this.keyOf(m);
      let articles = this.byKey.get(key);
      if (!articles) {
        this.byKey.set(key, (articles = new Map()));
        this.sign(key, true);
      }
      pushTo(articles, uri, m);
      this.stale.add(key);
    }
  }

  /** Regroups the stale keys. Grouping depends only on one key's mentions, so nothing else needs to move. */
  private regroup(): void {
    for (const key of this.stale) this.regroupKey(key);
  }

  private regroupKey(key: string): void {
    if (!this.stale.delete(key)) return;
    for (const old of this.entitiesByKey.get(key) ?? []) {
      this.byId.delete(old.id);
      for (const m of old.mentions) this.byMention.delete(m.mention);
    }
    this.entitiesByKey.delete(key);
    const built = this.group(key);
    if (built.length) this.entitiesByKey.set(key, built);
    for (const entity of built) {
      this.byId.set(entity.id, entity);
      for (const m of entity.mentions) this.byMention.set(m.mention, entity);
    }
    this.changed.add(key);
    this.sorted = undefined;
  }

  private group(key: string): Entity[] {
    const articles = this.byKey.get(key);
    if (!articles) return [];
    // Weak candidates (a lone capitalised word) count only when some article names that person in full.
    let named = false;
    for (const list of articles.values()) if (list.some((m) => m.confidence >= 0.6)) named = true;
    const mentions: EntityMention[] = [];
    for (const uri of [...articles.keys()].sort()) {
      for (const mention of articles.get(uri)!) if (named || mention.confidence >= 0.6) mentions.push({ uri, mention });
    }
    if (mentions.length === 0) return [];
    const groups = mentions[0].mention.kind === 'person' ? splitPeople(key, mentions, this.distinct) : [{ id: key, mentions }];
    return groups.map((g) => summarise(g.id, g.mentions));
  }
}

/** The surname of a person key, when it is one word of five letters or more (else no near keys are looked for). */
function surnameOfKey(key: string): string | undefined {
  const word = key.startsWith('person:') ? key.slice('person:'.length) : '';
  return word.length >= 5 && !/\s/.test(word) ? word : undefined;
}

/** The word and every form of it with one letter dropped. */
function deletions(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** One letter added, dropped or changed, or two neighbours swapped. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < Math.min(a.length, b.length) && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.slice(i) === long.slice(i + 1); // added or dropped
}

function tokens(name: string): string[] {
  return nameKey(name).replace(/\b(?:al|el|ad|as)-/g, '').split(' ');
}

/** Two full names are one person when one's words are all in the other's ("Tayyip Erdogan" ⊂ "Recep Tayyip Erdoğan"). */
function sameName(a: string, b: string): boolean {
  let ta = tokens(a);
  let tb = tokens(b);
  // Surnames differ only when the knowledge file made them aliases ("Bagheri"/"Baqeri"): compare the given names.
  if (ta[ta.length - 1] !== tb[tb.length - 1]) {
    ta = ta.slice(0, -1);
    tb = tb.slice(0, -1);
    if (ta.length === 0 || tb.length === 0) return true;
  }
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  return short.every((t) => long.includes(t));
}

function pairKey(a: string, b: string): string {
  return [a, b].map((x) => x.toLowerCase().trim()).sort().join('|');
}

function splitPeople(key: string, mentions: EntityMention[], distinct: Set<string>): { id: string; mentions: EntityMention[] }[] {
  const fullNames = [...new Set(mentions.filter((m) => !m.mention.descriptive && (/\s/.test(m.mention.text) || distinct.size > 0)).map((m) => m.mention.text))];
  const clusters: string[][] = [];
  const apart = (a: string, b: string) => distinct.has(pairKey(a, b));
  for (const name of fullNames.sort((a, b) => tokens(b).length - tokens(a).length || a.localeCompare(b))) {
    const home = clusters.find((c) => c.some((n) => sameName(n, name)) && !c.some((n) => apart(n, name)));
    if (home) home.push(name);
    else clusters.push([name]);
  }
  if (clusters.length <= 1) return [{ id: key, mentions }];
  const ids = clusters.map((c, i) => {
    const id = `${key}#${tokens(c[0])[0]}`;
    return clusters.slice(0, i).some((d) => `${key}#${tokens(d[0])[0]}` === id) ? `${id}${i}` : id;
  });
  const groups = ids.map((id) => ({ id, mentions: [] as EntityMention[] }));
  const unresolved = { id: `${key}#?`, mentions: [] as EntityMention[] };
  // A surname or description joins the person its own article names in full.
  const articleCluster = new Map<string, number>();
  for (const m of mentions) {
    const i = clusters.findIndex((c) => c.includes(m.mention.text));
    if (i >= 0) articleCluster.set(m.uri, articleCluster.has(m.uri) && articleCluster.get(m.uri) !== i ? -1 : i);
  }
  for (const m of mentions) {
    const own = clusters.findIndex((c) => c.includes(m.mention.text));
    const i = own >= 0 ? own : articleCluster.get(m.uri) ?? -1;
    (i >= 0 ? groups[i] : unresolved).mentions.push(m);
  }
  return [...groups, ...(unresolved.mentions.length ? [unresolved] : [])];
}

function summarise(id: string, mentions: EntityMention[]): Entity {
  const names = mentions.filter((m) => !m.mention.descriptive).map((m) => m.mention.text);
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  // The canonical name is the fullest spelling, the most used among equals.
  const canonical =
    [...counts.keys()].sort((a, b) => tokens(b).length - tokens(a).length || counts.get(b)! - counts.get(a)! || a.localeCompare(b))[0] ??
    mentions[0].mention.text;
  return { id, kind: mentions[0].mention.kind, canonical, aliases: [...counts.keys()].sort(), mentions };
}

// Who is who across the corpus. Mentions with the same surname key are one person unless their full names show
// two different people ("Ali Khamenei" and "Hassan Khamenei"); a surname alone belongs to the person its own article
// names in full, else to the only candidate in the corpus, else it stays unresolved rather than guessed.

import { nameKey } from '../fold';
import { EntityKind, Mention } from './recognise';

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
  /** Alias spellings' keys -> the canonical key, from the knowledge file. */
  private aliasKeys = new Map<string, string>();
  private built: { entities: Map<string, Entity>; byMention: Map<Mention, Entity> } | undefined;

  /** Spellings the reader said are different people (folded pairs). */
  private distinct = new Set<string>();

  setAliases(aliasKeys: Map<string, string>, distinct: [string, string][] = []): void {
    this.aliasKeys = aliasKeys;
    this.distinct = new Set(distinct.map(([a, b]) => pairKey(a, b)));
    this.built = undefined;
  }

  update(uri: string, mentions: Mention[]): void {
    this.byUri.set(uri, mentions);
    this.built = undefined;
  }

  remove(uri: string): void {
    if (this.byUri.delete(uri)) this.built = undefined;
  }

  entities(): Entity[] {
    return [...this.build().entities.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  get(id: string): Entity | undefined {
    return this.build().entities.get(id);
  }

  of(mention: Mention): Entity | undefined {
    return this.build().byMention.get(mention);
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

  /**
   * Grouping is recomputed lazily after changes: it is a linear pass over the mentions (grouped by key), so even a
   * 10,000-article corpus rebuilds in well under a second, and only when someone asks.
   */
  private build(): NonNullable<EntityIndex['built']> {
    if (this.built) return this.built;
    const byKey = new Map<string, EntityMention[]>();
    // Weak candidates (a lone capitalised word) count only when some article names that person in full.
    const named = new Set<string>();
    const keyOf = (m: Mention) => this.aliasKeys.get(m.key) ?? m.key;
    for (const mentions of this.byUri.values()) for (const m of mentions) if (m.confidence >= 0.6) named.add(keyOf(m));
    for (const uri of [...this.byUri.keys()].sort()) {
      for (const mention of this.byUri.get(uri)!) {
        const key = keyOf(mention);
        if (mention.confidence < 0.6 && !named.has(key)) continue;
        const list = byKey.get(key) ?? [];
        list.push({ uri, mention });
        byKey.set(key, list);
      }
    }
    const entities = new Map<string, Entity>();
    const byMention = new Map<Mention, Entity>();
    for (const [key, mentions] of byKey) {
      const groups = mentions[0].mention.kind === 'person' ? splitPeople(key, mentions, this.distinct) : [{ id: key, mentions }];
      for (const group of groups) {
        const entity = summarise(group.id, group.mentions);
        entities.set(entity.id, entity);
        for (const m of group.mentions) byMention.set(m.mention, entity);
      }
    }
    this.built = { entities, byMention };
    return this.built;
  }
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

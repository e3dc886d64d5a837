// The optional knowledge file (sourcelens.entities.yaml): canonical names, aliases, and roles with dates, from the
// public record. The tool works without it; with it, hovers say which role was in force on an article's date and
// `title-anachronism` flags a title the person did not hold then.
//
//   people:
//     - name: Mevlut Cavusoglu
//       aliases: [Mevlüt Çavuşoğlu]
//       roles:
//         - { role: foreign minister, country: Turkey, from: 2015-11-24, to: 2023-06-03 }

import { Document, isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { normaliseDate } from '../metadata';
import { parseYamlSafely } from '../yamlSafe';
import { InputProblem } from '../types';
import { parseRole, personKey } from './recognise';

export interface KnownRole {
  office: string;
  country?: string;
  /** YYYY-MM-DD, inclusive; open when absent. */
  from?: string;
  to?: string;
}

export interface KnownPerson {
  name: string;
  key: string;
  aliases: string[];
  roles: KnownRole[];
  /** Title wordings the reader accepted for this person: never reported as a title conflict. */
  accept: string[];
}

export interface Knowledge {
  people: KnownPerson[];
  /** Spellings the reader says are different people ("distinct: [[A, B]]"), folded. */
  distinct: [string, string][];
  /** Entity key of an alias spelling -> the canonical person's key (transliterations: "Baqeri" -> "Bagheri"). */
  aliasKeys: Map<string, string>;
  problems: InputProblem[];
}

export const EMPTY_KNOWLEDGE: Knowledge = { people: [], distinct: [], aliasKeys: new Map(), problems: [] };

export function parseKnowledge(text: string): Knowledge {
  const problems: InputProblem[] = [];
  const parsed = parseYamlSafely(text);
  for (const e of parsed.problems) problems.push({ code: 'structure/invalid-metadata', severity: 'warning', message: `Malformed sourcelens.entities.yaml: ${e.message}. The file is ignored until it is fixed.`, range: e.range ?? { start: 0, end: 1 } });
  if (problems.length) return { ...EMPTY_KNOWLEDGE, problems };
  const raw = parsed.data ?? {};
  const data = (typeof raw === 'object' ? raw : {}) as { people?: unknown; distinct?: unknown };
  const distinct: [string, string][] = [];
  for (const pair of Array.isArray(data.distinct) ? data.distinct : []) {
    if (Array.isArray(pair) && pair.length === 2 && pair.every((x) => typeof x === 'string')) distinct.push([pair[0], pair[1]]);
  }
  const people: KnownPerson[] = [];
  const aliasKeys = new Map<string, string>();
  for (const raw of Array.isArray(data.people) ? data.people : []) {
    const entry = raw as { name?: unknown; aliases?: unknown; roles?: unknown; accept?: unknown };
    if (typeof entry?.name !== 'string') continue;
    const key = personKey(entry.name);
    const aliases = Array.isArray(entry.aliases) ? entry.aliases.filter((a): a is string => typeof a === 'string') : [];
    for (const alias of aliases) if (personKey(alias) !== key) aliasKeys.set(personKey(alias), key);
    const roles: KnownRole[] = [];
    for (const r of Array.isArray(entry.roles) ? entry.roles : []) {
      const role = r as { role?: unknown; country?: unknown; from?: unknown; to?: unknown };
      const parsed = typeof role.role === 'string' ? parseRole(role.role) : undefined;
      if (!parsed?.office) {
        problems.push({ code: 'structure/invalid-metadata', severity: 'warning', message: `sourcelens.entities.yaml: ${entry.name} has a role that is not an office Sourcelens knows (${JSON.stringify(role.role)}).` });
        continue;
      }
      roles.push({ office: parsed.office, country: typeof role.country === 'string' ? role.country : parsed.country, from: normaliseDate(role.from), to: normaliseDate(role.to) });
    }
    const accept = Array.isArray(entry.accept) ? entry.accept.filter((a): a is string => typeof a === 'string') : [];
    people.push({ name: entry.name, key, aliases, roles, accept });
  }
  return { people, distinct, aliasKeys, problems };
}

/** The roles on record for a person that were in force on a date. */
export function rolesOn(person: KnownPerson, date: string): KnownRole[] {
  return person.roles.filter((r) => (!r.from || r.from <= date) && (!r.to || date <= r.to));
}

/** The reader's choices land in the visible YAML, so they are reviewable and undoable. Comments are kept. */
function personEntry(doc: Document, name: string): YAMLMap {
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  let people = doc.get('people', true);
  if (!isSeq(people)) {
    people = doc.createNode([]);
    doc.set('people', people);
  }
  const seq = people as YAMLSeq;
  const key = personKey(name);
  for (const item of seq.items) {
    if (isMap(item) && typeof item.get('name') === 'string' && personKey(String(item.get('name'))) === key) return item;
  }
  const entry = doc.createNode({ name }) as YAMLMap;
  seq.items.push(entry);
  return entry;
}

function addToList(doc: Document, map: YAMLMap, field: string, value: unknown): void {
  const found: unknown = map.get(field, true);
  let seq: YAMLSeq;
  if (isSeq(found)) seq = found;
  else {
    seq = doc.createNode([]) as YAMLSeq;
    map.set(field, seq);
  }
  const json = JSON.stringify(value);
  if (!seq.toJSON().some((v: unknown) => JSON.stringify(v) === json)) seq.items.push(doc.createNode(value));
}

function edit(existing: string | undefined, change: (doc: Document) => void): string {
  const doc = existing && existing.trim() ? parseDocument(existing) : new Document({ people: [] });
  if (doc.errors.length) throw new Error('sourcelens.entities.yaml is malformed; fix it first');
  change(doc);
  return doc.toString({ lineWidth: 0 });
}

export function withAlias(existing: string | undefined, canonical: string, alias: string): string {
  return edit(existing, (doc) => addToList(doc, personEntry(doc, canonical), 'aliases', alias));
}

export function withDistinct(existing: string | undefined, a: string, b: string): string {
  return edit(existing, (doc) => {
    if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
    let list = doc.get('distinct', true);
    if (!isSeq(list)) {
      list = doc.createNode([]);
      doc.set('distinct', list);
    }
    (list as YAMLSeq).items.push(doc.createNode([a, b].sort()));
  });
}

export function withAcceptedTitle(existing: string | undefined, name: string, title: string): string {
  return edit(existing, (doc) => addToList(doc, personEntry(doc, name), 'accept', title));
}

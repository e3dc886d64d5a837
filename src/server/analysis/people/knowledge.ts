// The optional knowledge file (sourcelens.entities.yaml): canonical names, aliases, and roles with dates, from the
// public record. The tool works without it; with it, hovers say which role was in force on an article's date and
// `title-anachronism` flags a title the person did not hold then.
//
//   people:
//     - name: Mevlut Cavusoglu
//       aliases: [Mevlüt Çavuşoğlu]
//       roles:
//         - { role: foreign minister, country: Turkey, from: 2015-11-24, to: 2023-06-03 }

import { parseDocument } from 'yaml';
import { normaliseDate } from '../metadata';
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
}

export interface Knowledge {
  people: KnownPerson[];
  /** Entity key of an alias spelling -> the canonical person's key (transliterations: "Baqeri" -> "Bagheri"). */
  aliasKeys: Map<string, string>;
  problems: InputProblem[];
}

export const EMPTY_KNOWLEDGE: Knowledge = { people: [], aliasKeys: new Map(), problems: [] };

export function parseKnowledge(text: string): Knowledge {
  const problems: InputProblem[] = [];
  const doc = parseDocument(text, { prettyErrors: false });
  for (const e of doc.errors) problems.push({ code: 'structure/invalid-metadata', severity: 'warning', message: `Malformed sourcelens.entities.yaml: ${e.message.split('\n')[0]}`, range: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) } });
  if (doc.errors.length) return { ...EMPTY_KNOWLEDGE, problems };
  const data = (doc.toJS() ?? {}) as { people?: unknown };
  const people: KnownPerson[] = [];
  const aliasKeys = new Map<string, string>();
  for (const raw of Array.isArray(data.people) ? data.people : []) {
    const entry = raw as { name?: unknown; aliases?: unknown; roles?: unknown };
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
    people.push({ name: entry.name, key, aliases, roles });
  }
  return { people, aliasKeys, problems };
}

/** The roles on record for a person that were in force on a date. */
export function rolesOn(person: KnownPerson, date: string): KnownRole[] {
  return person.roles.filter((r) => (!r.from || r.from <= date) && (!r.to || date <= r.to));
}

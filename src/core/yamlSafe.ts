// YAML that a folder hands us (front matter, sources.yaml, the knowledge and suppressions files) is read
// defensively: aliases bounded (a "billion laughs" bomb is refused, a hundred ordinary aliases are fine) and
// resolved, duplicate keys found in linear time (the yaml library's own check is quadratic), custom tags refused,
// and nothing thrown: every problem comes back with the range it is at.

import { Document, isAlias, isMap, isSeq, Node, parseDocument, visit } from 'yaml';
import { TextRange } from './types';

/** Resolved alias nodes allowed, weighted by their size (the yaml library's measure): bombs exceed it at once. */
export const MAX_ALIAS_COUNT = 10_000;
/** The largest YAML file read, in bytes (a sources.yaml of 20,000 entries is about 1 MB). */
export const MAX_YAML_BYTES = 4 * 1024 * 1024;

export interface YamlProblem {
  message: string;
  range?: TextRange;
}

export interface SafeYaml {
  doc: Document.Parsed;
  /** The document as plain data, aliases resolved; undefined when it could not be had safely. */
  data: unknown;
  problems: YamlProblem[];
}

/**
 * Parses YAML text; never throws. `data` is undefined when the text has errors, or when `toJs` is false (the
 * caller converts nodes itself, with nodeToJs).
 */
export function parseYamlSafely(source: string, toJs = true): SafeYaml {
  const problems: YamlProblem[] = [];
  // The yaml library does not take a lone CR for a line end; YAML does. One for one, so ranges stay valid.
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  // uniqueKeys: false: the library compares every key with every other key of its map (600,000 entries took more
  // than ten minutes); duplicates are found below with a set per map.
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    // Nesting deep enough to exhaust the stack, or anything else the library throws on.
    return { doc: parseDocument(''), data: undefined, problems: [{ message: `could not be read (${firstLine(error instanceof Error ? error.message : String(error))})` }] };
  }
  for (const error of doc.errors) problems.push({ message: firstLine(error.message), range: posRange(error.pos) });
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') problems.push({ message: `${firstLine(warning.message)}: custom tags are not read`, range: posRange(warning.pos) });
  }
  if (problems.length === 0) {
    try {
      duplicateKeys(doc, problems);
    } catch (error) {
      problems.push({ message: `could not be read (${firstLine(error instanceof Error ? error.message : String(error))})` });
    }
  }
  if (problems.length > 0 || !toJs) return { doc, data: undefined, problems };
  try {
    return { doc, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), problems };
  } catch (error) {
    problems.push({ message: aliasMessage(error) });
    return { doc, data: undefined, problems };
  }
}

/** A node as plain data with its aliases resolved against its document; undefined (and a problem) if that is unsafe. */
export function nodeToJs(node: unknown, doc: Document, problems: YamlProblem[]): unknown {
  try {
    const resolved = isAlias(node) ? node.resolve(doc) : node;
    if (resolved && typeof (resolved as Node).toJS === 'function') return (resolved as Node).toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT });
    return resolved;
  } catch (error) {
    problems.push({ message: aliasMessage(error), range: rangeOf(node) });
    return undefined;
  }
}

/** Resolves an alias node to the node it names (one level; the library refuses alias cycles). */
export function resolved(node: unknown, doc: Document): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function duplicateKeys(doc: Document, problems: YamlProblem[]): void {
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key as { value?: unknown } | null;
        const name = key && typeof key === 'object' && 'value' in key ? String(key.value) : undefined;
        if (name === undefined) continue;
        if (seen.has(name)) problems.push({ message: `Duplicate key ${JSON.stringify(name.slice(0, 80))}`, range: rangeOf(pair.key) });
        else seen.add(name);
      }
    },
  });
}

export function rangeOf(node: unknown): TextRange | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? { start: range[0], end: Math.max(range[1], range[0] + 1) } : undefined;
}

function posRange(pos: [number, number]): TextRange {
  return { start: pos[0], end: Math.max(pos[1], pos[0] + 1) };
}

function aliasMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /alias/i.test(text) ? `too many aliases (more than ${MAX_ALIAS_COUNT} resolved nodes: an alias bomb?)` : firstLine(text);
}

export function firstLine(message: string): string {
  return message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
}

export { isMap, isSeq };

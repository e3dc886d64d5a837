// Article metadata from YAML front matter and from per-folder `sources.yaml` files.
// Both are optional and both may be malformed: problems are returned, never thrown.

import { parseDocument, isMap, isScalar, Document } from 'yaml';
import { ArticleMeta, InputProblem, META_FIELDS, TextRange } from './types';

export interface FrontMatter {
  meta: ArticleMeta;
  /** The whole block including both `---` fences. */
  range: TextRange;
  problems: InputProblem[];
}

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Parses a leading `---` YAML block. Returns undefined when the text has none. */
export function parseFrontMatter(text: string): FrontMatter | undefined {
  // Bound the search: front matter is short, and a missing closing fence must not make us scan 20 MB.
  const head = text.slice(0, 64 * 1024);
  const match = FRONT_MATTER.exec(head);
  if (!match) return undefined;
  const range = { start: 0, end: match[0].length };
  const bodyStart = match[0].indexOf(match[1]);
  const { meta, problems } = metaFromYaml(match[1], 'front matter');
  for (const p of problems) if (p.range) p.range = { start: p.range.start + bodyStart, end: p.range.end + bodyStart };
  return { meta, range, problems: problems.map((p) => ({ ...p, range: p.range ?? range })) };
}

/** Reads the known metadata fields from a YAML mapping; unknown keys are ignored, bad values reported. */
export function metaFromYaml(source: string, what: string): { meta: ArticleMeta; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: false });
  for (const error of doc.errors) {
    problems.push({
      code: 'structure/invalid-metadata',
      severity: 'warning',
      message: `Malformed ${what}: ${firstLine(error.message)}. The article is analysed without it.`,
      range: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) },
    });
  }
  if (doc.errors.length > 0) return { meta: {}, problems };
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { meta: {}, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ code: 'structure/invalid-metadata', severity: 'warning', message: `The ${what} is not a mapping of fields; it is ignored.` });
    return { meta: {}, problems };
  }
  return fieldsToMeta(data as Record<string, unknown>, what, problems);
}

function fieldsToMeta(data: Record<string, unknown>, what: string, problems: InputProblem[]): { meta: ArticleMeta; problems: InputProblem[] } {
  const meta: ArticleMeta = {};
  for (const field of META_FIELDS) {
    const value = data[field];
    if (value === undefined || value === null || value === '') continue;
    if (field === 'published') {
      const iso = normaliseDate(value);
      if (iso) meta.published = iso;
      else
        problems.push({
          code: 'structure/invalid-metadata',
          severity: 'warning',
          message: `The ${what} gives published: ${JSON.stringify(value)}, which is not a date (use YYYY-MM-DD).`,
        });
      continue;
    }
    if (typeof value === 'string' || typeof value === 'number') meta[field] = String(value).trim();
  }
  return { meta, problems };
}

/** Accepts YYYY-MM-DD (optionally with a time) or a Date; returns YYYY-MM-DD or undefined. */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return undefined;
  return isValidDate(+m[1], +m[2], +m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export interface SourcesFile {
  /** File name (as written in sources.yaml, relative to its folder) -> metadata. */
  entries: Map<string, ArticleMeta>;
  problems: InputProblem[];
}

/** Parses a `sources.yaml`: a mapping from file names to metadata fields. */
export function parseSourcesYaml(source: string): SourcesFile {
  const entries = new Map<string, ArticleMeta>();
  const problems: InputProblem[] = [];
  const doc = parseDocument(source, { prettyErrors: false });
  for (const error of doc.errors) {
    problems.push({
      code: 'structure/invalid-sources',
      severity: 'warning',
      message: `Malformed sources.yaml: ${firstLine(error.message)}. Its metadata is ignored until it is fixed.`,
      range: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) },
    });
  }
  if (doc.errors.length > 0 || doc.contents === null) return { entries, problems };
  if (!isMap(doc.contents)) {
    problems.push({
      code: 'structure/invalid-sources',
      severity: 'warning',
      message: 'sources.yaml should map file names to fields (outlet, published, url, title, author).',
      range: nodeRange(doc.contents) ?? { start: 0, end: 1 },
    });
    return { entries, problems };
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (!key) continue;
    const value = pair.value;
    if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
      entries.set(key, {});
      continue;
    }
    if (!isMap(value)) {
      problems.push({
        code: 'structure/invalid-sources',
        severity: 'warning',
        message: `sources.yaml: the entry for ${key} should be a mapping of fields.`,
        range: nodeRange(value) ?? nodeRange(pair.key) ?? { start: 0, end: 1 },
      });
      continue;
    }
    const fieldProblems: InputProblem[] = [];
    const { meta } = fieldsToMeta(value.toJSON() as Record<string, unknown>, `sources.yaml entry for ${key}`, fieldProblems);
    for (const p of fieldProblems) problems.push({ ...p, code: 'structure/invalid-sources', range: nodeRange(value) });
    entries.set(key, meta);
  }
  return { entries, problems };
}

/**
 * Returns the new text of a sources.yaml with `published` set for one file, keeping comments and the other
 * entries as they were. Used by the "Add publication date to sources.yaml" quick fix.
 */
export function setSourcesField(existing: string | undefined, fileName: string, field: keyof ArticleMeta, value: string): string {
  const doc: Document = existing && existing.trim() ? parseDocument(existing) : new Document({});
  if (doc.errors.length > 0) throw new Error('sources.yaml is malformed; fix it before adding entries');
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  const entry = doc.get(fileName, true);
  if (!isMap(entry)) doc.set(fileName, doc.createNode({ [field]: value }));
  else entry.set(field, value);
  return doc.toString({ lineWidth: 0 });
}

function nodeRange(node: unknown): TextRange | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? { start: range[0], end: Math.max(range[1], range[0] + 1) } : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
}

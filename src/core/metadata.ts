// Article metadata from YAML front matter and from per-folder `sources.yaml` files.
// Both are optional and both may be malformed: problems are returned, never thrown.

import { parseDocument, isMap, isScalar, Document } from 'yaml';
import { ArticleMeta, InputProblem, META_FIELDS, TextRange } from './types';
import { nodeToJs, parseYamlSafely, rangeOf, resolved, YamlProblem } from './yamlSafe';

export interface FrontMatter {
  meta: ArticleMeta;
  /** The whole block including both `---` fences. */
  range: TextRange;
  problems: InputProblem[];
}

/** How far into a file front matter may reach: it is short, and a missing closing fence must not make us scan 20 MB. */
const FRONT_MATTER_LIMIT = 64 * 1024;
const OPENING_FENCE = /^(?:\uFEFF)?---[ \t]*(?:\r\n|\r|\n)/;
/** A closing fence line (`---` or `...`), after any line end: LF, CRLF or a lone CR. */
const CLOSING_FENCE = /(\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/g;

/**
 * Parses a leading `---` YAML block. Returns undefined when the text has none. Front matter that is opened and never
 * closed is not front matter: the text stays body text and the result has an empty range and a problem saying so.
 */
export function parseFrontMatter(text: string): FrontMatter | undefined {
  const head = text.slice(0, FRONT_MATTER_LIMIT);
  const open = OPENING_FENCE.exec(head);
  if (!open) return undefined;
  const bodyStart = open[0].length;
  CLOSING_FENCE.lastIndex = bodyStart - 1; // an empty block: the opening fence's line end is the closing one's
  let close = CLOSING_FENCE.exec(head);
  if (close && close.index < bodyStart - 1) close = null;
  if (!close) {
    return {
      meta: {},
      range: { start: 0, end: 0 },
      problems: [{
        code: 'structure/invalid-metadata',
        severity: 'warning',
        message: `Front matter opened with --- is never closed with --- or ... (within the first ${FRONT_MATTER_LIMIT / 1024} KB): it is read as body text.`,
        range: { start: 0, end: Math.min(text.length, open[0].trimEnd().length) },
      }],
    };
  }
  const range = { start: 0, end: close.index + close[0].length };
  const yaml = head.slice(bodyStart, Math.max(bodyStart, close.index));
  const { meta, problems } = metaFromYaml(yaml, 'front matter');
  for (const p of problems) if (p.range) p.range = { start: p.range.start + bodyStart, end: p.range.end + bodyStart };
  return { meta, range, problems: problems.map((p) => ({ ...p, range: p.range ?? range })) };
}

/** Reads the known metadata fields from a YAML mapping; unknown keys are ignored, bad values reported. */
export function metaFromYaml(source: string, what: string): { meta: ArticleMeta; problems: InputProblem[] } {
  const parsed = parseYamlSafely(source);
  const problems: InputProblem[] = parsed.problems.map((p) => ({
    code: 'structure/invalid-metadata',
    severity: 'warning',
    message: `Malformed ${what}: ${p.message}. The article is analysed without it.`,
    range: p.range,
  }));
  if (problems.length > 0) return { meta: {}, problems };
  const data = parsed.data;
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
          message: `The ${what} gives published: ${describeValue(value)}, which is not a date (use YYYY-MM-DD with a four-digit year).`,
        });
      continue;
    }
    if (typeof value === 'string' || typeof value === 'number') meta[field] = String(value).trim();
  }
  return { meta, problems };
}

/** A YAML value as the reader wrote it, for messages: `.inf` and `.nan` are numbers JSON cannot show. */
function describeValue(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '.nan (not a number)' : `${value < 0 ? '-' : ''}.inf (infinity)`;
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'a mapping';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Accepts YYYY-MM-DD (optionally with a time) or a Date; returns YYYY-MM-DD or undefined. */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const year = value.getUTCFullYear();
    return year >= 0 && year <= 9999 ? value.toISOString().slice(0, 10) : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return undefined;
  return isValidDate(+m[1], +m[2], +m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** A real calendar day with a four-digit year (0000–9999: Date.UTC alone reads 0–99 as 1900–1999). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 0 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export interface SourcesFile {
  /** File name (as written in sources.yaml, relative to its folder) -> metadata. */
  entries: Map<string, ArticleMeta>;
  problems: InputProblem[];
}

/** Parses a `sources.yaml`: a mapping from file names to metadata fields. Never throws. */
export function parseSourcesYaml(source: string): SourcesFile {
  const entries = new Map<string, ArticleMeta>();
  const problems: InputProblem[] = [];
  const invalid = (message: string, range?: TextRange) => problems.push({ code: 'structure/invalid-sources', severity: 'warning', message, range: range ?? { start: 0, end: 1 } });
  const parsed = parseYamlSafely(source, false);
  for (const p of parsed.problems) invalid(`Malformed sources.yaml: ${p.message}. Its metadata is ignored until it is fixed.`, p.range);
  const { doc } = parsed;
  if (problems.length > 0 || doc.contents === null) return { entries, problems };
  if (!isMap(doc.contents)) {
    invalid('sources.yaml should map file names to fields (outlet, published, url, title, author).', nodeRange(doc.contents));
    return { entries, problems };
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (!key) continue;
    const value = resolved(pair.value, doc);
    if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
      entries.set(key, {});
      continue;
    }
    if (!isMap(value)) {
      invalid(`sources.yaml: the entry for ${key} should be a mapping of fields.`, nodeRange(pair.value) ?? nodeRange(pair.key));
      continue;
    }
    const yamlProblems: YamlProblem[] = [];
    // Aliases resolved against the document: `published: *d` is the date d names.
    const data = nodeToJs(value, doc, yamlProblems) as Record<string, unknown> | undefined;
    for (const p of yamlProblems) invalid(`sources.yaml: the entry for ${key}: ${p.message}.`, p.range ?? nodeRange(pair.value));
    if (!data) continue;
    const fieldProblems: InputProblem[] = [];
    const { meta } = fieldsToMeta(data, `sources.yaml entry for ${key}`, fieldProblems);
    for (const p of fieldProblems) invalid(p.message, nodeRange(pair.value));
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

const nodeRange = rangeOf;

// Suppressions: a reader's "ignore this finding", kept in a visible sourcelens.suppressions.yaml (plain text has no
// room for disable comments). An entry names the file, the rule and a fingerprint of the text the finding covers,
// so it survives edits elsewhere in the article, and the editor and the CLI agree.
//
//   suppressions:
//     - { file: 000-article.txt, rule: unattributed-claim, fingerprint: 1a2b3c4d…, text: "The war has killed …" }

import { Document, isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import { contentHash } from './hash';
import { InputProblem } from './types';
import { parseYamlSafely } from './yamlSafe';

export interface SuppressionEntry {
  /** Path relative to the suppressions file's folder. */
  file: string;
  rule: string;
  fingerprint: string;
}

/** A fingerprint of the covered text that ignores spacing and case, so reflowing a line keeps the suppression. */
export function fingerprint(text: string): string {
  return contentHash(text.replace(/\s+/g, ' ').trim().toLowerCase()).slice(0, 16);
}

export function parseSuppressions(text: string): SuppressionEntry[] {
  return parseSuppressionsFile(text).entries;
}

/** The entries, and what is wrong with the file (malformed, alias bomb, custom tags): then it has no entries. */
export function parseSuppressionsFile(text: string): { entries: SuppressionEntry[]; problems: InputProblem[] } {
  const parsed = parseYamlSafely(text);
  const problems: InputProblem[] = parsed.problems.map((p) => ({
    code: 'structure/invalid-metadata',
    severity: 'warning',
    message: `Malformed sourcelens.suppressions.yaml: ${p.message}. No finding is suppressed until it is fixed.`,
    range: p.range ?? { start: 0, end: 1 },
  }));
  const raw = parsed.data ?? {};
  const data = (typeof raw === 'object' ? raw : {}) as { suppressions?: unknown };
  const entries: SuppressionEntry[] = [];
  for (const raw of Array.isArray(data.suppressions) ? data.suppressions : []) {
    const e = raw as Record<string, unknown>;
    if (typeof e?.file === 'string' && typeof e.rule === 'string' && typeof e.fingerprint === 'string') entries.push({ file: e.file, rule: e.rule, fingerprint: e.fingerprint });
  }
  return { entries, problems };
}

/** The file's new text with one more suppression (comments kept; an identical entry is not added twice). */
export function withSuppression(existing: string | undefined, entry: SuppressionEntry & { text: string }): string {
  const doc = existing && existing.trim() ? parseDocument(existing) : new Document({ suppressions: [] });
  if (doc.errors.length) throw new Error('sourcelens.suppressions.yaml is malformed; fix it first');
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  const found: unknown = doc.get('suppressions', true);
  let seq: YAMLSeq;
  if (isSeq(found)) seq = found;
  else {
    seq = doc.createNode([]) as YAMLSeq;
    doc.set('suppressions', seq);
  }
  const exists = parseSuppressions(doc.toString()).some((e) => e.file === entry.file && e.rule === entry.rule && e.fingerprint === entry.fingerprint);
  if (!exists) seq.items.push(doc.createNode({ file: entry.file, rule: entry.rule, fingerprint: entry.fingerprint, text: entry.text.replace(/\s+/g, ' ').trim().slice(0, 80) }));
  return doc.toString({ lineWidth: 0 });
}

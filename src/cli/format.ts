// Renders findings for the terminal (file:line:col severity code message), as JSON, or as SARIF 2.1.0.

import * as path from 'node:path';
import { LineIndex } from '../core/lines';
import { RULES } from '../core/findings/catalog';
import { Article, Finding, Severity } from '../core/types';
import { uriToPath } from '../host/uris';

export interface LocatedFinding extends Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Adds 1-based line/column positions and a display path relative to cwd. */
export function locate(findings: Finding[], articles: Map<string, Article>, cwd: string): LocatedFinding[] {
  const indexes = new Map<string, LineIndex>();
  const out: LocatedFinding[] = [];
  for (const f of findings) {
    const article = articles.get(f.uri);
    let index = indexes.get(f.uri);
    if (!index) {
      index = new LineIndex(article?.text ?? '');
      indexes.set(f.uri, index);
    }
    const start = index.positionAt(f.range.start);
    const end = index.positionAt(f.range.end);
    out.push({ ...f, file: displayPath(f.uri, cwd), line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 });
  }
  return out;
}

export function displayPath(uri: string, cwd: string): string {
  const fsPath = uriToPath(uri);
  if (!fsPath) return uri;
  const relative = path.relative(cwd, fsPath);
  return relative.startsWith('..') ? fsPath : relative;
}

/**
 * Text that is safe to print on a terminal: control characters (ESC sequences could recolour, retitle or rewrite the
 * terminal), line breaks (a file named "a\nb.txt" would forge a line of output), C1 controls and the bidi
 * overrides and isolates (which reorder what is shown) are written as escapes: \n, \t, \x1b, \u202e.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export interface TextOptions {
  /** A count per code and a total at the end (default true). */
  summary?: boolean;
  /** Hints left out of the list, named in the total. */
  hiddenHints?: number;
}

export function formatText(findings: LocatedFinding[], options: TextOptions = {}): string {
  const lines = findings.map((f) => `${terminalSafe(f.file)}:${f.line}:${f.column} ${f.severity} ${f.code} ${terminalSafe(f.message)}`);
  if (options.summary !== false) lines.push(...summaryLines(findings, options.hiddenHints ?? 0));
  return lines.join('\n');
}

/** A blank line, one line per code (most frequent first: count, severity, code), and the total. */
export function summaryLines(findings: Finding[], hiddenHints: number): string[] {
  const byCode = new Map<string, { severity: Severity; count: number }>();
  for (const f of findings) {
    const entry = byCode.get(f.code);
    if (entry) entry.count++;
    else byCode.set(f.code, { severity: f.severity, count: 1 });
  }
  const rows = [...byCode].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  const width = Math.max(1, ...rows.map(([, r]) => String(r.count).length));
  const counts = countBySeverity(findings);
  const total = `${findings.length} finding(s): ${counts.error} error, ${counts.warning} warning, ${counts.information} information`;
  const hints = hiddenHints ? `; ${hiddenHints} hint(s) not shown (--include-hints)` : `, ${counts.hint} hint`;
  return [...(rows.length ? [''] : []), ...rows.map(([code, r]) => `${String(r.count).padStart(width)} ${r.severity.padEnd(11)} ${code}`), total + hints];
}

export function formatJson(findings: LocatedFinding[]): string {
  return JSON.stringify(
    findings.map((f) => ({
      file: f.file,
      uri: f.uri,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      severity: f.severity,
      code: f.code,
      message: f.message,
      related: f.related,
    })),
    null,
    2,
  );
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(findings: LocatedFinding[], articles: Map<string, Article>, version: string): string {
  const ruleIds = RULES.map((r) => r.code);
  for (const f of findings) if (!ruleIds.includes(f.code)) ruleIds.push(f.code);
  const indexes = new Map<string, LineIndex>();
  const region = (uri: string, start: number, end: number) => {
    let index = indexes.get(uri);
    if (!index) indexes.set(uri, (index = new LineIndex(articles.get(uri)?.text ?? '')));
    const s = index.positionAt(start);
    const e = index.positionAt(end);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Sourcelens',
          version,
          informationUri: 'https://example.invalid/sourcelens',
          rules: ruleIds.map((id) => {
            const info = RULES.find((r) => r.code === id);
            return {
              id,
              shortDescription: { text: info?.description ?? id },
              defaultConfiguration: { level: SARIF_LEVEL[info?.severity ?? 'warning'] },
            };
          }),
        },
      },
      results: findings.map((f) => ({
        ruleId: f.code,
        ruleIndex: ruleIds.indexOf(f.code),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: f.uri },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        }],
        relatedLocations: f.related.map((r, i) => ({
          id: i,
          message: { text: r.message },
          physicalLocation: { artifactLocation: { uri: r.uri }, region: region(r.uri, r.range.start, r.range.end) },
        })),
      })),
    }],
  };
  return JSON.stringify(sarif, null, 2);
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

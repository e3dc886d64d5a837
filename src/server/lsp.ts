// Conversions between the core's offset-based plain data and LSP types.

import { Diagnostic, DiagnosticSeverity, DiagnosticTag, Range } from 'vscode-languageserver';
import { LineIndex, lineIndexOf } from '../core/lines';

export { lineIndexOf };
import { Article, Finding, Severity, TextRange } from '../core/types';

export function toRange(index: LineIndex, range: TextRange): Range {
  return { start: index.positionAt(range.start), end: index.positionAt(range.end) };
}

/** A range of an article's text as an LSP range. */
export function articleRange(article: Article, range: TextRange): Range {
  return toRange(lineIndexOf(article), range);
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'sourcelens';

/** `lineIndexFor` resolves the line index of any URI a finding or its related information points at. */
export function toDiagnostic(finding: Finding, index: LineIndex, lineIndexFor: (uri: string) => LineIndex | undefined): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(index, finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.unnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
  const related = finding.related.flatMap((r) => {
    const other = lineIndexFor(r.uri);
    return other ? [{ location: { uri: r.uri, range: toRange(other, r.range) }, message: r.message }] : [];
  });
  if (related.length) diagnostic.relatedInformation = related;
  if (finding.fixes?.length) diagnostic.data = { fixes: finding.fixes };
  return diagnostic;
}

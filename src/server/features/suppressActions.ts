// "Ignore this finding": writes the finding into sourcelens.suppressions.yaml, which the server and the CLI both
// read, so the editor and CI agree on what the reader chose to ignore.

import * as path from 'node:path';
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver';
import { LineIndex } from '../../core/lines';
import { fingerprint, withSuppression } from '../../core/suppressions';
import { Article } from '../../core/types';
import { fileUri, uriToPath } from '../../host/uris';
import { replaceYaml } from './yamlEdit';

export function suppressActions(article: Article, diagnostics: Diagnostic[], suppressionsFile: string, existing: string | undefined): CodeAction[] {
  const articlePath = uriToPath(article.uri);
  if (!articlePath) return [];
  const index = new LineIndex(article.text);
  const uri = fileUri(suppressionsFile);
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'sourcelens' || typeof d.code !== 'string') continue;
    const text = article.text.slice(index.offsetAt(d.range.start), index.offsetAt(d.range.end));
    const entry = { file: path.relative(path.dirname(suppressionsFile), articlePath).split(path.sep).join('/'), rule: d.code, fingerprint: fingerprint(text), text };
    let newText: string;
    try {
      newText = withSuppression(existing, entry);
    } catch (error) {
      out.push({ title: `Ignore this ${d.code} finding`, kind: CodeActionKind.QuickFix, disabled: { reason: (error as Error).message } });
      continue;
    }
    const edit = replaceYaml({ uri, text: existing }, newText);
    out.push({ title: `Ignore this ${d.code} finding (sourcelens.suppressions.yaml)`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit });
  }
  return out;
}

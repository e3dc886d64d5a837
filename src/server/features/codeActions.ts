// Quick fixes. "Add publication date to sources.yaml" edits the folder's sources.yaml (creating it if needed),
// so the fix is visible, reviewable and undoable, and the article text stays byte for byte as saved.

import * as path from 'node:path';
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver';
import { setSourcesField } from '../../core/metadata';
import { explicitDates } from '../../core/pubdate';
import { Article, FixIntent } from '../../core/types';
import { uriToPath } from '../../host/uris';
import { COMMANDS } from '../../shared/protocol';
import { replaceYaml, YamlDocument } from './yamlEdit';

export const REVEAL_SOURCES_COMMAND = COMMANDS.revealSourcesEntry;

export function codeActionsFor(
  article: Article,
  diagnostics: Diagnostic[],
  readSources: (folder: string) => YamlDocument,
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const fixes = (diagnostic.data as { fixes?: FixIntent[] } | undefined)?.fixes ?? [];
    for (const fix of fixes) {
      if (fix.kind !== 'add-publication-date') continue;
      const fsPath = uriToPath(article.uri);
      if (!fsPath) continue;
      const sources = readSources(path.dirname(fsPath));
      const candidates = fix.date ? [fix.date] : explicitDates(article.text, article.paragraphs.map((p) => p.range)).slice(0, 2);
      const name = path.basename(fsPath);
      for (const date of candidates) {
        actions.push(action(`Add publication date ${date} to sources.yaml`, diagnostic, sources, name, date, candidates.length === 1 && !!fix.date));
      }
      if (!fix.date) actions.push(action('Add publication date to sources.yaml (fill in the date)', diagnostic, sources, name, '', candidates.length === 0));
    }
  }
  return actions;
}

function action(title: string, diagnostic: Diagnostic, sources: YamlDocument, fileName: string, date: string, preferred: boolean): CodeAction {
  let newText: string;
  try {
    newText = setSourcesField(sources.text, fileName, 'published', date);
  } catch (error) {
    return { title: `${title} — unavailable: ${(error as Error).message}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason: (error as Error).message } };
  }
  const edit = replaceYaml(sources, newText);
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit,
    command: { title: 'Show the entry', command: REVEAL_SOURCES_COMMAND, arguments: [sources.uri, fileName] },
  };
}


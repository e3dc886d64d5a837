// Code actions: the quick fixes that write sources.yaml, the knowledge file and the suppressions file, and the
// command that compares the accounts behind a figure finding. Any action whose edit would touch another file, or one
// outside the workspace, is dropped.

import { CodeAction, Connection, ErrorCodes, ResponseError } from 'vscode-languageserver';
import { suppressionsPath } from '../host/suppressions';
import { normaliseUri as norm } from '../host/uris';
import { CorpusHost } from '../host/workspace';
import { codeActionsFor } from './features/codeActions';
import { entityActions } from './features/entityActions';
import { compareActions } from './features/events';
import { suppressActions } from './features/suppressActions';
import { lineIndexOf } from './lsp';
import { checkParams } from './params';
import type { WorkspaceYaml } from './yamlFiles';

export function registerQuickFixes({ connection, host, yaml }: { connection: Connection; host: CorpusHost; yaml: WorkspaceYaml }): void {
  connection.onCodeAction((params) => {
    checkParams(params, 'textDocument', 'range');
    if (!Array.isArray((params.context as { diagnostics?: unknown } | undefined)?.diagnostics)) throw new ResponseError(ErrorCodes.InvalidParams, 'Invalid params: context.diagnostics must be an array');
    const article = host.corpus.get(norm(params.textDocument.uri));
    if (!article) return [];
    const offset = lineIndexOf(article).offsetAt(params.range.start);
    const suppressions = suppressionsPath(host.getRoots());
    return safeActions(yaml, [
      ...codeActionsFor(article, params.context.diagnostics, (folder) => yaml.sourcesDocument(folder)),
      ...entityActions(host.corpus, article.uri, offset, params.context.diagnostics, yaml.knowledgeDocument()),
      ...suppressActions(article, params.context.diagnostics, suppressions, yaml.text(suppressions)),
      ...compareActions(article.uri, params.context.diagnostics),
    ]);
  });
}

/** Drops any action whose edit would touch a file other than a Sourcelens YAML file inside the workspace. */
function safeActions(yaml: WorkspaceYaml, actions: CodeAction[]): CodeAction[] {
  return actions.filter((action) => {
    const uris: string[] = [...Object.keys(action.edit?.changes ?? {})];
    for (const change of action.edit?.documentChanges ?? []) {
      if ('textDocument' in change) uris.push(change.textDocument.uri);
      else if ('uri' in change) uris.push(change.uri);
      else if ('oldUri' in change) uris.push(change.oldUri, change.newUri);
    }
    return uris.every((uri) => yaml.isWritableTarget(uri));
  });
}

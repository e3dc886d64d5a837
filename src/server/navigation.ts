// Moving around the corpus: the outline (document symbols), workspace symbols, and go to definition, find all
// references and highlights on people, organisations and places.

import { Connection, Position } from 'vscode-languageserver';
import { normaliseUri as norm } from '../host/uris';
import { CorpusHost } from '../host/workspace';
import type { Ready } from './documents';
import { definitionOf, entitySymbols, highlightsOf, peopleSymbols, referencesOf } from './features/entities';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { lineIndexOf } from './lsp';
import { checkParams } from './params';

export function registerNavigation({ connection, host, ready }: { connection: Connection; host: CorpusHost; ready: Ready }): void {
  connection.onDocumentSymbol(async (params, token) => {
    checkParams(params, 'textDocument');
    await ready(token, params.textDocument.uri);
    const analysis = host.corpus.analysis(norm(params.textDocument.uri));
    if (!analysis) return [];
    const symbols = documentSymbols(analysis, lineIndexOf(analysis.article));
    const people = peopleSymbols(analysis.article.uri, host.corpus);
    if (symbols[0]?.children && analysis.article.headline) symbols[0].children.push(...people);
    else symbols.push(...people);
    return symbols;
  });

  function entityAt(uri: string, position: Position) {
    const article = host.corpus.get(norm(uri));
    return article ? host.corpus.entities().at(article.uri, lineIndexOf(article).offsetAt(position)) : undefined;
  }

  connection.onDefinition(async (params, token) => {
    checkParams(params, 'textDocument', 'position');
    await ready(token);
    const found = entityAt(params.textDocument.uri, params.position);
    return found ? definitionOf(found.entity, host.corpus) ?? null : null;
  });

  connection.onReferences(async (params, token) => {
    checkParams(params, 'textDocument', 'position');
    await ready(token);
    const found = entityAt(params.textDocument.uri, params.position);
    return found ? referencesOf(found.entity, host.corpus) : [];
  });

  connection.onDocumentHighlight(async (params, token) => {
    checkParams(params, 'textDocument', 'position');
    await ready(token, params.textDocument.uri);
    const found = entityAt(params.textDocument.uri, params.position);
    return found ? highlightsOf(found.entity, norm(params.textDocument.uri), host.corpus) : [];
  });

  connection.onWorkspaceSymbol(async (params, token) => {
    checkParams(params, 'query');
    await ready(token);
    return [...entitySymbols(host.corpus, params.query), ...workspaceSymbols(host.corpus.list(), params.query, lineIndexOf)];
  });
}

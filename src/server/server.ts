// The language server: adapts the corpus host and the analysis core to LSP. Works with any client: VS Code (IPC,
// pull diagnostics), Neovim and others (stdio, pushed diagnostics, odd URI spellings).
//
// This file only wires the connection to the features, each in its own file with the few things it needs:
//   lifecycle.ts    initialize/initialized, watchers, workspace folders, settings, (re-)indexing, shutdown
//   documents.ts    document sync, edit bursts, watched files, `ready` (when a request can be answered)
//   diagnostics.ts  push and pull diagnostics, the corpus-changed notification, code lens refresh
//   hover.ts        the whole hover
//   lenses.ts       code lenses and inlay hints
//   navigation.ts   outline, workspace symbols, definition, references, highlights
//   quickFixes.ts   code actions writing the Sourcelens YAML files (yamlFiles.ts reads them)
//   requests.ts     the sourcelens/* custom requests
// features/ holds what those show (cards, lenses, symbols, edits), built from the core's data.

import { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CorpusHost, Logger } from '../host/workspace';
import { Diagnostics } from './diagnostics';
import { Edits, readiness, registerDocuments } from './documents';
import { registerHover } from './hover';
import { registerLenses } from './lenses';
import { Client, Index, registerLifecycle } from './lifecycle';
import { registerNavigation } from './navigation';
import { registerQuickFixes } from './quickFixes';
import { registerRequests } from './requests';
import { WorkspaceYaml } from './yamlFiles';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log: Logger = {
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };
  const host = new CorpusHost(log);
  const client = new Client();
  const yaml = new WorkspaceYaml(documents, () => host.getRoots());
  const index = new Index(connection, host, client, log, () => diagnostics.corpusChanged());
  const diagnostics = new Diagnostics(connection, host, client, (uri) => yaml.sourcesText(uri), () => index.indexed);
  const edits = new Edits(documents, host, (uri) => diagnostics.corpusChanged(uri));
  const ready = readiness(documents, host, edits, index.complete);

  registerLifecycle({ connection, host, client, index, log });
  registerDocuments({ connection, documents, host, edits, listener: diagnostics, indexComplete: index.complete, log });
  diagnostics.register(ready);
  registerHover({ connection, host, ready });
  registerLenses({ connection, host, ready });
  registerNavigation({ connection, host, ready });
  registerQuickFixes({ connection, host, yaml });
  registerRequests({ connection, host, ready, diagnostics, index });

  documents.listen(connection);
  connection.listen();
}

// What the editor draws between the lines: code lenses above each meeting account, inlay hints for dates and quotes.

import { Connection } from 'vscode-languageserver';
import { normaliseUri as norm } from '../host/uris';
import { CorpusHost } from '../host/workspace';
import type { Ready } from './documents';
import { dateInlayHints, quoteInlayHints } from './features/inlayHints';
import { meetingCodeLenses } from './features/meetings';
import { lineIndexOf } from './lsp';
import { checkParams } from './params';

export function registerLenses({ connection, host, ready }: { connection: Connection; host: CorpusHost; ready: Ready }): void {
  connection.onCodeLens(async (params, token) => {
    checkParams(params, 'textDocument');
    await ready(token, params.textDocument.uri);
    return meetingCodeLenses(norm(params.textDocument.uri), host.corpus);
  });

  connection.languages.inlayHint.on(async (params, token) => {
    checkParams(params, 'textDocument', 'range');
    await ready(token, params.textDocument.uri);
    const analysis = host.corpus.analysis(norm(params.textDocument.uri));
    if (!analysis) return [];
    const settings = host.getSettings().inlayHints;
    const index = lineIndexOf(analysis.article);
    return [
      ...(settings.dates ? dateInlayHints(analysis, index, params.range) : []),
      ...(settings.quotes ? quoteInlayHints(analysis, index, params.range) : []),
    ].sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
  });
}

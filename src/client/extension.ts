// The VS Code side, kept thin: start the server, show the Articles tree and the status item, register commands.
// All analysis happens in the server.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { COMMANDS, CorpusChangedNotification, CoverageHtmlRequest, IndexProgressNotification, ReindexRequest } from '../shared/protocol';
import { ArticlesProvider } from './articlesTree';
import { EntitiesProvider } from './entitiesTree';
import { registerImportPages } from './importPages';
import { registerMeetingCommands } from './meetingCommands';
import { MeetingsProvider } from './meetingsTree';

let client: LanguageClient | undefined;
const ARTICLE_LANGUAGE = 'news-article';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Sourcelens', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: ARTICLE_LANGUAGE },
      { scheme: 'file', pattern: '**/*.{txt,md}' },
    ],
    synchronize: {
      configurationSection: 'sourcelens',
      // No fileEvents here: the server registers its watchers (shared/protocol.ts FILE_WATCHERS) once; watching here
      // as well made VS Code deliver every change twice.
    },
    initializationOptions: {
      settings: vscode.workspace.getConfiguration('sourcelens'),
      storagePath: (context.storageUri ?? context.globalStorageUri).fsPath,
    },
    outputChannel: log,
    // Hover cards link to other mentions and accounts through this one command.
    markdown: { isTrusted: { enabledCommands: [COMMANDS.openAccount, COMMANDS.compareAccounts] } },
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: true },
  };
  client = new LanguageClient('sourcelens', 'Sourcelens', serverOptions, clientOptions);

  const articles = new ArticlesProvider(() => client);
  const meetings = new MeetingsProvider(() => client);
  const entities = new EntitiesProvider(() => client);
  const meetingsView = vscode.window.createTreeView('sourcelens.meetings', { treeDataProvider: meetings, showCollapseAll: true });
  const articlesView = vscode.window.createTreeView('sourcelens.articles', { treeDataProvider: articles });
  const entitiesView = vscode.window.createTreeView('sourcelens.entities', { treeDataProvider: entities });
  // While indexing the views say how far it got, never "No articles found" (the welcome text waits for this key).
  const setIndexing = (message: string | undefined) => {
    void vscode.commands.executeCommand('setContext', 'sourcelens.indexing', message !== undefined);
    for (const view of [articlesView, meetingsView, entitiesView]) view.message = message;
  };
  setIndexing('Indexing articles…');
  registerMeetingCommands(context, () => client, meetings, meetingsView);
  registerImportPages(context, log, () => client, async () => {
    await client?.sendRequest(ReindexRequest);
  });
  const status = vscode.window.createStatusBarItem('sourcelens.status', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Sourcelens';
  status.text = '$(loading~spin) Sourcelens: indexing…';
  status.command = 'sourcelens.articles.focus';
  status.show();

  context.subscriptions.push(
    log,
    status,
    meetingsView,
    articlesView,
    entitiesView,
    vscode.commands.registerCommand(COMMANDS.showCoverage, async () => {
      if (!client) return;
      // Loaded on first use: the plotting library stays out of activation.
      const { showCoverage } = await import('./coveragePanel');
      const c = client;
      await showCoverage((head, tail) => c.sendRequest(CoverageHtmlRequest, { head, tail }), async (uri, start, end) => {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
        const selection = new vscode.Range(document.positionAt(start), document.positionAt(end));
        const editor = await vscode.window.showTextDocument(document, { selection, preview: false, viewColumn: vscode.ViewColumn.Beside });
        editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      });
    }),
    vscode.commands.registerCommand(COMMANDS.reindex, async () => {
      status.text = '$(loading~spin) Sourcelens: indexing…';
      setIndexing('Indexing articles…');
      await client?.sendRequest(ReindexRequest);
    }),
    vscode.commands.registerCommand(COMMANDS.showLog, () => log.show()),
    vscode.commands.registerCommand(COMMANDS.revealSourcesEntry, revealSourcesEntry),
    { dispose: () => void client?.stop() },
  );

  // Articles open in the `news-article` language, whose configuration default wraps words: one paragraph per line
  // reads without horizontal scrolling. Only corpus articles switch; the user's other files keep their settings.
  const switchArticles = () => {
    for (const editor of vscode.window.visibleTextEditors) {
      const doc = editor.document;
      if ((doc.languageId === 'plaintext' || doc.languageId === 'markdown') && articles.uris.has(doc.uri.toString())) {
        void vscode.languages.setTextDocumentLanguage(doc, ARTICLE_LANGUAGE);
      }
    }
  };
  context.subscriptions.push(vscode.window.onDidChangeVisibleTextEditors(switchArticles), articles.onDidChangeUris(switchArticles));

  client.onNotification(IndexProgressNotification, (params) => {
    if (params.done >= params.total) return;
    const text = `Indexing ${params.done.toLocaleString('en-US')} of ${params.total.toLocaleString('en-US')}…`;
    status.text = `$(loading~spin) Sourcelens: ${text}`;
    setIndexing(text);
  });

  client.onNotification(CorpusChangedNotification, (params) => {
    if (!params.indexing) setIndexing(undefined);
    status.text = `$(book) Sourcelens: ${params.articles} article${params.articles === 1 ? '' : 's'} · ${params.findings} finding${params.findings === 1 ? '' : 's'}`;
    status.tooltip = 'Sourcelens: open the Articles view';
    void articles.refresh();
    void meetings.refresh();
    void entities.refresh();
  });

  await client.start();
}

/** After a quick fix wrote sources.yaml, show the reader the entry it wrote. */
async function revealSourcesEntry(uri: string, fileName: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(document, { preview: false, preserveFocus: false });
  const text = document.getText();
  const at = text.indexOf(`${fileName}:`);
  if (at < 0) return;
  const lineEnd = text.indexOf('\n', text.indexOf('published:', at));
  const position = document.positionAt(lineEnd < 0 ? text.length : lineEnd);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

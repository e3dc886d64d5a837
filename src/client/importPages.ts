// Sourcelens: Import saved pages — the Explorer's .html files and folders to readable .md articles beside them.
// The server does the import (`sourcelens/importPages`, the same host code as `sourcelens import`); here an edited
// article is overwritten only when the reader says so.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, ImportOutcomeData as ImportOutcome, ImportPagesRequest } from '../shared/protocol';

export function registerImportPages(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, client: () => LanguageClient | undefined, reindex: () => Promise<void>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.importPages, async (clicked?: vscode.Uri, selected?: vscode.Uri[]) => {
      const targets = await pickTargets(clicked, selected);
      if (!targets?.length) return;
      const outcomes = await importAll(client, targets.map((u) => u.fsPath), false);
      if (outcomes === undefined) {
        void vscode.window.showWarningMessage(`Sourcelens: no saved web pages (.html, .htm) in ${targets.map((u) => vscode.workspace.asRelativePath(u)).join(', ')}.`);
        return;
      }
      const kept = outcomes.filter((o) => o.status === 'edited' || o.status === 'occupied');
      if (kept.length) {
        const names = kept.map((o) => vscode.workspace.asRelativePath(o.target)).slice(0, 5).join(', ') + (kept.length > 5 ? ', …' : '');
        const choice = await vscode.window.showWarningMessage(
          `${kept.length} article file(s) were edited after import, or were not written by an import: ${names}. Overwrite them with the page's text?`,
          { modal: true },
          'Overwrite',
          'Keep mine',
        );
        if (choice === 'Overwrite') {
          const again = (await client()?.sendRequest(ImportPagesRequest, { paths: kept.map((o) => o.page), force: true })) ?? [];
          for (const o of again) {
            const i = outcomes.findIndex((x) => x.page === o.page);
            if (i >= 0) outcomes[i] = o;
          }
        }
      }
      for (const o of outcomes) {
        const line = `${vscode.workspace.asRelativePath(o.page)}: ${o.message}`;
        if (o.status === 'failed') log.error(line);
        else if (o.status === 'not-article' || o.status === 'edited' || o.status === 'occupied') log.warn(line);
        else log.info(line);
      }
      await reindex();
      void report(outcomes, log); // not awaited: the command is done when the files are written and the corpus re-read
    }),
  );
}

async function pickTargets(clicked?: vscode.Uri, selected?: vscode.Uri[]): Promise<vscode.Uri[] | undefined> {
  if (selected?.length) return selected;
  if (clicked) return [clicked];
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && /\.html?$/i.test(active.fsPath)) return [active];
  return vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: true,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    filters: { 'Saved web pages': ['html', 'htm'] },
    openLabel: 'Import',
  });
}

async function importAll(client: () => LanguageClient | undefined, paths: string[], force: boolean): Promise<ImportOutcome[] | undefined> {
  const c = client();
  if (!c) return undefined;
  const outcomes = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Sourcelens: importing saved pages' },
    () => c.sendRequest(ImportPagesRequest, { paths, force }),
  );
  return outcomes ?? undefined;
}

async function report(outcomes: ImportOutcome[], log: vscode.LogOutputChannel): Promise<void> {
  const n = (...s: ImportOutcome['status'][]) => outcomes.filter((o) => s.includes(o.status)).length;
  const written = outcomes.filter((o) => o.status === 'created' || o.status === 'updated');
  const parts = [`${written.length} imported`];
  if (n('unchanged')) parts.push(`${n('unchanged')} already up to date`);
  if (n('not-article')) parts.push(`${n('not-article')} not an article`);
  if (n('edited', 'occupied')) parts.push(`${n('edited', 'occupied')} kept as you edited them`);
  if (n('failed')) parts.push(`${n('failed')} failed`);
  const message = `Sourcelens: ${outcomes.length} saved page(s): ${parts.join(', ')}.`;
  const actions = written.length === 1 ? ['Open article', 'Show details'] : ['Show details'];
  const show = n('not-article', 'failed') ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const choice = await show(message, ...actions);
  if (choice === 'Open article') await vscode.window.showTextDocument(vscode.Uri.file(written[0].target));
  else if (choice === 'Show details') log.show();
}

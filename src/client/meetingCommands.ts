// Commands that move between the accounts of one meeting, and the tree following the cursor.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, LspRange, MeetingAtRequest, MeetingSummary } from '../shared/protocol';
import { MeetingNode, MeetingsProvider } from './meetingsTree';

export function toVsRange(r: LspRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export async function openAccount(uri: string, range: LspRange, column?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const selection = toVsRange(range);
  const editor = await vscode.window.showTextDocument(document, { selection, preview: false, viewColumn: column });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** The meeting account under the cursor of the active editor. */
async function accountAtCursor(client: LanguageClient, provider: MeetingsProvider): Promise<{ meeting: MeetingSummary; index: number } | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const found = await client.sendRequest(MeetingAtRequest, {
    uri: editor.document.uri.toString(),
    position: editor.selection.active,
  });
  if (!found) return undefined;
  const meeting = await provider.meeting(found.meetingId);
  if (!meeting) return undefined;
  return { meeting, index: meeting.accounts.findIndex((a) => a.id === found.accountId) };
}

export function registerMeetingCommands(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
  provider: MeetingsProvider,
  view: vscode.TreeView<MeetingNode>,
): void {
  const step = async (delta: number) => {
    const c = client();
    const here = c && (await accountAtCursor(c, provider));
    if (!here) {
      void vscode.window.showInformationMessage('Sourcelens: the cursor is not in an account of a meeting.');
      return;
    }
    if (here.meeting.accounts.length < 2) {
      void vscode.window.showInformationMessage(`Sourcelens: ${here.meeting.label} has no other account.`);
      return;
    }
    const next = here.meeting.accounts[(here.index + delta + here.meeting.accounts.length) % here.meeting.accounts.length];
    await openAccount(next.uri, next.range);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openAccount, (uri: string, range: LspRange) => openAccount(uri, range)),
    vscode.commands.registerCommand('sourcelens.meetings.hideSingle', () => provider.setSingleHidden(true)),
    vscode.commands.registerCommand('sourcelens.meetings.showSingle', () => provider.setSingleHidden(false)),
    vscode.commands.registerCommand(COMMANDS.nextAccount, () => step(1)),
    vscode.commands.registerCommand(COMMANDS.previousAccount, () => step(-1)),
    vscode.commands.registerCommand(COMMANDS.showMeeting, async (id?: string) => {
      const c = client();
      const meetingId = id ?? (c ? (await accountAtCursor(c, provider))?.meeting.id : undefined);
      const meeting = meetingId ? await provider.meeting(meetingId) : undefined;
      if (!meeting) {
        void vscode.window.showInformationMessage('Sourcelens: no meeting here.');
        return;
      }
      await view.reveal({ type: 'meeting', meeting }, { select: true, focus: true, expand: true });
    }),
    vscode.commands.registerCommand(COMMANDS.compareAccounts, async () => {
      const c = client();
      const here = c && (await accountAtCursor(c, provider));
      if (!here || here.meeting.accounts.length < 2) {
        void vscode.window.showInformationMessage('Sourcelens: put the cursor in an account of a meeting that has at least two accounts.');
        return;
      }
      const a = here.meeting.accounts[here.index];
      const b = here.meeting.accounts[(here.index + 1) % here.meeting.accounts.length];
      await openAccount(a.uri, a.range, vscode.ViewColumn.One);
      await openAccount(b.uri, b.range, vscode.ViewColumn.Two);
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: comparison(here.meeting, a.id, b.id) });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Three, preview: true, preserveFocus: true });
    }),
  );

  // The tree follows the cursor: reveal the account the cursor is in.
  let timer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection((event) => {
      if (!view.visible) return;
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const c = client();
        if (!c || !c.isRunning()) return;
        const found = await c.sendRequest(MeetingAtRequest, {
          uri: event.textEditor.document.uri.toString(),
          position: event.selections[0].active,
        });
        const node = found && (await provider.accountNode(found.meetingId, found.accountId));
        if (node) await view.reveal(node, { select: true, focus: false, expand: true });
      }, 300);
    }),
  );
}

/** What two accounts of one meeting say, side by side: titles, place, date and the meeting's open conflicts. */
function comparison(meeting: MeetingSummary, aId: string, bId: string): string {
  const a = meeting.accounts.find((x) => x.id === aId)!;
  const b = meeting.accounts.find((x) => x.id === bId)!;
  const lines = [`# ${meeting.label}`, '', `| | ${a.outlet ?? a.name} | ${b.outlet ?? b.name} |`, '|---|---|---|'];
  for (const p of meeting.participants) {
    const title = (acc: typeof a) => p.titles.filter((t) => t.name === acc.name).map((t) => t.title).join('; ') || '—';
    lines.push(`| ${p.name} | ${title(a)} | ${title(b)} |`);
  }
  lines.push('', '## Disagreements', '');
  if (meeting.conflicts.length === 0) lines.push('None found.');
  for (const c of meeting.conflicts) lines.push(`- \`${c.code}\` ${c.message}`);
  return lines.join('\n');
}

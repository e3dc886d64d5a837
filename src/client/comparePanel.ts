// One reusable webview panel for Compare accounts: the accounts of a meeting as columns. Strict CSP with a nonce,
// only the bundled script (dist/webview-compare.js, with its @vscode-elements controls) and VS Code's theme colours.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { CompareResult, LspRange } from '../shared/protocol';

export class ComparePanel {
  private static current: ComparePanel | undefined;
  /** The comparison to show, kept until the webview's script says it is listening (a message posted before is lost). */
  private data: CompareResult | undefined;
  private ready = false;
  private constructor(private readonly panel: vscode.WebviewPanel, reveal: (uri: string, range: LspRange) => Thenable<unknown>) {
    panel.onDidDispose(() => { ComparePanel.current = undefined; });
    panel.webview.onDidReceiveMessage((m: { type: string; uri?: string; range?: LspRange }) => {
      if (m.type === 'reveal' && m.uri && m.range) void reveal(m.uri, m.range);
      if (m.type === 'ready') {
        this.ready = true;
        this.post();
      }
    });
  }

  private post(): void {
    if (this.ready && this.data) void this.panel.webview.postMessage({ type: 'show', data: this.data });
  }

  /** Shows the comparison in the panel, creating it the first time and reusing it afterwards. */
  static show(extensionUri: vscode.Uri, data: CompareResult, reveal: (uri: string, range: LspRange) => Thenable<unknown>): void {
    if (!ComparePanel.current) {
      const panel = vscode.window.createWebviewPanel('sourcelens.compare', 'Compare accounts', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
      });
      panel.webview.html = html(panel.webview, extensionUri);
      ComparePanel.current = new ComparePanel(panel, reveal);
    }
    const current = ComparePanel.current;
    current.panel.title = `Compare: ${data.label.replace(/\s*\(\d+ accounts?\)$/, '')}`;
    current.panel.reveal(undefined, false);
    current.data = data;
    current.post();
  }
}

function html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview-compare.js'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource}; font-src ${webview.cspSource}; style-src ${webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Compare accounts</title>
<style nonce="${nonce}">${COMPARE_CSS}</style>
</head>
<body>
<main id="root"><p>Loading the accounts…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

export const COMPARE_CSS = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 12px 16px; }
h1 { font-size: 1.3em; font-weight: 600; margin: 12px 0 4px; }
.summary { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; color: var(--vscode-descriptionForeground); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-editorGroup-border)); padding: 6px 8px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { background: var(--vscode-sideBarSectionHeader-background, transparent); }
tbody th { width: 12em; font-weight: 600; color: var(--vscode-descriptionForeground); }
tr.disagree > th, tr.disagree > td { background: var(--vscode-diffEditor-removedLineBackground, rgba(255,0,0,.08)); }
tr.disagree > th { border-left: 3px solid var(--vscode-editorWarning-foreground); }
.flag { color: var(--vscode-editorWarning-foreground); }
.meta, .absent { color: var(--vscode-descriptionForeground); font-size: .9em; }
.headline { font-style: italic; margin-top: 2px; }
button.passage { all: unset; cursor: pointer; display: block; border-radius: 2px; padding: 1px 2px; white-space: normal; }
button.passage:hover { background: var(--vscode-list-hoverBackground); }
button.passage:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
thead button.passage { font-weight: 600; color: var(--vscode-textLink-foreground); }
ins { text-decoration: none; background: var(--vscode-diffEditor-insertedTextBackground, rgba(0,200,0,.25)); }
del { background: var(--vscode-diffEditor-removedTextBackground, rgba(255,0,0,.25)); }
`;

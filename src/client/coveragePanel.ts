// The Coverage webview: the same page `sourcelens report --format html` writes, rendered by the server (charts plotted with
// @observablehq/plot, inline SVG), with a strict CSP and one nonce'd script that turns a click on a mark into
// "open this account" in the editor.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

let current: vscode.WebviewPanel | undefined;

export async function showCoverage(render: (head: string, tail: string) => Thenable<string>, open: (uri: string, start: number, end: number) => Thenable<unknown>): Promise<void> {
  if (!current) {
    current = vscode.window.createWebviewPanel('sourcelens.coverage', 'Coverage', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    current.onDidDispose(() => { current = undefined; });
    current.webview.onDidReceiveMessage((m: { type: string; href?: string }) => {
      const match = m.type === 'open' && m.href ? /^(.*)#sl=(\d+),(\d+)$/.exec(m.href) : null;
      if (match) void open(match[1], Number(match[2]), Number(match[3]));
    });
  }
  const nonce = randomBytes(16).toString('base64');
  // One nonce for scripts and styles: the page (rendered by the server) puts it on its stylesheet and on the <style>
  // each Plot chart carries; Plot writes no style="" attributes, so 'unsafe-inline' is not needed for styles either.
  // No remote resource of any kind; images only as data: URIs.
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">`;
  const script = `<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (e) => { const a = e.target.closest('a'); if (!a) return; e.preventDefault(); vscode.postMessage({ type: 'open', href: a.getAttribute('href') }); });
document.addEventListener('keydown', (e) => { if (e.key !== 'Enter') return; const a = document.activeElement && document.activeElement.closest('a'); if (!a) return; e.preventDefault(); vscode.postMessage({ type: 'open', href: a.getAttribute('href') }); });
</script>`;
  const html = await render(csp, script);
  if (!current) return;
  current.webview.html = html;
  current.reveal(undefined, false);
}

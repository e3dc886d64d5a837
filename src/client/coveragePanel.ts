// The Coverage webview: the same page `sourcelens report --format html` writes (charts plotted with
// @observablehq/plot, inline SVG), with a strict CSP and one nonce'd script that turns a click on a mark into
// "open this account" in the editor.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { CoverageData } from '../core/coverage';
import { coverageHtml } from '../host/coverageHtml';

let current: vscode.WebviewPanel | undefined;

export function showCoverage(data: CoverageData, open: (uri: string, start: number, end: number) => Thenable<unknown>): void {
  if (!current) {
    current = vscode.window.createWebviewPanel('sourcelens.coverage', 'Coverage', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    current.onDidDispose(() => { current = undefined; });
    current.webview.onDidReceiveMessage((m: { type: string; href?: string }) => {
      const match = m.type === 'open' && m.href ? /^(.*)#sl=(\d+),(\d+)$/.exec(m.href) : null;
      if (match) void open(match[1], Number(match[2]), Number(match[3]));
    });
  }
  const nonce = randomBytes(16).toString('base64');
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">`;
  // Plot's SVG carries its own <style> and style attributes: inline styles are allowed (a nonce would disable
  // 'unsafe-inline'); scripts only with the nonce.
  const script = `<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (e) => { const a = e.target.closest('a'); if (!a) return; e.preventDefault(); vscode.postMessage({ type: 'open', href: a.getAttribute('href') }); });
document.addEventListener('keydown', (e) => { if (e.key !== 'Enter') return; const a = document.activeElement && document.activeElement.closest('a'); if (!a) return; e.preventDefault(); vscode.postMessage({ type: 'open', href: a.getAttribute('href') }); });
</script>`;
  current.webview.html = coverageHtml(data, { title: 'Sourcelens coverage', head: csp, tail: script });
  current.reveal(undefined, false);
}

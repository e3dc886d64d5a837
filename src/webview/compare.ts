/// <reference lib="dom" />
// The Compare accounts panel, inside the webview (browser code, bundled by esbuild with its controls; no remote
// resources). It renders what the extension posts (a CompareResult) and posts back the passage to reveal.

import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import type { CompareResult, ComparePassage } from '../shared/protocol';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; setState(state: unknown): void; getState(): unknown };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
let current: CompareResult | undefined;
let onlyDisagreements = false;

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as { type: string; data?: CompareResult };
  if (message.type === 'show' && message.data) {
    current = message.data;
    vscode.setState({ data: current, onlyDisagreements });
    render();
  }
});

// Tell the extension the script listens: it posts the comparison only then (under load the panel's first message
// could otherwise arrive before this script runs, and the panel would stay on "Loading").
vscode.postMessage({ type: 'ready' });

const saved = vscode.getState() as { data?: CompareResult; onlyDisagreements?: boolean } | undefined;
if (saved?.data) {
  current = saved.data;
  onlyDisagreements = !!saved.onlyDisagreements;
  render();
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
}

function passageButton(p: ComparePassage, label: string): HTMLButtonElement {
  const button = el('button', { class: 'passage', type: 'button', title: `Reveal in the article (line ${p.range.start.line + 1})`, 'aria-label': `${label}: ${p.text}. Reveal in the article` });
  if (p.diff) {
    for (const part of p.diff) {
      if (part.op === 'same') button.append(part.value);
      else button.append(el(part.op === 'added' ? 'ins' : 'del', { title: part.op === 'added' ? 'only in this version' : 'in the first version, not in this one' }, part.value));
    }
  } else button.append(p.text);
  button.addEventListener('click', () => vscode.postMessage({ type: 'reveal', uri: p.uri, range: p.range }));
  return button;
}

function render(): void {
  if (!current) return;
  const data = current;
  root.replaceChildren();
  const disagreements = data.rows.filter((r) => r.disagreement).length;
  // An event's columns are whole articles (their leads and what they quote); a meeting's are accounts of it.
  const noun = data.kind === 'event' ? 'articles' : 'accounts';
  const filter = el('vscode-checkbox' as 'div', { label: 'Only disagreements', id: 'only' });
  if (onlyDisagreements) filter.setAttribute('checked', '');
  filter.addEventListener('change', (e) => {
    onlyDisagreements = !!(e.target as unknown as { checked: boolean }).checked;
    vscode.setState({ data, onlyDisagreements });
    render();
  });
  root.append(
    el('h1', {}, data.label),
    el('p', { class: 'summary' },
      el('vscode-badge' as 'span', { variant: disagreements ? 'counter' : 'default' }, String(disagreements)),
      ` disagreement${disagreements === 1 ? '' : 's'} across ${data.columns.length} ${noun}${data.omitted ? ` (${data.omitted} more ${noun} not shown)` : ''} · `,
      filter),
  );
  const table = el('table', { role: 'grid', 'aria-label': `${data.kind === 'event' ? 'Articles reporting' : 'Accounts of'} ${data.label}` });
  const head = el('tr', {}, el('th', { scope: 'col' }, ''));
  for (const c of data.columns) {
    const open = passageButton({ text: c.outlet ?? c.name, uri: c.uri, range: c.range }, 'Account');
    head.append(el('th', { scope: 'col' }, open, el('div', { class: 'meta' }, `${c.name}${c.published ? ` · ${c.published}` : ''}`), el('div', { class: 'headline' }, c.headline ?? '')));
  }
  table.append(el('thead', {}, head));
  const body = el('tbody');
  for (const row of data.rows) {
    if (onlyDisagreements && !row.disagreement) continue;
    const tr = el('tr', { class: `${row.kind}${row.disagreement ? ' disagree' : ''}` });
    tr.append(el('th', { scope: 'row' }, row.label, row.disagreement ? el('span', { class: 'flag', title: 'the accounts disagree' }, ' ≠') : ''));
    row.cells.forEach((cell, i) => {
      const td = el('td', {});
      if (!cell.passages.length) td.append(el('span', { class: 'absent' }, cell.value ?? '—'));
      for (const p of cell.passages) td.append(passageButton(p, `${data.columns[i].outlet ?? data.columns[i].name}, ${row.label}`));
      if (row.kind === 'participant' && cell.passages.length && !cell.value) td.append(el('div', { class: 'absent' }, 'no title'));
      tr.append(td);
    });
    body.append(tr);
  }
  table.append(body);
  root.append(el('div', { class: 'scroll' }, table));
}

// Arrow keys move between passages like a grid (Tab still goes through them in order).
document.addEventListener('keydown', (event) => {
  const active = document.activeElement as HTMLElement | null;
  if (!active?.classList.contains('passage')) return;
  const cell = active.closest('td, th') as HTMLTableCellElement | null;
  const row = cell?.parentElement as HTMLTableRowElement | null;
  if (!cell || !row) return;
  const rows = Array.from(document.querySelectorAll('tr'));
  const focusIn = (target: Element | undefined | null) => {
    const button = target?.querySelector('.passage') as HTMLElement | null;
    if (button) { button.focus(); event.preventDefault(); }
  };
  const r = rows.indexOf(row);
  if (event.key === 'ArrowRight') focusIn(row.cells[cell.cellIndex + 1]);
  else if (event.key === 'ArrowLeft') focusIn(row.cells[cell.cellIndex - 1]);
  else if (event.key === 'ArrowDown') { for (let i = r + 1; i < rows.length; i++) { if (rows[i].cells[cell.cellIndex]?.querySelector('.passage')) return focusIn(rows[i].cells[cell.cellIndex]); } }
  else if (event.key === 'ArrowUp') { for (let i = r - 1; i >= 0; i--) { if (rows[i].cells[cell.cellIndex]?.querySelector('.passage')) return focusIn(rows[i].cells[cell.cellIndex]); } }
});

// The reading desk in a real browser (Debian's headless Chromium through playwright-core), without VS Code:
// 1. `sourcelens report --format html` on a three-outlet corpus, opened from disk: its charts and marks are there,
//    every timeline mark links to an account, the disagreeing accounts are marked, nothing is fetched from elsewhere.
// 2. The Compare panel's bundled script (dist/webview-compare.js) given `sourcelens compare` data, with a stub of the
//    webview API: columns, highlighted disagreements, the word diff, keyboard focus and the reveal message.
// Run after `npm run build`: `node test/desk/chromium.mjs` (SOURCELENS_UPDATE_SCREENSHOT=1 also writes docs/*.png).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = (...args) => execFileSync(process.execPath, [path.join(REPO, 'dist/cli.js'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// Fictional accounts (our own words) of one meeting by three outlets that disagree on a title, a figure and a quote.
const dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-desk-'));
writeFileSync(path.join(dir, 'ledger.txt'), 'Kendrow and Brisk sign deals\n\nVelorian Foreign Minister Ilsa Kendrow met Otto Brisk in Ankara on Tuesday. The two sides signed 12 agreements.\n\n"We have opened a new chapter in the friendship of our two peoples," Kendrow told reporters after the talks. Rebels attacked a convoy near the border, the ministry said.\n');
writeFileSync(path.join(dir, 'wire.txt'), 'Brisk hosts Kendrow\n\nOtto Brisk received Velorian Defence Minister Ilsa Kendrow in Ankara on Tuesday. They signed 9 agreements.\n\n"We have opened a new page in the friendship of our peoples," Kendrow said after the talks. Insurgents attacked a convoy near the border, officials said.\n');
writeFileSync(path.join(dir, 'post.txt'), 'Kendrow in Ankara\n\nIlsa Kendrow met Otto Brisk in Ankara on Tuesday. The two sides signed 12 agreements.\n\nTerrorists attacked a convoy near the border, the ministry said.\n');
writeFileSync(path.join(dir, 'sources.yaml'), 'ledger.txt:\n  outlet: Velorian Daily\n  published: 2031-03-05\nwire.txt:\n  outlet: Marnish Wire\n  published: 2031-03-05\npost.txt:\n  outlet: Ankara Post\n  published: 2031-03-05\n');

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
const update = process.env.SOURCELENS_UPDATE_SCREENSHOT === '1';
try {
  // 1. The coverage report.
  const report = path.join(dir, 'coverage.html');
  cli('report', dir, '--format', 'html', '--out', report);
  const page = await browser.newPage({ viewport: { width: 960, height: 1100 } });
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  await page.goto(`file://${report}`);
  const marks = await page.evaluate(() => ({
    charts: document.querySelectorAll('svg[class^="plot"]').length,
    timelineLinks: [...document.querySelectorAll('#timeline a')].map((a) => a.getAttribute('href')),
    timelineDots: document.querySelectorAll('#timeline circle').length,
    red: [...document.querySelectorAll('#timeline circle')].filter((c) => c.getAttribute('fill') === '#d62728').length,
    bars: document.querySelectorAll('#sourcing rect').length,
    cells: [...document.querySelectorAll('#words svg title')].map((t) => t.textContent),
    scripts: document.querySelectorAll('script').length,
  }));
  assert.equal(requests.length, 0, `no remote resources: ${requests.join(', ')}`);
  assert.equal(marks.scripts, 0, 'the report needs no script');
  assert.ok(marks.charts >= 5, `timeline, three profile charts, word choices: ${marks.charts}`);
  assert.equal(marks.timelineDots, 3, 'one mark per account');
  assert.equal(marks.timelineLinks.length, 3);
  for (const href of marks.timelineLinks) assert.match(href, /^file:\/\/.*\.txt#sl=\d+,\d+$/);
  assert.ok(marks.red >= 2, `the accounts that disagree are red: ${marks.red}`);
  assert.ok(marks.bars >= 9, `three bars per chart: ${marks.bars}`);
  for (const word of ['Marnish Wire writes “insurgents”', 'Velorian Daily writes “rebels”', 'Ankara Post writes “terrorists”']) assert.ok(marks.cells.some((c) => c.startsWith(word)), `${word} in ${marks.cells.join(' / ')}`);
  if (update) await page.screenshot({ path: path.join(REPO, 'docs/coverage.png'), fullPage: true });
  console.log(`report: ${marks.charts} charts, ${marks.timelineDots} timeline marks (${marks.red} disagree), ${marks.bars} bars, ${marks.cells.length} word cells — ok`);

  // 2. The compare panel's script with the data the server would send.
  const [comparison] = JSON.parse(cli('compare', dir, '--format', 'json'));
  assert.equal(comparison.columns.length, 3);
  const toRange = (uri, r) => {
    const text = readFileSync(fileURLToPath(uri), 'utf8');
    const pos = (o) => { const before = text.slice(0, o).split('\n'); return { line: before.length - 1, character: before.at(-1).length }; };
    return { start: pos(r.start), end: pos(r.end) };
  };
  const data = { ...comparison, columns: comparison.columns.map(({ span, ...c }) => ({ ...c, range: toRange(c.uri, span) })),
    rows: comparison.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, passages: c.passages.map((p) => ({ ...p, range: toRange(p.uri, p.range) })) })) })) };
  const panel = await browser.newPage({ viewport: { width: 1100, height: 620 } });
  const css = /export const COMPARE_CSS = `([\s\S]*?)`;/.exec(readFileSync(path.join(REPO, 'src/client/comparePanel.ts'), 'utf8'))[1];
  const html = `<!DOCTYPE html><html><head><style>:root{--vscode-foreground:#cccccc;--vscode-editor-background:#1f1f1f;--vscode-font-family:system-ui,sans-serif;--vscode-font-size:13px;--vscode-descriptionForeground:#9d9d9d;--vscode-panel-border:#3c3c3c;--vscode-editorWarning-foreground:#cca700;--vscode-textLink-foreground:#4daafc;--vscode-focusBorder:#0078d4;--vscode-list-hoverBackground:#2a2d2e;--vscode-diffEditor-removedLineBackground:rgba(255,0,0,.12);--vscode-diffEditor-insertedTextBackground:rgba(156,204,44,.25);--vscode-diffEditor-removedTextBackground:rgba(255,0,0,.3)}${css}</style></head><body><main id="root"></main>
<script>window.posted=[];window.acquireVsCodeApi=()=>({postMessage:(m)=>window.posted.push(m),setState(){},getState(){return undefined}});</script>
<script>${readFileSync(path.join(REPO, 'dist/webview-compare.js'), 'utf8').replace(/<\/script/g, '<\\/script')}</script></body></html>`;
  await panel.setContent(html);
  await panel.evaluate((d) => window.postMessage({ type: 'show', data: d }, '*'), data);
  await panel.waitForSelector('table');
  const seen = await panel.evaluate(() => ({
    columns: [...document.querySelectorAll('thead th')].slice(1).map((th) => th.querySelector('button').textContent),
    disagree: [...document.querySelectorAll('tr.disagree > th')].map((th) => th.textContent),
    ins: [...document.querySelectorAll('ins')].map((x) => x.textContent.trim()),
    del: [...document.querySelectorAll('del')].map((x) => x.textContent.trim()),
  }));
  assert.deepEqual(seen.columns.sort(), ['Ankara Post', 'Marnish Wire', 'Velorian Daily']);
  assert.ok(seen.disagree.some((t) => /agreements/.test(t)) && seen.disagree.some((t) => /Kendrow/.test(t)) && seen.disagree.some((t) => /Quote/.test(t)), seen.disagree.join(' / '));
  assert.ok(seen.ins.includes('page') && seen.del.includes('chapter'), JSON.stringify(seen));
  // Keyboard: Tab reaches a passage, arrows move along the row, Enter reveals it.
  await panel.focus('tbody tr.figure button.passage');
  await panel.keyboard.press('ArrowRight');
  await panel.keyboard.press('Enter');
  const all = await panel.evaluate(() => window.posted);
  assert.equal(all[0]?.type, 'ready', 'the script says it listens before anything else');
  const posted = all.filter((m) => m.type !== 'ready');
  assert.equal(posted.length, 1);
  assert.equal(posted[0].type, 'reveal');
  assert.match(posted[0].uri, /\.txt$/);
  assert.equal(typeof posted[0].range.start.line, 'number');
  if (update) await panel.screenshot({ path: path.join(REPO, 'docs/compare-panel.png'), fullPage: true });
  console.log(`compare panel: ${seen.columns.length} columns, ${seen.disagree.length} disagreements highlighted, diff +${seen.ins.length}/-${seen.del.length}, keyboard reveal — ok`);
} finally {
  await browser.close();
}

// npm run test:e2e — Sourcelens in a real VS Code (code-server 4.100.3), headless, offline:
//  1. UI scenario: install the packaged .vsix, open a copy of samples/, and check from the real UI the Articles and
//     Meetings views, jumping between accounts of one meeting, the Problems panel and a hover; save screenshots.
//  2. The mocha suite in test/e2e/host/ inside the extension host (the workbench URL `payload` route).
// Prints "N passed, M failed" and exits non-zero on any failure.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, copyFileSync } from 'node:fs';
import * as path from 'node:path';
import util from 'node:util';
import { buildVsix, installVsix, launchBrowser, REPO, SAMPLES, startCodeServer, tempDir } from './codeServer.mjs';

const RESULTS = path.join(REPO, 'test-results');
mkdirSync(RESULTS, { recursive: true });
let passed = 0;
let failed = 0;
let currentPage;

async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed++;
    console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed++;
    console.log(`  ✘ ${name}\n    ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n    ')}`);
    const shot = path.join(RESULTS, `e2e-failed-${passed + failed}.png`);
    await currentPage?.screenshot({ path: shot }).catch(() => undefined);
    if (currentPage) console.log(`    screenshot: ${shot}`);
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

async function uiScenario() {
  console.log('Real VS Code: UI scenario (installed .vsix)');
  const work = tempDir('e2e-ui');
  const vsix = buildVsix(path.join(work, 'sourcelens.vsix'));
  const userDataDir = path.join(work, 'ud');
  const extensionsDir = path.join(work, 'exts');
  installVsix(vsix, extensionsDir, userDataDir);
  const folder = path.join(work, 'samples');
  cpSync(SAMPLES, folder, { recursive: true });
  const server = await startCodeServer({ userDataDir, extensionsDir });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    currentPage = page;
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.explorer-folders-view .monaco-list-row[aria-label="000-rouhani-cavusoglu-tehran.txt"]').waitFor({ timeout: 60_000 });

    const pane = (title) => page.locator('.pane', { has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${title}`, 'i') }) });
    const openPane = async (title) => {
      const header = page.locator('.pane-header', { hasText: new RegExp(`^\\s*${title}`, 'i') }).first();
      await header.waitFor({ timeout: 30_000 });
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      return pane(title).locator('.pane-body .monaco-list-row');
    };

    await step('the Sourcelens view container lists the five articles', async () => {
      await page.locator('.activitybar .action-item a[aria-label^="Sourcelens"]').first().click();
      const rows = await openPane('Articles');
      await page.waitForFunction(() => {
        const p = [...document.querySelectorAll('.pane')].find((x) => /Articles/i.test(x.querySelector('.pane-header')?.textContent ?? ''));
        return p && p.querySelectorAll('.pane-body .monaco-list-row').length >= 5;
      }, null, { timeout: 60_000 });
      const texts = await rows.allInnerTexts();
      if (texts.length !== 5) throw new Error(`expected 5 articles, got ${texts.length}: ${texts.join(' | ')}`);
      if (!texts.some((t) => t.includes('Rouhani calls for closer Iran-Turkey cooperation'))) throw new Error(`headline missing: ${texts.join(' | ')}`);
    });

    await step('the status bar counts articles and findings', async () => {
      await page.locator('.statusbar-item', { hasText: /Sourcelens: 5 articles · \d+ findings/ }).first().waitFor({ timeout: 30_000 });
    });

    await step('the Meetings view expands the Tehran meeting and clicking the second account opens 001', async () => {
      const rows = await openPane('Meetings');
      const meeting = rows.filter({ hasText: /Rouhani · Cavusoglu.*Tehran, 2016-11-26 \(2 accounts\)/ }).first();
      await meeting.waitFor({ timeout: 30_000 });
      if ((await meeting.getAttribute('aria-expanded')) !== 'true') await meeting.click();
      const accounts = rows.filter({ hasText: /— 00[01]-/ });
      await accounts.nth(1).waitFor({ timeout: 15_000 });
      const labels = await accounts.allInnerTexts();
      if (!/001-tasnim/.test(labels[1] ?? '')) throw new Error(`second account is not 001: ${labels.join(' | ')}`);
      await accounts.nth(1).click();
      await page.locator('.tab.active[aria-label*="001-tasnim-rouhani-cavusoglu.txt"]').waitFor({ timeout: 15_000 });
      await page.screenshot({ path: path.join(RESULTS, 'e2e-meetings.png') });
    });

    await step('"Next account of this meeting" jumps to the other outlet', async () => {
      await page.keyboard.press('Control+1'); // focus the editor without moving the cursor out of the account
      await page.keyboard.press('Control+Shift+P');
      await page.locator('.quick-input-widget input').fill('>Sourcelens: Next account of this meeting');
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tab.active[aria-label*="000-rouhani-cavusoglu-tehran.txt"]').waitFor({ timeout: 15_000 });
    });

    await step('the Entities view lists people with their mention counts', async () => {
      const rows = await openPane('Entities');
      await rows.filter({ hasText: /^People/ }).first().waitFor({ timeout: 30_000 });
      await rows.filter({ hasText: /Mevlut Cavusoglu.*mentions · 3 articles/ }).first().waitFor({ timeout: 15_000 });
    });

    await step('the Problems panel shows the structure findings (and keeps boilerplate hints out of it)', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.first().waitFor({ timeout: 30_000 });
      let labels = await rows.evaluateAll((r) => r.map((e) => e.getAttribute('aria-label') ?? ''));
      // A cross-article finding carries its related location into the panel (name-variant points at the other outlet).
      if (!labels.some((l) => /name-variant|the same person/.test(l) && /has references to 1 locations/.test(l))) {
        throw new Error(`no finding with related information: ${labels.slice(0, 4).join(' | ')}`);
      }
      // The list is virtualised: filter it to the structure finding, then count. The aria-label carries message and source.
      await page.locator('.markers-panel-action-filter input, .viewpane-filter input').first().fill('No publication date');
      await page.waitForTimeout(800);
      labels = await rows.evaluateAll((r) => r.map((e) => e.getAttribute('aria-label') ?? ''));
      const noDate = labels.filter((l) => /No publication date: relative dates/.test(l) && /generated by sourcelens/.test(l));
      if (noDate.length !== 2) throw new Error(`expected structure/no-date on 002 and 003, got: ${labels.slice(0, 8).join(' | ')}`);
      await page.locator('.markers-panel-action-filter input, .viewpane-filter input').first().fill('');
    });

    await step('hovering the headline shows the article card', async () => {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill('000-rouhani-cavusoglu-tehran.txt');
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tab.active[aria-label*="000-rouhani"]').waitFor();
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').fill(':1:5');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover:not(.hidden) .rendered-markdown');
      await hover.first().waitFor({ timeout: 15_000 });
      const text = (await hover.allInnerTexts()).join('\n');
      if (!/Sourcelens/.test(text) || !/Published/.test(text)) throw new Error(`unexpected hover: ${text}`);
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(RESULTS, 'e2e-hover.png') });
      mkdirSync(path.join(REPO, 'docs'), { recursive: true });
      copyFileSync(path.join(RESULTS, 'e2e-hover.png'), path.join(REPO, 'docs', 'screenshot.png'));
    });
  } finally {
    await browser.close().catch(() => undefined);
    server.stop();
  }
}

async function extensionHostSuite() {
  console.log('Real VS Code: mocha inside the extension host (development mode)');
  const folder = path.join(tempDir('e2e-host'), 'samples');
  cpSync(SAMPLES, folder, { recursive: true });
  const server = await startCodeServer({});
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const auth = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${auth}${REPO}`],
      ['extensionTestsPath', `vscode-remote://${auth}${REPO}/test/e2e/host/index.js`],
      ['skipWelcome', 'true'],
    ];
    let done;
    const exited = new Promise((r) => (done = r));
    const lines = [];
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = util.format(...(args || []));
      lines.push(line);
      console.log(`    ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    await page.goto(`http://${auth}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await withTimeout(exited, 240_000, 'extension-host tests');
    const summary = lines.map((l) => /(\d+) passed, (\d+) failed/.exec(l)).filter(Boolean).pop();
    if (summary) {
      passed += Number(summary[1]);
      failed += Number(summary[2]);
    } else {
      failed++;
    }
    if (code !== 0 && !summary?.[2]) failed++;
  } finally {
    await browser.close().catch(() => undefined);
    server.stop();
  }
}

const started = Date.now();
try {
  execFileSync('bash', [path.join(REPO, 'scripts/setup-code-server.sh'), path.join(REPO, '.vscode-test/code-server')], { stdio: 'inherit', cwd: REPO });
  await withTimeout(uiScenario(), 300_000, 'UI scenario');
  await withTimeout(extensionHostSuite(), 300_000, 'extension-host suite');
} catch (error) {
  failed++;
  console.log(`  ✘ ${String(error?.stack ?? error)}`);
}
console.log(`Real VS Code tests took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

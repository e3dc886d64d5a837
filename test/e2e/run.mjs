// npm run test:e2e — Sourcelens in a real VS Code (code-server 4.100.3), headless, offline:
//  1. UI scenario: install the packaged .vsix, open a copy of samples/, and check from the real UI the Articles and
//     Meetings views, jumping between accounts of one meeting, the Problems panel and a hover; save screenshots.
//  2. The reading desk (desk.mjs): quote and person hovers, Compare accounts for a meeting and for an event (from the
//     Meetings view), the Coverage page and its Content-Security-Policy.
//  3. The mocha suite in test/e2e/host/ inside the extension host (the workbench URL `payload` route).
// Prints "N passed, M failed" and exits non-zero on any failure.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, copyFileSync } from 'node:fs';
import * as path from 'node:path';
import util from 'node:util';
import { buildVsix, installVsix, launchBrowser, REPO, SAMPLES, startCodeServer, stopAll, tempDir } from './codeServer.mjs';
import { deskScenario } from './desk.mjs';

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

/** How long code-server may take to serve the workbench page (a hang guard: slow under load). */
const PAGE_LOAD_MS = 120_000;

/** Waits for `locator`; on a timeout, fails with what `describe()` finds on the page instead. */
async function expectVisible(locator, timeout, what, describe) {
  try {
    await locator.waitFor({ timeout });
  } catch {
    const found = await describe().catch((e) => `(could not read the page: ${e.message})`);
    throw new Error(`${what} did not appear within ${timeout} ms; found: ${Array.isArray(found) ? found.join(' | ') : found}`);
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

async function uiScenario(vsix) {
  console.log('Real VS Code: UI scenario (installed .vsix)');
  const work = tempDir('e2e-ui');
  const userDataDir = path.join(work, 'ud');
  const extensionsDir = path.join(work, 'exts');
  installVsix(vsix, extensionsDir, userDataDir);
  const folder = path.join(work, 'samples');
  cpSync(SAMPLES, folder, { recursive: true });
  const server = await startCodeServer({ userDataDir, extensionsDir });
  let browser;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    currentPage = page;
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`, { timeout: PAGE_LOAD_MS });
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
      // Indexing is asynchronous: wait for five rows, or for the count to stay put for 3 s, at most 60 s; then compare.
      const deadline = Date.now() + 60_000;
      let count = -1;
      let since = Date.now();
      for (;;) {
        const now = await rows.count();
        if (now !== count) [count, since] = [now, Date.now()];
        if (count >= 5 || (count > 0 && Date.now() - since > 3000) || Date.now() > deadline) break;
        await page.waitForTimeout(250);
      }
      const texts = await rows.allInnerTexts();
      if (texts.length !== 5) throw new Error(`expected 5 articles, got ${texts.length}: ${texts.join(' | ')}`);
      if (!texts.some((t) => t.includes('Rouhani calls for closer Iran-Turkey cooperation'))) throw new Error(`headline missing: ${texts.join(' | ')}`);
    });

    await step('the status bar counts articles and findings', async () => {
      const item = page.locator('.statusbar-item', { hasText: /Sourcelens: \d+ articles/ }).first();
      await expectVisible(item, 30_000, 'status bar item "Sourcelens: N articles · N findings"', () => page.locator('.statusbar-item').allInnerTexts());
      const text = (await item.innerText()).trim();
      if (!/Sourcelens: 5 articles · \d+ findings/.test(text)) throw new Error(`expected "Sourcelens: 5 articles · N findings", found "${text}"`);
    });

    await step('the Meetings view expands the Tehran meeting and clicking the second account opens 001', async () => {
      const rows = await openPane('Meetings');
      const meeting = rows.filter({ hasText: /Rouhani · Cavusoglu.*Tehran, 2016-11-26 \(2 accounts\)/ }).first();
      await expectVisible(meeting, 30_000, 'meeting "Rouhani · Cavusoglu … Tehran, 2016-11-26 (2 accounts)"', () => rows.allInnerTexts());
      if ((await meeting.getAttribute('aria-expanded')) !== 'true') await meeting.click();
      const accounts = rows.filter({ hasText: /— 00[01]-/ });
      await expectVisible(accounts.nth(1), 15_000, 'a second account row', () => rows.allInnerTexts());
      const labels = await accounts.allInnerTexts();
      if (!/001-tasnim/.test(labels[1] ?? '')) throw new Error(`second account is not 001: ${labels.join(' | ')}`);
      await accounts.nth(1).click();
      await expectVisible(page.locator('.tab.active[aria-label*="001-tasnim-rouhani-cavusoglu.txt"]'), 15_000, 'the active tab 001-tasnim', () =>
        page.locator('.tab').evaluateAll((t) => t.map((e) => `${e.classList.contains('active') ? '*' : ''}${e.getAttribute('aria-label')}`)));
      await page.screenshot({ path: path.join(RESULTS, 'e2e-meetings.png') });
    });

    await step('"Next account of this meeting" jumps to the other outlet', async () => {
      await page.keyboard.press('Control+1'); // focus the editor without moving the cursor out of the account
      await page.keyboard.press('Control+Shift+P');
      await page.locator('.quick-input-widget input').fill('>Sourcelens: Next account of this meeting');
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
      await page.keyboard.press('Enter');
      await expectVisible(page.locator('.tab.active[aria-label*="000-rouhani-cavusoglu-tehran.txt"]'), 15_000, 'the active tab 000-rouhani', () =>
        page.locator('.tab').evaluateAll((t) => t.map((e) => `${e.classList.contains('active') ? '*' : ''}${e.getAttribute('aria-label')}`)));
    });

    await step('the Entities view lists people with their mention counts', async () => {
      const rows = await openPane('Entities');
      await expectVisible(rows.filter({ hasText: /^People/ }).first(), 30_000, 'the "People" group', () => rows.allInnerTexts());
      const cavusoglu = rows.filter({ hasText: /Mevlut Cavusoglu.*mentions · 3 articles/ }).first();
      await expectVisible(cavusoglu, 15_000, '"Mevlut Cavusoglu … mentions · 3 articles"', () => rows.allInnerTexts());
      // Expanding fetches the entity's articles from the server (sourcelens/entity).
      await cavusoglu.click();
      await expectVisible(rows.filter({ hasText: /Euronews — 002-euronews-zarif-ankara\.txt/ }).first(), 15_000, 'the Euronews article under Mevlut Cavusoglu', () => rows.allInnerTexts());
    });

    await step('the Problems panel shows the structure findings (and keeps boilerplate hints out of it)', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await expectVisible(rows.first(), 30_000, 'a row in the Problems panel', async () => [await page.locator('#status\\.problems').getAttribute('aria-label')]);
      let labels = await rows.evaluateAll((r) => r.map((e) => e.getAttribute('aria-label') ?? ''));
      // A cross-article finding carries its related location into the panel (quote-variant and name-variant point at
      // the other outlet's article).
      if (!labels.some((l) => /in other words|the same person|spell/.test(l) && /has references to \d+ locations?/.test(l))) {
        throw new Error(`no finding with related information: ${labels.slice(0, 4).join(' | ')}`);
      }
      // The list is virtualised: filter it to the structure finding, then count. The aria-label carries message and source.
      await page.locator('.markers-panel-action-filter input, .viewpane-filter input').first().fill('No publication date');
      await page.waitForTimeout(800);
      labels = await rows.evaluateAll((r) => r.map((e) => e.getAttribute('aria-label') ?? ''));
      const noDate = labels.filter((l) => /No publication date: relative dates/.test(l) && /generated by sourcelens/.test(l));
      if (noDate.length !== 2) throw new Error(`expected structure/no-date on 002 and 003, got: ${labels.slice(0, 8).join(' | ')}`);
      // The code is not in the aria-label, only in the row's text ("message ~ sourcelens ~ structure/no-date ~ [Ln 1, Col 1]").
      const texts = await rows.allInnerTexts();
      if (!texts.some((t) => /\bsourcelens\b/.test(t) && /structure\/no-date/.test(t))) throw new Error(`no row shows the code structure/no-date: ${texts.join(' | ')}`);
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
      await expectVisible(hover.first(), 15_000, 'a visible hover', async () => [
        `cursor: ${await page.locator('#status\\.editor\\.selection').innerText().catch(() => '?')}`,
        ...(await page.locator('.monaco-hover').evaluateAll((h) => h.map((e) => `${e.className}: ${e.innerText.slice(0, 200)}`))),
      ]);
      const text = (await hover.allInnerTexts()).join('\n');
      if (!/Sourcelens/.test(text) || !/Published/.test(text)) throw new Error(`unexpected hover: ${text}`);
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(RESULTS, 'e2e-hover.png') });
      // The README's picture is refreshed on request only: a test run must not change tracked files.
      if (process.env.SOURCELENS_UPDATE_SCREENSHOT) {
        mkdirSync(path.join(REPO, 'docs'), { recursive: true });
        copyFileSync(path.join(RESULTS, 'e2e-hover.png'), path.join(REPO, 'docs', 'screenshot.png'));
      }
    });
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

async function extensionHostSuite() {
  console.log('Real VS Code: mocha inside the extension host (development mode)');
  const folder = path.join(tempDir('e2e-host'), 'samples');
  cpSync(SAMPLES, folder, { recursive: true });
  const server = await startCodeServer({});
  let browser;
  try {
    browser = await launchBrowser();
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
    await page.goto(`http://${auth}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { timeout: PAGE_LOAD_MS });
    const code = await withTimeout(exited, 540_000, 'extension-host tests');
    const summary = lines.map((l) => /(\d+) passed, (\d+) failed/.exec(l)).filter(Boolean).pop();
    if (summary) {
      passed += Number(summary[1]);
      failed += Number(summary[2]);
    } else {
      failed++;
      console.log(`  ✘ the extension-host run printed no "N passed, M failed" line (codeAutomationExit(${code}))`);
    }
    if (code !== 0 && !Number(summary?.[2])) {
      failed++;
      console.log(`  ✘ codeAutomationExit(${code}) although mocha reported no failure (did index.js load? see the log above)`);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

const timings = [];
/** Runs one phase under a hard time limit; a failure or timeout counts as one failure and stops what it started. */
async function phase(name, ms, fn) {
  const t0 = Date.now();
  try {
    return await withTimeout(fn(), ms, name);
  } catch (error) {
    failed++;
    console.log(`  ✘ ${name}: ${String(error?.stack ?? error).split('\n').slice(0, 12).join('\n    ')}`);
    await stopAll();
    return undefined;
  } finally {
    timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await stopAll();
    process.exit(130);
  });
}

const started = Date.now();
// Hang guards, not speed limits: on a machine at load 20 the code-server install took 566 s and its first page
// load over 30 s (Playwright's default), and both failed runs that were otherwise green.
const ready = await phase('setup', 1_800_000, async () => {
  execFileSync('bash', [path.join(REPO, 'scripts/setup-code-server.sh'), path.join(REPO, '.vscode-test/code-server')], { stdio: 'inherit', cwd: REPO, timeout: 1_800_000 });
  return true;
});
if (ready) {
  const vsix = await phase('vsix', 180_000, async () => buildVsix(path.join(tempDir('vsix'), 'sourcelens.vsix')));
  if (vsix) await phase('UI scenario', 600_000, () => uiScenario(vsix));
  if (vsix) await phase('reading desk', 600_000, () => deskScenario({ vsix, step, setPage: (p) => (currentPage = p), results: RESULTS, docs: !!process.env.SOURCELENS_UPDATE_SCREENSHOT }));
  await phase('extension-host suite', 600_000, () => extensionHostSuite());
}
await stopAll();
console.log(`Real VS Code tests took ${Math.round((Date.now() - started) / 1000)} s (${timings.join(', ')})`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

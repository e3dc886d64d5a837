// The reading desk in a real VS Code (code-server 4.100.3, Playwright, Debian Chromium), on a small invented corpus:
// a meeting three outlets report (a title, a figure and a quote disagree) and a quake three outlets report (two
// tolls disagree). Checks, from the real UI:
//  - the quote hover appears in the middle of a quote, and a hover with a table (the person card) fits its width;
//  - Compare accounts from the cursor opens the panel with the meeting's three outlets as columns;
//  - the Meetings view lists the quake under "Stories several outlets report" and its inline Compare action opens
//    the event's articles side by side, the toll highlighted;
//  - Show coverage renders Plot's charts with their stylesheet applied (the webview's CSP lets the styles in) and
//    without any Content-Security-Policy violation.
// Used by test/e2e/run.mjs (npm run test:e2e) and on its own by `npm run docs:screenshots`, which also writes
// docs/compare-panel.png, docs/compare-event.png, docs/coverage.png and docs/quote-hover.png for the README.

import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVsix, installVsix, launchBrowser, REPO, startCodeServer, stopAll, tempDir } from './codeServer.mjs';

/** Invented articles (our own words): one meeting, one quake, two unrelated stories. */
export function writeDeskCorpus(dir) {
  mkdirSync(dir, { recursive: true });
  const files = {
    'ledger.txt': 'Kendrow and Brisk sign deals\n\nVelorian Foreign Minister Ilsa Kendrow met Otto Brisk in Ankara on Tuesday. The two sides signed 12 agreements.\n\n"We have opened a new chapter in the friendship of our two peoples," Kendrow told reporters after the talks.\n',
    'wire.txt': 'Brisk hosts Kendrow\n\nOtto Brisk received Velorian Defence Minister Ilsa Kendrow in Ankara on Tuesday. They signed 9 agreements.\n\n"We have opened a new page in the friendship of our peoples," Kendrow said after the talks.\n',
    'post.txt': 'Kendrow in Ankara\n\nIlsa Kendrow met Otto Brisk in Ankara on Tuesday. The two sides signed 12 agreements.\n',
    'quake-ledger.txt': 'Quake kills 31 in the Marnish hills\n\nA magnitude 6.1 earthquake struck the Marnish hills near Tolvar on Monday, killing 31 people and injuring 120, officials said.\n\n"The houses fell like cards in the night," Tolvar mayor Ilse Varga said.\n',
    'quake-wire.txt': 'Earthquake near Tolvar kills 13\n\nA magnitude 6.1 earthquake hit the Marnish hills near Tolvar on Monday, killing 13 people and injuring 120, the civil defence agency said.\n\n"The houses fell like cards in the dark," Tolvar mayor Ilse Varga told reporters.\n',
    'quake-post.txt': 'Strong quake shakes Tolvar\n\nA strong earthquake of magnitude 6.1 shook the Marnish hills near Tolvar on Monday, killing 31 people, officials said. Rescue teams searched the rubble through the night.\n\n"The houses fell like cards," Tolvar mayor Ilse Varga said.\n',
    'budget.txt': 'Harbour budget passes\n\nThe Velorian parliament approved the harbour budget on Thursday after a long debate about dredging costs.\n',
    'cup.txt': 'Tolvar United win the cup\n\nTolvar United beat Kessel 2-1 in the cup final on Sunday, with a late goal from their captain.\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const meta = [['ledger.txt', 'Velorian Daily', '2031-03-05'], ['wire.txt', 'Marnish Wire', '2031-03-05'], ['post.txt', 'Ankara Post', '2031-03-05'],
    ['quake-ledger.txt', 'Velorian Daily', '2031-04-08'], ['quake-wire.txt', 'Marnish Wire', '2031-04-08'], ['quake-post.txt', 'Ankara Post', '2031-04-08'],
    ['budget.txt', 'Velorian Daily', '2031-04-11'], ['cup.txt', 'Marnish Wire', '2031-04-06']];
  writeFileSync(path.join(dir, 'sources.yaml'), meta.map(([f, o, d]) => `${f}:\n  outlet: ${o}\n  published: ${d}\n`).join(''));
  return Object.keys(files);
}

/** The frame of the visible webview whose document has `selector` (webviews are nested iframes in the workbench). */
async function webviewFrame(page, selector, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const found = await frame.$(selector).catch(() => null);
      if (found && (await found.isVisible().catch(() => false))) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows ${selector} within ${timeout} ms; frames: ${page.frames().map((f) => f.url().slice(0, 80)).join(' | ')}`);
    await page.waitForTimeout(300);
  }
}

async function command(page, title) {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^Sourcelens: /, '') }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ timeout: 15_000 });
}

/**
 * Puts the cursor at line:column and waits until the status bar shows it there: an Enter pressed before the quick
 * input has taken the typed position leaves the cursor where it was (a hover then asks about the wrong place).
 */
async function goTo(page, line, column) {
  const at = page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` });
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.fill(`:${line}:${column}`);
    await page.waitForFunction((value) => document.querySelector('.quick-input-widget input')?.value === value, `:${line}:${column}`, { timeout: 5_000 }).catch(() => undefined);
    await page.keyboard.press('Enter');
    if (await at.first().waitFor({ timeout: 5_000 }).then(() => true, () => false)) return;
  }
}

async function showHover(page, expect, what) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover:not(.hidden) .rendered-markdown');
  await hover.first().waitFor({ timeout: 15_000 }).catch(() => undefined);
  const text = (await hover.allInnerTexts()).join('\n');
  if (!expect.test(text)) throw new Error(`${what}: expected ${expect} in the hover, found: ${text.slice(0, 400) || '(no hover)'}`);
  return text;
}

/**
 * Runs the scenario on a fresh code-server with `vsix` installed. `step(name, fn)` records each check; `setPage`
 * hands the page to the caller (for failure screenshots); with `docs`, screenshots are copied into docs/.
 */
export async function deskScenario({ vsix, step, setPage = () => undefined, docs = false, results }) {
  const work = tempDir('e2e-desk');
  const userDataDir = path.join(work, 'ud');
  const extensionsDir = path.join(work, 'exts');
  installVsix(vsix, extensionsDir, userDataDir);
  const folder = path.join(work, 'news');
  writeDeskCorpus(folder);
  const server = await startCodeServer({ userDataDir, extensionsDir });
  const shot = async (page, name, options = {}) => {
    const file = path.join(results, `desk-${name}.png`);
    await page.screenshot({ path: file, ...options });
    if (docs) copyFileSync(file, path.join(REPO, 'docs', `${name}.png`));
  };
  let browser;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    setPage(page);
    const console = [];
    page.on('console', (m) => console.push(m.text()));
    // Generous limits: on a busy shared machine the workbench takes a while to load.
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`, { timeout: 120_000, waitUntil: 'domcontentloaded' });
    await page.locator('.explorer-folders-view .monaco-list-row[aria-label="ledger.txt"]').waitFor({ timeout: 120_000 });
    await page.locator('.statusbar-item', { hasText: /Sourcelens: 8 articles/ }).first().waitFor({ timeout: 120_000 }).catch(async () => {
      throw new Error(`the status bar never said "Sourcelens: 8 articles": ${(await page.locator('.statusbar-item').allInnerTexts()).join(' | ')}`);
    });

    await step('desk: the quote card shows in the middle of a quote', async () => {
      await openFile(page, 'wire.txt');
      const line = '"We have opened a new page in the friendship of our peoples," Kendrow said after the talks.';
      await goTo(page, 5, line.indexOf('friendship') + 4);
      await showHover(page, /quotation[\s\S]*Kendrow/, 'quote hover on “friendship”');
      await page.waitForTimeout(400);
      await shot(page, 'quote-hover', { clip: { x: 0, y: 0, width: 1100, height: 520 } });
      await page.keyboard.press('Escape');
    });

    await step('desk: the person card with its table fits the hover (no sideways scroll)', async () => {
      await goTo(page, 3, 'Otto Brisk received Velorian Defence Minister Ilsa Kendrow'.indexOf('Kendrow') + 3);
      await showHover(page, /Titles[\s\S]*Spellings/, 'person hover on “Kendrow”');
      const fit = await page.evaluate(() => {
        const hover = [...document.querySelectorAll('.monaco-hover:not(.hidden)')].find((h) => h.querySelector('table'));
        if (!hover) return 'no table in the hover';
        const box = hover.getBoundingClientRect();
        const table = hover.querySelector('table').getBoundingClientRect();
        const scroller = hover.querySelector('.monaco-scrollable-element');
        const horizontal = hover.querySelector('.scrollbar.horizontal');
        const scrolls = horizontal && horizontal.getBoundingClientRect().width > 0 && getComputedStyle(horizontal).visibility !== 'hidden' && horizontal.classList.contains('visible');
        return table.right <= box.right + 1 && !scrolls ? '' : `table ${Math.round(table.width)} px in a hover of ${Math.round(box.width)} px${scrolls ? ', horizontal scrollbar shown' : ''}${scroller ? '' : ''}`;
      });
      if (fit) throw new Error(fit);
      await page.keyboard.press('Escape');
    });

    await step('desk: Compare accounts from the cursor shows the meeting\'s three outlets as columns', async () => {
      await goTo(page, 3, 5);
      await command(page, 'Sourcelens: Compare accounts');
      const frame = await webviewFrame(page, 'table[role="grid"]');
      const seen = await frame.evaluate(() => ({
        columns: [...document.querySelectorAll('thead th')].slice(1).map((th) => th.querySelector('button')?.textContent ?? ''),
        disagree: [...document.querySelectorAll('tr.disagree > th')].map((th) => th.textContent),
      }));
      if (seen.columns.sort().join('|') !== 'Ankara Post|Marnish Wire|Velorian Daily') throw new Error(`columns: ${seen.columns.join(' | ')}`);
      if (!seen.disagree.some((t) => /agreements/.test(t)) || !seen.disagree.some((t) => /Quote/.test(t))) throw new Error(`disagreements: ${seen.disagree.join(' | ')}`);
      await page.waitForTimeout(400);
      await shot(page, 'compare-panel');
    });

    await step('desk: the Meetings view lists the quake and its inline action compares the event\'s articles', async () => {
      await page.locator('.activitybar .action-item a[aria-label^="Sourcelens"]').first().click();
      const header = page.locator('.pane-header', { hasText: /^\s*Meetings/i }).first();
      await header.waitFor({ timeout: 30_000 });
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      const rows = page.locator('.pane', { has: header }).locator('.pane-body .monaco-list-row');
      const group = rows.filter({ hasText: /Stories several outlets report/ }).first();
      await group.waitFor({ timeout: 30_000 });
      if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
      const quake = rows.filter({ hasText: /Quake kills 31|Earthquake near Tolvar|Strong quake/ }).first();
      await quake.waitFor({ timeout: 15_000 });
      const text = await quake.innerText();
      if (!/3 outlets/.test(text) || !/\d figure conflicts?/.test(text)) throw new Error(`event row: ${text}`);
      await quake.hover();
      await quake.locator('.action-label[aria-label*="Compare accounts"]').click();
      const frame = await webviewFrame(page, 'table[aria-label^="Articles reporting"]');
      const seen = await frame.evaluate(() => ({
        columns: [...document.querySelectorAll('thead th')].slice(1).map((th) => th.querySelector('button')?.textContent ?? ''),
        disagree: [...document.querySelectorAll('tr.disagree > th')].map((th) => th.textContent),
      }));
      if (seen.columns.length !== 3) throw new Error(`columns: ${seen.columns.join(' | ')}`);
      if (!seen.disagree.some((t) => /killed/.test(t))) throw new Error(`disagreements: ${seen.disagree.join(' | ')}`);
      await page.waitForTimeout(400);
      await shot(page, 'compare-event');
    });

    await step('desk: Show coverage renders the charts with their styles and no CSP violation', async () => {
      const before = console.length;
      await command(page, 'Sourcelens: Show coverage');
      const frame = await webviewFrame(page, '#timeline svg');
      const seen = await frame.evaluate(() => ({
        // the timeline (one mark per meeting account) and the three sourcing profiles
        charts: document.querySelectorAll('svg[class^="plot"]').length,
        marks: document.querySelectorAll('#timeline a').length,
        // Plot's own <style> sets this custom property on its charts: it applies only if the CSP lets the style in.
        background: getComputedStyle(document.querySelector('svg[class^="plot"]')).getPropertyValue('--plot-background').trim(),
      }));
      if (seen.charts < 4 || seen.marks < 3) throw new Error(`charts ${seen.charts}, timeline marks ${seen.marks}`);
      if (!seen.background) throw new Error('Plot\'s stylesheet did not apply (blocked by the Content-Security-Policy?)');
      await page.waitForTimeout(500);
      const violations = console.slice(before).filter((t) => /Content Security Policy/i.test(t));
      if (violations.length) throw new Error(`CSP violations: ${violations.join(' | ')}`);
      // The page reads best wide: hide the side bar and give the Coverage editor the whole window for the picture.
      for (const title of ['View: Toggle Primary Side Bar Visibility', 'View: Toggle Maximize Editor Group']) await command(page, title).catch(() => page.keyboard.press('Escape'));
      await page.waitForTimeout(800);
      await shot(page, 'coverage');
    });
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

// Run on its own: `npm run docs:screenshots` (build first; refreshes the README's pictures).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const results = path.join(REPO, 'test-results');
  mkdirSync(results, { recursive: true });
  let failed = 0;
  let current;
  const step = async (name, fn) => {
    const t0 = Date.now();
    try {
      await fn();
      console.log(`  ✔ ${name} (${Date.now() - t0} ms)`);
    } catch (error) {
      failed++;
      console.log(`  ✘ ${name}\n    ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n    ')}`);
      await current?.screenshot({ path: path.join(results, `desk-failed-${failed}.png`) }).catch(() => undefined);
    }
  };
  try {
    const vsix = buildVsix(path.join(tempDir('vsix'), 'sourcelens.vsix'));
    await deskScenario({ vsix, step, setPage: (p) => (current = p), docs: process.env.SOURCELENS_UPDATE_SCREENSHOT === '1', results });
  } catch (error) {
    failed++;
    console.log(`  ✘ desk scenario: ${error?.stack ?? error}`);
  } finally {
    await stopAll();
  }
  process.exit(failed ? 1 : 0);
}

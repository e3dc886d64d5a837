// A real VS Code (code-server 4.100.3 = VS Code 1.100.3) started headless on 127.0.0.1 and driven by Playwright with
// Debian's Chromium, offline. See ../shared/recipes/real-vscode.md for why each flag is there.

import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER = path.join(REPO, '.vscode-test/code-server/node_modules/.bin/code-server');
export const SAMPLES = path.join(REPO, 'samples');

const SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'editor.hover.delay': 200,
  'files.refactoring.autoSave': true,
};

export function tempDir(name) {
  return mkdtempSync(path.join(tmpdir(), `sourcelens-${name}-`));
}

// Every code-server and browser started here is tracked, so that a phase that times out, Ctrl+C or process.exit()
// cannot leave a code-server process group (extension host, file watcher) or a Chromium behind.
const live = new Set();
process.on('exit', () => {
  for (const item of live) item.kill?.();
});

/** Stops every code-server and closes every browser this process started and has not stopped yet. */
export async function stopAll() {
  for (const item of [...live]) await item.stop();
}

/** Installs a .vsix into an extensions folder (under a second). */
export function installVsix(vsix, extensionsDir, userDataDir = path.join(tempDir('install'), 'ud')) {
  execFileSync(CODE_SERVER, ['--config', '/dev/null', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    stdio: 'pipe',
    timeout: 60_000,
    env: { ...process.env, EXTENSIONS_GALLERY: '{}' },
  });
}

/** Starts code-server on a free port; resolves once it listens. stop() kills its whole process group. */
export async function startCodeServer({ extensionsDir, userDataDir, port = 0 } = {}) {
  const root = tempDir('cs');
  userDataDir ??= path.join(root, 'ud');
  extensionsDir ??= path.join(root, 'exts');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  const log = path.join(root, 'cs.log');
  const child = spawn(
    CODE_SERVER,
    ['--config', '/dev/null', '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_DATA_HOME: path.join(root, 'xdg'), XDG_CONFIG_HOME: path.join(root, 'xdg') },
    },
  );
  let output = '';
  const onData = (d) => (output += String(d));
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const kill = () => {
    try {
      process.kill(-child.pid, 'SIGKILL'); // the whole group: the extension host and file watcher outlive the main PID
    } catch {
      // already gone
    }
  };
  const handle = {
    kill,
    stop: async () => {
      live.delete(handle);
      kill();
      writeFileSync(log, output);
    },
  };
  live.add(handle);
  const actualPort = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 120 s:\n${output}`)), 120_000);
    const check = () => {
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('exit', (code) => reject(new Error(`code-server exited with ${code}:\n${output}`)));
  }).catch(async (error) => {
    await handle.stop();
    throw error;
  });
  return {
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}`,
    userDataDir,
    extensionsDir,
    log: () => output,
    logFile: log,
    stop: handle.stop,
  };
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const handle = {
    stop: async () => {
      live.delete(handle);
      await browser.close().catch(() => undefined);
    },
  };
  live.add(handle);
  browser.on('disconnected', () => live.delete(handle));
  return browser;
}

/** Builds the .vsix from the current dist/ (npm run build must have run). */
export function buildVsix(out) {
  try {
    execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out], {
      cwd: REPO,
      stdio: 'pipe',
      timeout: 180_000,
    });
  } catch (error) {
    throw new Error(`vsce package failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
  if (!existsSync(out)) throw new Error('vsce did not produce a .vsix');
  return out;
}

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

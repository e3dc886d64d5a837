// For machines that can download VS Code: runs the same extension-host suite (test/e2e/host) in a real desktop
// VS Code through @vscode/test-electron. Not used in CI here (no download is possible); npm run test:e2e covers it
// with code-server instead.

import { cpSync } from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO, SAMPLES, tempDir } from './codeServer.mjs';

// The suite writes files into the open folder (the figure-conflict test), so it gets a copy of samples/.
const folder = path.join(tempDir('electron'), 'samples');
cpSync(SAMPLES, folder, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'test/e2e/host/index.js'),
    launchArgs: [folder, '--disable-extensions'],
  });
} catch (error) {
  console.error(`Extension-host tests failed: ${error}`);
  process.exit(1);
}

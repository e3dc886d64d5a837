// npm run try — a real VS Code in your browser with Sourcelens installed and samples/ open, no VS Code needed.
// It opens a fresh copy of samples/ in a temporary folder, so quick fixes and edits never touch the tracked files.
// Prints the address and runs until Ctrl+C. PORT=8080 npm run try picks the port.

import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import * as path from 'node:path';
import { buildVsix, installVsix, REPO, SAMPLES, startCodeServer, tempDir } from './codeServer.mjs';

execFileSync('bash', [path.join(REPO, 'scripts/setup-code-server.sh'), path.join(REPO, '.vscode-test/code-server')], { stdio: 'inherit', cwd: REPO });
const work = tempDir('try');
const userDataDir = path.join(work, 'ud');
const extensionsDir = path.join(work, 'exts');
installVsix(buildVsix(path.join(work, 'sourcelens.vsix')), extensionsDir, userDataDir);
const folder = path.join(work, 'samples');
cpSync(SAMPLES, folder, { recursive: true });
const server = await startCodeServer({ userDataDir, extensionsDir, port: Number(process.env.PORT ?? 0) });
console.log(`Sourcelens is running: ${server.url}/?folder=${encodeURIComponent(folder)}`);
console.log(`It shows a copy of samples/ (${folder}): edits and quick fixes there leave the repository as it is.`);
console.log('Open it in a browser (Chromium, Firefox). Press Ctrl+C to stop.');
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => undefined, 1 << 30);

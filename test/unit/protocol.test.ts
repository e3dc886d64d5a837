// shared/protocol.ts names every custom message and command once; package.json must contribute exactly its commands.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, METHODS } from '../../src/shared/protocol';

const REPO = path.resolve(__dirname, '../../..');

describe('shared protocol', () => {
  it("package.json contributes exactly the protocol's command ids", () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.commands.map((c: { command: string }) => c.command).sort(), Object.values(COMMANDS).sort());
  });

  it('every custom method is in the sourcelens/ namespace and named once', () => {
    const methods = Object.values(METHODS);
    assert.equal(new Set(methods).size, methods.length);
    for (const m of methods) assert.match(m, /^sourcelens\/[a-zA-Z]+$/);
  });

  it('the client registers no file watchers of its own (the server registers them once)', () => {
    const client = readFileSync(path.join(REPO, 'src', 'client', 'extension.ts'), 'utf8');
    assert.doesNotMatch(client, /createFileSystemWatcher|fileEvents:/);
  });
});

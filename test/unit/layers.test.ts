// The floors of the house (docs/architecture.md): the core is pure and has no import circles; the host and the CLI
// never reach into the server. Imports are read with TypeScript's own pre-processor, type-only imports included.

import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const SRC = path.resolve(__dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(SRC, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

/** Module specifiers a file imports or re-exports, relative ones resolved to paths under src/. */
function importsOf(file: string): { external: string[]; local: string[] } {
  const info = ts.preProcessFile(readFileSync(path.join(SRC, file), 'utf8'), true, true);
  const external: string[] = [];
  const local: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) { external.push(fileName); continue; }
    const base = path.join(path.dirname(file), fileName);
    const resolved = [`${base}.ts`, path.join(base, 'index.ts'), base].find((c) => existsSync(path.join(SRC, c)));
    local.push(resolved ?? base);
  }
  return { external, local };
}

function importGraph(files: string[]): Map<string, string[]> {
  return new Map(files.map((f) => [f, importsOf(f).local.filter((t) => t.endsWith('.ts'))]));
}

/** Every import circle in a graph, each as the list of files round it. */
function circles(edges: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of edges.get(f) ?? []) {
      if (state.get(t) === 'open') found.push([...stack.slice(stack.indexOf(t)), t]);
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of edges.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe('layers', () => {
  it('the checker reads imports and finds a circle when there is one', () => {
    assert.ok(importsOf('core/analyse.ts').local.includes(path.join('core', 'model.ts')));
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    assert.deepEqual(circles(graph), [['a', 'b', 'c', 'a']]);
  });

  it('the core has no import circles, type-only imports included', () => {
    assert.deepEqual(circles(importGraph(sourceFiles('core'))).map((c) => c.join(' -> ')), []);
  });

  it('the core is pure: no vscode, no language server, no node built-ins', () => {
    const offending = sourceFiles('core').flatMap((f) =>
      importsOf(f).external.filter((m) => m.startsWith('node:') || m.startsWith('vscode') || ['fs', 'path', 'os', 'worker_threads', 'crypto'].includes(m)).map((m) => `${f}: ${m}`));
    assert.deepEqual(offending, []);
  });

  it('the core imports only the core; the host never imports the server or the client', () => {
    const outside = (dir: string, allowed: string[]) => sourceFiles(dir).flatMap((f) =>
      importsOf(f).local.filter((t) => !allowed.some((a) => t.startsWith(a + path.sep))).map((t) => `${f} -> ${t}`));
    assert.deepEqual(outside('core', ['core']), []);
    assert.deepEqual(outside('host', ['core', 'host', 'shared']), []);
    assert.deepEqual(outside('shared', ['shared']), []);
  });

  it('the CLI and the tools use host/ and core/, never the server; the client talks to the server only through shared/', () => {
    const outside = (dir: string, allowed: string[]) => sourceFiles(dir).flatMap((f) =>
      importsOf(f).local.filter((t) => !allowed.some((a) => t.startsWith(a + path.sep))).map((t) => `${f} -> ${t}`));
    // package.json is not a layer: the CLI reads its version from it (`--version`).
    assert.deepEqual(outside('cli', ['core', 'host', 'shared', 'cli']).filter((e) => !e.endsWith('-> ../package.json')), []);
    assert.deepEqual(outside('tools', ['core', 'host', 'shared', 'tools']), []);
    assert.deepEqual(outside('client', ['shared', 'client']), []);
  });
});

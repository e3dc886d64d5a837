// Nothing in a folder can stop Sourcelens (issue 19): the hostile corpus from test/hostile/corpus.ts — FIFOs,
// /dev/zero and outside links, alias bombs, every pathological text shape, odd encodings and names — opened in the
// real server and run through the real CLI. Every article must get an answer within a bound, the bad files their
// findings, and the rest of the corpus its usual analysis.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CodeAction, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { buildHostileCorpus, HostileCorpus } from '../hostile/corpus';
import { serverForSuite, TestClient } from './lspClient';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
/** Characters per pathological shape: enough to show a quadratic path (it took seconds at 20k), quick when linear. */
const SHAPE_SIZE = 50_000;

const fsPathOf = (uri: string) => URI.parse(uri).fsPath;

/** An article whose file (or link) could be made here. */
function present(corpus: HostileCorpus, relative: string): boolean {
  try {
    lstatSync(path.join(corpus.root, relative));
    return true;
  } catch {
    return false;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))),
  ]);
}

describe('hostile folder: the language server', function () {
  this.timeout(600_000);
  let corpus: HostileCorpus;
  let client: TestClient;
  const suite = serverForSuite(
    () => {
      corpus = buildHostileCorpus(mkdtempSync(path.join(tmpdir(), 'sourcelens-hostile-')), { shapeSize: SHAPE_SIZE });
      return corpus.root;
    },
    // The cold index of this folder takes some 30 s on a loaded 2-core machine.
    { settings: { corpus: { maxFileSizeMB: 1 } }, indexTimeoutMs: 300_000 },
  );
  before(() => ({ client } = suite));

  it('indexes every article beside the bad files, and answers a request about each within a bound', async () => {
    const listed = await withTimeout(client.request<{ uri: string }[]>('sourcelens/corpus', null), 120_000, 'sourcelens/corpus');
    const paths = new Set(listed.map((a) => fsPathOf(a.uri)));
    for (const relative of corpus.articles.filter((a) => present(corpus, a))) {
      const full = path.join(corpus.root, relative);
      assert.ok(paths.has(full), `${JSON.stringify(relative)} is not in the corpus`);
      const uri = URI.file(full).toString();
      const started = Date.now();
      await withTimeout(client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } }), 30_000, `documentSymbol on ${JSON.stringify(relative)}`);
      assert.ok(Date.now() - started < 30_000);
    }
    assert.ok(!paths.has('/etc/passwd') && ![...paths].some((p) => p.startsWith('/etc/') || p.startsWith('/proc/')), 'a file outside the folder was read');
    assert.doesNotMatch(client.stderr, /Maximum call stack|RangeError|Excessive alias/);
  });

  it('reports each bad file on that file, and reads the rest as usual', async () => {
    const codesFor = (relative: string) => {
      const full = path.join(corpus.root, relative);
      for (const [uri, list] of client.diagnostics) if (fsPathOf(uri) === full) return list.map((d: Diagnostic) => d.code);
      return undefined;
    };
    for (const { file, code } of corpus.expectFindings.filter((f) => present(corpus, f.file))) {
      await client.waitFor(() => codesFor(file)?.includes(code), 60_000, `${code} on ${file}`);
    }
    if (corpus.fifos) await client.waitFor(() => codesFor('special/fifo-sources/sources.yaml')?.includes('structure/invalid-sources'), 60_000, 'the FIFO sources.yaml reported');
    // The ordinary articles keep their metadata and findings; aliases in sources.yaml resolve (`published: *d`).
    const articles = await client.request<{ uri: string; outlet: string | null; published: string | null; headline: string | null }[]>('sourcelens/corpus', null);
    const byPath = new Map(articles.map((a) => [path.relative(corpus.root, fsPathOf(a.uri)), a]));
    assert.equal(byPath.get('plain/article-0.txt')?.outlet, 'Outlet Zero');
    assert.equal(byPath.get('sources/aliases-101/article.txt')?.published, '2016-08-12');
    assert.equal(byPath.get('meta/cr-front-matter.txt')?.published, '2016-08-12');
    assert.equal(byPath.get('meta/five-digit-year.txt')?.published ?? null, null);
    assert.equal(byPath.get('meta/year-0050.md')?.published, '0050-02-03', 'a four-digit year below 100 is a year');
    // UTF-16 is read with or without a BOM, in either byte order.
    for (const f of ['utf16le-bom', 'utf16be-bom', 'utf16le-no-bom', 'utf16be-no-bom']) assert.equal(byPath.get(`bytes/${f}.txt`)?.headline, 'Kendrow meets Brisk in Ankara (9)', f);
  });

  it('answers requests with bad params with InvalidParams (-32602)', async () => {
    const codeOf = async (method: string, params: unknown) => {
      try {
        await client.request(method, params);
        return undefined;
      } catch (error) {
        return (error as { code?: number }).code;
      }
    };
    const uri = client.uri('plain/article-1.txt');
    assert.equal(await codeOf('textDocument/hover', {}), -32602);
    assert.equal(await codeOf('textDocument/hover', { textDocument: { uri } }), -32602);
    assert.equal(await codeOf('textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 'x' } }), -32602);
    assert.equal(await codeOf('textDocument/definition', { textDocument: 7, position: { line: 0, character: 0 } }), -32602);
    assert.equal(await codeOf('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }), -32602);
    assert.equal(await codeOf('sourcelens/entity', { id: 42 }), -32602);
    assert.equal(await codeOf('sourcelens/meetingAt', { uri }), -32602);
    // Well-formed requests still answer.
    assert.equal(await codeOf('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }), undefined);
  });

  it('coalesces 3,000 didChange sent at once into an analysis of the last one, and keeps answering', async () => {
    const relative = 'plain/article-2.txt';
    const uri = client.uri(relative);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: 'Start\n\nNothing yet.\n' } });
    const started = Date.now();
    const sends: Promise<void>[] = [];
    for (let v = 2; v <= 3001; v++) {
      const text = `Edition ${v} of the headline\n\nIlsa Kendrow met Otto Brisk in Ankara on Tuesday, officials said (${v}).\n${v === 3001 ? 'Share this article\n' : ''}`;
      sends.push(client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] }));
    }
    await Promise.all(sends);
    const hover = await withTimeout(client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }), 120_000, 'hover after the burst');
    const elapsed = Date.now() - started;
    assert.match((hover!.contents as { value: string }).value, /Edition 3001/);
    await client.waitFor(() => client.diagnostics.get(uri)?.some((d) => d.code === 'structure/boilerplate'), 30_000, 'diagnostics of the last version');
    if (process.env.SL_TIMING) console.log(`3,000 didChange answered in ${elapsed} ms`);
  });

  it('applies the size cap to an open document, as to a file on disk', async () => {
    const uri = client.uri('plain/opened-big.txt');
    const text = `Big headline\n\n${'Ilsa Kendrow met Otto Brisk in Ankara on Tuesday. '.repeat(30_000)}`; // 1.5 MB, over the 1 MB cap
    const started = Date.now();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await client.waitFor(() => client.diagnostics.get(uri)?.some((d) => d.code === 'structure/too-large'), 60_000, 'structure/too-large on the open document');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}x` }] });
    await withTimeout(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }), 30_000, 'hover on the big document');
    if (process.env.SL_TIMING) console.log(`big document answered in ${Date.now() - started} ms`);
  });
});

describe('hostile folder: the CLI', function () {
  this.timeout(600_000);
  let corpus: HostileCorpus;
  before(() => {
    corpus = buildHostileCorpus(mkdtempSync(path.join(tmpdir(), 'sourcelens-hostile-cli-')), { shapeSize: SHAPE_SIZE });
  });
  after(() => rmSync(corpus.root, { recursive: true, force: true }));

  it('finishes without hanging, exits 0 or 1 (never 2), and prints every article with its name escaped', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '.', '--fail-on', 'never'], { cwd: corpus.root, encoding: 'utf8', timeout: 540_000, maxBuffer: 256 * 1024 * 1024 });
    assert.equal(r.error, undefined, `the CLI did not finish: ${String(r.error)}`);
    assert.equal(r.status, 0, r.stderr.slice(-2000));
    assert.doesNotMatch(r.stderr, /internal error/);
    const files = new Set(r.stdout.split('\n').map((line) => line.replace(/:\d+:\d+ .*$/, '')));
    for (const f of ['plain/article-0.txt', 'plain/article-1.txt', 'sources/aliases-101/article.txt', 'names/with space/ünïcødé שלום.txt']) assert.ok(files.has(f), `${f} missing from the output`);
    // Control characters, line breaks and bidi overrides in names come out escaped: no terminal injection, no forged lines.
    assert.ok(files.has('names/esc-\\x1b[31mred.txt'), 'ESC not escaped');
    assert.ok(files.has('names/new\\nline/inside.txt'), 'the folder with a newline was skipped or printed raw');
    assert.ok(files.has('names/rlo-\\u202etxt.exe.txt'), 'bidi override not escaped');
    assert.doesNotMatch(r.stdout, /[\u001b\u202e]/);
    if (existsSync(path.join(corpus.root, 'special', 'passwd.txt'))) assert.match(r.stdout, /^special\/passwd\.txt:1:1 warning structure\/outside-folder/m);
    if (present(corpus, 'special/etc-folder')) assert.match(r.stdout, /^special\/etc-folder:1:1 warning structure\/outside-folder etc-folder is a link to \/etc, a folder outside the corpus folder: none of its files are read \(.*--follow-links-outside/m);
    assert.doesNotMatch(r.stdout, /root:x:0:0/);
    assert.match(r.stdout, /^sourcelens\.entities\.yaml:1:1 warning structure\/invalid-metadata .*aliases/m);
    // Every bad file gets its finding from the CLI too, on that file.
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const { file, code } of corpus.expectFindings.filter((f) => present(corpus, f.file))) {
      assert.match(r.stdout, new RegExp(`^${escape(file)}:\\d+:\\d+ \\w+ +${escape(code)} `, 'm'), `${code} on ${file}`);
    }
    if (corpus.fifos) assert.match(r.stdout, /^special\/fifo-sources\/sources\.yaml:1:1 warning structure\/invalid-sources .*FIFO/m);
  });
});

describe('hostile folder: quick fixes write only inside the workspace', function () {
  this.timeout(300_000);
  let client: TestClient;
  let outside: string;
  const suite = serverForSuite(() => {
    const root = mkdtempSync(path.join(tmpdir(), 'sourcelens-fixes-'));
    outside = mkdtempSync(path.join(tmpdir(), 'sourcelens-outside-'));
    mkdirSync(path.join(root, 'plain'));
    writeFileSync(path.join(root, 'plain', 'a.txt'), 'A headline without a date\n\nIlsa Kendrow met Otto Brisk in Ankara on Tuesday.\n');
    writeFileSync(path.join(outside, 'b.txt'), 'Another headline without a date\n\nIlsa Kendrow met Otto Brisk in Ankara on Tuesday.\n');
    symlinkSync(outside, path.join(root, 'linked'));
    return root;
  });
  before(() => ({ client } = suite));
  after(() => rmSync(outside, { recursive: true, force: true }));

  const actionsFor = async (uri: string) => {
    const diagnostic = await client.waitFor(() => client.diagnostics.get(uri)?.find((d) => d.code === 'structure/no-date'), 60_000, `no-date on ${uri}`);
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  };
  const targets = (actions: CodeAction[]) =>
    actions.flatMap((a) => [
      ...Object.keys(a.edit?.changes ?? {}),
      ...(a.edit?.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument.uri : 'uri' in c ? c.uri : c.oldUri)),
    ]);

  it('offers the sources.yaml fix for an article in the folder', async () => {
    const actions = await actionsFor(client.uri('plain/a.txt'));
    assert.ok(actions.some((a) => a.title.startsWith('Add publication date to sources.yaml')), actions.map((a) => a.title).join(' | '));
  });

  it('reports the linked folder on the link, and follows it being removed and made again', async () => {
    const link = client.uri('linked');
    const codes = () => client.diagnostics.get(link)?.map((d) => d.code) ?? [];
    await client.waitFor(() => codes().includes('structure/outside-folder'), 60_000, 'structure/outside-folder on the link');
    assert.match(client.diagnostics.get(link)![0].message, /sourcelens\.corpus\.followLinksOutside/);
    rmSync(path.join(client.root, 'linked'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: link, type: 3 }] });
    await client.waitFor(() => client.diagnostics.get(link)?.length === 0, 60_000, 'the finding cleared once the link is gone');
    symlinkSync(outside, path.join(client.root, 'linked'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: link, type: 1 }] });
    await client.waitFor(() => codes().includes('structure/outside-folder'), 60_000, 'structure/outside-folder on the new link');
    const listed = await client.request<{ uri: string }[]>('sourcelens/corpus', null);
    assert.ok(!listed.some((a) => fsPathOf(a.uri).startsWith(path.join(client.root, 'linked'))), 'the new link was walked');
  });

  it('never targets a file that resolves outside the workspace (an article opened through a linked folder)', async () => {
    // The linked folder is not walked; the reader opens a file through it anyway.
    const uri = client.uri('linked/b.txt');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: readFileSync(path.join(outside, 'b.txt'), 'utf8') } });
    const actions = await actionsFor(uri);
    assert.ok(!actions.some((a) => a.title.startsWith('Add publication date to sources.yaml')), actions.map((a) => a.title).join(' | '));
    const realRoot = realpathSync(client.root);
    for (const target of targets(actions)) {
      const p = fsPathOf(target);
      const real = existsSync(p) ? realpathSync(p) : path.join(realpathSync(path.dirname(p)), path.basename(p));
      assert.ok(!path.relative(realRoot, real).startsWith('..'), `an action writes ${real}, outside ${realRoot}`);
    }
  });
});

describe('hostile folder: a large open document is analysed on a worker', function () {
  this.timeout(600_000);
  const ordinary = (n: number) => `Kendrow meets Brisk in Ankara (${n})\n\nANKARA - Ilsa Kendrow met Otto Brisk in Ankara on Tuesday, officials said. "We agree," Kendrow said.\n`;
  const suite = serverForSuite(() => {
    const root = mkdtempSync(path.join(tmpdir(), 'sourcelens-big-open-'));
    mkdirSync(path.join(root, 'plain'));
    for (let i = 0; i < 3; i++) writeFileSync(path.join(root, 'plain', `a-${i}.txt`), ordinary(i));
    return root;
  });
  /** Some 320 K characters of prose (five times the size analysed on the server's own thread), headed by its edition. */
  const report = (edition: number, tail = '') => {
    const paragraphs: string[] = [`Edition ${edition} of a long report`, ''];
    for (let p = 0, length = 0; length < 320_000; p++) {
      const paragraph = `Mara Quell met Tobias Venn in Velor on Tuesday, officials said (${p}). Police arrested ${100 + (p % 400)} protesters after the talks. "We will meet again," Venn told reporters.`;
      paragraphs.push(paragraph, '');
      length += paragraph.length + 2;
    }
    return `${paragraphs.join('\n')}${tail}`;
  };

  it('keeps answering hovers on another file while it is analysed, and shows only its latest version', async () => {
    const client = suite.client;
    const published: { uri: string; at: number }[] = [];
    client.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
      client.diagnostics.set(p.uri, p.diagnostics);
      published.push({ uri: p.uri, at: Date.now() });
    });
    const other = client.uri('plain/a-0.txt');
    const big = client.uri('big/report.txt');
    const hover = (uri: string) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    await hover(other); // the server is up and the folder indexed

    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'plaintext', version: 1, text: report(1) } });
    const opened = Date.now();
    for (let i = 0; i < 5; i++) await withTimeout(hover(other), 60_000, 'hover on another file while the big one is analysed');
    const hoversDone = Date.now();
    await client.waitFor(() => published.some((p) => p.uri === big), 300_000, 'diagnostics of the big document');
    const analysedAt = published.find((p) => p.uri === big)!.at;
    // Ordering, not milliseconds: analysed on the server's thread, the hovers could only be answered after the
    // analysis (its diagnostics are pushed the moment it ends). On a worker they are answered while it runs.
    assert.ok(hoversDone < analysedAt, `5 hovers took ${hoversDone - opened} ms, the analysis ${analysedAt - opened} ms: the hovers waited for it`);
    assert.ok((hoversDone - opened) * 2 < analysedAt - opened, `5 hovers took ${hoversDone - opened} ms, over half the analysis (${analysedAt - opened} ms)`);

    // A burst of 20 edits: one analysis of the latest text (at most one more for the edit in hand), nothing stale shown.
    const analyses = () => client.logs.filter((l) => /^Analysed report\.txt /.test(l)).length;
    const before = analyses();
    const editions = Array.from({ length: 20 }, (_, i) => report(i + 2, i === 19 ? '\nShare this article\n' : ''));
    for (const [i, text] of editions.entries()) {
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: big, version: i + 2 }, contentChanges: [{ text }] });
    }
    const answer = await withTimeout(hover(big), 300_000, 'hover on the big document after the burst');
    assert.match((answer!.contents as { value: string }).value, /Edition 21/);
    assert.ok(analyses() - before <= 2, `${analyses() - before} analyses for a burst of 20 edits`);
    await client.waitFor(() => client.diagnostics.get(big)?.some((d) => d.code === 'structure/boilerplate'), 60_000, 'diagnostics of the last version');
    if (process.env.SL_TIMING) console.log(`hovers ${hoversDone - opened} ms; analysis ${analysedAt - opened} ms; burst: ${analyses() - before} analyses`);
  });
});

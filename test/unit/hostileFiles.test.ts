// Files a folder hands us, read without trusting them (issue 19): FIFOs and devices never read, caps on size, links
// out of the folder not followed, quick-fix targets checked after resolving `..` and links, YAML bombs refused,
// encodings named rather than misread.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseFrontMatter, parseSourcesYaml } from '../../src/core/metadata';
import { readDate } from '../../src/core/pubdate';
import { parseKnowledge } from '../../src/core/people/knowledge';
import { parseSuppressionsFile } from '../../src/core/suppressions';
import { decodeBytes } from '../../src/host/decode';
import { isWritableTarget, readRegularFile, readTextFile } from '../../src/host/safeRead';
import { loadArticle, SourcesCache } from '../../src/host/loader';
import { loadKnowledge } from '../../src/host/knowledge';
import { loadSuppressions } from '../../src/host/suppressions';
import { DEFAULT_GLOBS } from '../../src/host/discover';
import { discoverRoots, linkFindings } from '../../src/host/indexer';
import { fileUri } from '../../src/host/uris';

const NAMES = ['sources.yaml', 'sources.yml', 'sourcelens.entities.yaml', 'sourcelens.suppressions.yaml'];

function bomb(levels = 9): string {
  let out = 'a0: &a0 ["x","x","x","x","x","x","x","x","x"]\n';
  for (let i = 1; i < levels; i++) out += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]\n`;
  return out;
}

describe('hostile files', () => {
  let dir: string;
  let outside: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-files-'));
    outside = mkdtempSync(path.join(tmpdir(), 'sourcelens-out-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('never blocks on a FIFO nor reads a device; caps what it reads', function () {
    const fifo = path.join(dir, 'pipe.yaml');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      this.skip();
    }
    const started = Date.now();
    const r = readRegularFile(fifo, 1024);
    assert.ok(!r.ok && r.reason === 'not-regular' && /FIFO/.test(r.message));
    const zero = readRegularFile('/dev/zero', 1024);
    assert.ok(!zero.ok && zero.reason === 'not-regular');
    assert.ok(Date.now() - started < 5_000);
    // The knowledge and suppressions files as a FIFO and as a link to /dev/zero: reported on the file, nothing read.
    for (const [name, make] of [['fifo-root', (f: string) => execFileSync('mkfifo', [f])], ['zero-root', (f: string) => symlinkSync('/dev/zero', f)]] as const) {
      const root = path.join(dir, name);
      mkdirSync(root);
      make(path.join(root, 'sourcelens.entities.yaml'));
      make(path.join(root, 'sourcelens.suppressions.yaml'));
      const messages: string[] = [];
      assert.equal(loadKnowledge([root], (m) => messages.push(m)).people.length, 0);
      assert.deepEqual(loadSuppressions([root]), []);
      assert.match(messages.join('\n'), /not a regular file; it is not read/);
    }
    loadKnowledge([dir]); // forget what was reported about those files (the reports are kept per process)
    loadSuppressions([dir]);
    assert.ok(Date.now() - started < 5_000);
    writeFileSync(path.join(dir, 'big.yaml'), 'x'.repeat(5000));
    const big = readTextFile(path.join(dir, 'big.yaml'), 1000);
    assert.ok(!big.ok && big.reason === 'too-large');
  });

  it('lists a FIFO named like an article and reports it, without opening it for reading', async function () {
    const root = path.join(dir, 'fifo-corpus');
    mkdirSync(root);
    try {
      execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
    } catch {
      this.skip();
    }
    const found = await discoverRoots([root], DEFAULT_GLOBS);
    assert.deepEqual(found.files.map((f) => path.basename(f)), ['pipe.txt']);
    const input = (await loadArticle(found.files[0], new SourcesCache(), { maxFileSizeMB: 5, roots: [root] }))!;
    assert.equal(input.text, '');
    assert.deepEqual(input.inputProblems?.map((p) => p.code), ['structure/unreadable']);
    assert.match(input.inputProblems![0].message, /FIFO/);
  });

  it('does not read an article that links outside the corpus folder, unless allowed', async () => {
    writeFileSync(path.join(outside, 'secret.txt'), 'Secret headline\n\nNot part of the corpus.\n');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'link.txt'));
    const refused = (await loadArticle(path.join(dir, 'link.txt'), new SourcesCache(), { maxFileSizeMB: 5, roots: [dir] }))!;
    assert.equal(refused.text, '');
    assert.equal(refused.inputProblems?.[0].code, 'structure/outside-folder');
    const allowed = (await loadArticle(path.join(dir, 'link.txt'), new SourcesCache(), { maxFileSizeMB: 5, roots: [dir], followLinksOutside: true }))!;
    assert.match(allowed.text, /Secret headline/);
  });

  it('reports a linked folder outside the corpus folder on the link, instead of walking it, unless allowed', async () => {
    const root = path.join(dir, 'folders');
    const target = path.join(outside, 'folder-target');
    mkdirSync(path.join(root, 'sub'), { recursive: true });
    mkdirSync(target);
    writeFileSync(path.join(target, 'secret.txt'), 'Secret headline\n\nNot part of the corpus.\n');
    writeFileSync(path.join(root, 'sub', 'a.txt'), 'A headline\n\nIn the corpus.\n');
    symlinkSync(target, path.join(root, 'sub', 'linked'));
    symlinkSync(path.join(root, 'sub'), path.join(root, 'zz-inside-link')); // a link within the folder: walked (once)
    const found = await discoverRoots([root], DEFAULT_GLOBS);
    assert.deepEqual(found.files.map((f) => path.relative(root, f)), ['sub/a.txt']);
    const findings = linkFindings(found.skipped, [root]);
    assert.deepEqual(findings.map((f) => [f.code, f.severity, f.uri]), [['structure/outside-folder', 'warning', fileUri(path.join(root, 'sub', 'linked'))]]);
    assert.match(findings[0].message, /^linked is a link to .*folder-target, a folder outside the corpus folder: none of its files are read \(the setting sourcelens\.corpus\.followLinksOutside, or --follow-links-outside on the command line, allows it\)\.$/);
    assert.deepEqual(linkFindings(found.skipped, [root], { 'structure/outside-folder': 'off' }), [], 'the rule level applies');
    assert.deepEqual(linkFindings(found.skipped, [root, target]), [], 'a link into another corpus folder is read from there');
    const allowed = await discoverRoots([root], DEFAULT_GLOBS, undefined, true);
    assert.deepEqual(allowed.files.map((f) => path.relative(root, f)).sort(), ['sub/a.txt', 'sub/linked/secret.txt']);
    assert.deepEqual(linkFindings(allowed.skipped, [root]), []);
  });

  it('lets quick fixes write only the Sourcelens YAML files inside the workspace, after resolving .. and links', () => {
    mkdirSync(path.join(dir, 'sub'));
    symlinkSync(outside, path.join(dir, 'linked'));
    assert.ok(isWritableTarget(path.join(dir, 'sources.yaml'), [dir], NAMES));
    assert.ok(isWritableTarget(path.join(dir, 'sub', 'sources.yaml'), [dir], NAMES), 'a file that does not exist yet, in a real subfolder');
    assert.ok(isWritableTarget(path.join(dir, 'sub', '..', 'sourcelens.entities.yaml'), [dir], NAMES));
    assert.ok(!isWritableTarget(path.join(dir, '..', 'sources.yaml'), [dir], NAMES), '.. out of the folder');
    assert.ok(!isWritableTarget(path.join(dir, 'sub', '..', '..', 'sources.yaml'), [dir], NAMES));
    assert.ok(!isWritableTarget(path.join(outside, 'sources.yaml'), [dir], NAMES), 'an absolute path elsewhere');
    assert.ok(!isWritableTarget(path.join(dir, 'linked', 'sources.yaml'), [dir], NAMES), 'through a linked folder');
    assert.ok(!isWritableTarget(path.join(dir, 'article.txt'), [dir], NAMES), 'not a Sourcelens YAML file');
    assert.ok(!isWritableTarget('sources.yaml', [dir], NAMES), 'a relative path');
    symlinkSync(path.join(outside, 'x.yaml'), path.join(dir, 'sourcelens.suppressions.yaml'));
    writeFileSync(path.join(outside, 'x.yaml'), 'suppressions: []\n');
    assert.ok(!isWritableTarget(path.join(dir, 'sourcelens.suppressions.yaml'), [dir], NAMES), 'a YAML file that is a link out');
  });

  it('reads YAML defensively: bombs refused, aliases resolved, duplicates and custom tags reported, nothing thrown', () => {
    const sources = parseSourcesYaml(`d: &d 2016-08-12\n${Array.from({ length: 150 }, (_, i) => `f${i}.txt: { published: *d }`).join('\n')}\n`);
    assert.equal(sources.entries.get('f149.txt')?.published, '2016-08-12');
    assert.match(parseSourcesYaml('a.txt: { outlet: A }\na.txt: { outlet: B }\n').problems[0].message, /Duplicate key "a\.txt"/);
    assert.match(parseSourcesYaml('a.txt: !custom { outlet: A }\n').problems[0].message, /custom tags/);
    assert.match(parseKnowledge(`${bomb()}people: *a8\n`).problems[0].message, /too many aliases/);
    assert.match(parseSuppressionsFile(`${bomb()}suppressions: *a8\n`).problems[0].message, /too many aliases/);
    assert.match(parseFrontMatter(`---\n${bomb()}title: *a8\n---\nBody\n`)!.problems[0].message, /too many aliases/);
    assert.match(parseSourcesYaml(`a.txt: ${'['.repeat(100_000)}\n`).problems[0].message, /Malformed sources\.yaml/);
    // A large file parses: 5,000 entries, with a set per map for duplicates.
    let big = '';
    for (let i = 0; i < 5_000; i++) big += `f${i}.txt: { outlet: O${i} }\n`;
    assert.equal(parseSourcesYaml(big).entries.size, 5_000);
  });

  it('front matter: never closed is body text with a finding; lone CR line ends work; dates have four-digit years', () => {
    const open = parseFrontMatter('---\ntitle: x\nHeadline\n\nBody.\n')!;
    assert.equal(open.range.end, 0);
    assert.equal(open.problems[0].code, 'structure/invalid-metadata');
    const cr = parseFrontMatter('---\rtitle: Lone CR\rpublished: 2016-08-12\r---\rBody\r')!;
    assert.deepEqual(cr.meta, { title: 'Lone CR', published: '2016-08-12' });
    assert.match(parseFrontMatter('---\npublished: .inf\n---\nBody\n')!.problems[0].message, /\.inf \(infinity\)/);
    assert.match(parseFrontMatter('---\npublished: .nan\n---\nBody\n')!.problems[0].message, /\.nan/);
    assert.equal(parseFrontMatter('---\npublished: 0050-02-03\n---\nBody\n')!.meta.published, '0050-02-03');
    assert.equal(readDate('Published 12 March 12345'), undefined);
    assert.equal(readDate('Published 12 March 2016')?.iso, '2016-03-12');
  });

  it('names encodings it does not read, and reads UTF-16 with or without a BOM', () => {
    const text = 'Headline\n\nIlsa Kendrow met Otto Brisk in Ankara on Tuesday.\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    assert.equal(decodeBytes(le, 'x').text, text);
    assert.equal(decodeBytes(be, 'x').text, text);
    assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'x').text, text);
    const utf32 = Buffer.alloc(text.length * 4);
    for (let i = 0; i < text.length; i++) utf32.writeUInt32LE(text.charCodeAt(i), i * 4);
    for (const bytes of [utf32, Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32])]) {
      const d = decodeBytes(bytes, 'x');
      assert.equal(d.text, '');
      assert.match(d.problems[0].message, /UTF-32/);
    }
    const latin1 = decodeBytes(Buffer.from('\xff\xfe caf\xe9 au lait, na\xefve.\n', 'latin1'), 'x');
    assert.equal(latin1.encoding, 'utf-8', 'a Latin-1 file starting ÿþ is not UTF-16');
    assert.equal(latin1.problems[0].code, 'structure/encoding');
  });
});

// Bad input: each case gets a clear finding naming the file and the reason, and the rest of the corpus is analysed.

import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Corpus } from '../../src/core/corpus';
import { LineIndex } from '../../src/core/lines';
import { parseArticle } from '../../src/core/article';
import { decodeBytes } from '../../src/host/decode';
import { DEFAULT_GLOBS, discoverFiles } from '../../src/host/discover';
import { indexRoots, sourcesFindings } from '../../src/host/indexer';
import { loadArticle, SourcesCache } from '../../src/host/loader';
import { fileUri } from '../../src/host/uris';

const GOOD = 'Talks resume in Castora\n\nThe minister arrived on Tuesday. She left on Wednesday.\n';

describe('bad input', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-bad-'))));
  afterEach(() => {
    try {
      chmodSync(dir, 0o755);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  });

  async function index(options: { maxFileSizeMB?: number } = {}) {
    const corpus = new Corpus();
    const sources = new SourcesCache();
    const logs: string[] = [];
    await indexRoots([dir], corpus, sources, { globs: DEFAULT_GLOBS, load: { maxFileSizeMB: options.maxFileSizeMB ?? 5 }, log: (m) => logs.push(m) });
    const findings = (name: string) => corpus.findings(fileUri(path.join(dir, name)));
    return { corpus, sources, logs, findings };
  }

  it('binary files (NUL bytes) get structure/binary-file naming the file, and the rest is analysed', async () => {
    writeFileSync(path.join(dir, 'good.txt'), GOOD);
    writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    const { findings, corpus } = await index();
    const [binary] = findings('image.txt');
    assert.equal(binary.code, 'structure/binary-file');
    assert.match(binary.message, /image\.txt contains NUL bytes/);
    assert.equal(corpus.get(fileUri(path.join(dir, 'good.txt')))!.sentences.length, 2);
  });

  it('files over the size limit get structure/too-large and are not read', async () => {
    writeFileSync(path.join(dir, 'huge.txt'), 'x'.repeat(2 * 1024 * 1024));
    const { findings } = await index({ maxFileSizeMB: 1 });
    const [big] = findings('huge.txt');
    assert.equal(big.code, 'structure/too-large');
    assert.match(big.message, /huge\.txt is 2\.0 MB, over the 1 MB limit/);
  });

  it('a 20 MB single line is refused by the default limit with a clear message', async () => {
    writeFileSync(path.join(dir, 'line.txt'), 'word '.repeat(4 * 1024 * 1024));
    const { findings } = await index();
    assert.equal(findings('line.txt')[0].code, 'structure/too-large');
  });

  it('a 1 MB single line without punctuation is analysed in bounded time', () => {
    const text = 'Headline\n\n' + 'word '.repeat(200_000);
    const started = Date.now();
    const article = parseArticle({ uri: 'file:///x/long.txt', text });
    // Read up to the analysis budget (250,000 characters: 50,000 words), the rest named by a finding.
    assert.ok(article.tokens.starts.length >= 49_000, `${article.tokens.starts.length} tokens`);
    assert.ok(article.problems.some((p) => p.code === 'structure/partly-analysed'));
    assert.ok(Date.now() - started < 20_000, 'parsing a 1 MB line must not blow up');
  });

  it('invalid UTF-8 is decoded with replacement characters and a structure/encoding warning', async () => {
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' talks\n\nThe minister arrived.\n')]));
    const { findings, corpus } = await index();
    const [encoding] = findings('latin1.txt').filter((f) => f.code === 'structure/encoding');
    assert.match(encoding.message, /latin1\.txt is not valid UTF-8: 1 undecodable/);
    assert.equal(corpus.get(fileUri(path.join(dir, 'latin1.txt')))!.headline?.text, 'Caf\uFFFD talks');
  });

  it('UTF-16 with a BOM (LE and BE) is decoded', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Talks resume\n', 'utf16le')]);
    assert.deepEqual(decodeBytes(le, 'a.txt'), { text: 'Talks resume\n', encoding: 'utf-16le', problems: [] });
    const be = Buffer.from([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69]);
    assert.equal(decodeBytes(be, 'b.txt').text, 'Hi');
  });

  it('a UTF-8 BOM is dropped, as editors do', () => {
    assert.equal(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x48, 0x69]), 'a.txt').text, 'Hi');
  });

  it('CRLF and lone CR line ends give exact line/column positions', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = `Talks resume${eol}${eol}The minister arrived.${eol}Share this article${eol}`;
      const article = parseArticle({ uri: 'file:///x/a.txt', text });
      const index = new LineIndex(text);
      const share = article.boilerplate.find((b) => b.kind === 'share-widget')!;
      assert.deepEqual(index.positionAt(share.range.start), { line: 3, character: 0 });
      assert.equal(text.slice(share.range.start, share.range.end), 'Share this article');
      assert.deepEqual(article.sentences.map((s) => text.slice(s.range.start, s.range.end)), ['The minister arrived.']);
    }
  });

  it('empty and whitespace-only files get a structure/empty hint', async () => {
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'blank.md'), ' \n\n\t\n');
    const { findings } = await index();
    assert.deepEqual(findings('empty.txt').map((f) => f.code), ['structure/empty']);
    assert.deepEqual(findings('blank.md').map((f) => f.code), ['structure/empty']);
  });

  it('a file deleted between listing and reading is dropped quietly with a log line', async () => {
    const gone = path.join(dir, 'gone.txt');
    writeFileSync(gone, GOOD);
    const { files } = await discoverFiles(dir, DEFAULT_GLOBS);
    rmSync(gone);
    const input = (await loadArticle(files[0], new SourcesCache()))!;
    assert.equal(input.inputProblems?.[0].code, 'structure/unreadable');
    assert.match(input.inputProblems![0].message, /gone\.txt could not be read \(ENOENT/);
  });

  it('unreadable files and folders are reported, not fatal', async function () {
    if (process.getuid?.() === 0) {
      // root reads everything regardless of permissions; check the reporting path with a folder that vanishes instead
      const sub = path.join(dir, 'sub');
      mkdirSync(sub);
      const result = await discoverFiles(path.join(dir, 'missing'), DEFAULT_GLOBS);
      assert.equal(result.files.length, 0);
      assert.match(result.skipped[0].reason, /ENOENT/);
      return;
    }
    const sub = path.join(dir, 'locked');
    mkdirSync(sub);
    writeFileSync(path.join(sub, 'a.txt'), GOOD);
    chmodSync(sub, 0o000);
    const result = await discoverFiles(dir, DEFAULT_GLOBS);
    assert.match(result.skipped[0].reason, /EACCES/);
  });

  it('symlink loops do not hang discovery', async () => {
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'x.txt'), GOOD);
    symlinkSync(dir, path.join(dir, 'a', 'loop'));
    const result = await discoverFiles(dir, DEFAULT_GLOBS);
    assert.deepEqual(result.files.map((f) => path.relative(dir, f)), [path.join('a', 'x.txt')]);
  });

  it('malformed front matter is reported on its range and the article is still analysed', () => {
    const text = '---\noutlet: [unclosed\n---\nTalks resume\n\nThe minister arrived.\n';
    const article = parseArticle({ uri: 'file:///x/a.md', text });
    assert.equal(article.headline?.text, 'Talks resume');
    assert.equal(article.problems[0].code, 'structure/invalid-metadata');
    assert.ok(article.problems[0].range!.start >= 4 && article.problems[0].range!.end <= text.indexOf('---\nTalks'));
  });

  it('a front-matter date that is not a date is reported', () => {
    const article = parseArticle({ uri: 'file:///x/a.md', text: '---\npublished: last Tuesday\n---\nTalks\n\nBody.\n' });
    assert.match(article.problems[0].message, /published: "last Tuesday", which is not a date/);
    assert.equal(article.published, undefined);
  });

  it('a malformed sources.yaml is reported on its own file and ignored', async () => {
    writeFileSync(path.join(dir, 'good.txt'), GOOD);
    writeFileSync(path.join(dir, 'sources.yaml'), 'good.txt:\n  outlet: [oops\n');
    const { findings, sources } = await index();
    assert.ok(findings('good.txt').some((f) => f.code === 'structure/no-date'));
    const problems = await sourcesFindings(sources);
    assert.equal(problems[0].code, 'structure/invalid-sources');
    assert.equal(problems[0].uri, fileUri(path.join(dir, 'sources.yaml')));
  });

  it('right-to-left text and bidi controls keep ranges on the text', () => {
    const text = 'כותרת\n\nשר החוץ \u202Bהגיע\u202C לביקור. Erdoğan said "yes".\n';
    const article = parseArticle({ uri: 'file:///x/rtl.txt', text });
    for (const s of article.sentences) assert.ok(s.range.start >= 0 && s.range.end <= text.length && s.range.start < s.range.end);
  });
});

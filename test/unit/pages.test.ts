// Saved web pages: the article and metadata the extractor reads from pages made to look like publishers' markup
// (test/fixtures/pages/saved, written for these tests), the .md an import writes, and how pages sit in the corpus.

import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { extractPage, importedFileState, PageResult, renderArticleMarkdown, urlDate } from '../../src/core/page';
import { parseFrontMatter } from '../../src/core/metadata';
import { Corpus } from '../../src/core/corpus';
import { DEFAULT_GLOBS, discoverFiles } from '../../src/host/discover';
import { indexRoots } from '../../src/host/indexer';
import { loadArticle, SourcesCache } from '../../src/host/loader';
import { decodeHtml, findPages, importedBeside, importPage } from '../../src/host/pages';

const SAVED = path.resolve(__dirname, '../../../test/fixtures/pages/saved');
const page = (name: string): PageResult => extractPage(readFileSync(path.join(SAVED, name), 'utf8'));
const article = (name: string) => {
  const r = page(name);
  assert.equal(r.kind, 'article', r.kind === 'not-article' ? r.reason : '');
  return r as Extract<PageResult, { kind: 'article' }>;
};

describe('saved pages: extraction', () => {
  it('reads Open Graph, article:published_time, JSON-LD and the canonical link, and keeps only the story', () => {
    const a = article('Port deal.html');
    assert.equal(a.meta.outlet, 'The Castora Ledger');
    assert.equal(a.headline, 'Marnish and Velorian ministers agree port deal'); // og:title without " | outlet"
    assert.equal(a.meta.author, 'Rhea Ames');
    assert.equal(a.meta.url, 'https://www.castora-ledger.example/world/port-deal-talks');
    // The publisher's own calendar day (evening in UTC-5), not the UTC day JSON-LD gives.
    assert.equal(a.meta.published, '2031-03-05');
    assert.match(a.meta.publishedFrom!, /^article:published_time meta tag \(2031-03-05T21:40:00-05:00\)$/);
    assert.match(a.paragraphs[0], /^Prime Minister Otto Brisk and the Velorian foreign minister/);
    assert.match(a.paragraphs.at(-1)!, /parliamentary vote on ratification/);
    const text = a.paragraphs.join('\n');
    for (const furniture of ['INJECTED BY SCRIPT', 'Share on', 'More from World', 'All rights reserved', 'Sign up for our morning briefing', 'Sport']) {
      assert.ok(!text.includes(furniture), `furniture kept: ${furniture}`);
    }
  });

  it('reads an AMP page: JSON-LD in @graph, the canonical (non-AMP) URL, the byline outside meta tags', () => {
    const a = article('amp-story.html');
    assert.equal(a.meta.outlet, 'Velor Daily');
    assert.equal(a.meta.published, '2031-11-14');
    assert.match(a.meta.publishedFrom!, /^JSON-LD NewsArticle\.datePublished/);
    assert.equal(a.meta.url, 'https://velordaily.example/news/storm-floods-coastal-towns');
    assert.equal(a.meta.author, 'Tomas Brell');
    assert.equal(a.paragraphs.length, 4);
    assert.ok(!a.paragraphs.join(' ').includes('Front page'));
  });

  it('reads a live blog: every entry, newest first as published, with the LiveBlogPosting date', () => {
    const a = article('liveblog.html');
    assert.match(a.meta.publishedFrom!, /^JSON-LD LiveBlogPosting\.datePublished/);
    const text = a.paragraphs.join('\n');
    const order = ['main hall', 'Velorian delegation has arrived', 'Good morning and welcome'].map((s) => text.indexOf(s));
    assert.ok(order.every((i) => i >= 0) && order[0] < order[1] && order[1] < order[2], String(order));
  });

  it('reads an English article inside a page in another script, with a date from <time datetime>', () => {
    const a = article('other-script.html');
    assert.equal(a.headline, 'Ministers meet on grain corridor');
    assert.equal(a.meta.outlet, 'Вестник Равнины');
    assert.equal(a.meta.lang, 'ru');
    assert.equal(a.meta.published, '2031-07-21');
    assert.equal(a.meta.publishedFrom, '<time datetime="2031-07-21">');
    assert.ok(a.paragraphs.some((p) => p.startsWith('The agriculture ministers of the two plains republics')));
    assert.ok(!a.paragraphs.join(' ').includes('Читайте также'));
  });

  it('falls back to a date in the URL path and says so; the outlet from "Headline - Outlet" in <title>', () => {
    const a = article('url-date.html');
    assert.equal(a.meta.published, '2031-04-17');
    assert.match(a.meta.publishedFrom!, /URL path only/);
    assert.equal(a.meta.outlet, 'Marnish Post');
    assert.equal(urlDate('https://x.example/news/20310417-dam-ruling')?.date, '2031-04-17');
    assert.equal(urlDate('https://x.example/2031/02/30/not-a-day'), undefined);
    assert.equal(urlDate('https://x.example/story/12345678'), undefined);
  });

  it('names what a page is when it is not an article: paywall, consent wall, index page, nothing', () => {
    const reason = (name: string) => {
      const r = page(name);
      assert.equal(r.kind, 'not-article', name);
      return (r as Extract<PageResult, { kind: 'not-article' }>).reason;
    };
    assert.match(reason('paywall.html'), /paywall.*teaser of \d+ words/);
    assert.match(reason('consent.html'), /cookie or consent wall/);
    assert.match(reason('section-index.html'), /index or section page/);
    assert.match(reason('blank.html'), /no article text/);
  });

  it('reads an article on a site that tags every page og:type=website', () => {
    const body = ['The town council voted on Tuesday to close the old bridge to lorries after engineers found cracks in two of its supports.',
      'The bridge, built in 1931, carries about 6,000 vehicles a day, according to the council. Cars and buses may still use it while repairs are planned.',
      'Local hauliers said the detour would add forty minutes to each trip and asked the council to speed up the repairs.',
      'A public meeting on the plans is set for next month at the library, where engineers will answer questions from residents.'];
    const html = `<html><head><meta property="og:type" content="website"><meta property="og:site_name" content="Riverside Gazette"><title>Council shuts bridge to lorries</title></head>` +
      `<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><h1>Council shuts bridge to lorries</h1>${body.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
    const r = extractPage(html);
    assert.equal(r.kind, 'article', r.kind === 'not-article' ? r.reason : '');
  });

  it('never throws on broken or hostile markup, and runs nothing in it', () => {
    const full = readFileSync(path.join(SAVED, 'Port deal.html'), 'utf8');
    for (let cut = 0; cut < full.length; cut += Math.ceil(full.length / 40)) {
      const r = extractPage(full.slice(0, cut));
      assert.ok(r.kind === 'article' || r.kind === 'not-article');
    }
    for (const junk of ['', '<', '<<<>>>', '<html><body><p>' + 'x'.repeat(100_000), '\u0000\uFFFD<script>while(true){}</script>', '<svg><script>throw 1</script></svg>', '<!-- unterminated']) {
      assert.doesNotThrow(() => extractPage(junk));
    }
    const scripted = `<html><head><title>T</title></head><body><article><h1>T</h1><p>${'Words of a real story here. '.repeat(30)}</p>` +
      `<script>globalThis.__sourcelensRan = true;</script><img src=x onerror="globalThis.__sourcelensRan = true"></article></body></html>`;
    extractPage(scripted);
    assert.equal((globalThis as { __sourcelensRan?: boolean }).__sourcelensRan, undefined);
  });

  it('decodes a page in the charset it declares', () => {
    const html = '<html><head><meta charset="iso-8859-1"><title>Caf\u00e9</title></head><body>Caf\u00e9 cr\u00e8me</body></html>';
    assert.match(decodeHtml(Buffer.from(html, 'latin1')), /Café crème/);
    assert.match(decodeHtml(Buffer.from('\uFEFF<p>Łódź</p>', 'utf8')), /^<p>Łódź/);
  });
});

describe('saved pages: the imported article file', () => {
  it('writes front matter the corpus reads, the headline and the paragraphs, and a checksum that notices edits', () => {
    const a = article('Port deal.html');
    const md = renderArticleMarkdown(a, 'Port deal.html', '9.9.9');
    const fm = parseFrontMatter(md)!;
    assert.deepEqual(fm.problems, []);
    assert.equal(fm.meta.outlet, 'The Castora Ledger');
    assert.equal(fm.meta.published, '2031-03-05');
    assert.equal(fm.meta.author, 'Rhea Ames');
    assert.match(md, /\n---\n\n# Marnish and Velorian ministers agree port deal\n\nPrime Minister/);
    assert.deepEqual(importedFileState(md), { source: 'Port deal.html', edited: false });
    assert.deepEqual(importedFileState(md.replace(/\n/g, '\r\n')), { source: 'Port deal.html', edited: false });
    assert.equal(importedFileState(md.replace('4,000 jobs', '3,000 jobs')).edited, true);
    assert.equal(importedFileState(md.replace('outlet: The Castora Ledger', 'outlet: Castora Ledger')).edited, true);
    assert.equal(renderArticleMarkdown(a, 'Port deal.html', '9.9.9'), md, 'deterministic');
  });

  it('keeps article text that looks like markdown from being read as markup', () => {
    const html = `<html><head><title>Count</title></head><body><article><h1>Count</h1><p>${'A story in plain words. '.repeat(20)}</p><p># 1 on the list was the port.</p><p>${'More words of the story. '.repeat(10)}</p></article></body></html>`;
    const r = extractPage(html);
    assert.equal(r.kind, 'article');
    assert.ok((r as Extract<PageResult, { kind: 'article' }>).paragraphs.includes('\\# 1 on the list was the port.'));
  });
});

describe('saved pages: import and the corpus', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sourcelens-pages-'));
    cpSync(SAVED, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds pages but not the assets folder "Save page as complete" writes beside them', async () => {
    const { pages, missing } = await findPages([dir, path.join(dir, 'nope')]);
    assert.deepEqual(missing, [path.join(dir, 'nope')]);
    assert.ok(pages.some((p) => p.endsWith('Port deal.html')));
    assert.ok(!pages.some((p) => p.includes('_files')));
    const { files } = await discoverFiles(dir, DEFAULT_GLOBS);
    assert.ok(!files.some((p) => p.includes('_files')));
  });

  it('imports beside the page, is idempotent, keeps an edited file unless forced, never touches the page', async () => {
    const html = path.join(dir, 'Port deal.html');
    const before = readFileSync(html);
    const first = await importPage(html, { version: '1' });
    assert.equal(first.status, 'created');
    assert.equal(first.target, path.join(dir, 'Port deal.md'));
    const written = statSync(first.target).mtimeMs;
    assert.equal((await importPage(html, { version: '1' })).status, 'unchanged');
    assert.equal(statSync(first.target).mtimeMs, written);
    writeFileSync(first.target, readFileSync(first.target, 'utf8').replace('4,000', '3,900'));
    const edited = await importPage(html, { version: '1' });
    assert.equal(edited.status, 'edited');
    assert.match(readFileSync(first.target, 'utf8'), /3,900/);
    assert.equal((await importPage(html, { version: '1', force: true })).status, 'updated');
    assert.match(readFileSync(first.target, 'utf8'), /4,000/);
    assert.deepEqual(readFileSync(html), before);
    // A file the reader wrote under that name is not an import of this page.
    writeFileSync(path.join(dir, 'amp-story.md'), '# My own notes\n');
    assert.equal((await importPage(path.join(dir, 'amp-story.html'), { version: '1' })).status, 'occupied');
    assert.equal(readFileSync(path.join(dir, 'amp-story.md'), 'utf8'), '# My own notes\n');
    assert.equal((await importPage(path.join(dir, 'paywall.html'), { version: '1' })).status, 'not-article');
  });

  it('counts an imported article once: its .md is the article and the page is left out', async () => {
    const html = path.join(dir, 'Port deal.html');
    const pending = await loadArticle(html, new SourcesCache());
    assert.equal(pending?.text, '');
    assert.equal(pending?.inputProblems?.[0].code, 'structure/page-not-imported');
    assert.match(pending!.inputProblems![0].message, /The Castora Ledger, 2031-03-05/);
    assert.equal(await loadArticle(path.join(dir, 'paywall.html'), new SourcesCache()), undefined, 'not an article: not in the corpus');
    await importPage(html, { version: '1' });
    assert.ok(importedBeside(html));
    assert.equal(await loadArticle(html, new SourcesCache()), undefined);

    const corpus = new Corpus();
    await indexRoots([dir], corpus, new SourcesCache(), { globs: DEFAULT_GLOBS, load: { maxFileSizeMB: 5 } });
    const names = corpus.list().map((a) => path.basename(a.uri)).sort();
    assert.deepEqual(names, ['Port%20deal.md', 'amp-story.html', 'liveblog.html', 'other-script.html', 'url-date.html']);
    const md = corpus.list().find((a) => a.uri.endsWith('Port%20deal.md'))!;
    assert.equal(md.meta.outlet, 'The Castora Ledger');
    assert.equal(md.published?.iso, '2031-03-05');
    assert.equal(md.headline?.text.replace(/^#\s*/, ''), 'Marnish and Velorian ministers agree port deal');
    const pageFindings = corpus.findings(corpus.list().find((a) => a.uri.endsWith('amp-story.html'))!.uri).map((f) => f.code);
    assert.deepEqual(pageFindings, ['structure/page-not-imported']);
  });
});

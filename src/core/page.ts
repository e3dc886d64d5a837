// A saved web page (HTML string) -> the article in it and the page's metadata, the way Firefox Reader View reads it:
// @mozilla/readability over linkedom's DOM. Pure: no file or network access, and nothing in the page is run —
// linkedom has no script engine, and scripts are dropped before extraction.
//
// Metadata is read before Readability runs (it rewrites the document): Open Graph and article:* meta tags, JSON-LD
// (NewsArticle, LiveBlogPosting, @graph…), <time datetime>, the canonical link. Each published date says where it
// came from (`publishedFrom`), and a date read from the URL path says it is only that.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parse, stringify } from 'yaml';
import { isValidDate } from './metadata';

export interface PageMeta {
  outlet?: string;
  /** YYYY-MM-DD, the date as the publisher wrote it (its own time zone). */
  published?: string;
  /** Where the date came from, e.g. `article:published_time meta tag (2031-03-05T08:15:00+02:00)`. */
  publishedFrom?: string;
  url?: string;
  title?: string;
  author?: string;
  /** The page's language (html lang), when it gives one. */
  lang?: string;
}

export type PageResult =
  | { kind: 'article'; meta: PageMeta; headline: string; paragraphs: string[]; words: number }
  | { kind: 'not-article'; meta: PageMeta; reason: string };

/** Fewer words than this and there is no article to read (menus, teasers, error pages). */
export const MIN_ARTICLE_WORDS = 80;
/** A page that says it is paywalled (or shows a subscribe prompt) must give at least this much text to count. */
const MIN_PAYWALLED_WORDS = 250;

// linkedom's DOM, typed as far as this module uses it (the project compiles without the DOM lib).
interface Node {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
}
interface Element extends Node {
  tagName: string;
  children: ArrayLike<Element>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
  remove(): void;
}
interface Doc extends Element {
  documentElement: Element;
  body: Element | null;
  title: string;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|LiveBlogPosting|BlogPosting|Report|ScholarlyArticle|SocialMediaPosting)$/;
const INDEX_TYPES = /^(?:WebSite|CollectionPage|ItemList|SearchResultsPage|ProfilePage)$/;

export function extractPage(html: string): PageResult {
  try {
    return extract(html);
  } catch {
    // A DOM library's edge case must not stop an import or an index: the page is simply not readable.
    return { kind: 'not-article', meta: {}, reason: 'the page could not be parsed' };
  }
}

function extract(html: string): PageResult {
  let { document } = parseHTML(html) as unknown as { document: Doc };
  // A fragment without <html> (or an empty file) still gets a document to read.
  if (!document.documentElement) ({ document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`) as unknown as { document: Doc });
  const meta: PageMeta = {};
  const ld = jsonLd(document);
  const article = ld.find((o) => types(o).some((t) => ARTICLE_TYPES.test(t)));
  const lang = document.documentElement?.getAttribute('lang')?.trim();
  if (lang) meta.lang = lang;

  // Outlet: og:site_name, then the JSON-LD publisher, then application-name.
  const publisher = article ? nameOf(article.publisher) : undefined;
  const outlet = metaContent(document, ['og:site_name']) ?? publisher ?? metaContent(document, ['application-name', 'publisher', 'dc.publisher']);
  if (outlet) meta.outlet = outlet;

  // URL: canonical link, og:url, JSON-LD url, the "saved from url" mark browsers put in saved pages.
  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? undefined;
  const url = [canonical, metaContent(document, ['og:url']), article && typeof article.url === 'string' ? article.url : undefined, savedFrom(html)]
    .map((u) => u?.trim())
    .find((u): u is string => !!u && /^https?:\/\//i.test(u));
  if (url) meta.url = url;

  const published = publishedDate(document, article, url);
  if (published) {
    meta.published = published.date;
    meta.publishedFrom = published.from;
  }

  const author = authorOf(document, article);
  if (author) meta.author = author;

  const paywalled = article?.isAccessibleForFree === false || article?.isAccessibleForFree === 'False' || article?.isAccessibleForFree === 'false';
  const ogType = metaContent(document, ['og:type'])?.toLowerCase();
  const isIndexType = ld.some((o) => types(o).some((t) => INDEX_TYPES.test(t))) && !article;
  const h1 = clean(document.querySelector('h1')?.textContent ?? '');
  const ogTitle = metaContent(document, ['og:title', 'twitter:title']);
  const ldHeadline = article && typeof article.headline === 'string' ? clean(article.headline) : undefined;

  // Headlines that are links to other pages: the mark of a front, section or search page.
  const linkedHeadings = document.querySelectorAll('h2 a[href], h3 a[href], h4 a[href]').length;

  // Nothing in the page runs, and nothing that is not text is worth reading.
  for (const el of Array.from(document.querySelectorAll('script, noscript, style, template, iframe, object, embed, svg, canvas'))) el.remove();

  let parsed: ReturnType<Readability<Node>['parse']> = null;
  try {
    parsed = new Readability<Node>(document as never, { serializer: (node) => node as unknown as Node, charThreshold: 300 }).parse();
  } catch {
    parsed = null; // a page Readability cannot read is simply not an article
  }
  if (!meta.outlet) {
    // "Headline - Outlet" in <title> when the headline is the page's own: the suffix names the outlet.
    const t = clean(document.title ?? '');
    const head = ogTitle ?? ldHeadline ?? h1;
    const m = head ? /^(.*\S)\s+[|\-–—·]\s+([^|\-–—·]{2,60})$/.exec(t) : null;
    if (m && same(m[1], head)) meta.outlet = m[2].trim();
  }
  const title = stripOutletSuffix(ogTitle ?? ldHeadline ?? (h1 || undefined) ?? clean(parsed?.title ?? ''), meta.outlet);
  if (title) meta.title = title;
  if (!meta.author && parsed?.byline) meta.author = cleanByline(parsed.byline);
  if (!meta.outlet && parsed?.siteName) meta.outlet = clean(parsed.siteName);

  const paragraphs = parsed?.content ? blocks(parsed.content as Node) : [];
  // The headline is given once, above the body: drop it (and the byline) when Readability kept them in the body.
  while (paragraphs.length && (same(paragraphs[0], title) || same(paragraphs[0], h1) || (meta.author && /^by\s/i.test(paragraphs[0]) && paragraphs[0].length < 120))) paragraphs.shift();
  const text = paragraphs.join('\n');
  const words = countWords(text);

  const wall = wallKind(html, text, words);
  if (wall === 'cookie') return { kind: 'not-article', meta, reason: `a cookie or consent wall: the page holds ${words} words of article text` };
  if ((paywalled || wall === 'paywall') && words < MIN_PAYWALLED_WORDS) {
    return { kind: 'not-article', meta, reason: `behind a paywall: the page holds only a teaser of ${words} words` };
  }
  // Small sites tag articles og:type=website too: that alone does not make a page an index; a list of linked
  // headlines (or mostly linked text) does.
  const listy = linkedHeadings >= 5 || linkShare(parsed?.content as Node | undefined) > 0.4;
  if ((isIndexType && (words < 400 || listy)) || (ogType === 'website' && !article && !published && listy)) {
    return { kind: 'not-article', meta, reason: 'an index or section page (a list of links to articles)' };
  }
  if (!parsed || words < MIN_ARTICLE_WORDS) {
    return { kind: 'not-article', meta, reason: words === 0 ? 'no article text could be extracted' : `too little article text to read (${words} words)` };
  }
  if (!title) return { kind: 'not-article', meta, reason: 'no headline or title found' };
  return { kind: 'article', meta, headline: title, paragraphs, words };
}

// ---------------------------------------------------------------------------------------------------------------
// Metadata helpers

type Json = Record<string, unknown>;

function metaContent(doc: Doc, names: string[]): string | undefined {
  for (const name of names) {
    for (const el of Array.from(doc.querySelectorAll('meta'))) {
      const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
      if (key !== name) continue;
      const value = clean(el.getAttribute('content') ?? '');
      if (value) return value;
    }
  }
  return undefined;
}

/** Every JSON-LD object in the page, @graph members and arrays flattened. Malformed blocks are ignored. */
function jsonLd(doc: Doc): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Json;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(el.textContent ?? ''), 0);
    } catch {
      // not JSON: publishers do ship broken blocks
    }
  }
  return out;
}

function types(o: Json): string[] {
  const t = o['@type'];
  return Array.isArray(t) ? t.map(String) : t ? [String(t)] : [];
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return clean(v) || undefined;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object' && typeof (v as Json).name === 'string') return clean((v as Json).name as string) || undefined;
  return undefined;
}

function authorOf(doc: Doc, article: Json | undefined): string | undefined {
  const fromLd = article ? nameOf(article.author) : undefined;
  if (fromLd && !/^https?:/i.test(fromLd)) return fromLd;
  for (const candidate of [metaContent(doc, ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author'])]) {
    if (candidate && !/^https?:/i.test(candidate)) return cleanByline(candidate);
  }
  const rel = doc.querySelector('[rel~="author"], [itemprop~="author"]');
  const text = rel ? clean(rel.textContent ?? '') : '';
  return text && text.length < 100 ? cleanByline(text) : undefined;
}

function cleanByline(s: string): string {
  return clean(s).replace(/^by\s+/i, '').replace(/\s*[|·]\s*.*$/, '').trim();
}

interface Dated {
  date: string;
  from: string;
}

function publishedDate(doc: Doc, article: Json | undefined, url: string | undefined): Dated | undefined {
  const fromMeta = (names: string[], what: string): Dated | undefined => {
    const v = metaContent(doc, names);
    const date = v ? isoDay(v) : undefined;
    return date ? { date, from: `${what} (${v})` } : undefined;
  };
  const ldDate = article && typeof article.datePublished === 'string' ? article.datePublished : undefined;
  const ldDay = ldDate ? isoDay(ldDate) : undefined;
  const timeEl = doc.querySelector('time[pubdate][datetime], [itemprop="datePublished"][datetime], article time[datetime], time[datetime]');
  const timeValue = timeEl?.getAttribute('datetime') ?? undefined;
  const timeDay = timeValue ? isoDay(timeValue) : undefined;
  return (
    fromMeta(['article:published_time'], 'article:published_time meta tag') ??
    (ldDay ? { date: ldDay, from: `JSON-LD ${types(article!).find((t) => ARTICLE_TYPES.test(t)) ?? 'Article'}.datePublished (${ldDate})` } : undefined) ??
    fromMeta(['datepublished', 'date', 'pubdate', 'publish-date', 'dc.date.issued', 'dc.date', 'parsely-pub-date', 'sailthru.date', 'og:published_time'], 'publication-date meta tag') ??
    (timeDay ? { date: timeDay, from: `<time datetime="${timeValue}">` } : undefined) ??
    urlDate(url)
  );
}

/** The calendar day at the start of an ISO 8601 date or date-time, as written (the publisher's own time zone). */
export function isoDay(value: string): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (!m) return undefined;
  return isValidDate(+m[1], +m[2], +m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** /2016/08/12/ or /20160812/ in a URL's path: a fallback that says what it is. */
export function urlDate(url: string | undefined): Dated | undefined {
  if (!url) return undefined;
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|$)/.exec(pathname) ?? /[/-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/-]|$)/.exec(pathname);
  if (!m) return undefined;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  if (!isValidDate(y, mo, d)) return undefined;
  return { date: `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, from: 'a date in the URL path only (the page gives no publication date)' };
}

/** "<!-- saved from url=(0042)https://… -->", which browsers write at the top of a saved page. */
function savedFrom(html: string): string | undefined {
  return /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096))?.[1];
}

function stripOutletSuffix(title: string, outlet: string | undefined): string {
  let t = clean(title);
  if (outlet) {
    const esc = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    t = t.replace(new RegExp(`\\s+[|\\-–—:·]\\s+${esc}\\s*$`, 'i'), '').replace(new RegExp(`^${esc}\\s+[|\\-–—:·]\\s+`, 'i'), '');
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// Walls, index pages

const PAYWALL = /\b(?:subscribe (?:now )?to (?:continue|keep) reading|subscribe to read|(?:already|are you) a subscriber|this (?:article|story|content) is (?:for|available to|reserved for) (?:paying )?(?:subscribers|members)|to continue reading,? (?:please )?(?:subscribe|log in|sign in)|unlock (?:this|the full) (?:article|story)|start your (?:free )?trial)\b/i;
const COOKIE_WALL = /\b(?:we (?:and our partners )?use cookies|accept (?:all )?cookies|cookie (?:settings|preferences|consent)|(?:manage|your) (?:privacy|consent) (?:choices|settings|preferences)|before you continue|consent to (?:the use of )?(?:cookies|personal data))\b/i;

function wallKind(html: string, text: string, words: number): 'paywall' | 'cookie' | undefined {
  if (words >= MIN_PAYWALLED_WORDS) return undefined;
  // The wall's own words are often in the page chrome, not the extracted text: look at the page's visible text too.
  const visible = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ');
  if (PAYWALL.test(text) || PAYWALL.test(visible)) return 'paywall';
  if (words < MIN_ARTICLE_WORDS && (COOKIE_WALL.test(text) || COOKIE_WALL.test(visible))) return 'cookie';
  return undefined;
}

/** The share of a content tree's text that sits inside links. */
function linkShare(root: Node | undefined): number {
  if (!root) return 0;
  const all = clean(root.textContent ?? '').length;
  if (!all) return 0;
  let linked = 0;
  for (const a of Array.from((root as Element).querySelectorAll?.('a') ?? [])) linked += clean(a.textContent ?? '').length;
  return linked / all;
}

// ---------------------------------------------------------------------------------------------------------------
// Readable text

const BLOCK = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'DT', 'DD', 'TD', 'TH', 'CAPTION']);
const CONTAINER = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'UL', 'OL', 'DL', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'FIGURE', 'BODY', 'HTML', 'DETAILS', 'CENTER', 'PICTURE']);

/** The article's paragraphs, one string each, in reading order. Text directly in a container becomes its own paragraph. */
function blocks(root: Node): string[] {
  const out: string[] = [];
  let loose = '';
  const flush = () => {
    const t = clean(loose);
    if (t) out.push(t);
    loose = '';
  };
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      loose += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toUpperCase();
    if (tag === 'BR') {
      loose += '\n';
      return;
    }
    if (BLOCK.has(tag)) {
      flush();
      const t = blockText(node);
      if (t) out.push(tag === 'LI' ? `- ${t}` : t);
      return;
    }
    if (CONTAINER.has(tag)) {
      flush();
      for (const child of Array.from(node.childNodes)) visit(child);
      flush();
      return;
    }
    loose += inlineText(node);
  };
  visit(root);
  flush();
  // A markdown reader must not mistake article text for markup.
  return out.map((p) => p.replace(/^(#+|>|\d+[.)])(\s)/, '\\$1$2'));
}

function blockText(node: Node): string {
  // A <br> inside a paragraph is a line break, not a new paragraph; keep the lines as one paragraph.
  return clean(inlineText(node));
}

function inlineText(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeType !== 1) return '';
  if (node.nodeName.toUpperCase() === 'BR') return ' ';
  let s = '';
  for (const child of Array.from(node.childNodes)) s += inlineText(child);
  // A nested block (a <p> in an <li>) is separated by a space, not glued to its neighbour.
  return BLOCK.has(node.nodeName.toUpperCase()) || CONTAINER.has(node.nodeName.toUpperCase()) ? ` ${s} ` : s;
}

function clean(s: string): string {
  return s.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ').replace(/[\u200b-\u200d\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

function same(a: string, b: string | undefined): boolean {
  return !!b && a.replace(/\W+/gu, ' ').trim().toLowerCase() === b.replace(/\W+/gu, ' ').trim().toLowerCase();
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
}

// ---------------------------------------------------------------------------------------------------------------
// The imported article file

export const IMPORT_MARK = 'checksum';

/**
 * The `.md` written for an article page: front matter (outlet, published and where that came from, url, title,
 * author, the page it came from, a checksum that tells a later import whether the reader has edited the file),
 * then the headline and the paragraphs.
 */
export function renderArticleMarkdown(result: Extract<PageResult, { kind: 'article' }>, source: string, version: string): string {
  const m = result.meta;
  const fields: Record<string, string> = {};
  if (m.outlet) fields.outlet = m.outlet;
  if (m.published) fields.published = m.published;
  if (m.publishedFrom) fields['published-from'] = m.publishedFrom;
  if (m.url) fields.url = m.url;
  if (m.title) fields.title = m.title;
  if (m.author) fields.author = m.author;
  fields.source = source;
  fields['imported-by'] = `sourcelens ${version}`;
  const head = stringify(fields, { lineWidth: 0 }).trimEnd();
  const body = `# ${result.headline}\n\n${result.paragraphs.join('\n\n')}\n`;
  const unsigned = `---\n${head}\n---\n\n${body}`;
  return withChecksum(unsigned);
}

const CHECKSUM_LINE = /^checksum: ([0-9a-f]{16}-[0-9a-z]+)\r?\n/m;

function withChecksum(unsigned: string): string {
  const sum = contentChecksum(unsigned);
  return unsigned.replace(/\n---\n/, `\n${IMPORT_MARK}: ${sum}\n---\n`);
}

/** What an imported file says about itself: the page it came from, and whether it is as Sourcelens wrote it. */
export function importedFileState(text: string): { source?: string; edited: boolean } {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!fm) return { edited: true };
  let source: string | undefined;
  try {
    const data: unknown = parse(fm[1]);
    const value = data && typeof data === 'object' ? (data as Record<string, unknown>).source : undefined;
    source = typeof value === 'string' ? value : undefined;
  } catch {
    source = undefined; // malformed front matter: not a file Sourcelens wrote
  }
  const sum = CHECKSUM_LINE.exec(text);
  if (!sum) return { source, edited: true };
  const unsigned = text.replace(CHECKSUM_LINE, '');
  return { source, edited: contentChecksum(unsigned) !== sum[1] };
}

function contentChecksum(text: string): string {
  // Line endings do not count as an edit (an editor or git may change them).
  return contentHashLocal(text.replace(/\r\n/g, '\n'));
}

// A local FNV-1a, the same shape as hash.ts's contentHash; kept here so an import checksum never changes when the
// cache key function does.
function contentHashLocal(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}-${s.length.toString(36)}`;
}

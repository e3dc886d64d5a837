// Turns one article's text (plus metadata from outside it) into structure: front matter, headline,
// boilerplate, paragraphs, sentences, tokens, publication date. Pure: no I/O, no editor types.

import { findBoilerplateLines, LineVerdict, wordCount } from './boilerplate';
import { contentHash } from './hash';
import { Line, splitLines } from './lines';
import { parseFrontMatter } from './metadata';
import { MAX_TOKEN_LENGTH, segmentInto, TokenColumns } from './nlp';
import { findPublicationDate } from './pubdate';
import {
  Article, ArticleInput, ArticleMeta, Boilerplate, Headline, InputProblem, MetaOrigin, META_FIELDS, Paragraph,
  PublicationDate, Sentence, TextRange, TokenTable,
} from './types';

/** The package version and a hash of every core source and rule pack, injected at build time
 *  (scripts/analyser-version.mjs): persistent caches key on it, so no number needs bumping by hand. */
export const ANALYSER_VERSION: string = __SOURCELENS_ANALYSER__;

/** A headline is a short line; a line ending in a full stop is the first paragraph unless it is very short. */
const HEADLINE_MAX_WORDS = 30;
const HEADLINE_SENTENCE_MAX_WORDS = 5;

// Regexes with \p{…} outside a character class are module constants: the bundler (esbuild) turns such literals into
// `new RegExp(…)` calls, which would build a fresh regex on every call of a hot loop.
const ENDS_IN_INITIAL_OR_ELLIPSIS = /(?:\b\p{Lu}\.|\.\.\.)$/u;
/** A wire dateline opens the body: "TEHRAN (Tasnim) - Iran's president …" */
const DATELINE = /^\p{Lu}[\p{Lu} ,.'-]{2,40}\s*(?:\([^)]{1,40}\))?\s*[-–—]\s/u;
const STARTS_LOWER_CASE = /^\p{Ll}/u;

export function parseArticle(input: ArticleInput): Article {
  const { text, uri } = input;
  const problems: InputProblem[] = [...(input.inputProblems ?? [])];
  const frontMatter = parseFrontMatter(text);
  if (frontMatter) problems.push(...frontMatter.problems);
  // Front matter that never closes has an empty range: its text is body text.
  const frontRange = frontMatter && frontMatter.range.end > 0 ? frontMatter.range : undefined;
  const { meta, metaOrigin } = mergeMeta(input.externalMeta, frontMatter?.meta);

  const bodyStart = frontRange?.end ?? 0;
  const lines = splitLines(text).filter((l) => l.start >= bodyStart);
  const verdicts = findBoilerplateLines(lines, text);
  const headlineLine = pickHeadline(lines, verdicts);
  const headline = headlineLine ? headlineOf(headlineLine) : undefined;
  if (headline) markRepeatedHeadline(lines, headlineLine!, verdicts);

  const boilerplate: Boilerplate[] = [];
  if (frontRange) boilerplate.push({ range: frontRange, kind: 'front-matter', rule: 'front-matter' });
  for (const line of lines) {
    const verdict = verdicts.get(line.index);
    if (verdict) boilerplate.push({ range: trimmedRange(line), kind: verdict.kind, rule: verdict.rule });
  }

  const blocks = withinBudget(paragraphBlocks(lines, verdicts, headlineLine), text, problems);
  const { paragraphs, sentences, tokens, problems: notProse } = segmentBlocks(text, blocks);
  for (const p of notProse) problems.push(p);
  const published = publicationDate(meta, metaOrigin, lines, verdicts);

  return {
    uri,
    name: fileName(uri),
    hash: inputHash(input),
    text,
    meta,
    metaOrigin,
    frontMatter: frontRange,
    headline,
    boilerplate,
    paragraphs,
    sentences,
    tokens,
    published,
    wordCount: paragraphs.reduce((n, p) => n + wordCount(text.slice(p.range.start, p.range.end)), 0),
    problems,
  };
}

/** Identifies an input exactly: same hash, same analysis. */
export function inputHash(input: ArticleInput): string {
  // The URI is part of it: an analysis names its article (accounts, findings), so two files with the same text
  // (one wire story saved twice) must not share one.
  return contentHash(ANALYSER_VERSION, input.uri, input.text, JSON.stringify(input.externalMeta ?? {}), JSON.stringify(input.inputProblems ?? []));
}

function mergeMeta(external: ArticleMeta | undefined, front: ArticleMeta | undefined) {
  const meta: ArticleMeta = {};
  const metaOrigin: Partial<Record<keyof ArticleMeta, MetaOrigin>> = {};
  for (const field of META_FIELDS) {
    // The article's own front matter wins over the folder's sources.yaml.
    if (front?.[field]) {
      meta[field] = front[field];
      metaOrigin[field] = 'front-matter';
    } else if (external?.[field]) {
      meta[field] = external[field];
      metaOrigin[field] = 'sources.yaml';
    }
  }
  return { meta, metaOrigin };
}

function pickHeadline(lines: Line[], verdicts: Map<number, LineVerdict>): Line | undefined {
  for (const line of lines) {
    const trimmed = line.text.trim();
    if (!trimmed) continue;
    const verdict = verdicts.get(line.index);
    // A title shown twice at the top of a page is still the headline.
    if (verdict && verdict.rule !== 'repeated-title') continue;
    const words = wordCount(trimmed.replace(/^#+\s*/, ''));
    if (words === 0) continue;
    if (words > HEADLINE_MAX_WORDS) return undefined;
    // Headlines do not end in a full stop; a first line that does is the lead sentence (abbreviations excepted),
    // unless it stands alone and reads as a headline (some archives end every line with one).
    if (/[.]$/.test(trimmed) && !ENDS_IN_INITIAL_OR_ELLIPSIS.test(trimmed) && words > HEADLINE_SENTENCE_MAX_WORDS && !headlineWithStop(lines, line, trimmed, words)) return undefined;
    if (/:$/.test(trimmed)) return undefined;
    // A wire dateline opens the body: "TEHRAN (Tasnim) - Iran's president …"
    if (DATELINE.test(trimmed)) return undefined;
    if (verdict) verdicts.delete(line.index);
    return line;
  }
  return undefined;
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'for', 'and', 'or', 'but', 'with', 'by', 'from', 'as', 'is', 'are', 'be', 'vs', 'via', 'over', 'into', 'up', 'after']);
const CAPITALISED_WORD = /^[\p{Lu}\d‘“'"(#$]/u;
const COLON_HEADLINE = /^[^:]{2,40}:\s/;
/** How a lead sentence opens: an article, a pronoun, a subordinate clause ("The police said …", "When he …"). */
const LEAD_OPENING = /^(?:A|An|The|This|That|These|Those|In|On|At|When|After|Before|If|It|It['’]s|He|She|They|We|I|There|Well|As|For|While|Although|Just|So|But|And)\b/u;
/** A lead is dated and told in the past; a headline is in the present ("Clinton wins primary", "Poll finds …"). */
const LEAD_TENSE = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|this (?:week|weekend|morning|afternoon|evening)|last (?:week|night|month|year)|said|says|told|was|were|had|has been|\w+ed)\b/iu;
/** Interface text at the top of a saved page ("Don’t miss …", "Click here …") is no headline. */
const UI_OPENING = /^(?:Don['’]t|Do not|Click|Subscribe|Sign|Follow|Read|Watch|Share|Log|Download)\b/iu;
const SENTENCE_INSIDE = /[.!?]["”’]?\s+["“‘]?\p{Lu}/u;

/**
 * A first line ending in a full stop that is still a headline (PolNeAR's archive and some CMS exports end every
 * line with one): one sentence standing alone, above a blank line, written in Title Case, as "Speaker: claim", or
 * as headlinese (no leading article or pronoun, present tense, no date word, at most 14 words). Leads of wire
 * stories ("An Atlanta judge sentenced … Saturday.") stay body text.
 */
function headlineWithStop(lines: Line[], line: Line, trimmed: string, words: number): boolean {
  if (words > 20 || UI_OPENING.test(trimmed)) return false;
  const next = lines.find((l) => l.index === line.index + 1);
  if (!next || next.text.trim() !== '') return false;
  const sentence = trimmed.slice(0, -1);
  if (SENTENCE_INSIDE.test(sentence)) return false;
  const content = sentence.split(/\s+/).filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  const titleCase = content.filter((w) => CAPITALISED_WORD.test(w)).length >= 0.75 * Math.max(1, content.length);
  if (titleCase || COLON_HEADLINE.test(trimmed)) return true;
  return words <= 14 && !LEAD_OPENING.test(trimmed) && !LEAD_TENSE.test(sentence);
}

function headlineOf(line: Line): Headline {
  const range = trimmedRange(line);
  const hashes = /^#+\s*/.exec(line.text.slice(range.start - line.start));
  if (hashes) range.start += hashes[0].length;
  return { range, text: line.text.slice(range.start - line.start, range.end - line.start) };
}

/** Later copies of the headline (page title repeated above the body, or at the foot of the page) are debris. */
function markRepeatedHeadline(lines: Line[], headline: Line, verdicts: Map<number, LineVerdict>): void {
  const key = headline.text.trim().replace(/^#+\s*/, '').toLowerCase();
  for (const line of lines) {
    if (line.index <= headline.index) continue;
    if (line.text.trim().replace(/^#+\s*/, '').toLowerCase() === key) {
      verdicts.set(line.index, { kind: 'repeated-headline', rule: 'repeated-headline' });
    }
  }
}

/**
 * Groups content lines into paragraphs. Saved pages put one paragraph per line with or without blank lines
 * between them, and some hard-wrap paragraphs: a line break continues the paragraph only when the line does
 * not end a sentence or the next one starts in lower case.
 */
function paragraphBlocks(lines: Line[], verdicts: Map<number, LineVerdict>, headline: Line | undefined): TextRange[] {
  const blocks: TextRange[] = [];
  let current: TextRange | undefined;
  let previous: Line | undefined;
  for (const line of lines) {
    const trimmed = line.text.trim();
    const isContent = trimmed.length > 0 && !verdicts.has(line.index) && line !== headline;
    if (!isContent) {
      if (current) blocks.push(current);
      current = undefined;
      previous = undefined;
      continue;
    }
    const range = trimmedRange(line);
    if (current && previous && continuesParagraph(previous.text.trim(), trimmed)) {
      current.end = range.end;
    } else {
      if (current) blocks.push(current);
      current = range;
    }
    previous = line;
  }
  if (current) blocks.push(current);
  return blocks;
}

function continuesParagraph(previous: string, next: string): boolean {
  if (/^#/.test(next)) return false;
  const endsSentence = /[.!?:;"”’)…]$/u.test(previous);
  return !endsSentence || STARTS_LOWER_CASE.test(next);
}

/** Marks of program code that prose hardly uses ("|" is left out: markdown tables are not code). */
const CODE_MARKS = new Set([...'{}[];=<>\\'].map((c) => c.charCodeAt(0)));
/** A paragraph at least this long whose visible characters are at least CODE_SHARE code marks is program code. */
const CODE_MIN_LENGTH = 1_000;
const CODE_SHARE = 0.1;

/**
 * Whether a paragraph is program code (a minified script left in a saved page): long, and a tenth of its visible
 * characters are braces, brackets, semicolons, equals or angle signs. Prose has a few in a thousand.
 */
export function looksLikeCode(text: string, block: TextRange): boolean {
  if (block.end - block.start < CODE_MIN_LENGTH) return false;
  let visible = 0;
  let marks = 0;
  for (let i = block.start; i < block.end; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20) continue;
    visible++;
    if (CODE_MARKS.has(code)) marks++;
  }
  return marks >= visible * CODE_SHARE;
}

/** One finding per paragraph with text that was not read as words: the first such stretch, its kind, and how many. */
function notProseProblem(kind: 'code' | 'run', ranges: TextRange[]): InputProblem {
  const first = ranges[0];
  const what =
    kind === 'code'
      ? `This paragraph (${first.end - first.start} characters) reads as program code (a tenth of it braces, brackets, semicolons or equals signs), not prose`
      : `${ranges.length === 1 ? 'A run' : `${ranges.length} runs`} of more than ${MAX_TOKEN_LENGTH} characters without a space (an encoded blob, a minified line, a long link)`;
  return {
    code: 'structure/not-prose',
    severity: 'information',
    message: `${what}: not read as words, so no names, figures or dates are found in ${kind === 'code' || ranges.length === 1 ? 'it' : 'them'}.`,
    range: { start: first.start, end: Math.min(first.end, first.start + 200) },
  };
}

/**
 * Paragraph text analysed per file at most. A news article is 2–50,000 characters; a file of megabytes is several
 * pages or a book, and every pass over it costs about 2.5 s of CPU per MB of prose (wink, chrono and the extractors),
 * so past this the paragraphs are left unread and a finding says so (issue 19: any 1 MB file in under 2 s).
 */
export const MAX_ANALYSED_CHARS = 250_000;

function withinBudget(blocks: TextRange[], text: string, problems: InputProblem[]): TextRange[] {
  let used = 0;
  for (let i = 0; i < blocks.length; i++) {
    const size = blocks[i].end - blocks[i].start;
    if (used + size <= MAX_ANALYSED_CHARS) {
      used += size;
      continue;
    }
    // The paragraph that crosses the budget is read up to its last sentence end (or space) within it.
    const block = blocks[i];
    const room = text.slice(block.start, block.start + MAX_ANALYSED_CHARS - used);
    const sentenceEnd = room.search(/[.!?]["”’)]?\s[^.!?]*$/u) + 1;
    const cut = sentenceEnd > 0 ? sentenceEnd : room.lastIndexOf(' ') > 0 ? room.lastIndexOf(' ') : room.length;
    const kept = blocks.slice(0, i);
    if (cut > 0) kept.push({ start: block.start, end: block.start + cut });
    const stop = block.start + cut;
    const total = used + blocks.slice(i).reduce((n, b) => n + b.end - b.start, 0);
    problems.push({
      code: 'structure/partly-analysed',
      severity: 'information',
      message: `This file holds ${thousands(total)} characters of paragraph text, more than one article: only the first ${thousands(MAX_ANALYSED_CHARS)} are analysed, and the analysis stops here. Split it into one file per article to have all of it read.`,
      range: { start: stop, end: Math.min(text.length, stop + 200) },
    });
    return kept;
  }
  return blocks;
}

const thousands = (n: number) => n.toLocaleString('en-US');

function segmentBlocks(text: string, blocks: TextRange[]) {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const problems: InputProblem[] = [];
  const columns: TokenColumns = { starts: [], ends: [], pos: [] };
  for (const block of blocks) {
    const firstSentence = sentences.length;
    if (looksLikeCode(text, block)) {
      problems.push(notProseProblem('code', [block]));
      continue;
    }
    const skipped: TextRange[] = [];
    const spans = segmentInto(text, block, columns, skipped);
    if (skipped.length) problems.push(notProseProblem('run', skipped));
    for (const s of spans) {
      sentences.push({ range: s.range, paragraph: paragraphs.length, firstToken: s.first, tokenCount: s.count });
    }
    if (sentences.length > firstSentence) {
      paragraphs.push({ range: block, firstSentence, sentenceCount: sentences.length - firstSentence });
    }
  }
  // new TypedArray(array) copies an array directly; TypedArray.from goes through its iterator.
  const tokens: TokenTable = { starts: new Uint32Array(columns.starts), ends: new Uint32Array(columns.ends), pos: new Uint8Array(columns.pos) };
  return { paragraphs, sentences, tokens, problems };
}

function publicationDate(
  meta: ArticleMeta,
  origin: Partial<Record<keyof ArticleMeta, MetaOrigin>>,
  lines: Line[],
  verdicts: Map<number, LineVerdict>,
): PublicationDate | undefined {
  if (meta.published) return { iso: meta.published, how: origin.published ?? 'sources.yaml' };
  const found = findPublicationDate(lines, (line) => verdicts.get(line.index)?.kind === 'date-line');
  if (!found) return undefined;
  return { iso: found.iso, how: 'text', range: found.range, evidence: found.evidence, ambiguous: found.ambiguous || undefined };
}

function trimmedRange(line: Line): TextRange {
  const lead = line.text.length - line.text.trimStart().length;
  const trail = line.text.length - line.text.trimEnd().length;
  return { start: line.start + lead, end: Math.max(line.start + lead, line.end - trail) };
}

export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

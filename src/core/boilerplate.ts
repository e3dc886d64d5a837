// Recognises page furniture (captions, share widgets, related links, UI strings in another script…) line by line.
// The rules are data (rules/boilerplate.yaml); this module only knows how to apply them.

import rulePack from './rules/boilerplate.yaml';
import { Line } from './lines';
import { BoilerplateKind } from './types';

interface RawRule {
  id: string;
  kind: BoilerplateKind;
  exact?: string[];
  pattern?: string;
  caseSensitive?: boolean;
  maxWords?: number;
  followers?: boolean;
}

interface RawPack {
  lineLimit: number;
  rules: RawRule[];
  foreignScript: { maxWords: number; minShare: number; articleLatinShare: number };
  captionNextToCredit: { maxWords: number };
  relatedFollowers: { maxLines: number; maxWords: number };
}

interface CompiledRule {
  id: string;
  kind: BoilerplateKind;
  exact?: Set<string>;
  pattern?: RegExp;
  maxWords?: number;
  followers: boolean;
}

const pack = rulePack as RawPack;
const rules: CompiledRule[] = pack.rules.map((r) => ({
  id: r.id,
  kind: r.kind,
  exact: r.exact ? new Set(r.exact.map(normaliseExact)) : undefined,
  pattern: r.pattern ? new RegExp(r.pattern, r.caseSensitive ? 'u' : 'iu') : undefined,
  maxWords: r.maxWords,
  followers: r.followers ?? false,
}));

export interface LineVerdict {
  kind: BoilerplateKind;
  rule: string;
}

function normaliseExact(line: string): string {
  return line
    .toLowerCase()
    .replace(/[\s\u00A0]+/g, ' ')
    .replace(/^[\s•·|>»›\-–—:]+|[\s•·|<«‹\-–—:.!?…]+$/g, '')
    .trim();
}

/** The longest key on any exact list: a line whose key would be longer is on none, and need not be normalised. */
const MAX_EXACT_KEY = Math.max(0, ...rules.flatMap((r) => [...(r.exact ?? [])].map((key) => key.length)));

/**
 * UTF-16 units normaliseExact may drop (the punctuation it strips at either end) or merge (whitespace). Every other
 * unit survives into the key (lower-casing never shortens a string nor turns a letter into one of these), so
 * counting them bounds the key's length.
 */
const DROPPABLE = /[\s\u00A0•·|<>«»‹›\-–—:.!?…]/;
/** DROPPABLE's answer per unit, filled as units are met: 0 not yet asked, 1 droppable, 2 kept. */
const droppable = new Uint8Array(0x10000);

function mayBeExactKey(trimmed: string): boolean {
  let kept = 0;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (droppable[c] === 0) droppable[c] = DROPPABLE.test(trimmed[i]) ? 1 : 2;
    if (droppable[c] === 2 && ++kept > MAX_EXACT_KEY) return false;
  }
  return true;
}

/** A word: a letter or number, then letters, numbers and the joiners ' ’ . - */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit, filled as met: 0 not yet asked, 1 letter or number, 2 joiner (' ’ . -), 3 neither. */
const wordClass = new Uint8Array(0x10000);

function classOf(c: number): number {
  let k = wordClass[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = c >= 0xd800 && c <= 0xdfff ? 3 : LETTER_OR_NUMBER.test(ch) ? 1 : "'’.-".includes(ch) ? 2 : 3;
    wordClass[c] = k;
  }
  return k;
}

/**
 * The number of WORD matches, counted without building them: it runs over every paragraph of every article.
 * A match starts at a letter or number outside a match and runs on through letters, numbers and joiners.
 * Surrogate pairs are read as one code point, as the 'u' flag does.
 */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let k: number;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      k = LETTER_OR_NUMBER.test(text.slice(i, i + 2)) ? 1 : 3;
      i++;
    } else {
      k = classOf(c);
    }
    if (inWord) inWord = k !== 3;
    else if (k === 1) {
      count++;
      inWord = true;
    }
  }
  return count;
}

/** wordCount as the regex it stands for (for tests). */
export function wordCountByRegex(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Matches one trimmed line against the rule pack. */
export function classifyLine(trimmed: string): LineVerdict | undefined {
  if (trimmed.length === 0 || trimmed.length > pack.lineLimit) return undefined;
  // Most lines are sentences far longer than any exact entry: skip lower-casing and normalising them.
  const exactKey = mayBeExactKey(trimmed) ? normaliseExact(trimmed) : undefined;
  let words = -1;
  for (const rule of rules) {
    const exactHit = exactKey !== undefined && (rule.exact?.has(exactKey) ?? false);
    if (!exactHit && !(rule.pattern?.test(trimmed) ?? false)) continue;
    if (rule.maxWords !== undefined) {
      if (words < 0) words = wordCount(trimmed);
      if (words > rule.maxWords) continue;
    }
    return { kind: rule.kind, rule: rule.id };
  }
  return undefined;
}

function isFollowerHeading(rule: string): boolean {
  return rules.some((r) => r.id === rule && r.followers);
}

interface ScriptCounts {
  latin: number;
  other: number;
}

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

function countScripts(text: string, limit = 200_000): ScriptCounts {
  const counts = { latin: 0, other: 0 };
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) counts.latin++;
      continue;
    }
    const ch = text[i];
    if (!LETTER.test(ch)) continue;
    if (LATIN.test(ch)) counts.latin++;
    else counts.other++;
  }
  return counts;
}

/**
 * Classifies every line. Besides the per-line rules this applies three contextual rules:
 * lines in a foreign script inside a Latin-script article, short lines next to a photo credit (captions),
 * and the short link titles under a "You might also like" heading.
 */
export function findBoilerplateLines(lines: Line[], text: string): Map<number, LineVerdict> {
  const verdicts = new Map<number, LineVerdict>();
  const article = countScripts(text);
  const latinArticle = article.latin / Math.max(1, article.latin + article.other) >= pack.foreignScript.articleLatinShare;

  for (const line of lines) {
    const trimmed = line.text.trim();
    if (!trimmed) continue;
    const verdict = classifyLine(trimmed);
    if (verdict) {
      verdicts.set(line.index, verdict);
      continue;
    }
    if (latinArticle && trimmed.length <= pack.lineLimit) {
      const counts = countScripts(trimmed);
      const letters = counts.latin + counts.other;
      if (letters > 0 && counts.other / letters >= pack.foreignScript.minShare && wordCount(trimmed) <= pack.foreignScript.maxWords) {
        verdicts.set(line.index, { kind: 'foreign-script-ui', rule: 'foreign-script' });
      }
    }
  }

  const nonBlank = lines.filter((l) => l.text.trim().length > 0);
  for (let i = 0; i < nonBlank.length; i++) {
    const verdict = verdicts.get(nonBlank[i].index);
    if (!verdict) continue;
    // Caption before its credit: "Bagheri meets with Erdogan" / "Photo: EPA".
    if (verdict.kind === 'photo-credit' && i > 0) {
      const previous = nonBlank[i - 1];
      if (!verdicts.has(previous.index) && isCaptionLike(previous.text)) {
        verdicts.set(previous.index, { kind: 'caption', rule: 'caption-before-credit' });
      }
    }
    // Link lists under a "You might also like" heading.
    if (isFollowerHeading(verdict.rule)) {
      for (let j = i + 1; j < nonBlank.length && j <= i + pack.relatedFollowers.maxLines; j++) {
        const follower = nonBlank[j];
        if (verdicts.has(follower.index)) continue;
        if (!isLinkTitle(follower.text)) break;
        verdicts.set(follower.index, { kind: 'related-links', rule: `${verdict.rule}-item` });
      }
    }
  }
  markRepeatedShortLines(nonBlank, verdicts);
  return verdicts;
}

function isCaptionLike(text: string): boolean {
  const trimmed = text.trim();
  return wordCount(trimmed) <= pack.captionNextToCredit.maxWords && !/[:]$/.test(trimmed);
}

function isLinkTitle(text: string): boolean {
  const trimmed = text.trim();
  return wordCount(trimmed) <= pack.relatedFollowers.maxWords && !/[.!?:"”]$/.test(trimmed);
}

/**
 * A short title-like line that occurs twice in a row (a video player's title above and below it) is widget debris.
 * Checked on adjacent non-blank lines only, so a headline quoted again at the end is left to the headline rule.
 */
function markRepeatedShortLines(nonBlank: Line[], verdicts: Map<number, LineVerdict>): void {
  for (let i = 1; i < nonBlank.length; i++) {
    const a = nonBlank[i - 1];
    const b = nonBlank[i];
    const text = a.text.trim();
    if (text !== b.text.trim() || verdicts.has(a.index) || verdicts.has(b.index)) continue;
    if (wordCount(text) > 15 || /[.!?]["”’]?$/.test(text)) continue;
    verdicts.set(a.index, { kind: 'caption', rule: 'repeated-title' });
    verdicts.set(b.index, { kind: 'caption', rule: 'repeated-title' });
  }
}

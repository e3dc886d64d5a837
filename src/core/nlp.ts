// Sentences, tokens and part-of-speech tags from wink-nlp (pure JS, measured in ../shared/recipes/nlp.md),
// mapped back to exact UTF-16 offsets in the original text.

import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { foldText } from './fold';
import { POS_TAGS, TextRange } from './types';

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | undefined;

/** wink's per-instance lexeme cache, as its feature functions see it (not part of wink's typed API). */
interface LexemeCache {
  lookup(text: string): number[] | null;
  intrinsicSize(): number;
}

function engine(): Wink {
  // Only sentence boundaries and POS tags are used: the default pipe's negation, sentiment and entity passes
  // cost a third of the time and change neither. One engine per thread, for the thread's life: the English model
  // re-serialises a module-level string each time an engine is made (its custom-entity loader), so a process can
  // make only a handful before that string overflows; the engine's word cache therefore grows with the words this
  // thread meets (workers exit when idle; the server's own thread sees only edits).
  nlp ??= winkNLP(modelWithStatelessLookup(), ['sbd', 'pos']);
  return nlp;
}

/**
 * wink adds every out-of-vocabulary word it meets to a cache shared by all documents, and its tokenizer asks that
 * cache whether a string is a known word: once "Reid's," has been seen in one article, "Reid's" is no longer split
 * in the next. Analyses then depend on which articles were read before, in which thread, so the CLI, the worker
 * pool and the persistent cache would disagree. The tokenizer's lookups are therefore answered from the model's
 * own lexicon only. wink has no option for this; its cache object reaches us as the third argument of the
 * model's feature functions, the one place it is handed out.
 */
function modelWithStatelessLookup(): typeof model {
  /** Per cache, the view the feature functions keep: they look up the words just added, so they need them all. */
  const fullViews = new WeakMap<LexemeCache, LexemeCache>();
  const fullView = (cache: LexemeCache): LexemeCache => {
    let view = fullViews.get(cache);
    if (!view) {
      const lookup = cache.lookup;
      const known = cache.intrinsicSize();
      view = Object.assign(Object.create(cache) as LexemeCache, { lookup });
      cache.lookup = (text) => {
        const found = lookup(text);
        return found && found.length === 1 && found[0] >= known ? null : found;
      };
      fullViews.set(cache, view);
    }
    return view;
  };
  const featureFn = (config: unknown) => {
    const features = (model as unknown as { featureFn(c: unknown): Record<string, (text: string, category: number, cache: LexemeCache) => unknown> }).featureFn(config);
    for (const [name, fn] of Object.entries(features)) features[name] = (text, category, cache) => fn(text, category, fullView(cache));
    return features;
  };
  return Object.assign(Object.create(null), model, { featureFn }) as typeof model;
}

const POS_INDEX = new Map<string, number>(POS_TAGS.map((t, i) => [t, i]));
const POS_X = POS_INDEX.get('X')!;

export interface SegmentedSentence {
  range: TextRange;
  tokens: { start: number; end: number; pos: number }[];
}

/** Token columns that segmentInto appends to (the article's token table, before it is packed). */
export interface TokenColumns {
  starts: number[];
  ends: number[];
  pos: number[];
}

/** A sentence found by segmentInto: its range and its tokens' span [first, first + count) in the columns. */
export interface SentenceSpan {
  range: TextRange;
  first: number;
  count: number;
}

/**
 * Splits one block of text (a paragraph) into sentences and tokens.
 * wink splits words at Latin Extended-A letters ("Erdo|ğ|an"), so it reads a one-for-one folded copy;
 * offsets found in the copy are valid in the original.
 */
export function segment(text: string, range: TextRange): SegmentedSentence[] {
  const columns: TokenColumns = { starts: [], ends: [], pos: [] };
  return segmentInto(text, range, columns).map((s) => ({
    range: s.range,
    tokens: columns.starts.slice(s.first, s.first + s.count).map((start, k) => ({ start, end: columns.ends[s.first + k], pos: columns.pos[s.first + k] })),
  }));
}

/**
 * segment, appending the tokens straight to the article's columns: no object per token (tens of millions on a
 * large corpus). A sentence's tokens are contiguous in the columns, and so are consecutive sentences'.
 */
export function segmentInto(text: string, range: TextRange, columns: TokenColumns): SentenceSpan[] {
  const slice = breakLongRuns(foldText(text.slice(range.start, range.end)));
  if (!slice.trim()) return [];
  const w = engine();
  const doc = w.readDoc(slice);
  const values = doc.tokens().out() as string[];
  const tags = doc.tokens().out(w.its.pos) as string[];
  const starts = new Array<number>(values.length);
  const ends = new Array<number>(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const at = locate(slice, values[i], cursor);
    starts[i] = range.start + at;
    ends[i] = range.start + (at >= cursor ? at + values[i].length : at);
    if (at >= cursor) cursor = at + values[i].length;
  }
  const sentences: SentenceSpan[] = [];
  const spans = doc.sentences().out(w.its.span) as unknown as [number, number][];
  for (const [first, last] of spans) {
    const from = columns.starts.length;
    for (let i = first; i <= last; i++) {
      if (ends[i] > starts[i]) {
        columns.starts.push(starts[i]);
        columns.ends.push(ends[i]);
        columns.pos.push(POS_INDEX.get(tags[i]) ?? POS_X);
      }
    }
    const count = columns.starts.length - from;
    if (count === 0) continue;
    sentences.push({ range: { start: columns.starts[from], end: columns.ends[from + count - 1] }, first: from, count });
  }
  return mergeDanglingClosers(sentences, text);
}

/**
 * The longest run of characters wink sees without a space. wink's tokenizer matches each space-separated chunk
 * against patterns that are quadratic in its length (a 100,000-character base64 blob or rule of dashes took
 * seconds to minutes); no word or URL in prose is this long, so a longer run is cut into pieces of this length.
 */
export const MAX_TOKEN_LENGTH = 100;

/** Characters wink's splitter splits on (its `splitter` pattern); any of them ends a run. */
function isSplitter(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xa0 || (code >= 0x2002 && code <= 0x2005) || code === 0x2009 || code === 0x200a || code === 0x202f || code === 0x205f;
}

/**
 * A run of this many punctuation marks ("''''", "-----", "=====", "#####") is a rule or debris, not prose: wink would
 * make a token of every mark. It is blanked in the copy wink reads, so it yields no tokens.
 */
export const MAX_PUNCTUATION_RUN = 64;

const PUNCTUATION_EXTRA = new Set([...'“”‘’«»‹›—–…•·'].map((c) => c.charCodeAt(0)));

function isPunctuation(code: number): boolean {
  if (code < 0x80) return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
  return PUNCTUATION_EXTRA.has(code);
}

/**
 * A one-for-one copy of the text (offsets stay valid) that wink can tokenise in linear time: a run of more than
 * MAX_TOKEN_LENGTH non-space characters gets a space after every MAX_TOKEN_LENGTH characters (a surrogate pair
 * becomes two spaces, never half of one), and a run of MAX_PUNCTUATION_RUN or more punctuation marks becomes spaces.
 */
export function breakLongRuns(text: string): string {
  let run = 0;
  let punctuationFrom = -1;
  let chars: string[] | undefined;
  const copy = (): string[] => (chars ??= Array.from({ length: text.length }, (_, k) => text[k]));
  const endPunctuation = (at: number) => {
    if (punctuationFrom >= 0 && at - punctuationFrom >= MAX_PUNCTUATION_RUN) {
      const c = copy();
      for (let k = punctuationFrom; k < at; k++) c[k] = ' ';
    }
    punctuationFrom = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isPunctuation(code)) {
      if (punctuationFrom < 0) punctuationFrom = i;
    } else endPunctuation(i);
    if (isSplitter(code)) {
      run = 0;
      continue;
    }
    if (++run <= MAX_TOKEN_LENGTH || (code >= 0xdc00 && code <= 0xdfff)) continue;
    const c = copy();
    c[i] = ' ';
    if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) c[++i] = ' ';
    run = 0;
  }
  endPunctuation(text.length);
  return chars ? chars.join('') : text;
}

/** Finds a token's text at or shortly after the cursor; wink skips whitespace only, so the window is small. */
function locate(slice: string, value: string, cursor: number): number {
  if (slice.startsWith(value, cursor)) return cursor;
  // Search a bounded window only: an unbounded indexOf for a token wink rewrote would scan the rest of the text
  // for every such token.
  const at = slice.slice(cursor, cursor + LOCATE_WINDOW + value.length).indexOf(value);
  if (at >= 0) return cursor + at;
  return cursor; // not found: a zero-length token at the cursor, dropped by the caller
}

const LOCATE_WINDOW = 64;

/**
 * A "sentence" that is only closing punctuation (a quote mark or bracket wink split off) belongs to the
 * sentence before it.
 */
function mergeDanglingClosers(sentences: SentenceSpan[], text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const s of sentences) {
    const body = text.slice(s.range.start, s.range.end);
    const previous = out[out.length - 1];
    if (previous && /^[\s"'”’»)\]]+$/u.test(body)) {
      previous.count += s.count; // the closer's tokens follow the previous sentence's in the columns
      previous.range = { start: previous.range.start, end: s.range.end };
    } else {
      out.push(s);
    }
  }
  return out;
}


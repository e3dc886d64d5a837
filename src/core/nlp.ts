// Sentences, tokens and part-of-speech tags from wink-nlp (pure JS, measured in ../shared/recipes/nlp.md),
// mapped back to exact UTF-16 offsets in the original text.

import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { foldText } from './fold';
import { POS_TAGS, TextRange } from './types';

type Wink = ReturnType<typeof winkNLP>;
/** Where the thread's engine lives: on globalThis, so that bundles loaded into one thread share it (the unit tests load
 *  one bundle per test file, each with its own copy of this module, and each engine made costs that string). */
const ENGINE = Symbol.for('sourcelens.wink-engine');

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
  const thread = globalThis as { [ENGINE]?: Wink };
  return (thread[ENGINE] ??= winkNLP(modelWithStatelessLookup(), ['sbd', 'pos']));
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
 * large corpus). A sentence's tokens are contiguous in the columns, and so are consecutive sentences'. `skipped`
 * receives the runs too long to be words (see MAX_TOKEN_LENGTH), which yield no tokens.
 */
export function segmentInto(text: string, range: TextRange, columns: TokenColumns, skipped?: TextRange[]): SentenceSpan[] {
  const runs: TextRange[] = [];
  const slice = breakLongRuns(foldText(text.slice(range.start, range.end)), runs);
  for (const r of runs) skipped?.push({ start: range.start + r.start, end: range.start + r.end });
  if (!slice.trim()) return [];
  const w = engine();
  const doc = w.readDoc(slice);
  const values = doc.tokens().out() as string[];
  const tags = doc.tokens().out(w.its.pos) as string[];
  // Typed arrays: `new Array(n)` of more than about 100,000 elements is a dictionary in V8, and a paragraph of minified
  // script has that many tokens (each read and write then cost a hash lookup: a fifth of the time on such a page).
  const starts = new Int32Array(values.length);
  const ends = new Int32Array(values.length);
  let cursor = 0;
  // Where the spaces after the cursor end, kept while the cursor stays put (tokens wink rewrote are not found and
  // leave it), so a long blanked stretch is crossed once.
  let spacesFrom = -1;
  let spacesEnd = 0;
  const afterSpaces = (from: number): number => {
    if (from !== spacesFrom) {
      spacesFrom = from;
      spacesEnd = from;
      while (spacesEnd < slice.length && isSplitter(slice.charCodeAt(spacesEnd))) spacesEnd++;
    }
    return spacesEnd;
  };
  for (let i = 0; i < values.length; i++) {
    const at = locate(slice, values[i], cursor, afterSpaces);
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
 * The longest run of characters wink reads without a space. wink's tokenizer matches each space-separated chunk
 * against patterns that are quadratic in its length, and makes a cache entry of every unknown chunk; no word in prose
 * is this long, so a longer run (a base64 blob, an encoded image, a minified line, a tracking URL) is not prose: it
 * is blanked in the copy wink reads (a closing full stop, quote or bracket at its end is kept, so the sentence still
 * ends there) and reported as skipped.
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

/** What may close a sentence at the end of a blanked run ("… see https://…/long-path."): kept for wink. */
const RUN_CLOSERS = new Set([...'.!?"”’)]'].map((c) => c.charCodeAt(0)));

/**
 * A one-for-one copy of the text (offsets stay valid) that wink can tokenise in linear time: a run of more than
 * MAX_TOKEN_LENGTH non-space characters becomes spaces (but for up to three closing marks at its end), and so does
 * a run of MAX_PUNCTUATION_RUN or more punctuation marks. `skipped` receives the long runs, as offsets in `text`.
 */
export function breakLongRuns(text: string, skipped?: TextRange[]): string {
  let punctuationFrom = -1;
  let runFrom = 0;
  let chars: string[] | undefined;
  const copy = (): string[] => (chars ??= Array.from({ length: text.length }, (_, k) => text[k]));
  const blank = (from: number, to: number) => {
    const c = copy();
    for (let k = from; k < to; k++) c[k] = ' ';
  };
  const endPunctuation = (at: number) => {
    if (punctuationFrom >= 0 && at - punctuationFrom >= MAX_PUNCTUATION_RUN) blank(punctuationFrom, at);
    punctuationFrom = -1;
  };
  const endRun = (at: number) => {
    if (at - runFrom > MAX_TOKEN_LENGTH) {
      let keep = at;
      while (keep > at - 3 && RUN_CLOSERS.has(text.charCodeAt(keep - 1))) keep--;
      blank(runFrom, keep);
      skipped?.push({ start: runFrom, end: at });
    }
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isPunctuation(code)) {
      if (punctuationFrom < 0) punctuationFrom = i;
    } else endPunctuation(i);
    if (isSplitter(code)) {
      endRun(i);
      runFrom = i + 1;
    }
  }
  endPunctuation(text.length);
  endRun(text.length);
  return chars ? chars.join('') : text;
}

/** Finds a token's text at or shortly after the cursor; wink skips whitespace only, so the window is small. */
function locate(slice: string, value: string, cursor: number, afterSpaces: (cursor: number) => number): number {
  if (slice.startsWith(value, cursor)) return cursor;
  // Past the spaces first: a blanked run (see breakLongRuns) can put the next token further than the window.
  const next = afterSpaces(cursor);
  if (next > cursor && slice.startsWith(value, next)) return next;
  // Search a bounded window only: an unbounded indexOf for a token wink rewrote would scan the rest of the text
  // for every such token.
  const at = slice.slice(cursor, cursor + LOCATE_WINDOW + value.length).indexOf(value);
  if (at >= 0) return cursor + at;
  return cursor; // not found: a zero-length token at the cursor, dropped by the caller
}

const LOCATE_WINDOW = 64;

const PLURAL_TITLE_END = /(?:^|\s)(?:Sens|Reps|Govs|Gens|Drs|Profs|Messrs|Mmes|Adms|Cols|Lts)\.$/u;

/**
 * Mends two places where wink ends a sentence too early: a "sentence" that is only closing punctuation (a quote mark
 * or bracket wink split off) belongs to the sentence before it, and a plural title before names does not end one.
 */
function mergeDanglingClosers(sentences: SentenceSpan[], text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const s of sentences) {
    const body = text.slice(s.range.start, s.range.end);
    const previous = out[out.length - 1];
    // A plural title before names ("Sens. Ted Cruz and Marco Rubio", "Reps. …") is no sentence end: wink ends one
    // there. When the title opens a sentence ("… voted against it. Reps. X and Y agreed"), its token moves to the next one
    // (a sentence's tokens are contiguous in the columns, so the last one of the previous is the next one's first).
    const title = previous && /^\s*\p{Lu}/u.test(body) ? PLURAL_TITLE_END.exec(text.slice(previous.range.start, previous.range.end)) : null;
    if (previous && title && previous.count > 1) {
      const titleStart = previous.range.start + title.index + title[0].length - title[0].trimStart().length;
      const before = text.slice(previous.range.start, titleStart).trimEnd();
      if (/[.!?]["”’)]?$/u.test(before)) {
        previous.count -= 1;
        previous.range = { start: previous.range.start, end: previous.range.start + before.length };
        out.push({ range: { start: titleStart, end: s.range.end }, first: s.first - 1, count: s.count + 1 });
        continue;
      }
    }
    if (previous && (title || /^[\s"'”’»)\]]+$/u.test(body))) {
      previous.count += s.count; // the closer's tokens follow the previous sentence's in the columns
      previous.range = { start: previous.range.start, end: s.range.end };
    } else {
      out.push(s);
    }
  }
  return out;
}


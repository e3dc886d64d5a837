// Sentences, tokens and part-of-speech tags from wink-nlp (pure JS, measured in ../shared/recipes/nlp.md),
// mapped back to exact UTF-16 offsets in the original text.

import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { foldText } from './fold';
import { POS_TAGS, TextRange } from './types';

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | undefined;

function engine(): Wink {
  nlp ??= winkNLP(model);
  return nlp;
}

const POS_INDEX = new Map<string, number>(POS_TAGS.map((t, i) => [t, i]));

export interface SegmentedSentence {
  range: TextRange;
  tokens: { start: number; end: number; pos: number }[];
}

/**
 * Splits one block of text (a paragraph) into sentences and tokens.
 * wink splits words at Latin Extended-A letters ("Erdo|ğ|an"), so it reads a one-for-one folded copy;
 * offsets found in the copy are valid in the original.
 */
export function segment(text: string, range: TextRange): SegmentedSentence[] {
  const slice = foldText(text.slice(range.start, range.end));
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
  const sentences: SegmentedSentence[] = [];
  const spans = doc.sentences().out(w.its.span) as unknown as [number, number][];
  for (const [first, last] of spans) {
    const tokens = [];
    for (let i = first; i <= last; i++) {
      if (ends[i] > starts[i]) tokens.push({ start: starts[i], end: ends[i], pos: POS_INDEX.get(tags[i]) ?? POS_INDEX.get('X')! });
    }
    if (tokens.length === 0) continue;
    sentences.push({ range: { start: tokens[0].start, end: tokens[tokens.length - 1].end }, tokens });
  }
  return mergeDanglingClosers(sentences, text);
}

/** Finds a token's text at or shortly after the cursor; wink skips whitespace only, so the window is small. */
function locate(slice: string, value: string, cursor: number): number {
  if (slice.startsWith(value, cursor)) return cursor;
  const at = slice.indexOf(value, cursor);
  if (at >= 0 && at - cursor < 64) return at;
  return cursor; // not found: a zero-length token at the cursor, dropped by the caller
}

/**
 * A "sentence" that is only closing punctuation (a quote mark or bracket wink split off) belongs to the
 * sentence before it.
 */
function mergeDanglingClosers(sentences: SegmentedSentence[], text: string): SegmentedSentence[] {
  const out: SegmentedSentence[] = [];
  for (const s of sentences) {
    const body = text.slice(s.range.start, s.range.end);
    const previous = out[out.length - 1];
    if (previous && /^[\s"'”’»)\]]+$/u.test(body)) {
      previous.tokens.push(...s.tokens);
      previous.range = { start: previous.range.start, end: s.range.end };
    } else {
      out.push(s);
    }
  }
  return out;
}

/** Warms the model up (a one-off ~60 ms load) so the first real request does not pay for it. */
export function warmUp(): void {
  engine().readDoc('Ready.');
}

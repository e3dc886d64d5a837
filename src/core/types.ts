// Plain data produced by the analysis core. No editor or protocol types here: the server and the CLI
// adapt these to LSP and to text/JSON/SARIF respectively.

/** A half-open range of UTF-16 code-unit offsets into an article's text (what JS strings and LSP count). */
export interface TextRange {
  start: number;
  end: number;
}

import type { RuleCode, Severity } from './rules';

export type { RuleCode, Severity } from './rules';

/** What is known about an article besides its text. Every field is optional: unknown outlets and dates are normal. */
export interface ArticleMeta {
  outlet?: string;
  /** ISO calendar date, YYYY-MM-DD. */
  published?: string;
  url?: string;
  title?: string;
  author?: string;
}

export type MetaField = keyof ArticleMeta;
export const META_FIELDS: readonly MetaField[] = ['outlet', 'published', 'url', 'title', 'author'];

/** Where a metadata value came from, so the reader can judge it (and fix it in the right place). */
export type MetaOrigin = 'front-matter' | 'sources.yaml' | 'text';

/** A problem with the input itself (encoding, size, malformed metadata), reported as a finding. */
export interface InputProblem {
  code: RuleCode;
  message: string;
  severity: Severity;
  range?: TextRange;
}

/** Everything the core needs to analyse one article. */
export interface ArticleInput {
  /** Normalised document URI: the stable key of the article everywhere. */
  uri: string;
  text: string;
  /** Metadata from outside the text (sources.yaml); front matter inside the text is parsed by the core. */
  externalMeta?: ArticleMeta;
  /** Problems found before the core saw the text (decoding, size). */
  inputProblems?: InputProblem[];
}

export type BoilerplateKind =
  | 'caption'
  | 'photo-credit'
  | 'share-widget'
  | 'advertisement'
  | 'related-links'
  | 'comments-prompt'
  | 'foreign-script-ui'
  | 'byline'
  | 'copyright'
  | 'tags'
  | 'date-line'
  | 'repeated-headline'
  | 'front-matter';

export interface Boilerplate {
  range: TextRange;
  kind: BoilerplateKind;
  /** The rule that recognised it (an id from the boilerplate rule pack, or a structural rule). */
  rule: string;
}

export interface Headline {
  range: TextRange;
  text: string;
}

export interface Paragraph {
  range: TextRange;
  /** Index of the first sentence of this paragraph in Article.sentences, and how many it has. */
  firstSentence: number;
  sentenceCount: number;
}

export interface Sentence {
  range: TextRange;
  paragraph: number;
  /** Index of the first token in Article.tokens, and how many it has. */
  firstToken: number;
  tokenCount: number;
}

/**
 * Tokens in column form: one entry per token across the article. Typed arrays keep a 10,000-article index small
 * and make the per-article result cheap to cache and to send to a worker.
 */
export interface TokenTable {
  starts: Uint32Array;
  ends: Uint32Array;
  /** Index into POS_TAGS. */
  pos: Uint8Array;
}

export const POS_TAGS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ',
  'SYM', 'VERB', 'X', 'SPACE',
] as const;

export type PublicationDateHow = MetaOrigin;

export interface PublicationDate {
  /** YYYY-MM-DD */
  iso: string;
  how: PublicationDateHow;
  /** For dates found in the text: where, and the words that gave it away. */
  range?: TextRange;
  evidence?: string;
  /** Set when a numeric date could be read two ways (e.g. 03.04.17) and one reading was chosen. */
  ambiguous?: boolean;
}

export interface Article {
  uri: string;
  /** File name, for messages ("the Euronews article 002-….txt"). */
  name: string;
  /** Content hash of text + external metadata: the cache key. */
  hash: string;
  text: string;
  meta: ArticleMeta;
  metaOrigin: Partial<Record<keyof ArticleMeta, MetaOrigin>>;
  frontMatter?: TextRange;
  headline?: Headline;
  boilerplate: Boilerplate[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: TokenTable;
  published?: PublicationDate;
  wordCount: number;
  problems: InputProblem[];
}

export interface RelatedLocation {
  uri: string;
  range: TextRange;
  message: string;
}

/** A quick fix the server can turn into a workspace edit. Kept abstract so the core stays editor-free. */
export type FixIntent = { kind: 'add-publication-date'; uri: string; date?: string };

export interface Finding {
  /** Stable rule code, e.g. `structure/no-date`: one of the registry (rules.ts). */
  code: RuleCode;
  severity: Severity;
  message: string;
  uri: string;
  range: TextRange;
  related: RelatedLocation[];
  /** Marks text the analysis deliberately ignores: editors render it faded. */
  unnecessary?: boolean;
  fixes?: FixIntent[];
}

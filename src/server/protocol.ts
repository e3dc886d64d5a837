// Custom LSP messages, shared by the server and the VS Code client (plain types and names only).
// Documented in the README so other editors and scripts can use them.

export const METHODS = {
  /** Request, no params -> ArticleSummary[]: every article in the corpus with its metadata. */
  corpus: 'sourcelens/corpus',
  /** Request, no params -> { articles: number }: re-reads the whole corpus from disk. */
  reindex: 'sourcelens/reindex',
  /** Notification from the server: the corpus or its findings changed. */
  corpusChanged: 'sourcelens/corpusChanged',
} as const;

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface ArticleSummary {
  uri: string;
  name: string;
  outlet: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  publishedFrom: 'front-matter' | 'sources.yaml' | 'text' | null;
  headline: string | null;
  headlineRange: LspRange | null;
  wordCount: number;
  boilerplate: number;
  findings: { error: number; warning: number; information: number; hint: number };
  problems: string[];
}

export interface CorpusChangedParams {
  articles: number;
  findings: number;
  indexing: boolean;
}

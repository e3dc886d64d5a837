// The one cross-document index. Articles are added, replaced and removed one at a time; per-article analysis is
// cached by content hash, and corpus-wide findings are recomputed lazily only after something changed.

import { inputHash, parseArticle } from './article';
import { levelFor, RuleSettings } from './config';
import { structureFindings } from './findings/structure';
import { Article, ArticleInput, Finding } from './types';

/** A rule that looks at one article at a time. */
export type ArticleRule = (article: Article) => Finding[];

/** A rule that compares articles; it sees the whole corpus and returns findings for any article. */
export type CorpusRule = (corpus: Corpus) => Finding[];

const ARTICLE_RULES: ArticleRule[] = [structureFindings];
const CORPUS_RULES: CorpusRule[] = [];

export interface UpdateResult {
  article: Article;
  /** False when the text and metadata were identical to what was indexed: nothing needs recomputing. */
  changed: boolean;
}

export class Corpus {
  private readonly articles = new Map<string, Article>();
  private readonly articleFindings = new Map<string, Finding[]>();
  private corpusFindings: Map<string, Finding[]> | undefined;
  private rules: RuleSettings = {};
  private revision = 0;

  /** Increases on every change; consumers use it to know when cached views are stale. */
  get version(): number {
    return this.revision;
  }

  get size(): number {
    return this.articles.size;
  }

  setRules(rules: RuleSettings): void {
    this.rules = { ...rules };
    this.revision++;
  }

  update(input: ArticleInput): UpdateResult {
    const existing = this.articles.get(input.uri);
    if (existing && existing.hash === inputHash(input)) return { article: existing, changed: false };
    const article = parseArticle(input);
    this.put(article);
    return { article, changed: true };
  }

  /** Adds an article analysed elsewhere (a worker thread, the persistent cache). */
  put(article: Article): void {
    this.articles.set(article.uri, article);
    this.articleFindings.set(article.uri, ARTICLE_RULES.flatMap((rule) => rule(article)));
    this.corpusFindings = undefined;
    this.revision++;
  }

  remove(uri: string): boolean {
    const removed = this.articles.delete(uri);
    this.articleFindings.delete(uri);
    if (removed) {
      this.corpusFindings = undefined;
      this.revision++;
    }
    return removed;
  }

  has(uri: string): boolean {
    return this.articles.has(uri);
  }

  get(uri: string): Article | undefined {
    return this.articles.get(uri);
  }

  /** Articles in a stable order (by URI), so output and ids are deterministic. */
  list(): Article[] {
    return [...this.articles.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  uris(): string[] {
    return this.list().map((a) => a.uri);
  }

  /** Findings for one article, with the user's rule levels applied. */
  findings(uri: string): Finding[] {
    const own = this.articleFindings.get(uri) ?? [];
    const cross = this.crossFindings().get(uri) ?? [];
    return this.applyLevels([...own, ...cross]);
  }

  allFindings(): Map<string, Finding[]> {
    const all = new Map<string, Finding[]>();
    for (const uri of this.uris()) all.set(uri, this.findings(uri));
    return all;
  }

  private crossFindings(): Map<string, Finding[]> {
    if (!this.corpusFindings) {
      const byUri = new Map<string, Finding[]>();
      for (const rule of CORPUS_RULES) {
        for (const finding of rule(this)) {
          const list = byUri.get(finding.uri) ?? [];
          list.push(finding);
          byUri.set(finding.uri, list);
        }
      }
      this.corpusFindings = byUri;
    }
    return this.corpusFindings;
  }

  private applyLevels(findings: Finding[]): Finding[] {
    const out: Finding[] = [];
    for (const f of findings) {
      const level = levelFor(f.code, f.severity, this.rules);
      if (level === 'off') continue;
      out.push(level === f.severity ? f : { ...f, severity: level });
    }
    return out.sort((a, b) => a.range.start - b.range.start || a.code.localeCompare(b.code));
  }
}

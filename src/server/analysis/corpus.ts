// The one cross-document index. Articles are added, replaced and removed one at a time; per-article analysis is
// cached by content hash, and corpus-wide findings are recomputed lazily only after something changed.

import { inputHash } from './article';
import { analyse, Analysis } from './analyse';
import { levelFor, RuleSettings } from './config';
import { structureFindings } from './findings/structure';
import { headlineFindings, headlineOverstated } from './findings/headlines';
import { MeetingIndex } from './meetings/cluster';
import { anchorInconsistencies, impossibleDates, looseFigureConflicts, meetingConflicts } from './findings/accounts';
import { entityFindings, titleMissing } from './people/findings';
import { EntityIndex } from './people/identity';
import { EMPTY_KNOWLEDGE, Knowledge } from './people/knowledge';
import { quoteVariantFindings, sourcingFindings } from './sourcing/findings';
import { loadedTermFindings } from './sourcing/loaded';
import { fingerprint } from './suppressions';
import { Article, ArticleInput, Finding } from './types';

/** A rule that looks at one article at a time. */
export type ArticleRule = (analysis: Analysis) => Finding[];

/** A rule that compares articles; it sees the whole corpus and returns findings for any article. */
export type CorpusRule = (corpus: Corpus) => Finding[];

const ARTICLE_RULES: ArticleRule[] = [(a) => structureFindings(a.article), headlineFindings, headlineOverstated, sourcingFindings];
const CORPUS_RULES: CorpusRule[] = [meetingConflicts, looseFigureConflicts, anchorInconsistencies, impossibleDates, entityFindings, titleMissing, (c) => quoteVariantFindings(c.all()), loadedTermFindings];

export interface UpdateResult {
  analysis: Analysis;
  /** False when the text and metadata were identical to what was indexed: nothing needs recomputing. */
  changed: boolean;
}

export class Corpus {
  private readonly analyses = new Map<string, Analysis>();
  private readonly articleFindings = new Map<string, Finding[]>();
  private corpusFindings: Map<string, Finding[]> | undefined;
  /** The last corpus-wide findings computed, kept while a change waits for the next (batched) recomputation. */
  private staleCorpusFindings = new Map<string, Finding[]>();
  private rules: RuleSettings = {};
  private readonly meetingIndex = new MeetingIndex();
  private readonly entityIndex = new EntityIndex();
  private knowledgeBase: Knowledge = EMPTY_KNOWLEDGE;
  /** uri -> rule -> fingerprints the reader chose to ignore. */
  private suppressed = new Map<string, Map<string, Set<string>>>();
  /** Articles changed since the meeting index was last brought up to date. */
  private readonly meetingsPending = new Set<string>();
  private revision = 0;

  /** Increases on every change; consumers use it to know when cached views are stale. */
  get version(): number {
    return this.revision;
  }

  get size(): number {
    return this.analyses.size;
  }

  setRules(rules: RuleSettings): void {
    this.rules = { ...rules };
    this.revision++;
  }

  update(input: ArticleInput): UpdateResult {
    const existing = this.analyses.get(input.uri);
    if (existing && existing.article.hash === inputHash(input)) return { analysis: existing, changed: false };
    const analysis = analyse(input);
    this.put(analysis);
    return { analysis, changed: true };
  }

  /** Whether the corpus already holds the analysis of exactly this input. */
  isCurrent(input: ArticleInput): boolean {
    return this.analyses.get(input.uri)?.article.hash === inputHash(input);
  }

  /** Adds an article analysed elsewhere (a worker thread, the persistent cache). */
  put(analysis: Analysis): void {
    const uri = analysis.article.uri;
    this.analyses.set(uri, analysis);
    this.articleFindings.set(uri, ARTICLE_RULES.flatMap((rule) => rule(analysis)));
    this.meetingsPending.add(uri);
    this.entityIndex.update(uri, analysis.mentions);
    this.corpusFindings = undefined;
    this.revision++;
  }

  remove(uri: string): boolean {
    const removed = this.analyses.delete(uri);
    this.articleFindings.delete(uri);
    if (removed) {
      this.meetingsPending.add(uri);
      this.entityIndex.remove(uri);
    }
    if (removed) {
      this.corpusFindings = undefined;
      this.revision++;
    }
    return removed;
  }

  has(uri: string): boolean {
    return this.analyses.has(uri);
  }

  get(uri: string): Article | undefined {
    return this.analyses.get(uri)?.article;
  }

  analysis(uri: string): Analysis | undefined {
    return this.analyses.get(uri);
  }

  /** Articles in a stable order (by URI), so output and ids are deterministic. */
  list(): Article[] {
    return this.all().map((a) => a.article);
  }

  /** Every analysis, in the same stable order. */
  all(): Analysis[] {
    return [...this.analyses.values()].sort((a, b) => (a.article.uri < b.article.uri ? -1 : a.article.uri > b.article.uri ? 1 : 0));
  }

  uris(): string[] {
    return this.list().map((a) => a.uri);
  }

  /**
   * The meetings of the corpus, brought up to date first: a few changed articles are re-clustered incrementally;
   * a large batch (a cold index) is re-clustered from scratch, so the result never depends on arrival order.
   */
  meetings(): MeetingIndex {
    if (this.meetingsPending.size === 0) return this.meetingIndex;
    const batch = this.meetingsPending.size > Math.max(20, this.analyses.size / 10);
    for (const uri of [...this.meetingsPending].sort()) {
      const analysis = this.analyses.get(uri);
      if (!analysis) {
        if (batch) this.meetingIndex.unstage(uri);
        else this.meetingIndex.remove(uri);
      } else if (batch) this.meetingIndex.stage(uri, analysis.accounts, analysis.article.published?.iso);
      else this.meetingIndex.update(uri, analysis.accounts, analysis.article.published?.iso);
    }
    if (batch) this.meetingIndex.rebuild();
    this.meetingsPending.clear();
    return this.meetingIndex;
  }

  /** Findings the reader ignored (sourcelens.suppressions.yaml), already resolved to article URIs. */
  setSuppressions(entries: { uri: string; rule: string; fingerprint: string }[]): void {
    this.suppressed = new Map();
    for (const e of entries) {
      let rules = this.suppressed.get(e.uri);
      if (!rules) this.suppressed.set(e.uri, (rules = new Map()));
      let prints = rules.get(e.rule);
      if (!prints) rules.set(e.rule, (prints = new Set()));
      prints.add(e.fingerprint);
    }
    this.revision++;
  }

  /** The reader's knowledge file (aliases, roles with dates); empty when there is none. */
  setKnowledge(knowledge: Knowledge): void {
    this.knowledgeBase = knowledge;
    this.entityIndex.setAliases(knowledge.aliasKeys, knowledge.distinct);
    this.corpusFindings = undefined;
    this.revision++;
  }

  get knowledge(): Knowledge {
    return this.knowledgeBase;
  }

  /** Who is who across the corpus (rebuilt lazily after changes). */
  entities(): EntityIndex {
    return this.entityIndex;
  }

  /**
   * The article's own findings now, with its cross-document findings as last computed: what an editor shows at once
   * after a keystroke, before the batched corpus-wide pass catches up.
   */
  quickFindings(uri: string): Finding[] {
    const own = this.articleFindings.get(uri) ?? [];
    const cross = (this.corpusFindings ?? this.staleCorpusFindings).get(uri) ?? [];
    return this.applyLevels([...own, ...cross]);
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
      this.staleCorpusFindings = byUri;
    }
    return this.corpusFindings;
  }

  private applyLevels(findings: Finding[]): Finding[] {
    const out: Finding[] = [];
    for (const f of findings) {
      const level = levelFor(f.code, f.severity, this.rules);
      if (level === 'off') continue;
      const prints = this.suppressed.get(f.uri)?.get(f.code);
      if (prints) {
        const text = this.analyses.get(f.uri)?.article.text;
        if (text !== undefined && prints.has(fingerprint(text.slice(f.range.start, f.range.end)))) continue;
      }
      // Messages quote article text: one line, whatever the text's line breaks, so every output format stays intact.
      const message = /\s\s|[\r\n\t]/.test(f.message) ? f.message.replace(/\s+/g, ' ') : f.message;
      out.push(level === f.severity && message === f.message ? f : { ...f, severity: level, message });
    }
    return out.sort((a, b) => a.range.start - b.range.start || a.code.localeCompare(b.code));
  }
}

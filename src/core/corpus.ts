// The one cross-document index. Articles are added, replaced and removed one at a time; per-article analysis is
// cached by content hash, and cross-document findings are re-checked only for the partitions a change touched
// (see partitions.ts). The corpus also remembers which articles' findings changed, so a server re-sends only those.

import { inputHash } from './article';
import { analyse, Analysis } from './analyse';
import { levelFor, RuleSettings } from './config';
import { MeetingIndex } from './meetings/cluster';
import { anchorInconsistencies, looseFigureConflicts, meetingConflicts } from './findings/accounts';
import { eventFigureConflicts } from './findings/events';
import { EventIndex } from './events/cluster';
import { entityRule } from './people/findings';
import { EntityIndex } from './people/identity';
import { EMPTY_KNOWLEDGE, Knowledge } from './people/knowledge';
import { Figure } from './figures/extract';
import { FindingStore, IndexedRule, PartitionedRule, PartitionMember, Partitions } from './partitions';
import { QuoteEntry, quoteVariantRule } from './sourcing/findings';
import { loadedTermRule } from './sourcing/loaded';
import { fingerprint } from './suppressions';
import { Article, ArticleInput, Finding } from './types';
import { groupBy } from './groups';
import type { CorpusView } from './view';

const INDEXED_RULES: IndexedRule[] = [meetingConflicts, eventFigureConflicts, entityRule];

/** Figures by the noun they count, for the figure hover's "same quantity elsewhere". */
function figuresByNoun(analysis: Analysis): Map<string, Figure[]> {
  return groupBy(analysis.figures.filter((f) => f.counted), (f) => f.counted!);
}

export interface UpdateResult {
  analysis: Analysis;
  /** False when the text and metadata were identical to what was indexed: nothing needs recomputing. */
  changed: boolean;
}

export class Corpus implements CorpusView {
  private readonly analyses = new Map<string, Analysis>();
  private sortedUris: string[] | undefined;
  private readonly quotes = new Partitions(quoteVariantRule.contribute);
  private readonly partitioned: { rule: PartitionedRule<unknown>; parts: Partitions<unknown> }[] = [
    { rule: quoteVariantRule as PartitionedRule<unknown>, parts: this.quotes as Partitions<unknown> },
    ...[loadedTermRule, looseFigureConflicts, anchorInconsistencies].map((rule) => ({ rule: rule as PartitionedRule<unknown>, parts: new Partitions<unknown>(rule.contribute) })),
  ];
  private readonly figures = new Partitions(figuresByNoun, false);
  private readonly crossFindings = new FindingStore();
  /** Whether something changed since the cross-document findings were last brought up to date. */
  private stale = false;
  /** Articles whose findings (own or cross-document) may have changed since takeChangedUris() was last called. */
  private changedUris = new Set<string>();
  /** Everything changed (rule levels, suppressions): every article counts as changed. */
  private allChanged = false;
  private rules: RuleSettings = {};
  private readonly meetingIndex = new MeetingIndex();
  private readonly entityIndex = new EntityIndex();
  private knowledgeBase: Knowledge = EMPTY_KNOWLEDGE;
  /** uri -> rule -> fingerprints the reader chose to ignore. */
  private suppressed = new Map<string, Map<string, Set<string>>>();
  private deferred = false;
  /** Articles changed since the meeting index was last brought up to date. */
  private readonly meetingsPending = new Set<string>();
  private readonly eventIndex = new EventIndex();
  /** Articles changed since the event index was last brought up to date. */
  private readonly eventsPending = new Set<string>();
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
    this.everythingChanged();
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
    if (!this.analyses.has(uri)) this.sortedUris = undefined;
    this.analyses.set(uri, analysis);
    for (const { parts } of this.partitioned) parts.put(analysis);
    this.figures.put(analysis);
    this.meetingsPending.add(uri);
    this.eventsPending.add(uri);
    this.entityIndex.update(uri, analysis.mentions);
    this.changed(uri);
  }

  remove(uri: string): boolean {
    if (!this.analyses.delete(uri)) return false;
    this.sortedUris = undefined;
    for (const { parts } of this.partitioned) parts.remove(uri);
    this.figures.remove(uri);
    this.meetingsPending.add(uri);
    this.eventsPending.add(uri);
    this.entityIndex.remove(uri);
    this.changed(uri);
    return true;
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
    return this.uris().map((uri) => this.analyses.get(uri)!);
  }

  uris(): string[] {
    this.sortedUris ??= [...this.analyses.keys()].sort();
    return [...this.sortedUris];
  }

  /** The quotations one speaker is quoted with across the corpus (for the quote hover's other versions). */
  quotesBy(speakerKey: string): PartitionMember<QuoteEntry>[] {
    return this.quotes.members(speakerKey, (uri) => this.analyses.get(uri));
  }

  /** Every figure that counts this noun, by article in URI order. */
  figuresCounting(noun: string): PartitionMember<Figure>[] {
    return this.figures.members(noun, (uri) => this.analyses.get(uri));
  }

  /**
   * The meetings of the corpus, brought up to date first: a few changed articles are re-clustered incrementally;
   * a large batch (a cold index) is re-clustered from scratch, so the result never depends on arrival order.
   */
  meetings(): MeetingIndex {
    if (this.meetingsPending.size === 0 || this.deferred) return this.meetingIndex;
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

  /**
   * The real-world events the corpus reports (articles grouped by what they report), brought up to date first:
   * a few changed articles are re-clustered where they were and where they could go; a large batch from scratch.
   */
  events(): EventIndex {
    if (this.eventsPending.size === 0 || this.deferred) return this.eventIndex;
    const batch = this.eventsPending.size > Math.max(20, this.analyses.size / 10);
    for (const uri of [...this.eventsPending].sort()) {
      const analysis = this.analyses.get(uri);
      if (!analysis) this.eventIndex.remove(uri);
      else if (batch) this.eventIndex.stage(analysis.event);
      else this.eventIndex.update(analysis.event);
    }
    if (batch) this.eventIndex.rebuild();
    this.eventsPending.clear();
    return this.eventIndex;
  }

  /**
   * A cold index is under way: cross-document work (meetings, partitions) waits until it ends. Requests meanwhile
   * see each article's own findings and the cross-document state as last settled; re-clustering thousands of
   * pending articles on every hover would make the index quadratic, and its result depend on when requests came.
   */
  deferCrossDocument(deferred: boolean): void {
    this.deferred = deferred;
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
    this.everythingChanged();
  }

  /** The reader's knowledge file (aliases, roles with dates); empty when there is none. */
  setKnowledge(knowledge: Knowledge): void {
    this.knowledgeBase = knowledge;
    this.entityIndex.setAliases(knowledge.aliasKeys, knowledge.distinct);
    this.stale = true;
    this.everythingChanged();
  }

  get knowledge(): Knowledge {
    return this.knowledgeBase;
  }

  /** Who is who across the corpus (regrouped lazily, per name key, after changes). */
  entities(): EntityIndex {
    return this.entityIndex;
  }

  /**
   * The article's own findings now, with its cross-document findings as last computed: what an editor shows at once
   * after a keystroke, before the batched cross-document pass catches up.
   */
  quickFindings(uri: string): Finding[] {
    return this.applyLevels([...(this.analyses.get(uri)?.findings ?? []), ...this.crossFindings.forUri(uri)]);
  }

  /** Findings for one article, with the user's rule levels applied. */
  findings(uri: string): Finding[] {
    this.refresh();
    return this.quickFindings(uri);
  }

  allFindings(): Map<string, Finding[]> {
    const all = new Map<string, Finding[]>();
    for (const uri of this.uris()) all.set(uri, this.findings(uri));
    return all;
  }

  /**
   * The articles whose findings may have changed since the last call (the cross-document pass is brought up to date
   * first), or 'all' after a change that touches every article (rule levels, suppressions, knowledge).
   */
  takeChangedUris(): Set<string> | 'all' {
    this.refresh();
    const changed = this.allChanged ? 'all' : this.changedUris;
    this.changedUris = new Set();
    this.allChanged = false;
    return changed;
  }

  /** Re-checks the partitions touched since the last refresh. */
  private refresh(): void {
    if (!this.stale || this.deferred) return;
    this.stale = false;
    this.meetings(); // bring the meeting index up to date: it names the meetings that changed
    this.events();
    const lookup = (uri: string) => this.analyses.get(uri);
    for (const { rule, parts } of this.partitioned) {
      for (const key of parts.takeDirty()) {
        this.crossFindings.replace(`${rule.id}:${key}`, rule.check(key, parts.members(key, lookup), this), this.changedUris);
      }
    }
    for (const rule of INDEXED_RULES) {
      for (const key of rule.takeChanged(this)) this.crossFindings.replace(`${rule.id}:${key}`, rule.check(key, this), this.changedUris);
    }
  }

  private changed(uri: string): void {
    this.changedUris.add(uri);
    this.stale = true;
    this.revision++;
  }

  private everythingChanged(): void {
    this.allChanged = true;
    this.revision++;
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

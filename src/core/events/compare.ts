// The articles that report one real-world event (events/cluster.ts) side by side, in the same shape as a meeting's
// comparison (meetings/compare.ts) so the Compare panel, the CLI and the tests read both: one column per outlet,
// rows for each figure of the leads (aligned by what it counts, as `figure-conflict` compares them) and each
// statement two or more outlets quote. A row disagrees when two outlets' figures conflict; a later, higher toll is
// an update and is labelled so, not highlighted.

import type { Corpus } from '../corpus';
import type { Analysis } from '../model';
import { compareFigures, FigureContext, quantityOf } from '../figures/compare';
import { comparableFigures, describeFigure } from '../findings/events';
import { CompareCell, CompareColumn, CompareRow, MAX_COMPARED_ACCOUNTS, MeetingComparison, quoteRows } from '../meetings/compare';
import type { NewsEvent } from './cluster';

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** One article per outlet: the one whose lead gives most figures (then the earliest), at most MAX_COMPARED_ACCOUNTS. */
function pickArticles(event: NewsEvent, corpus: Corpus): { members: { analysis: Analysis; figures: FigureContext[] }[]; omitted: number } {
  const byOutlet = new Map<string, { analysis: Analysis; figures: FigureContext[] }>();
  for (const uri of event.uris) {
    const analysis = corpus.analysis(uri);
    if (!analysis) continue;
    const outlet = analysis.article.meta.outlet;
    const key = outlet ? `o:${fold(outlet)}` : `u:${uri}`;
    const figures = comparableFigures(analysis);
    const prev = byOutlet.get(key);
    const earlier = (a: Analysis, b: Analysis) => (a.article.published?.iso ?? '9999') < (b.article.published?.iso ?? '9999');
    if (!prev || figures.length > prev.figures.length || (figures.length === prev.figures.length && earlier(analysis, prev.analysis))) byOutlet.set(key, { analysis, figures });
  }
  const all = [...byOutlet.values()].sort((a, b) => (a.analysis.article.published?.iso ?? '9999').localeCompare(b.analysis.article.published?.iso ?? '9999') || a.analysis.article.uri.localeCompare(b.analysis.article.uri));
  return { members: all.slice(0, MAX_COMPARED_ACCOUNTS), omitted: event.uris.length - Math.min(all.length, MAX_COMPARED_ACCOUNTS) };
}

/** The lead of an article: from its first sentence to the end of the last compared figure's sentence, or the first sentences. */
function leadSpan(analysis: Analysis, figures: FigureContext[]): { start: number; end: number } {
  const sentences = analysis.article.sentences.filter((s) => !analysis.article.boilerplate.some((b) => s.range.start >= b.range.start && s.range.start < b.range.end));
  const start = analysis.article.headline?.range.start ?? sentences[0]?.range.start ?? 0;
  const lastFigure = Math.max(0, ...figures.map((f) => f.sentenceStart + f.sentence.length));
  const end = Math.max(lastFigure, sentences[Math.min(2, sentences.length - 1)]?.range.end ?? start);
  return { start, end };
}

export function compareEvent(event: NewsEvent, corpus: Corpus): MeetingComparison {
  const { members, omitted } = pickArticles(event, corpus);
  const columns: CompareColumn[] = members.map(({ analysis, figures }) => ({
    accountId: analysis.article.uri, uri: analysis.article.uri, name: analysis.article.name, outlet: analysis.article.meta.outlet ?? null,
    headline: analysis.article.headline?.text ?? null, published: analysis.article.published?.iso ?? null, span: leadSpan(analysis, figures),
  }));
  const rows: CompareRow[] = [];
  const empty = (): CompareCell => ({ passages: [] });

  // Figures of the leads, by quantity (what is counted); rows two or more outlets give come first.
  const byQuantity = new Map<string, (FigureContext | undefined)[]>();
  members.forEach(({ figures }, i) => {
    for (const f of figures) {
      const q = quantityOf(f);
      if (!q) continue;
      const row = byQuantity.get(q.key) ?? members.map(() => undefined);
      row[i] ??= f;
      byQuantity.set(q.key, row);
    }
  });
  const figureRows: (CompareRow & { reported: number })[] = [];
  for (const [key, contexts] of byQuantity) {
    const reported = contexts.filter((c): c is FigureContext => !!c);
    let conflict = false;
    let update = false;
    for (let i = 0; i < reported.length; i++) {
      for (let j = i + 1; j < reported.length; j++) {
        const { verdict } = compareFigures(reported[i], reported[j]);
        if (verdict === 'conflict') conflict = true;
        else if (verdict === 'update') update = true;
      }
    }
    const what = key.replace(/^[a-z]+:/, '').replace(/\|.*$/, '');
    figureRows.push({
      kind: 'figure',
      label: `Figure: ${what}${update && !conflict ? ' (updated by a later report)' : ''}`,
      cells: contexts.map((c, i) => (c ? { passages: [{ text: describeFigure(c.figure), uri: columns[i].uri, range: c.figure.range }], value: c.figure.text } : empty())),
      disagreement: conflict,
      reported: reported.length,
    });
  }
  figureRows.sort((a, b) => (b.reported > 1 ? 1 : 0) - (a.reported > 1 ? 1 : 0));
  rows.push(...figureRows.map(({ reported: _, ...row }) => row));

  // What two or more outlets quote, anywhere in their articles.
  rows.push(...quoteRows(columns.map((c) => c.uri), members.map(({ analysis }) => analysis.sourcing.quotes), 2));

  return { meetingId: event.id, label: event.label, kind: 'event', columns, rows, omitted };
}

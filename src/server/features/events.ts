// The event card: which real-world event a sentence reports, which other outlets report it, and what linked them.

import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver';
import { Analysis } from '../../core/analyse';
import type { Corpus } from '../../core/corpus';
import { NewsEvent } from '../../core/events/cluster';
import { compareEvent } from '../../core/events/compare';
import { outletCount, storiesSeveralOutletsReport } from '../../core/events/stories';
import { COMMANDS, CompareParams, CompareResult, EventSummary } from '../../shared/protocol';
import { escapeMarkdown } from '../../shared/markdown';
import { lineIndexOf, toRange } from '../lsp';
import { compareForProtocol, comparisonForProtocol } from './meetings';

const LEAD_SENTENCES = 5;
const MAX_LISTED = 8;

/** The event an offset's sentence reports: the article's event, when other outlets report it too and the sentence
 * is in the lead or names what the event's articles share. */
export function eventAt(analysis: Analysis, offset: number, corpus: Corpus): NewsEvent | undefined {
  const event = corpus.events().of(analysis.article.uri);
  if (!event || event.uris.length < 2) return undefined;
  const { article } = analysis;
  const index = article.sentences.findIndex((s) => offset >= s.range.start && offset <= s.range.end);
  if (index < 0) return undefined;
  const s = article.sentences[index];
  if (article.boilerplate.some((b) => s.range.start >= b.range.start && s.range.start < b.range.end)) return undefined;
  if (index < LEAD_SENTENCES) return event;
  const text = article.text.slice(s.range.start, s.range.end).toLowerCase();
  return event.shared.some((term) => term.length >= 4 && text.includes(term)) ? event : undefined;
}

export function eventCard(event: NewsEvent, analysis: Analysis, corpus: Corpus): string {
  const uri = analysis.article.uri;
  const others = event.uris.filter((u) => u !== uri);
  const when = event.from ? (event.from === event.to ? event.from : `${event.from} – ${event.to}`) : 'dates unknown';
  const lines = [
    `**Sourcelens** · event (${event.type}): “${event.label}”`,
    '',
    `Reported by ${event.uris.length} articles (${when}); linked by what they share: ${event.shared.join(', ') || 'their wording'}.`,
    '',
  ];
  for (const other of others.slice(0, MAX_LISTED)) {
    const a = corpus.get(other);
    if (!a) continue;
    const how = corpus.events().sharedFeatures(uri, other, 3);
    lines.push(`- ${a.meta.outlet ?? 'unknown outlet'} — ${a.name}${how.length ? ` (shares ${how.join(', ')})` : ''}`);
  }
  if (others.length > MAX_LISTED) lines.push(`- … and ${others.length - MAX_LISTED} more`);
  if (outletCount(event, corpus) >= 2) lines.push('', compareLink({ eventId: event.id }, 'Compare the articles side by side'));
  return lines.join('\n');
}

/** A command link that opens the Compare panel (VS Code runs it from trusted hover Markdown). */
export function compareLink(params: CompareParams, label: string): string {
  return `[${escapeMarkdown(label)}](command:${COMMANDS.compareAccounts}?${encodeURIComponent(JSON.stringify([params]))} "Open the Compare panel")`;
}

const FIGURE_CODES = new Set(['figure-conflict', 'figure-update']);

/** The figure findings between an event's articles, each pair once (the event rule raises one on each side). */
function figurePairs(event: NewsEvent, corpus: Corpus): { conflicts: number; updates: number } {
  const members = new Set(event.uris);
  const seen = new Set<string>();
  let conflicts = 0;
  let updates = 0;
  for (const uri of event.uris) {
    for (const f of corpus.findings(uri)) {
      const other = FIGURE_CODES.has(f.code) ? f.related.find((r) => members.has(r.uri) && r.uri !== uri) : undefined;
      if (!other) continue;
      const pair = [`${uri}#${f.range.start}`, `${other.uri}#${other.range.start}`].sort().join('|') + f.code;
      if (seen.has(pair)) continue;
      seen.add(pair);
      if (f.code === 'figure-conflict') conflicts++;
      else updates++;
    }
  }
  return { conflicts, updates };
}

/** The events two or more outlets report, those whose figures disagree first, then by date. */
export function eventSummaries(corpus: Corpus): EventSummary[] {
  const out: EventSummary[] = [];
  for (const event of storiesSeveralOutletsReport(corpus)) {
    const outlets = outletCount(event, corpus);
    const articles = event.uris.flatMap((uri) => {
      const a = corpus.get(uri);
      if (!a) return [];
      const at = a.headline?.range ?? { start: 0, end: 0 };
      return [{ uri, name: a.name, outlet: a.meta.outlet ?? null, headline: a.headline?.text ?? null, range: toRange(lineIndexOf(a), at) }];
    });
    out.push({ id: event.id, label: event.label, type: event.type, from: event.from ?? null, to: event.to ?? null, outlets, articles, ...figurePairs(event, corpus) });
  }
  return out.sort((a, b) => Number(b.conflicts > 0) - Number(a.conflicts > 0) || (a.from ?? '9999').localeCompare(b.from ?? '9999') || a.id.localeCompare(b.id));
}

/**
 * The Compare panel's data for a meeting id, an event id, or a position: the meeting account there, else the event
 * the article reports. Null when fewer than two outlets can be compared.
 */
export function compareFor(corpus: Corpus, params: { meetingId?: string; eventId?: string; uri?: string; offset?: number }): CompareResult | null {
  if (params.meetingId !== undefined) {
    const meeting = corpus.meetings().get(params.meetingId);
    return meeting ? compareForProtocol(meeting, corpus) : null;
  }
  let event = params.eventId !== undefined ? corpus.events().get(params.eventId) : undefined;
  if (params.uri !== undefined && params.offset !== undefined) {
    const found = corpus.meetings().at(params.uri, params.offset);
    if (found && found.meeting.accounts.length > 1) {
      const result = compareForProtocol(found.meeting, corpus);
      if (result.columns.length > 1) return result;
    }
    event = corpus.events().of(params.uri);
  }
  if (!event || outletCount(event, corpus) < 2) return null;
  return comparisonForProtocol(compareEvent(event, corpus), corpus);
}

/** On a figure finding between two articles: open them side by side (the meeting's accounts, or the event's articles). */
export function compareActions(uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  const diagnostic = diagnostics.find((d) => FIGURE_CODES.has(String(d.code)));
  if (!diagnostic) return [];
  const args: CompareParams = { uri, position: diagnostic.range.start };
  return [{ title: 'Compare the accounts side by side', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: 'Compare the accounts side by side', command: COMMANDS.compareAccounts, arguments: [args] } }];
}

// The event card: which real-world event a sentence reports, which other outlets report it, and what linked them.

import { Analysis } from '../../core/analyse';
import type { Corpus } from '../../core/corpus';
import { NewsEvent } from '../../core/events/cluster';

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
  return lines.join('\n');
}

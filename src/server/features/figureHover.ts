// Hover cards for figures and time expressions.

import { Analysis } from '../../core/analyse';
import type { Corpus } from '../../core/corpus';
import { Figure } from '../../core/figures/extract';
import { TimeExpression } from '../../core/time/extract';
import { compareLink } from './events';

const KIND_LABEL: Record<Figure['kind'], string> = {
  count: 'count', money: 'money', percent: 'percentage', ordinal: 'ordinal (counts events)', duration: 'duration',
  age: 'age', fraction: 'fraction', range: 'range',
};

export function figureCard(figure: Figure, analysis: Analysis, corpus: Corpus): string {
  const value = figure.kind === 'fraction' ? `${fmt(figure.value)} of ${fmt(figure.of!)}` : figure.high !== undefined ? `${fmt(figure.value)}–${fmt(figure.high)}` : fmt(figure.value);
  const lines = [
    `**Sourcelens** · figure: ${KIND_LABEL[figure.kind]}`,
    '',
    `| | |`,
    `|---|---|`,
    `| Value | ${value}${figure.unit ? ` ${figure.unit}` : ''}${figure.vague ? ' (vague)' : ''} |`,
    `| Qualifier | ${figure.qualifier === 'exact' ? 'none (exact)' : `${figure.qualifier}${figure.qualifierText && figure.qualifierText !== figure.qualifier ? ` (“${figure.qualifierText}”)` : ''}`} |`,
    `| Counts | ${[figure.counted, figure.verb].filter(Boolean).join(' · ') || '_not found_'} |`,
    `| Source | ${sourceOf(figure, analysis)} |`,
  ];
  const event = corpus.events().of(analysis.article.uri);
  if (event && event.uris.length > 1) {
    lines.push('', `Event: “${event.label}” — ${event.uris.length} articles, linked by ${event.shared.join(', ') || 'their wording'}; its figures are compared across outlets (figure-conflict, figure-update). ${compareLink({ eventId: event.id }, 'Compare the articles side by side')}`);
  }
  const others = sameQuantity(figure, analysis, corpus);
  if (others.length) {
    lines.push('', 'Same quantity elsewhere in the corpus:', '');
    for (const o of others.slice(0, 12)) {
      lines.push(`- ${o.outlet}: **${o.figure.text}** ${o.figure.counted ?? ''} — ${o.name}`);
    }
  }
  return lines.join('\n');
}

/** Figures elsewhere that count the same thing the same way (same counted noun and verb); the meeting grouping refines this. */
export function sameQuantity(figure: Figure, analysis: Analysis, corpus: Corpus) {
  const out: { outlet: string; name: string; uri: string; figure: Figure }[] = [];
  if (!figure.counted) return out;
  for (const { analysis: other, items } of corpus.figuresCounting(figure.counted)) {
    if (other.article.uri === analysis.article.uri) continue;
    for (const f of items) {
      if (f.kind === figure.kind && (!figure.verb || !f.verb || f.verb === figure.verb)) {
        out.push({ outlet: other.article.meta.outlet ?? 'unknown outlet', name: other.article.name, uri: other.article.uri, figure: f });
      }
    }
  }
  return out;
}

export function timeCard(t: TimeExpression, analysis: Analysis): string {
  const published = analysis.article.published;
  const lines = [`**Sourcelens** · time expression: ${t.kind}`, ''];
  if (t.resolved) {
    lines.push(`Resolves to **${t.resolved.iso}**${t.resolved.end ? ` – ${t.resolved.end}` : ''} (precision: ${t.resolved.precision}${t.qualifier ? `, ${t.qualifier}` : ''}).`);
    if (t.kind !== 'year' && published) lines.push('', `Relative to the publication date ${published.iso} (${published.how})${t.tense === 'future' ? '; the sentence looks ahead, so the next such day counts' : ''}.`);
  } else if (t.kind === 'event-relative') {
    lines.push('Relative to another event in the story, not to the publication date: not resolved.');
  } else {
    lines.push('Not resolved: the article has no publication date. Accounts that use the same expression can still be compared.');
  }
  return lines.join('\n');
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function sourceOf(figure: Figure, analysis: Analysis): string {
  const a = analysis.sourcing.attributions.find((x) => x.sentence === figure.sentence);
  if (!a) return '_none cited_';
  return `${a.source.name} (${a.source.type.replace('-', ' ')}${a.inherited ? ', carried over' : ''})`;
}

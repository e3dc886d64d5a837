// Entities in the editor: the hover card (who this is, every title and spelling per outlet, where else they
// appear, which meetings), go to definition, references, highlights and symbols.

import { DocumentHighlight, DocumentHighlightKind, DocumentSymbol, Location, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import type { Corpus } from '../../core/corpus';
import { Entity, EntityMention } from '../../core/people/identity';
import { Mention } from '../../core/people/recognise';
import { meetingLabel } from '../../core/meetings/cluster';
import { rolesOn } from '../../core/people/knowledge';
import { lineIndexOf, toRange } from '../lsp';
import { OPEN_ACCOUNT_COMMAND } from './meetings';
import { groupBy, pushTo } from '../../core/groups';
import { escapeMarkdown } from '../../shared/markdown';

/** Past this many articles, the entity card summarises by outlet instead of listing every article. */
const MAX_ARTICLE_ROWS = 25;

function location(corpus: Corpus, m: EntityMention): Location | undefined {
  const article = corpus.get(m.uri);
  return article ? { uri: m.uri, range: toRange(lineIndexOf(article), m.mention.range) } : undefined;
}

/** A command link that opens a mention (VS Code renders command: URIs in trusted hovers); `title` shows on hover. */
function openLink(corpus: Corpus, m: EntityMention, label: string, title?: string): string {
  const loc = location(corpus, m);
  if (!loc) return escapeMarkdown(label);
  const tooltip = title ? ` "${title.replace(/["\\]/g, '')}"` : '';
  return `[${escapeMarkdown(label)}](command:${OPEN_ACCOUNT_COMMAND}?${encodeURIComponent(JSON.stringify([loc.uri, loc.range]))}${tooltip})`;
}

/** A hover is about 500 px wide: a cell lists a few items, each cut to a readable length, and says how many more. */
const MAX_CELL_ITEMS = 3;
const MAX_ITEM_CHARS = 48;
function cell(items: string[]): string {
  if (!items.length) return '—';
  const cut = (t: string) => (t.length > MAX_ITEM_CHARS ? `${t.slice(0, MAX_ITEM_CHARS - 1).trimEnd()}…` : t);
  const shown = items.slice(0, MAX_CELL_ITEMS).map((t) => escapeMarkdown(cut(t)));
  return shown.join('; ') + (items.length > MAX_CELL_ITEMS ? `; +${items.length - MAX_CELL_ITEMS} more` : '');
}

export function entityCard(entity: Entity, here: EntityMention, corpus: Corpus): string {
  const article = corpus.get(here.uri);
  const lines = [`**Sourcelens** · ${entity.kind}: **${escapeMarkdown(entity.canonical)}**`];
  const ownRole = entity.mentions.find((m) => m.uri === here.uri && m.mention.roleText)?.mention.roleText;
  if (ownRole) lines.push('', `Here: ${escapeMarkdown(ownRole)}${article?.published ? ` (article of ${article.published.iso})` : ''}`);
  const known = corpus.knowledge.people.find((p) => p.key === entity.id.split('#')[0]);
  if (known && article?.published) {
    const inForce = rolesOn(known, article.published.iso);
    lines.push('', `On record on ${article.published.iso}: ${inForce.length ? inForce.map((r) => [r.country, r.office].filter(Boolean).join(' ')).join('; ') : 'no role'} (sourcelens.entities.yaml)`);
  }
  const byUri = groupBy(entity.mentions, (m) => m.uri);
  lines.push('', `${entity.mentions.length} mention${entity.mentions.length === 1 ? '' : 's'} in ${byUri.size} article${byUri.size === 1 ? '' : 's'}.`, '');
  const outletOf = (uri: string) => corpus.get(uri)?.meta.outlet ?? 'unknown';
  // Three columns that fit the hover's width: the outlet (a link to the mention; the article's name shows on the
  // link), the titles it gave and the spellings it used. The count goes with the outlet.
  const row = (label: string, ms: EntityMention[], count: number, title: string) => {
    const titles = [...new Set(ms.map((m) => m.mention.roleText).filter((t): t is string => !!t))];
    const spellings = [...new Set(ms.filter((m) => !m.mention.descriptive).map((m) => m.mention.text))];
    return `| ${openLink(corpus, ms[0], label, title)} (${count}) | ${cell(titles)} | ${cell(spellings)} |`;
  };
  if (byUri.size <= MAX_ARTICLE_ROWS) {
    lines.push('| Outlet (mentions) | Titles | Spellings |', '|---|---|---|');
    const perOutlet = new Map<string, number>();
    for (const uri of byUri.keys()) perOutlet.set(outletOf(uri), (perOutlet.get(outletOf(uri)) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const [uri, ms] of byUri) {
      const outlet = outletOf(uri);
      const n = (seen.get(outlet) ?? 0) + 1;
      seen.set(outlet, n);
      const a = corpus.get(uri);
      // Without an outlet, the article's own name says which one it is.
      const label = !a?.meta.outlet ? (a?.name ?? outlet) : perOutlet.get(outlet)! > 1 ? `${outlet} ${n}` : outlet;
      lines.push(row(label, ms, ms.length, [a?.name, a?.headline?.text].filter(Boolean).join(' — ')));
    }
  } else {
    // A much-covered person: one row per outlet keeps every title and spelling each outlet used, readable.
    lines.push('| Outlet (articles) | Titles | Spellings |', '|---|---|---|');
    for (const [outlet, ms] of groupBy(entity.mentions, (m) => outletOf(m.uri))) lines.push(row(outlet, ms, new Set(ms.map((m) => m.uri)).size, `${outlet}: first mention`));
  }
  if (entity.kind === 'person') {
    const meetings = corpus.meetings().withParticipant(entity.id.split('#')[0]);
    if (meetings.length) {
      lines.push('', 'Meetings:', '');
      for (const m of meetings.slice(0, 10)) lines.push(`- ${escapeMarkdown(meetingLabel(m))}`);
    }
  }
  return lines.join('\n');
}

/** Go to definition: the fullest mention in the corpus — the full name with a title, earliest article first. */
export function definitionOf(entity: Entity, corpus: Corpus): Location | undefined {
  const score = (m: EntityMention) => (m.mention.descriptive ? 0 : m.mention.text.split(/\s+/).length * 2 + (m.mention.roleText ? 1 : 0));
  const best = [...entity.mentions].sort((a, b) => score(b) - score(a) || a.uri.localeCompare(b.uri) || a.mention.range.start - b.mention.range.start)[0];
  return best ? location(corpus, best) : undefined;
}

export function referencesOf(entity: Entity, corpus: Corpus): Location[] {
  return entity.mentions.flatMap((m) => location(corpus, m) ?? []);
}

export function highlightsOf(entity: Entity, uri: string, corpus: Corpus): DocumentHighlight[] {
  const article = corpus.get(uri);
  if (!article) return [];
  return entity.mentions.filter((m) => m.uri === uri).map((m) => ({ range: toRange(lineIndexOf(article), m.mention.range), kind: DocumentHighlightKind.Text }));
}

/** The people of one article, each with the title used there, for the outline. */
export function peopleSymbols(uri: string, corpus: Corpus): DocumentSymbol[] {
  const analysis = corpus.analysis(uri);
  if (!analysis) return [];
  const index = lineIndexOf(analysis.article);
  // From the article's own mentions: the outline must not walk every entity of a 10,000-article corpus.
  const mine = new Map<Entity, Mention[]>();
  for (const m of analysis.mentions) {
    const entity = corpus.entities().of(m);
    if (entity?.kind === 'person') pushTo(mine, entity, m);
  }
  const seen = new Map<string, DocumentSymbol>();
  for (const [entity, ms] of mine) {
    const named = ms.filter((m) => !m.descriptive);
    if (!named.length) continue;
    const range = toRange(index, named[0].range);
    const title = ms.find((m) => m.roleText)?.roleText;
    seen.set(entity.id, { name: entity.canonical, detail: title, kind: SymbolKind.Constant, range, selectionRange: range });
  }
  const children = [...seen.values()].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return children.length ? [{ name: 'People', kind: SymbolKind.Namespace, range: children[0].range, selectionRange: children[0].range, children, detail: `${children.length}` }] : [];
}

/** Workspace symbols: entities by any of their names. */
export function entitySymbols(corpus: Corpus, query: string, limit = 200): SymbolInformation[] {
  const q = query.trim().toLowerCase();
  const out: SymbolInformation[] = [];
  for (const entity of corpus.entities().entities()) {
    if (q && !entity.aliases.some((a) => a.toLowerCase().includes(q)) && !entity.canonical.toLowerCase().includes(q)) continue;
    const loc = definitionOf(entity, corpus);
    if (!loc) continue;
    const kind = entity.kind === 'person' ? SymbolKind.Constant : entity.kind === 'place' ? SymbolKind.Module : SymbolKind.Class;
    out.push({ name: entity.canonical, kind, location: loc, containerName: `${entity.kind} · ${entity.mentions.length} mentions` });
    if (out.length >= limit) break;
  }
  return out;
}

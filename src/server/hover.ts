// The whole hover: the cards of features/ (time, figure, quote, cue, article card, boilerplate), then the other
// outlets' headlines on a headline, a participant named by role, an entity, a meeting, a story other outlets report.

import { Connection, Hover, MarkupKind } from 'vscode-languageserver';
import { Analysis } from '../core/analyse';
import { normaliseUri as norm } from '../host/uris';
import { CorpusHost } from '../host/workspace';
import type { Ready } from './documents';
import { entityCard } from './features/entities';
import { eventAt, eventCard } from './features/events';
import { hoverAt } from './features/hover';
import { meetingCard, otherHeadlines, roleParticipantCard } from './features/meetings';
import { articleRange, lineIndexOf } from './lsp';
import { checkParams } from './params';

export function registerHover({ connection, host, ready }: { connection: Connection; host: CorpusHost; ready: Ready }): void {
  connection.onHover(async (params, token) => {
    checkParams(params, 'textDocument', 'position');
    await ready(token, params.textDocument.uri);
    const analysis = host.corpus.analysis(norm(params.textDocument.uri));
    if (!analysis) return null;
    return hoverFor(analysis, lineIndexOf(analysis.article).offsetAt(params.position), host);
  });
}

function hoverFor(analysis: Analysis, offset: number, host: CorpusHost): Hover | null {
  const { corpus } = host;
  const { article } = analysis;
  const hover = hoverAt(analysis, offset, corpus.findings(article.uri), lineIndexOf(article), corpus);
  const onHeadline = article.headline && offset >= article.headline.range.start && offset <= article.headline.range.end;
  if (hover && onHeadline) {
    const others = otherHeadlines(article.uri, corpus);
    if (others) (hover.contents as { value: string }).value += `\n${others}`;
  }
  if (hover) return hover;
  const role = roleParticipantCard(article.uri, offset, corpus);
  if (role) return { contents: { kind: MarkupKind.Markdown, value: role.value }, range: articleRange(article, role.range) };
  const entity = corpus.entities().at(article.uri, offset);
  if (entity) {
    const here = entity.entity.mentions.find((m) => m.mention === entity.mention)!;
    return { contents: { kind: MarkupKind.Markdown, value: entityCard(entity.entity, here, corpus) }, range: articleRange(article, entity.mention.range) };
  }
  const found = corpus.meetings().at(article.uri, offset);
  if (found) return { contents: { kind: MarkupKind.Markdown, value: meetingCard(found.meeting, found.account, corpus) } };
  const event = eventAt(analysis, offset, corpus);
  if (!event) return null;
  return { contents: { kind: MarkupKind.Markdown, value: eventCard(event, analysis, corpus) } };
}

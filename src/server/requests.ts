// The custom requests (sourcelens/*, typed in shared/protocol.ts) behind the Articles, Entities and Meetings views,
// the compare panel, the coverage page, page import and re-indexing.

import { Connection, ErrorCodes, ResponseError } from 'vscode-languageserver';
import { version as VERSION } from '../../package.json';
import { Analysis } from '../core/analyse';
import { coverageData } from '../core/coverage';
import { Finding } from '../core/types';
import { coverageHtml } from '../host/coverageHtml';
import { findPages, importPage } from '../host/pages';
import { summariseMeeting } from '../host/summaries';
import { normaliseUri as norm } from '../host/uris';
import { CorpusHost } from '../host/workspace';
import {
  ArticleSummary, CompareRequest, CompareResult, CorpusRequest, CoverageHtmlRequest, CoverageRequest, EntitiesRequest, EntityDetail, EntityRequest,
  EntitySummary, EventsRequest, ImportOutcomeData, ImportPagesRequest, MeetingAtRequest, MeetingRequest, MeetingsRequest, MeetingSummary, ReindexRequest,
} from '../shared/protocol';
import type { Diagnostics } from './diagnostics';
import type { Ready } from './documents';
import { compareFor, eventSummaries } from './features/events';
import type { Index } from './lifecycle';
import { articleRange, lineIndexOf } from './lsp';
import { checkParams, onRequestWithoutParams } from './params';

export interface RequestsContext {
  connection: Connection;
  host: CorpusHost;
  ready: Ready;
  diagnostics: Pick<Diagnostics, 'sync' | 'onSync'>;
  index: Pick<Index, 'reindex'>;
}

export function registerRequests({ connection, host, ready, diagnostics, index }: RequestsContext): void {
  let entitySummaries: { version: number; list: EntitySummary[] } | undefined;
  onRequestWithoutParams(connection, EntitiesRequest, async (token): Promise<EntitySummary[]> => {
    await ready(token);
    if (entitySummaries?.version !== host.corpus.version) {
      const list = host.corpus.entities().entities().map((e) => ({
        id: e.id, kind: e.kind, canonical: e.canonical, aliases: e.aliases, mentionCount: e.mentions.length, articleCount: new Set(e.mentions.map((m) => m.uri)).size,
      }));
      entitySummaries = { version: host.corpus.version, list: list.sort((a, b) => b.mentionCount - a.mentionCount || a.canonical.localeCompare(b.canonical)) };
    }
    return entitySummaries.list;
  });

  connection.onRequest(EntityRequest, async (params, token): Promise<EntityDetail | null> => {
    checkParams(params, 'id');
    await ready(token);
    const e = host.corpus.entities().get(params.id);
    if (!e) return null;
    const byUri = new Map<string, EntityDetail['articles'][number]>();
    for (const m of e.mentions) {
      const article = host.corpus.get(m.uri);
      if (!article) continue;
      let entry = byUri.get(m.uri);
      if (!entry) byUri.set(m.uri, (entry = { uri: m.uri, name: article.name, outlet: article.meta.outlet ?? null, mentions: [] }));
      entry.mentions.push({ range: articleRange(article, m.mention.range), text: m.mention.text, title: m.mention.roleText ?? null });
    }
    return { id: e.id, kind: e.kind, canonical: e.canonical, aliases: e.aliases, mentionCount: e.mentions.length, articleCount: byUri.size, articles: [...byUri.values()] };
  });

  onRequestWithoutParams(connection, MeetingsRequest, async (token): Promise<MeetingSummary[]> => {
    await ready(token);
    return host.corpus.meetings().all().map((m) => summariseMeeting(m, host.corpus));
  });

  connection.onRequest(MeetingRequest, async (params, token): Promise<MeetingSummary | null> => {
    checkParams(params, 'id');
    await ready(token);
    const meeting = host.corpus.meetings().get(params.id);
    return meeting ? summariseMeeting(meeting, host.corpus) : null;
  });

  onRequestWithoutParams(connection, CoverageRequest, async (token) => {
    await ready(token);
    return coverageData(host.corpus) as unknown as Record<string, unknown>;
  });

  // The Coverage page is rendered here (the plotting library stays out of the client); the client adds its CSP and
  // the one script that turns a click into "open this account".
  connection.onRequest(CoverageHtmlRequest, async (params, token) => {
    checkParams(params, 'head', 'tail');
    await ready(token);
    return coverageHtml(coverageData(host.corpus), { title: 'Sourcelens coverage', head: params.head, tail: params.tail });
  });

  // A meeting by id, an event by id, or a position (the meeting account there, else the article's event).
  connection.onRequest(CompareRequest, async (params, token): Promise<CompareResult | null> => {
    if (params?.meetingId !== undefined) checkParams(params, 'meetingId');
    else if (params?.uri !== undefined || params?.position !== undefined) checkParams(params, 'uri', 'position');
    else checkParams(params, 'eventId');
    await ready(token);
    if (params.uri === undefined) return compareFor(host.corpus, params);
    const article = host.corpus.get(norm(params.uri));
    return article ? compareFor(host.corpus, { uri: article.uri, offset: lineIndexOf(article).offsetAt(params.position!) }) : null;
  });

  onRequestWithoutParams(connection, EventsRequest, async (token) => {
    await ready(token);
    return eventSummaries(host.corpus);
  });

  connection.onRequest(MeetingAtRequest, async (params, token) => {
    checkParams(params, 'uri', 'position');
    await ready(token);
    const article = host.corpus.get(norm(params.uri));
    if (!article) return null;
    const found = host.corpus.meetings().at(article.uri, lineIndexOf(article).offsetAt(params.position));
    return found ? { meetingId: found.meeting.id, accountId: found.account.id, meeting: summariseMeeting(found.meeting, host.corpus) } : null;
  });

  /** Article summaries for the Articles view, recomputed only for articles whose findings changed. */
  const summaries = new Map<string, ArticleSummary>();
  diagnostics.onSync((changed) => {
    if (changed === 'all') summaries.clear();
    else for (const uri of changed) summaries.delete(uri);
  });
  onRequestWithoutParams(connection, CorpusRequest, async (token): Promise<ArticleSummary[]> => {
    await ready(token);
    diagnostics.sync();
    return host.corpus.all().map((a) => {
      let summary = summaries.get(a.article.uri);
      if (!summary) summaries.set(a.article.uri, (summary = summarise(a, host.corpus.findings(a.article.uri))));
      return summary;
    });
  });

  // Import runs here, not in the client: extraction is host code the CLI shares, and the client only starts the
  // server and shows what it answers. Pages are read and .md files written inside the workspace only.
  connection.onRequest(ImportPagesRequest, async (params) => {
    if (!params || !Array.isArray(params.paths) || !params.paths.every((p) => typeof p === 'string')) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'sourcelens/importPages needs { paths: string[], force: boolean }');
    }
    const { pages } = await findPages(params.paths);
    if (!pages.length) return null;
    const outcomes: ImportOutcomeData[] = [];
    for (const page of pages) outcomes.push(await importPage(page, { force: params.force === true, version: VERSION }));
    return outcomes;
  });

  connection.onRequest(ReindexRequest, async () => {
    await index.reindex('requested');
    return { articles: host.corpus.size };
  });
}

/** One row of the Articles view. */
function summarise(analysis: Analysis, findings: Finding[]): ArticleSummary {
  const { article, sourcing } = analysis;
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    uri: article.uri,
    name: article.name,
    outlet: article.meta.outlet ?? null,
    published: article.published?.iso ?? null,
    publishedFrom: article.published?.how ?? null,
    headline: article.headline?.text ?? null,
    headlineRange: article.headline ? articleRange(article, article.headline.range) : null,
    wordCount: article.wordCount,
    boilerplate: article.boilerplate.filter((b) => b.kind !== 'front-matter').length,
    findings: counts,
    problems: article.problems.map((p) => p.message),
    sourcing: {
      sentences: article.sentences.length,
      attributed: new Set(sourcing.attributions.map((a) => a.sentence)).size,
      anonymous: new Set(sourcing.attributions.filter((a) => a.source.type === 'anonymous').map((a) => a.sentence)).size,
      unattributedClaims: findings.filter((f) => f.code === 'unattributed-claim').length,
      sources: [...new Set(sourcing.attributions.filter((a) => !a.inherited).map((a) => a.source.name))],
    },
  };
}

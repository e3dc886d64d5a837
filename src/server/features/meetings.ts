// Meetings in the editor: code lenses above each account, the meeting card shown on hover, and the other outlets'
// headlines for the headline hover. Summaries for the tree view and the CLI are in host/summaries.ts.

import { CodeLens } from 'vscode-languageserver';
import { Corpus } from '../../core/corpus';
import { Meeting, meetingLabel } from '../../core/meetings/cluster';
import { EventAccount } from '../../core/meetings/extract';
import { CompareResult } from '../../shared/protocol';
import { compareMeeting, MeetingComparison } from '../../core/meetings/compare';
import { TextRange } from '../../core/types';
import { lineIndexOf, toRange } from '../lsp';
import { conflictsOf } from '../../core/meetings/conflicts';
import { COMMANDS } from '../../shared/protocol';
import { escapeMarkdown } from '../../shared/markdown';

export const OPEN_ACCOUNT_COMMAND = COMMANDS.openAccount;
export const SHOW_MEETING_COMMAND = COMMANDS.showMeeting;

/** "Also reported by Tasnim (001-….txt), …" above each account; one click jumps to the other account. */
export function meetingCodeLenses(uri: string, corpus: Corpus): CodeLens[] {
  const article = corpus.get(uri);
  if (!article) return [];
  const index = lineIndexOf(article);
  const lenses: CodeLens[] = [];
  for (const { meeting, account } of corpus.meetings().forArticle(uri)) {
    const range = toRange(index, { start: account.span.start, end: account.span.start });
    const others = meeting.accounts.filter((a) => a.uri !== uri);
    if (others.length === 0) {
      lenses.push({ range, command: { title: `${meetingLabel(meeting)} · no other outlet reports it`, command: SHOW_MEETING_COMMAND, arguments: [meeting.id] } });
      continue;
    }
    for (const [i, other] of others.slice(0, 4).entries()) {
      const a = corpus.get(other.uri);
      if (!a) continue;
      const who = `${a.meta.outlet ?? 'unknown outlet'} (${a.name})`;
      lenses.push({
        range,
        command: { title: i === 0 ? `Also reported by ${who}` : who, command: OPEN_ACCOUNT_COMMAND, arguments: [other.uri, toRange(lineIndexOf(a), other.span)] },
      });
    }
    if (others.length > 4) lenses.push({ range, command: { title: `+${others.length - 4} more`, command: SHOW_MEETING_COMMAND, arguments: [meeting.id] } });
  }
  return lenses;
}

export function meetingCard(meeting: Meeting, account: EventAccount, corpus: Corpus): string {
  const lines = [`**Sourcelens** · ${meeting.kind}: ${meetingLabel(meeting)}`, ''];
  lines.push(`| | |`, `|---|---|`);
  lines.push(`| Participants | ${meeting.participants.map((p) => p.name).join(', ')} |`);
  lines.push(`| Place | ${meeting.place ?? '_not stated_'} |`);
  lines.push(`| Date | ${meeting.date ? `${meeting.date.iso ?? '_unresolved_'} (“${meeting.date.text}”)` : '_not stated_'} |`);
  lines.push(`| Status | ${meeting.status} |`);
  const conflicts = conflictsOf(meeting, corpus);
  if (conflicts.length) {
    lines.push('', 'Open conflicts:', '');
    for (const c of conflicts) lines.push(`- \`${c.code}\` ${c.message}`);
  }
  lines.push('', 'Accounts:', '');
  for (const a of meeting.accounts) {
    const article = corpus.get(a.uri);
    const here = a.id === account.id ? ' ← this one' : '';
    lines.push(`- ${article?.meta.outlet ?? 'unknown outlet'} — \`${article?.name ?? a.uri}\`${here}`);
  }
  if (meeting.accounts.length > 1) lines.push('', `[Compare the accounts side by side](command:${COMMANDS.compareAccounts}?${encodeURIComponent(JSON.stringify([{ meetingId: meeting.id }]))} "Open the Compare panel")`);
  return lines.join('\n');
}

const STANCE = /\b(wants?|pledges?|vows?|slams?|rejects?|urges?|calls? for|warns?|backs?|accuses?|denies?|admits?|first since|hails?|praises?|condemns?|threatens?|seeks?|agrees?|refuses?)\b/gi;

/** The other outlets' headlines for the meetings this article reports, stance words in bold (headline hover). */
export function otherHeadlines(uri: string, corpus: Corpus): string | undefined {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const { meeting } of corpus.meetings().forArticle(uri)) {
    for (const a of meeting.accounts) {
      const other = corpus.get(a.uri);
      if (!other || a.uri === uri || seen.has(a.uri) || !other.headline) continue;
      seen.add(a.uri);
      const text = escapeMarkdown(other.headline.text).replace(STANCE, '**$1**');
      lines.push(`- ${other.meta.outlet ?? other.name}: ${text} _(${meetingLabel(meeting)})_`);
    }
  }
  return lines.length ? ['', 'Other outlets on the same meeting:', '', ...lines].join('\n') : undefined;
}

/** The compare panel's data: core's comparison with offsets turned into editor ranges. */
export function compareForProtocol(meeting: Meeting, corpus: Corpus): CompareResult {
  return comparisonForProtocol(compareMeeting(meeting, corpus), corpus);
}

/** A meeting's or an event's comparison (core/events/compare.ts) with offsets turned into editor ranges. */
export function comparisonForProtocol(c: MeetingComparison, corpus: Corpus): CompareResult {
  const range = (uri: string, span: { start: number; end: number }) => {
    const article = corpus.get(uri)!;
    return toRange(lineIndexOf(article), span);
  };
  return {
    meetingId: c.meetingId,
    label: c.label,
    kind: c.kind,
    omitted: c.omitted,
    columns: c.columns.map(({ span, ...col }) => ({ ...col, range: range(col.uri, span) })),
    rows: c.rows.map((r) => ({
      ...r,
      cells: r.cells.map((cell) => ({ ...cell, passages: cell.passages.map((p) => ({ ...p, range: range(p.uri, p.range) })) })),
    })),
  };
}

/**
 * Hover on a participant named by role only ("his Chinese counterpart", "Iran's top diplomat"): who the article or
 * the corpus takes it to be, and why — the one holder of that role named in the article, the one named by the other
 * accounts of the meeting, or the people the corpus names in that role when it cannot tell.
 */
export function roleParticipantCard(uri: string, offset: number, corpus: Corpus): { value: string; range: TextRange } | undefined {
  for (const { meeting, account } of corpus.meetings().forArticle(uri)) {
    const p = account.participants.find((x) => (x.roleOnly || x.resolvedBy) && offset >= x.range.start && offset <= x.range.end);
    if (!p) continue;
    const role = [p.role?.country, p.role?.office].filter(Boolean).join(' ') || 'role';
    const lines = [`**Sourcelens** · named by role: “${p.title ?? p.name}”`, ''];
    if (p.resolvedBy) {
      lines.push(`Taken to be **${p.name}**: ${p.resolvedBy}.`);
    } else {
      const entry = meeting.participants.find((e) => e.byRole.some((r) => r.uri === uri && r.range.start === p.range.start));
      if (entry && !entry.key.startsWith('role:')) {
        const others = meeting.accounts.filter((a) => a.uri !== uri && a.participants.some((q) => q.key === entry.key)).map((a) => corpus.get(a.uri)?.meta.outlet ?? corpus.get(a.uri)?.name ?? a.uri);
        lines.push(`Taken to be **${entry.name}**: the only ${role} the other accounts of this meeting name (${[...new Set(others)].join(', ')}).`);
      } else {
        const holders = new Map<string, { name: string; articles: Set<string> }>();
        for (const m of corpus.meetings().all()) {
          for (const a of m.accounts) {
            for (const q of a.participants) {
              if (q.roleOnly || q.role?.country !== p.role?.country || (p.role?.office && q.role?.office !== p.role.office)) continue;
              const h = holders.get(q.key) ?? { name: q.name, articles: new Set<string>() };
              if (q.name.length > h.name.length) h.name = q.name;
              h.articles.add(a.uri);
              holders.set(q.key, h);
            }
          }
        }
        if (holders.size === 0) lines.push(`Nobody in the corpus is named as ${role}: it stays a role, and can match a named account of the same meeting.`);
        else if (holders.size === 1) {
          const [h] = holders.values();
          lines.push(`Probably **${h.name}**: the only ${role} the corpus names (${h.articles.size} article${h.articles.size === 1 ? '' : 's'}), though no account of this meeting names them.`);
        } else {
          lines.push(`Not resolved: the corpus names ${holders.size} people as ${role}:`, '');
          for (const h of holders.values()) lines.push(`- ${h.name} (${h.articles.size} article${h.articles.size === 1 ? '' : 's'})`);
        }
      }
    }
    lines.push('', `Meeting: ${meetingLabel(meeting)}`);
    return { value: lines.join('\n'), range: p.range };
  }
  return undefined;
}

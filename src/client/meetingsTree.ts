// The Meetings view: each real-world meeting with its open conflicts, its participants (and the title each outlet
// used) and every outlet's account of it, each saying how it was dated. Meetings that two or more outlets report
// lead; those only one outlet reports are grouped below (or hidden with the view's filter action). Stable ids and
// getParent let the view follow the cursor.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, EventsRequest, EventSummary, MeetingAccountSummary, MeetingRequest, MeetingsRequest, MeetingSummary } from '../shared/protocol';

export type MeetingNode =
  | { type: 'single-group'; count: number }
  | { type: 'meeting'; meeting: MeetingSummary }
  | { type: 'conflict'; meeting: MeetingSummary; index: number }
  | { type: 'participants'; meeting: MeetingSummary }
  | { type: 'participant'; meeting: MeetingSummary; participant: MeetingSummary['participants'][number] }
  | { type: 'account'; meeting: MeetingSummary; account: MeetingAccountSummary }
  | { type: 'events-group'; count: number }
  | { type: 'event'; event: EventSummary }
  | { type: 'event-article'; event: EventSummary; article: EventSummary['articles'][number] };

export class MeetingsProvider implements vscode.TreeDataProvider<MeetingNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private loaded: Promise<MeetingSummary[]> | undefined;
  private events: Promise<EventSummary[]> | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** Whether meetings only one outlet reports are hidden (the view's filter action). */
  private singleHidden = false;

  setSingleHidden(hidden: boolean): void {
    this.singleHidden = hidden;
    void vscode.commands.executeCommand('setContext', 'sourcelens.meetings.singleHidden', hidden);
    this.changed.fire();
  }

  private snapshot = '';

  /**
   * Re-reads the meetings and redraws only if they changed: a redraw invalidates the commands of the rows on
   * screen, so a needless one can swallow the reader's click ("command not found").
   */
  async refresh(): Promise<void> {
    const client = this.client();
    if (!client || !client.isRunning()) return;
    const next = client.sendRequest(MeetingsRequest);
    const events = client.sendRequest(EventsRequest);
    const snapshot = JSON.stringify([await next, await events]);
    if (snapshot === this.snapshot) return;
    this.snapshot = snapshot;
    this.loaded = next;
    this.events = events;
    this.changed.fire();
  }

  /** The current meetings (fetched once per refresh). */
  async all(): Promise<MeetingSummary[]> {
    const client = this.client();
    if (!client || !client.isRunning()) return [];
    if (!this.loaded) {
      const meetings = client.sendRequest(MeetingsRequest);
      const events = client.sendRequest(EventsRequest);
      this.loaded = meetings;
      this.events = events;
      void Promise.all([meetings, events]).then((both) => (this.snapshot = JSON.stringify(both)));
    }
    return this.loaded;
  }

  /** The stories two or more outlets report (fetched with the meetings). */
  async allEvents(): Promise<EventSummary[]> {
    await this.all();
    return (await this.events) ?? [];
  }

  async getChildren(node?: MeetingNode): Promise<MeetingNode[]> {
    if (!node) {
      const all = await this.all();
      const shared = all.filter((m) => m.outlets >= 2).map((meeting): MeetingNode => ({ type: 'meeting', meeting }));
      const single = all.length - shared.length;
      const events = await this.allEvents();
      const groups: MeetingNode[] = [...(single && !this.singleHidden ? [{ type: 'single-group' as const, count: single }] : []), ...(events.length ? [{ type: 'events-group' as const, count: events.length }] : [])];
      return [...shared, ...groups];
    }
    if (node.type === 'events-group') return (await this.allEvents()).map((event) => ({ type: 'event', event }));
    if (node.type === 'event') return node.event.articles.map((article) => ({ type: 'event-article', event: node.event, article }));
    if (node.type === 'single-group') return (await this.all()).filter((m) => m.outlets < 2).map((meeting) => ({ type: 'meeting', meeting }));
    if (node.type === 'meeting') {
      return [
        ...node.meeting.conflicts.map((_, index) => ({ type: 'conflict' as const, meeting: node.meeting, index })),
        { type: 'participants', meeting: node.meeting },
        ...node.meeting.accounts.map((account) => ({ type: 'account' as const, meeting: node.meeting, account })),
      ];
    }
    if (node.type === 'participants') return node.meeting.participants.map((participant) => ({ type: 'participant', meeting: node.meeting, participant }));
    return [];
  }

  getParent(node: MeetingNode): MeetingNode | undefined {
    if (node.type === 'single-group' || node.type === 'events-group') return undefined;
    if (node.type === 'event') return { type: 'events-group', count: 0 };
    if (node.type === 'event-article') return { type: 'event', event: node.event };
    if (node.type === 'meeting') return node.meeting.outlets >= 2 || this.singleHidden ? undefined : { type: 'single-group', count: 0 };
    if (node.type === 'participant') return { type: 'participants', meeting: node.meeting };
    return { type: 'meeting', meeting: node.meeting };
  }

  getTreeItem(node: MeetingNode): vscode.TreeItem {
    switch (node.type) {
      case 'single-group': {
        const item = new vscode.TreeItem(`Reported by one outlet (${node.count})`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'single-group';
        item.iconPath = new vscode.ThemeIcon('filter');
        item.tooltip = 'Meetings only one article of the corpus reports: nothing to compare them with. Hide them with the filter action.';
        return item;
      }
      case 'events-group': {
        const item = new vscode.TreeItem(`Stories several outlets report (${node.count})`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'events-group';
        item.iconPath = new vscode.ThemeIcon('library');
        item.tooltip = 'Events (a quake, an attack, an arrest, a trial, a deal…) that articles of two or more outlets report; those whose figures disagree first. Compare opens the articles side by side.';
        return item;
      }
      case 'event': {
        const e = node.event;
        const item = new vscode.TreeItem(e.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `event/${e.id}`;
        const when = e.from ? (e.from === e.to || !e.to ? e.from : `${e.from} – ${e.to}`) : '';
        item.description = [`${e.outlets} outlets`, e.type !== 'other' ? e.type : '', when, e.conflicts ? `${e.conflicts} figure conflict${e.conflicts === 1 ? '' : 's'}` : '', e.updates ? `${e.updates} update${e.updates === 1 ? '' : 's'}` : ''].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon(e.conflicts ? 'warning' : 'globe');
        item.tooltip = `${e.label}\n${e.articles.length} articles from ${e.outlets} outlets`;
        item.contextValue = 'sourcelens.event';
        return item;
      }
      case 'event-article': {
        const a = node.article;
        const item = new vscode.TreeItem(`${a.outlet ?? 'unknown outlet'} — ${a.name}`, vscode.TreeItemCollapsibleState.None);
        item.id = `event/${node.event.id}/a/${a.uri}`;
        item.description = a.headline ?? '';
        item.iconPath = new vscode.ThemeIcon('file-text');
        item.command = { title: 'Open article', command: COMMANDS.openAccount, arguments: [a.uri, a.range] };
        return item;
      }
      case 'conflict': {
        const c = node.meeting.conflicts[node.index];
        const item = new vscode.TreeItem(c.message, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.meeting.id}/c/${node.index}`;
        item.description = c.code;
        item.tooltip = `${c.code}: ${c.message}`;
        item.iconPath = new vscode.ThemeIcon('warning');
        item.command = { title: 'Open conflict', command: 'sourcelens.openAccount', arguments: [c.uri, c.range] };
        return item;
      }
      case 'meeting': {
        const m = node.meeting;
        const item = new vscode.TreeItem(m.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = m.id;
        item.description = [m.outlets >= 2 ? `${m.outlets} outlets` : '', m.kind !== 'meeting' ? m.kind : '', m.status !== 'past' ? m.status : '', m.conflicts.length ? `${m.conflicts.length} conflict${m.conflicts.length === 1 ? '' : 's'}` : ''].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon(m.conflicts.length ? 'warning' : m.kind === 'call' ? 'call-outgoing' : 'organization');
        item.tooltip = new vscode.MarkdownString([`**${m.label}**`, '', ...m.conflicts.map((c) => `⚠ \`${c.code}\` ${c.message}`)].join('  \n'));
        item.contextValue = 'sourcelens.meeting';
        return item;
      }
      case 'participants': {
        const item = new vscode.TreeItem('Participants', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.meeting.id}/participants`;
        item.iconPath = new vscode.ThemeIcon('person');
        return item;
      }
      case 'participant': {
        const p = node.participant;
        const item = new vscode.TreeItem(p.name, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.meeting.id}/p/${p.key}`;
        const titles = [...new Set(p.titles.map((t) => t.title))];
        item.description = titles.join(' · ');
        item.tooltip = [...p.titles.map((t) => `${t.outlet ?? t.name}: ${t.title}`), ...p.byRole.map((r) => `${r.outlet ?? r.name} names them by role only, “${r.written}”: ${r.why}`)].join('\n') || undefined;
        return item;
      }
      case 'account': {
        const a = node.account;
        const item = new vscode.TreeItem(`${a.outlet ?? 'unknown outlet'} — ${a.name}`, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.meeting.id}/a/${a.id}`;
        item.description = `${a.datedBy} · ${a.firstWords}`;
        item.tooltip = [a.headline, a.datedBy, a.ranges.length > 1 ? `${a.ranges.length} passages of the article tell this meeting` : ''].filter(Boolean).join('\n') || undefined;
        item.iconPath = new vscode.ThemeIcon('file-text');
        item.contextValue = 'sourcelens.account';
        item.command = { title: 'Open account', command: COMMANDS.openAccount, arguments: [a.uri, a.range] };
        return item;
      }
    }
  }

  /** The tree node for an account, for reveal(). */
  async accountNode(meetingId: string, accountId: string): Promise<MeetingNode | undefined> {
    const meeting = (await this.all()).find((m) => m.id === meetingId);
    const account = meeting?.accounts.find((a) => a.id === accountId);
    return meeting && account ? { type: 'account', meeting, account } : undefined;
  }

  /** One meeting by id: from the list on screen, or from the server when the list is older than the id (an edit
   *  re-formed the meeting and the refresh has not arrived yet). */
  async meeting(id: string): Promise<MeetingSummary | undefined> {
    const listed = (await this.all()).find((m) => m.id === id);
    if (listed) return listed;
    const client = this.client();
    if (!client || !client.isRunning()) return undefined;
    return (await client.sendRequest(MeetingRequest, { id })) ?? undefined;
  }
}

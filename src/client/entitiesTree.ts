// The Entities view: people, organisations and places with their mention counts; under each, the articles that
// mention them, then the mentions (with the title used), which open at the mention. An entity's articles are
// fetched when it is expanded: a large corpus has tens of thousands of entities and millions of mentions.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, EntitiesRequest, EntityDetail, EntitySummary, EntityRequest } from '../shared/protocol';

type Article = EntityDetail['articles'][number];
type Node =
  | { type: 'group'; kind: EntitySummary['kind']; entities: EntitySummary[] }
  | { type: 'entity'; entity: EntitySummary }
  | { type: 'more'; kind: EntitySummary['kind']; count: number }
  | { type: 'article'; entity: EntitySummary; article: Article }
  | { type: 'mention'; entity: EntitySummary; article: Article; index: number };

/** Entities shown per group; the rest are a workspace-symbol search away. */
const MAX_PER_GROUP = 300;

const GROUPS: { kind: EntitySummary['kind']; label: string; icon: string }[] = [
  { kind: 'person', label: 'People', icon: 'person' },
  { kind: 'organisation', label: 'Organisations', icon: 'organization' },
  { kind: 'place', label: 'Places', icon: 'globe' },
];

export class EntitiesProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private snapshot = '';

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** Redraws only when the entities changed (a redraw invalidates the rows' commands mid-click). */
  async refresh(): Promise<void> {
    const client = this.client();
    if (!client || !client.isRunning()) return;
    const snapshot = JSON.stringify(await client.sendRequest(EntitiesRequest));
    if (snapshot === this.snapshot) return;
    this.snapshot = snapshot;
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const client = this.client();
    if (!client || !client.isRunning()) return [];
    if (!node) {
      const entities = await client.sendRequest(EntitiesRequest);
      this.snapshot = JSON.stringify(entities);
      return GROUPS.map((g) => ({ type: 'group' as const, kind: g.kind, entities: entities.filter((e) => e.kind === g.kind) })).filter((g) => g.entities.length);
    }
    if (node.type === 'group') {
      const shown: Node[] = node.entities.slice(0, MAX_PER_GROUP).map((entity) => ({ type: 'entity', entity }));
      if (node.entities.length > MAX_PER_GROUP) shown.push({ type: 'more', kind: node.kind, count: node.entities.length - MAX_PER_GROUP });
      return shown;
    }
    if (node.type === 'entity') {
      const detail = await client.sendRequest(EntityRequest, { id: node.entity.id });
      return (detail?.articles ?? []).map((article) => ({ type: 'article', entity: node.entity, article }));
    }
    if (node.type === 'article') return node.article.mentions.map((_, index) => ({ type: 'mention', entity: node.entity, article: node.article, index }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'group': {
        const g = GROUPS.find((x) => x.kind === node.kind)!;
        const item = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${node.kind}`;
        item.description = `${node.entities.length}`;
        item.iconPath = new vscode.ThemeIcon(g.icon);
        return item;
      }
      case 'entity': {
        const e = node.entity;
        const item = new vscode.TreeItem(e.canonical, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = e.id;
        item.description = `${e.mentionCount} mention${e.mentionCount === 1 ? '' : 's'} · ${e.articleCount} article${e.articleCount === 1 ? '' : 's'}`;
        item.tooltip = e.aliases.length > 1 ? `Also written: ${e.aliases.filter((a) => a !== e.canonical).join(', ')}` : undefined;
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`${node.count} more, mentioned less often`, vscode.TreeItemCollapsibleState.None);
        item.id = `more:${node.kind}`;
        item.description = 'search them with Go to Symbol in Workspace';
        item.iconPath = new vscode.ThemeIcon('search');
        item.command = { title: 'Go to Symbol in Workspace', command: 'workbench.action.showAllSymbols' };
        return item;
      }
      case 'article': {
        const item = new vscode.TreeItem(`${node.article.outlet ?? 'unknown outlet'} — ${node.article.name}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.entity.id}/${node.article.uri}`;
        item.description = `${node.article.mentions.length}`;
        item.iconPath = new vscode.ThemeIcon('file-text');
        return item;
      }
      case 'mention': {
        const m = node.article.mentions[node.index];
        const item = new vscode.TreeItem(m.text, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.entity.id}/${node.article.uri}#${m.range.start.line}:${m.range.start.character}`;
        item.description = m.title ?? `line ${m.range.start.line + 1}`;
        item.command = { title: 'Open mention', command: COMMANDS.openAccount, arguments: [node.article.uri, m.range] };
        return item;
      }
    }
  }
}

// The Articles view: one row per article (headline, outlet, date, finding count); a click opens it at its headline.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { ArticleSummary, CorpusRequest } from '../shared/protocol';
import { escapeMarkdown } from '../shared/markdown';

export class ArticlesProvider implements vscode.TreeDataProvider<ArticleSummary> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  private snapshot = '';
  /** The corpus' article URIs (as VS Code spells them), for the article language switch. */
  readonly uris = new Set<string>();
  private readonly urisChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeUris = this.urisChanged.event;

  private remember(articles: ArticleSummary[]): void {
    this.uris.clear();
    for (const a of articles) this.uris.add(vscode.Uri.parse(a.uri).toString());
    this.urisChanged.fire();
  }

  /** Redraws only when the articles changed (a redraw invalidates the rows' commands mid-click). */
  async refresh(): Promise<void> {
    const client = this.client();
    if (!client || !client.isRunning()) return;
    const articles = await client.sendRequest(CorpusRequest);
    this.remember(articles);
    const snapshot = JSON.stringify(articles);
    if (snapshot === this.snapshot) return;
    this.snapshot = snapshot;
    this.changed.fire();
  }

  async getChildren(element?: ArticleSummary): Promise<ArticleSummary[]> {
    const client = this.client();
    if (element || !client || !client.isRunning()) return [];
    const articles = await client.sendRequest(CorpusRequest);
    this.snapshot = JSON.stringify(articles);
    this.remember(articles);
    return articles.sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.name.localeCompare(b.name));
  }

  getTreeItem(article: ArticleSummary): vscode.TreeItem {
    const item = new vscode.TreeItem(article.headline ?? article.name, vscode.TreeItemCollapsibleState.None);
    const total = article.findings.error + article.findings.warning + article.findings.information + article.findings.hint;
    item.id = article.uri;
    const share = article.sourcing.sentences ? Math.round((100 * article.sourcing.attributed) / article.sourcing.sentences) : 0;
    item.description = [article.outlet ?? 'unknown outlet', article.published ?? 'no date', `${share}% attributed`, `${total} finding${total === 1 ? '' : 's'}`].join(' · ');
    item.tooltip = new vscode.MarkdownString(
      [
        `**${escapeMarkdown(article.headline ?? '(no headline)')}**`,
        '',
        `File: \`${article.name}\``,
        `Outlet: ${escapeMarkdown(article.outlet ?? 'unknown')}`,
        `Published: ${article.published ? `${article.published} (from ${article.publishedFrom})` : 'unknown'}`,
        `${article.wordCount} words · ${article.boilerplate} boilerplate lines`,
        `Findings: ${article.findings.error} errors, ${article.findings.warning} warnings, ${article.findings.information} info, ${article.findings.hint} hints`,
        `Sourcing: ${article.sourcing.attributed} of ${article.sourcing.sentences} sentences attributed (${article.sourcing.anonymous} to vague or anonymous sources); ${article.sourcing.unattributedClaims} claim(s) nobody is cited for`,
        `Sources cited: ${article.sourcing.sources.map(escapeMarkdown).join(', ') || 'none'}`,
        ...article.problems.map((p) => `⚠ ${escapeMarkdown(p)}`),
      ].join('  \n'),
    );
    item.resourceUri = vscode.Uri.parse(article.uri);
    item.iconPath = new vscode.ThemeIcon(article.findings.error ? 'error' : article.findings.warning ? 'warning' : 'file-text');
    item.contextValue = 'sourcelens.article';
    const selection = article.headlineRange
      ? new vscode.Range(article.headlineRange.start.line, article.headlineRange.start.character, article.headlineRange.end.line, article.headlineRange.end.character)
      : undefined;
    item.command = { title: 'Open article', command: 'vscode.open', arguments: [item.resourceUri, { selection, preview: true }] };
    return item;
  }
}

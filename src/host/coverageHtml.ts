// The Coverage page: one self-contained HTML file (inline SVG charts plotted with @observablehq/plot on a linkedom
// document, inline CSS, no script and no remote resource) — written by `sourcelens report --format html` and shown,
// with a nonce'd script for clicks, in the Coverage webview. Every mark links to its account (`<a href>`).

import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { CoverageAccount, CoverageData } from '../core/coverage';

export interface CoverageHtmlOptions {
  title?: string;
  /** Extra tags for the head (the webview's Content-Security-Policy) and the end of the body (its script). */
  head?: string;
  tail?: string;
  /** The link a mark opens; default: the article's URI with `#sl=start,end` (the account's offsets). */
  href?: (account: CoverageAccount) => string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function coverageHtml(data: CoverageData, options: CoverageHtmlOptions = {}): string {
  const { document } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');
  // In the webview the Content-Security-Policy (in `head`) allows styles by nonce only, never 'unsafe-inline':
  // every <style> of the page — ours and the one Plot puts in each chart — carries the nonce, and the few style=""
  // attributes Plot writes (a legend's figure wrapper) become classes with their declarations in our stylesheet
  // (`!important`, as an inline style outranks other rules), so nothing inline needs allowing.
  const nonce = /'nonce-([^']+)'/.exec(options.head ?? '')?.[1];
  const inlineStyles = new Map<string, string>();
  type Node = { outerHTML: string; querySelectorAll(selector: string): Iterable<Element> };
  // (the chart's own root counts too: with a legend, Plot returns a <figure style="…">)
  type Element = { setAttribute(name: string, value: string): void; getAttribute(name: string): string | null; removeAttribute(name: string): void; classList: { add(c: string): void } };
  const render = (plot: () => Plot.Plot | (SVGSVGElement | HTMLElement)) => {
    const node = plot() as unknown as Node;
    if (nonce) for (const style of node.querySelectorAll('style')) style.setAttribute('nonce', nonce);
    for (const el of [node as unknown as Element, ...node.querySelectorAll('[style]')]) {
      const declarations = (el.getAttribute('style') ?? '').trim();
      if (!declarations) {
        el.removeAttribute('style');
        continue;
      }
      let name = inlineStyles.get(declarations);
      if (!name) inlineStyles.set(declarations, (name = `sl-style-${inlineStyles.size + 1}`));
      el.classList.add(name);
      el.removeAttribute('style');
    }
    return node.outerHTML;
  };
  const movedStyles = () => [...inlineStyles].map(([declarations, name]) => `.${name} { ${declarations.split(';').map((d) => d.trim()).filter((d) => /^[\w-]+\s*:[^{}<]*$/.test(d)).map((d) => `${d.replace(/\s*!important$/, '')} !important`).join('; ')} }`).join('\n');
  const href = options.href ?? ((a: CoverageAccount) => `${a.uri}#sl=${a.span.start},${a.span.end}`);
  const outlets = data.outlets.map((o) => o.outlet);
  const width = 880;
  const sections: string[] = [];

  // Timeline: meetings and events × outlets.
  if (data.accounts.length) {
    const rows = data.accounts.map((a) => ({ ...a, when: new Date(`${a.date}T00:00:00Z`), link: href(a), state: a.disagrees ? 'disagrees' : a.accounts > 1 ? 'shared' : 'only this outlet' }));
    sections.push(`<section id="timeline"><h2>Who reported which meeting or story, when</h2><p class="note">One mark per account of a meeting (a circle) or article of a story several outlets report (a square, at its publication date); the accounts of one meeting or story are joined by a line. Red: this account disagrees with another outlet's (figures, dates, titles or quotes). Click a mark to open the account.</p>${omittedNote(data)}${render(() =>
      Plot.plot({
        document, width, marginLeft: 150, height: 60 + 34 * outlets.length,
        x: { type: 'utc', label: 'date', grid: true },
        y: { domain: outlets, label: null },
        color: { domain: ['disagrees', 'shared', 'only this outlet'], range: ['#d62728', '#1f77b4', '#999999'], legend: true },
        marks: [
          Plot.line(rows.filter((r) => r.accounts > 1), { x: 'when', y: 'outlet', z: (r: typeof rows[number]) => `${r.kind}:${r.meetingId}`, stroke: '#1f77b4', strokeOpacity: 0.25 }),
          Plot.dot(rows.filter((r) => r.kind === 'meeting'), { x: 'when', y: 'outlet', fill: 'state', r: 6, href: 'link', title: (r: typeof rows[number]) => `${r.meeting}\n${r.outlet} · ${r.name}${r.disagrees ? '\ndisagrees with another account' : ''}`, ariaLabel: (r: typeof rows[number]) => `${r.outlet}: ${r.meeting}` } as Plot.DotOptions),
          Plot.dot(rows.filter((r) => r.kind === 'story'), { symbol: 'square', x: 'when', y: 'outlet', fill: 'state', r: 6, href: 'link', title: (r: typeof rows[number]) => `${r.meeting}\n${r.outlet} · ${r.name}${r.disagrees ? '\ndisagrees with another account' : ''}`, ariaLabel: (r: typeof rows[number]) => `${r.outlet}: ${r.meeting}` } as Plot.DotOptions),
        ],
      }))}</section>`);
  }

  // Sourcing profile per outlet.
  if (data.outlets.length) {
    const bar = (key: 'attributedShare' | 'anonymousPer100' | 'quotesPerArticle', label: string, percent = false) => render(() =>
      Plot.plot({
        document, width: 290, marginLeft: 150, height: 40 + 26 * outlets.length,
        x: { label, grid: true, percent, nice: true },
        y: { domain: outlets, label: null },
        marks: [Plot.barX(data.outlets, { x: key, y: 'outlet', fill: '#4c78a8', title: (o: typeof data.outlets[number]) => `${o.outlet}: ${(percent ? o[key] * 100 : o[key]).toFixed(1)}${percent ? '%' : ''} (${o.articles} articles)` }), Plot.ruleX([0])],
      }));
    sections.push(`<section id="sourcing"><h2>Sourcing profile per outlet</h2><p class="note">Share of sentences attributed to a source; sentences resting on an anonymous or vague source per 100; quotations per article.</p><div class="row">${bar('attributedShare', 'attributed sentences (%)', true)}${bar('anonymousPer100', 'anonymous per 100 sentences')}${bar('quotesPerArticle', 'quotes per article')}</div></section>`);
  }

  // Word choices: each loaded-term family, outlets × words.
  const groups = [...new Set(data.loaded.map((l) => l.group))];
  if (groups.length) {
    const charts = groups.map((group) => {
      const uses = data.loaded.filter((l) => l.group === group);
      const terms = [...new Set(uses.map((u) => u.term))];
      const rowsOutlets = outlets.filter((o) => uses.some((u) => u.outlet === o));
      return `<figure><figcaption>${escape(group)}</figcaption>${render(() =>
        Plot.plot({
          document, width: Math.min(width, 170 + 90 * terms.length), marginLeft: 150, marginBottom: 50, height: 60 + 28 * rowsOutlets.length,
          x: { domain: terms, label: null, tickRotate: -20 },
          y: { domain: rowsOutlets, label: null },
          color: { scheme: 'oranges', type: 'sqrt' },
          marks: [
            Plot.cell(uses, { x: 'term', y: 'outlet', fill: 'count', inset: 1, title: (u: LoadedRow) => `${u.outlet} writes “${u.term}” ${u.count}×` }),
            Plot.text(uses, { x: 'term', y: 'outlet', text: 'count', fill: 'black' }),
          ],
        }))}</figure>`;
    });
    sections.push(`<section id="words"><h2>Word choices for the same groups</h2><p class="note">Words that carry a verdict (rules/loaded.yaml), counted per outlet: who writes “rebels”, who writes “terrorists”.</p>${charts.join('')}</section>`);
  }

  const title = options.title ?? 'Sourcelens coverage';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
${options.head ?? ''}
<title>${escape(title)}</title>
<style${nonce ? ` nonce="${escape(nonce)}"` : ''}>${CSS}${movedStyles()}</style>
</head>
<body>
<h1>${escape(title)}</h1>
<p class="summary">${data.articles} articles · ${outlets.length} outlets · ${data.timeline.groupsTotal} dated meetings and events · ${data.accounts.filter((a) => a.disagrees).length} accounts that disagree with another outlet's</p>
${sections.join('\n') || '<p>Nothing to plot yet.</p>'}
${options.tail ?? ''}
</body>
</html>`;
}

type LoadedRow = CoverageData['loaded'][number];

/** Says what the timeline leaves out when the corpus has more marks than a chart can show. */
function omittedNote(data: CoverageData): string {
  const t = data.timeline;
  if (t.accountsShown >= t.accountsTotal) return '';
  const fmt = (n: number) => n.toLocaleString('en-US');
  return `<p class="note omitted">Showing ${fmt(t.groupsShown)} of ${fmt(t.groupsTotal)} meetings and stories (${fmt(t.accountsShown)} of ${fmt(t.accountsTotal)} accounts): those where outlets disagree first, then those the most outlets report. The other ${fmt(t.groupsTotal - t.groupsShown)} are in the Meetings view and in <code>sourcelens meetings</code>.</p>`;
}

const CSS = `
body { font-family: var(--vscode-font-family, system-ui, sans-serif); color: var(--vscode-foreground, #222); background: var(--vscode-editor-background, #fff); margin: 0 16px 24px; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
.note, .summary { color: var(--vscode-descriptionForeground, #666); }
.row { display: flex; flex-wrap: wrap; gap: 12px; }
figure { margin: 0 0 12px; } figcaption { font-weight: 600; margin-bottom: 4px; }
svg { background: #fff; color: #222; border-radius: 4px; max-width: 100%; height: auto; }
svg a:focus { outline: 2px solid #0a84ff; }
`;

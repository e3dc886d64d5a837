// `structure/*` findings: what the reader should know about how an article file was read.

import { Article, Finding, TextRange } from '../types';
import { sourcingApplies } from '../language';

const BOILERPLATE_LABEL: Record<string, string> = {
  caption: 'photo caption',
  'photo-credit': 'photo credit',
  'share-widget': 'share widget',
  advertisement: 'advertisement',
  'related-links': 'related-links list',
  'comments-prompt': 'comments prompt',
  'foreign-script-ui': 'interface text in another script',
  byline: 'byline',
  copyright: 'copyright line',
  tags: 'tag list',
  'date-line': 'date line',
  'repeated-headline': 'repeated headline',
  'front-matter': 'front matter',
};

export function boilerplateLabel(kind: string): string {
  return BOILERPLATE_LABEL[kind] ?? kind;
}

export function structureFindings(article: Article): Finding[] {
  const findings: Finding[] = [];
  const at = (range: TextRange) => ({ uri: article.uri, range, related: [] });

  for (const problem of article.problems) {
    findings.push({ code: problem.code, severity: problem.severity, message: problem.message, ...at(problem.range ?? firstLine(article)) });
  }
  if (article.problems.some((p) => p.code === 'structure/binary-file' || p.code === 'structure/too-large' || p.code === 'structure/unreadable' || p.code === 'structure/outside-folder' || p.code === 'structure/page-not-imported' || (p.code === 'structure/encoding' && article.text === ''))) {
    return findings;
  }
  if (article.text.trim().length === 0) {
    findings.push({ code: 'structure/empty', severity: 'hint', message: `${article.name} is empty: nothing to analyse.`, ...at({ start: 0, end: 0 }) });
    return findings;
  }
  if (!article.headline && !article.meta.title) {
    findings.push({
      code: 'structure/missing-headline',
      severity: 'information',
      message: 'No headline found: the first line reads as body text. Put the headline on the first line, or add `title:` to the front matter or sources.yaml.',
      ...at(firstLine(article)),
    });
  }
  if (!sourcingApplies(article)) {
    findings.push({
      code: 'structure/not-english',
      severity: 'hint',
      message: 'This article does not read as English: the sourcing checks (unattributed-claim, anonymous-source, quote-unattributed) are off for it. People, places, dates, figures and meetings are still read.',
      ...at(article.headline?.range ?? firstLine(article)),
    });
  }
  if (!article.published) {
    findings.push({
      code: 'structure/no-date',
      severity: 'information',
      message: 'No publication date: relative dates ("on Saturday", "last week") cannot be resolved. Add `published: YYYY-MM-DD` to sources.yaml or the front matter.',
      ...at(article.headline?.range ?? firstLine(article)),
      fixes: [{ kind: 'add-publication-date', uri: article.uri }],
    });
  } else if (article.published.ambiguous && article.published.range) {
    findings.push({
      code: 'structure/ambiguous-date',
      severity: 'information',
      message: `The printed date "${article.text.slice(article.published.range.start, article.published.range.end)}" reads as day/month or month/day; Sourcelens took ${article.published.iso}. Set \`published\` in sources.yaml to be sure.`,
      ...at(article.published.range),
      fixes: [{ kind: 'add-publication-date', uri: article.uri, date: article.published.iso }],
    });
  }
  for (const b of article.boilerplate) {
    if (b.kind === 'front-matter') continue;
    findings.push({
      code: 'structure/boilerplate',
      severity: 'hint',
      message: `Boilerplate (${boilerplateLabel(b.kind)}) excluded from analysis.`,
      unnecessary: true,
      ...at(b.range),
    });
  }
  return findings;
}

function firstLine(article: Article): TextRange {
  const start = article.frontMatter?.end ?? 0;
  const text = article.text;
  let s = start;
  while (s < text.length && /\s/.test(text[s])) s++;
  let e = s;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r' && e - s < 200) e++;
  return { start: s, end: e };
}

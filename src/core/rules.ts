// The one rule registry: every finding code the analysis can produce, with its family, default severity, a
// one-line description and where it is documented. `Finding.code` is typed by it, so a new code must be added here;
// test/unit/rules.test.ts checks the README's code table, package.json's `sourcelens.rules` schema and the severities
// the rules actually produce against it; the CLI validates `--rule` and lists SARIF rules from it.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Families group codes in the docs; `structure/*` is also a settings key (see config.ts). */
export type RuleFamily = 'structure' | 'meetings' | 'headlines' | 'people' | 'sourcing';

export interface RuleInfo {
  code: string;
  family: RuleFamily;
  severity: Severity;
  description: string;
  /** Documentation link, relative to the repository root. */
  doc: string;
}

const DOC = 'README.md#finding-codes';

export const RULES = [
  { code: 'structure/not-english', family: 'structure', severity: 'hint', description: 'The article does not read as English, so the sourcing checks (which read English phrasing) are off for it.', doc: DOC },
  { code: 'structure/missing-headline', family: 'structure', severity: 'information', description: 'No headline line was found at the top of the article.', doc: DOC },
  { code: 'structure/no-date', family: 'structure', severity: 'information', description: 'The article has no publication date (front matter, sources.yaml or a printed date), so relative dates cannot be resolved.', doc: DOC },
  { code: 'structure/ambiguous-date', family: 'structure', severity: 'information', description: 'The printed publication date reads two ways (day/month order); the chosen reading is named.', doc: DOC },
  { code: 'structure/boilerplate', family: 'structure', severity: 'hint', description: 'Page furniture (captions, share widgets, link lists, UI strings) excluded from analysis.', doc: DOC },
  { code: 'structure/empty', family: 'structure', severity: 'hint', description: 'The file has no text to analyse.', doc: DOC },
  { code: 'structure/binary-file', family: 'structure', severity: 'warning', description: 'The file contains NUL bytes and looks binary; it is not analysed.', doc: DOC },
  { code: 'structure/too-large', family: 'structure', severity: 'warning', description: 'The file is larger than sourcelens.corpus.maxFileSizeMB; it is not analysed.', doc: DOC },
  { code: 'structure/encoding', family: 'structure', severity: 'warning', description: 'The file is not valid UTF-8 or UTF-16 (undecodable bytes were replaced), or is in an encoding Sourcelens does not read (UTF-32: not analysed).', doc: DOC },
  { code: 'structure/unreadable', family: 'structure', severity: 'warning', description: 'The file could not be read (permissions, deleted while indexing, a FIFO or device rather than a regular file).', doc: DOC },
  { code: 'structure/outside-folder', family: 'structure', severity: 'warning', description: 'A link that resolves outside the corpus folder; it is not followed (sourcelens.corpus.followLinksOutside allows it).', doc: DOC },
  { code: 'structure/invalid-metadata', family: 'structure', severity: 'warning', description: 'The front matter (or sourcelens.entities.yaml / sourcelens.suppressions.yaml) is malformed, never closed, or has invalid values.', doc: DOC },
  { code: 'structure/page-not-imported', family: 'structure', severity: 'information', description: 'A saved web page (.html) holding an article that has not been imported yet: import it (Sourcelens: Import saved pages, or `sourcelens import`) to analyse it as a readable .md beside it.', doc: DOC },
  { code: 'structure/partly-analysed', family: 'structure', severity: 'information', description: 'A file with more than 250,000 characters of paragraph text (several pages or a book, not one article): only its first 250,000 are analysed, so one file cannot hold the server for seconds.', doc: DOC },
  { code: 'structure/too-many-figures', family: 'structure', severity: 'information', description: 'A sentence holding more than 100 numbers (a table, a list of scores, or debris such as a run of digits): only its first 100 are read as figures.', doc: DOC },
  { code: 'structure/not-prose', family: 'structure', severity: 'information', description: 'Text that is not prose and is not read as words: a run of more than 100 characters without a space (an encoded blob, a minified line, a long link) or a long paragraph of program code (a minified script).', doc: DOC },
  { code: 'structure/invalid-sources', family: 'structure', severity: 'warning', description: 'A sources.yaml file is malformed or has invalid values.', doc: DOC },
  { code: 'figure-conflict', family: 'meetings', severity: 'warning', description: 'Two outlets give incompatible figures for the same quantity of the same event or meeting (qualifiers, rounding and unit conversions taken into account); the message names the event and how the articles were linked.', doc: DOC },
  { code: 'figure-update', family: 'meetings', severity: 'information', description: 'A later report of the same event gives a higher toll than an earlier one (or says it rose): an update, not a contradiction.', doc: DOC },
  { code: 'figure-inconsistent', family: 'meetings', severity: 'warning', description: 'A figure contradicts a date anchor (an age or duration that does not fit the year the corpus says it began).', doc: DOC },
  { code: 'date-conflict', family: 'meetings', severity: 'warning', description: 'Two accounts of the same meeting put it on different days.', doc: DOC },
  { code: 'headline-unsupported', family: 'headlines', severity: 'warning', description: 'The headline (or a caption making claims) names a person, place or figure the body never reports, or the body is about something else.', doc: DOC },
  { code: 'title-conflict', family: 'people', severity: 'warning', description: 'One person is given roles that cannot both hold at the articles’ dates (defence minister here, foreign minister there), within or across articles.', doc: DOC },
  { code: 'title-anachronism', family: 'people', severity: 'warning', description: 'A title the knowledge file (sourcelens.entities.yaml) says the person did not hold on the article’s date.', doc: DOC },
  { code: 'name-variant', family: 'people', severity: 'information', description: 'The same person is spelled differently across the corpus (transliterations: Bagheri / Baqeri), or a rare spelling is one letter from a common one (Jingping / Jinping); the message names the outlets using each form.', doc: DOC },
  { code: 'name-diacritics', family: 'people', severity: 'hint', description: 'The same name is written with and without its diacritics across the corpus (Erdoğan / Erdogan): typography, not another spelling; the message names the outlets using each form.', doc: DOC },
  { code: 'title-missing', family: 'people', severity: 'hint', description: 'A person is introduced with no title or description at all.', doc: DOC },
  { code: 'unattributed-claim', family: 'sourcing', severity: 'warning', description: 'A checkable claim (casualty figure, accusation, military or causal claim, numbers) with no source, neither in the sentence nor carried over.', doc: DOC },
  { code: 'anonymous-source', family: 'sourcing', severity: 'information', description: 'A claim resting on a vague or anonymous source ("officials", "a source", "media said").', doc: DOC },
  { code: 'quote-unattributed', family: 'sourcing', severity: 'warning', description: 'A quotation (not a scare quote) with no speaker found.', doc: DOC },
  { code: 'loaded-term', family: 'sourcing', severity: 'hint', description: 'A word that carries a verdict ("regime", "terrorist", "martyr"), with the words other outlets in the corpus use for the same group (rules/loaded.yaml). Not flagged inside a quotation or as a designation the sentence attributes ("treated as a terrorist attack").', doc: DOC },
  { code: 'loaded-label', family: 'sourcing', severity: 'information', description: 'A label that brands a whole group with a verdict ("Takfiri terrorists", "terrorists", "Zionist entity"), the usage of state media, with the words other outlets in the corpus use for the same group (rules/loaded.yaml): information, not a hint.', doc: DOC },
  { code: 'quote-variant', family: 'sourcing', severity: 'information', description: 'The same statement quoted by two outlets in different words; the hover shows a word-level diff.', doc: DOC },
  { code: 'headline-overstated', family: 'headlines', severity: 'information', description: 'The headline states as fact, or with a stronger verb, what the body attributes to someone else or hedges; related information names the body sentence.', doc: DOC },
] as const satisfies readonly RuleInfo[];

export type RuleCode = (typeof RULES)[number]['code'];

const BY_CODE: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.code, r]));

export function ruleInfo(code: string): RuleInfo | undefined {
  return BY_CODE.get(code);
}

/** Family keys a setting may use (`structure/*`): the prefixes before a slash in the registry's codes. */
export const RULE_FAMILY_KEYS: readonly string[] = [...new Set(RULES.filter((r) => r.code.includes('/')).map((r) => `${r.code.split('/')[0]}/*`))];

/** A code of the registry, or a family key (`structure/*`, or `structure`) that at least one code falls under. */
export function isRuleKey(key: string): boolean {
  if (BY_CODE.has(key)) return true;
  const family = /^([a-z-]+)(?:\/\*)?$/.exec(key);
  return family !== null && RULES.some((r) => r.code.startsWith(`${family[1]}/`));
}

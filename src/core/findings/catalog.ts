// Every finding code the analysis can produce, with its default severity and a one-line description.
// The README table, the CLI's SARIF rule list and the settings schema all come from here.

import { Severity } from '../types';

export interface RuleInfo {
  code: string;
  severity: Severity;
  description: string;
}

export const RULES: readonly RuleInfo[] = [
  { code: 'structure/missing-headline', severity: 'information', description: 'No headline line was found at the top of the article.' },
  { code: 'structure/no-date', severity: 'information', description: 'The article has no publication date (front matter, sources.yaml or a printed date), so relative dates cannot be resolved.' },
  { code: 'structure/ambiguous-date', severity: 'information', description: 'The printed publication date reads two ways (day/month order); the chosen reading is named.' },
  { code: 'structure/boilerplate', severity: 'hint', description: 'Page furniture (captions, share widgets, link lists, UI strings) excluded from analysis.' },
  { code: 'structure/empty', severity: 'hint', description: 'The file has no text to analyse.' },
  { code: 'structure/binary-file', severity: 'warning', description: 'The file contains NUL bytes and looks binary; it is not analysed.' },
  { code: 'structure/too-large', severity: 'warning', description: 'The file is larger than sourcelens.corpus.maxFileSizeMB; it is not analysed.' },
  { code: 'structure/encoding', severity: 'warning', description: 'The file is not valid UTF-8 or UTF-16 (undecodable bytes were replaced), or is in an encoding Sourcelens does not read (UTF-32: not analysed).' },
  { code: 'structure/unreadable', severity: 'warning', description: 'The file could not be read (permissions, deleted while indexing, a FIFO or device rather than a regular file).' },
  { code: 'structure/outside-folder', severity: 'warning', description: 'A link that resolves outside the corpus folder; it is not followed (sourcelens.corpus.followLinksOutside allows it).' },
  { code: 'structure/invalid-metadata', severity: 'warning', description: 'The front matter (or sourcelens.entities.yaml / sourcelens.suppressions.yaml) is malformed, never closed, or has invalid values.' },
  { code: 'structure/page-not-imported', severity: 'information', description: 'A saved web page (.html) holding an article that has not been imported yet: import it (Sourcelens: Import saved pages, or `sourcelens import`) to analyse it as a readable .md beside it.' },
  { code: 'structure/invalid-sources', severity: 'warning', description: 'A sources.yaml file is malformed or has invalid values.' },
  { code: 'figure-conflict', severity: 'warning', description: 'Two outlets give incompatible figures for the same quantity of the same event or meeting (qualifiers, rounding and unit conversions taken into account); the message names the event and how the articles were linked.' },
  { code: 'figure-update', severity: 'information', description: 'A later report of the same event gives a higher toll than an earlier one (or says it rose): an update, not a contradiction.' },
  { code: 'figure-inconsistent', severity: 'warning', description: 'A figure contradicts a date anchor (an age or duration that does not fit the year the corpus says it began).' },
  { code: 'date-conflict', severity: 'warning', description: 'Two accounts of the same meeting put it on different days.' },
  { code: 'headline-unsupported', severity: 'warning', description: 'The headline (or a caption making claims) names a person, place or figure the body never reports, or the body is about something else.' },
  { code: 'title-conflict', severity: 'warning', description: 'One person is given roles that cannot both hold at the articles’ dates (defence minister here, foreign minister there), within or across articles.' },
  { code: 'title-anachronism', severity: 'warning', description: 'A title the knowledge file (sourcelens.entities.yaml) says the person did not hold on the article’s date.' },
  { code: 'name-variant', severity: 'information', description: 'The same person is spelled differently across the corpus (Erdoğan / Erdogan); the message names the outlets using each form.' },
  { code: 'title-missing', severity: 'hint', description: 'A person is introduced with no title or description at all.' },
  { code: 'unattributed-claim', severity: 'warning', description: 'A checkable claim (casualty figure, accusation, military or causal claim, numbers) with no source, neither in the sentence nor carried over.' },
  { code: 'anonymous-source', severity: 'information', description: 'A claim resting on a vague or anonymous source ("officials", "a source", "media said").' },
  { code: 'quote-unattributed', severity: 'warning', description: 'A quotation (not a scare quote) with no speaker found.' },
  { code: 'loaded-term', severity: 'hint', description: 'A word that carries a verdict ("regime", "terrorists", "martyr"), with the words other outlets in the corpus use for the same group (rules/loaded.yaml).' },
  { code: 'quote-variant', severity: 'information', description: 'The same statement quoted by two outlets in different words; the hover shows a word-level diff.' },
  { code: 'headline-overstated', severity: 'information', description: 'The headline states as fact, or with a stronger verb, what the body attributes to someone else or hedges; related information names the body sentence.' },
];

const BY_CODE = new Map(RULES.map((r) => [r.code, r]));

export function ruleInfo(code: string): RuleInfo | undefined {
  return BY_CODE.get(code);
}

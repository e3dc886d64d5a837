// People across outlets in the real meetings corpus: `name-variant` and `title-conflict` scored automatically against
// the span-only people gold (test/real/meetings/gold.yaml: every mention by name of a meeting participant, with the
// span of the title printed before it). Pure: texts, gold and findings in, counts out (unit-tested on hand-made
// examples); meetings.ts runs the analysis.
//
// name-variant
// - A finding is RIGHT when its mention and one of its related mentions (the other spellings) overlap gold mentions
//   of one participant; WRONG when they overlap mentions of different participants; UNJUDGED when its own mention
//   is no participant's (the gold covers meeting participants only).
// - Recall: gold spelling variants are two surname forms of one participant, both in Latin script, that are the same
//   after folding diacritics (Erdoğan / Erdogan) or differ by at most two letters in a word of five or more with the
//   same first letter (a misspelt name). Forms of other name parts (Xi / Jinping, Lula / Silva), other scripts and
//   an article particle (al-) are not spelling variants. A variant is caught when a right finding names that person.
//
// title-conflict
// - The annotator listed every participant's distinct printed titles (test/real/meetings/titles.yaml) and judged
//   them; real disagreements go in its `conflicts` (two title spans each; none so far). On the corpus as it is, a
//   title-conflict on a listed conflict is right; any other between two gold mentions of one participant is false,
//   and one between two different participants is false (an identity error); findings on other people are unjudged.
// - Recall cannot be measured on real disagreements (there are none here), so it is measured on seeded ones: for
//   each participant with English titles in two or more articles, the title before one full-name mention (the first
//   such in file order, at most one per file) is replaced by an office that participant never held
//   (SEEDED_OFFICE). The seeded corpus is analysed again; a seed is caught when a title-conflict finding or its
//   related location overlaps the seeded title. Precision on the seeded corpus: findings touching a seed / all.

import { foldText } from '../../core/fold';
import type { MeetingsGold } from './meetingsScore';

export interface PeopleFinding {
  file: string;
  start: number;
  end: number;
  related: { file: string; start: number; end: number }[];
}

/** An office no participant of this corpus held: a seeded title that conflicts with every real one. */
export const SEEDED_OFFICE = 'Interior Minister';

const LATIN = /^[\p{Script=Latin}'’-]+$/u;

/** The surname form of a printed name: its last word, lower case, without a possessive or an article particle. */
export function surnameForm(printed: string): string {
  const last = printed.trim().split(/\s+/).pop() ?? '';
  return last.replace(/’/g, "'").toLowerCase().replace(/'s$/, '').replace(/^(?:al|el|ad|as|ash|an)[-‐]/u, '');
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length];
}

/** Whether two surname forms are spellings of one name (the recall rule in the header). */
export function spellingVariants(a: string, b: string): boolean {
  if (a === b || !LATIN.test(a) || !LATIN.test(b)) return false;
  const fa = foldText(a).toLowerCase();
  const fb = foldText(b).toLowerCase();
  if (fa === fb) return true;
  return Math.min(fa.length, fb.length) >= 5 && fa[0] === fb[0] && editDistance(fa, fb) <= 2;
}

type Located = { file: string; start: number; end: number };
const touches = (a: Located, b: { file: string; span: [number, number] }) => a.file === b.file && a.start < b.span[1] && b.span[0] < a.end;

/** Gold mentions as located spans with their participant (and title span, if any). */
function goldMentions(gold: MeetingsGold): { file: string; span: [number, number]; name: string; title?: [number, number] }[] {
  return gold.articles.flatMap((a) => (a.people ?? []).map((p) => ({ file: a.file, span: p.span, name: p.name, title: p.title })));
}

export interface NameVariantScore {
  findings: number;
  right: number;
  differentPeople: number;
  unjudged: number;
  /** Participants spelled two ways in the gold, and those a right finding names. */
  variantPeople: string[];
  caughtPeople: string[];
  errors: string[];
}

export function scoreNameVariants(gold: MeetingsGold, texts: Map<string, string>, findings: PeopleFinding[]): NameVariantScore {
  const mentions = goldMentions(gold);
  const whoAt = (l: Located) => new Set(mentions.filter((m) => touches(l, m)).map((m) => m.name));
  const s: NameVariantScore = { findings: findings.length, right: 0, differentPeople: 0, unjudged: 0, variantPeople: [], caughtPeople: [], errors: [] };
  const caught = new Set<string>();
  for (const f of findings) {
    const here = whoAt(f);
    const there = new Set(f.related.flatMap((r) => [...whoAt(r)]));
    const same = [...here].filter((n) => there.has(n));
    if (same.length) {
      s.right++;
      same.forEach((n) => caught.add(n));
    } else if (here.size && there.size) {
      s.differentPeople++;
      s.errors.push(`name-variant joins different people: ${f.file}:${f.start}`);
    } else s.unjudged++;
  }
  const forms = new Map<string, Set<string>>();
  for (const m of mentions) {
    const text = texts.get(m.file);
    if (!text) continue;
    const set = forms.get(m.name) ?? new Set<string>();
    set.add(surnameForm(text.slice(m.span[0], m.span[1])));
    forms.set(m.name, set);
  }
  for (const [name, set] of forms) {
    const list = [...set];
    if (list.some((a, i) => list.slice(i + 1).some((b) => spellingVariants(a, b)))) s.variantPeople.push(name);
  }
  s.variantPeople.sort();
  s.caughtPeople = s.variantPeople.filter((n) => caught.has(n));
  for (const n of s.variantPeople) if (!caught.has(n)) s.errors.push(`spelling variants of ${n} not flagged`);
  return s;
}

export interface Seed {
  file: string;
  name: string;
  /** The seeded title's span in the seeded text. */
  start: number;
  end: number;
}

/** Seeds one conflicting title per participant (see the header); returns the seeded texts and where the seeds are. */
export function seedTitleConflicts(gold: MeetingsGold, texts: Map<string, string>): { texts: Map<string, string>; seeds: Seed[] } {
  const english = /^[A-Za-z][A-Za-z .'’-]*$/;
  const byPerson = new Map<string, { file: string; span: [number, number]; title: [number, number] }[]>();
  for (const m of goldMentions(gold)) {
    const text = texts.get(m.file);
    if (!m.title || !text) continue;
    const title = text.slice(m.title[0], m.title[1]);
    const name = text.slice(m.span[0], m.span[1]);
    // A title right before a full name (two words or more), in English.
    if (!english.test(title) || !/\S\s+\S/.test(name) || !/^\s*$/.test(text.slice(m.title[1], m.span[0]))) continue;
    byPerson.set(m.name, [...(byPerson.get(m.name) ?? []), { file: m.file, span: m.span, title: m.title }]);
  }
  const out = new Map(texts);
  const seeds: Seed[] = [];
  const used = new Set<string>();
  for (const [name, list] of [...byPerson].sort(([a], [b]) => a.localeCompare(b))) {
    if (new Set(list.map((m) => m.file)).size < 2) continue;
    const pick = [...list].sort((a, b) => a.file.localeCompare(b.file) || a.title[0] - b.title[0]).find((m) => !used.has(m.file));
    if (!pick) continue;
    used.add(pick.file);
    const text = out.get(pick.file)!;
    out.set(pick.file, text.slice(0, pick.title[0]) + SEEDED_OFFICE + text.slice(pick.title[1]));
    seeds.push({ file: pick.file, name, start: pick.title[0], end: pick.title[0] + SEEDED_OFFICE.length });
  }
  return { texts: out, seeds };
}

/** A real title disagreement the judge found (titles.yaml `conflicts`): the two title spans. */
export interface GoldTitleConflict {
  a: { file: string; span: [number, number] };
  b: { file: string; span: [number, number] };
  reason: string;
}

export interface TitleConflictScore {
  /** On the corpus as it is: findings on a judged real conflict (right), between mentions of one participant or two (false), the rest unjudged. */
  findings: number;
  right: number;
  realConflicts: number;
  realCaught: number;
  onOneParticipant: number;
  differentPeople: number;
  unjudged: number;
  /** On the seeded corpus. */
  seeds: number;
  caught: number;
  seededFindings: number;
  seededFindingsOnSeeds: number;
  errors: string[];
}

export function scoreTitleConflicts(gold: MeetingsGold, findings: PeopleFinding[], seeds: Seed[], seededFindings: PeopleFinding[], real: GoldTitleConflict[] = []): TitleConflictScore {
  const mentions = goldMentions(gold);
  // A title-conflict sits on the title span; the gold mention it belongs to is the one whose title (or name) it overlaps.
  const whoAt = (l: Located) => new Set(mentions.filter((m) => touches(l, m) || (m.title && touches(l, { file: m.file, span: m.title }))).map((m) => m.name));
  const s: TitleConflictScore = { findings: findings.length, right: 0, realConflicts: real.length, realCaught: 0, onOneParticipant: 0, differentPeople: 0, unjudged: 0, seeds: seeds.length, caught: 0, seededFindings: seededFindings.length, seededFindingsOnSeeds: 0, errors: [] };
  const onReal = (f: PeopleFinding, c: GoldTitleConflict) =>
    (touches(f, c.a) && f.related.some((r) => touches(r, c.b))) || (touches(f, c.b) && f.related.some((r) => touches(r, c.a)));
  s.realCaught = real.filter((c) => findings.some((f) => onReal(f, c))).length;
  for (const f of findings) {
    const here = whoAt(f);
    const there = new Set(f.related.flatMap((r) => [...whoAt(r)]));
    if (real.some((c) => onReal(f, c))) s.right++;
    else if ([...here].some((n) => there.has(n))) {
      s.onOneParticipant++;
      s.errors.push(`title-conflict on titles the annotator judged compatible: ${f.file}:${f.start}`);
    } else if (here.size && there.size) {
      s.differentPeople++;
      s.errors.push(`title-conflict between different people: ${f.file}:${f.start}`);
    } else s.unjudged++;
  }
  const onSeed = (l: Located) => seeds.some((sd) => sd.file === l.file && l.start < sd.end && sd.start < l.end);
  for (const f of seededFindings) if (onSeed(f) || f.related.some(onSeed)) s.seededFindingsOnSeeds++;
  for (const sd of seeds) {
    const hit = seededFindings.some((f) => [f, ...f.related].some((l) => l.file === sd.file && l.start < sd.end && sd.start < l.end));
    if (hit) s.caught++;
    else s.errors.push(`seeded title not flagged: ${sd.name} in ${sd.file}:${sd.start}`);
  }
  return s;
}

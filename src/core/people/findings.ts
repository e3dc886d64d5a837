// title-conflict, name-variant and title-missing: what a careful editor notices about people across articles.

import type { CorpusView } from '../view';
import { foldText } from '../fold';
import { outletLabel } from '../outlet';
import { IndexedRule } from '../partitions';
import { Finding } from '../types';
import { Entity, EntityMention } from './identity';
import { Role } from './recognise';
import { isListedNamePart } from './names';
import { KnownRole, rolesOn } from './knowledge';
import { groupBy } from '../groups';
import roleRules from '../rules/roles.yaml';
import { alternation } from '../wordlists';

const PAST_TITLE = new RegExp(`\\b(?:${alternation((roleRules as { past: string[] }).past)})\\b`, 'i');

/** Roles held at dates this far apart may both be true (people change jobs): not compared. */
const MAX_DAYS_APART = 180;

function outlet(corpus: CorpusView, uri: string): string {
  const a = corpus.get(uri);
  return a ? outletLabel(a) : uri;
}

function describeRole(r: Role): string {
  return [r.qualifier, r.country, r.office].filter(Boolean).join(' ');
}

/** Roles that cannot both hold: different offices (ranks are facets and never conflict), or one office of two countries. */
export function rolesConflict(a: Role, b: Role): boolean {
  if (!a.office || !b.office) return false;
  if (a.qualifier === 'former' || b.qualifier === 'former') return false;
  // Successive roles, not rival ones: a deputy or vice becomes the principal (vice president, then president).
  const principal = (o: string) => o.replace(/^(?:vice|deputy)\s+/, '');
  if (a.office !== b.office && principal(a.office) === principal(b.office) && (!a.country || !b.country || a.country === b.country)) return false;
  if (a.office === 'minister' || b.office === 'minister') return a.office !== b.office && !/minister$/.test(a.office === 'minister' ? b.office : a.office);
  if (a.office !== b.office) return true;
  return !!a.country && !!b.country && a.country !== b.country;
}

function comparableDates(corpus: CorpusView, x: EntityMention, y: EntityMention): boolean {
  if (x.uri === y.uri) return true;
  const a = corpus.get(x.uri)?.published?.iso;
  const b = corpus.get(y.uri)?.published?.iso;
  if (!a || !b) return true; // undated: the reader should still see the disagreement
  return Math.abs(Date.parse(a) - Date.parse(b)) <= MAX_DAYS_APART * 86_400_000;
}

/** title-conflict, name-variant, title-anachronism and title-missing, re-checked per changed name key. */
export const entityRule: IndexedRule = {
  id: 'entity',
  // A misspelt name's finding depends on the name it is a misspelling of: re-check the keys one letter away too.
  takeChanged: (corpus) => {
    const changed = corpus.entities().takeChanged();
    return [...new Set([...changed, ...changed.flatMap((k) => corpus.entities().nearKeys(k))])];
  },
  check(key, corpus) {
    const findings: Finding[] = [];
    for (const entity of corpus.entities().ofKey(key)) {
      if (entity.kind !== 'person') continue;
      findings.push(...titleConflicts(corpus, entity), ...nameVariants(corpus, entity), ...anachronisms(corpus, entity), ...titleMissing(corpus, entity));
    }
    findings.push(...misspellings(corpus, key));
    return findings;
  },
};

function titleConflicts(corpus: CorpusView, entity: Entity): Finding[] {
  const accepted = new Set(corpus.knowledge.people.find((p) => p.key === entity.id.split('#')[0])?.accept.map((t) => t.toLowerCase()) ?? []);
  // Only titles bound to a full name in the body: "President Clinton" alone may be either Clinton, and a
  // title worded as past ("former", "then-", "ex-") is not a current one.
  const titled = entity.mentions.filter(
    (m) =>
      m.mention.role?.office &&
      !m.mention.descriptive &&
      m.mention.roleRange &&
      m.mention.sentence >= 0 &&
      /\s/.test(m.mention.text.trim()) &&
      !PAST_TITLE.test(m.mention.roleText ?? '') &&
      !accepted.has((m.mention.roleText ?? '').toLowerCase()),
  );
  const out: Finding[] = [];
  const flagged = new Set<EntityMention>();
  for (const x of titled) {
    for (const y of titled) {
      if (x === y || flagged.has(x) || !rolesConflict(x.mention.role!, y.mention.role!) || !comparableDates(corpus, x, y)) continue;
      flagged.add(x);
      out.push({
        code: 'title-conflict',
        severity: 'warning',
        message: `${entity.canonical} is called “${x.mention.roleText}” here (${describeRole(x.mention.role!)}), but “${y.mention.roleText}” (${describeRole(y.mention.role!)}) in ${y.uri === x.uri ? 'this article' : outlet(corpus, y.uri)}.`,
        uri: x.uri,
        range: x.mention.roleRange!,
        related: [{ uri: y.uri, range: y.mention.roleRange!, message: `${outlet(corpus, y.uri)}: ${y.mention.roleText}` }],
      });
    }
  }
  return out;
}

/**
 * `name-variant`: one person spelled differently across the corpus ("Erdoğan" / "Erdogan", or transliterations
 * the knowledge file joined: "Bagheri" / "Baqeri"). One finding per person for the whole corpus, naming every
 * spelling and the outlets using it, placed on the first mention of the least used spelling. Case ("ERDOGAN") and
 * straight versus curly apostrophes ("O'Malley" / "O’Malley") are typography, not spelling; spellings the
 * knowledge file lists for the person are accepted and not reported.
 */
function nameVariants(corpus: CorpusView, entity: Entity): Finding[] {
  const surname = (text: string) => text.split(/\s+/).pop()!.replace(/['’]s$/u, '');
  // "al-Assad" / "Assad": an article particle is style, not spelling.
  const typographic = (form: string) => form.replace(/’/g, "'").toLowerCase().replace(/^(?:al|el|ad|as|ash|an)[-‐]/u, '');
  const known = corpus.knowledge.people.find((p) => p.key === entity.id.split('#')[0]);
  const accepted = new Set((known ? [known.name, ...known.aliases] : []).map((n) => typographic(surname(n))));
  const named = entity.mentions.filter((m) => !m.mention.descriptive && m.mention.sentence >= 0);
  const spellings = groupBy(named, (m) => typographic(surname(m.mention.text)));
  if (spellings.size < 2) return [];
  const forms = [...spellings.keys()];
  // Spelling variants of one name: the same after folding diacritics, or joined by the knowledge file (aliases).
  const diacriticsOnly = new Set(forms.map((f) => foldText(f))).size === 1;
  if (!diacriticsOnly && !known) return [];
  // A name written with and without its diacritics ("Erdoğan" / "Erdogan": the outlet's typesetting, not another
  // spelling — issue 15) is its own code, a hint; so are spellings the reader accepted in the knowledge file: both
  // stay visible, faded, out of the Problems panel. Transliterations ("Bagheri" / "Baqeri") are what name-variant reports.
  const code = diacriticsOnly ? 'name-diacritics' : 'name-variant';
  const severity = diacriticsOnly || forms.every((f) => accepted.has(f)) ? 'hint' : 'information';
  // How each spelling is written (the ordinarily cased form: "Erdogan", not "ERDOGAN").
  const shown = (ms: EntityMention[]) => {
    const texts = ms.map((m) => surname(m.mention.text));
    return texts.find((t) => !/^\p{Lu}+$/u.test(t)) ?? texts[0];
  };
  const ordered = [...spellings.values()].sort((a, b) => a.length - b.length || a[0].uri.localeCompare(b[0].uri));
  const outletsOf = (ms: EntityMention[]) => [...new Set(ms.map((m) => outlet(corpus, m.uri)))];
  const list = (ms: EntityMention[]) => {
    const outlets = outletsOf(ms);
    return `“${shown(ms)}” in ${outlets.slice(0, 3).join(', ')}${outlets.length > 3 ? ` and ${outlets.length - 3} more` : ''}`;
  };
  const here = ordered[0];
  const first = [...here].sort((a, b) => a.uri.localeCompare(b.uri) || a.mention.range.start - b.mention.range.start)[0];
  return [
    {
      code,
      severity,
      message: diacriticsOnly
        ? `${entity.canonical} is written ${ordered.length} ways across the corpus, differing only in diacritics: ${ordered.map(list).join('; ')}.`
        : `${entity.canonical} is spelled ${ordered.length} ways across the corpus: ${ordered.map(list).join('; ')}.`,
      uri: first.uri,
      range: first.mention.range,
      related: ordered.slice(1).map((ms) => {
        const m = ms[0];
        return { uri: m.uri, range: m.mention.range, message: `${outlet(corpus, m.uri)} writes “${shown(ms)}”` };
      }),
    },
  ];
}

/**
 * `name-variant` for a misspelt surname: a rare spelling one letter from a common one ("Ramphosa" once, "Ramaphosa"
 * twenty times; "Xi Jingping" and "Xi Jinping"). The common spelling is used at least three times as often, at least
 * three times; a full name under the rare spelling has a given name the common one also has. One finding on the
 * first use of the rare spelling; the reader decides (sourcelens.entities.yaml `distinct` for two real people).
 */
function misspellings(corpus: CorpusView, key: string): Finding[] {
  const named = (k: string) => corpus.entities().ofKey(k).filter((e) => e.kind === 'person').flatMap((e) => e.mentions.filter((m) => !m.mention.descriptive && m.mention.sentence >= 0));
  const rare = named(key);
  if (!rare.length) return [];
  const givenNames = (ms: EntityMention[]) => new Set(ms.map((m) => m.mention.text.trim().split(/\s+/)).filter((w) => w.length > 1).map((w) => foldText(w[0]).toLowerCase()));
  const rareGiven = givenNames(rare);
  const surname = (m: EntityMention) => m.mention.text.trim().split(/\s+/).pop()!.replace(/['’]s$/u, '');
  for (const near of corpus.entities().nearKeys(key)) {
    if (near[7] !== key[7]) continue; // same first letter
    const common = named(near);
    if (common.length < 3 || common.length < 3 * rare.length) continue;
    if (corpus.knowledge.distinct.some(([a, b]) => [a, b].some((n) => rare.some((m) => m.mention.text === n)) && [a, b].some((n) => common.some((m) => m.mention.text === n)))) continue;
    const commonGiven = givenNames(common);
    if ([...rareGiven].some((g) => !commonGiven.has(g))) continue;
    const first = [...rare].sort((a, b) => a.uri.localeCompare(b.uri) || a.mention.range.start - b.mention.range.start)[0];
    const example = [...common].sort((a, b) => a.uri.localeCompare(b.uri) || a.mention.range.start - b.mention.range.start)[0];
    // A possessive or a plural is no misspelling: "Clinton’s." keyed apart from "Clinton", "Justices" from "Justice"
    // (PolNeAR: 6 of 8 such findings before this check).
    const bare = (m: EntityMention) => foldText(surname(m)).toLowerCase().replace(/['’]/gu, '');
    const [x, y] = [bare(first), bare(example)];
    if (x === y || x === `${y}s` || y === `${x}s`) continue;
    // Two established surnames ("Barker", "Baker") are more likely two families than a slip when the rare one comes
    // bare or the common one is several people's name ("Gerard Baker", "Dean Baker", "Charlie Baker"): PolNeAR's one
    // wrong finding of four. One person under both ("Hugh Heffner" / "Hugh Hefner") is a misspelling, listed or not.
    const severalPeople = rareGiven.size === 0 || commonGiven.size > 1;
    if (severalPeople && isListedNamePart(surname(first)) && isListedNamePart(surname(example))) continue;
    const outlets = [...new Set(common.map((m) => outlet(corpus, m.uri)))];
    return [
      {
        code: 'name-variant',
        severity: 'information',
        message: `“${surname(first)}” may be a misspelling of “${surname(example)}”, as ${common.length} mentions in ${outlets.slice(0, 3).join(', ')}${outlets.length > 3 ? ` and ${outlets.length - 3} more` : ''} spell it.`,
        uri: first.uri,
        range: first.mention.range,
        related: [{ uri: example.uri, range: example.mention.range, message: `${outlet(corpus, example.uri)} writes “${surname(example)}”` }],
      },
    ];
  }
  return [];
}

/**
 * `title-missing`: a person introduced with no title or description at all, whom other articles do describe
 * (so the role exists and this outlet left it out). People nobody titles — a witness, a player — are not flagged.
 */
function titleMissing(corpus: CorpusView, entity: Entity): Finding[] {
  const out: Finding[] = [];
  const titled = entity.mentions.find((m) => m.mention.roleText && m.mention.role?.office);
  if (!titled) return out;
  for (const [uri, mentions] of groupBy(entity.mentions, (m) => m.uri)) {
    if (mentions.some((m) => m.mention.role || m.mention.descriptive)) continue;
    const first = mentions[0];
    out.push({
      code: 'title-missing',
      severity: 'hint',
      message: `${first.mention.text} is introduced with no title or description; ${outlet(corpus, titled.uri)} calls them “${titled.mention.roleText}”.`,
      uri,
      range: first.mention.range,
      related: [{ uri: titled.uri, range: titled.mention.roleRange ?? titled.mention.range, message: `${outlet(corpus, titled.uri)}: ${titled.mention.roleText}` }],
    });
  }
  return out;
}

function describeKnown(r: KnownRole): string {
  return `${[r.country, r.office].filter(Boolean).join(' ')} ${r.from ?? '…'} – ${r.to ?? 'present'}`;
}

/** `title-anachronism`: a title the knowledge file says the person did not hold on the article's date. */
function anachronisms(corpus: CorpusView, entity: Entity): Finding[] {
  const known = corpus.knowledge.people.find((p) => p.key === entity.id.split('#')[0]);
  if (!known || known.roles.length === 0) return [];
  const out: Finding[] = [];
  for (const m of entity.mentions) {
    const role = m.mention.role;
    const date = corpus.get(m.uri)?.published?.iso;
    if (!role?.office || !date || m.mention.descriptive || !m.mention.roleRange || role.qualifier === 'former') continue;
    const inForce = rolesOn(known, date);
    const holds = inForce.some((r) => r.office === role.office && (!r.country || !role.country || r.country === role.country));
    if (holds) continue;
    out.push({
      code: 'title-anachronism',
      severity: 'warning',
      message: `${entity.canonical} was not ${[role.country, role.office].filter(Boolean).join(' ')} on ${date}, by the knowledge file (on record: ${known.roles.map(describeKnown).join('; ')}).`,
      uri: m.uri,
      range: m.mention.roleRange,
      related: [],
    });
  }
  return out;
}

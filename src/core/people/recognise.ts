// People, organisations and places in one article, with the titles news attaches to people.
//
// Written by hand because no pure-JS library recognises these well on news (../shared/recipes/nlp.md: compromise
// misses Cavusoglu, Araghchi, Fidan, Canikli and tags "President" and "August" as people; capitalisation and
// gazetteer rules measured best). It reads runs of capitalised tokens from wink's tokens, splits off the title
// words in front ("Turkish Foreign Minister"), and reads the other title forms: "Turkey's Defense Minister X",
// "X, Turkey's foreign minister," and descriptions that stand for a person ("the top Iranian diplomat").

import titleRules from '../rules/roles.yaml';
import peopleWords from '../rules/people.yaml';
import { alternation } from '../wordlists';
import { foldText, nameKey } from '../fold';
import { countryOf, countryOfCapital } from '../meetings/places';
import { isGivenName } from './names';
import { pushTo } from '../groups';
import { Article, POS_TAGS, TextRange } from '../types';
import type { Role, Mention } from '../model';
export type { EntityKind, Role, Mention } from '../model';

interface RawRules {
  offices: Record<string, string[]>;
  ranks: string[];
  qualifiers: string[];
  relational: string[];
  descriptors: string[];
  persons: string[];
}

const rules = titleRules as RawRules;
const words = peopleWords as Record<'organisationWords' | 'particles' | 'honorifics' | 'spokenAfter' | 'personObjectVerbs' | 'personPassives' | 'notPersonLast', string[]>;
const OFFICE_FORMS: [string, string][] = Object.entries(rules.offices)
  .flatMap(([office, forms]) => forms.map((f) => [f, office] as [string, string]))
  .sort((a, b) => b[0].length - a[0].length);
const RANKS = [...rules.ranks].sort((a, b) => b.length - a.length);
/** "his Turkish counterpart Mevlüt Çavuşoğlu", "Euronews correspondent Jane Roe": a description before the name. */
const DESCRIBED_BEFORE = new RegExp(`(?:\\b(?:his|her|their)\\s+(?:(\\p{Lu}[\\p{L}-]+)\\s+)?(?:${rules.relational.join('|')})|\\b(?:${rules.descriptors.join('|')}))\\s+$`, 'u');
const TITLE_WORDS = new Set(
  [...OFFICE_FORMS.flatMap(([f]) => f.split(' ')), ...RANKS.flatMap((r) => r.split(' ')), ...rules.qualifiers, 'of', 'the', 'and', 'mr', 'mrs', 'ms', 'dr', 'his', 'her', 'sheikh', 'ayatollah']
    .map((w) => w.toLowerCase()),
);

/** Last words that make a capitalised run an organisation ("Cooperation Council", "Revolutionary Guards"). */
const ORG_WORDS = new RegExp(`^(?:${alternation(words.organisationWords)})$`, 'i');
/** Words that are never names on their own, whatever their capital. */
const NOT_NAMES = new Set(['share', 'photo', 'copyright', 'advertisement', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'state', 'islamic', 'revolution', 'war', 'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'as', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'after', 'before', 'while', 'when', 'if', 'for', 'with', 'by', 'from', 'to', 'of', 'his', 'her', 'their', 'its', 'our', 'meanwhile', 'however', 'also', 'only', 'some', 'more', 'most', 'many', 'several', 'both', 'all', 'no', 'not', 'just', 'even', 'still', 'so', 'yet', 'new', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'talks', 'talkback', 'tags', 'you', 'your', 'there', 'here', 'what', 'who', 'how', 'why', 'where']);
/** Lower-case particles inside names: "Bashar al-Assad", "Ahmad bin Ali", "Ursula von der Leyen". */
const PARTICLE = new RegExp(`^(?:${alternation(words.particles)})$`);
// Regexes with \p{…} outside a character class are module constants: the bundler (esbuild) turns such literals into
// `new RegExp(…)` calls, which would build a fresh regex on every call of a hot loop.
const CAPITALISED = /^\p{Lu}/u;
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;
/** Courtesy titles and forms of address in front of a name: "Mr.", "Dr", "Sen.", "Rep.", "Gov.", "Sir". */
const HONORIFIC = new RegExp(`^(?:${alternation(words.honorifics)})\\.?$`, 'i');
/** "Maurice Cheeks, the popular former Sixers player,": a person noun in apposition marks a person. */
const DESCRIBED_AFTER = new RegExp(`^,\\s+(?:a|an|the|his|her|their|[\\p{Lu}][\\p{L}-]+['’]s)\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:${rules.persons.join('|')})\\b`, 'u');
/** "the 36-year-old champion Klitschko", "actress Tara Reid": a person noun right before the name. */
const PERSON_BEFORE = new RegExp(`\\b(?:${rules.persons.join('|')})\\s+$`, 'u');
const SPOKEN_AFTER = new RegExp(`^\\s+(?:(?:has|had|also|then|later)\\s+)?(?:${alternation(words.spokenAfter)})\\b`);
/** Verbs whose object is a person: "met X", "arrested X", "charged X", "hired X" (not "sued", which takes companies). */
const MET_BEFORE = new RegExp(`\\b(?:${alternation(words.personObjectVerbs)})(?:\\s+with)?\\s+$`);
/** Passives whose subject is a person: "X was detained", "X has been charged". */
const PERSON_PASSIVE = new RegExp(`^\\s+(?:was|is|has been|had been|will be)\\s+(?:${alternation(words.personPassives)})\\b`);
/** Contractions are never names, whatever the tagger says: "I'm", "He's", "We'll", "Don't". */
const CONTRACTION = /^(?:i|you|he|she|it|we|they|that|there|here|what|who|let|don|can|won|isn|didn|doesn|wasn|aren)['’](?:m|s|re|ll|ve|d|t)?$/i;
const HYPHEN_ONLY = /^(?:al|el|ad|as|la|le|da|de|di|du)$/;
/** Last words that make a run a place, a thing or an event, not a person, even after a given name ("Rose Garden"). */
const NOT_PERSON_LAST = new RegExp(`^(?:${alternation(words.notPersonLast)})$`, 'i');
/** An age or a party and state in apposition mark a person: "Tara Reid, 33,", "Nancy Pelosi (D-Calif.)". */
const PERSON_APPOSITION = /^(?:,\s*\d{1,3}\s*[,.;)]|\s*\(\s*\d{1,3}\s*\)|\s*\(\s*[DRI]\s*[-–,]\s*\p{Lu})/u;
const DATE_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i;
const DIRECTION = /^(?:new|north|south|east|west|northern|southern|eastern|western|northeast|northwest|southeast|southwest|central|upper|lower)$/i;
/** "Turkey's " right before a title or name. */
const POSSESSIVE_BEFORE = /(\p{Lu}[\p{L}-]+)['’]s\s+$/u;

/** Parses title words ("Turkish Foreign Minister", "Turkey's foreign minister", "the top Iranian diplomat"). */
export function parseRole(text: string): Role | undefined {
  const lower = ` ${text.toLowerCase().replace(/[’']s\b/g, '').replace(/[^\p{L}\s.-]/gu, ' ').replace(/\s+/g, ' ').trim()} `;
  const role: Role = {};
  // "the top Turkish diplomat": the country sits inside the office words; match the office without it.
  const officeText = ` ${lower.trim().split(' ').filter((w) => !(w.length > 2 && countryOf(w))).join(' ')} `;
  for (const [form, office] of OFFICE_FORMS) {
    if (officeText.includes(` ${form} `) || officeText.includes(` ${form}. `)) {
      role.office = office;
      break;
    }
  }
  for (const rank of RANKS) {
    if (lower.includes(` ${rank} `) || lower.includes(` ${rank}. `)) {
      role.rank = rank === 'gen' ? 'general' : rank;
      break;
    }
  }
  for (const q of rules.qualifiers) if (lower.includes(` ${q} `)) role.qualifier = q;
  for (const word of lower.trim().split(' ')) {
    const country = word.length > 2 ? countryOf(word) : undefined;
    if (country) {
      role.country = country;
      break;
    }
  }
  if (role.rank && role.office === 'chief of staff' && role.rank === 'general' && /top general/.test(lower)) role.rank = undefined;
  return role.office || role.rank ? role : undefined;
}

export function recogniseEntities(article: Article): Mention[] {
  const { text, tokens } = article;
  const { starts, ends, pos } = tokens;
  const mentions: Mention[] = [];
  article.sentences.forEach((s, sentence) => {
    let run: number[] = [];
    const flush = () => {
      if (run.length) readRun(article, run, sentence, mentions);
      run = [];
    };
    for (let i = s.firstToken; i < s.firstToken + s.tokenCount; i++) {
      const word = text.slice(starts[i], ends[i]);
      const tag = POS_TAGS[pos[i]];
      const adjacent = run.length === 0 || starts[i] - ends[run[run.length - 1]] <= 1;
      const capital = CAPITALISED.test(word);
      // Mid-sentence capitals are names even when the tagger reads the word as common ("Quell", "Brisk").
      // A title opening the sentence is tagged as a common noun ("President Obama said"): it still leads a name.
      const leadingTitle = capital && i === s.firstToken && (TITLE_WORDS.has(word.toLowerCase()) || HONORIFIC.test(word)) && capitalAt(article, i + 1);
      const nameLike = capital && !CONTRACTION.test(word) && (tag === 'PROPN' || leadingTitle || (i > s.firstToken && (tag === 'NOUN' || tag === 'VERB' || tag === 'ADJ' || tag === 'X')) || ALL_CAPITALS.test(word));
      // "al-", "as-", "ad-" are particles only when hyphenated: "Benjamin as U.S. Surgeon General" is two runs.
      const particle = run.length > 0 && adjacent && ((PARTICLE.test(word) && (!HYPHEN_ONLY.test(word) || text[ends[i]] === '-')) || (word === '-' && PARTICLE.test(text.slice(starts[run[run.length - 1]], ends[run[run.length - 1]]))));
      const connector =
        run.length > 0 && adjacent && (((word === 'of' || word === 'the') && capitalAt(article, i + 1)) || (word === '-' && starts[i + 1] === ends[i] && capitalAt(article, i + 1))); // "Orrey-Vale"
      if ((nameLike || particle || connector) && adjacent) run.push(i);
      else {
        flush();
        if (nameLike) run.push(i);
      }
    }
    flush();
  });
  readAppositions(article, mentions);
  readDescriptions(article, mentions);
  resolveSurnames(mentions);
  readHeadline(article, mentions);
  return mentions.sort((a, b) => a.range.start - b.range.start);
}

function capitalAt(article: Article, i: number): boolean {
  if (i >= article.tokens.starts.length) return false;
  return CAPITALISED.test(article.text[article.tokens.starts[i]]);
}

/** Splits a capitalised run into title words and a name, and classifies the name. */
function readRun(article: Article, run: number[], sentence: number, out: Mention[]): void {
  const { text } = article;
  const { starts, ends } = article.tokens;
  const words = run.map((i) => text.slice(starts[i], ends[i]));
  // Title words and demonyms lead; the name is what follows the last of them.
  let cut = -1;
  words.forEach((w, i) => {
    const lower = w.toLowerCase().replace(/\.$/, '');
    if (i < words.length - 1 && (TITLE_WORDS.has(lower) || HONORIFIC.test(lower) || countryOf(w) || NOT_NAMES.has(lower))) cut = i;
  });
  const nameTokens = run.slice(cut + 1);
  let nameWords = words.slice(cut + 1);
  // Particles, connectors and a glued day or month ("… Wasilla Bible Church Friday") end no name.
  while (nameWords.length && (PARTICLE.test(nameWords[nameWords.length - 1]) || nameWords[nameWords.length - 1] === '-' || /^(?:of|the)$/.test(nameWords[nameWords.length - 1]) || (nameWords.length > 1 && DATE_WORD.test(nameWords[nameWords.length - 1])))) {
    nameWords = nameWords.slice(0, -1);
    nameTokens.pop();
  }
  if (nameWords.length === 0) return;
  const range = { start: starts[nameTokens[0]], end: ends[nameTokens[nameTokens.length - 1]] };
  const name = text.slice(range.start, range.end);
  const lowerName = name.toLowerCase();
  if (nameWords.length === 1 && NOT_NAMES.has(lowerName)) return;
  const titleRange = cut >= 0 ? { start: starts[run[0]], end: ends[run[cut]] } : undefined;
  // A leading possessive country: "Turkey's Defense Minister Nurettin Canikli".
  let roleText = titleRange ? text.slice(titleRange.start, titleRange.end) : undefined;
  let roleRange = titleRange;
  const possessive = POSSESSIVE_BEFORE.exec(text.slice(Math.max(0, (titleRange ?? range).start - 30), (titleRange ?? range).start));
  if (possessive && countryOf(possessive[1]) && roleText) {
    const start = (titleRange ?? range).start - possessive[0].length;
    roleRange = { start, end: titleRange!.end };
    roleText = text.slice(roleRange.start, roleRange.end);
  }

  if (nameWords.length === 1 && (countryOf(name) || countryOfCapital(name))) {
    const canonical = countryOfCapital(name) ? name : countryOf(name)!;
    out.push({ range, text: name, kind: 'place', key: `place:${nameKey(canonical)}`, sentence, confidence: 0.9 });
    return;
  }
  // Demonyms and countries inside the title words are places too ("Russian President …" mentions Russia).
  for (let i = 0; i <= cut; i++) {
    const country = countryOf(words[i]);
    if (country) out.push({ range: { start: starts[run[i]], end: ends[run[i]] }, text: words[i], kind: 'place', key: `place:${nameKey(country)}`, sentence, confidence: 0.9 });
  }
  const placeBefore = /\b(?:in|at|from|near)\s+(?:(?:eastern|western|northern|southern|central|north|south|east|west|northeastern|northwestern|southeastern|southwestern)\s+)?$/i;
  const after = text.slice(range.end, range.end + 60);
  const last = nameWords[nameWords.length - 1].replace(/['’]s$/, '');
  // The given name may follow initials: "W. Mark Felt", "J. R. Smith".
  const firstName = nameWords.find((w) => !/^\p{Lu}\.?$/u.test(w)) ?? nameWords[0];
  // A capitalised descriptor may lead at the start of a sentence: "Moviemaker Gary Ross".
  const leadingGiven = nameWords.length > 2 && /(?:er|or|ist|ian|ess|ant|ent)$/.test(nameWords[0]) && isGivenName(nameWords[1]);
  // A number right after is a score or a model ("Creighton Bluejays 65", "Windows 7"), not an age.
  const given = nameWords.length > 1 && firstName !== nameWords[nameWords.length - 1] && (isGivenName(firstName) || leadingGiven) && !NOT_PERSON_LAST.test(last) && !/^\s+\d/.test(after);
  const describedBefore = PERSON_BEFORE.test(text.slice(Math.max(0, (titleRange ?? range).start - 40), (titleRange ?? range).start));
  // A full name as the subject of speech or of a meeting ("Mevlüt Çavuşoğlu said", "… met Mohammad Javad Zarif").
  const spoken = nameWords.length > 1 && (SPOKEN_AFTER.test(after) || PERSON_PASSIVE.test(after) || MET_BEFORE.test(text.slice(Math.max(0, (titleRange ?? range).start - 16), (titleRange ?? range).start)));
  const appositive = PERSON_APPOSITION.test(after) || DESCRIBED_AFTER.test(after) || describedBefore || spoken;
  if (placeBefore.test(text.slice(Math.max(0, range.start - 20), range.start)) && cut < 0 && !given && !appositive) {
    out.push({ range, text: name, kind: 'place', key: `place:${nameKey(name)}`, sentence, confidence: 0.6 });
    return;
  }
  if (ORG_WORDS.test(nameWords[nameWords.length - 1]) || ALL_CAPITALS.test(name)) {
    out.push({ range, text: name, kind: 'organisation', key: `organisation:${nameKey(name)}`, sentence, confidence: 0.7 });
    return;
  }
  if (!nameWords.every((w) => CAPITALISED.test(w) || PARTICLE.test(w) || w === '-')) return;
  // "New York", "North Carolina", "East Flatbush": a run led by a compass word or "New" is a place, not "York".
  if (cut >= 0 && DIRECTION.test(words[cut]) && words.slice(0, cut).every((w) => /^the$/i.test(w)) && !(roleText && parseRole(roleText))) {
    const whole = { start: starts[run[cut]], end: range.end };
    out.push({ range: whole, text: text.slice(whole.start, whole.end), kind: 'place', key: `place:${nameKey(text.slice(whole.start, whole.end))}`, sentence, confidence: 0.6 });
    return;
  }
  // "Governor of Alaska", "Department of Criminal Justice": the words after "of" are what the title is of.
  if (cut > 0 && /^of$/i.test(words[cut]) && words.slice(0, cut).some((w) => TITLE_WORDS.has(w.toLowerCase().replace(/\.$/, '')) || HONORIFIC.test(w))) return;
  // A title word ending the run is no name: "Surgeon General", "Attorney General", "Secretary General".
  const lastLower = nameWords[nameWords.length - 1].toLowerCase().replace(/\.$/, '');
  if (TITLE_WORDS.has(lastLower) && !PARTICLE.test(lastLower) && !given) return; // "Billy King" stays
  // "the Red Sox", "The Bluejays", "the Bush administration": a name is not preceded by a bare article.
  const articleBefore = /\bthe\s+$/i.test(text.slice(Math.max(0, (titleRange ?? range).start - 5), (titleRange ?? range).start));
  let role = roleText ? parseRole(roleText) : undefined;
  if (!role) {
    const described = DESCRIBED_BEFORE.exec(text.slice(Math.max(0, range.start - 40), range.start));
    if (described) {
      const start = range.start - described[0].length;
      roleRange = { start, end: start + described[0].trimEnd().length };
      roleText = described[0].trim();
      role = { country: described[1] ? countryOf(described[1]) : undefined, qualifier: described[0].trim().split(/\s+/).pop() };
    }
  }
  // A capitalised run is a person only on evidence: a title or a form of address, a given name in front
  // ("Tara Reid"), a speech verb, an age in apposition. Without any, it stays a weak candidate (a team, a product,
  // an event or a place the gazetteers do not know) that counts only if the article or the corpus names that
  // person with evidence (promoteByKey, identity.ts).
  const titled = !!role || (cut >= 0 && words.slice(0, cut + 1).some((w) => HONORIFIC.test(w)));
  const evidence = titled || given || appositive;
  const placeLike = nameWords.length > 1 && NOT_PERSON_LAST.test(last);
  if ((placeLike || articleBefore) && !titled) return;
  out.push({
    range,
    text: name,
    kind: 'person',
    key: personKey(name),
    sentence,
    role,
    roleText: role ? roleText : undefined,
    roleRange: role ? roleRange : undefined,
    confidence: evidence ? (nameWords.length > 1 ? 0.9 : 0.85) : 0.5,
  });
}

/** The key of a person: their folded surname ("al-Assad" and "Assad" are one). */
export function personKey(name: string): string {
  const words = nameKey(name).split(' ');
  return `person:${words[words.length - 1].replace(/^(?:al|el|ad|as)-/, '')}`;
}

/** "Hakan Fidan, Turkey's foreign minister," and "Mohammad Javad Zarif, the Iranian foreign minister,". */
function readAppositions(article: Article, mentions: Mention[]): void {
  for (const m of mentions) {
    if (m.kind !== 'person' || m.role?.office) continue;
    const after = article.text.slice(m.range.end, m.range.end + 80);
    const apposition = /^,\s+((?:the\s+)?(?:[\p{L}-]+['’]s\s+|[\p{L}-]+\s+){0,3}?[\p{L}-]+(?:\s+[\p{L}-]+){0,3}?)\s*[,.;)]/u.exec(after);
    if (!apposition) continue;
    const role = parseRole(apposition[1]);
    if (!role?.office) continue;
    const start = m.range.end + apposition[0].indexOf(apposition[1]);
    m.role = { ...m.role, ...role };
    m.roleText = apposition[1];
    m.roleRange = { start, end: start + apposition[1].length };
  }
}

/** The role words DESCRIPTION needs (it is case-sensitive): a sentence without one has no description to read. */
const DESCRIPTION_ROLE = /minister|president|diplomat|chief of staff|counterpart|army chief|military chief|top general|spokesman|envoy/;
const DESCRIPTION = /\b([Tt]he|[Hh]is|[Hh]er|[Tt]heir|[\p{Lu}][\p{L}-]+['’]s)\s+((?:(?:top|senior|visiting|new|former)\s+)?(?:[\p{Lu}][\p{L}-]+\s+)?(?:foreign minister|defen[cs]e minister|prime minister|president|diplomat|chief of staff|counterpart|army chief|military chief|top general|spokesman|envoy))\b(?!\s+\p{Lu})/gu;

/**
 * Descriptions that stand for a person ("the top Iranian diplomat", "Iran's chief of staff", "his Turkish
 * counterpart"), resolved to the one person of the article who holds that role; unresolved ones are dropped.
 */
function readDescriptions(article: Article, mentions: Mention[]): void {
  const people = mentions.filter((m) => m.kind === 'person' && m.role?.office);
  article.sentences.forEach((s, sentence) => {
    const text = article.text.slice(s.range.start, s.range.end);
    if (!DESCRIPTION_ROLE.test(text)) return;
    for (const m of text.matchAll(DESCRIPTION)) {
      const full = m[0];
      const start = s.range.start + m.index!;
      const range = { start, end: start + full.length };
      const overlaps = (r?: TextRange) => !!r && r.start < range.end && range.start < r.end;
      if (mentions.some((x) => (x.kind === 'person' && overlaps(x.range)) || overlaps(x.roleRange))) continue; // already a name or its title
      const role = parseRole(full.replace(/^his |^her |^their /i, ''));
      const counterpart = /counterpart/i.test(full);
      const country = role?.country;
      let candidates: Mention[];
      if (counterpart) {
        // "X met his Turkish counterpart": same office as the subject, the other country.
        const subject = mentions.find((x) => x.kind === 'person' && x.sentence === sentence && x.range.start < start);
        const office = subject ? resolvedRole(subject, mentions)?.office : undefined;
        candidates = people.filter((p) => p.role?.office === office && (!country || p.role?.country === country) && p.key !== subject?.key);
      } else {
        if (!role?.office) continue;
        candidates = people.filter((p) => p.role?.office === role.office && (!country || p.role?.country === country));
      }
      const keys = [...new Set(candidates.map((c) => c.key))];
      if (keys.length !== 1) continue; // ambiguous or nobody: a description is only resolved when the article makes it plain
      const person = candidates[0];
      mentions.push({
        range,
        text: full,
        kind: 'person',
        key: person.key,
        sentence,
        role: role ?? person.role,
        roleText: full,
        roleRange: range,
        descriptive: true,
        confidence: 0.6,
      });
    }
  });
}

function resolvedRole(m: Mention, all: Mention[]): Role | undefined {
  return m.role ?? all.find((x) => x.key === m.key && x.role)?.role;
}

/**
 * A surname on its own ("Cavusoglu") is the person the article named in full. One the article never names in full
 * keeps a low confidence: the corpus-wide index attaches it to a person named elsewhere, or drops it.
 */
function resolveSurnames(mentions: Mention[]): void {
  // Keys the article gives evidence for (a title, a given name, a speech verb, an age): every mention with that
  // key is the person ("Tara Reid, 33, …", later "Reid").
  const evidenced = new Map<string, string[]>();
  for (const m of mentions) if (m.kind === 'person' && !m.descriptive && m.confidence >= 0.6) pushTo(evidenced, m.key, m.text);
  for (const m of mentions) {
    if (m.kind !== 'person' || m.descriptive || m.confidence >= 0.6) continue;
    // A lone surname the article never names with evidence stays a weak candidate: the corpus may know the person.
    const names = evidenced.get(m.key);
    if (!names) continue;
    if (!/\s/.test(m.text)) {
      m.confidence = 0.85;
      continue;
    }
    // A longer run ending in a name the article gives is that name with words glued on ("Reason Hedge Funds
    // Support Hillary Clinton" in a title-case line): keep the name only.
    const suffix = names.filter((n) => /\s/.test(n) && m.text.endsWith(` ${n}`)).sort((a, b) => b.length - a.length)[0];
    if (suffix) {
      m.range = { start: m.range.end - suffix.length, end: m.range.end };
      m.text = suffix;
      m.confidence = 0.9;
    } else if (m.text.split(/\s+/).length <= 3) m.confidence = 0.9;
  }
}

/**
 * Names in the headline. Headlines are title case or all capitals ("Lindsay Lohan Checks Into Rehab", "GARY ROSS
 * REMAINS …"), where capitals say nothing, so a headline names a person when it spells a name (or the surname) the
 * body gives with evidence. These mentions have sentence -1: they belong to no body sentence.
 */
function readHeadline(article: Article, mentions: Mention[]): void {
  const headline = article.headline;
  if (!headline) return;
  const folded = foldText(article.text.slice(headline.range.start, headline.range.end)).toLowerCase();
  if (folded.length !== headline.range.end - headline.range.start) return; // lower-casing changed the length: offsets would drift
  const forms = new Map<string, Mention>();
  for (const m of mentions) {
    if (m.kind !== 'person' || m.descriptive || m.confidence < 0.6) continue;
    const full = foldText(m.text).toLowerCase().replace(/['’]s$/, '');
    const words = full.split(/\s+/);
    for (const form of [full, words.length > 1 ? words[words.length - 1] : '']) if (form.length > 2 && !forms.has(form)) forms.set(form, m);
  }
  const taken: TextRange[] = [];
  // A given name and the capitalised word after it ("Gary Ross Won't Direct …"): a person even in a title-case line.
  for (const g of folded.matchAll(/(?<![\p{L}\d])(\p{L}+)\s+((?:\p{L}\.\s*)?\p{L}[\p{L}'’-]+)/gu)) {
    const original = article.text.slice(headline.range.start + g.index!, headline.range.start + g.index! + g[0].length);
    if (!isGivenName(g[1]) || !/^\p{Lu}/u.test(original) || !/\s\p{Lu}/u.test(original) || NOT_PERSON_LAST.test(g[2]) || TITLE_WORDS.has(g[2])) continue;
    const name = original.replace(/['’]s$/u, '');
    const range = { start: headline.range.start + g.index!, end: headline.range.start + g.index! + name.length };
    if (!mentions.some((m) => m.kind === 'person' && m.confidence >= 0.6 && nameKey(m.text) === nameKey(name)) && !forms.has(foldText(name).toLowerCase())) {
      const key = personKey(name);
      if (![...forms.values()].some((m) => m.key === key)) {
        taken.push({ start: range.start - headline.range.start, end: range.end - headline.range.start });
        mentions.push({ range, text: name, kind: 'person', key, sentence: -1, confidence: 0.85 });
      }
    }
  }
  for (const [form, m] of [...forms].sort((a, b) => b[0].length - a[0].length)) {
    let at = folded.indexOf(form);
    while (at >= 0) {
      const end = at + form.length;
      const bounded = !/[\p{L}\d]/u.test(folded[at - 1] ?? ' ') && !/[\p{L}\d]/u.test(folded[end] ?? ' ');
      if (bounded && !taken.some((r) => r.start < end && at < r.end)) {
        taken.push({ start: at, end });
        const range = { start: headline.range.start + at, end: headline.range.start + end };
        mentions.push({ range, text: article.text.slice(range.start, range.end), kind: 'person', key: m.key, sentence: -1, confidence: 0.85 });
      }
      at = folded.indexOf(form, end);
    }
  }
}

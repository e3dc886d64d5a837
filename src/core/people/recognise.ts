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
import { countryOf, countryOfCapital, isKnownPlaceName, isRegion } from '../meetings/places';
import { isGivenName } from './names';
import { pushTo } from '../groups';
import { Article, POS_TAGS, TextRange } from '../types';
import type { Role, Mention } from '../model';
import { proseLanguage } from '../language';
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
const words = peopleWords as Record<'organisationWords' | 'particles' | 'honorifics' | 'spokenAfter' | 'personObjectVerbs' | 'personPassives' | 'notPersonLast' | 'groupAfter' | 'stateAbbreviations' | 'placeFirst', string[]>;
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
/** Words after a name that make it stand for a group around the person: "the Obama administration", "Nixon campaign". */
const GROUP_AFTER = new RegExp(`^\\s*(?:${alternation(words.groupAfter)})\\b`, 'i');
/** An age or a party and state in apposition mark a person: "Tara Reid, 33,", "Nancy Pelosi (D-Calif.)". */
const PERSON_APPOSITION = /^(?:,\s*\d{1,3}\s*[,.;)]|\s*\(\s*\d{1,3}\s*\)|\s*\(\s*[DRI]\s*[-–,]\s*\p{Lu})/u;
const DATE_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i;
const DIRECTION = /^(?:new|north|south|east|west|northern|southern|eastern|western|northeast|northwest|southeast|southwest|central|upper|lower)$/i;
/** "Turkey's " right before a title or name. */
const POSSESSIVE_BEFORE = /(\p{Lu}[\p{L}-]+)['’]s\s+$/u;
/** US states as news abbreviates them after a town ("Old Tappan, N.J.", "Palmer, Alaska" is a region). */
const STATE_ABBREVIATION = new RegExp(`^(?:${words.stateAbbreviations.map((w) => w.replace(/\./g, '\\.')).join('|')})$`);
const PLACE_FIRST = new RegExp(`^(?:${alternation(words.placeFirst)})$`);
/** A nickname inside a full name: "Vincent 'The Chin' Gigante", "Luis Gerardo (Jerry) Ortiz". */
const NAME_WITH_NICKNAME = /(?<![\p{L}])(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}’.-]+){0,2})\s+(?:["“'‘]\p{Lu}[^"”'’\n]{0,28}["”'’]|\(\p{Lu}[^()\n]{0,28}\))\s+(\p{Lu}[\p{L}’-]+)/gu;
const NICKNAME_CUE_HINT = /known as|dubbed|nicknamed|moniker|rumou?red to be|(?:himself|herself) as/;
const NICKNAME = /\b(known as|dubbed|nicknamed|moniker,?|rumou?red to be|revealed (?:himself|herself) as|identified (?:himself|herself) as|unmasked as)\s+(?:the\s+(?:mysterious\s+|infamous\s+|famous\s+)?)?["“'‘`]?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})(["”'’]?)/gu;
/** A person holds the nickname: "who (was) …", "himself …", or a person noun right before the cue ("the source known as"). */
const NICKNAME_HOLDER = new RegExp(`(?:\\bwho\\b[^.;]*|\\b(?:himself|herself)\\b[^.;]*|\\b(?:${rules.persons.join('|')}|source|informant|man|woman)\\s+(?:(?:later|better|widely|also)\\s+)?|\\b(?:under|by) the\\s+|,\\s*)$`, 'u');
const LOWER_WORDS = /(?<![\p{L}])\p{Ll}[\p{L}'’-]*/gu;
/** A capitalised word of a headline (possessive included). */
const HEADLINE_WORD = /(?<![\p{L}\d'’-])\p{Lu}[\p{L}'’-]*\p{L}(?:['’]s?)?(?![\p{L}\d])/gu;
/** Forms of address that lead a name even in a title-case headline ("Dr. Sanjay Gupta"). */
const ADDRESS = /^(?:mr|mrs|ms|dr|sir|dame|sen|rep|gov|rev)\.?$/i;

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

/** What readRun learns about the article as a whole, for the passes after it. */
interface RunContext {
  /** Names the article writes as "the X" at the head of a phrase ("the Saints made", "The Red Sox have"): a team, a group or a thing. */
  theNames: Set<string>;
  /** Lone words without evidence used as a modifier of a common noun ("a Web site", "the Oscar host", "Watergate scandal"). */
  attributive: Set<Mention>;
  /** Names the article gives as part of a place or thing ("Betty Ford" of "Betty Ford Center"), and their words. */
  thingNames: Set<string>;
  /**
   * Whether the article is in English: the tagger is, so in other languages its parts of speech are guesses ("Xi
   * recebeu" reads as a name and a noun) and the modifier rule is not applied.
   */
  english: boolean;
}

export function recogniseEntities(article: Article): Mention[] {
  const { text, tokens } = article;
  const { starts, ends, pos } = tokens;
  const mentions: Mention[] = [];
  const ctx: RunContext = { theNames: new Set(), attributive: new Set(), thingNames: new Set(), english: proseLanguage(article).english };
  article.sentences.forEach((s, sentence) => {
    let run: number[] = [];
    const flush = () => {
      if (run.length) for (const part of splitAtOf(article, run)) readRun(article, part, sentence, mentions, ctx);
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
  dropThingNames(mentions, ctx);
  readAppositions(article, mentions);
  readDescriptions(article, mentions);
  readNicknames(article, mentions);
  readNamesWithNicknames(article, mentions);
  resolveSurnames(mentions, ctx);
  readOpeningSurnames(article, mentions);
  readHeadline(article, mentions, ctx);
  return mentions.sort((a, b) => a.range.start - b.range.start);
}

function capitalAt(article: Article, i: number): boolean {
  if (i >= article.tokens.starts.length) return false;
  return CAPITALISED.test(article.text[article.tokens.starts[i]]);
}

/**
 * "Dr. Sanjay Gupta of Emory University", "Tara Reid of Los Angeles": a person named in full, then what they are of.
 * The run splits at "of" when the words before it are a name with a form of address or a given name in front;
 * "Secretary of State", "Bank of America" and "Governor of Alaska" stay whole.
 */
function splitAtOf(article: Article, run: number[]): number[][] {
  const { text } = article;
  const { starts, ends } = article.tokens;
  const words = run.map((i) => text.slice(starts[i], ends[i]));
  const k = words.indexOf('of');
  if (k < 2 || k === words.length - 1) return [run];
  const before = words.slice(0, k);
  const last = before[before.length - 1].replace(/\.$/, '');
  if (TITLE_WORDS.has(last.toLowerCase()) || HONORIFIC.test(last) || NOT_PERSON_LAST.test(last) || ORG_WORDS.test(last)) return [run];
  const named = before.slice(0, -1).some((w) => HONORIFIC.test(w)) || isGivenName(before[0]);
  // "President Vladimir Putin of Russia", "Prime Minister Jane Roe of Vellmark": a title, a name, then the country
  // the office is of. The country alone after "of" says the words before it are a titled person, not a body.
  const after = words.slice(k + 1).join(' ');
  const country = countryOf(after);
  const ofCountry = !!country && nameKey(country) === nameKey(after) && TITLE_WORDS.has(before[0].toLowerCase().replace(/\.$/, '')) && !/^(?:of|the|and)$/i.test(before[0]);
  return named || ofCountry ? [run.slice(0, k), run.slice(k + 1)] : [run];
}

/** Splits a capitalised run into title words and a name, and classifies the name. */
function readRun(article: Article, run: number[], sentence: number, out: Mention[], ctx: RunContext): void {
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
  // A capitalised descriptor may lead at the start of a sentence ("Moviemaker Gary Ross", "Economist Dean Baker"):
  // it describes the person like a title and is no part of the name, or one person would be keyed as two.
  if (nameWords.length > 2 && /(?:er|or|ist|ian|ess|ant|ent)$/.test(nameWords[0]) && !isGivenName(nameWords[0]) && isGivenName(nameWords[1])) {
    cut += 1;
    nameTokens.shift();
    nameWords = nameWords.slice(1);
  }
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

  // A state or region, or a city the venue pack knows ("Alaska", "New Jersey"), is a place.
  const bareName = name.replace(/['’]s?$/u, '');
  // "San Diego", "Los Alamos", "Fort Worth", "Mount Cook": a run led by a place word is a place.
  const placeFirst = nameWords.length > 1 && PLACE_FIRST.test(nameWords[0]);
  // No place mention is made of it: which place an account of a meeting names is the meetings layer's reading
  // (a region or a town named near a meeting is often not where it was held); here it is only not a person.
  if (cut < 0 && (isRegion(bareName) || placeFirst || STATE_ABBREVIATION.test(name) || (nameWords.length > 1 && isKnownPlaceName(bareName))) && !countryOf(bareName)) return;
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
  const last = nameWords[nameWords.length - 1].replace(/['’]s$/, '').replace(/\.$/, '');
  // The given name may follow initials: "W. Mark Felt", "J. R. Smith".
  const firstName = nameWords.find((w) => !/^\p{Lu}\.?$/u.test(w)) ?? nameWords[0];
  // A number right after is a score or a model ("Creighton Bluejays 65", "Windows 7"), not an age.
  const given = nameWords.length > 1 && firstName !== nameWords[nameWords.length - 1] && isGivenName(firstName) && !NOT_PERSON_LAST.test(last) && !/^\s+\d/.test(after);
  const describedBefore = PERSON_BEFORE.test(text.slice(Math.max(0, (titleRange ?? range).start - 40), (titleRange ?? range).start));
  // A full name as the subject of speech or of a meeting ("Mevlüt Çavuşoğlu said", "… met Mohammad Javad Zarif").
  const spoken = nameWords.length > 1 && (SPOKEN_AFTER.test(after) || PERSON_PASSIVE.test(after) || MET_BEFORE.test(text.slice(Math.max(0, (titleRange ?? range).start - 16), (titleRange ?? range).start)));
  const appositive = PERSON_APPOSITION.test(after) || DESCRIBED_AFTER.test(after) || describedBefore || spoken;
  // "Wasilla, Alaska", "Old Tappan, N.J.": a town followed by its state.
  const stateAfter = /^,\s+(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)/u.exec(after);
  // A country or a state, not a demonym ("Idlib, Syrian officials said" says nothing of Idlib).
  const region = stateAfter?.[1] ?? '';
  const townOfState = !!stateAfter && ((isRegion(region) && (!countryOf(region) || nameKey(countryOf(region)!) === nameKey(region))) || STATE_ABBREVIATION.test(region));
  if (townOfState && cut < 0 && !given && !appositive && !placeBefore.test(text.slice(Math.max(0, range.start - 20), range.start))) return; // not a person; no new place (as above)
  if (placeBefore.test(text.slice(Math.max(0, range.start - 20), range.start)) && cut < 0 && !given && !appositive) {
    out.push({ range, text: name, kind: 'place', key: `place:${nameKey(name)}`, sentence, confidence: 0.6 });
    return;
  }
  // "Telecom Egypt", "Air Nauru": a run ending in a country, with no given name in front, is a company or a body.
  const countryLast = nameWords.length > 1 && !!countryOf(last) && !isGivenName(firstName) && cut < 0;
  if (ORG_WORDS.test(last) || ALL_CAPITALS.test(name) || countryLast) {
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
  // A sentence-initial "The" inside the run is that article too ("The Saints placed …").
  const articleBefore = /\bthe\s+$/i.test(text.slice(Math.max(0, (titleRange ?? range).start - 5), (titleRange ?? range).start)) || (cut >= 0 && words.slice(0, cut + 1).every((w) => /^the$/i.test(w)));
  // The word after the name: a lower-case common noun makes the name its modifier ("Web site", "Oscar host").
  const next = run[run.length - 1] + 1;
  const nextWord = next < starts.length && starts[next] - range.end <= 1 ? text.slice(starts[next], ends[next]) : '';
  const nextTag = nextWord ? POS_TAGS[article.tokens.pos[next]] : '';
  const modifier = ctx.english && /^\p{Ll}/u.test(nextWord) && nextTag === 'NOUN';
  // The name heads its phrase when a verb, a preposition, punctuation or a possessive follows ("The Saints placed").
  const headUse = !nextWord || /^['’.,;:)!?]/u.test(nextWord) || ['VERB', 'AUX', 'ADP', 'CCONJ', 'SCONJ', 'PART'].includes(nextTag);
  // "the Obama administration", "a Nixon campaign official": the group around a person, not the person.
  if (GROUP_AFTER.test(text.slice(range.end, range.end + 20)) && !given) return;
  let role = roleText ? parseRole(roleText) : undefined;
  if (!role && !(nameWords.length === 1 && modifier)) {
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
  // A person noun before a lone word that modifies a noun is not evidence: "an official Web site".
  const evidence = titled || given || (appositive && !(nameWords.length === 1 && modifier));
  const placeLike = nameWords.length > 1 && NOT_PERSON_LAST.test(last);
  if (placeLike && nameWords.length <= 4) {
    // "Betty Ford" of "the Betty Ford Center": in this article the name is that place's.
    const head = nameKey(nameWords.slice(0, -1).join(' '));
    ctx.thingNames.add(head);
    for (const w of head.split(' ')) ctx.thingNames.add(w);
  }
  // "the Sheikh Zayed Road", "the King Fahd Causeway": a place named after a titled person.
  if (placeLike && articleBefore && !role?.office) return;
  // "a Harry Winston boutique", "at Harry Winston jewellers": a full name between "a" (or "at") and a noun is a brand or a firm.
  if (modifier && nameWords.length > 1 && /\b(?:a|an|at)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/iu.test(text.slice(Math.max(0, (titleRange ?? range).start - 30), (titleRange ?? range).start))) return;
  // "the host Jaguars", "the defending champion Saints": a lone plural after "the" and a person noun is a team.
  if (nameWords.length === 1 && !titled && /\p{Ll}[^s]s$/u.test(name) && describedBefore && /\bthe\s+(?:[\p{L}-]+\s+){1,3}$/iu.test(text.slice(Math.max(0, range.start - 40), range.start))) {
    ctx.theNames.add(nameKey(name));
    return;
  }
  if ((placeLike || articleBefore) && !titled) {
    // "The Saints made that move", "the Red Sox (11-5)": the article treats the name as a team, a group or a thing.
    if (articleBefore && !placeLike && headUse) ctx.theNames.add(nameKey(name.replace(/['’]s?$/u, '')));
    return;
  }
  const mention: Mention = {
    range,
    text: name,
    kind: 'person',
    key: personKey(name),
    sentence,
    role,
    roleText: role ? roleText : undefined,
    roleRange: role ? roleRange : undefined,
    confidence: evidence ? (nameWords.length > 1 ? 0.9 : 0.85) : 0.5,
  };
  if (!evidence && nameWords.length === 1 && modifier) ctx.attributive.add(mention);
  out.push(mention);
}

/**
 * A sentence that opens with the surname of a person the article names in full ("Mark Felt … Felt died at home"):
 * the tagger often reads such a word as a common noun or a verb, so no run found it.
 */
function readOpeningSurnames(article: Article, mentions: Mention[]): void {
  const { text } = article;
  const { starts, ends } = article.tokens;
  const named = new Set(mentions.filter((m) => m.kind === 'person' && !m.descriptive && m.confidence >= 0.6 && /\s/.test(m.text)).map((m) => m.key));
  if (!named.size) return;
  article.sentences.forEach((s, sentence) => {
    const i = s.firstToken;
    if (s.tokenCount < 2) return;
    const word = text.slice(starts[i], ends[i]);
    if (!CAPITALISED.test(word) || mentions.some((m) => m.range.start <= starts[i] && starts[i] < m.range.end)) return;
    const bare = word.replace(/['’]s?$/u, '');
    const key = personKey(bare);
    if (!named.has(key) || nameKey(bare) !== key.slice('person:'.length)) return;
    mentions.push({ range: { start: starts[i], end: starts[i] + bare.length }, text: bare, kind: 'person', key, sentence, confidence: 0.85 });
  });
}

/**
 * A nickname given to a person: "the source known as “Deep Throat”", "who was rumoured to be Deep Throat". The cue
 * must follow a word for a person ("who", "himself", a person noun), so "a storm dubbed Sandy" is not read.
 */
function readNicknames(article: Article, mentions: Mention[]): void {
  const { text } = article;
  if (!NICKNAME_CUE_HINT.test(text)) return;
  for (const m of text.matchAll(NICKNAME)) {
    const before = text.slice(Math.max(0, m.index! - 40), m.index!);
    if (!NICKNAME_HOLDER.test(before)) continue;
    const name = m[2].replace(/['’]s$/u, '');
    const start = m.index! + m[0].length - m[2].length - (m[3]?.length ?? 0);
    // Unquoted and followed by a common noun, the words modify it: "known as Watergate scandal informant 'Deep Throat'".
    const quoted = /["“'‘`]$/u.test(text.slice(0, start)) || !!m[3];
    if (!quoted && /^\s+\p{Ll}/u.test(text.slice(start + m[2].length))) continue;
    const range = { start, end: start + name.length };
    if (TITLE_WORDS.has(name.toLowerCase()) || NOT_NAMES.has(name.toLowerCase())) continue;
    const at = mentions.find((x) => x.range.start < range.end && range.start < x.range.end);
    if (at) {
      if (at.kind === 'person' && at.confidence < 0.85) at.confidence = 0.85;
      continue;
    }
    const sentence = article.sentences.findIndex((s) => s.range.start <= start && start < s.range.end);
    if (sentence < 0) continue;
    mentions.push({ range, text: name, kind: 'person', key: personKey(name), sentence, confidence: 0.85 });
  }
}

/** One mention for a full name with a nickname inside it, instead of a given name, a nickname and a surname. */
function readNamesWithNicknames(article: Article, mentions: Mention[]): void {
  const { text } = article;
  if (!/["“'‘(]/.test(text)) return;
  for (const m of text.matchAll(NAME_WITH_NICKNAME)) {
    // Title words may lead ("Deputy Luis Gerardo (Jerry) Ortiz"): the name starts at its given name.
    const lead = m[1].split(/\s+/);
    const first = lead.findIndex((w) => isGivenName(w));
    if (first < 0 || !lead.slice(0, first).every((w) => TITLE_WORDS.has(w.toLowerCase().replace(/\.$/, '')) || HONORIFIC.test(w))) continue;
    const surname = m[2].replace(/['’]s$/u, '');
    if (NOT_PERSON_LAST.test(surname) || ORG_WORDS.test(surname) || TITLE_WORDS.has(surname.toLowerCase()) || NOT_NAMES.has(surname.toLowerCase())) continue;
    const skip = first === 0 ? 0 : m[1].indexOf(lead[first], lead.slice(0, first).join(' ').length);
    const range = { start: m.index! + skip, end: m.index! + m[0].length - m[2].length + surname.length };
    const sentence = article.sentences.findIndex((s) => s.range.start <= range.start && range.end <= s.range.end);
    if (sentence < 0) continue;
    const inside = mentions.filter((x) => x.range.start < range.end && range.start < x.range.end);
    if (inside.some((x) => x.kind !== 'person' || x.range.start < range.start || x.range.end > range.end)) continue;
    const role = inside.find((x) => x.role);
    for (const x of inside) mentions.splice(mentions.indexOf(x), 1);
    const name = text.slice(range.start, range.end);
    mentions.push({ range, text: name, kind: 'person', key: personKey(surname), sentence, confidence: 0.9, role: role?.role, roleText: role?.roleText, roleRange: role?.roleRange });
  }
}

/** Drops person mentions of names the article treats as a team or a thing ("the Saints", "The Red Sox have"). */
function dropThingNames(mentions: Mention[], ctx: RunContext): void {
  if (!ctx.theNames.size) return;
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i];
    if (m.kind === 'person' && !m.role && ctx.theNames.has(nameKey(m.text.replace(/['’]s?$/u, '')))) mentions.splice(i, 1);
  }
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
function resolveSurnames(mentions: Mention[], ctx: RunContext): void {
  const dropped = new Set<Mention>();
  // Keys the article gives evidence for (a title, a given name, a speech verb, an age): every mention with that
  // key is the person ("Tara Reid, 33, …", later "Reid").
  const evidenced = new Map<string, string[]>();
  for (const m of mentions) if (m.kind === 'person' && !m.descriptive && m.confidence >= 0.6) pushTo(evidenced, m.key, m.text);
  for (const m of mentions) {
    if (m.kind !== 'person' || m.descriptive || m.confidence >= 0.6) continue;
    // A lone surname the article never names with evidence stays a weak candidate: the corpus may know the person.
    const names = evidenced.get(m.key);
    if (!names) {
      // A lone word the article never gives as a person, used as a modifier ("a Web site", "the Watergate scandal"),
      // is not a candidate for the corpus either.
      if (ctx.attributive.has(m)) dropped.add(m);
      continue;
    }
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
  for (let i = mentions.length - 1; i >= 0; i--) if (dropped.has(mentions[i])) mentions.splice(i, 1);
}

/**
 * Names in the headline. Headlines are title case or all capitals ("Lindsay Lohan Checks Into Rehab", "GARY ROSS
 * REMAINS …"), where capitals say nothing, so a headline names a person when it spells a name (or the surname) the
 * body gives, a given name and the word after it, or a name after a form of address ("Dr. Sanjay Gupta"). Any other
 * word that could be a name ("Klitschko", "Obama") is a weak candidate: it counts only when the corpus names that
 * person with evidence (EntityIndex), as weak candidates in the body do. These mentions have sentence -1: they belong
 * to no body sentence.
 */
function readHeadline(article: Article, mentions: Mention[], ctx: RunContext): void {
  const headline = article.headline;
  if (!headline) return;
  const { text } = article;
  const line = text.slice(headline.range.start, headline.range.end);
  const folded = foldText(line).toLowerCase();
  if (folded.length !== headline.range.end - headline.range.start) return; // lower-casing changed the length: offsets would drift
  // Forms the body gives: with evidence they are people here too; weak ones stay weak (the corpus decides).
  const forms = new Map<string, Mention>();
  for (const m of [...mentions].sort((a, b) => b.confidence - a.confidence)) {
    if (m.kind !== 'person' || m.descriptive) continue;
    const full = foldText(m.text).toLowerCase().replace(/['’]s$/, '');
    const words = full.split(/\s+/);
    for (const form of [full, words.length > 1 ? words[words.length - 1] : '']) if (form.length > 2 && !forms.has(form)) forms.set(form, m);
  }
  // A family name written first and used alone in the body ("Xi Jinping … Xi said"): "Xi" in the headline is that
  // person, even at two letters.
  const lone = new Set(mentions.filter((m) => m.kind === 'person' && m.sentence >= 0 && !/\s/.test(m.text.trim())).map((m) => foldText(m.text).toLowerCase()));
  for (const m of [...mentions].sort((a, b) => b.confidence - a.confidence)) {
    if (m.kind !== 'person' || m.descriptive || m.confidence < 0.6 || m.sentence < 0) continue;
    const words = foldText(m.text).toLowerCase().split(/\s+/);
    const short = words.length === 1 ? words[0] : words.length === 2 && lone.has(words[0]) ? words[0] : '';
    if (/^\p{L}{2}$/u.test(short) && !NOT_NAMES.has(short) && !forms.has(short)) forms.set(short, m);
  }
  // Words the body writes in lower case are common words, whatever their capital in the headline ("Checks", "Star").
  const body = text.slice(0, headline.range.start) + ' ' + text.slice(headline.range.end);
  const lowerInBody = new Set((body.match(LOWER_WORDS) ?? []).map((w) => foldText(w).toLowerCase()));
  const capitalsOnly = !/\p{Ll}/u.test(line);
  const taken: TextRange[] = [];
  const free = (start: number, end: number) => !taken.some((r) => r.start < end && start < r.end);
  const add = (at: number, length: number, key: string, confidence: number) => {
    taken.push({ start: at, end: at + length });
    const range = { start: headline.range.start + at, end: headline.range.start + at + length };
    mentions.push({ range, text: text.slice(range.start, range.end), kind: 'person', key, sentence: -1, confidence });
  };
  // "… Betty Ford Center", "Obama Administration …", "Robert Wood Johnson Foundation": the name is part of a thing.
  const thingAfter = (end: number) => {
    const after = line.slice(end);
    if (GROUP_AFTER.test(after)) return true;
    const next = /^(?:\s+\p{Lu}[\p{L}'’-]*){1,2}/u.exec(after)?.[0].trim().split(/\s+/) ?? [];
    return next.some((w) => NOT_PERSON_LAST.test(w.replace(/['’]s$/u, '')) || ORG_WORDS.test(w.replace(/['’]s$/u, '')));
  };
  const theName = (name: string) => {
    const key = nameKey(name.replace(/['’]s?$/u, ''));
    return ctx.theNames.has(key) || ctx.thingNames.has(key);
  };
  // A headline word the body writes in lower case, or a form of it ("Returns" / "returned", "Checks" / "checked").
  const common = (lower: string) => {
    const stem = lower.replace(/(?:es|s|ed|ing)$/, '');
    return [lower, stem, `${stem}s`, `${stem}es`, `${stem}ed`, `${stem}d`, `${stem}ing`].some((f) => lowerInBody.has(f));
  };

  // A form of address and the capitalised words after it: "Dr. Sanjay Gupta".
  const tokens = [...line.matchAll(/\S+/g)];
  tokens.forEach((t, i) => {
    if (!ADDRESS.test(t[0])) return;
    const words: RegExpMatchArray[] = [];
    // A given name and a surname, with initials between them: "Dr. Pell Varga", "Dr. Mary J. Blige".
    for (const u of tokens.slice(i + 1, i + 5)) {
      const word = u[0].replace(/[,:;!?]+$/u, '');
      if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(word) || TITLE_WORDS.has(word.toLowerCase()) || NOT_NAMES.has(word.toLowerCase())) break;
      words.push(u);
      if (word !== u[0] || words.filter((x) => !/^\p{Lu}\.$/u.test(x[0])).length === 2) break; // punctuation or a surname ends the name
    }
    if (!words.length) return;
    const at = words[0].index!;
    const last = words[words.length - 1];
    const name = line.slice(at, last.index! + last[0].length).replace(/[,:;!?]+$/u, '').replace(/['’]s$/u, '');
    if (free(at, at + name.length)) add(at, name.length, personKey(name), 0.85);
  });
  // A given name and the capitalised word after it ("Gary Ross Won't Direct …"): a person even in a title-case line,
  // unless the second word is a common word of the body ("Creighton Returns") or the pair names a thing.
  for (const g of folded.matchAll(/(?<![\p{L}\d])(\p{L}+)\s+((?:\p{L}\.\s*)?\p{L}[\p{L}'’-]+)/gu)) {
    const original = line.slice(g.index!, g.index! + g[0].length);
    if (!isGivenName(g[1]) || !/^\p{Lu}/u.test(original) || !/\s\p{Lu}/u.test(original) || NOT_PERSON_LAST.test(g[2]) || TITLE_WORDS.has(g[2])) continue;
    const name = original.replace(/['’]s$/u, '');
    const form = foldText(name).toLowerCase();
    if (forms.has(form) || common(g[2].replace(/['’]s$/u, '')) || thingAfter(g.index! + g[0].length) || theName(name)) continue;
    if (!mentions.some((m) => m.kind === 'person' && m.confidence >= 0.6 && nameKey(m.text) === nameKey(name))) {
      const key = personKey(name);
      if (![...forms.values()].some((m) => m.key === key && m.confidence >= 0.6) && free(g.index!, g.index! + name.length)) add(g.index!, name.length, key, 0.85);
    }
  }
  for (const [form, m] of [...forms].sort((a, b) => b[0].length - a[0].length)) {
    let at = folded.indexOf(form);
    while (at >= 0) {
      const end = at + form.length;
      const bounded = !/[\p{L}\d]/u.test(folded[at - 1] ?? ' ') && !/[\p{L}\d]/u.test(folded[end] ?? ' ');
      if (bounded && free(at, end) && !thingAfter(end)) add(at, form.length, m.key, m.confidence >= 0.6 ? 0.85 : 0.5);
      at = folded.indexOf(form, end);
    }
  }
  // Any other word that could be a surname: a weak candidate for the corpus to confirm ("Klitschko vs Thompson").
  for (const w of line.matchAll(HEADLINE_WORD)) {
    const word = w[0].replace(/['’]s?$/u, '');
    const lower = foldText(word).toLowerCase();
    const at = w.index!;
    if (word.length < 3 || !free(at, at + word.length) || common(lower) || theName(word)) continue;
    // "South Korea", "New Delhi": a word after a compass word or "New" is part of a place.
    if (DIRECTION.test(/(\p{L}+)\s+$/u.exec(line.slice(0, at))?.[1] ?? '')) continue;
    if (TITLE_WORDS.has(lower) || NOT_NAMES.has(lower) || HONORIFIC.test(lower) || DATE_WORD.test(lower) || DIRECTION.test(lower) || PARTICLE.test(lower) || CONTRACTION.test(w[0])) continue;
    if (countryOf(word) || countryOfCapital(word) || isRegion(word) || isKnownPlaceName(word) || NOT_PERSON_LAST.test(word) || ORG_WORDS.test(word) || isGivenName(word)) continue;
    if (!capitalsOnly && ALL_CAPITALS.test(word)) continue; // an acronym in a mixed-case line ("NYPD", "MVC")
    // "… Surgeon General", "Betty Ford Center": a title or a thing, not a surname.
    const nextWord = /^\s+(\p{L}+)/u.exec(line.slice(at + w[0].length))?.[1]?.toLowerCase() ?? '';
    if (thingAfter(at + w[0].length) || TITLE_WORDS.has(nextWord)) continue;
    add(at, word.length, personKey(word), 0.5);
  }
}

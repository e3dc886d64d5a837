// Participants for the meeting layer, from the entity layer's mentions: people (a description that stands for a
// person counts as that person, under their fullest name), organisations, and places under their news name.
//
// Meetings are between people: a "person" the entity layer found that is really an outlet or agency ("Daily Sabah",
// "IRNA"), an institution or a building ("Political Bureau", "Great Hall"), or a country used as an actor never takes
// part. A family name given first ("Wang Yi", later "Wang") is the same person as the full name, and title or
// organisation words glued to a name by the page ("Presidents Recep Tayyip Erdogan", "Federation Sergey Lavrov",
// "ErdoganIranian") are cut off the displayed name.

import rulePack from '../rules/meetings.yaml';
import { nameKey } from '../fold';
import { Mention, parseRole, personKey } from '../people/recognise';
import { Article } from '../types';
import { ParticipantMention } from './extract';
import { countryOf, countryOfCapital, isKnownPlaceName } from './places';
import { isGivenName } from '../people/names';

interface RawPack {
  notPeople: { words: string[]; outlets: string[] };
}

const pack = rulePack as unknown as RawPack;
const NOT_PERSON_WORDS = new Set(pack.notPeople.words.map((w) => w.toLowerCase()));
const OUTLETS = new Set(pack.notPeople.outlets.map((w) => nameKey(w)));
/** Title or organisation words a page glued in front of a name. */
const GLUED_LEAD = /^(?:(?:Presidents?|Ministers?|Director|Directors|Councilor|Councillor|Secretary|Chairman|Federation|Republic|Kingdom|State|Premier|Chancellor|Ambassador|Envoy|Spokesman|Spokeswoman|Mr|Mrs|Ms|Dr|Sheikh|Excellency|Foreign|Defen[cs]e|Prime|Vice|Deputy|Affairs)\.?\s+)+/u;

/** Whether a name the entity layer took for a person is an outlet, agency, institution, place or country. */
export function notAPerson(name: string, article?: Article): boolean {
  const folded = nameKey(name);
  if (OUTLETS.has(folded)) return true;
  if (article?.meta.outlet && nameKey(article.meta.outlet) === folded) return true;
  const words = name.split(/\s+/);
  if (words.some((w) => NOT_PERSON_WORDS.has(w.toLowerCase().replace(/['’]s$/, '')))) return true;
  if (words.length === 1 && countryOf(name)) return true;
  // "Sochi", "the Kremlin", "Woodside": a city or venue the place packs know.
  if (isKnownPlaceName(name.replace(/^the\s+/i, ''))) return true;
  return false;
}

/** The name without the title words a page glued to it; a camel-glued word is cut at the join ("ErdoganIranian"). */
export function cleanName(name: string): string {
  let out = name.replace(/(\p{Ll})(\p{Lu}\p{Ll})/gu, '$1\u0000$2').split('\u0000')[0];
  const cut = out.replace(GLUED_LEAD, '');
  if (cut && cut !== out && /\s|^\p{Lu}\p{Ll}+$/u.test(cut)) out = cut;
  // "European Commission Ursula von der Leyen", "State Council Li Qiang": a body's name run into the name of the
  // person who heads it. Cut at a given name that follows words of an institution or a country.
  const words = out.trim().split(/\s+/);
  const given = words.findIndex((w, i) => i > 0 && i < words.length - 1 && isGivenName(w));
  if (given > 0 && words.slice(0, given).every((w) => /^\p{Lu}/u.test(w)) && words.slice(0, given).some((w) => NOT_PERSON_WORDS.has(w.toLowerCase()) || INSTITUTION_WORDS.has(w.toLowerCase()) || !!countryOf(w))) {
    out = words.slice(given).join(' ');
  }
  return out.trim();
}

/** Words of the bodies whose heads news names right after them ("European Commission President …" with the title dropped). */
const INSTITUTION_WORDS = new Set(['commission', 'council', 'parliament', 'bank', 'court', 'nations', 'federation', 'republic', 'kingdom', 'state']);

/** The participants of each body sentence; `headline` holds those of the headline line (people and places). */
export type ParticipantsBySentence = ParticipantMention[][] & { headline?: ParticipantMention[] };

export function participantsBySentence(article: Article, mentions: Mention[]): ParticipantsBySentence {
  const fullest = new Map<string, string>();
  for (const m of mentions) {
    if (m.kind !== 'person' || m.descriptive || notAPerson(cleanName(m.text), article)) continue;
    const name = cleanName(m.text);
    if (name.length > (fullest.get(m.key)?.length ?? 0)) fullest.set(m.key, name);
  }
  // "Wang Yi … Wang said": a lone word that is the first word of exactly one full name in the article is that person.
  const byFirstWord = new Map<string, Set<string>>();
  for (const [key, name] of fullest) {
    const words = nameKey(name).split(' ');
    if (words.length < 2) continue;
    const set = byFirstWord.get(words[0]) ?? new Set();
    set.add(key);
    byFirstWord.set(words[0], set);
  }
  // A lone word the entity layer also found as a place in this article is that place ("Sochi", "Idlib") — unless the
  // article names a person in full with it ("Xi Jinping … in Xi's speech" made "Xi" a guessed place once).
  const nameWords = new Set([...fullest.values()].filter((n) => /\s/.test(n)).flatMap((n) => { const w = nameKey(n).split(' '); return [w[0], w[w.length - 1]]; }));
  const places = new Set(mentions.filter((m) => m.kind === 'place' && !(m.confidence < 0.9 && nameWords.has(nameKey(m.text)))).map((m) => nameKey(m.text)));
  const out: ParticipantsBySentence = article.sentences.map(() => []);
  const headline: ParticipantMention[] = [];
  for (const m of mentions) {
    if (m.kind === 'person' && !m.descriptive && !/\s/.test(m.text.trim()) && places.has(nameKey(m.text))) continue;
    let key = m.key;
    let confidence = m.confidence;
    if (m.kind === 'person') {
      if (notAPerson(m.descriptive ? m.text : cleanName(m.text), article)) continue;
      const single = !m.descriptive && !/\s/.test(m.text.trim());
      const fullHere = fullest.get(key);
      if (single && (!fullHere || !/\s/.test(fullHere))) {
        const owners = byFirstWord.get(nameKey(m.text.trim()));
        if (owners?.size === 1) {
          key = [...owners][0];
          confidence = Math.max(confidence, 0.85);
        }
      }
    }
    // "Kim Jong-un", "Choe Son-hui": a name the entity layer cut at the hyphen of its last part.
    let range = m.range;
    let text = m.text;
    if (m.kind === 'person' && !m.descriptive) {
      const tail = /^-\p{Ll}{1,6}\b/u.exec(article.text.slice(m.range.end, m.range.end + 8));
      if (tail) {
        range = { start: m.range.start, end: m.range.end + tail[0].length };
        text = m.text + tail[0];
        if (key === m.key) key = personKey(text);
      }
    }
    // A lone surname the article never names in full ("Xi meets Orban") still takes part: the meeting index links it
    // to the person other accounts name in full. Weaker guesses (other kinds) do not.
    if (confidence < (m.kind === 'person' ? 0.5 : 0.6)) continue;
    if (m.kind === 'person' && !m.descriptive && confidence < 0.6 && commonWordName(text, article.text)) continue;
    // A low-confidence single word must look like a surname ("Aug.", "De", "MC" do not); a low-confidence full name
    // (no title or known given name: "Tarek Almund") is judged by the meeting it takes part in.
    // Two letters are a surname too ("Xi's arrival", "Li met"), unless an everyday word or particle ("He", "De").
    if (confidence < 0.6 && !/\s/.test(m.text.trim()) && !(/^\p{Lu}\p{Ll}{2,}(?:-\p{Ll}+)?$/u.test(m.text) || shortSurname(m.text))) continue;
    const name = m.kind === 'person' ? (m.descriptive ? fullest.get(key) ?? m.text : cleanName(text)) : m.kind === 'place' ? countryOf(m.text) ?? m.text : m.text;
    const role = m.kind === 'person' ? (m.role ?? (m.roleText ? parseRole(m.roleText) : undefined)) : undefined;
    (m.sentence === -1 ? headline : out[m.sentence])?.push({
      key,
      name: m.kind === 'place' && /^\p{Lu}+$/u.test(name) ? titleCase(name) : name,
      kind: m.kind,
      range,
      title: m.roleText,
      role: role?.office || role?.country ? { office: role.office, country: role.country } : undefined,
      alt: m.kind === 'person' ? altKey(fullest.get(key) ?? name, key) : undefined,
      // Weak means a lone word. A full name without other evidence is still a participant in full: taking part in
      // a meeting is the evidence ("a full name that meets", people/recognise.ts).
      weak: confidence < 0.6 && !/\s/.test(text.trim()) ? true : undefined,
      resolvedBy: m.kind === 'person' && m.descriptive && fullest.get(key) ? `the one ${[role?.country, role?.office].filter(Boolean).join(' ') || 'person of that description'} this article names: ${fullest.get(key)}` : undefined,
    });
  }
  if (article.headline) {
    // A headline's capitals say nothing: a lone word there is a person only when the body names that person ("Talk",
    // "Remarks", "Arrives" are not).
    const inBody = new Set(out.flat().filter((p) => p.kind === 'person').flatMap((p) => [p.key, p.alt]));
    const people = headline.filter((p) => p.kind === 'person' && (!p.weak || inBody.has(p.key)));
    out.headline = [...people, ...headlinePlaces(article)].sort((a, b) => a.range.start - b.range.start);
  }
  return out;
}

/**
 * The places a headline names ("… meet in Sochi", "… talks in Beijing"): the entity layer reads no places there (its
 * capitals say nothing), so a capitalised word or pair is a place when the place packs know it as a country, a capital
 * or a city.
 */
function headlinePlaces(article: Article): ParticipantMention[] {
  const { start, end } = article.headline!.range;
  const line = article.text.slice(start, end);
  const out: ParticipantMention[] = [];
  for (const m of line.matchAll(/(?<![\p{L}\d'’-])\p{Lu}[\p{L}'’-]*\p{L}(?:\s+\p{Lu}[\p{L}'’-]*\p{L})?(?![\p{L}\d])/gu)) {
    // "South Korea", "New Delhi" as one name, else the first word alone ("Sochi Talks").
    for (const text of [m[0], m[0].split(/\s+/)[0]]) {
      const bare = text.replace(/['’]s$/u, '');
      const country = countryOf(bare);
      if (!country && !countryOfCapital(bare) && !isKnownPlaceName(bare)) continue;
      const range = { start: start + m.index!, end: start + m.index! + bare.length };
      const name = country ?? bare;
      out.push({ key: `place:${nameKey(name)}`, name, kind: 'place', range });
      break;
    }
  }
  return out;
}

/** Words that open sentences and bylines in capitals but never name a person on their own. */
const NOT_NAME_WORDS = new Set(
  'today yesterday tomorrow tonight people visit visits talks ties meeting summit representative published updated posted photo video watch read pool amid amidst according despite following during besides landed arrived'.split(' '),
);
const CALENDAR_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?$/i;

/**
 * A name found without evidence (no title, no given name, no speech verb) whose last word is an everyday word:
 * "Today", "People", "Visit" opening a sentence, "Strengthen Ties" in a title-case line, a byline ending "Published
 * May", a dateline in capitals ("SAN FRANCISCO"). A word the article also writes in lower case is an everyday word.
 */
function commonWordName(name: string, text: string): boolean {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1].replace(/['’]s$/u, '').replace(/\.$/, '');
  if (words.length > 1 && words.every((w) => !/\p{Ll}/u.test(w))) return true; // "SAN FRANCISCO": a dateline, not a name
  const lower = last.toLowerCase();
  if (CALENDAR_WORD.test(lower) || NOT_NAME_WORDS.has(lower)) return true;
  if (!/^\p{Lu}\p{Ll}+$/u.test(last) || lower.length < 3) return false;
  return new RegExp(`(?<![\\p{L}])${lower}(?![\\p{L}])`, 'u').test(text);
}

/** Everyday two-letter words and name particles a sentence can open with: never a lone surname. */
const NOT_SHORT_SURNAMES = new Set(
  'am an as at be by de da di do du el go he hi if in is it la le lo me mr ms dr st my no of oh ok on or so to up us we ye al un il ha ne se si na za po od'.split(' '),
);

/** A two-letter capitalised word that can be a family name on its own ("Xi", "Li", "Wu"). */
function shortSurname(word: string): boolean {
  return /^\p{Lu}\p{Ll}$/u.test(word) && !NOT_SHORT_SURNAMES.has(word.toLowerCase());
}

/** A two-word name also goes by its first word ("Xi Jinping" is "Xi", "Wang Yi" is "Wang"), for family names first. */
function altKey(name: string, key: string): string | undefined {
  const words = nameKey(name).split(' ');
  if (words.length !== 2 || words[0].length < 2) return undefined;
  const alt = `person:${words[0]}`;
  return alt === key ? undefined : alt;
}

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

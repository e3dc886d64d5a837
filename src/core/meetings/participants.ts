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
import { countryOf, isKnownPlaceName } from './places';

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
  return out.trim();
}

export function participantsBySentence(article: Article, mentions: Mention[]): ParticipantMention[][] {
  const fullest = new Map<string, string>();
  for (const m of mentions) {
    if (m.kind !== 'person' || m.descriptive || notAPerson(m.text, article)) continue;
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
  // A lone word the entity layer also found as a place in this article is that place ("Sochi", "Idlib").
  const places = new Set(mentions.filter((m) => m.kind === 'place').map((m) => nameKey(m.text)));
  const out: ParticipantMention[][] = article.sentences.map(() => []);
  for (const m of mentions) {
    if (m.kind === 'person' && !m.descriptive && !/\s/.test(m.text.trim()) && places.has(nameKey(m.text))) continue;
    let key = m.key;
    let confidence = m.confidence;
    if (m.kind === 'person') {
      if (notAPerson(m.text, article)) continue;
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
    // A low-confidence single word must look like a surname ("Aug.", "De", "MC" do not); a low-confidence full name
    // (no title or known given name: "Tarek Almund") is judged by the meeting it takes part in.
    // Two letters are a surname too ("Xi's arrival", "Li met"), unless an everyday word or particle ("He", "De").
    if (confidence < 0.6 && !/\s/.test(m.text.trim()) && !(/^\p{Lu}\p{Ll}{2,}(?:-\p{Ll}+)?$/u.test(m.text) || shortSurname(m.text))) continue;
    const name = m.kind === 'person' ? (m.descriptive ? fullest.get(key) ?? m.text : cleanName(text)) : m.kind === 'place' ? countryOf(m.text) ?? m.text : m.text;
    const role = m.kind === 'person' ? (m.role ?? (m.roleText ? parseRole(m.roleText) : undefined)) : undefined;
    out[m.sentence]?.push({
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
  return out;
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

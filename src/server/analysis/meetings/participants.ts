// Participants for the meeting layer, from the entity layer's mentions when it is available. Until then (and as
// a fallback) a conservative reading of names: runs of capitalised proper nouns that are not places, keyed by the
// folded last name, and places from the country/capital gazetteer.

import { Analysis } from '../analyse';
import { nameKey } from '../fold';
import { POS_TAGS } from '../types';
import { ParticipantMention } from './extract';
import { countryOf, countryOfCapital } from './places';

/** Last words that make a capitalised run an organisation, not a person ("Cooperation Council", "Revolutionary Guards"). */
const ORG_WORDS = /^(?:council|agency|ministry|party|corps|forces|guards|army|committee|organi[sz]ation|union|assembly|parliament|court|bank|company|group|front|movement|news|times|post|tv|radio|press|office|university|institute|commission|league|alliance|coalition|association|federation|network|channel|service|tribunal|senate|congress|house|navy|police|government)$/i;

/** Lower-case particles inside names: "Bashar al-Assad", "Ahmad bin Ali", "Ursula von der Leyen". */
const PARTICLE = /^(?:al|el|ad|as|bin|ibn|abu|van|von|de|da|di|du|le|la|del|der|den)$/;

const NOT_NAMES = new Set(['the', 'a', 'an', 'president', 'minister', 'foreign', 'prime', 'general', 'defense', 'defence', 'chief', 'mr', 'mrs', 'ms', 'dr', 'state', 'news', 'agency', 'ministry', 'government', 'islamic', 'republic', 'revolution', 'share', 'photo', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

export function fallbackParticipants(analysis: Analysis): ParticipantMention[][] {
  const { article } = analysis;
  const { starts, ends, pos } = article.tokens;
  const perSentence = article.sentences.map((s) => {
    const out: ParticipantMention[] = [];
    let run: number[] = [];
    const flush = () => {
      let words = run.map((i) => article.text.slice(starts[i], ends[i]));
      // "Velorian Foreign Minister Ilsa Kendrow": the name is what follows the last title or demonym word.
      let cut = -1;
      words.forEach((w, i) => {
        if (NOT_NAMES.has(w.toLowerCase()) || (i < words.length - 1 && countryOf(w))) cut = i;
      });
      if (cut >= 0) {
        words = words.slice(cut + 1);
        run = run.slice(cut + 1);
      }
      if (words.length === 0) {
        run = [];
        return;
      }
      const range = { start: starts[run[0]], end: ends[run[run.length - 1]] };
      const before = article.text.slice(Math.max(s.range.start, range.start - 6), range.start);
      if (words.length === 1 && (countryOf(words[0]) || countryOfCapital(words[0]))) {
        const name = countryOfCapital(words[0]) ? words[0] : countryOf(words[0])!;
        out.push({ key: `place:${nameKey(name)}`, name, kind: 'place', range });
      } else if (/\b(?:in|at|from|to|near)\s+$/i.test(before) && cut < 0) {
        // "in St Petersburg", "to Velor City": a name governed by a place preposition is a place.
        const name = words.join(' ');
        out.push({ key: `place:${nameKey(name)}`, name, kind: 'place', range });
      } else if (ORG_WORDS.test(words[words.length - 1])) {
        const name = words.join(' ');
        out.push({ key: `organisation:${nameKey(name)}`, name, kind: 'organisation', range });
      } else if (words.length >= 1 && /^\p{Lu}/u.test(words[0]) && /^\p{Lu}/u.test(words[words.length - 1]) && words.every((w) => (/^\p{Lu}[\p{L}'’-]*$/u.test(w) || PARTICLE.test(w) || w === '-') && !NOT_NAMES.has(w.toLowerCase()))) {
        out.push({ key: `person:${nameKey(words[words.length - 1])}`, name: article.text.slice(range.start, range.end), kind: 'person', range });
      }
      run = [];
    };
    for (let i = s.firstToken; i < s.firstToken + s.tokenCount; i++) {
      // Mid-sentence capitals are names even when the tagger reads the word as common ("Quell", "Brisk").
      const tag = POS_TAGS[pos[i]];
      const capital = /^\p{Lu}/u.test(article.text[starts[i]]);
      // Name particles ("Bashar al-Assad", "Ahmad bin Ali") continue a name already started.
      const word = article.text.slice(starts[i], ends[i]);
      const particle = run.length > 0 && (PARTICLE.test(word) || (word === '-' && PARTICLE.test(article.text.slice(starts[run[run.length - 1]], ends[run[run.length - 1]]))));
      const isName = particle || (capital && (tag === 'PROPN' || (i > s.firstToken && (tag === 'NOUN' || tag === 'VERB' || tag === 'ADJ' || tag === 'X'))));
      if (isName && (run.length === 0 || starts[i] - ends[run[run.length - 1]] <= 1)) run.push(i);
      else {
        if (run.length) flush();
        if (isName) run.push(i);
      }
    }
    if (run.length) flush();
    return out;
  });
  // A lone capitalised word is a person only when the article also names them in full ("Kendrow" after "Ilsa Kendrow").
  const fullNames = new Set(perSentence.flat().filter((m) => m.kind === 'person' && m.name.includes(' ')).map((m) => m.key));
  return perSentence.map((list) => list.filter((m) => m.kind !== 'person' || m.name.includes(' ') || fullNames.has(m.key)));
}

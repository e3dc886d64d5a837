// Participants for the meeting layer, from the entity layer's mentions: people (a description that stands for a
// person counts as that person, under their fullest name), organisations, and places under their news name.

import { Mention } from '../people/recognise';
import { Article } from '../types';
import { ParticipantMention } from './extract';
import { countryOf } from './places';

export function participantsBySentence(article: Article, mentions: Mention[]): ParticipantMention[][] {
  const fullest = new Map<string, string>();
  for (const m of mentions) {
    if (m.kind === 'person' && !m.descriptive && m.text.length > (fullest.get(m.key)?.length ?? 0)) fullest.set(m.key, m.text);
  }
  const out: ParticipantMention[][] = article.sentences.map(() => []);
  for (const m of mentions) {
    if (m.confidence < 0.6) continue; // a lone capitalised word the article never names in full
    const name = m.kind === 'person' ? (m.descriptive ? fullest.get(m.key) ?? m.text : m.text) : m.kind === 'place' ? countryOf(m.text) ?? m.text : m.text;
    out[m.sentence]?.push({ key: m.key, name: m.kind === 'place' && /^\p{Lu}+$/u.test(name) ? titleCase(name) : name, kind: m.kind, range: m.range, title: m.roleText });
  }
  return out;
}

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

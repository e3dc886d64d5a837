// What one article reports, as a bag of weighted features for grouping articles that report the same real-world
// event: who and what is named (entity keys), the content words of the headline and lead (weighted up) and of the
// body, the kind of event (disaster, attack, arrest, trial, deal, election, announcement, meeting) and the date.
// Pure and per article: the corpus-wide weighting (how rare a feature is) happens in the index.

import type { Analysis, EventProfile, EventType } from '../model';
import { POS_TAGS } from '../types';

export type { EventProfile, EventType } from '../model';

// Classes of event words, most specific first. Stems: matched at a word start.
const TYPES: [EventType, RegExp][] = [
  ['disaster', /\b(?:earthquake|quake|tremor|temblor|tsunami|flood|storm|hurricane|typhoon|cyclone|tornado|landslide|avalanche|wildfire|blaze|fire|eruption|crash|derail|collision|explosion|blast|sank|sinking|capsiz)/i],
  ['attack', /\b(?:attack|shooting|shot|gunman|gunmen|bomb|stabb|killed|murder|massacre|hostage|raid|air ?strike|shell|ambush|assault)/i],
  ['arrest', /\b(?:arrest|detain|custody|charged|apprehend|captured|seized|extradit)/i],
  ['trial', /\b(?:trial|sentenc|convicted|verdict|jury|court|pleaded|acquitt|appeal)/i],
  ['deal', /\b(?:acquir|acquisition|merger|buy|bought|deal|takeover|purchase|sold|sell|agreement|contract|sign)/i],
  ['election', /\b(?:elect|vote|ballot|poll|won the|campaign|nominat|appoint|named)/i],
  ['death', /\b(?:died|dies|dead\b|death|passed away|funeral|overdose)/i],
  ['sport', /\b(?:match|game|scored|goal|championship|tournament|cup|season|coach|beat|defeat)/i],
  ['meeting', /\b(?:met|meeting|talks|summit|visit|call)/i],
  ['announcement', /\b(?:announc|unveil|launch|releas|introduc|present|reveal|recall|resign|quit|fired|sacked)/i],
];

const STOP = new Set(
  ('the and for that this with from have has had are was were will would can could not but its their his her our your they them ' +
    'she him who what when where which while than then there here been being into about over after before also just only very more ' +
    'most such some any all both each other same own one two said says say told tell year years day days week time times people ' +
    'new last first like get got make made take took according report reports reported news article story today yesterday ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december percent way thing things lot part back home world state official officials')
    .split(' '),
);

const CONTENT = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);
const LEAD_SENTENCES = 3;

/** A crude stem: plural and verb endings, so "arrests"/"arrested"/"arresting" meet. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 5 && /(?:ing|ed)$/.test(w)) w = w.replace(/(?:ing|ed)$/, '');
  else if (w.length > 4 && /ies$/.test(w)) w = w.replace(/ies$/, 'y');
  else if (w.length > 3 && /[^s]s$/.test(w)) w = w.slice(0, -1);
  return w;
}

export function eventProfile(a: Pick<Analysis, 'article' | 'mentions'>): EventProfile {
  const { article } = a;
  const features = new Map<string, number>();
  const add = (key: string, weight: number) => features.set(key, (features.get(key) ?? 0) + weight);
  const headlineEnd = article.headline?.range.end ?? -1;
  const leadEnd = article.sentences[Math.min(article.sentences.length - 1, LEAD_SENTENCES)]?.range.end ?? headlineEnd;
  const weightAt = (offset: number) => (offset <= headlineEnd ? 3 : offset <= leadEnd ? 2 : 1);
  const excluded = article.boilerplate;
  const isFurniture = (offset: number) => excluded.some((b) => offset >= b.range.start && offset < b.range.end);

  // Entities: the names the article's people/organisations/places layer resolved.
  for (const m of a.mentions) {
    if (m.confidence < 0.6 || isFurniture(m.range.start)) continue;
    add(`e:${m.key}`, 2 * weightAt(m.range.start));
  }
  // Content words.
  const { starts, ends, pos } = article.tokens;
  const text = article.text;
  for (const s of article.sentences) {
    if (isFurniture(s.range.start)) continue;
    const w = weightAt(s.range.start);
    for (let t = s.firstToken; t < s.firstToken + s.tokenCount; t++) {
      if (!CONTENT.has(POS_TAGS[pos[t]])) continue;
      const word = text.slice(starts[t], ends[t]);
      if (word.length < 3 || !/^\p{L}[\p{L}'-]*$/u.test(word)) continue;
      const lower = word.toLowerCase();
      if (STOP.has(lower)) continue;
      add(`w:${stem(lower)}`, w);
    }
  }
  // Event type: the first trigger in the headline, else in the lead.
  let type: EventType = 'other';
  let trigger: EventProfile['trigger'];
  const leadText = text.slice(0, leadEnd);
  for (const [t, pattern] of TYPES) {
    const m = pattern.exec(leadText);
    if (m && (!trigger || m.index < trigger.start)) {
      const word = /^[\p{L}-]+/u.exec(leadText.slice(m.index))?.[0] ?? m[0];
      if (!trigger || m.index < trigger.start) {
        type = t;
        trigger = { text: word, start: m.index, end: m.index + word.length };
      }
    }
  }
  add(`t:${type}`, 2);
  const years = [...leadText.matchAll(/\b(?:19[5-9]\d|20[0-4]\d)\b/g)].map((m) => Number(m[0]));
  if (article.published) years.push(Number(article.published.iso.slice(0, 4)));
  const headline = article.headline ? text.slice(article.headline.range.start, article.headline.range.end) : text.slice(0, 80);
  return { uri: article.uri, published: article.published?.iso, type, trigger, features, years: [...new Set(years)].sort(), label: headline.trim().replace(/\s+/g, ' ').slice(0, 100) };
}

// Who says so: quotations and their speakers, attribution of every sentence (direct, indirect, inherited), and the
// checkable claims nobody is cited for. No library attributes quotes to speakers (../shared/recipes/nlp.md), so
// this is written here, with the vocabulary kept as data in rules/sourcing.yaml.

import rulePack from '../rules/sourcing.yaml';
import { Mention } from '../people/recognise';
import { Figure } from '../figures/extract';
import { Article, POS_TAGS, TextRange } from '../types';
import { groupBy } from '../groups';
import { alternation } from '../wordlists';
import { countryOf, countryOfCapital } from '../meetings/places';
import type { Source, Quote, Attribution, Claim, Sourcing } from '../model';
export type { SourceType, Source, Quote, Attribution, Claim, Sourcing } from '../model';

interface RawPack {
  cues: string[];
  according: string[];
  institutions: string[];
  anonymous: string[];
  stateMedia: string[];
  claims: Record<string, string>;
  vagueSourceVerbs: string[];
  impersonal: string[];
  documentSources: { nouns: string[]; between: string[]; verbs: string[] };
  hedges: { anywhere: string[]; headlines: string[]; claims: string[] };
  background: string[];
  speechVerbs: string[];
  stanceVerbs: string[];
  subjectVerbs: string[];
  notes: string[];
  routineCounts: string[];
  accountVerbs: string[];
  notAccountVerbs: string[];
  accountPhrases: string[];
  manyClauses: { words: number; verbs: number };
}

const pack = rulePack as RawPack;
const words = (list: string[]) => alternation(list, 'any');
const CUE = new RegExp(`(?:^|[^\\p{L}'’])(${words(pack.cues)})(?![\\p{L}])`, 'iu');
const ACCORDING = new RegExp(`(${words(pack.according)})`, 'i');
const INSTITUTION = new RegExp(`(?:^|[^\\p{L}])(${words(pack.institutions)})(?![\\p{L}])`, 'iu');
const ANONYMOUS = new RegExp(`(?:^|[^\\p{L}])(${words(pack.anonymous)})(?![\\p{L}])`, 'iu');
/** A document or survey that reports something: "the poll showed", "a report found", "the filing states", "voters say". */
const DOCUMENT_SOURCE = new RegExp(
  `\\b(${alternation(pack.documentSources.nouns, 'any')})\\s+(?:(?:${alternation(pack.documentSources.between)}|\\p{Lu}[\\p{L}.&'’/-]*|\\d{4})\\s+){0,8}?(${alternation(pack.documentSources.verbs)})\\b`,
  'iu',
);
const ANONYMOUS_ALL = new RegExp(ANONYMOUS.source, 'giu');
/** Vague-source words that are sources by themselves: reporting adverbs and impersonal reports ("reportedly", "it is believed"). */
const IMPERSONAL = new RegExp(`^(?:${alternation(pack.impersonal)})$`, 'i');
/** Verbs of saying, reporting or believing that make a vague noun the source ("officials said", "analysts had forecast"). */
const SOURCE_VERB = new RegExp(`^\\s*(?:\\([^)]*\\)\\s*)?(?:[\\p{L}’'-]+\\s+){0,4}?(?<!\\b(?:a|an|the|their|his|her|its|our)\\s)(?:${alternation(pack.vagueSourceVerbs)})\\b`, 'u');

/**
 * A vague or anonymous source, if the sentence rests on one: "officials said", "said two sources familiar with",
 * "according to analysts", "reportedly". The same words as a subject of something else ("officials started to
 * portray"), as a statistic ("1 in 4 residents lived …") or tied to a named body ("officials with the Justice
 * Department", "Pentagon officials") are not a vague source.
 */
function vagueSource(outside: string): RegExpExecArray | null {
  for (const m of outside.matchAll(ANONYMOUS_ALL)) {
    const phrase = m[1];
    const start = m.index! + m[0].indexOf(phrase);
    if (IMPERSONAL.test(phrase)) return m as RegExpExecArray;
    const before = outside.slice(Math.max(0, start - 30), start);
    const after = outside.slice(start + phrase.length, start + phrase.length + 80);
    // Tied to a named body: "Pentagon officials", "officials with the Justice Department".
    // A country or its people does not name the body: "Turkish officials", "officials in Ankara" stay vague.
    const capitalBefore = /(\p{Lu}[\p{L}.’'-]*)\s+(?:[\p{Ll}-]+\s+)?$/u.exec(before);
    if (capitalBefore && start > 0 && !/(?:^|[.!?:"“]\s*)\p{Lu}[\p{L}]*\s+$/u.test(before) && !countryOf(capitalBefore[1])) continue;
    const tiedAfter = /^\s+(?:with|from|at|of|for|like|including|such as)\s+(?:the\s+)?(\p{Lu}[\p{L}.’'-]*)/u.exec(after);
    if (tiedAfter && !countryOf(tiedAfter[1]) && !countryOfCapital(tiedAfter[1]) && !/familiar/i.test(after.slice(0, 40))) continue;
    const familiar = /^\s+(?:\w+\s+){0,2}?(?:familiar with|close to|briefed on|with knowledge of|who (?:asked|spoke|requested|were not authori[sz]ed))/i.test(after);
    // "said two officials" is inverted; "said that experts had found" reports what the experts did, in someone else's words.
    const inverted = /\b(?:said|says|say|told|according to|quoted|citing|quoting)\s+(?:(?!that\b|whether\b|if\b)[\p{L}-]+\s+){0,2}$/iu.test(before);
    // A source denied: "never cited a source", "without sources", "did not name any officials".
    if (/\b(?:(?:never|not|n[’']t|without)\s+(?:\p{L}+\s+){0,2}|without\s+|no\s+|any\s+)$/iu.test(before)) continue;
    // The vague word after a preposition is no subject: "sits down with analysts and tells them", "a say for officials".
    if (/\b(?:with|among|for|between|against|from|(?<!according\s)to)\s+(?:(?:the|some|many|several|other|senior|local|top)\s+)?$/iu.test(before)) continue;
    const subject = SOURCE_VERB.test(after) && !/^\s*(?:[\p{L}’'-]+\s+){0,4}?(?:of|that|who|which)\b/u.test(after.split(/\b(?:said|say|says|told)\b/)[0] ?? '');
    if (familiar || inverted || subject) return m as RegExpExecArray;
  }
  return null;
}
const STATE_MEDIA = new RegExp(`(?:^|[^\\p{L}])(${words(pack.stateMedia)})(?![\\p{L}])`, 'iu');
const CLAIMS = Object.entries(pack.claims).map(([kind, pattern]) => ({ kind, pattern: new RegExp(pattern, 'i') }));
/** A hedged claim: not flagged as unattributed (the pack's hedges, `anywhere` and `claims`). */
const HEDGED_CLAIM = new RegExp(`\\b(?:${alternation([...pack.hedges.anywhere, ...pack.hedges.claims])})\\b`, 'i');
/** A hedged headline, or body sentence behind one (the pack's hedges, `anywhere` and `headlines`). */
export const HEDGED_HEADLINE = new RegExp(`\\b(?:${alternation([...pack.hedges.anywhere, ...pack.hedges.headlines])})\\b`, 'i');
const BACKGROUND = pack.background.map((b) => new RegExp(b, 'i'));
const PRONOUN = /^\s*["“]?\s*(?:he|she|they|it)\b/i;
const OPENERS: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“' };

/** Quotations: straight and curly, spanning sentences and paragraphs, block quotes after "said …:". */
function findQuotes(article: Article): Quote[] {
  const quotes: Quote[] = [];
  const { text } = article;
  let open: { at: number; close: string } | undefined;
  let reopenAt = -1; // the quote mark that reopens a quotation continued from the paragraph before
  article.paragraphs.forEach((p, pi) => {
    for (let i = p.range.start; i < p.range.end; i++) {
      // Only quote marks open or close a quotation: skip everything below « (U+00AB) but the straight quote.
      const code = text.charCodeAt(i);
      // Two apostrophes stand for a double quote in some archives (''We will win,'' he said).
      const twin = code === 0x27 && text.charCodeAt(i + 1) === 0x27;
      if (code < 0xab && code !== 0x22 && !twin) continue;
      const ch = text[i];
      if (i === reopenAt) continue;
      if (twin) {
        if (open?.close === "''") {
          quotes.push(makeQuote(text, open.at, i + 2, 2));
          open = undefined;
        } else if (!open && !/[\p{L}\d]/u.test(text[i - 1] ?? ' ') && !/\s/.test(text[i + 2] ?? ' ')) {
          open = { at: i, close: "''" };
        }
        i++;
        continue;
      }
      if (open) {
        if (open.close === "''") continue;
        // Typed text mixes its marks: “…," and "…“ close too when the mark sits where a closing one does.
        if (ch === open.close || (open.close === '"' && ch === '”') || (open.close !== '»' && open.close !== '“' && (ch === '"' || ch === '“' || ch === '”') && closesHere(text, i))) {
          quotes.push(makeQuote(text, open.at, i + 1));
          open = undefined;
        }
      } else if (OPENERS[ch] && !/[\p{L}\d]/u.test(text[i - 1] ?? ' ') && !/[ \t]/.test(text[i + 1] ?? ' ')) {
        // (a mark with a space after it opens nothing: it is a closing one typed loosely, as in ‘…, " Smith said.’)
        open = { at: i, close: OPENERS[ch] };
      }
    }
    // A paragraph that opens a quote without closing it continues into the next one only if that one reopens it.
    if (open) {
      const next = article.paragraphs[pi + 1];
      if (!next || !(open.close === "''" ? text.startsWith("''", next.range.start) : OPENERS[text[next.range.start]])) {
        quotes.push(makeQuote(text, open.at, p.range.end, open.close === "''" ? 2 : 1));
        open = undefined;
      } else {
        reopenAt = next.range.start;
      }
    }
  });
  // "Rouhani said, according to his website:" and the unquoted paragraph that follows is the quote.
  article.paragraphs.forEach((p, pi) => {
    const last = article.sentences[p.firstSentence + p.sentenceCount - 1];
    const lastText = text.slice(last.range.start, last.range.end);
    const next = article.paragraphs[pi + 1];
    if (next && /:\s*$/.test(lastText) && (CUE.test(lastText) || ACCORDING.test(lastText)) && !OPENERS[text[next.range.start]]) {
      quotes.push({ range: { ...next.range }, content: text.slice(next.range.start, next.range.end), kind: 'block' });
    }
  });
  return quotes.sort((a, b) => a.range.start - b.range.start);
}

/** A quote mark in closing position: right after a word or punctuation, and not before a letter or digit. */
function closesHere(text: string, i: number): boolean {
  return i > 0 && !/\s/.test(text[i - 1]) && !/[\p{L}\d]/u.test(text[i + 1] ?? ' ');
}

function makeQuote(text: string, start: number, end: number, mark = 1): Quote {
  const content = text.slice(start + mark, text[end - 1] && /["”»“']/.test(text[end - 1]) ? end - mark : end);
  const wordCount = content.trim().split(/\s+/).filter(Boolean).length;
  // One to three quoted words are a scare quote or a term, not speech ("the 'terrorists'", "a 'red line'").
  return { range: { start, end }, content, kind: wordCount <= 3 && !/[.!?,]$/.test(content.trim()) ? 'scare' : 'direct' };
}

function sourceOf(mention: Mention): Source {
  const state = STATE_MEDIA.exec(mention.text);
  return {
    name: mention.text,
    type: mention.kind === 'person' ? 'named-person' : state ? 'state-media' : 'named-institution',
    range: mention.range,
    key: mention.key,
  };
}

/**
 * The text of a range with the chosen quotations blanked out (same length, so offsets still hold). Linear: quotes
 * are sorted, and the first one that can overlap is found by binary search.
 */
function maskQuotes(text: string, range: TextRange, quotes: Quote[], mask: (q: Quote) => boolean): string {
  const raw = text.slice(range.start, range.end);
  const pieces: string[] = [];
  let at = 0;
  for (let qi = firstQuoteEndingAfter(quotes, range.start); qi < quotes.length && quotes[qi].range.start < range.end; qi++) {
    const q = quotes[qi];
    if (!mask(q) || q.range.end <= range.start) continue;
    const a = Math.max(q.range.start, range.start) - range.start;
    const b = Math.min(q.range.end, range.end) - range.start;
    if (a < at || b <= a) continue;
    pieces.push(raw.slice(at, a), ' '.repeat(b - a));
    at = b;
  }
  pieces.push(raw.slice(at));
  return pieces.join('');
}

/** The source of one sentence's speech or report, if it names one (outside its quotations). */
function sentenceSource(article: Article, index: number, mentions: Mention[], quotes: Quote[], lastPerson: Mention | undefined, useAccording = false): Attribution | undefined {
  const s = article.sentences[index];
  // Look only outside quotation marks: the words of the quoted speaker are not the attribution.
  const outside = maskQuotes(article.text, s.range, quotes, (q) => q.kind !== 'block');
  const cue = useAccording ? ACCORDING.exec(outside) : CUE.exec(outside) ?? ACCORDING.exec(outside);
  const anonymous = vagueSource(outside);
  if (!cue && !anonymous) {
    // Polls, reports, filings, ads and documents are sources too: "a Gallup poll found", "the ad claims".
    const doc = DOCUMENT_SOURCE.exec(outside);
    if (!doc) return undefined;
    const at = s.range.start + doc.index;
    return { sentence: index, source: { name: doc[1], type: 'named-institution', range: { start: at, end: at + doc[1].length } }, cue: doc[2], cueRange: { start: at, end: at + doc[0].length }, inherited: false };
  }
  const state = STATE_MEDIA.exec(outside);
  const cueText = cue ? cue[1] : anonymous![1];
  const cueAt = s.range.start + (cue ? cue.index + cue[0].indexOf(cue[1]) : anonymous!.index + anonymous![0].indexOf(anonymous![1]));
  const cueRange = { start: cueAt, end: cueAt + cueText.length };
  // A lone surname right before the cue is a speaker even when the article never gives the full name ("Brisk said").
  const inSentence = (mentions as Mention[]).filter(
    (m) => (m.kind === 'person' || m.kind === 'organisation') && (m.confidence >= 0.6 || (m.range.end <= cueAt && cueAt - m.range.end <= 2)) && !insideQuote(m.range, quotes),
  );
  // The source is the subject before the cue ("Rouhani told …", "…, Cavusoglu said", "X was quoted by IRNA as
  // saying"); after the cue only when inverted ("…, said Rouhani.") or introduced ("according to IRNA"). A name
  // further on is what the speech is about ("An Iranian source said Bagheri …").
  const before = inSentence.filter((m) => m.range.end <= cueAt && cueAt - m.range.end <= 60).sort((a, b) => b.range.end - a.range.end)[0];
  const introduced = /^(?:according|quoted by|cited by|reported by)/i.test(cueText);
  const invertedCue = /[,"”']\s*$/.test(article.text.slice(Math.max(s.range.start, cueAt - 3), cueAt)); // '…," said Rouhani.'
  // After an inverted cue any name right after it is the speaker, known or not (", said Wicharn Sirichai.").
  const inverted = (mentions as Mention[]).filter((m) => (m.kind === 'person' || m.kind === 'organisation') && !insideQuote(m.range, quotes) && (m.confidence >= 0.6 || (invertedCue && m.range.start - cueRange.end <= 2))).find((m) => m.range.start >= cueRange.end && m.range.start - cueRange.end <= 12 && (introduced || (invertedCue && /^[\s,]*$/.test(article.text.slice(cueRange.end, m.range.start)))));
  const named = viaChannelSubject(before, outside) ?? (inverted && introduced ? inverted : before ?? inverted);
  const anonymousAt = anonymous ? s.range.start + anonymous.index + anonymous[0].indexOf(anonymous[1]) : -1;
  const stateAt = state ? s.range.start + state.index + state[0].indexOf(state[1]) : -1;
  // State media and vague sources standing nearer the cue than any name are the source ("Syrian state media said").
  // "X was quoted by IRNA as saying": X speaks; IRNA is only the channel.
  const viaChannel = !!before && /\bquoted by\b|\bas saying\b|\bcited by\b/i.test(outside);
  if (state && !viaChannel && (!named || Math.abs(stateAt - cueAt) < Math.abs(named.range.start - cueAt)) && stateAt < cueAt + 30) {
    return { sentence: index, source: { name: state[1], type: 'state-media', range: { start: stateAt, end: stateAt + state[1].length } }, cue: cueText, cueRange, inherited: false };
  }
  // "Palmieri noted that experts say …": the vague source is inside a named speaker's report, who is the source.
  const nested = !!anonymous && !!before && anonymousAt > cueAt && /^\s*(?:that|whether|how)\b/i.test(article.text.slice(cueRange.end, anonymousAt));
  if (anonymous && !nested && (!named || Math.abs(anonymousAt - cueAt) < Math.abs(named.range.start - cueAt))) {
    return { sentence: index, source: { name: anonymous[1], type: 'anonymous', range: { start: anonymousAt, end: anonymousAt + anonymous[1].length } }, cue: cueText, cueRange, inherited: false };
  }
  if (named) return { sentence: index, source: sourceOf(named), cue: cueText, cueRange, inherited: false };
  // A speech tag after a comma names its speaker after the verb, known or not: "…, said former governor Ed Rendell,
  // who …", "…, said the head of the agency."
  if (cue && invertedCue && /^(?:said|says|told|added|wrote|writes|noted|reported|reports|explained|insisted|argued|warned|tweeted)$/i.test(cueText)) {
    const speaker = /^\s+((?:[\p{L}'’.-]+\s*){1,7}?)(?=[,;:.!?()]|\s(?:who|which|that|in|on|at|during)\b|$)/u.exec(outside.slice(cueRange.end - s.range.start));
    if (speaker && !/^\s*(?:that|it|this|in|on|at|to|of|for|with|and|but|so|then)\b/iu.test(speaker[1])) {
      const name = speaker[1].trim();
      const at = cueRange.end + speaker[0].indexOf(speaker[1]);
      return { sentence: index, source: { name, type: 'named-institution', range: { start: at, end: at + name.length } }, cue: cueText, cueRange, inherited: false };
    }
  }
  // "according to Texas authorities": the words after the phrase are the source, even when not a recognised name.
  if (introduced) {
    // A longer source is cut at its clause or after eight words ("according to a recent poll of Indiana voters, …",
    // "according to the average of recent polls compiled by …"): the sentence has its source either way.
    const rest = outside.slice(cueRange.end - s.range.start);
    const after = /^\s+((?:[\p{L}'’.-]+\s*){1,5}?)(?=[,.;:]|$)/u.exec(rest) ?? /^\s+((?:[\p{L}\d'’.&/-]+\s*){1,8}?)(?=[,.;:()—–]|\s(?:who|which|that|obtained|released|compiled|conducted|published|from)\b|$)/u.exec(rest) ?? /^\s+((?:[\p{L}\d'’.&/-]+\s*){1,8})/u.exec(rest);
    if (after) {
      const name = after[1].trim();
      const at = cueRange.end + after[0].indexOf(after[1]);
      return { sentence: index, source: { name, type: ANONYMOUS.test(` ${name} `) || /\bauthorities\b/i.test(name) ? 'anonymous' : 'named-institution', range: { start: at, end: at + name.length } }, cue: cueText, cueRange, inherited: false };
    }
  }
  const doc = DOCUMENT_SOURCE.exec(outside);
  if (doc) {
    const at = s.range.start + doc.index;
    return { sentence: index, source: { name: doc[1], type: 'named-institution', range: { start: at, end: at + doc[1].length } }, cue: cueText, cueRange, inherited: false };
  }
  const institution = INSTITUTION.exec(outside);
  if (institution) {
    const at = s.range.start + institution.index + institution[0].indexOf(institution[1]);
    return { sentence: index, source: { name: institution[1], type: 'named-institution', range: { start: at, end: at + institution[1].length } }, cue: cueText, cueRange, inherited: false };
  }
  if (cue && PRONOUN.test(outside.slice(0, cue.index + 1) + ' ') && lastPerson) return { sentence: index, source: sourceOf(lastPerson), cue: cueText, cueRange, inherited: false };
  if (cue && /\b(?:he|she|they)\s*$/i.test(outside.slice(0, cue.index + cue[0].indexOf(cue[1]))) && lastPerson) {
    return { sentence: index, source: sourceOf(lastPerson), cue: cueText, cueRange, inherited: false };
  }
  return undefined;
}

function viaChannelSubject(before: Mention | undefined, outside: string): Mention | undefined {
  return before && /\bquoted by\b|\bas saying\b|\bcited by\b/i.test(outside) ? before : undefined;
}

/** Index of the first quote (sorted by start, non-overlapping) that ends after an offset: binary search. */
function firstQuoteEndingAfter(quotes: Quote[], offset: number): number {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid].range.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1); // a block quote may overlap: step back one
}

function insideQuote(range: TextRange, quotes: Quote[]): boolean {
  for (let i = firstQuoteEndingAfter(quotes, range.start); i < quotes.length && quotes[i].range.start < range.end; i++) {
    const q = quotes[i];
    if (q.kind !== 'block' && range.start > q.range.start && range.end < q.range.end) return true;
  }
  return false;
}

function sentenceAt(article: Article, offset: number): number {
  let lo = 0;
  let hi = article.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (article.sentences[mid].range.end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Groups items by their sentence index. */
function groupBySentence<T extends { sentence: number }>(items: T[]): Map<number, T[]> {
  return groupBy(items, (item) => item.sentence);
}

export function extractSourcing(article: Article, mentions: Mention[], figures: Figure[]): Sourcing {
  const quotes = findQuotes(article);
  const attributions: Attribution[] = [];
  const mentionsBySentence = groupBySentence(mentions);
  let lastPerson: Mention | undefined;
  let previous: Attribution | undefined;
  article.sentences.forEach((s, index) => {
    // A speech verb with no source of its own leaves "according to X" later in the sentence to name it.
    const own =
      sentenceSource(article, index, mentionsBySentence.get(index) ?? [], quotes, lastPerson) ??
      (ACCORDING.test(article.text.slice(s.range.start, s.range.end)) ? sentenceSource(article, index, mentionsBySentence.get(index) ?? [], quotes, lastPerson, true) : undefined);
    if (own) {
      attributions.push(own);
      previous = own;
    } else if (previous) {
      // Reported speech continues: the next sentence of the same paragraph, a sentence opening with the speaker's
      // pronoun, or a paragraph that is (or continues) a quotation.
      const sameParagraph = article.sentences[previous.sentence].paragraph === s.paragraph;
      const text = article.text.slice(s.range.start, s.range.end);
      const quoted = quotes.some((q) => q.range.start <= s.range.start && q.range.end >= s.range.end - 1);
      const nextParagraph = s.paragraph === article.sentences[previous.sentence].paragraph + 1;
      if (sameParagraph || quoted || (nextParagraph && PRONOUN.test(text))) {
        attributions.push({ ...previous, sentence: index, inherited: true });
      } else {
        previous = undefined;
      }
    }
    for (const m of mentionsBySentence.get(index) ?? []) if (m.kind === 'person') lastPerson = m;
  });
  // Quotes take the speaker of their sentence (or of the next one: '"…" The minister said so on Monday.').
  const bySentence = new Map(attributions.map((a) => [a.sentence, a]));
  for (const q of quotes) {
    if (q.kind === 'scare' || article.sentences.length === 0) continue;
    const sentence = q.kind === 'block' ? sentenceAt(article, q.range.start) - 1 : sentenceAt(article, q.range.end - 1);
    const next = bySentence.get(sentence + 1);
    const attribution = bySentence.get(sentence) ?? (next && !next.inherited ? next : undefined);
    if (attribution) q.speaker = attribution.source;
  }
  markImplicitSpeakers(article, quotes, mentions);
  const claims = findClaims(article, figures, quotes, mentionsBySentence);
  return { quotes, attributions, claims };
}

const STANCE_ALL = new RegExp(`(?:^|[^\\p{L}'’])(${words(pack.stanceVerbs)})(?![\\p{L}])`, 'giu');
const SPEECH_ALL = new RegExp(`(?:^|[^\\p{L}'’])(${words([...pack.stanceVerbs, ...pack.cues, ...pack.speechVerbs, ...pack.subjectVerbs])})(?![\\p{L}])`, 'giu');
const ROUTINE = new Set(pack.routineCounts);
/** Whether a figure counts something routine (game statistics, specifications): its counted noun or the next word. */
function routine(text: string, f: Figure): boolean {
  if (f.counted && ROUTINE.has(f.counted)) return true;
  const next = /^\s*(\p{L}+)/u.exec(text.slice(f.range.end, f.range.end + 30));
  return !!next && ROUTINE.has(next[1].toLowerCase());
}
const NOTES = pack.notes.map((n) => new RegExp(n, 'i'));
/**
 * Every verb of saying, stance, knowing or deciding, phrasal ones too ("points out", "pushing for": the tag is read on
 * the first word), but those that as verbs mostly do something else.
 */
const NOT_ACCOUNT = new Set(pack.notAccountVerbs.map((w) => w.toLowerCase()));
const ACCOUNT_ALL = new RegExp(
  `(?:^|[^\\p{L}'’-])(${words([...pack.cues, ...pack.speechVerbs, ...pack.stanceVerbs, ...pack.subjectVerbs, ...pack.accountVerbs].filter((w) => !NOT_ACCOUNT.has(w.toLowerCase().split(' ')[0])))})(?![\\p{L}'’-])`,
  'giu',
);
const ACCOUNT_PHRASES = pack.accountPhrases.map((a) => new RegExp(a, 'iu'));

/**
 * Whether a verb of saying, stance, knowing or deciding stands anywhere in the sentence (quotations blanked out), read
 * as a verb by the tagger and not as a modifier ("the estimated", "so-called"), a phrasal verb ("showed up") or a
 * passive with no agent ("was blamed for"):
 * "Trump has railed against the deal",
 * "Millennials support background checks", "the Treasury issued those rules". Whoever its subject, the sentence then
 * reports someone's account, and its source is in view: not the outlet's flat claim.
 */
function accountVerbAnywhere(text: string, start: number, tags: SentenceTags): boolean {
  for (const m of text.matchAll(ACCOUNT_ALL)) {
    const at = m.index! + m[0].indexOf(m[1]);
    if (tags.startingAt(start + at) !== 'VERB') continue;
    if (/(?:^|[^\p{L}])(?:the|a|an|so)\s*-?\s*$/iu.test(text.slice(Math.max(0, at - 6), at))) continue;
    // "showed up", "called off", "backed away": a phrasal verb that is no speech.
    const after = text.slice(at + m[1].length, at + m[1].length + 40);
    if (/^\s+(?:off|away|up)\b/i.test(after)) continue;
    // A passive with nobody named ("the board was blamed for the losses") cites no one; "blamed by the mayor" does.
    if (!/ing$/i.test(m[1].split(' ')[0]) && /\b(?:is|are|was|were|be|been|being)\s+(?:\p{L}+ly\s+)?$/iu.test(text.slice(Math.max(0, at - 30), at)) && !/^\s+(?:\p{L}+\s+){0,3}?by\b/iu.test(after)) continue;
    return true;
  }
  return false;
}

/** The writer's own voice: "I", "we" as a subject, as opinion pieces and letters argue. */
const FIRST_PERSON = /(?:^|[^\p{L}'’])(?:I|[Ww]e)(?:[’']\p{Ll}+)?\s+(?!the\b)\p{Ll}/u;
/** A poll's respondents as the source: "52 percent of voters say", "six in 10 think", "a majority of Democrats favor". */
const RESPONDENTS = /(?:%|\b(?:percent|per cent|in (?:10|ten)|majority|plurality|half|third|quarter)\b)(?:\s+(?:of\s+)?(?:[\p{L}’'-]+\s+){0,5}?)?\s*(?:also\s+)?(?:say|says|said|saying|think|thinks|believe|believes|want|wants|support|supports|oppose|opposes|favou?r|favou?rs|approve|approves|approved|disapprove|disapproves|back|backs|prefer|prefers|preferred|view|views|see|sees|call|called|rate|rated|expect|expects|would vote|will vote|agree|agreed|disagree|disagreed|consider|considered|identify|(?:are|were) unsure)\b/iu;
/** A speech tag closing the sentence after a comma: "…, the Daily Caller reports.", "…, her spokesman said." */
const CLOSING_TAG = /,\s+(?:[\p{L}’'.-]+\s+){1,6}?(?:said|says|reports|reported|wrote|writes|told reporters|added|noted|argues|argued|insists|insisted|warned|tweeted|believes|thinks)\s*[.!]?\s*["”]?\s*$/u;
/** Those a poll asked, as its source: "those surveyed say", "respondents said". */
const POLLED = /\b(?:those (?:surveyed|polled|questioned|asked|interviewed)|respondents|voters polled|people polled)\s+(?:also\s+)?(?:say|said|says|think|thought|believe|believed|agree|agreed|want|wanted|were|are|chose|picked|named|rated|gave|gives|prefer|preferred|support|supported|oppose|opposed|favou?r|favou?red|view|viewed|see|saw)\b/i;
/** A list entry's number alone or before a few words, or a name with an age: "2.", "3) Bernie's bio.", "Geert Supré, 56." */
const LIST_FURNITURE = /^\s*(?:\[?\(?\d{1,2}[.)\]]*\s*(?:[\p{L}’'.-]+\s*){0,3}\.?|(?:\p{Lu}[\p{L}’'.-]*\s+){1,4}\p{Lu}[\p{L}’'.-]*,\s+\d{1,3}\.?)\s*$/u;
/**
 * Site chrome that lands in the text: reading times, update stamps, subscription offers ("2 min read", "Save 30% OFF"),
 * a photo credit opening the sentence ("Picture: Tom Varga/Harbour Agency The mayor …": a caption glued to it), a line
 * that is only a date and time ("August 10, 2011 -- Updated 0947 GMT (1747 HKT)", "August 05, 2013 4:14PM").
 */
const PAGE_FURNITURE = /^\W*(?:picture|photo|image|photograph)\s*:|^\W*(?:(?:updated|posted|published)\s*:?\s*)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4})[\s,–—-]*(?:(?:updated\s+)?\d{1,2}\s*:?\s*\d{2}\s*(?:am|pm|[ap]\.m\.)?\s*(?:gmt|utc|[a-z]{2,4}t)?[\s()\w:]*)?\W*$|\b\d+\s*min(?:ute)?s?\s+read\b|\blast updated\s*:|\bcancel anytime\b|\bsave\s+\d+\s*%\s*off\b|\bad-free\b|\bsubscription offer\b|\bregister for free\b|\balready have an account\b|\bis not supported\b[^.]{0,20}\.?\s*for an? (?:optimal|better) experience\b/i;
/**
 * A schedule, not a claim: what is due, set or expected to happen ("were due to discuss", "talks scheduled to last 90
 * minutes", "were expected to talk for two hours"), how long a visit lasts ("will last until July 9", "is on a state
 * visit to Russia from March 20 through 22"). "due to" alone is causal ("due to the storm") and stays a claim.
 */
const SCHEDULE = /\b(?:(?:is|are|was|were)\s+(?:also\s+)?(?:due|scheduled|slated|expected|planned)\s+to\s+\p{Ll}+|scheduled\s+to\s+(?:last|begin|start|end|take place|run|open|close|meet|hold)|will\s+(?:last|run|continue)\s+(?:until|through|till)|(?:is|are)\s+on\s+an?\s+(?:\p{Ll}+\s+){0,2}?(?:visit|tour|trip)\s+(?:to\s+(?:\p{L}+\s+){1,3})?(?:from|until|through)\b)/u;
/** A figure credited to its maker in the passive: "the $36.5 billion estimated by Forbes", "as reported by the Times". */
const BY_AGENT = /\b(?:estimated|reported|projected|calculated|counted|compiled|tallied|measured|published|cited|forecast|predicted|documented|recorded|confirmed)\s+by\s+(?:the\s+)?\p{Lu}/u;
/** A speech participle after a comma hands the clause to the subject before it: "…, saying …", "…, promising …". */
const SPEECH_PARTICIPLE = /(?:,\s*|[^\S\n]{3,})(?:saying|telling|adding|noting|arguing|claiming|insisting|warning|promising|accusing|calling on|calling for|writing|explaining|citing|vowing|pledging|boasting|bragging|predicting)\b/i;
/**
 * A survey or document the sentence names as where its figures are: "in a CNN national poll", "in the new survey",
 * "in the latest Washington Post-ABC News Poll" (the noun capitalised as part of the name too).
 */
const IN_DOCUMENT = /\b(?:in|by|from)\s+(?:the|a|an|this|that|its|their|his|her|last|[\p{Lu}][\p{L}.’'&/-]*[’']s)\s+(?:[\p{L}\d/.&’'-]+\s+){0,6}?(?:[Pp]olls?|[Pp]olling|[Ss]urveys?|[Ee]xit [Pp]olls?|[Ee]ntrance [Pp]olls?|[Ss]tudy|[Rr]eport|[Aa]nalysis|[Ff]ilings?|[Cc]ensus|[Aa]udit|[Tt]ally|[Cc]ount)\b/u;
/** Speech verbs that are more often something else ("continues to trail", "puts him within", "snapped a picture"). */
const LOOSE_ONLY = /^(?:continues|continued|goes on|went on|put|puts|read|reads|snapped|cracked|post|posts|sing|sang|sings|call|calls|called|cries|cried)$/i;
/** Auxiliaries and adverbs between a subject and its verb ("has repeatedly", "also", "is now"). */
const BETWEEN = /^(?:(?:has|have|had|is|are|was|were|will|would|did|does|do|also|again|repeatedly|often|long|never|now|then|once|already|later|since|even|openly|publicly|privately|recently|frequently|quickly|seldom|still|just|first|further|strongly|sharply|broadly|not|n[’']t|has\s+been|have\s+been)\s+){0,3}$/i;

const WORD_POINT = /^[\p{L}’']$/u;
const SPACE_UNIT = /^\s$/;

/**
 * The text's last three words or fewer, each followed by whitespace, up to the end: what
 * /((?:[\p{L}’']+\s+){0,3})$/u captures, found by walking back from the end instead of trying every start position
 * (that regex was a twentieth of the time on a long line of prose).
 */
export function trailingWords(text: string): string {
  let start = text.length;
  for (let words = 0; words < 3; words++) {
    let i = start;
    while (i > 0 && SPACE_UNIT.test(text[i - 1])) i--;
    if (i === start) break;
    const spaceStart = i;
    for (;;) {
      if (i > 0 && WORD_POINT.test(text[i - 1])) i--;
      else if (i > 1 && /[\uDC00-\uDFFF]/.test(text[i - 1]) && /[\uD800-\uDBFF]/.test(text[i - 2]) && WORD_POINT.test(text.slice(i - 2, i))) i -= 2;
      else break;
    }
    if (i === spaceStart) break;
    start = i;
  }
  return text.slice(start);
}

/**
 * Whether the sentence is someone's account: a stance verb ("blamed", "defended", "wants", "sees") whose subject is
 * a person or organisation the sentence names, or a pronoun standing for one, with at most an apposition ("Mr. Ubben,
 * who holds 4 percent, has defended …") and a few auxiliaries or adverbs between them.
 */
function someonesAccount(text: string, start: number, mentions: Mention[], tags?: SentenceTags): boolean {
  // Where a person or organisation mention ends, made once per sentence: a long sentence has many stance verbs and
  // many mentions, and asking each verb about every mention was quadratic in its length.
  let subjectEnds: Set<number> | undefined;
  const stance = new Set([...text.matchAll(STANCE_ALL)].map((m) => m.index! + m[0].indexOf(m[1])));
  for (const m of text.matchAll(SPEECH_ALL)) {
    const at = m.index! + m[0].indexOf(m[1]);
    // The word must be a verb here, by its tag: "her plans", "the reports", "fees declined" are not speech. Stance
    // verbs with a named subject are taken untagged too (the tagger reads "Trump estimates" as a noun).
    const verbTag = tags?.startingAt(start + at);
    const isVerb = verbTag === 'VERB' || verbTag === 'AUX';
    if (!stance.has(at) && (!isVerb || LOOSE_ONLY.test(m[1]))) continue;
    // "called off", "backed away": a phrasal verb that is no speech.
    if (/^\s+(?:off|away|up)\b/i.test(text.slice(at + m[1].length))) continue;
    // Numbers compared or falling are not anyone's stance: "fees declined to $281 million", "up 7 percent compared with".
    if (/^(?:compared|compares|declined)$/i.test(m[1]) && /^\s+(?:with|to)\b/i.test(text.slice(at + m[1].length)) && !/^\s+to\s+(?:comment|say|discuss|answer|respond|elaborate|specify|name|identify|provide|release|disclose|be\b)/i.test(text.slice(at + m[1].length))) continue;
    // Only the 200 characters before the verb: the subject is near, and a long sentence stays linear.
    const from = Math.max(0, at - 200);
    let before = text.slice(from, at);
    // "Mr. Ubben, who holds a stake, has defended": auxiliaries first, then the apposition before them.
    const auxFirst = trailingWords(before);
    if (BETWEEN.test(auxFirst) && /,[^,]{1,140},\s*$/u.test(before.slice(0, before.length - auxFirst.length))) before = before.slice(0, before.length - auxFirst.length);
    before = before.replace(/,[^,]{1,140},\s*$/u, ' ').replace(/\s*\([^()]{1,40}\)\s*$/u, ' ').replace(/\s+$/, ' ');
    const aux = trailingWords(before);
    for (let cut = 0; cut <= aux.length; cut++) {
      // Try the longest run of auxiliaries first: what is left must end at the subject.
      const tail = aux.slice(cut);
      if (!BETWEEN.test(tail)) continue;
      // A passive ("the board was blamed") makes the subject the one blamed, not the one blaming.
      if (/\b(?:was|were|is|are|been|be)\s+(?:\p{L}+\s+)?$/u.test(tail) && /(?:ed|en|wn|ld|ght)$/i.test(m[1])) break;
      const head = before.slice(0, before.length - tail.length).replace(/\s+$/, '');
      if (/(?:^|[^\p{L}])(?:he|she|they|we|I|it)$/iu.test(head) && !/(?:^|[^\p{L}])it$/iu.test(head)) return true;
      const endAt = start + from + head.length;
      subjectEnds ??= new Set(mentions.filter((x) => x.kind === 'person' || x.kind === 'organisation').map((x) => x.range.end));
      if (subjectEnds.has(endAt)) return true;
      // "the campaign", "the senator", "the company", "Washington", "the party": a named or common-noun subject.
      if (/(?:^|[^\p{L}])(?:the|a|his|her|their|its)\s+(?:[\p{L}-]+\s+)?(?:campaign|party|group|company|committee|administration|government|agency|court|senator|governor|candidate|president|nominee|mayor|lawmakers?|officials?|leaders?|spokes(?:man|woman|person)|team|firm|board|union|council|state|department|ministry|white house|pentagon|kremlin|study|report|poll|survey|analysis|lawsuit|complaint|petition|ad|video|memo|letter|filing|plan|proposal|bill)$/iu.test(head)) return true;
      // Any other noun or personal pronoun as the subject, by its part of speech: "the billionaire magnate says",
      // "Democratic aides noted", "a federal judge ruled", "who said" (not "it", "this": a thing or a clause).
      // The word must be a verb here, by its tag too: "her plans", "the reports", "fees declined" are not speech.
      const subjectTag = isVerb ? tags?.endingAt(endAt) : undefined;
      if (subjectTag === 'NOUN' || subjectTag === 'PROPN' || (subjectTag === 'PRON' && !/(?:^|[^\p{L}])(?:it|this|that|these|those|what|there|something|anything|nothing|everything)$/iu.test(head))) return true;
      break;
    }
  }
  return false;
}

/** Part-of-speech tags of one sentence's tokens, looked up by where a token starts or ends. */
interface SentenceTags {
  startingAt(offset: number): string | undefined;
  endingAt(offset: number): string | undefined;
  /** Where each token of a tag starts. */
  starts(tag: string): number[];
}

/** The tags, read from the token table the first time a verb is looked up (most sentences never ask). */
function sentenceTags(article: Article, index: number): SentenceTags {
  let byStart: Map<number, string> | undefined;
  let byEnd: Map<number, string> | undefined;
  const read = () => {
    const s = article.sentences[index];
    const { starts, ends, pos } = article.tokens;
    byStart = new Map();
    byEnd = new Map();
    for (let t = s.firstToken; t < s.firstToken + s.tokenCount; t++) {
      byStart.set(starts[t], POS_TAGS[pos[t]]);
      byEnd.set(ends[t], POS_TAGS[pos[t]]);
    }
  };
  return {
    startingAt: (o) => (byStart ?? (read(), byStart!)).get(o),
    endingAt: (o) => (byEnd ?? (read(), byEnd!)).get(o),
    starts: (tag) => [...(byStart ?? (read(), byStart!))].filter(([, t]) => t === tag).map(([o]) => o),
  };
}

function findClaims(article: Article, figures: Figure[], quotes: Quote[], mentionsBySentence: Map<number, Mention[]>): Claim[] {
  const claims: Claim[] = [];
  const figuresBySentence = groupBySentence(figures);
  // Editor's notes, corrections and sign-up footers are the outlet's notes, not its reporting: their whole paragraph.
  const notes = new Set<number>();
  for (const p of article.paragraphs) {
    const first = article.sentences[p.firstSentence];
    if (first && NOTES.some((n) => n.test(article.text.slice(first.range.start, first.range.end)))) notes.add(article.paragraphs.indexOf(p));
  }
  const headlineEnd = article.headline ? article.headline.range.end : -1;
  const bodyStart = standfirstEnd(article);
  article.sentences.forEach((s, index) => {
    // The headline is the headline-* findings' business; editor's notes and footers are not reporting.
    if (notes.has(s.paragraph) || s.range.start < headlineEnd || s.range.start < bodyStart) return;
    // Quoted words are the speaker's claim, not the outlet's: they are checked through the quote's attribution.
    const text = maskQuotes(article.text, s.range, quotes, (q) => q.kind === 'direct');
    if (/\?\s*["”]?$/.test(text) || HEDGED_CLAIM.test(text) || BACKGROUND.some((b) => b.test(text))) return;
    // A list's numbering ("2.", "3) Bernie's bio.") or a name with an age ("Ahmed Helal, 40.") is page furniture,
    // not a statement of the outlet's.
    if (LIST_FURNITURE.test(text) || PAGE_FURNITURE.test(text) || SCHEDULE.test(text)) return;
    const tags = sentenceTags(article, index);
    // Someone's account, or the writer's own voice: the claim has its source in the sentence.
    if (FIRST_PERSON.test(text) || ACCOUNT_PHRASES.some((a) => a.test(text)) || accountVerbAnywhere(text, s.range.start, tags) || RESPONDENTS.test(text) || POLLED.test(text) || BY_AGENT.test(text) || CLOSING_TAG.test(text) || SPEECH_PARTICIPLE.test(text) || IN_DOCUMENT.test(text) || someonesAccount(text, s.range.start, mentionsBySentence.get(index) ?? [], tags)) return;
    for (const { kind, pattern } of CLAIMS) {
      const m = pattern.exec(text);
      if (m) {
        claims.push({ sentence: index, kind, trigger: m[0], triggerRange: { start: s.range.start + m.index, end: s.range.start + m.index + m[0].length } });
        return;
      }
    }
    // Figures worth a source: money, shares, fractions, and counts in the hundreds (not "23 points", "17 passes").
    const figure = (figuresBySentence.get(index) ?? []).find(
      (f) => !f.vague && !routine(article.text, f) && (f.kind === 'money' || f.kind === 'percent' || f.kind === 'fraction' || (f.kind === 'count' && (f.value >= 100 || (f.value >= 2 && /\d/.test(f.text)))) || f.kind === 'range') && /\S/.test(text.slice(f.range.start - s.range.start, f.range.end - s.range.start)),
    );
    // A figure in a long sentence of several clauses is left alone: it is mostly a piece of someone's plan, poll or
    // budget in one of the clauses, and whose say each clause is, a verb list cannot tell well enough.
    if (figure && !manyClauses(text, s.range.start, tags)) claims.push({ sentence: index, kind: 'numeric claim', trigger: figure.text, triggerRange: figure.range });
  });
  return claims;
}

/**
 * Whether a sentence is long and of several clauses (pack.manyClauses: at least so many words and verbs, outside its
 * quotations). On PolNeAR, where every attribution is annotated, a figure flagged in such a sentence was someone's
 * account in one clause or another 2 times in 5 (dev: 66 of 155), against 1 in 6 in shorter ones: too often to warn.
 */
function manyClauses(text: string, start: number, tags: SentenceTags): boolean {
  if (text.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length < pack.manyClauses.words) return false;
  return tags.starts('VERB').filter((o) => o >= start && /\S/.test(text[o - start] ?? ' ')).length >= pack.manyClauses.verbs;
}

/** A wire dateline opening a paragraph: "ANKARA - …", "WASHINGTON (AP) — …", "New York (AFP) – …". */
const DATELINE_OPENS = /^[\p{Lu}][\p{L} .'-]{2,30}?\s*(?:,[^-–—(]{1,30})?\s*(?:\([^)]{1,40}\))?\s*[-–—]\s/u;

/**
 * Where the body starts when a standfirst comes before it: the start of a dateline paragraph among the first three
 * after the headline ("Iran's top officer in Ankara; first such visit since 1979." then "ANKARA - …"). The lines
 * before it summarise the story like the headline and are the headline findings' business; -1 when there is none.
 */
function standfirstEnd(article: Article): number {
  const first = article.headline ? article.paragraphs.findIndex((p) => p.range.start >= article.headline!.range.end) : 0;
  if (first < 0) return -1;
  for (let i = first + 1; i < Math.min(first + 3, article.paragraphs.length); i++) {
    const p = article.paragraphs[i];
    if (DATELINE_OPENS.test(article.text.slice(p.range.start, Math.min(p.range.end, p.range.start + 80)))) return p.range.start;
  }
  return -1;
}

/** Speech verbs beyond the attribution cues, which name how something was said ("he concluded", "she asks"). */
const LOOSE_CUE = new RegExp(`(?:^|[^\\p{L}'’])(?:${words([...pack.speechVerbs, ...pack.cues])})(?![\\p{L}])`, 'iu');
const TITLE_WORD = /^[\p{Lu}\d]/u;
const MINOR = /^(?:a|an|the|of|and|or|in|on|at|to|for|with|by|from|as|but|is|vs\.?)$/i;

function markImplicitSpeakers(article: Article, quotes: Quote[], mentions: Mention[]): void {
  const { text } = article;
  // The last quotation that is speech with a visible speaker: a quotation soon after it continues it, even with a
  // fragment or a title quoted in between ("…,” said Hooton, before the “No-B.S.” barbecue. “Some sort of …”).
  let previous: Quote | undefined;
  const speechWithSpeaker = (q: Quote) => q.kind !== 'scare' && (!!q.speaker || (!!q.implicit && q.implicit !== 'fragment' && q.implicit !== 'title'));
  for (const q of quotes) {
    if (q.kind !== 'direct' || q.speaker) {
      if (q.kind !== 'scare') previous = q;
      continue;
    }
    const content = q.content.trim();
    const words = content.split(/\s+/).filter(Boolean);
    const first = sentenceAt(article, q.range.start);
    const last = sentenceAt(article, q.range.end - 1);
    const paragraph = article.sentences[first]?.paragraph ?? 0;
    const para = article.paragraphs[paragraph];
    const before = text.slice(para ? para.range.start : 0, q.range.start);
    const after = text.slice(q.range.end, Math.min(text.length, q.range.end + 80));
    const restOfParagraph = para && q.range.end < para.range.end ? text.slice(q.range.end, para.range.end) : '';
    const outside = (i: number) => (article.sentences[i] ? maskQuotes(text, article.sentences[i].range, quotes, (x) => x.kind !== 'block') : '');
    const prevPara = para && paragraph > 0 ? article.paragraphs[paragraph - 1] : undefined;
    const prevParaText = prevPara ? text.slice(prevPara.range.start, prevPara.range.end) : '';
    const nextPara = article.paragraphs[paragraph + 1];
    const nextParaText = nextPara ? text.slice(nextPara.range.start, Math.min(nextPara.range.end, nextPara.range.start + 120)) : '';
    const opensParagraph = !/\S/.test(before);
    const closesParagraph = !/\S/.test(restOfParagraph);
    const tag = after.split(/[.!?“"]/)[0].split(/\s+/).slice(0, 8).join(' ');
    if (/^[\p{Ll}….]/u.test(content) || words.length < 4) q.implicit = 'fragment';
    else if (words.filter((w) => !MINOR.test(w)).every((w) => TITLE_WORD.test(w))) q.implicit = 'title';
    // A quoted phrase used as a noun's modifier: "the “90 to 95 percent” figure".
    else if (!/[.!?,;:]$/.test(content) && /(?:\b(?:the|a|an|this|that|these|those|his|her|their|its|our)|\p{L}[’']s)\s*$/iu.test(before.slice(-40)) && /^\s+\p{Ll}/u.test(after)) q.implicit = 'fragment';
    else if (/[:—–-]\s*$/.test(before) || (opensParagraph && /:\s*$/.test(prevParaText)) || (opensParagraph && paragraph === firstBodyParagraph(article) && headlineIntroducesSpeaker(article))) q.implicit = 'colon';
    // A source in brackets after it ("… ” [WaPo.]", "(campaign poster, 2003)"), at the end of its paragraph as digests
    // cite ("HEADLINE “…” Tune in tonight. [AP.]"), or a signature line under it ("— Bernie Sanders.").
    else if (/^\s*[[(]\s*\p{Lu}/u.test(after) || /[[(]\s*\p{Lu}[^\])]{0,60}[\])]\.?\s*$/u.test(restOfParagraph.slice(-80))) q.implicit = 'speech verb';
    else if (/^\s*[-–—―]\s*(?:@|\p{Lu})/u.test(closesParagraph ? nextParaText : after)) q.implicit = 'speech verb';
    // (a sentence opening with a bracket or in lower case is the splitter cutting after “…!”: read the one before too)
    else if ([first, last].some((i) => LOOSE_CUE.test(outside(i))) || (/^\s*[(\p{Ll}]/u.test(outside(first)) && LOOSE_CUE.test(outside(first - 1))) || (opensSentence(article, q, first) && LOOSE_CUE.test(outside(first - 1))) || LOOSE_CUE.test(tag)) q.implicit = 'speech verb';
    // A quotation its paragraph leaves open, closed a few paragraphs on by a speech tag (one sentence a line):
    // ‘“The quake was felt for 15 seconds.¶People ran out," the spokesman said.’
    else if (!/["”»“']$/.test(text.slice(q.range.start, q.range.end).trimEnd()) && tagAfterClosing(text, article, paragraph)) q.implicit = 'speech verb';
    // "…,” and a name, noun or pronoun after it: the comma hands the quotation to its speech tag ("…," Trump from his desk).
    else if (/,$/.test(content) && /^\s*(?:\p{Lu}|(?:the|a|an|he|she|it|we|they|one|another)\s)/u.test(after)) q.implicit = 'speech verb';
    else if (previous && speechWithSpeaker(previous) && closeAfter(article, quotes, sentenceAt(article, previous.range.end - 1), first)) q.implicit = 'continues';
    else if (opensParagraph && prevPara && mentions.some((m) => m.kind === 'person' && m.confidence >= 0.6 && m.range.start >= prevPara.range.start && m.range.end <= prevPara.range.end)) q.implicit = 'previous paragraph';
    if (q.implicit !== 'fragment' && q.implicit !== 'title') previous = q;
  }
}

/**
 * Whether a quotation in sentence `first` follows the one ending in sentence `from` closely enough to continue it:
 * at most one sentence of the writer's own between them; quoted replies and short tags ("Clinton asked.") in a
 * dialogue do not count. At most six sentences apart.
 */
function closeAfter(article: Article, quotes: Quote[], from: number, first: number): boolean {
  if (first - from > 6) return false;
  let own = 0;
  for (let i = from + 1; i < first; i++) {
    const s = article.sentences[i];
    const rest = maskQuotes(article.text, s.range, quotes, (x) => x.kind !== 'block');
    if (rest.trim().split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length >= 5) own++;
  }
  return own <= 1;
}

/**
 * For a quotation left open at the end of a paragraph: the first quote mark in the next six paragraphs, if it closes
 * (after a word or punctuation, or loosely after ", ") and a speech tag follows it in its sentence.
 */
function tagAfterClosing(text: string, article: Article, paragraph: number): boolean {
  for (let pi = paragraph + 1; pi <= paragraph + 6 && pi < article.paragraphs.length; pi++) {
    const p = article.paragraphs[pi];
    const body = text.slice(p.range.start, p.range.end);
    const at = body.search(/["”“]/);
    if (at < 0) continue;
    const closing = (at > 0 && !/\s/.test(body[at - 1])) || /[,.!?]\s$/.test(body.slice(Math.max(0, at - 2), at));
    if (!closing) return false;
    const tag = body.slice(at + 1).split(/[.!?“"]/)[0].split(/\s+/).slice(0, 10).join(' ');
    return LOOSE_CUE.test(tag);
  }
  return false;
}

/** The paragraph the body starts with (the first one after the headline). */
function firstBodyParagraph(article: Article): number {
  const h = article.headline;
  if (!h) return 0;
  const i = article.paragraphs.findIndex((p) => p.range.start >= h.range.end);
  return i < 0 ? 0 : i;
}

/** A headline in the form "Name: ‘…’" introduces the speaker of the quotation the body opens with. */
function headlineIntroducesSpeaker(article: Article): boolean {
  return !!article.headline && /^\s*\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}\s*:\s*[‘'"“]/u.test(article.headline.text);
}

/** Whether a quotation opens its sentence (so the sentence before may be the one that introduces it). */
function opensSentence(article: Article, q: Quote, sentence: number): boolean {
  const s = article.sentences[sentence];
  return !!s && !/\S/.test(article.text.slice(s.range.start, q.range.start));
}

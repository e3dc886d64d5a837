// Who says so: quotations and their speakers, attribution of every sentence (direct, indirect, inherited), and the
// checkable claims nobody is cited for. No library attributes quotes to speakers (../shared/recipes/nlp.md), so
// this is written here, with the vocabulary kept as data in rules/sourcing.yaml.

import rulePack from '../rules/sourcing.yaml';
import { Mention } from '../people/recognise';
import { Figure } from '../figures/extract';
import { Article, TextRange } from '../types';
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
  documentSources: { nouns: string[]; verbs: string[] };
  hedges: { anywhere: string[]; headlines: string[]; claims: string[] };
  background: string[];
}

const pack = rulePack as RawPack;
const words = (list: string[]) => alternation(list, 'any');
const CUE = new RegExp(`(?:^|[^\\p{L}'’])(${words(pack.cues)})(?![\\p{L}])`, 'iu');
const ACCORDING = new RegExp(`(${words(pack.according)})`, 'i');
const INSTITUTION = new RegExp(`(?:^|[^\\p{L}])(${words(pack.institutions)})(?![\\p{L}])`, 'iu');
const ANONYMOUS = new RegExp(`(?:^|[^\\p{L}])(${words(pack.anonymous)})(?![\\p{L}])`, 'iu');
/** A document or survey that reports something: "the poll showed", "a report found", "the filing states", "voters say". */
const DOCUMENT_SOURCE = new RegExp(`\\b(${alternation(pack.documentSources.nouns, 'any')})\\s+(?:\\w+\\s+){0,2}?(${alternation(pack.documentSources.verbs)})\\b`, 'i');
const ANONYMOUS_ALL = new RegExp(ANONYMOUS.source, 'giu');
/** Vague-source words that are sources by themselves: reporting adverbs and impersonal reports ("reportedly", "it is believed"). */
const IMPERSONAL = /^(?:reportedly|rumou?red|it is believed|it was reported|is said to|are said to|media said|media reported|reports said)$/i;
/** Verbs of saying, reporting or believing that make a vague noun the source ("officials said", "analysts had forecast"). */
const SOURCE_VERB = new RegExp(`^\\s*(?:\\([^)]*\\)\\s*)?(?:[\\p{L}’'-]+\\s+){0,4}?(?:${alternation(pack.vagueSourceVerbs)})\\b`, 'u');

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
    const inverted = /\b(?:said|says|say|told|according to|quoted|citing|quoting)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(before);
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
      if (code < 0xab && code !== 0x22) continue;
      const ch = text[i];
      if (i === reopenAt) continue;
      if (open) {
        if (ch === open.close || (open.close === '"' && ch === '”')) {
          quotes.push(makeQuote(text, open.at, i + 1));
          open = undefined;
        }
      } else if (OPENERS[ch] && !/[\p{L}\d]/u.test(text[i - 1] ?? ' ')) {
        open = { at: i, close: OPENERS[ch] };
      }
    }
    // A paragraph that opens a quote without closing it continues into the next one only if that one reopens it.
    if (open) {
      const next = article.paragraphs[pi + 1];
      if (!next || !OPENERS[text[next.range.start]]) {
        quotes.push(makeQuote(text, open.at, p.range.end));
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

function makeQuote(text: string, start: number, end: number): Quote {
  const content = text.slice(start + 1, text[end - 1] && /["”»“]/.test(text[end - 1]) ? end - 1 : end);
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
function sentenceSource(article: Article, index: number, mentions: Mention[], quotes: Quote[], lastPerson: Mention | undefined): Attribution | undefined {
  const s = article.sentences[index];
  // Look only outside quotation marks: the words of the quoted speaker are not the attribution.
  const outside = maskQuotes(article.text, s.range, quotes, (q) => q.kind !== 'block');
  const cue = CUE.exec(outside) ?? ACCORDING.exec(outside);
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
  const invertedCue = /[,"”]\s*$/.test(article.text.slice(Math.max(s.range.start, cueAt - 3), cueAt)); // '…," said Rouhani.'
  const inverted = inSentence.find((m) => m.range.start >= cueRange.end && m.range.start - cueRange.end <= 12 && (introduced || (invertedCue && /^[\s,]*$/.test(article.text.slice(cueRange.end, m.range.start)))));
  const named = viaChannelSubject(before, outside) ?? (inverted && introduced ? inverted : before ?? inverted);
  const anonymousAt = anonymous ? s.range.start + anonymous.index + anonymous[0].indexOf(anonymous[1]) : -1;
  const stateAt = state ? s.range.start + state.index + state[0].indexOf(state[1]) : -1;
  // State media and vague sources standing nearer the cue than any name are the source ("Syrian state media said").
  // "X was quoted by IRNA as saying": X speaks; IRNA is only the channel.
  const viaChannel = !!before && /\bquoted by\b|\bas saying\b|\bcited by\b/i.test(outside);
  if (state && !viaChannel && (!named || Math.abs(stateAt - cueAt) < Math.abs(named.range.start - cueAt)) && stateAt < cueAt + 30) {
    return { sentence: index, source: { name: state[1], type: 'state-media', range: { start: stateAt, end: stateAt + state[1].length } }, cue: cueText, cueRange, inherited: false };
  }
  if (anonymous && (!named || Math.abs(anonymousAt - cueAt) < Math.abs(named.range.start - cueAt))) {
    return { sentence: index, source: { name: anonymous[1], type: 'anonymous', range: { start: anonymousAt, end: anonymousAt + anonymous[1].length } }, cue: cueText, cueRange, inherited: false };
  }
  if (named) return { sentence: index, source: sourceOf(named), cue: cueText, cueRange, inherited: false };
  // "according to Texas authorities": the words after the phrase are the source, even when not a recognised name.
  if (introduced) {
    const after = /^\s+((?:[\p{L}'’.-]+\s*){1,5}?)(?=[,.;:]|$)/u.exec(outside.slice(cueRange.end - s.range.start));
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
    const own = sentenceSource(article, index, mentionsBySentence.get(index) ?? [], quotes, lastPerson);
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
  const claims = findClaims(article, figures, quotes);
  return { quotes, attributions, claims };
}

function findClaims(article: Article, figures: Figure[], quotes: Quote[]): Claim[] {
  const claims: Claim[] = [];
  const figuresBySentence = groupBySentence(figures);
  article.sentences.forEach((s, index) => {
    // Quoted words are the speaker's claim, not the outlet's: they are checked through the quote's attribution.
    const text = maskQuotes(article.text, s.range, quotes, (q) => q.kind === 'direct');
    if (/\?\s*["”]?$/.test(text) || HEDGED_CLAIM.test(text) || BACKGROUND.some((b) => b.test(text))) return;
    for (const { kind, pattern } of CLAIMS) {
      const m = pattern.exec(text);
      if (m) {
        claims.push({ sentence: index, kind, trigger: m[0], triggerRange: { start: s.range.start + m.index, end: s.range.start + m.index + m[0].length } });
        return;
      }
    }
    // Figures worth a source: money, shares, fractions, and counts in the hundreds (not "23 points", "17 passes").
    const figure = (figuresBySentence.get(index) ?? []).find(
      (f) => !f.vague && f.counted && (f.kind === 'money' || f.kind === 'percent' || f.kind === 'fraction' || (f.kind === 'count' && f.value >= 100)) && /\S/.test(text.slice(f.range.start - s.range.start, f.range.end - s.range.start)),
    );
    if (figure) claims.push({ sentence: index, kind: 'numeric claim', trigger: figure.text, triggerRange: figure.range });
  });
  return claims;
}

/** Speech verbs beyond the attribution cues, which name how something was said ("he concluded", "she asks"). */
const LOOSE_CUE = /\b(?:said|says|saying|told|tells|asks?|asked|answer(?:s|ed)?|concluded?|concludes|continu(?:es|ed)|recall(?:s|ed)|repl(?:ies|ied)|respond(?:s|ed)|remark(?:s|ed)?|observ(?:es|ed)|acknowledg(?:es|ed)|admit(?:s|ted)?|conced(?:es|ed)|joked|jokes|quipped|mused|shouted|chanted|yelled|pointed out|points out|put it|puts it|wrote|writes|reads|read|stated|states|alleged|alleges|suggest(?:s|ed)|predict(?:s|ed)|promis(?:es|ed)|complain(?:s|ed)|recount(?:s|ed)|add(?:s|ed)|note[sd]?|explain(?:s|ed)|insist(?:s|ed)|argu(?:es|ed)|warn(?:s|ed)|tweet(?:s|ed)|post(?:s|ed)|declar(?:es|ed)|call(?:s|ed)|describ(?:es|ed)|referr(?:ing|ed)|dubbed|labell?ed|branded|vowed|urged|according to|quoted|quoting|statement|interview|remarks|speech|letter|message|say|tell|telling|adding|claims?|claimed|barked|snapped|retorted|shot back|fired back|went on|goes on|mock(?:s|ed)|boast(?:s|ed)|scoff(?:s|ed)|sa(?:id|ys) of|entitled|titled|headlined|headline|subject line|the line|slogan|motto|chant)\b/i;
const TITLE_WORD = /^[\p{Lu}\d]/u;
const MINOR = /^(?:a|an|the|of|and|or|in|on|at|to|for|with|by|from|as|but|is|vs\.?)$/i;

function markImplicitSpeakers(article: Article, quotes: Quote[], mentions: Mention[]): void {
  const { text } = article;
  let previous: Quote | undefined;
  for (const q of quotes) {
    if (q.kind !== 'direct' || q.speaker) {
      previous = q;
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
    const outside = (i: number) => (article.sentences[i] ? maskQuotes(text, article.sentences[i].range, quotes, (x) => x.kind !== 'block') : '');
    const prevPara = para && paragraph > 0 ? article.paragraphs[paragraph - 1] : undefined;
    const prevParaText = prevPara ? text.slice(prevPara.range.start, prevPara.range.end) : '';
    const opensParagraph = !/\S/.test(before);
    if (/^[\p{Ll}….]/u.test(content) || words.length < 4) q.implicit = 'fragment';
    else if (words.filter((w) => !MINOR.test(w)).every((w) => TITLE_WORD.test(w))) q.implicit = 'title';
    else if (/[:—–-]\s*$/.test(before) || (opensParagraph && /:\s*$/.test(prevParaText))) q.implicit = 'colon';
    // A source in brackets after it ("… ” [WaPo.]", "(campaign poster, 2003)") names where it comes from.
    else if (/^\s*[[(]\s*\p{Lu}/u.test(after)) q.implicit = 'speech verb';
    else if ([first, last].some((i) => LOOSE_CUE.test(outside(i))) || (opensSentence(article, q, first) && LOOSE_CUE.test(outside(first - 1))) || LOOSE_CUE.test(after.split(/[.!?“"]/)[0].split(/\s+/).slice(0, 8).join(' '))) q.implicit = 'speech verb';
    else if (previous && previous.kind !== 'scare' && (previous.speaker || (previous.implicit && previous.implicit !== 'fragment' && previous.implicit !== 'title')) && sentenceAt(article, previous.range.end - 1) >= first - 2) q.implicit = 'continues';
    else if (opensParagraph && prevPara && mentions.some((m) => m.kind === 'person' && m.confidence >= 0.6 && m.range.start >= prevPara.range.start && m.range.end <= prevPara.range.end)) q.implicit = 'previous paragraph';
    previous = q;
  }
}

/** Whether a quotation opens its sentence (so the sentence before may be the one that introduces it). */
function opensSentence(article: Article, q: Quote, sentence: number): boolean {
  const s = article.sentences[sentence];
  return !!s && !/\S/.test(article.text.slice(s.range.start, q.range.start));
}

// `headline-unsupported`: the headline (or a caption that makes claims) names a person, place or figure the body
// never reports, or the body is about something else. Built for precision: a headline is only flagged for an item
// that cannot be found in the body in any of its forms (diacritics, demonyms, capitals, the numbers' qualifiers).

import type { Analysis } from '../model';
import { compatible, extractFigures, Figure } from '../figures/extract';
import { foldText } from '../fold';
import { countryOf, countryOfCapital, capitalOf } from '../meetings/places';
import { Article, Finding, TextRange } from '../types';
import { parseArticle } from '../article';
import { extractTimes } from '../time/extract';
import { HEDGED_HEADLINE } from '../sourcing/extract';

/** Calendar and page words that headlines carry and bodies need not repeat. */
const DATE_WORDS = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|last|updated|published|gmt|utc|est|edt|am|pm|breaking|news|live|update|video|photos?|watch|exclusive|opinion|analysis)$/i;

const STOP = new Set('a an the and or but of in on at to for from by with as is are was were be been has have had will would says said say over after before into amid against about than more new its his her their our your this that these those it he she they we you not no up down out off via vs'.split(' '));
/** Headline shorthand and the words bodies use for it. */
const SYNONYMS: Record<string, string[]> = {
  fm: ['foreign minister', 'foreign ministers'],
  pm: ['prime minister'],
  talks: ['met', 'meeting', 'talks', 'discussed', 'held'],
  meets: ['met', 'meeting', 'talks', 'received'],
  visits: ['visit', 'visited', 'arrived', 'trip'],
  slams: ['criticised', 'criticized', 'condemned', 'denounced', 'accused'],
  vows: ['pledged', 'promised', 'vowed', 'pledge'],
  us: ['united states', 'u.s.', 'american', 'washington'],
  america: ['united states', 'u.s.', 'us ', 'american', 'washington'],
  american: ['united states', 'u.s.', 'us ', 'america', 'washington'],
  americans: ['united states', 'u.s.', 'us ', 'american', 'washington'],
};
/** Names of one organisation that outlets use in turn: a headline's "Islamic State" is the body's "ISIS". */
const ORGANISATION_ALIASES = [
  ['islamic state', 'isis', 'isil', 'daesh', 'is militants', 'is fighters'],
  ['united nations', 'u.n.', 'un '],
  ['european union', 'e.u.', 'eu '],
];
for (const group of ORGANISATION_ALIASES) for (const name of group) SYNONYMS[name.trim()] = [...(SYNONYMS[name.trim()] ?? []), ...group.filter((n) => n !== name)];

interface Claim {
  kind: 'place' | 'name' | 'figure';
  text: string;
  range: TextRange;
  figure?: Figure;
}

export function headlineFindings(analysis: Analysis): Finding[] {
  const { article } = analysis;
  if (!article.headline || article.sentences.length === 0) return [];
  const body = bodyText(article);
  const foldedBody = foldText(body).toLowerCase();
  const findings: Finding[] = [];
  const targets: { text: string; range: TextRange; what: string }[] = [{ text: article.headline.text, range: article.headline.range, what: 'headline' }];
  for (const b of article.boilerplate) {
    if (b.kind === 'caption' && b.range.end - b.range.start > 40) targets.push({ text: article.text.slice(b.range.start, b.range.end), range: b.range, what: 'caption' });
  }
  for (const target of targets) {
    const claims = claimsIn(target.text, target.range.start, analysis);
    for (const claim of claims) {
      const found = unsupported(claim, foldedBody, analysis);
      if (!found) continue;
      findings.push({ code: 'headline-unsupported', severity: 'warning', message: `The ${target.what} ${found.message}`, uri: article.uri, range: claim.range, related: found.related });
    }
    if (target.what === 'headline') {
      const topic = offTopic(target.text, foldedBody);
      if (topic) findings.push({ code: 'headline-unsupported', severity: 'warning', message: `The body does not report what the headline says: ${topic}.`, uri: article.uri, range: target.range, related: [] });
    }
  }
  return findings;
}

interface Problem {
  message: string;
  related: Finding['related'];
}

function problem(message: string, related: Finding['related'] = []): Problem {
  return { message, related };
}

function bodyText(article: Article): string {
  return article.sentences.map((s) => article.text.slice(s.range.start, s.range.end)).join(' ');
}

/** Places (gazetteer), names (capitalised words a sentence-case headline or the corpus marks as names), figures. */
function claimsIn(text: string, offset: number, analysis: Analysis): Claim[] {
  const claims: Claim[] = [];
  const titleCase = isTitleCase(text);
  const knownNames = new Set(analysis.accounts.flatMap((a) => a.participants.filter((p) => p.kind === 'person').map((p) => foldText(p.name.split(' ').pop()!).toLowerCase())));
  // Quoted words in a headline are someone's phrase ("Sexiest Man Alive"), not the outlet's claim about a name.
  const quoted = [...text.matchAll(/["“‘'][^"”’']{2,80}["”’']/gu)].map((q) => [q.index!, q.index! + q[0].length]);
  // A run of capitalised words is one name ("Hugh Jackman", "Wichita St."): supported if any part is in the body.
  for (const m of text.matchAll(/\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu)) {
    const phrase = m[0].replace(/['’]s\b/gu, '').replace(/[.'’-]+$/u, '');
    const range = { start: offset + m.index!, end: offset + m.index! + phrase.length };
    if (quoted.some(([a, b]) => m.index! >= a && m.index! < b)) continue;
    // Inside another word ("Phone" of "iPhone") or of a web address ("www.Example.com/News"): not a name.
    if (m.index! > 0 && /[\p{L}\d]/u.test(text[m.index! - 1])) continue;
    const near = text.slice(Math.max(0, m.index! - 200), m.index);
    if (/(?:https?:\/\/|www\.|[\w-]+\.(?:com|org|net|co|uk)\b)\S*$/i.test(near) || /^[^\s]{0,200}\.(?:com|org|net|co\.uk)\b/i.test(text.slice(m.index!, m.index! + 220))) continue;
    const words = phrase.split(/[\s-]+/).filter((w) => w.length >= 3 && !STOP.has(w.toLowerCase()) && !DATE_WORDS.test(w));
    if (words.length === 0) continue;
    // Shouting in a mixed-case headline ("so he CHOPS IT OFF") is emphasis, not a name.
    if (/^[\p{Lu}\s'’.-]+$/u.test(phrase) && /\p{Ll}/u.test(text)) continue;
    // A single adjective of belief, nation or region ("Islamic", "Nordic", "Sunni-led") describes; it does not name.
    if (words.length === 1 && /(?:ic|ian|ese|ish|ist)$/i.test(words[0]) && !countryOf(words[0])) continue;
    // A single capitalised verb or adverb form in headline case ("Leading", "Revealed", "Finally") is a common word.
    if (words.length === 1 && /(?:ing|ed|ly)$/i.test(words[0])) continue;
    if (words.length === 1 && (countryOf(words[0]) || countryOfCapital(words[0]))) {
      claims.push({ kind: 'place', text: words[0], range });
      continue;
    }
    // The first word of the headline or of a sentence or clause in it ("Detroit? Good one") is capitalised anyway.
    const first = m.index === 0 || /(?:[:|–-]|[?!]["”’']?)\s*$/.test(text.slice(0, m.index));
    const known = words.some((w) => knownNames.has(foldText(w).toLowerCase()));
    if (((!titleCase && !first) || known) && !/^[A-Z]{2,}$/.test(phrase)) claims.push({ kind: 'name', text: words.join(' '), range });
  }
  // Figures: parse the line as a one-sentence article so the same extractor (qualifiers, counted nouns) applies.
  const pseudo = parseArticle({ uri: 'headline:', text: `Headline\n\n${text.replace(/[^.!?]$/, '$&.')}\n` });
  const shift = offset - pseudo.text.indexOf(text.slice(0, 10));
  const dates = extractTimes(pseudo).map((t) => t.range);
  for (const f of extractFigures(pseudo, dates)) {
    // Small numbers in words ("a dozen", "three") are loose in headlines: only digits and large counts are claims.
    if (f.vague || (f.kind === 'count' && f.value < 20 && !/\d/.test(f.text))) continue;
    // A bare number with nothing counted ("8", "13") is too weak a claim to contradict.
    if (!f.counted && f.kind !== 'money' && f.kind !== 'percent') continue;
    claims.push({ kind: 'figure', text: f.text, range: { start: f.range.start + shift, end: f.range.end + shift }, figure: f });
  }
  return claims;
}

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3 && !STOP.has(w.toLowerCase()));
  if (words.length < 3) return false;
  return words.every((w) => /^\p{Lu}/u.test(w)); // one lower-case content word and it is sentence case
}

function unsupported(claim: Claim, foldedBody: string, analysis: Analysis): Problem | undefined {
  if (claim.kind === 'place') {
    const country = countryOf(claim.text) ?? countryOfCapital(claim.text);
    const forms = [claim.text, country, country && capitalOf(country)].filter((x): x is string => !!x);
    if (forms.some((f) => mentions(foldedBody, f)) || (country && bodyMentionsCountry(foldedBody, country)) || (SYNONYMS[claim.text.toLowerCase()] ?? []).some((s) => foldedBody.includes(s))) return undefined;
    return problem(`names ${claim.text}, which the body never mentions.`);
  }
  if (claim.kind === 'name') {
    // A plural or possessive form of a name the body has another form of ("Kurds" / "Kurdish") counts as found.
    if ((SYNONYMS[claim.text.toLowerCase()] ?? []).some((s) => foldedBody.includes(s))) return undefined;
    if (claim.text.split(' ').some((w) => mentions(foldedBody, w) || (w.length >= 5 && mentions(foldedBody, w.replace(/(?:es|s)$/, ''))) || countryOf(w) || (SYNONYMS[w.toLowerCase()] ?? []).some((s) => foldedBody.includes(s)))) return undefined;
    return problem(`names ${claim.text}, which the body never mentions.`);
  }
  const f = claim.figure!;
  const body = analysis.figures.filter((b) => !b.vague && (b.kind === f.kind || (f.kind === 'count' && b.kind === 'fraction')));
  if (body.some((b) => (!f.counted || !b.counted || b.counted === f.counted) && compatible(f, b))) return undefined;
  const sameThing = body.find((b) => b.counted && b.counted === f.counted);
  if (sameThing) {
    return problem(`says “${claim.text} ${f.counted}”; the body says “${analysis.article.text.slice(sameThing.range.start, sameThing.range.end)} ${sameThing.counted}”.`, [
      { uri: analysis.article.uri, range: sameThing.range, message: 'The body’s figure' },
    ]);
  }
  if (mentions(foldedBody, claim.text)) return undefined;
  return problem(`gives the figure “${claim.text}”, which the body does not report.`);
}

/** The body has the word at the start of a word ("Phone" is not in "iPhone"). A scan, not a RegExp built per word. */
function mentions(foldedBody: string, word: string): boolean {
  const w = foldText(word).toLowerCase();
  if (!w) return true;
  for (let at = foldedBody.indexOf(w); at >= 0; at = foldedBody.indexOf(w, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(String.fromCodePoint(foldedBody.codePointAt(at - 1 - (isLowSurrogate(foldedBody, at - 1) ? 1 : 0))!))) return true;
  }
  return false;
}

const WORD_CHAR = /[\p{L}\d]/u;

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return i > 0 && c >= 0xdc00 && c <= 0xdfff;
}

function bodyMentionsCountry(foldedBody: string, country: string): boolean {
  for (const m of foldedBody.matchAll(/\b[a-z][a-z'-]{2,}\b/g)) if (countryOf(m[0]) === country) return true;
  return false;
}

/** Question and modal words a headline uses that say nothing about its topic. */
const FUNCTION_WORDS = /^(?:who|what|how|why|when|where|did|does|can|could|may|might|just|now|claims?|reports?|video|watch)$/;
/** Below this share of its content words found in the body, a headline is about something else. */
const OFF_TOPIC_SHARE = 0.2;

/**
 * A headline few of whose content words the body uses (as words, by stem: "arrests" finds "arrested") is about
 * something else. Words count when the body has them at a word start, through the headline synonyms, or as the
 * country a demonym names.
 */
function offTopic(headline: string, foldedBody: string): string | undefined {
  const words = [...new Set(foldText(headline)
    .toLowerCase()
    .split(/[^\p{L}\d]+/u)
    .filter((w) => w.length > 2 && !STOP.has(w) && !DATE_WORDS.test(w) && !FUNCTION_WORDS.test(w) && !/^\d/.test(w)))];
  if (words.length < 3) return undefined;
  const supported = words.filter((w) => {
    const stem = w.replace(/(?:ing|ed|es|s)$/, '');
    if (stem.length > 2 && mentions(foldedBody, stem)) return true;
    if ((SYNONYMS[w] ?? []).some((s) => foldedBody.includes(s))) return true;
    const country = countryOf(w);
    return !!country && bodyMentionsCountry(foldedBody, country);
  });
  if (supported.length / words.length >= OFF_TOPIC_SHARE) return undefined;
  return supported.length === 0
    ? `none of “${words.join('”, “')}” appears in it`
    : `of “${words.join('”, “')}” it uses only “${supported.join('”, “')}”`;
}

const STRONG = /\b(admits?|confirms?|reveals?|proves?|concedes?|acknowledges?|vows?|pledges?|slams?|rejects?|accuses?|declares?|orders?|bans?|agrees?)\b/i;
const ATTRIBUTED_HEADLINE = /(?:\bsays?\b|\bsaid\b|\baccording to\b|:\s*["“']|["“'][^"”']+["”']\s*$|\?\s*$|\breport(?:s|ed)?\b)/i;

/**
 * `headline-overstated`: the headline states flatly, or with a stronger verb, what the body only attributes to
 * someone else or hedges. The body sentence that carries the weaker version is named through related information.
 */
export function headlineOverstated(analysis: Analysis): Finding[] {
  const { article, sourcing } = analysis;
  if (!article.headline || article.sentences.length === 0) return [];
  const headline = article.headline.text;
  if (ATTRIBUTED_HEADLINE.test(headline) || HEDGED_HEADLINE.test(headline)) return []; // already says whose claim it is
  const words = contentWords(headline);
  if (words.length < 3) return [];
  // The body sentence that says most of what the headline says.
  let best = -1;
  let bestScore = 0;
  article.sentences.forEach((s, i) => {
    const sentence = new Set(contentWords(article.text.slice(s.range.start, s.range.end)));
    const score = words.filter((w) => sentence.has(w)).length / words.length;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  if (best < 0 || bestScore < 0.5) return []; // the body does not say it: that is headline-unsupported's business
  const s = article.sentences[best];
  const body = article.text.slice(s.range.start, s.range.end);
  const attribution = sourcing.attributions.find((a) => a.sentence === best);
  const strong = STRONG.exec(headline);
  const subject = words[0];
  const hedged = hedgeOver(body, words);
  const someoneElse = attribution && !contentWords(attribution.source.name).includes(subject) && (attribution.source.type === 'anonymous' || attribution.source.type === 'named-institution' || attribution.source.type === 'named-person');
  const strongerVerb = strong && !new RegExp(`\\b${strong[1].replace(/s$/, '')}`, 'i').test(body);
  if (!(hedged || (someoneElse && strongerVerb))) return [];
  const why = hedged ? `the body hedges it (“${hedged}”)` : `the body attributes it to ${attribution!.source.name}`;
  return [{
    code: 'headline-overstated',
    severity: 'information',
    message: `The headline states this as fact${strong ? ` (“${strong[1]}”)` : ''}; ${why}: “${body.slice(0, 100).trim()}${body.length > 100 ? '…' : ''}”.`,
    uri: article.uri,
    range: article.headline.range,
    related: [{ uri: article.uri, range: s.range, message: 'The body’s weaker version' }],
  }];
}

/**
 * The hedge in a body sentence that governs what the headline says, or undefined. A hedge counts only when the
 * clause it opens (up to the next comma, semicolon, dash or the end) carries at least half of the headline words
 * the sentence shares: "Kasich scored his first win …, in what could stall Trump" hedges the aside, not the win.
 * A capitalised "May" inside a sentence is the month ("ahead of the May 3 primary"), not the modal.
 */
function hedgeOver(body: string, headlineWords: string[]): string | undefined {
  const shared = (text: string) => {
    const present = new Set(contentWords(text));
    return headlineWords.filter((w) => present.has(w)).length;
  };
  const inSentence = shared(body);
  const hedges = new RegExp(HEDGED_HEADLINE.source, 'gi');
  for (let m = hedges.exec(body); m; m = hedges.exec(body)) {
    if (m[0] === 'May' && body.slice(0, m.index).trim() !== '') continue;
    const rest = body.slice(m.index);
    const clause = rest.slice(0, rest.search(/[,;—–]|$/u));
    // The words before the hedge in its clause are its subject ("Kasich appears to …"): they count too.
    const before = body.slice(0, m.index);
    const clauseStart = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('—'), before.lastIndexOf('–')) + 1;
    if (2 * shared(body.slice(clauseStart, m.index) + ' ' + clause) >= inSentence) return m[0];
  }
  return undefined;
}

function contentWords(text: string): string[] {
  return foldText(text)
    .toLowerCase()
    .split(/[^\p{L}\d]+/u)
    .filter((w) => w.length > 2 && !STOP.has(w) && !DATE_WORDS.test(w))
    .map((w) => w.replace(/(?:ing|ed|es|s)$/, ''));
}

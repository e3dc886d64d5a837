// Accounts of meeting-like events in one article: who met whom, where, when, of what kind, and the sentences
// the article spends on it. Participants and places come from the entity layer through a small interface, so
// this module only knows about events.

import rulePack from '../rules/meetings.yaml';
import { alternation } from '../wordlists';
import type { Analysis } from '../model';
import type { TextRange } from '../types';
import { capitalOf, countryOf, samePlace, venuesIn } from './places';
import { parseRole } from '../people/recognise';
import type { EventKind, ParticipantMention, EventDate, EventAccount } from '../model';
export type { EventKind, EventStatus, ParticipantMention, EventDate, EventAccount } from '../model';

/** An account's passages (accounts cached by an older version have only `span`). */
export function spansOf(account: EventAccount): TextRange[] {
  return account.spans?.length ? account.spans : [account.span];
}

interface RawPack {
  triggers: { kind: EventKind; pattern: string; caseSensitive?: boolean; needs?: string }[];
  referenceOnly: string;
  scheduled: string;
  ongoing: string;
  capitalPhrase: string;
  joins: string;
  topicNouns: string[];
  negated: string;
}

const pack = rulePack as RawPack;
/** `needs`: a cheap test every match of the pattern passes (see the pack), so a sentence that fails it skips the pattern. */
const TRIGGERS = pack.triggers.map((t) => ({
  kind: t.kind,
  global: new RegExp(t.pattern, t.caseSensitive ? 'gu' : 'giu'),
  needs: t.needs === undefined ? undefined : new RegExp(t.needs, t.caseSensitive ? 'u' : 'iu'),
}));
/** Words before a summit that make it the setting or a reference, not the event told ("ahead of the SCO summit"). */
const REFERENCE_ONLY = new RegExp(`(?:${pack.referenceOnly})\\s+(?:the\\s+|a\\s+|an\\s+|this\\s+|next\\s+|last\\s+|upcoming\\s+)?(?:[\\p{L}\\d'’().-]+\\s+){0,6}$`, 'iu');
const SCHEDULED = new RegExp(pack.scheduled, 'i');
const ONGOING = new RegExp(pack.ongoing, 'i');
const CAPITAL_PHRASE = new RegExp(pack.capitalPhrase);
const JOINS = new RegExp(pack.joins, 'i');
/**
 * The headline future: "Kishida to visit South Korea", "Putin, Erdogan to meet in Sochi" — names opening the line,
 * then "to" and the verb, with no "is" (a headline drops it). "X invited Y to visit" does not open with the names only.
 */
const HEADLINE_TO = /^\s*["“]?(?:\p{Lu}[\p{L}.'’-]*,?\s+(?:and\s+|&\s+)?){1,6}to\s+(?:meet|visit|hold|travel|host|attend|receive|welcome|talk|sit down|make|pay|discuss)\b/u;
/** Words between two triggers that make them two events, one after the other. */
const SEQUENCE = /\b(?:follows?|followed|following|after|before|since|precedes?|preceded|then)\b/i;
/** "did not meet", "has never visited": the words before a trigger that deny the event. */
const NEGATED = new RegExp(pack.negated, 'iu');
/**
 * "Summit" as a proper name, not a gathering: "Summit Entertainment", "Summit's chief", "the studio Summit" — the
 * capitalised word after a lower-case one other than an article, or before a company word or a possessive. "the G20
 * Summit", "at the Summit" and "a summit" stay summits.
 */
function summitIsAName(text: string, index: number, matched: string): boolean {
  if (matched !== 'Summit') return false;
  const after = text.slice(index + matched.length, index + matched.length + 16);
  if (/^(?:['’]s\b|\s+(?:Entertainment|Pictures|Media|Studios?|Group|Inc|LLC|County|Avenue|Street|Road)\b)/u.test(after)) return !/\p{Lu}[\p{L}\d-]*\s+$/u.test(text.slice(Math.max(0, index - 20), index)) || /(?:^|\s)(?:And|But|Or)\s+$/.test(text.slice(Math.max(0, index - 8), index));
  return /(?:^|[\s(“"])(?!(?:the|a|this|that|next|last|its|their|his|her|our)\s)\p{Ll}[\p{L}-]*\s+$/u.test(text.slice(Math.max(0, index - 24), index));
}
/** A sentence that opens with a pronoun or a description ("The top Iranian diplomat …") continues its subject. */
const PRONOUN_START = /^\s*(?:["“]?\s*)?(?:he|she|they|the two|both|the (?:[\p{L}-]+ ){0,3}(?:minister|ministers|president|general|diplomat|envoy|officials?|leaders?|chief|premier|sides|delegation|visitor|guest|commander))\b/iu;

const AHEAD_OF = /\b(?:ahead of|in the run-up to|in preparation for|to prepare for|before (?:the|a|an|next|this)\b)/i;
const TWO_OF_THEM = /\b(?:the two|both)(?:\s+(?:top|foreign|defen[cs]e|prime|[\p{L}-]+))?\s+(?:sides|ministers|leaders|presidents|diplomats|men|officials|counterparts|heads of state|premiers|delegations)\b[^.]*$|\b(?:the two|both)\s+$/iu;

/** "their talks", "in their last phone call": the trigger is the told account's people's own. */
const THEIR_BEFORE = /\b(?:their|the\s+(?:two\s+)?(?:leaders|presidents|ministers|premiers|sides)['’]s?)\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+$/iu;
/** "In their last call on Aug. 21, the two presidents reviewed …": the people named right after the trigger as "the two". */
const TWO_OF_THEM_AFTER = /^[^.;]{0,60}?,\s+(?:the two|both)\s+(?:[\p{L}-]+\s+)?(?:sides|ministers|leaders|presidents|diplomats|men|officials|counterparts|heads of state|premiers)\b/iu;

export function extractAccounts(analysis: Analysis, mentionsBySentence: ParticipantMention[][] & { headline?: ParticipantMention[] }): EventAccount[] {
  const { article } = analysis;
  const accounts: EventAccount[] = [];
  let current: EventAccount | undefined;
  let quiet = 0; // sentences since the current account was last mentioned
  const datesBySentence = new Map<number, EventDate[]>();
  // "Abe visited Seoul in 2018": a year is the date of a clause that gives no finer one.
  const yearsBySentence = new Map<number, EventDate[]>();
  for (const t of analysis.times) {
    if (t.kind === 'year' && t.resolved) {
      yearsBySentence.set(t.sentence, [...(yearsBySentence.get(t.sentence) ?? []), { iso: t.resolved.iso, precision: 'year', key: t.key, text: t.text, range: t.range }]);
    }
    if (t.kind === 'event-relative' || t.kind === 'year') continue;
    const list = datesBySentence.get(t.sentence) ?? [];
    list.push({ iso: t.resolved?.iso, precision: t.resolved?.precision, key: t.key, text: t.text, range: t.range });
    datesBySentence.set(t.sentence, list);
  }
  const dateline = datelinePlace(analysis);
  const everyone = new PeopleIndex(mentionsBySentence.flat().filter((m) => m.kind === 'person'));
  let lastSubject: ParticipantMention | undefined;
  const fromHeadline = new Set<EventAccount>();

  // The headline first ("Erdogan, Putin meet in Sochi", "X and Y talk Syria"): the body may never state the meeting in
  // those words. It is read like a sentence of its own (index -1) and joins the body's account when that tells it again.
  const headline = article.headline && mentionsBySentence.headline ? [{ range: article.headline.range, index: -1, mentions: mentionsBySentence.headline }] : [];
  const units = [...headline, ...article.sentences.map((s, index) => ({ range: s.range, index, mentions: mentionsBySentence[index] ?? [] }))];
  units.forEach(({ range, index, mentions }) => {
    const sentence = index < 0 ? { range, paragraph: -1 } : article.sentences[index];
    const text = article.text.slice(sentence.range.start, sentence.range.end);
    const people = mentions.filter((m) => m.kind === 'person');
    const clauses = clausesOf(text, sentence.range.start);
    let found = false;
    for (const [ci, clause] of clauses.entries()) {
      // The subject (people before the first trigger) takes part in every clause: "X arrived in A … after he met Y in B";
      // a clause's own people stand between the previous trigger and the next one.
      const subject = people.filter((p) => p.range.start < clauses[0].triggerAt);
      const from = ci === 0 ? sentence.range.start : clauses[ci - 1].triggerAt + clauses[ci - 1].trigger.length;
      const own = [...people.filter((p) => p.range.start >= from && p.range.start < clause.end && !subject.includes(p)), ...roleParticipants(article.text, from, clause.end, people, subject[0] ?? lastSubject, everyone)].sort((a, b) => a.range.start - b.range.start);
      // "met his Turkish counterpart on Tuesday and Turkey's Defense Minister Canikli on Wednesday": one meeting per day.
      for (const part of splitByDay(own, (datesBySentence.get(index) ?? []).filter((d) => d.range.start >= clause.start && d.range.start < clause.end), clause)) {
      const participants = uniqueByKey([...subject, ...part.own]);
      // "He also met …": the pronoun is the subject of the sentence before.
      if (subject.length === 0 && lastSubject && (PRONOUN_START.test(text) || /\b(?:he|she)\s+$/i.test(article.text.slice(Math.max(sentence.range.start, clause.triggerAt - 8), clause.triggerAt))) && !participants.some((p) => p.key === lastSubject!.key)) {
        participants.unshift(lastSubject);
      }
      // "The two ministers met …", "Both leaders held talks": the people of the account being told.
      const told = current ?? accounts[accounts.length - 1];
      // Also "their talks", "in their last phone call, the two presidents …".
      let spanStart = part.start;
      if (told && participants.length < 2 && (TWO_OF_THEM.test(article.text.slice(Math.max(sentence.range.start, clause.triggerAt - 60), clause.triggerAt)) || THEIR_BEFORE.test(article.text.slice(Math.max(sentence.range.start, clause.triggerAt - 30), clause.triggerAt + clause.trigger.length)) || TWO_OF_THEM_AFTER.test(article.text.slice(clause.triggerAt, clause.end)))) {
        for (const p of told.participants) if (!participants.some((q) => q.key === p.key)) participants.push(p);
        // A back-reference in a sentence about something else ("The visit is meant to …, an initiative agreed at the
        // leaders' Tokyo summit in March"): its passage starts after the last comma before it.
        const comma = article.text.lastIndexOf(',', clause.triggerAt);
        if (comma >= part.start && !people.some((p) => p.range.start > part.start && p.range.start < comma)) spanStart = comma + 1;
      }
      const needed = clause.kind === 'visit' || clause.kind === 'summit' ? 1 : 2;
      if (participants.length < needed) continue;
      const clauseText = article.text.slice(clause.start, clause.end);
      const clauseMentions = mentions.filter((m) => m.range.start >= clause.start && m.range.start < clause.end);
      let place = clause.kind === 'call' ? undefined : placeOf(clauseText, clause.start, clause.triggerAt, clause.kind, clauseMentions, clause.trigger);
      // A date after "since"/"after"/"before" belongs to another event ("… first meeting since the shooting-down in November").
      // What follows "ahead of" is another event: its day and its future tense are not this meeting's.
      const ahead = AHEAD_OF.exec(article.text.slice(clause.triggerAt, clause.end));
      const aheadAt = ahead ? clause.triggerAt + ahead.index : clause.end;
      // Also what the meeting "follows" ("The call … follows through on a commitment Biden made five months ago").
      const eligible = (datesBySentence.get(index) ?? []).filter((d) => d.range.start < aheadAt && !/\b(?:since|after|before|until|follows|followed|following|preceded|precedes)\b/i.test(article.text.slice(Math.min(clause.triggerAt, d.range.start), d.range.start)));
      const dates = part.date ? [part.date] : clauses.length === 1 ? eligible : eligible.filter((d) => d.range.start >= clause.start && d.range.start < clause.end);
      // The day of a meeting is the one nearest the person met ("met X on Tuesday and Y on Wednesday").
      const met = part.own.length ? part.own[part.own.length - 1].range.start : clause.triggerAt;
      let date = nearest(dates, met);
      if (!date && !part.date) {
        const years = (yearsBySentence.get(index) ?? []).filter((d) => d.range.start >= clause.start && d.range.start < aheadAt && !/\b(?:since|after|before|until|by)\b/i.test(article.text.slice(Math.max(clause.start, d.range.start - 12), d.range.start)));
        date = nearest(years, met);
      }
      // No place or day of its own: the scene continues from the account it shares most people with
      // ("… during the visit"; ties go to the article's lead event). Failing that, the dateline.
      const scheduled = SCHEDULED.test(article.text.slice(clause.start, aheadAt)) || HEADLINE_TO.test(article.text.slice(sentence.range.start, Math.min(sentence.range.end, clause.triggerAt + clause.trigger.length + 12)));
      const scene = clause.kind === 'call' || scheduled ? undefined : sceneFor(participants, accounts);
      if (scene && (!place || (!!scene.place && samePlace(place.name, scene.place.name)))) {
        place ??= scene.place;
        date ??= scene.date; // a day belongs to a scene: never carried to another place
      }
      if (!place && dateline && clause.kind !== 'call' && !scheduled) place = dateline;
      const account: EventAccount = {
        id: `${article.uri}#${part.start}`,
        uri: article.uri,
        kind: clause.kind,
        status: scheduled ? 'scheduled' : ONGOING.test(article.text.slice(clause.start, aheadAt)) ? 'ongoing' : 'past',
        participants,
        place,
        date,
        trigger: { text: clause.trigger, range: { start: clause.triggerAt, end: clause.triggerAt + clause.trigger.length } },
        // One clause of a two-event sentence is its own span, so the reader's cursor finds the right account.
        span: { start: spanStart, end: part.end },
        spans: [],
        sentences: index < 0 ? [] : [index],
      };
      // The account it continues: the current one, or a recent one of this article (a visit, then its talks).
      const continued = index < 0 ? undefined : [current, ...accounts.slice(-3).reverse()].find((a) => a && !fromHeadline.has(a) && continues(a, account) && !toldAsAnother(article.text, a, account));
      if (index < 0) fromHeadline.add(account);
      if (continued) {
        absorb(continued, account);
        current = continued;
      } else {
        current = account;
        accounts.push(account);
      }
      quiet = 0;
      found = true;
      }
    }
    if (index < 0) {
      // The headline is no scene of the body: the lead sentence starts afresh.
      current = undefined;
      return;
    }
    if (!found && current && JOINS.test(text) && people.length) {
      for (const p of people) if (!current.participants.some((q) => q.key === p.key)) current.participants.push(p);
    }
    if (!found && current) {
      const linked = people.some((p) => current!.participants.some((q) => q.key === p.key)) || PRONOUN_START.test(text);
      const sameParagraph = article.sentences[current.sentences[current.sentences.length - 1]].paragraph === sentence.paragraph;
      if (linked && (sameParagraph || quiet === 0)) {
        current.sentences.push(index);
        current.span.end = sentence.range.end;
        quiet = 0;
      } else if (++quiet >= 2 || people.length > 0) {
        current = undefined;
      }
    }
    if (people.length) lastSubject = people[0];
  });
  const merged = joinHeadline([...fromHeadline], mergeRetold(article.text, accounts.filter((a) => !fromHeadline.has(a))));
  if (!article.published && merged.length) {
    let era: number | undefined;
    for (const m of article.text.matchAll(/\b(?:19[89]\d|20\d\d)\b/g)) era = Math.max(era ?? 0, Number(m[0]));
    // "Monday, Sept. 4" on a page that prints no date: the year in which that day is that weekday, nearest the
    // latest year the page mentions. The page's other bare days of a month fall in that year too.
    const year = era ? yearFromWeekday(analysis, era) : undefined;
    for (const a of merged) {
      if (year) {
        a.era = year.year;
        a.eraExact = true;
        const d = a.date;
        const md = d && !d.iso ? /^date:(\d{2})-(\d{2})$/.exec(d.key) : null;
        if (d && md && isValidDay(year.year, Number(md[1]), Number(md[2]))) {
          a.date = { ...d, iso: `${year.year}-${md[1]}-${md[2]}`, precision: 'day', how: year.why };
        }
      } else if (era) {
        // "last November" / "last year" is read against this era once, in refine.ts (yearOnUndatedPage).
        a.era = era;
      }
    }
  }
  return merged;
}

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_BEFORE = /\b(sun|mon|tues|wednes|thurs|fri|satur)day\s*,?\s*(?:the\s+)?$/i;
const WEEKDAY_IN = /\b(sun|mon|tues|wednes|thurs|fri|satur)day\b/i;

function isValidDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The year of an undated page from a day it names with its weekday ("on Monday, Sept. 4"): among the years within
 * a year before and six after the latest year the page mentions, the one nearest it in which that day is that
 * weekday. Two such days that disagree give no year.
 */
function yearFromWeekday(analysis: Analysis, era: number): { year: number; why: string } | undefined {
  const found = new Set<number>();
  let why = '';
  for (const t of analysis.times) {
    if (t.kind !== 'date' || t.resolved) continue;
    const md = /^date:(\d{2})-(\d{2})$/.exec(t.key);
    if (!md) continue;
    const named = WEEKDAY_IN.exec(t.text) ?? WEEKDAY_BEFORE.exec(analysis.article.text.slice(Math.max(0, t.range.start - 16), t.range.start));
    if (!named) continue;
    const weekday = WEEKDAY_NAMES.findIndex((w) => w.startsWith(named[1].toLowerCase()));
    const [month, day] = [Number(md[1]), Number(md[2])];
    const years: number[] = [];
    for (let y = era - 1; y <= era + 6; y++) if (isValidDay(y, month, day) && new Date(Date.UTC(y, month - 1, day)).getUTCDay() === weekday) years.push(y);
    if (!years.length) continue;
    const best = years.sort((a, b) => Math.abs(a - era) - Math.abs(b - era) || b - a)[0];
    found.add(best);
    why = `the page prints no date; "${t.text}" falls on a ${WEEKDAY_NAMES[weekday]} in ${best}`;
  }
  return found.size === 1 ? { year: [...found][0], why } : undefined;
}

/** "also met", "separately held talks": a new meeting of some of the same people, not the one told again. */
const ANOTHER = /\b(?:also|separately|later|earlier|in a separate|another|again|then)\b/i;

/**
 * One meeting told in several places of the article (the headline, the lead, the talks, a later paragraph) is one
 * account with several spans. A later mention joins an earlier account when its people are among that account's
 * (a role-only participant matching a named one of the same role), and place and day do not disagree. A mention
 * with other people, another place or another day stays a meeting of its own (one trip's stops), and so does a
 * pair out of a larger meeting told as another ("X also held talks with Y").
 */
function mergeRetold(text: string, accounts: EventAccount[]): EventAccount[] {
  const out: EventAccount[] = [];
  for (const a of accounts) {
    a.spans = a.spans?.length ? a.spans : [{ ...a.span }];
    const home = out.find((b) => retells(text, b, a));
    if (!home) {
      out.push(a);
      continue;
    }
    for (const p of a.participants) if (!home.participants.some((q) => participantsMatch(p, q))) home.participants.push(p);
    // A named participant replaces the role that stood for them ("the Chinese counterpart" is Wang Yi).
    home.participants = home.participants.filter((p) => !p.roleOnly || !home.participants.some((q) => !q.roleOnly && participantsMatch(p, q)));
    if (!home.place || (a.place && countryOf(home.place.name) && !countryOf(a.place.name))) home.place = a.place ?? home.place;
    if (!home.date || (a.date?.iso && !home.date.iso) || (a.date?.precision === 'day' && home.date.precision !== 'day' && a.date.iso)) home.date = a.date ?? home.date;
    if (home.kind === 'visit' && a.kind === 'meeting') home.kind = 'meeting';
    if (home.status !== 'past' && a.status === 'past') home.status = 'past';
    home.sentences.push(...a.sentences);
    home.spans.push(...a.spans);
  }
  for (const a of out) a.spans.sort((x, y) => x.start - y.start);
  return out;
}

/**
 * The headline's account is the lead's when the body tells a meeting of the same people: it adds its line as a span
 * of that account (and its place when the body gives none). A headline's verb is loose ("X and Y talk" for a call,
 * "summit" for a meeting of two), so the body's kind stands. A headline the body does not tell again (other people,
 * another place) is an account of its own.
 */
function joinHeadline(headline: EventAccount[], body: EventAccount[]): EventAccount[] {
  const own: EventAccount[] = [];
  for (const h of headline) {
    h.spans = [{ ...h.span }];
    const named = h.participants.filter((p) => !p.weak);
    const home = named.length
      ? body.find(
          (b) =>
            named.every((p) => b.participants.some((q) => participantsMatch(p, q))) &&
            (!h.place || !b.place || samePlace(h.place.name, b.place.name) || !!countryOf(h.place.name) || !!countryOf(b.place.name)) &&
            (h.status === b.status || h.status === 'scheduled' || (!!h.place && !!b.place && samePlace(h.place.name, b.place.name))),
        )
      : undefined;
    if (!home) {
      own.push(h);
      continue;
    }
    home.spans = [h.span, ...(home.spans?.length ? home.spans : [home.span])];
    if (!home.place || (h.place && countryOf(home.place.name) && !countryOf(h.place.name))) home.place = h.place ?? home.place;
  }
  return [...own, ...body];
}

/** "Vorhaug also held talks with Almund": some of the same people, told as a meeting of their own. */
function toldAsAnother(text: string, b: EventAccount, a: EventAccount): boolean {
  const clause = text.slice(Math.max(a.span.start, a.trigger.range.start - 40), a.trigger.range.end);
  return ANOTHER.test(clause) && a.participants.length >= 2 && a.participants.length < b.participants.length;
}

/** Whether account `a`, later in the article, tells the meeting of account `b` again. */
function retells(text: string, b: EventAccount, a: EventAccount): boolean {
  if (!accountKindsCompatible(a, b) || (a.kind === 'call') !== (b.kind === 'call')) return false;
  // "will" somewhere in the lead makes a told meeting look scheduled: the same people in the same named place still
  // tell one meeting.
  const samePlace = !!a.place && !!b.place && samePlaceName(a.place.name, b.place.name);
  if ((a.status === 'scheduled') !== (b.status === 'scheduled') && !samePlace) return false;
  if (a.place && b.place && !samePlaceName(a.place.name, b.place.name)) return false;
  if (a.date && b.date && !datesCompatible(a.date, b.date)) return false;
  const [small, large] = a.participants.length <= b.participants.length ? [a, b] : [b, a];
  const matched = small.participants.filter((p) => large.participants.some((q) => participantsMatch(p, q)));
  if (matched.length < small.participants.length || matched.filter((p) => !p.roleOnly).length + matched.filter((p) => p.roleOnly).length === 0) return false;
  if (matched.length < 2 && large.participants.length >= 2 && small.kind === 'meeting' && !small.place && !small.date) {
    // One name and a meeting verb, nothing else ("Lavrov met …" with the others unnamed): only the same scene.
    if (!b.place && !b.date) return false;
  }
  // "Cavusoglu also held talks with his Iranian counterpart": a pair out of a larger meeting, told as another one.
  const clause = text.slice(a.trigger.range.start - 40 < a.span.start ? a.span.start : a.trigger.range.start - 40, a.trigger.range.end);
  if (ANOTHER.test(clause) && a.participants.length >= 2 && a.participants.length < b.participants.length) return false;
  if (ANOTHER.test(clause) && a.participants.length >= 2 && !a.place && !a.date && a.participants.length !== b.participants.length) return false;
  return true;
}

/** The same participant: one key, or a role-only participant and a named one of that role (office and country). */
export function participantsMatch(p: ParticipantMention, q: ParticipantMention): boolean {
  if (p.key === q.key || (p.alt && p.alt === q.key) || (q.alt && q.alt === p.key)) return true;
  const role = p.roleOnly ? p : q.roleOnly ? q : undefined;
  const other = role === p ? q : p;
  if (!role || !role.role?.country || other.roleOnly) return false;
  return other.role?.country === role.role.country && (!role.role.office || !other.role?.office || role.role.office === other.role.office);
}

function samePlaceName(a: string, b: string): boolean {
  return samePlace(a, b);
}

/** "since their in-person summit", "after the meeting": the words that make a meeting in a call's sentence an earlier one. */
const BACK_REFERENCE = /\b(?:since|after|following|before)\s+(?:(?:their|the|a|an|his|her|its|last)\s+)?(?:[\p{L}-]+\s+){0,3}$/iu;

interface Clause {
  kind: EventKind;
  trigger: string;
  triggerAt: number;
  start: number;
  end: number;
}

/**
 * One clause per event trigger: "arrived in Ankara on Monday, a day after he met Assad in Damascus" is a visit and a
 * meeting. A call anywhere in the sentence makes the whole sentence one call ("met by phone" is a call).
 */
function clausesOf(text: string, offset: number): Clause[] {
  const hits: { kind: EventKind; index: number; text: string }[] = [];
  // Every match of every trigger, as matchAll would give them, without building a regex per sentence and trigger.
  for (const t of TRIGGERS) {
    if (t.needs && !t.needs.test(text)) continue;
    const global = t.global;
    global.lastIndex = 0;
    for (let m = global.exec(text); m; m = global.exec(text)) {
      hits.push({ kind: t.kind, index: m.index, text: m[0] });
      if (m[0] === '') global.lastIndex++;
    }
  }
  // A summit named as the setting or a reference point ("on the sidelines of the G20 summit", "ahead of the SCO
  // ministerial meeting") is not an event of its own: the meeting held there is. Alone in a sentence it still is one
  // ("… attended the summit in Astana"), unless the sentence only looks ahead to it.
  const referenced = (h: { index: number }) => REFERENCE_ONLY.test(text.slice(Math.max(0, h.index - 80), h.index));
  const others = hits.some((h) => h.kind !== 'summit');
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i];
    if (h.kind === 'summit' && referenced(h) && (others || /\b(?:ahead of|before|in preparation for|to prepare for|prepare for)\s/i.test(text.slice(Math.max(0, h.index - 80), h.index)))) hits.splice(i, 1);
  }
  // A denied event ("did not meet him until 2008", "has never visited") and a company called Summit are no account.
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i];
    if (NEGATED.test(text.slice(Math.max(0, h.index - 30), h.index)) || (h.kind === 'summit' && summitIsAName(text, h.index, h.text))) hits.splice(i, 1);
  }
  if (hits.length === 0) return [];
  const call = hits.find((h) => h.kind === 'call');
  if (call) {
    // "… spoke by phone on Tuesday, the first conversation since their summit in Woodside in November": the meeting
    // the call is measured from is an account of its own (a back-reference), from "since" on; the rest is the call.
    const back = hits
      .filter((h) => h.kind !== 'call' && h.index > call.index && (BACK_REFERENCE.test(text.slice(Math.max(0, h.index - 50), h.index)) || /^(?:since|after|following|before)\b/i.test(h.text)))
      .sort((a, b) => a.index - b.index)[0];
    if (!back) return [{ kind: 'call', trigger: call.text, triggerAt: offset + call.index, start: offset, end: offset + text.length }];
    const lead = BACK_REFERENCE.exec(text.slice(Math.max(0, back.index - 50), back.index));
    const cut = lead ? back.index - lead[0].length + lead[0].search(/\S/) : back.index;
    return [
      { kind: 'call', trigger: call.text, triggerAt: offset + call.index, start: offset, end: offset + cut },
      { kind: back.kind, trigger: back.text, triggerAt: offset + back.index, start: offset + cut, end: offset + text.length },
    ];
  }
  hits.sort((a, b) => a.index - b.index);
  // Triggers close together describe one event ("held talks … at a joint press conference"): keep the first.
  // Unless a word of sequence stands between them: "the visit to Belgrade follows Vucic's visit to Beijing" is two.
  const distinct: typeof hits = [];
  for (const h of hits) {
    const last = distinct[distinct.length - 1];
    if (!last || h.index - (last.index + last.text.length) > 25 || SEQUENCE.test(text.slice(last.index + last.text.length, h.index))) distinct.push(h);
  }
  // A later clause starts after the last comma or semicolon before its trigger ("…, a day after he met Y").
  const starts = distinct.map((h, i) => {
    if (i === 0) return 0;
    const previousEnd = distinct[i - 1].index + distinct[i - 1].text.length;
    const cut = Math.max(text.lastIndexOf(',', h.index), text.lastIndexOf(';', h.index));
    return cut >= previousEnd ? cut + 1 : h.index;
  });
  return distinct.map((h, i) => ({
    kind: h.kind,
    trigger: h.text,
    triggerAt: offset + h.index,
    start: offset + starts[i],
    end: i + 1 < distinct.length ? offset + starts[i + 1] : offset + text.length,
  }));
}

interface ClausePart {
  own: ParticipantMention[];
  date?: EventDate;
  start: number;
  end: number;
}

/**
 * Splits a clause whose people are met on different days ("met X on Tuesday and Y on Wednesday") into one part per
 * day, each person with the day nearest after them; otherwise the clause is one part.
 */
function splitByDay(own: ParticipantMention[], dates: EventDate[], clause: Clause): ClausePart[] {
  const days = [...new Map(dates.map((d) => [d.key, d])).values()];
  if (own.length < 2 || days.length < 2) return [{ own, start: clause.start, end: clause.end }];
  const groups = new Map<EventDate, ParticipantMention[]>();
  for (const p of own) {
    const after = dates.filter((d) => d.range.start >= p.range.end).sort((a, b) => a.range.start - b.range.start)[0] ?? nearest(dates, p.range.start)!;
    groups.set(after, [...(groups.get(after) ?? []), p]);
  }
  if (groups.size < 2) return [{ own, start: clause.start, end: clause.end }];
  const parts = [...groups].map(([date, members]) => ({ own: members, date, start: members[0].range.start, end: date.range.end })).sort((a, b) => a.start - b.start);
  parts[0].start = clause.start;
  parts[parts.length - 1].end = clause.end;
  for (let i = 1; i < parts.length; i++) parts[i].start = parts[i - 1].end; // contiguous: every word belongs to a part
  return parts;
}

const DEMONYM = "(\\p{Lu}[\\p{L}-]+(?:['’]s)?)";
/** "his Turkish counterpart", "the Chinese counterpart", "Turkish counterpart". */
const COUNTERPART = new RegExp(`\\b(?:(?:his|her|their|the)\\s+)?${DEMONYM}\\s+(counterparts?|host)\\b`, 'gu');
/** "Iran's top diplomat", "the visiting Chinese foreign minister", "Russian FM" — a person named by role only. */
const ROLE_ONLY = new RegExp(`\\b(?:(?:the|his|her)\\s+)?(?:visiting\\s+|top\\s+)?${DEMONYM}\\s+(top diplomat|chief diplomat|foreign minister|FM|foreign secretary|president|prime minister|premier|defen[cs]e minister|delegation|leader)\\b`, 'giu');
/** "the foreign ministers of Turkey and Iran", "the presidents of the two countries" is not resolvable; two named countries are. */
const ROLE_PAIR = /\b(?:the\s+)?(foreign ministers|defen[cs]e ministers|presidents|prime ministers|leaders|top diplomats)\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)\s+and\s+(?:the\s+)?(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)\b/gu;

/**
 * Participants named by role only ("his Chinese counterpart", "Iran's top diplomat", "the foreign ministers of X and
 * Y") when the entity layer could not name them: resolved to the one person of the article who holds that role
 * (office and country), otherwise kept as the role ('role:foreign minister:china'), which the meeting index can match
 * to a named account of the same meeting.
 */
/**
 * What roleParticipants asks about the article's people for every role it finds, answered from maps built once per
 * article: scanning every person for each role made an article of many short meeting sentences quadratic.
 */
class PeopleIndex {
  private readonly offices = new Map<string, string>();
  private readonly countries = new Map<string, string>();
  /** `office country` -> the distinct keys of people (not bare roles) holding it, in the article's order. */
  private readonly holders = new Map<string, string[]>();
  private readonly first = new Map<string, ParticipantMention>();
  private readonly firstTitled = new Map<string, ParticipantMention>();

  constructor(everyone: ParticipantMention[]) {
    for (const p of everyone) {
      if (!this.first.has(p.key)) this.first.set(p.key, p);
      if (p.title && !this.firstTitled.has(p.key)) this.firstTitled.set(p.key, p);
      if (p.role?.office && !this.offices.has(p.key)) this.offices.set(p.key, p.role.office);
      if (p.role?.country && !this.countries.has(p.key)) this.countries.set(p.key, p.role.country);
      if (!p.roleOnly && p.role?.office !== undefined && p.role.country !== undefined) {
        const at = `${p.role.office}\u0000${p.role.country}`;
        const keys = this.holders.get(at);
        if (!keys) this.holders.set(at, [p.key]);
        else if (!keys.includes(p.key)) keys.push(p.key);
      }
    }
  }

  /** The office the article first gives this person, if any. */
  officeOf(key: string): string | undefined {
    return this.offices.get(key);
  }

  /** The country of the person's role here, else the first the article gives them. */
  countryOf(p: ParticipantMention): string | undefined {
    return p.role?.country ?? this.countries.get(p.key);
  }

  /** Distinct people holding this office of this country, but the one excluded. */
  holdersOf(office: string, country: string, except?: string): string[] {
    return (this.holders.get(`${office}\u0000${country}`) ?? []).filter((k) => k !== except);
  }

  /** The first mention of a person that carries a title, else the first. */
  named(key: string): ParticipantMention | undefined {
    return this.firstTitled.get(key) ?? this.first.get(key);
  }
}

function roleParticipants(text: string, from: number, to: number, people: ParticipantMention[], subject: ParticipantMention | undefined, everyone: PeopleIndex): ParticipantMention[] {
  const out: ParticipantMention[] = [];
  const slice = text.slice(from, to);
  const taken = (range: TextRange) =>
    people.some((p) => (p.range.start < range.end && range.start < p.range.end) || (p.range.start >= range.end && /^[\s,]{0,3}$/.test(text.slice(range.end, p.range.start)))) ||
    out.some((o) => o.range.start < range.end && range.start < o.range.end);
  const subjectOffice = subject ? subject.role?.office ?? everyone.officeOf(subject.key) : undefined;
  const add = (range: TextRange, written: string, office: string | undefined, country: string, counterpart: boolean) => {
    if (taken(range)) return;
    // "a Japanese prime minister", "any Turkish president": a holder of the office, not the one the article names.
    if (/\b(?:a|an|any|every|no)\s+$/i.test(text.slice(Math.max(0, range.start - 6), range.start))) return;
    if (counterpart && subject && everyone.countryOf(subject) === country) return; // one's own side is not a counterpart
    const holders = office ? everyone.holdersOf(office, country, subject?.key) : [];
    if (holders.length === 1) {
      const named = everyone.named(holders[0])!;
      out.push({ key: named.key, name: named.name, kind: 'person', range, title: written, role: { office, country }, resolvedBy: `named in this article as ${named.title ?? 'the ' + office} ${named.name}` });
      return;
    }
    out.push({ key: `role:${office ?? 'counterpart'}:${country.toLowerCase()}${office ? '' : `:${subject?.key ?? '?'}`}`, name: `${country} ${office ?? 'counterpart'}`, kind: 'person', range, title: written, role: { office, country }, roleOnly: true });
  };
  for (const m of slice.matchAll(COUNTERPART)) {
    const country = countryOf(m[1]);
    if (!country) continue;
    const start = from + m.index!;
    add({ start, end: start + m[0].length }, m[0], subjectOffice, country, true);
  }
  for (const m of slice.matchAll(ROLE_ONLY)) {
    const country = countryOf(m[1]);
    if (!country) continue;
    const start = from + m.index!;
    const office = m[2].toLowerCase() === 'delegation' || m[2].toLowerCase() === 'leader' ? m[2].toLowerCase() : parseRole(m[2])?.office;
    add({ start, end: start + m[0].length }, m[0], office, country, false);
  }
  for (const m of slice.matchAll(ROLE_PAIR)) {
    const office = parseRole(m[1].replace(/s$/, '').replace('ministers', 'minister').replace(/diplomats$/, 'diplomat'))?.office ?? m[1].toLowerCase().replace(/s$/, '');
    const start = from + m.index!;
    for (const c of [m[2], m[3]]) {
      const country = countryOf(c);
      if (!country) continue;
      const at = start + m[0].indexOf(c);
      add({ start: at, end: at + c.length }, m[0], office, country, false);
    }
  }
  return out;
}


/** The earlier account of this article a new one continues: most shared people, then the lead event. */
function sceneFor(participants: ParticipantMention[], accounts: EventAccount[]): EventAccount | undefined {
  const scenes = accounts.filter((a) => a.kind !== 'call');
  const shared = (a: EventAccount) => participants.filter((p) => a.participants.some((q) => q.key === p.key)).length;
  const most = Math.max(0, ...scenes.map(shared));
  if (most === 0) return undefined;
  const tied = scenes.filter((a) => shared(a) === most);
  // Among equals, the latest scene in the lead event's place ("He also met …" after "met X on Tuesday and Y on
  // Wednesday"); a digression elsewhere ("days after X met Y in St Petersburg") does not carry the story.
  const lead = scenes[0];
  const inLeadPlace = tied.filter((a) => !a.place || !lead.place || samePlace(a.place.name, lead.place.name));
  return inLeadPlace[inLeadPlace.length - 1] ?? tied[0];
}

/** A later trigger sentence about the same participants, kind, place and day continues the account. */
function continues(current: EventAccount, next: EventAccount): boolean {
  if (!kindsCompatible(current.kind, next.kind) || current.status !== next.status) return false;
  const same = (a: EventAccount, b: EventAccount) => a.participants.every((p) => b.participants.some((q) => q.key === p.key));
  // Two clauses of one sentence with the same people are one event ("held talks … and attended a press conference").
  // Not when they name two places ("the visit to Belgrade follows Vucic's visit to Beijing").
  const elsewhere = !!current.place && !!next.place && !samePlace(current.place.name, next.place.name);
  if (next.sentences[0] === current.sentences[current.sentences.length - 1] && same(current, next) && same(next, current) && !elsewhere) return true;
  // A visit and the talks held during it: the visitor meets the hosts in the same place.
  if (current.kind === 'visit' && next.kind !== 'visit' && same(current, next) && (!current.place || !next.place || samePlace(current.place.name, next.place.name) || !!countryOf(next.place.name))) return true;
  if (!next.participants.some((p) => current.participants.some((q) => q.key === p.key))) return false;
  if (current.place && next.place && !samePlace(current.place.name, next.place.name)) return false;
  if (current.date && next.date && !datesCompatible(current.date, next.date)) return false;
  // A new person on another day or in another place is another meeting of the same visit.
  const newPeople = next.participants.filter((p) => !current.participants.some((q) => q.key === p.key));
  return newPeople.length === 0 || (!next.date && !next.place && next.kind !== 'meeting');
}

function absorb(into: EventAccount, other: EventAccount): void {
  for (const p of other.participants) if (!into.participants.some((q) => q.key === p.key)) into.participants.push(p);
  // A city beats a country ("in Syria" is usually the topic, "in the Turkish capital" the venue).
  if (!into.place || (other.place && countryOf(into.place.name) && !countryOf(other.place.name))) into.place = other.place ?? into.place;
  into.date ??= other.date;
  if (into.kind === 'visit' && other.kind === 'meeting') into.kind = 'meeting';
  into.sentences.push(...other.sentences);
  into.span.end = other.span.end;
}

/**
 * A summit of exactly the people of a meeting is that meeting ("Japan and South Korea hold summit in Tokyo" and
 * "Kishida met Yoon"): a two- or three-person summit whose named people are the other account's. A multilateral
 * summit and a bilateral meeting on its sidelines stay apart (their people differ).
 */
export function accountKindsCompatible(a: EventAccount, b: EventAccount): boolean {
  if (kindsCompatible(a.kind, b.kind)) return true;
  const summit = a.kind === 'summit' ? a : b.kind === 'summit' ? b : undefined;
  const other = summit === a ? b : a;
  if (!summit || other.kind === 'call' || other.kind === 'summit') return false;
  const named = (x: EventAccount) => x.participants.filter((p) => !p.roleOnly && !p.weak);
  const [s, o] = [named(summit), named(other)];
  if (s.length < 2 || s.length > 3 || o.length !== s.length) return false;
  return s.every((p) => o.some((q) => participantsMatch(p, q))) && o.every((q) => s.some((p) => participantsMatch(p, q)));
}

export function kindsCompatible(a: EventKind, b: EventKind): boolean {
  if (a === b) return true;
  if (a === 'call' || b === 'call' || a === 'summit' || b === 'summit') return false;
  return true; // meeting, visit and press conference of the same people in the same place and day are one event
}

export function datesCompatible(a: EventDate, b: EventDate): boolean {
  if (a.iso && b.iso) {
    if (a.precision === 'day' && b.precision === 'day') return a.iso === b.iso;
    const length = a.precision === 'year' || b.precision === 'year' ? 4 : 7;
    if (a.precision === 'week' || b.precision === 'week') return Math.abs(Date.parse(a.iso) - Date.parse(b.iso)) <= 7 * 86_400_000;
    return a.iso.slice(0, length) === b.iso.slice(0, length);
  }
  // One resolved, one not: what the unresolved one states (a weekday, a day of a month, a month) must hold of it.
  const [known, other] = a.iso ? [a, b] : b.iso ? [b, a] : [undefined, undefined];
  if (known && other) {
    const parts = keyParts(other.key);
    if (known.precision === 'day') {
      const day = new Date(`${known.iso!.slice(0, 10)}T12:00:00Z`);
      if (parts.weekday !== undefined) return day.getUTCDay() === parts.weekday;
      if (parts.month !== undefined && parts.day !== undefined) return day.getUTCMonth() + 1 === parts.month && day.getUTCDate() === parts.day;
      if (parts.month !== undefined) return day.getUTCMonth() + 1 === parts.month;
      return true;
    }
    if (known.precision === 'month' && parts.month !== undefined) return Number(known.iso!.slice(5, 7)) === parts.month;
    return true;
  }
  const kind = (k: string) => k.split(':')[0];
  if (kind(a.key) === kind(b.key)) return a.key === b.key;
  const pa = keyParts(a.key);
  const pb = keyParts(b.key);
  if (pa.month !== undefined && pb.month !== undefined) return pa.month === pb.month;
  return true; // an unresolved weekday and a month cannot be compared: no evidence either way
}

/** What a date key states: 'weekday:3', 'date:09-29', 'date:2021-09-29', 'month:9', 'month:2021-9'. */
function keyParts(key: string): { weekday?: number; month?: number; day?: number } {
  const [kind, value = ''] = key.split(':');
  if (kind === 'weekday') return { weekday: Number(value) };
  if (kind === 'date') {
    const parts = value.split('-').map(Number);
    return { month: parts[parts.length - 2], day: parts[parts.length - 1] };
  }
  if (kind === 'month') return { month: Number(value.split('-').pop()) };
  return {};
}

/**
 * The venue: "in the Turkish capital", or a place governed by "in"/"at" after the trigger ("received X in Tehran");
 * for visits also "to"/"arrived in". Places before the trigger are usually the topic ("the crises in Iraq and Syria").
 * Cities beat countries.
 */
const VENUE_OF = /\b(?:in|at|to)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}?(?:city|town|resort|capital|port|village|region|enclave|island)\s+of\s+(\p{Lu}[\p{L}-]+)|\b(?:in|at|to)\s+\p{Lu}[\p{L}-]+['’]s\s+(?:[\p{Ll}-]+\s+){0,2}?(\p{Lu}[\p{L}-]{2,})(?=[\s,.;)])|\b(?:in|at)\s+the\s+(?:[\p{Ll}-]+\s+){1,3}of\s+(\p{Lu}[\p{L}-]{2,})(?=['’]s\s)/gu;
/**
 * Words before a place that make it the topic ("the situation in Syria", "cooperation on Iraq", "the situation in
 * Syria's Idlib province"); refine.ts reads it again once the article's accounts are known.
 */
export const TOPIC_BEFORE = new RegExp(`\\b(?:${alternation(pack.topicNouns)})\\s+(?:in|on|over|about|around|with|for|of|from|into|to)\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}-]*['’]s\\s+|[\\p{L}-]+\\s+)?$`, 'iu');

/** A preposition of place right before a venue: English and the languages of the pages readers save. */
const VENUE_GOVERNED = /(?:^|[\s(])(?:in|at|to|inside|into|em|no|na|nel|nella|alla|в|во|на|di|au|à|im|in der)\s+(?:the\s+|o\s+|il\s+|la\s+|le\s+)?(?:\p{Lu}[\p{L}-]+['’]s\s+)?(?:[\p{Ll}-]+\s+){0,2}$/iu;

function placeOf(text: string, offset: number, triggerAt: number, kind: EventKind, mentions: ParticipantMention[], trigger = ''): EventAccount['place'] {
  // "the Tokyo summit", "their Sochi meeting": a city named right before the event noun is where it was held (a
  // country there is usually whose summit it was: "the Japan-Korea summit").
  if (kind === 'summit' || /^(?:summit|meeting|talks)\b/i.test(trigger)) {
    const before = mentions.find((m) => m.kind === 'place' && m.range.end <= triggerAt && /^\s+$/.test(text.slice(m.range.end - offset, triggerAt - offset)) && !countryOf(m.name));
    if (before) return { name: before.name, range: before.range };
  }
  const capital = CAPITAL_PHRASE.exec(text);
  if (capital && offset + capital.index >= triggerAt - 40) {
    const city = capitalOf(capital[1]);
    if (city) return { name: city, range: { start: offset + capital.index, end: offset + capital.index + capital[0].length } };
  }
  // "talks in the Kremlin", "at the Filoli estate", "a Pequim": a venue or a city the venue pack knows, governed by a
  // preposition ("the Kremlin said" is an actor, not a place).
  for (const v of venuesIn(text)) {
    if (offset + v.index < triggerAt - 40) continue;
    if (!VENUE_GOVERNED.test(text.slice(Math.max(0, v.index - 24), v.index))) continue;
    return { name: v.name, range: { start: offset + v.index, end: offset + v.index + v.name.length } };
  }
  // "in the Black Sea resort of Sochi", "in the Russian city of Kazan", "in Russia's Sochi", "in the courtyard of
  // Budapest's presidential palace": a venue the entity layer may not know as a place.
  for (const m of text.matchAll(VENUE_OF)) {
    if (offset + m.index! < triggerAt - 40) continue;
    // "the situation in Syria's Idlib province": the topic, not the venue.
    if (TOPIC_BEFORE.test(text.slice(Math.max(0, m.index! - 40), m.index! + m[0].search(/\s/) + 1))) continue;
    const name = m[1] ?? m[2] ?? m[3];
    if (countryOf(name)) continue;
    // "a visit to Russia's President Putin": a person the sentence names is not a venue.
    const at0 = offset + m.index! + m[0].lastIndexOf(name);
    if (mentions.some((x) => x.kind === 'person' && x.range.start <= at0 && at0 < x.range.end)) continue;
    const at = offset + m.index! + m[0].lastIndexOf(name);
    return { name, range: { start: at, end: at + name.length } };
  }
  const candidates = mentions
    .filter((m) => m.kind === 'place' && m.range.start >= triggerAt - (kind === 'visit' ? 20 : 0))
    .filter((m) => !TOPIC_BEFORE.test(text.slice(Math.max(0, m.range.start - offset - 40), m.range.start - offset)))
    // A country far from the verb is usually what was discussed, not where ("… talks on trade and the war in Syria").
    .filter((m) => !countryOf(m.name) || m.range.start - triggerAt <= 60 || kind === 'visit')
    .map((p) => {
      const before = text.slice(Math.max(0, p.range.start - offset - 12), p.range.start - offset);
      const governed = /\b(?:in|at)\s+(?:the\s+)?$/i.test(before) ? 2 : kind === 'visit' && /\b(?:to|in|into|visit(?:ed|ing|s)?)\s+(?:the\s+)?$/i.test(before) ? 2 : 0;
      const city = countryOf(p.name) ? 0 : 1;
      return { p, score: governed * 2 + city, distance: p.range.start - triggerAt };
    })
    .filter((c) => c.score >= 2)
    .sort((a, b) => b.score - a.score || a.distance - b.distance);
  const best = candidates[0]?.p;
  return best ? { name: best.name, range: best.range } : undefined;
}

/** "ANKARA - …", "TEHRAN (Tasnim) - …": where the story was filed. */
function datelinePlace(analysis: Analysis): EventAccount['place'] {
  // The dateline opens one of the first paragraphs (a standfirst may come before it).
  for (const paragraph of analysis.article.paragraphs.slice(0, 3)) {
    const first = analysis.article.sentences[paragraph.firstSentence];
    const m = /^([\p{Lu}][\p{Lu} .'-]{2,30}?)\s*(?:,[^-–—(]{1,30})?\s*(?:\([^)]{1,40}\))?\s*[-–—]\s/u.exec(analysis.article.text.slice(first.range.start, first.range.end));
    if (!m) continue;
    const name = m[1].trim().toLowerCase().replace(/(?:^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
    return { name, range: { start: first.range.start, end: first.range.start + m[1].trim().length } };
  }
  return undefined;
}

function nearest(dates: EventDate[], at: number): EventDate | undefined {
  let best: EventDate | undefined;
  for (const d of dates) if (!best || Math.abs(d.range.start - at) < Math.abs(best.range.start - at)) best = d;
  return best;
}

function uniqueByKey(mentions: ParticipantMention[]): ParticipantMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => (seen.has(m.key) ? false : (seen.add(m.key), true)));
}

// Accounts of meeting-like events in one article: who met whom, where, when, of what kind, and the sentences
// the article spends on it. Participants and places come from the entity layer through a small interface, so
// this module only knows about events.

import rulePack from '../rules/meetings.yaml';
import { Analysis } from '../analyse';
import { TextRange } from '../types';
import { capitalOf } from './places';

export type EventKind = 'meeting' | 'visit' | 'call' | 'press-conference' | 'summit';
export type EventStatus = 'past' | 'ongoing' | 'scheduled';

/** A person, organisation or place mentioned in a sentence, as the entity layer resolved it. */
export interface ParticipantMention {
  /** Cross-document entity key (stable, e.g. 'person:mevlut cavusoglu'). */
  key: string;
  name: string;
  kind: 'person' | 'organisation' | 'place';
  range: TextRange;
  /** The role as written in this article ("Turkish Foreign Minister"), if any. */
  title?: string;
}

export interface EventDate {
  /** Resolved calendar date (YYYY-MM-DD) when the article's publication date allowed it. */
  iso?: string;
  precision?: 'day' | 'week' | 'month' | 'year';
  /** Comparable form even when unresolved ('weekday:6', 'month:8'). */
  key: string;
  text: string;
  range: TextRange;
}

export interface EventAccount {
  /** `${uri}#${offset}`: stable for the same text. */
  id: string;
  uri: string;
  kind: EventKind;
  status: EventStatus;
  participants: ParticipantMention[];
  place?: { name: string; range?: TextRange };
  date?: EventDate;
  trigger: { text: string; range: TextRange };
  /** From the first to the last sentence of the account. */
  span: TextRange;
  sentences: number[];
}

interface RawPack {
  triggers: { kind: EventKind; pattern: string }[];
  scheduled: string;
  ongoing: string;
  capitalPhrase: string;
}

const pack = rulePack as RawPack;
const TRIGGERS = pack.triggers.map((t) => ({ kind: t.kind, pattern: new RegExp(t.pattern, 'i') }));
const SCHEDULED = new RegExp(pack.scheduled, 'i');
const ONGOING = new RegExp(pack.ongoing, 'i');
const CAPITAL_PHRASE = new RegExp(pack.capitalPhrase);
const PRONOUN_START = /^\s*(?:["“]?\s*)?(?:he|she|they|the two|both|the (?:minister|president|general|officials?|ministers|leaders|sides))\b/i;

/** The first trigger in a sentence, checked in rule-pack order (calls before meetings: "met by phone" is a call). */
function findTrigger(text: string): { kind: EventKind; match: RegExpExecArray } | undefined {
  for (const t of TRIGGERS) {
    const match = t.pattern.exec(text);
    if (match) return { kind: t.kind, match };
  }
  return undefined;
}

export function extractAccounts(analysis: Analysis, mentionsBySentence: ParticipantMention[][]): EventAccount[] {
  const { article } = analysis;
  const accounts: EventAccount[] = [];
  let current: EventAccount | undefined;
  let quiet = 0; // sentences since the current account was last mentioned
  let lastPerson: ParticipantMention | undefined;
  const datesBySentence = new Map<number, EventDate>();
  for (const t of analysis.times) {
    if (t.kind === 'event-relative' || t.kind === 'year' || datesBySentence.has(t.sentence)) continue;
    datesBySentence.set(t.sentence, { iso: t.resolved?.iso, precision: t.resolved?.precision, key: t.key, text: t.text, range: t.range });
  }

  article.sentences.forEach((sentence, index) => {
    const text = article.text.slice(sentence.range.start, sentence.range.end);
    const mentions = mentionsBySentence[index] ?? [];
    const people = mentions.filter((m) => m.kind === 'person');
    const trigger = findTrigger(text);
    if (trigger) {
      const participants = uniqueByKey(people);
      if (participants.length < 2 && lastPerson && PRONOUN_START.test(text) && !participants.some((p) => p.key === lastPerson!.key)) {
        participants.unshift(lastPerson);
      }
      const needed = trigger.kind === 'visit' || trigger.kind === 'summit' ? 1 : 2;
      if (participants.length >= needed) {
        const place = placeOf(text, sentence.range.start, mentions);
        const date = datesBySentence.get(index);
        const account: EventAccount = {
          id: `${article.uri}#${sentence.range.start}`,
          uri: article.uri,
          kind: trigger.kind,
          status: SCHEDULED.test(text) ? 'scheduled' : ONGOING.test(text) ? 'ongoing' : 'past',
          participants,
          place,
          date,
          trigger: { text: trigger.match[0], range: { start: sentence.range.start + trigger.match.index, end: sentence.range.start + trigger.match.index + trigger.match[0].length } },
          span: { ...sentence.range },
          sentences: [index],
        };
        if (current && continues(current, account)) {
          absorb(current, account);
        } else {
          current = account;
          accounts.push(account);
        }
        quiet = 0;
        if (people.length) lastPerson = people[people.length - 1];
        return;
      }
    }
    if (current) {
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
    if (people.length) lastPerson = people[people.length - 1];
  });
  return accounts;
}

/** A later trigger sentence about the same participants, kind, place and day continues the account. */
function continues(current: EventAccount, next: EventAccount): boolean {
  if (!kindsCompatible(current.kind, next.kind)) return false;
  if (!next.participants.some((p) => current.participants.some((q) => q.key === p.key))) return false;
  if (current.place && next.place && current.place.name !== next.place.name) return false;
  if (current.date && next.date && !datesCompatible(current.date, next.date)) return false;
  // A new person on another day or in another place is another meeting of the same visit.
  const newPeople = next.participants.filter((p) => !current.participants.some((q) => q.key === p.key));
  return newPeople.length === 0 || (!next.date && !next.place && next.kind !== 'meeting');
}

function absorb(into: EventAccount, other: EventAccount): void {
  for (const p of other.participants) if (!into.participants.some((q) => q.key === p.key)) into.participants.push(p);
  into.place ??= other.place;
  into.date ??= other.date;
  if (into.kind === 'visit' && other.kind === 'meeting') into.kind = 'meeting';
  into.sentences.push(...other.sentences);
  into.span.end = other.span.end;
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
  const kind = (k: string) => k.split(':')[0];
  if (kind(a.key) === kind(b.key)) return a.key === b.key;
  return true; // an unresolved weekday and a month cannot be compared: no evidence either way
}

function placeOf(text: string, offset: number, mentions: ParticipantMention[]): EventAccount['place'] {
  const capital = CAPITAL_PHRASE.exec(text);
  if (capital) {
    const city = capitalOf(capital[1]);
    if (city) return { name: city, range: { start: offset + capital.index, end: offset + capital.index + capital[0].length } };
  }
  const places = mentions.filter((m) => m.kind === 'place');
  // Prefer a place governed by "in", "to" or "at" ("in Tehran", "visit to Ankara") over a demonym ("Turkish").
  for (const p of places) {
    const before = text.slice(Math.max(0, p.range.start - offset - 8), p.range.start - offset);
    if (/\b(?:in|to|at|into)\s+(?:the\s+)?$/i.test(before)) return { name: p.name, range: p.range };
  }
  return undefined;
}

function uniqueByKey(mentions: ParticipantMention[]): ParticipantMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => (seen.has(m.key) ? false : (seen.add(m.key), true)));
}

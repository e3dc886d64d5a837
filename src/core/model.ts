// The data the core computes: one article's analysis and everything in it. Pure types, no behaviour; every
// analysis module and every rule imports these, never the module that computes them (no import circles).

import type { Article, Finding, TextRange } from './types';

export * from './types';

export interface Analysis {
  article: Article;
  times: TimeExpression[];
  figures: Figure[];
  /** People, organisations and places, with titles. */
  mentions: Mention[];
  /** Accounts of meetings, visits and calls in this article. */
  accounts: EventAccount[];
  /** Quotations, who says what, and the claims nobody is cited for. */
  sourcing: Sourcing;
  /** Findings about this article alone (structure, headline, sourcing): computed here, where the work is parallel. */
  findings: Finding[];
  /** What the article reports, as the event index weighs it (computed here, where the work is parallel and cached). */
  event: EventProfile;
}

// events/profile
export type EventType = 'disaster' | 'attack' | 'arrest' | 'trial' | 'deal' | 'election' | 'announcement' | 'meeting' | 'death' | 'sport' | 'other';

export interface EventProfile {
  uri: string;
  /** Publication date (YYYY-MM-DD), when known. */
  published?: string;
  type: EventType;
  /** The trigger word that gave the type away, and where. */
  trigger?: { text: string; start: number; end: number };
  /** Feature -> raw weight (term frequency with the headline and lead counted up). */
  features: Map<string, number>;
  /** Years the lead names (a 2008 story and a 2012 story of the same kind are different events). */
  years: number[];
  /** A short human label: the headline, or the first words. */
  label: string;
}

// figures/extract
export type FigureKind = 'count' | 'money' | 'percent' | 'ordinal' | 'duration' | 'age' | 'fraction' | 'range';

export type Qualifier = 'exact' | 'about' | 'more than' | 'at least' | 'up to' | 'less than' | 'nearly';

export interface Figure {
  range: TextRange;
  text: string;
  sentence: number;
  kind: FigureKind;
  value: number;
  /** Upper bound of a range ("20 to 30"). */
  high?: number;
  /** The whole of a fraction ("32 of 208" -> 208). */
  of?: number;
  qualifier: Qualifier;
  /** How the qualifier was written ("some", "over"), for messages. */
  qualifierText?: string;
  /** Vague by nature ("dozens", "hundreds"): never the basis of a conflict. */
  vague: boolean;
  /** 'USD', 'EUR', 'percent', 'year', 'day', … */
  unit?: string;
  /** Head noun of what is counted, lower-case ("terrorists", "diplomats"). */
  counted?: string;
  countedRange?: TextRange;
  /** The verb the figure hangs on ("killed", "arrested"), lower-case. */
  verb?: string;
}

// time/extract
export type TimePrecision = 'day' | 'week' | 'month' | 'year';

export type TimeKind = 'weekday' | 'date' | 'month' | 'year' | 'relative' | 'event-relative';

export type Tense = 'past' | 'future' | 'unknown';

export interface TimeExpression {
  range: TextRange;
  text: string;
  sentence: number;
  kind: TimeKind;
  /** Comparable even when unresolved: two accounts that both say "on Saturday" share 'weekday:6'. */
  key: string;
  resolved?: { iso: string; precision: TimePrecision; end?: string };
  tense: Tense;
  qualifier?: 'early' | 'late' | 'mid';
}

// people/recognise
export type EntityKind = 'person' | 'organisation' | 'place';

export interface Role {
  /** Normalised office ('foreign minister', 'president', 'chief of staff', …). */
  office?: string;
  /** The country the role is of, by its news name ('Turkey'). */
  country?: string;
  /** A rank ('general', 'major general'): a facet compatible with any office. */
  rank?: string;
  qualifier?: string;
}

export interface Mention {
  range: TextRange;
  /** The name as written ("Mevlüt Çavuşoğlu"), or the description ("the top Iranian diplomat"). */
  text: string;
  kind: EntityKind;
  /** Article-level key: 'person:cavusoglu', 'place:ankara', 'organisation:revolutionary guards'. */
  key: string;
  sentence: number;
  role?: Role;
  /** The title words as written ("Turkish Foreign Minister", "Turkey's foreign minister"). */
  roleText?: string;
  roleRange?: TextRange;
  /** A description that stands for a person, resolved to one within the article. */
  descriptive?: boolean;
  confidence: number;
}

// meetings/extract
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
  /** The role read from the title: office and country ("foreign minister", "China"). */
  role?: { office?: string; country?: string };
  /** A participant named by role only ("his Chinese counterpart"): the role it stands for, unresolved in the article. */
  roleOnly?: boolean;
  /** How a participant named by role was resolved to a person ("named as Chinese Foreign Minister in this article"). */
  resolvedBy?: string;
  /** A lone word the article never names in full: it links two accounts only through a name given in full. */
  weak?: boolean;
  /** A second key the same person goes by: the family name written first ("Xi Jinping" is also 'person:xi'). */
  alt?: string;
}

export interface EventDate {
  /** Resolved calendar date (YYYY-MM-DD) when the article's publication date allowed it. */
  iso?: string;
  precision?: 'day' | 'week' | 'month' | 'year';
  /** Comparable form even when unresolved ('weekday:6', 'month:8'). */
  key: string;
  text: string;
  range: TextRange;
  /** How the date was found when it is not simply printed with its year ("the page prints no date; …"). */
  how?: string;
  /**
   * The day under the other reading of a publication date printed both ways ("04-2-2024": 4 February or 2 April),
   * for a day counted from it ("on Tuesday"): the accounts of other outlets may tell which reading is right.
   */
  alt?: string;
}

export interface EventAccount {
  /** `${uri}#${offset}`: stable for the same text. */
  id: string;
  uri: string;
  kind: EventKind;
  status: EventStatus;
  participants: ParticipantMention[];
  /** `dateline`: the place is the story's dateline (where it was filed), not a venue the account's sentences name. */
  place?: { name: string; range?: TextRange; dateline?: boolean };
  date?: EventDate;
  trigger: { text: string; range: TextRange };
  /** From the first to the last sentence of the account's first mention. */
  span: TextRange;
  /**
   * Every passage of the article about this meeting (the headline, the lead, a later paragraph): one meeting told
   * in several places of one article is one account with several spans. The first is `span`.
   */
  spans: TextRange[];
  sentences: number[];
  /**
   * The year the article is about when it prints no publication date: the latest year it mentions. Two undated
   * accounts of the same people from articles about different years are different meetings.
   */
  era?: number;
  /** The era is the year of this account's day (inferred from a weekday), not only the latest year mentioned. */
  eraExact?: boolean;
  /**
   * The article’s most frequent content words (lower case, four letters or more): what it is about. Chooses, for an
   * account that nothing dates, between meetings of the same people in different years.
   */
  topics?: string[];
}

// sourcing/extract
export type SourceType = 'named-person' | 'named-institution' | 'state-media' | 'anonymous' | 'none';

export interface Source {
  name: string;
  type: SourceType;
  range?: TextRange;
  /** Entity key when the source is a recognised person or organisation. */
  key?: string;
}

export interface Quote {
  /** Including the quote marks (or the whole paragraph for a block quote). */
  range: TextRange;
  content: string;
  kind: 'direct' | 'scare' | 'block';
  speaker?: Source;
  /**
   * Why a quotation without a named speaker still has one the reader can see, if it does: introduced by a colon
   * ("Cruz continued:"), a speech verb with a pronoun or common-noun subject ("…,” the senator said"), the
   * quotation before it continuing, the person the previous paragraph is about; or it is no speech at all (a
   * title, a fragment woven into the writer's sentence). Only a quotation with none of these is unattributed.
   */
  implicit?: 'colon' | 'speech verb' | 'continues' | 'previous paragraph' | 'fragment' | 'title';
}

export interface Attribution {
  sentence: number;
  source: Source;
  cue: string;
  cueRange: TextRange;
  /** Carried over from an earlier sentence ("He added …", the next paragraph of a quote). */
  inherited: boolean;
}

export interface Claim {
  sentence: number;
  kind: string;
  trigger: string;
  triggerRange: TextRange;
}

export interface Sourcing {
  quotes: Quote[];
  attributions: Attribution[];
  claims: Claim[];
}


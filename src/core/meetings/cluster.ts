// Groups event accounts from all articles into real-world meetings, incrementally and deterministically.
//
// Two accounts are the same meeting when their kinds are compatible, they share at least two participants (or one,
// when one account names a single participant and place or day agree), and nothing they state disagrees: place,
// day, and — when neither gives a day — publication dates within two weeks. Clustering is complete-link and greedy
// over accounts in id order, so the same corpus always gives the same meetings. Only accounts reachable through
// shared participants from a changed article are re-clustered.

import { contentHash } from '../hash';
import { TextRange } from '../types';
import { accountKindsCompatible, datesCompatible, EventAccount, EventDate, EventKind, EventStatus, ParticipantMention, participantsMatch, spansOf } from './extract';
import { isRegion, samePlace } from './places';

export interface MeetingParticipant {
  key: string;
  name: string;
  /** Title each account used for this participant. */
  titles: { uri: string; title: string }[];
  /** Where an account named this participant by role only, and why that role is taken to be this person. */
  byRole: { uri: string; written: string; range: TextRange; why: string }[];
  /** The participant's second key (family name first). */
  alt?: string;
}

export interface Meeting {
  id: string;
  kind: EventKind;
  status: EventStatus;
  accounts: EventAccount[];
  participants: MeetingParticipant[];
  place?: string;
  date?: EventDate;
}

const MAX_UNDATED_DAYS = 14;
/** How many more topic words an undated account must share with one meeting than with another year's to join it. */
const TOPIC_MARGIN = 3;
/** How many of a meeting's accounts a new account must agree with to join it. */
const MAX_LINKED = 40;

export class MeetingIndex {
  private readonly accountsByUri = new Map<string, EventAccount[]>();
  private readonly published = new Map<string, string | undefined>();
  private readonly byParticipant = new Map<string, Set<string>>();
  private readonly accounts = new Map<string, EventAccount>();
  private readonly meetingOf = new Map<string, string>();
  private readonly meetings = new Map<string, Meeting>();
  /** Meetings dissolved or formed since takeChanged() was last called: their findings must be re-checked. */
  private readonly changed = new Set<string>();

  /** Replaces one article's accounts and re-clusters what they touch. */
  update(uri: string, accounts: EventAccount[], published: string | undefined): void {
    const affected = this.detach(uri);
    this.register(uri, accounts, published);
    for (const a of accounts) affected.add(a.id);
    this.recluster(this.expand(affected));
  }

  /** Re-clusters everything from scratch (after a cold index, so the result never depends on arrival order). */
  rebuild(): void {
    for (const id of this.meetings.keys()) this.changed.add(id);
    this.meetings.clear();
    this.meetingOf.clear();
    this.recluster(new Set(this.accounts.keys()));
  }

  /** Adds or replaces an article's accounts without clustering; call rebuild() after a batch. */
  stage(uri: string, accounts: EventAccount[], published: string | undefined): void {
    this.unstage(uri);
    this.register(uri, accounts, published);
  }

  /** Removes an article's accounts without clustering (a batch of removals would otherwise re-cluster each time). */
  unstage(uri: string): void {
    for (const a of this.accountsByUri.get(uri) ?? []) {
      this.unlink(a);
      this.accounts.delete(a.id);
    }
    this.accountsByUri.delete(uri);
    this.published.delete(uri);
  }

  /** Removes an account from the by-participant table, and a participant nobody else has (names churn with edits). */
  private unlink(account: EventAccount): void {
    for (const k of blockingKeys(account)) {
      const ids = this.byParticipant.get(k);
      if (!ids) continue;
      ids.delete(account.id);
      if (ids.size === 0) this.byParticipant.delete(k);
    }
  }

  /** Records an article's accounts in the lookup tables (by id, by participant). */
  private register(uri: string, accounts: EventAccount[], published: string | undefined): void {
    this.published.set(uri, published);
    this.accountsByUri.set(uri, accounts);
    for (const a of accounts) {
      this.accounts.set(a.id, a);
      for (const k of blockingKeys(a)) {
        let set = this.byParticipant.get(k);
        if (!set) this.byParticipant.set(k, (set = new Set()));
        set.add(a.id);
      }
    }
  }

  remove(uri: string): void {
    const affected = this.detach(uri);
    this.published.delete(uri);
    this.recluster(this.expand(affected));
  }

  /** Ids of the meetings dissolved or formed since the last call. */
  takeChanged(): string[] {
    const ids = [...this.changed];
    this.changed.clear();
    return ids;
  }

  all(): Meeting[] {
    return [...this.meetings.values()].sort(byDateThenId);
  }

  get(id: string): Meeting | undefined {
    return this.meetings.get(id);
  }

  /** The meetings a participant (by key) took part in, in the order of all(). */
  withParticipant(key: string): Meeting[] {
    const found = new Map<string, Meeting>();
    for (const accountId of this.byParticipant.get(key) ?? []) {
      const meeting = this.meetings.get(this.meetingOf.get(accountId) ?? '');
      if (meeting) found.set(meeting.id, meeting);
    }
    return [...found.values()].sort(byDateThenId);
  }

  /** The meeting whose account covers this offset of this article. */
  at(uri: string, offset: number): { meeting: Meeting; account: EventAccount } | undefined {
    // Spans can nest (a visit's account runs over the clause about another meeting): the narrowest one wins.
    let best: { meeting: Meeting; account: EventAccount } | undefined;
    let bestWidth = Infinity;
    for (const account of this.accountsByUri.get(uri) ?? []) {
      for (const span of spansOf(account)) {
        if (offset < span.start || offset > span.end) continue;
        const meeting = this.meetings.get(this.meetingOf.get(account.id) ?? '');
        if (meeting && span.end - span.start < bestWidth) {
          best = { meeting, account };
          bestWidth = span.end - span.start;
        }
      }
    }
    return best;
  }

  forArticle(uri: string): { meeting: Meeting; account: EventAccount }[] {
    return (this.accountsByUri.get(uri) ?? []).flatMap((account) => {
      const meeting = this.meetings.get(this.meetingOf.get(account.id) ?? '');
      return meeting ? [{ meeting, account }] : [];
    });
  }

  /** Removes an article's accounts; returns the other accounts of the meetings they were in. */
  private detach(uri: string): Set<string> {
    const affected = new Set<string>();
    for (const a of this.accountsByUri.get(uri) ?? []) {
      const meeting = this.meetings.get(this.meetingOf.get(a.id) ?? '');
      if (meeting) {
        for (const other of meeting.accounts) affected.add(other.id);
        this.meetings.delete(meeting.id);
        this.changed.add(meeting.id);
        for (const other of meeting.accounts) this.meetingOf.delete(other.id);
      }
      this.unlink(a);
      this.accounts.delete(a.id);
      affected.delete(a.id);
    }
    this.accountsByUri.delete(uri);
    return affected;
  }

  /** Everything that could cluster differently: accounts sharing a participant with the seeds, and their meetings. */
  private expand(seeds: Set<string>): Set<string> {
    const out = new Set<string>();
    for (const id of seeds) {
      const account = this.accounts.get(id);
      if (!account) continue;
      out.add(id);
      for (const k of blockingKeys(account)) {
        for (const neighbour of this.byParticipant.get(k) ?? []) {
          out.add(neighbour);
          const meeting = this.meetings.get(this.meetingOf.get(neighbour) ?? '');
          if (meeting) for (const member of meeting.accounts) out.add(member.id);
        }
      }
    }
    return out;
  }

  private recluster(ids: Set<string>): void {
    for (const id of ids) {
      const meeting = this.meetings.get(this.meetingOf.get(id) ?? '');
      if (meeting) {
        this.meetings.delete(meeting.id);
        this.changed.add(meeting.id);
      }
      this.meetingOf.delete(id);
    }
    // Accounts that state their day seed the meetings, then the others in id order: an undated account joins the
    // meeting its people, place and weekday fit, instead of gathering the dated ones of different years behind it.
    const anchored = (a: EventAccount) => (a.date?.iso && a.date.precision === 'day' ? 0 : 1);
    const ordered = [...ids].map((id) => this.accounts.get(id)).filter((a): a is EventAccount => !!a).sort((a, b) => anchored(a) - anchored(b) || compareIds(a.id, b.id));
    const groups: EventAccount[][] = [];
    // Blocking: only groups that share a participant can take an account, so a large corpus is not compared pairwise.
    const groupsByKey = new Map<string, number[]>();
    const alone = new Set<number>();
    for (const account of ordered) {
      const candidates = new Set<number>();
      const keys = blockingKeys(account);
      for (const k of keys) for (const g of groupsByKey.get(k) ?? []) candidates.add(g);
      // Complete link, against a meeting's first accounts only: a story reprinted a thousand times would otherwise
      // cost a million comparisons, and the first accounts already pin the meeting's people, place and day.
      const open = [...candidates].filter((g) => !alone.has(g)).sort((a, b) => a - b);
      const agrees = (g: number) => groups[g].slice(0, MAX_LINKED).every((member) => this.sameMeeting(member, account));
      // Only an account nothing dates chooses among all the meetings it fits; the others take the first.
      const first = this.unanchored(account) ? undefined : open.find(agrees);
      const fits = this.unanchored(account) ? open.filter(agrees) : first === undefined ? [] : [first];
      const home = fits.length > 1 && this.unanchored(account) ? this.byTopic(account, fits.map((g) => groups[g])) : 0;
      const index = home === undefined ? groups.push([]) - 1 : fits[home] ?? groups.push([]) - 1;
      // An account nothing dates that could be any of several years' meetings stays on its own: what joined it later
      // would be joining a guess.
      if (home === undefined) alone.add(index);
      groups[index].push(account);
      for (const k of keys) {
        const list = groupsByKey.get(k) ?? [];
        if (list[list.length - 1] !== index) list.push(index);
        groupsByKey.set(k, list);
      }
    }
    for (const group of groups) {
      const meeting = summarise(group);
      this.meetings.set(meeting.id, meeting);
      this.changed.add(meeting.id);
      for (const a of group) this.meetingOf.set(a.id, meeting.id);
    }
  }

  /** Nothing dates the account: no day of its own, no publication date, no year the page mentions. */
  private unanchored(a: EventAccount): boolean {
    return !a.date?.iso && !this.published.get(a.uri) && !a.era;
  }

  /** The years a meeting's accounts give (their days, else their articles' publication years). */
  private yearsOf(group: EventAccount[]): Set<string> {
    const years = new Set<string>();
    for (const a of group) {
      const iso = a.date?.iso && a.date.precision !== 'year' ? a.date.iso : this.published.get(a.uri);
      if (iso) years.add(iso.slice(0, 4));
      else if (a.eraExact && a.era) years.add(String(a.era));
    }
    return years;
  }

  /**
   * An account nothing dates fits meetings of the same people in different years ("Erdogan arrived in Sochi for
   * talks with Putin" on a page that prints no year): it joins the one whose articles talk about what its article
   * talks about, by a clear margin — else none, rather than the first. Meetings of one year are one choice (the first).
   * Returns the index into `fits`, or undefined for none.
   */
  private byTopic(account: EventAccount, fits: EventAccount[][]): number | undefined {
    const years = fits.map((g) => this.yearsOf(g));
    // A meeting nothing dates either is no evidence of another year; it is taken only when no dated one fits.
    const dated = fits.map((_, i) => i).filter((i) => years[i].size > 0);
    if (dated.length === 0) return 0;
    if (new Set(dated.flatMap((i) => [...years[i]])).size <= 1) return dated[0];
    // Only words that one year's meetings use and the other years' do not tell them apart (a large meeting's
    // articles share more words with anything).
    const mine = new Set(account.topics ?? []);
    const wordsOf = dated.map((i) => new Set(fits[i].flatMap((a) => a.topics ?? [])));
    const score = (k: number) => {
      const i = dated[k];
      let n = 0;
      for (const w of mine) if (wordsOf[k].has(w) && !dated.some((j, l) => [...years[j]].some((y) => !years[i].has(y)) && wordsOf[l].has(w))) n++;
      return n;
    };
    // The best must beat every meeting of another year by the margin.
    const scores = new Map(dated.map((i, k) => [i, score(k)]));
    const best = dated.reduce((x, y) => (scores.get(y)! > scores.get(x)! ? y : x));
    const rival = Math.max(0, ...dated.filter((i) => [...years[i]].some((y) => !years[best].has(y))).map((i) => scores.get(i)!));
    return scores.get(best)! >= rival + TOPIC_MARGIN ? best : undefined;
  }


  /**
   * Accounts that disagree on the day by one or two days, from articles published within three days of each other,
   * are one meeting reported with a wrong day (a `date-conflict`), not two meetings — when place and people agree.
   */
  private nearlySameDay(a: EventAccount, b: EventAccount): boolean {
    const pa = this.published.get(a.uri);
    const pb = this.published.get(b.uri);
    if (!pa || !pb || Math.abs(Date.parse(pa) - Date.parse(pb)) > 3 * 86_400_000) return false;
    if (!a.date?.iso || !b.date?.iso || a.date.precision !== 'day' || b.date.precision !== 'day') return false;
    if (Math.abs(Date.parse(a.date.iso) - Date.parse(b.date.iso)) > 2 * 86_400_000) return false;
    // An article that itself tells a meeting of these people on the other day tells two meetings on two days (a
    // dinner on the eve, the talks the next day), not one it got the day of.
    return !this.toldOnDay(a, b.date.iso) && !this.toldOnDay(b, a.date.iso);
  }

  /**
   * A visit lasts more than a day: an account of it dated to one day and another outlet's that gives only the weekday
   * after or before (a page that prints no date: "arrived on Sunday" / "talks on Monday") are one visit, in one place
   * with the same people — unless an article tells a meeting of these people on the other day.
   */
  private visitDays(a: EventAccount, b: EventAccount): boolean {
    if (a.kind !== 'visit' && b.kind !== 'visit') return false;
    const [day, weekday] = a.date?.iso && a.date.precision === 'day' && !b.date?.iso ? [a, b] : b.date?.iso && b.date.precision === 'day' && !a.date?.iso ? [b, a] : [undefined, undefined];
    const w = weekday?.date?.key.match(/^weekday:(\d)$/);
    if (!day?.date?.iso || !w) return false;
    const at = new Date(`${day.date.iso.slice(0, 10)}T12:00:00Z`);
    const apart = (Number(w[1]) - at.getUTCDay() + 7) % 7;
    if (apart !== 1 && apart !== 6) return false;
    const other = new Date(at.getTime() + (apart === 1 ? 1 : -1) * 86_400_000).toISOString().slice(0, 10);
    return !this.toldOnDay(day, other);
  }

  /**
   * A state visit told by one outlet on the day of arrival and by another on the day of the talks: one of them a
   * visit, the two days next to each other, no place that tells them apart (one names none, or a country), and no
   * article telling a meeting of these people on the other day.
   */
  private visitNextDay(a: EventAccount, b: EventAccount): boolean {
    if (a.kind !== 'visit' && b.kind !== 'visit') return false;
    if (!a.date?.iso || !b.date?.iso || a.date.precision !== 'day' || b.date.precision !== 'day') return false;
    if (Math.abs(Date.parse(a.date.iso) - Date.parse(b.date.iso)) !== 86_400_000) return false;
    const loose = (x: EventAccount) => !x.place || isRegion(x.place.name) || !!x.place.dateline;
    if (!loose(a) && !loose(b)) return false;
    return !this.toldOnDay(a, b.date.iso) && !this.toldOnDay(b, a.date.iso);
  }

  /** Whether another account of this account's article, with a participant in common, is dated to this day. */
  private toldOnDay(account: EventAccount, iso: string): boolean {
    return (this.accountsByUri.get(account.uri) ?? []).some(
      (o) => o !== account && o.date?.iso === iso && o.date.precision === 'day' && o.participants.some((p) => account.participants.some((q) => sameParticipant(p, q))),
    );
  }

  sameMeeting(a: EventAccount, b: EventAccount): boolean {
    return this.whyNotSame(a, b) === undefined;
  }

  /**
   * Why two accounts are not one meeting: the first test they fail and the values that failed it, or undefined when
   * they are one. For diagnostics (the real-text eval counts missed pairs by `test`).
   */
  whyNotSame(a: EventAccount, b: EventAccount): { test: string; detail?: string } | undefined {
    const no = (test: string, detail?: string) => ({ test, detail });
    if (a.uri === b.uri) return no('same article'); // one article's accounts were already merged when they were the same event
    if (!accountKindsCompatible(a, b)) return no('kinds', `${a.kind}/${b.kind}`);
    // A participant named by role only ("the Chinese foreign minister") matches a named one of that role.
    // Two lone words ("Previous", "Moon") are no evidence that two articles saw the same people meet.
    const shared = a.participants.filter((p) => b.participants.some((q) => sameParticipant(p, q) && !(p.weak && q.weak))).length;
    if (shared === 0) return no('no shared participant');
    const placeKnownSame = !!a.place && !!b.place && samePlace(a.place.name, b.place.name);
    // Two cities disagree; a country is often what the talks were about, or the country of the city, so it only
    // counts as agreement, never against ("Russia" and "Sochi").
    // A dateline is where the story was filed: like a country, it agrees with a venue but never keeps one apart
    // ("NEW DELHI —" over talks in Moscow).
    const firm = (x: EventAccount) => !!x.place && !x.place.dateline && !isRegion(x.place.name);
    if (a.place && b.place && !placeKnownSame && firm(a) && firm(b)) return no('places', `${a.place.name}/${b.place.name}`);
    if (a.date && b.date && !datesAgree(a.date, b.date) && !(shared >= 2 && placeKnownSame && (this.nearlySameDay(a, b) || this.visitDays(a, b))) && !(shared >= 2 && this.visitNextDay(a, b))) return no('dates', `${a.date.iso ?? a.date.key}/${b.date.iso ?? b.date.key}`);
    // The same day or month, not the same year: "in 1999" in two articles about one person is no evidence of one visit.
    const coarse = (d: EventDate) => d.precision === 'year' || (!d.iso && /^year:/.test(d.key));
    const dayKnownSame = !!a.date && !!b.date && !coarse(a.date) && !coarse(b.date) && (a.date.iso && b.date.iso ? a.date.iso === b.date.iso : a.date.key === b.date.key);
    if (!(a.date?.iso && b.date?.iso)) {
      // An account without a day is anchored at its article's date: it reports something recent. Against the other
      // article's date, or the other account's own day ("last week" in one, "a day after" in another, weeks apart).
      const pa = this.published.get(a.uri);
      const pb = this.published.get(b.uri);
      const da = a.date?.iso && a.date.precision !== 'year' ? a.date.iso : undefined;
      const db = b.date?.iso && b.date.precision !== 'year' ? b.date.iso : undefined;
      const ta = da ?? pa;
      const tb = db ?? pb;
      // A month is all its days, not its first: "in October" against a page of 18 October is no distance at all.
      const monthLong = (d: string | undefined, x: EventAccount) => (d && x.date?.precision === 'month' ? 30 * 86_400_000 : 0);
      const apart = ta && tb ? Date.parse(tb) - Date.parse(ta) : 0;
      const gap = apart >= 0 ? Math.max(0, apart - monthLong(da, a)) : Math.max(0, -apart - monthLong(db, b));
      if (ta && tb && gap > MAX_UNDATED_DAYS * 86_400_000) return no('undated, anchors apart', `${ta}/${tb}`);
      if (pa && pb && Math.abs(Date.parse(pa) - Date.parse(pb)) > MAX_UNDATED_DAYS * 86_400_000 && !da && !db) return no('undated, published apart', `${pa}/${pb}`);
    }
    // Pages without a date: the year they are about (the latest they mention) against the other account's year.
    const yearOf = (x: EventAccount, published: string | undefined) => (x.date?.iso && x.date.precision !== 'year' ? Number(x.date.iso.slice(0, 4)) : published ? Number(published.slice(0, 4)) : undefined);
    const ya = yearOf(a, this.published.get(a.uri));
    const yb = yearOf(b, this.published.get(b.uri));
    // The latest year a page mentions is a lower bound of the year it is about ("since 2014" on a page about 2021),
    // against a day or a publication date; two such pages differ when their latest years do. A year read from a
    // weekday ("Monday, Sept. 4") is the year.
    const eraClash = (x: EventAccount, year: number | undefined, otherEra: EventAccount['era'], otherExact: boolean | undefined): boolean => {
      if (!x.era) return false;
      if (year !== undefined) return x.eraExact ? x.era !== year : year < x.era;
      if (!otherEra) return false;
      if (x.eraExact && otherExact) return x.era !== otherEra;
      if (x.eraExact) return x.era < otherEra;
      if (otherExact) return otherEra < x.era;
      return x.era !== otherEra; // two pages without a date that mention different latest years are about different years
    };
    if ((ya === undefined && eraClash(a, yb, b.era, b.eraExact)) || (yb === undefined && eraClash(b, ya, a.era, a.eraExact))) return no('eras', `${a.era ?? ya}/${b.era ?? yb}`);
    if (shared >= 2) return undefined;
    // One shared person is not enough when one side only wrote a lone two-letter word ("Xi"): it stands for a name
    // given in full elsewhere, but on its own cannot tell one stop of a trip from the next.
    const thin = (p: ParticipantMention) => !!p.weak && p.name.trim().length <= 2;
    const solidShared = a.participants.some((p) => !thin(p) && b.participants.some((q) => !thin(q) && sameParticipant(p, q) && !(p.weak && q.weak)));
    if (!solidShared) return no('one shared participant, a lone two-letter word');
    // A role one account leaves unnamed ("the Kenyan foreign minister") may be the person the other names without a
    // title: with one named person shared and the place or day agreeing, that is the same meeting.
    const unnamedRole = (x: EventAccount, y: EventAccount) =>
      x.participants.some((p) => p.roleOnly && !y.participants.some((q) => participantsMatch(p, q))) &&
      y.participants.some((q) => !q.roleOnly && !q.role?.country && !x.participants.some((p) => participantsMatch(p, q)));
    if (shared === 1 && (unnamedRole(a, b) || unnamedRole(b, a)) && (placeKnownSame || dayKnownSame)) return undefined;
    const single = a.participants.length === 1 || b.participants.length === 1;
    if (single && (placeKnownSame || dayKnownSame)) return undefined;
    return no(single ? 'one shared participant, place and day not known same' : 'one shared participant of several');
  }
}

/**
 * Two days that can be one: datesCompatible, but a week-precision day (the week before a statement or a filed story)
 * against a month or a year is compared by that month or year, not as if it were the month's first day.
 */
function datesAgree(a: EventDate, b: EventDate): boolean {
  // A day counted from a publication date printed both ways agrees under either reading.
  if (a.alt && datesAgreeOnce({ ...a, iso: a.alt, alt: undefined }, b)) return true;
  if (b.alt && datesAgreeOnce(a, { ...b, iso: b.alt, alt: undefined })) return true;
  return datesAgreeOnce(a, b);
}

function datesAgreeOnce(a: EventDate, b: EventDate): boolean {
  const week = a.precision === 'week' ? a : b.precision === 'week' ? b : undefined;
  const other = week === a ? b : a;
  if (week?.iso && other.iso && (other.precision === 'month' || other.precision === 'year')) {
    const length = other.precision === 'year' ? 4 : 7;
    const before = new Date(Date.parse(`${week.iso.slice(0, 10)}T12:00:00Z`) - 6 * 86_400_000).toISOString();
    return [week.iso, before].some((d) => d.slice(0, length) === other.iso!.slice(0, length));
  }
  return datesCompatible(a, b);
}

/** The keys an account is found by: its participants (also in Latin letters), and the role each named participant holds. */
function blockingKeys(account: EventAccount): string[] {
  const keys = new Set<string>();
  for (const p of account.participants) {
    keys.add(p.key);
    if (p.alt) keys.add(p.alt);
    for (const k of latinKeys(p.key)) keys.add(k);
    if (p.role?.country) keys.add(roleKey(p));
  }
  return [...keys];
}

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};
/** Russian and Bulgarian case endings a surname takes ("с Путиным", "Эрдогана"), longest first. */
const CASE_ENDINGS = ['ыми', 'ами', 'ями', 'ого', 'ому', 'ым', 'ом', 'ем', 'ой', 'ей', 'ов', 'ев', 'ах', 'ях', 'ам', 'ям', 'а', 'у', 'е', 'ы', 'ю', 'я'];

/**
 * A participant key in Cyrillic ("person:эрдоган", "person:путиным") under the Latin keys the same surname has on
 * an English page: the letters transliterated, and again without a case ending when a stem of four letters or more
 * is left ("путиным" → putinym, putin). Latin keys have none.
 */
function latinKeys(key: string): string[] {
  const colon = key.indexOf(':');
  const prefix = key.slice(0, colon + 1);
  const name = key.slice(colon + 1);
  if (!/\p{Script=Cyrillic}/u.test(name)) return [];
  const latin = (s: string) => [...s].map((c) => CYRILLIC[c] ?? c).join('');
  const out = new Set([prefix + latin(name)]);
  const ending = CASE_ENDINGS.find((e) => name.endsWith(e) && name.length - e.length >= 4);
  if (ending) out.add(prefix + latin(name.slice(0, -ending.length)));
  return [...out];
}

/** One participant: the same key or role (participantsMatch), or one surname in Cyrillic and Latin letters. */
function sameParticipant(p: ParticipantMention, q: ParticipantMention): boolean {
  if (participantsMatch(p, q)) return true;
  const lp = latinKeys(p.key);
  const lq = latinKeys(q.key);
  if (!lp.length && !lq.length) return false;
  const kp = lp.length ? lp : [p.key, ...(p.alt ? [p.alt] : [])];
  const kq = lq.length ? lq : [q.key, ...(q.alt ? [q.alt] : [])];
  return kp.some((k) => kq.includes(k));
}

function roleKey(p: ParticipantMention): string {
  return `role-of:${p.role?.country?.toLowerCase()}`;
}

function byDateThenId(a: Meeting, b: Meeting): number {
  return (a.date?.iso ?? '9999').localeCompare(b.date?.iso ?? '9999') || a.id.localeCompare(b.id);
}

export { samePlace };

function compareIds(a: string, b: string): number {
  const [ua, oa] = splitId(a);
  const [ub, ob] = splitId(b);
  return ua < ub ? -1 : ua > ub ? 1 : oa - ob;
}

function splitId(id: string): [string, number] {
  const hash = id.lastIndexOf('#');
  return [id.slice(0, hash), Number(id.slice(hash + 1))];
}

function summarise(accounts: EventAccount[]): Meeting {
  const participants: MeetingParticipant[] = [];
  const roles: { account: EventAccount; p: ParticipantMention }[] = [];
  for (const a of accounts) {
    for (const p of a.participants) {
      if (p.roleOnly) {
        roles.push({ account: a, p });
        continue;
      }
      let entry = participants.find((x) => x.key === p.key || x.key === p.alt || (!!p.alt && x.alt === p.alt) || x.alt === p.key);
      if (!entry) participants.push((entry = { key: p.key, name: p.name, titles: [], byRole: [], alt: p.alt }));
      if (p.name.length > entry.name.length && !p.resolvedBy) entry.name = p.name; // the fullest spelling
      if (p.title) entry.titles.push({ uri: a.uri, title: p.title });
      if (p.resolvedBy) entry.byRole.push({ uri: a.uri, written: p.title ?? p.name, range: p.range, why: p.resolvedBy });
    }
  }
  // A role named in one account ("the Chinese foreign minister") is the one named participant of the meeting who
  // holds it; with none or several it stays a role.
  for (const { account, p } of roles) {
    const holders = [...new Set(accounts.flatMap((a) => a.participants.filter((q) => !q.roleOnly && participantsMatch(p, q)).map((q) => q.key)))];
    const entry = holders.length === 1 ? participants.find((x) => x.key === holders[0]) : participants.find((x) => x.key === p.key);
    if (entry && holders.length === 1) {
      const other = accounts.find((a) => a.uri !== account.uri && a.participants.some((q) => q.key === entry.key));
      entry.byRole.push({ uri: account.uri, written: p.title ?? p.name, range: p.range, why: `the only ${p.role?.country ?? ''} ${p.role?.office ?? 'participant'} the other accounts of this meeting name${other ? '' : ' (this article)'}`.replace(/\s+/g, ' ') });
      if (p.title) entry.titles.push({ uri: account.uri, title: p.title });
    } else if (entry) {
      if (p.title) entry.titles.push({ uri: account.uri, title: p.title });
    } else {
      participants.push({ key: p.key, name: p.name, titles: p.title ? [{ uri: account.uri, title: p.title }] : [], byRole: [], alt: p.alt });
    }
  }
  const places = accounts.map((a) => a.place?.name).filter((p): p is string => !!p);
  const venues = accounts.filter((a) => a.place && !a.place.dateline).map((a) => a.place!.name);
  const dates = accounts.map((a) => a.date).filter((d): d is EventDate => !!d);
  // A day that holds under one reading of its page's date only yields to one that does not depend on it.
  const date = dates.find((d) => d.iso && d.precision === 'day' && !d.alt) ?? dates.find((d) => d.iso && d.precision === 'day') ?? dates.find((d) => d.iso) ?? dates[0];
  const kinds = accounts.map((a) => a.kind);
  const kind: EventKind = kinds.includes('meeting') ? 'meeting' : kinds[0];
  return {
    id: `m-${contentHash(accounts[0].id).slice(0, 12)}`,
    kind,
    status: accounts.some((a) => a.status === 'past') ? 'past' : accounts[0].status,
    accounts,
    participants,
    place: mostCommon(venues.filter((p) => !isRegion(p))) ?? mostCommon(places.filter((p) => !isRegion(p))) ?? mostCommon(places),
    date,
  };
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (!best || n > counts.get(best)!) best = v;
  return best;
}

/** "Araghchi · Fidan — Ankara, 2024-12-02 (1 account)" */
export function meetingLabel(m: Meeting): string {
  const names = m.participants.map((p) => p.name.split(/\s+/).pop()).join(' · ');
  const day = m.date?.iso ? (m.date.precision === 'month' ? m.date.iso.slice(0, 7) : m.date.precision === 'year' ? m.date.iso.slice(0, 4) : m.date.iso) : m.date?.text;
  const where = [m.place, day].filter(Boolean).join(', ');
  return `${names}${where ? ` — ${where}` : ''} (${m.accounts.length} account${m.accounts.length === 1 ? '' : 's'})`;
}

// Findings that compare the accounts of one meeting (the strongest findings: same event, different outlets)
// and figures that contradict a date anchor the corpus states.

import type { Analysis } from '../model';
import { compatible, Figure } from '../figures/extract';
import { datesCompatible, EventAccount, spansOf } from '../meetings/extract';
import { daysOf } from '../meetings/days';
import { IndexedRule, PartitionedRule } from '../partitions';
import { Finding, TextRange } from '../types';
import { pushTo } from '../groups';
import { outletLabel } from '../outlet';

function outletName(a: Analysis): string {
  return outletLabel(a.article);
}

function inSpan(f: Figure, account: EventAccount): boolean {
  return spansOf(account).some((span) => f.range.start >= span.start && f.range.end <= span.end);
}

function describe(f: Figure): string {
  const q = f.qualifierText ? `${f.qualifierText} ` : '';
  const value = f.kind === 'fraction' ? `${f.value} of ${f.of}` : f.high !== undefined ? `${f.value}–${f.high}` : f.value.toLocaleString('en-US');
  return `${q}${value}${f.counted ? ` ${f.counted}` : ''}`;
}

const MAX_ACCOUNTS_COMPARED = 40;

/** `figure-conflict` and `date-conflict` between the accounts of each meeting, re-checked per changed meeting. */
export const meetingConflicts: IndexedRule = {
  id: 'meeting',
  takeChanged: (corpus) => corpus.meetings().takeChanged(),
  check(id, corpus) {
    const meeting = corpus.meetings().get(id);
    if (!meeting || meeting.accounts.length < 2) return [];
    const findings: Finding[] = [];
    // Pairwise is quadratic: a meeting with hundreds of accounts (a wire story reprinted everywhere) is compared
    // on its first accounts only, which is where a reader would look.
    const accounts = meeting.accounts.slice(0, MAX_ACCOUNTS_COMPARED);
    for (let i = 0; i < accounts.length; i++) {
      for (let j = i + 1; j < accounts.length; j++) {
        const a = accounts[i];
        const b = accounts[j];
        const A = corpus.analysis(a.uri);
        const B = corpus.analysis(b.uri);
        if (!A || !B || a.uri === b.uri) continue;
        findings.push(...figureConflicts(A, a, B, b), ...dateConflicts(A, a, B, b));
      }
    }
    return findings;
  },
};

function figureConflicts(A: Analysis, a: EventAccount, B: Analysis, b: EventAccount): Finding[] {
  const out: Finding[] = [];
  for (const fa of A.figures.filter((f) => inSpan(f, a) && f.counted && !f.vague)) {
    for (const fb of B.figures.filter((f) => inSpan(f, b) && f.counted === fa.counted && f.kind === fa.kind && !f.vague)) {
      // "killed 30" and "wounded 40" count different things; an ordinal numbers the event whatever the verb.
      if (fa.kind !== 'ordinal' && fa.verb && fb.verb && fa.verb !== fb.verb) continue;
      if (fa.kind === 'ordinal' && !sameSeries(A, fa, B, fb)) continue;
      if (compatible(fa, fb)) continue;
      out.push(conflict(A, fa, B, fb), conflict(B, fb, A, fa));
    }
  }
  return out;
}

const SERIES_SKIP = new Set(['to', 'of', 'the', 'a', 'an', 'by', 'for', 'in', 'since', 'at', 'on', 'with', 'as', 'its', 'his', 'her', 'their', 's']);

/**
 * Two ordinals number the same series only when they say the same series: the words between the number and the
 * noun ("the fourth state visit" is not "the first visit") and the first word after it ("the 75th anniversary of
 * the establishment of ties" is not "the 10th anniversary of the initiative"; "first visit to Russia" is not
 * "second foreign visit by Modi"). A negated ordinal ("not his first visit") numbers nothing.
 */
function sameSeries(A: Analysis, fa: Figure, B: Analysis, fb: Figure): boolean {
  const series = (X: Analysis, f: Figure): string | undefined => {
    const text = X.article.text;
    if (/\bnot\s+(?:\S+\s+){0,2}$/iu.test(text.slice(Math.max(0, f.range.start - 30), f.range.start))) return undefined;
    if (!f.countedRange) return undefined;
    const between = text.slice(f.range.end, f.countedRange.start).toLowerCase().trim().replace(/\s+/g, ' ');
    const after = text.slice(f.countedRange.end, f.countedRange.end + 60).split(/[.,;:!?()]/u)[0];
    const next = (after.toLowerCase().match(/\p{L}[\p{L}\d-]*/gu) ?? []).find((w) => !SERIES_SKIP.has(w)) ?? '';
    return `${between}|${next}`;
  };
  const a = series(A, fa);
  return a !== undefined && a === series(B, fb);
}

function conflict(A: Analysis, fa: Figure, B: Analysis, fb: Figure, what = 'for the same meeting'): Finding {
  return {
    // Two numbers for one event's place in a series ("the 22nd meeting" / "the 21st meeting") are inconsistent.
    code: fa.kind === 'ordinal' ? 'figure-inconsistent' : 'figure-conflict',
    severity: 'warning',
    message: `${A.article.meta.outlet ?? 'This article'} gives ${describe(fa)}; ${outletName(B)} gives ${describe(fb)} ${what}.`,
    uri: A.article.uri,
    range: fa.range,
    related: [{ uri: B.article.uri, range: fb.range, message: `${outletName(B)}: ${describe(fb)}` }],
  };
}

function dateConflicts(A: Analysis, a: EventAccount, B: Analysis, b: EventAccount): Finding[] {
  if (!a.date || !b.date) return [];
  const differ =
    a.date.iso && b.date.iso && a.date.precision === 'day' && b.date.precision === 'day'
      ? !daysOf(a.date).some((d) => daysOf(b.date!).includes(d)) // a printed span agrees with any of its days
      : // "16/03" and "March 16, 2023" are the same day: keys of one kind differ only when what both state differs.
        a.date.key.split(':')[0] === b.date.key.split(':')[0] && a.date.key !== b.date.key && !datesCompatible(a.date, b.date);
  if (!differ) return [];
  const say = (d: EventAccount['date']) => `“${d!.text}”${d!.iso ? ` (${d!.iso})` : ''}`;
  const finding = (X: Analysis, x: EventAccount, Y: Analysis, y: EventAccount): Finding => ({
    code: 'date-conflict',
    severity: 'warning',
    message: `This account puts the meeting on ${say(x.date)}; ${outletName(Y)} says ${say(y.date)}.`,
    uri: X.article.uri,
    range: x.date!.range,
    related: [{ uri: Y.article.uri, range: y.date!.range, message: `${outletName(Y)}: ${say(y.date)}` }],
  });
  return [finding(A, a, B, b), finding(B, b, A, a)];
}

const ANCHOR = /\b(war|conflict|crisis|uprising|revolution|insurgency|fighting|civil war)\b[^.;]{0,60}?\b(?:began|started|erupted|broke out|since)\b[^.;]{0,25}?\b((?:19|20)\d{2})\b/i;

type AnchorItem = { kind: 'anchor'; year: number; range: TextRange } | { kind: 'age'; figure: Figure };

/**
 * `figure-inconsistent`: an age that contradicts a start year the corpus states ("the conflict began in 2011",
 * so an article of 2014 cannot call it "six-year-old"). One year of slack for month boundaries. Partitioned by the
 * noun ("war", "crisis"): the first article, in URI order, that dates it is the anchor.
 */
export const anchorInconsistencies: PartitionedRule<AnchorItem> = {
  id: 'anchor',
  contribute(a) {
    const out = new Map<string, AnchorItem[]>();
    const add = (noun: string, item: AnchorItem) => pushTo(out, noun, item);
    for (const s of a.article.sentences) {
      const text = a.article.text.slice(s.range.start, s.range.end);
      const m = ANCHOR.exec(text);
      if (!m) continue;
      const at = s.range.start + m.index + m[0].lastIndexOf(m[2]);
      add(m[1].toLowerCase().replace('civil war', 'war'), { kind: 'anchor', year: Number(m[2]), range: { start: at, end: at + 4 } });
    }
    if (a.article.published) {
      for (const f of a.figures) {
        if (f.kind === 'age' && f.unit === 'year' && f.counted) add(f.counted === 'civil war' ? 'war' : f.counted, { kind: 'age', figure: f });
      }
    }
    return out;
  },
  check(_noun, members, corpus) {
    let anchor: { year: number; uri: string; range: TextRange } | undefined;
    for (const m of members) {
      const found = m.items.find((i) => i.kind === 'anchor');
      if (found?.kind === 'anchor') {
        anchor = { year: found.year, uri: m.analysis.article.uri, range: found.range };
        break;
      }
    }
    if (!anchor) return [];
    const findings: Finding[] = [];
    for (const { analysis: a, items } of members) {
      const published = a.article.published?.iso;
      if (!published) continue;
      for (const item of items) {
        if (item.kind !== 'age') continue;
        const f = item.figure;
        const expected = Number(published.slice(0, 4)) - anchor.year;
        if (Math.abs(f.value - expected) <= 1) continue;
        const source = anchor.uri === a.article.uri ? 'this article' : corpus.get(anchor.uri)?.name ?? 'the corpus';
        findings.push({
          code: 'figure-inconsistent',
          severity: 'warning',
          message: `“${f.text} ${f.counted}” in an article published ${published}, but ${source} dates the ${f.counted} to ${anchor.year} (about ${expected} years).`,
          uri: a.article.uri,
          range: f.range,
          related: [{ uri: anchor.uri, range: anchor.range, message: `The ${f.counted} began in ${anchor.year}` }],
        });
      }
    }
    return findings;
  },
};

const MAX_BUCKET = 200;

interface LooseFigure {
  figure: Figure;
  /** People and places named in the figure's sentence. */
  keys: Set<string>;
}

/**
 * `figure-inconsistent` outside meetings: one article counting the same thing (noun and verb) two incompatible ways
 * in sentences that name at least two of the same people or places. Figures inside accounts of meetings are left to
 * meetingConflicts. Partitioned by what is counted in one article: `uri|kind|noun|verb`. (Two articles' figures are compared within
 * the event both report: findings/events.ts.)
 */
export const looseFigureConflicts: PartitionedRule<LooseFigure> = {
  id: 'figure',
  contribute(analysis) {
    const out = new Map<string, LooseFigure[]>();
    if (!analysis.article.published) return out;
    for (const figure of analysis.figures) {
      // Ordinals only compare within one meeting: "the 6th round" and "the 11th round" are usually different picks.
      if (!figure.counted || figure.vague || figure.kind === 'ordinal' || inAnyAccount(analysis, figure.range.start)) continue;
      const keys = new Set(analysis.mentions.filter((m) => m.sentence === figure.sentence && m.confidence >= 0.6).map((m) => m.key));
      if (keys.size < 2) continue;
      const bucket = `${analysis.article.uri}|${figure.kind}|${figure.counted}|${figure.verb ?? ''}`;
      pushTo(out, bucket, { figure, keys });
    }
    return out;
  },
  check(_bucket, members) {
    const list = members.flatMap(({ analysis, items }) => items.map((item) => ({ analysis, ...item })));
    const out: Finding[] = [];
    if (list.length < 2 || list.length > MAX_BUCKET) return out; // a noun counted everywhere is not one quantity
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i];
        const y = list[j];
        if (x.analysis.article.uri === y.analysis.article.uri) {
          // One article giving two incompatible counts of the same thing, in sentences about the same people and places.
          let sharedHere = 0;
          for (const k of x.keys) if (y.keys.has(k)) sharedHere++;
          if (x.figure.sentence !== y.figure.sentence && sharedHere >= 2 && !compatible(x.figure, y.figure)) {
            out.push({
              code: 'figure-inconsistent',
              severity: 'warning',
              message: `This article gives ${describe(x.figure)} here and ${describe(y.figure)} later for the same event.`,
              uri: x.analysis.article.uri,
              range: x.figure.range,
              related: [{ uri: y.analysis.article.uri, range: y.figure.range, message: `Later: ${describe(y.figure)}` }],
            });
          }
          continue;
        }
        // Across articles, the event grouping (findings/events.ts) compares figures: it knows which articles report one event.
      }
    }
    return out;
  },
};

/** Whether an offset lies in one of the article's meeting accounts (every account belongs to some meeting). */
function inAnyAccount(analysis: Analysis, offset: number): boolean {
  return analysis.accounts.some((a) => spansOf(a).some((span) => offset >= span.start && offset <= span.end));
}

/**
 * `date-conflict` within an article: a past event given a full date after the article was published ("met on
 * 27 November 2016" in an article of 2016-11-20) cannot be right.
 */
export function impossibleDates(a: Analysis): Finding[] {
  const out: Finding[] = [];
  const published = a.article.published?.iso;
  if (!published || a.article.published?.ambiguous) return out;
  for (const t of a.times) {
    // Timestamps ("July 29, 2009 at 12:16 PM") are page furniture (updates, comments), and a day or two is time zones.
    if (t.kind !== 'date' || !/\d{4}/.test(t.text) || /\d:\d/.test(t.text) || t.tense !== 'past' || !t.resolved) continue;
    if (Date.parse(t.resolved.iso) - Date.parse(published) <= 7 * 86_400_000) continue;
    out.push({
      code: 'date-conflict',
      severity: 'warning',
      message: `“${t.text}” (${t.resolved.iso}) is after the article's publication date ${published}, but the sentence reports it as past.`,
      uri: a.article.uri,
      range: t.range,
      related: [],
    });
  }
  return out;
}

// Scores meeting extraction and clustering against the span-only gold of the real meetings corpus
// (test/real/meetings/gold.yaml). Pure: no file access, no analysis; the runner (meetings.ts) feeds it.
//
// Gold: real-world meetings (participants, place, date, split, confusable groups) and, per article, its accounts of
// each meeting as [start, end) spans. Predicted: the analysis' meetings, each with its accounts as spans.
// A predicted account "finds" a gold account when it is in the same article and overlaps one of its spans; each
// predicted account is mapped to the gold account it overlaps most (ties: the earlier gold account).
//
// Metrics, per split (an article's split is its meetings' split; the gold keeps every meeting an article reports
// in one split):
// - pairs: over unordered pairs of the split's articles, "these two articles report a common meeting". Gold: they
//   have accounts of one gold meeting (any role, back-references included). Predicted: one predicted meeting has
//   accounts in both. mainPairs: the same with gold mentions left out, and the predicted accounts whose best gold
//   account is a mention (a predicted account on no gold account still counts).
// - accounts found: gold accounts with an overlapping predicted account.
// - place right: of the found accounts, the predicted meeting's place names the gold place (or an accepted alias;
//   gold null = no place: right when the prediction has none).
// - date right: of the found accounts, the predicted meeting's date falls in the gold range (a month-precision
//   gold date: the same month); when the page gives no way to date the account to the day (datable: false) an empty
//   date, or one of the right month, or a week-precision date within six days, is an honest answer and counts.
// - wrong merges: pairs of different gold meetings sharing a confusable group whose accounts one predicted meeting
//   holds (counted once per predicted meeting and pair); also all merges of different gold meetings.
// - B³ over the split's gold accounts: gold cluster = meeting, system cluster = the predicted meeting of the best
//   overlapping predicted account (a missed account is its own singleton).

export type Split = 'dev' | 'check';

export interface GoldMeeting {
  id: string;
  kind: string;
  participants: string[];
  place: string | null;
  /** Other names that count as the right place ("Nusa Dua" for Bali, "Сочи"). */
  placeAlso?: string[];
  /** YYYY-MM-DD, or YYYY-MM when only the month is known; null when unknown. */
  date: string | null;
  /** Last day of a multi-day visit (inclusive). */
  dateEnd?: string;
  split: Split;
  groups: string[];
}

export interface GoldAccount {
  meeting: string;
  role: 'main' | 'mention';
  /** false when nothing on the page (text, dateline, printed date) dates this account. */
  datable: boolean;
  spans: [number, number][];
}

/** A meeting participant named in an article: the name as printed and the title printed right before it. */
export interface GoldPersonMention {
  name: string;
  span: [number, number];
  title?: [number, number];
}

export interface GoldArticle {
  file: string;
  split: Split;
  accounts: GoldAccount[];
  /** Every mention by name of a gold meeting's participant (not scored here; for the people and title work). */
  people?: GoldPersonMention[];
}

/** Outlets that disagree on a meeting's day: each value with the span that states it. */
export interface GoldConflict {
  kind: 'date';
  meeting: string;
  values: { file: string; span: [number, number]; value: string }[];
}

/** One quantity that several outlets give for one meeting, in wordings that agree (a figure-conflict between them is false). */
export interface GoldFigureGroup {
  meeting: string;
  quantity: string;
  compatible: true;
  values: { file: string; span: [number, number]; value: string }[];
}

export interface MeetingsGold {
  meetings: GoldMeeting[];
  articles: GoldArticle[];
  conflicts?: GoldConflict[];
  figures?: GoldFigureGroup[];
}

/** A date-conflict finding of the analysis: the file it is reported in and the files its related locations name. */
export interface PredictedConflict {
  file: string;
  relatedFiles: string[];
}

export interface ConflictScore {
  gold: number;
  caught: number;
  /** Findings on files that take part in no gold conflict (a proxy for false alarms: the gold lists the disagreements the annotator found). */
  findingsOutsideGold: number;
  findings: number;
  errors: string[];
}

export interface FigureAlarmScore {
  /** Gold groups of agreeing figures in scope. */
  groups: number;
  /** figure-conflict findings whose file and a related file both give a figure of one agreeing group, and overlap them. */
  falseAlarms: number;
  findings: number;
  errors: string[];
}

/** A figure-conflict finding: where it is reported and what its related locations point at. */
export interface PredictedFigureConflict {
  file: string;
  start: number;
  end: number;
  related: { file: string; start: number; end: number }[];
}

/** Counts figure-conflict findings raised between two outlets' figures that the gold marks as agreeing. */
export function scoreFigureAlarms(gold: GoldFigureGroup[], findings: PredictedFigureConflict[], files?: Set<string>): FigureAlarmScore {
  const groups = gold.filter((g) => !files || g.values.some((v) => files.has(v.file)));
  const touches = (v: { file: string; span: [number, number] }, file: string, start: number, end: number): boolean =>
    v.file === file && start < v.span[1] && end > v.span[0];
  const scoped = findings.filter((f) => !files || files.has(f.file));
  const errors: string[] = [];
  let falseAlarms = 0;
  for (const f of scoped) {
    const g = groups.find((gr) => gr.values.some((v) => touches(v, f.file, f.start, f.end)) && f.related.some((r) => gr.values.some((v) => touches(v, r.file, r.start, r.end))));
    if (g) {
      falseAlarms++;
      errors.push(`figure-conflict between agreeing figures (${g.meeting}, ${g.quantity}): ${f.file}`);
    }
  }
  return { groups: groups.length, falseAlarms, findings: scoped.length, errors };
}

/**
 * A gold date conflict is caught when a date-conflict finding sits in a file whose value differs from another
 * file's in that conflict and names (in the file itself or its related locations) a file with the other value.
 */
export function scoreDateConflicts(gold: GoldConflict[], findings: PredictedConflict[], files?: Set<string>): ConflictScore {
  const inScope = (c: GoldConflict): boolean => !files || c.values.some((v) => files.has(v.file));
  const conflicts = gold.filter((c) => c.kind === 'date' && inScope(c));
  const conflictFiles = new Set(conflicts.flatMap((c) => c.values.map((v) => v.file)));
  const errors: string[] = [];
  let caught = 0;
  for (const c of conflicts) {
    const valueOf = new Map(c.values.map((v) => [v.file, v.value]));
    const hit = findings.some((f) => {
      const mine = valueOf.get(f.file);
      return mine !== undefined && f.relatedFiles.some((r) => valueOf.has(r) && valueOf.get(r) !== mine);
    });
    if (hit) caught++;
    else errors.push(`date conflict not reported: ${c.meeting} (${c.values.map((v) => `${v.file} ${v.value}`).join(' / ')})`);
  }
  const scoped = findings.filter((f) => !files || files.has(f.file));
  const outside = scoped.filter((f) => !conflictFiles.has(f.file));
  for (const f of outside) errors.push(`date-conflict on a file with no gold conflict: ${f.file}`);
  return { gold: conflicts.length, caught, findingsOutsideGold: outside.length, findings: scoped.length, errors };
}

export interface PredictedAccount {
  file: string;
  start: number;
  end: number;
  /** The analysis' own id of the account (for the runner's explanations of a missed pair). */
  ref?: string;
}

/** Says why two predicted accounts (in different predicted meetings) were not clustered together: the cause counted
 *  in the table, and the text for the examples. */
export type ExplainSplit = (a: PredictedAccount, b: PredictedAccount) => { cause: string; text: string };

export interface PredictedMeeting {
  id: string;
  place: string | null;
  /** YYYY-MM-DD, YYYY-MM or YYYY by precision, YYYY-MM-DD/w for "that week", or null. */
  date: string | null;
  accounts: PredictedAccount[];
}

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface MeetingsSplitScore {
  split: Split | 'all';
  articles: number;
  meetings: number;
  goldAccounts: number;
  pairs: PRF;
  /** The same over main accounts only: gold mentions (back-references) and the predicted accounts that fall on them are left out. */
  mainPairs: PRF;
  accountsFound: number;
  accountsFoundRate: number | null;
  placeRight: number;
  placeRightRate: number | null;
  dateRight: number;
  dateRightRate: number | null;
  confusableWrongMerges: number;
  wrongMerges: number;
  b3: { precision: number | null; recall: number | null; f1: number | null };
  /** Missed gold pairs by cause (an account not found; found in both but not clustered, and the first test failed). */
  missedPairsWhy: Record<string, number>;
  errors: string[];
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : precision === 0 || recall === 0 ? 0 : null;
  return { tp, fp, fn, precision, recall, f1 };
}

/** Lower case, no diacritics, letters and digits separated by single spaces. */
export function normPlace(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The predicted place names the gold place: equal to it or an alias, or contains one as whole words ("the resort of Sochi"). */
export function placeMatches(gold: GoldMeeting, predicted: string | null): boolean {
  if (gold.place === null) return predicted === null;
  if (predicted === null) return false;
  const got = ` ${normPlace(predicted)} `;
  return [gold.place, ...(gold.placeAlso ?? [])].some((p) => {
    const want = normPlace(p);
    return want.length > 0 && got.includes(` ${want} `);
  });
}

/** The predicted date is right for this gold meeting (see the header for the rule). */
export function dateMatches(gold: GoldMeeting, datable: boolean, predicted: string | null): boolean {
  if (predicted === null) return !datable || gold.date === null;
  if (gold.date === null) return false;
  const goldMonths = monthsOf(gold.date, gold.dateEnd);
  if (predicted.endsWith('/w')) {
    if (datable || gold.date.length !== 10) return false;
    const days = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
    const day = predicted.slice(0, 10);
    return days(day, gold.date) <= 6 || days(day, gold.dateEnd ?? gold.date) <= 6;
  }
  if (predicted.length === 10) {
    if (gold.date.length === 7) return goldMonths.has(predicted.slice(0, 7));
    return predicted >= gold.date && predicted <= (gold.dateEnd ?? gold.date);
  }
  if (predicted.length === 7) return (gold.date.length === 7 || !datable) && goldMonths.has(predicted);
  return false;
}

function monthsOf(from: string, to: string | undefined): Set<string> {
  const out = new Set<string>([from.slice(0, 7)]);
  if (to) out.add(to.slice(0, 7));
  return out;
}

function overlap(a: [number, number], start: number, end: number): number {
  const s = Math.max(a[0], start);
  const e = Math.min(a[1], end);
  // an empty predicted span at a point inside the gold span still touches it
  if (e > s) return e - s;
  return start === end && start >= a[0] && start < a[1] ? 1 : 0;
}

interface GoldAccountRef {
  key: string;
  file: string;
  split: Split;
  account: GoldAccount;
  meeting: GoldMeeting;
}

/** Scores the predicted meetings on one split ('all': the whole corpus). */
export function scoreMeetingsCorpus(gold: MeetingsGold, predicted: PredictedMeeting[], split: Split | 'all', explain?: ExplainSplit): MeetingsSplitScore {
  const meetingById = new Map(gold.meetings.map((m) => [m.id, m]));
  const inSplit = (s: Split): boolean => split === 'all' || s === split;
  const articles = gold.articles.filter((a) => inSplit(a.split));
  const files = new Set(articles.map((a) => a.file));
  const errors: string[] = [];

  // Gold accounts of the split, keyed file#meeting.
  const refs: GoldAccountRef[] = [];
  for (const a of articles) {
    for (const acc of a.accounts) {
      const meeting = meetingById.get(acc.meeting);
      if (!meeting) throw new Error(`gold: ${a.file} names unknown meeting ${acc.meeting}`);
      refs.push({ key: `${a.file}#${acc.meeting}`, file: a.file, split: a.split, account: acc, meeting });
    }
  }
  const refsByFile = new Map<string, GoldAccountRef[]>();
  for (const r of refs) refsByFile.set(r.file, [...(refsByFile.get(r.file) ?? []), r]);

  // Map each predicted account to the gold account it overlaps most.
  const bestPrediction = new Map<string, { meeting: PredictedMeeting; account: PredictedAccount; overlap: number }>(); // gold key -> predicted
  const goldOfPredictedAccount = new Map<PredictedAccount, GoldAccountRef>();
  for (const pm of predicted) {
    for (const pa of pm.accounts) {
      let best: { ref: GoldAccountRef; ov: number } | undefined;
      for (const ref of refsByFile.get(pa.file) ?? []) {
        const ov = Math.max(0, ...ref.account.spans.map((s) => overlap(s, pa.start, pa.end)));
        if (ov > 0 && (!best || ov > best.ov)) best = { ref, ov };
        if (ov > 0) {
          const cur = bestPrediction.get(ref.key);
          if (!cur || ov > cur.overlap) bestPrediction.set(ref.key, { meeting: pm, account: pa, overlap: ov });
        }
      }
      if (best) goldOfPredictedAccount.set(pa, best.ref);
    }
  }

  // Accounts, place, date.
  let found = 0;
  let placeRight = 0;
  let dateRight = 0;
  for (const r of refs) {
    const hit = bestPrediction.get(r.key);
    if (!hit) {
      errors.push(`missed account: ${r.key}`);
      continue;
    }
    found++;
    if (placeMatches(r.meeting, hit.meeting.place)) placeRight++;
    else errors.push(`place: ${r.key}: got ${JSON.stringify(hit.meeting.place)}, want ${JSON.stringify(r.meeting.place)}`);
    if (dateMatches(r.meeting, r.account.datable, hit.meeting.date)) dateRight++;
    else errors.push(`date: ${r.key}: got ${hit.meeting.date ?? 'none'}, want ${r.meeting.date ?? 'none'}${r.account.datable ? '' : ' (or none)'}`);
  }

  // Why a gold pair was missed: an account not found at all, or both found and left in two predicted meetings.
  const missedWhy = new Map<string, number>();
  const whyMissed = (fa: string, fb: string, goldOf: Map<string, Set<string>>): { kind: string; text: string } => {
    const shared = [...(goldOf.get(fa) ?? [])].filter((m) => goldOf.get(fb)?.has(m));
    const texts: string[] = [];
    let kind = '';
    for (const m of shared) {
      const ha = bestPrediction.get(`${fa}#${m}`);
      const hb = bestPrediction.get(`${fb}#${m}`);
      if (!ha || !hb) {
        texts.push(`${m}: account not found in ${[!ha ? fa.slice(0, 3) : '', !hb ? fb.slice(0, 3) : ''].filter(Boolean).join(' and ')}`);
        kind ||= 'an account not found';
        continue;
      }
      const reason = explain ? explain(ha.account, hb.account) : { cause: 'not clustered', text: 'not clustered' };
      texts.push(`${m}: found in both, not clustered (${reason.text})`);
      kind = `not clustered: ${reason.cause}`;
    }
    return { kind, text: texts.join('; ') };
  };

  // Pairwise over the split's articles (all accounts; main accounts only).
  const pairScore = (mainOnly: boolean, log: boolean): PRF => {
    const goldMeetingsOf = new Map<string, Set<string>>();
    for (const a of articles) goldMeetingsOf.set(a.file, new Set(a.accounts.filter((x) => !mainOnly || x.role === 'main').map((x) => x.meeting)));
    const predMeetingsOf = new Map<string, Set<string>>();
    for (const pm of predicted) {
      for (const pa of pm.accounts) {
        if (!files.has(pa.file)) continue;
        if (mainOnly && goldOfPredictedAccount.get(pa)?.account.role === 'mention') continue;
        predMeetingsOf.set(pa.file, (predMeetingsOf.get(pa.file) ?? new Set()).add(pm.id));
      }
    }
    const fileList = [...files].sort();
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const intersects = (x: Set<string> | undefined, y: Set<string> | undefined): boolean => !!x && !!y && [...x].some((v) => y.has(v));
    for (let i = 0; i < fileList.length; i++) {
      for (let j = i + 1; j < fileList.length; j++) {
        const g = intersects(goldMeetingsOf.get(fileList[i]), goldMeetingsOf.get(fileList[j]));
        const p = intersects(predMeetingsOf.get(fileList[i]), predMeetingsOf.get(fileList[j]));
        if (g && p) tp++;
        else if (p) {
          fp++;
          if (log) errors.push(`pair linked wrongly: ${fileList[i]} + ${fileList[j]}`);
        } else if (g) {
          fn++;
          if (log) {
            const why = whyMissed(fileList[i], fileList[j], goldMeetingsOf);
            missedWhy.set(why.kind, (missedWhy.get(why.kind) ?? 0) + 1);
            errors.push(`pair not linked: ${fileList[i]} / ${fileList[j]}: ${why.text}`);
          }
        }
      }
    }
    return prf(tp, fp, fn);
  };
  const pairs = pairScore(false, true);
  const mainPairs = pairScore(true, false);

  // Merges of different gold meetings in one predicted meeting.
  let confusableWrongMerges = 0;
  let wrongMerges = 0;
  for (const pm of predicted) {
    const golds = new Map<string, GoldMeeting>();
    for (const pa of pm.accounts) {
      const ref = goldOfPredictedAccount.get(pa);
      if (ref) golds.set(ref.meeting.id, ref.meeting);
    }
    const list = [...golds.values()].sort((a, b) => a.id.localeCompare(b.id));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (!inSplit(list[i].split) && !inSplit(list[j].split)) continue;
        wrongMerges++;
        const shared = list[i].groups.filter((g) => list[j].groups.includes(g));
        if (shared.length > 0) {
          confusableWrongMerges++;
          errors.push(`confusable meetings merged (${shared.join(', ')}): ${list[i].id} + ${list[j].id}`);
        } else errors.push(`meetings merged: ${list[i].id} + ${list[j].id}`);
      }
    }
  }

  // B³ over gold accounts.
  const sysOf = (r: GoldAccountRef): string => bestPrediction.get(r.key)?.meeting.id ?? `missed:${r.key}`;
  let bp = 0;
  let br = 0;
  for (const r of refs) {
    const sys = refs.filter((x) => sysOf(x) === sysOf(r));
    const gld = refs.filter((x) => x.meeting.id === r.meeting.id);
    const both = sys.filter((x) => x.meeting.id === r.meeting.id).length;
    bp += both / sys.length;
    br += both / gld.length;
  }
  const b3p = refs.length ? bp / refs.length : null;
  const b3r = refs.length ? br / refs.length : null;
  const b3f = b3p !== null && b3r !== null && b3p + b3r > 0 ? (2 * b3p * b3r) / (b3p + b3r) : null;

  const rate = (n: number, d: number): number | null => (d > 0 ? n / d : null);
  return {
    split,
    articles: articles.length,
    meetings: gold.meetings.filter((m) => inSplit(m.split)).length,
    goldAccounts: refs.length,
    pairs,
    mainPairs,
    accountsFound: found,
    accountsFoundRate: rate(found, refs.length),
    placeRight,
    placeRightRate: rate(placeRight, found),
    dateRight,
    dateRightRate: rate(dateRight, found),
    confusableWrongMerges,
    wrongMerges,
    b3: { precision: b3p, recall: b3r, f1: b3f },
    missedPairsWhy: Object.fromEntries([...missedWhy].sort((x, y) => y[1] - x[1])),
    errors,
  };
}

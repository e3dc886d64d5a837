// Corpus 1: ECB+ train/dev topics (../shared/corpora/ecbplus, gold-dev.json; CC BY 3.0, Cybulska and Vossen 2014).
//
// Only the 772 articles of gold-dev.json are analysed (the other topics are held out). Figures:
//
// - Person names. Gold: mentions of `isPerson` clusters marked `selected`, in selected sentences, that are proper
//   names: the mention has a *name token*, i.e. a word that starts with a capital letter, is not a pronoun,
//   determiner or title word (TITLE_WORDS below), and is either not the first word of its sentence or never written
//   in lower case anywhere in these 772 articles (so "Driver" at a sentence start is not a name, "Klitschko" is).
//   Predicted: the analysis' person mentions (not descriptions; confidence ≥ 0.6 or grouped into an entity, as in
//   `npm run eval`) that start in a selected sentence. A prediction matches a gold mention when the spans overlap AND
//   they share a name token (case- and diacritic-folded); matching is one-to-one, largest overlap first. The headline
//   (sentence 0) is scored only where ECB+ selected it, and reported separately.
//   Precision is a lower bound: ECB+ annotates only the participants of its annotated events, so a real person name
//   outside them counts as false. "precision on annotated spans" counts only predictions that overlap any gold
//   entity mention of any type (a person, place, organisation, time…): among those, how many are persons.
//   A capital says nothing at a sentence start or in a title-case line (isTitleCase: "Woman Killed In Crash, Driver
//   Charged"); there a word is a name token only if these texts write it with a capital mid-sentence at least as often
//   as in lower case (lowercaseVocabulary), so "Driver" and "Police" are not names and "Felt" (Mark Felt) is.
//   SOURCELENS_EVAL_DUMP=<file> writes every missed and extra name with its context there (for tuning; never commit it).
// - Person linking (B³) over the gold proper-name mentions the analysis found: gold cluster = ECB+ cross-document
//   cluster, system cluster = the analysis' entity (EntityIndex.of). Detection misses are left out (they are in
//   recall above), so this scores linking alone.
// - Events: B³ of the 772 articles against `documentClusters`. The system grouping is pluggable (EVENT_GROUPINGS):
//   today "meetings" links two articles when they hold accounts of one meeting (connected components; an article
//   with no meeting is a singleton). Baselines: every article alone, and every article of a topic together.
// - Meetings invented: there are no diplomatic meetings in ECB+, so every meeting with accounts from 2+ articles is
//   false; per 100 articles. And findings per 100 articles for every code.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../core/corpus';
import { meetingLabel } from '../../core/meetings/cluster';
import { foldText } from '../../core/fold';
import { analyseTexts, findingsTable, per100, RealCorpus, round, RunContext, seededSample, splitOf, Table } from './framework';
import { bcubed, Counts, matchSpans, pairwise, prf, PRF } from './scoring';

interface GoldMention {
  file: string;
  start: number;
  end: number;
  text: string;
  selected: boolean;
}

interface GoldCluster {
  id: string;
  type: string;
  isPerson?: boolean;
  mentions: GoldMention[];
}

export interface EcbGold {
  documents: { file: string; topic: number; cluster: string; headline: string; sentences: { start: number; end: number; selected: boolean }[] }[];
  documentClusters: { id: string; files: string[] }[];
  entityClusters: GoldCluster[];
}

/**
 * An event grouping: article file name -> group id (articles not in the map are singletons). The events helper adds
 * its own entry here; `npm run eval:real` scores every registered grouping.
 */
export type EventGrouping = (corpus: Corpus, uriOf: Map<string, string>) => Map<string, string>;

export const EVENT_GROUPINGS: Record<string, EventGrouping> = {
  meetings: groupByMeetings,
  events: groupByEvents,
};

/** The corpus' own event index (core/events): the event each article reports. */
export function groupByEvents(corpus: Corpus, uriOf: Map<string, string>): Map<string, string> {
  const events = corpus.events();
  return new Map([...uriOf].map(([f, u]) => [f, events.of(u)?.id ?? f]));
}

/** Articles that hold accounts of one meeting are one event (transitively). */
export function groupByMeetings(corpus: Corpus, uriOf: Map<string, string>): Map<string, string> {
  const fileOf = new Map([...uriOf].map(([f, u]) => [u, f]));
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const f of uriOf.keys()) parent.set(f, f);
  for (const m of corpus.meetings().all()) {
    const files = [...new Set(m.accounts.map((a) => fileOf.get(a.uri)).filter((f): f is string => !!f))];
    for (const f of files.slice(1)) parent.set(find(f), find(files[0]));
  }
  return new Map([...uriOf.keys()].map((f) => [f, find(f)]));
}

const TITLE_WORDS = new Set(
  ('mr mrs ms miss dr sir lady lord president vice gov governor sen senator rep representative judge justice pope king queen prince princess ' +
    'minister prime chief general gen sgt sergeant officer detective coach mayor sheriff secretary attorney lt capt captain col colonel ' +
    'st saint rev reverend chairman ceo director agent deputy commissioner inspector lieutenant major admiral private corporal ' +
    'former late new the a an his her their its our my your this that these those he she they him them it we us i you who whom').split(' '),
);

const WORD = /\p{L}[\p{L}'’.-]*/gu;

function words(text: string): { word: string; at: number }[] {
  // Possessive 's and contractions ("I'm", "they're") come off: what is left is the word itself.
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0].replace(/['’](?:s|m|re|ll|ve|d)$/iu, '').replace(/[.'’-]+$/u, ''), at: m.index! }));
}

const fold = (w: string) => foldText(w).toLowerCase();

/**
 * A title-case or all-capitals line ("Woman Killed In Queens Hit-And-Run, Driver Charged"): at least three quarters of
 * its words of four letters or more start with a capital. There a capital says no more than at a sentence start.
 */
export function isTitleCase(line: string): boolean {
  const long = line.match(/\p{L}[\p{L}'’-]{3,}/gu) ?? [];
  return long.length >= 2 && long.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.75 * long.length;
}

/**
 * The head of a mention: its last word before any "of" or after a possessor ("Brooklyn mother of 12" -> "mother",
 * "Mafia boss" -> "boss", "Vincent 'The Chin' Gigante" -> "Gigante", "LaRue's body" -> "LaRue"), folded.
 */
export function headWord(text: string): string {
  const ws = words(text.split(/\s+of\s+/u)[0].split(/(?<=['’]s)\s/u)[0]);
  return ws.length ? fold(ws[ws.length - 1].word) : '';
}

/**
 * Common words: written in lower case somewhere in the texts, and in lower case at least as often as with a capital
 * in the middle of a sentence (after a lower-case word or a comma). It tells a sentence-initial or title-case "Driver"
 * or "Police" from a name that is also a word ("Mark Felt", "Bush": mostly capitalised in these texts).
 */
export function lowercaseVocabulary(texts: Iterable<string>): Set<string> {
  const lower = new Map<string, number>();
  const capital = new Map<string, number>();
  const add = (m: Map<string, number>, w: string) => m.set(w, (m.get(w) ?? 0) + 1);
  for (const t of texts) {
    for (const m of t.matchAll(/(?<![\p{L}])\p{Ll}[\p{L}'’-]*/gu)) add(lower, fold(m[0].replace(/['’]s$/u, '')));
    // Mid-sentence capitals: after a lower-case word or a comma on the same line (title-case lines rarely qualify).
    for (const m of t.matchAll(/(?<=[\p{Ll},;][ \t]+)\p{Lu}[\p{L}'’-]*/gu)) add(capital, fold(m[0].replace(/['’]s$/u, '')));
  }
  return new Set([...lower].filter(([w, n]) => n >= (capital.get(w) ?? 0)).map(([w]) => w));
}

/** The name tokens (folded) of a span of text, per the rule in the header. */
export function nameTokens(text: string, spanStart: number, sentenceStart: number, lowercase: Set<string>, titleCase = false, docText?: string): string[] {
  const out: string[] = [];
  for (const { word, at } of words(text)) {
    if (!/^\p{Lu}/u.test(word)) continue;
    const f = fold(word);
    if (TITLE_WORDS.has(f.replace(/\.$/, ''))) continue;
    // In a title-case or all-capitals line every word is capitalised, as a sentence's first word is; so is a word in
    // capitals ("A MAN was held").
    // With the document's text, a word after opening quotes or after a colon ("Cumbria murder: Son held") starts too.
    const prefix = docText !== undefined && sentenceStart >= 0 ? docText.slice(sentenceStart, spanStart + at) : undefined;
    const opens = prefix !== undefined && (/^[^\p{L}\d]*$/u.test(prefix) || /:\s*["“'‘]?$/u.test(prefix));
    const sentenceInitial = titleCase || spanStart + at === sentenceStart || opens || (word.length > 1 && word === word.toUpperCase());
    if (sentenceInitial && lowercase.has(f)) continue;
    out.push(f);
  }
  return out;
}

interface Scored extends Counts {
  annotatedTp: number;
  annotatedFp: number;
}

export function ecbplusDir(ctx: RunContext): string {
  const candidates = [process.env.SOURCELENS_ECBPLUS_DIR, path.join(ctx.root, 'ecbplus'), path.resolve(ctx.repo, '..', 'shared', 'corpora', 'ecbplus')];
  return candidates.find((d) => !!d && existsSync(path.join(d, 'gold-dev.json'))) ?? candidates[2]!;
}

export const corpus: RealCorpus = {
  name: 'ecbplus',
  title: 'ECB+ train/dev topics (772 articles; CC BY 3.0, Cybulska and Vossen 2014)',
  available: (ctx) => (existsSync(path.join(ecbplusDir(ctx), 'gold-dev.json')) ? true : `no gold-dev.json in ${ecbplusDir(ctx)}`),
  howToGet: () =>
    'ECB+ ships with the shared corpora: ../shared/corpora/ecbplus (doc-NNNN.txt + gold-dev.json, see ../shared/corpora/README.md).\n' +
    'Elsewhere, set SOURCELENS_ECBPLUS_DIR to a folder holding them, or copy them to $SOURCELENS_REAL_DIR/ecbplus.',
  run: async (ctx) => runEcb(ctx),
};

async function runEcb(ctx: RunContext): Promise<{ tables: Table[]; json: unknown }> {
  const dir = ecbplusDir(ctx);
  const gold = JSON.parse(readFileSync(path.join(dir, 'gold-dev.json'), 'utf8')) as EcbGold;
  let documents = gold.documents;
  if (ctx.split === 'dev' || ctx.split === 'check') documents = documents.filter((d) => splitOf(`topic ${d.topic}`) === ctx.split);
  if (ctx.limit) documents = seededSample(documents, ctx.limit).sort((a, b) => a.file.localeCompare(b.file));
  const texts = new Map(documents.map((d) => [d.file, readFileSync(path.join(dir, d.file), 'utf8')]));
  const started = Date.now();
  const { corpus: c, uriOf } = analyseTexts(documents.map((d) => ({ name: d.file, text: texts.get(d.file)! })), '/eval-real/ecbplus');
  ctx.log(`ecbplus: analysed ${documents.length} articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Alignment check: every gold mention's text must be the file's text at its offsets.
  let misaligned = 0;
  for (const cl of gold.entityClusters) for (const m of cl.mentions) if (texts.has(m.file) && texts.get(m.file)!.slice(m.start, m.end) !== m.text) misaligned++;
  if (misaligned) ctx.log(`ecbplus: ${misaligned} gold mentions do not match the text at their offsets`);
  const lowercase = lowercaseVocabulary(texts.values());
  const docOf = new Map(documents.map((d) => [d.file, d]));
  const entities = c.entities();

  // Gold mentions by file, with their cluster; proper-name person mentions in selected sentences.
  const droppedByCase: string[] = [];
  type G = GoldMention & { cluster: string; person: boolean; names: string[]; sentence: number };
  const goldByFile = new Map<string, G[]>();
  for (const cl of gold.entityClusters) {
    for (const m of cl.mentions) {
      const doc = docOf.get(m.file);
      if (!doc) continue;
      const sentence = doc.sentences.findIndex((s) => m.start >= s.start && m.start < s.end);
      if (sentence < 0) continue;
      const s = doc.sentences[sentence];
      const titleCase = isTitleCase(texts.get(m.file)!.slice(s.start, s.end));
      let names = nameTokens(m.text, m.start, s.start, lowercase, titleCase, texts.get(m.file));
      // "Mafia boss", "Brooklyn mother of 12", "Millom man": a name as a modifier of a common noun is no proper name.
      // A title word as the head is a surname after a name ("Billy King").
      const head = headWord(m.text);
      if (!names.includes(head) && !(TITLE_WORDS.has(head) && names.length > 0)) names = [];
      if (process.env.SOURCELENS_EVAL_DUMP && cl.isPerson && m.selected && s.selected && names.length === 0 && nameTokens(m.text, m.start, s.start, lowercase).length > 0) droppedByCase.push(`${m.file} ${JSON.stringify(m.text)}`);
      const g: G = { ...m, cluster: cl.id, person: !!cl.isPerson, names, sentence };
      const list = goldByFile.get(m.file) ?? [];
      list.push(g);
      goldByFile.set(m.file, list);
    }
  }

  const body: Scored = { tp: 0, fp: 0, fn: 0, annotatedTp: 0, annotatedFp: 0 };
  const head: Scored = { tp: 0, fp: 0, fn: 0, annotatedTp: 0, annotatedFp: 0 };
  // dev/check by topic (an event's articles share a topic, so nothing leaks): name counts per split.
  const splitOfDoc = (d: { topic: number }) => splitOf(`topic ${d.topic}`);
  const bySplit = { dev: { tp: 0, fp: 0, fn: 0 }, check: { tp: 0, fp: 0, fn: 0 } };
  const linkGold = new Map<string, string>();
  const linkSystem = new Map<string, string>();
  const examples: string[] = [];
  const dump: string[] = [];
  for (const doc of documents) {
    const analysis = c.analysis(uriOf.get(doc.file)!)!;
    const text = texts.get(doc.file)!;
    const sentenceOf = (offset: number) => doc.sentences.findIndex((s) => offset >= s.start && offset < s.end);
    const allGold = goldByFile.get(doc.file) ?? [];
    const predicted = analysis.mentions
      .filter((m) => m.kind === 'person' && !m.descriptive && (m.confidence >= 0.6 || entities.of(m)))
      .map((m) => ({ start: m.range.start, end: m.range.end, mention: m, sentence: sentenceOf(m.range.start) }))
      .filter((p) => p.sentence >= 0 && doc.sentences[p.sentence].selected)
      .map((p) => ({ ...p, names: nameTokens(text.slice(p.start, p.end), p.start, doc.sentences[p.sentence].start, new Set()) }));
    const goldNames = allGold.filter((g) => g.person && g.selected && g.names.length > 0 && doc.sentences[g.sentence].selected);
    for (const [part, tally] of [['body', body], ['headline', head]] as const) {
      const inPart = (s: number) => (part === 'headline' ? s === 0 : s > 0);
      const g = goldNames.filter((x) => inPart(x.sentence));
      const p = predicted.filter((x) => inPart(x.sentence));
      const { pairs, missed, extra } = matchSpans(g, p, (a, b) => a.names.some((n) => b.names.includes(n)));
      tally.tp += pairs.length;
      tally.fn += missed.length;
      tally.fp += extra.length;
      const sp = bySplit[splitOfDoc(doc)];
      sp.tp += pairs.length;
      sp.fn += missed.length;
      sp.fp += extra.length;
      for (const [gm, pm] of pairs) {
        const key = `${doc.file}:${gm.start}`;
        linkGold.set(key, gm.cluster);
        const e = entities.of(pm.mention);
        if (e) linkSystem.set(key, e.id);
      }
      // Precision on annotated spans: predictions that overlap any gold entity mention of any type.
      for (const x of p) {
        const hits = allGold.filter((y) => y.selected && y.start < x.end && x.start < y.end);
        if (!hits.length) continue;
        if (hits.some((y) => y.person)) tally.annotatedTp++;
        else tally.annotatedFp++;
      }
      if (process.env.SOURCELENS_EVAL_DUMP) {
        const ctxOf = (a: { start: number; end: number }) => JSON.stringify(text.slice(Math.max(0, a.start - 50), a.start) + '[[' + text.slice(a.start, a.end) + ']]' + text.slice(a.end, a.end + 50));
        for (const m of missed) dump.push(`${splitOfDoc(doc)} ${doc.file} ${part} MISS ${JSON.stringify(m.text)} ${ctxOf(m)}`);
        for (const m of extra) dump.push(`${splitOfDoc(doc)} ${doc.file} ${part} EXTRA ${JSON.stringify(text.slice(m.start, m.end))} conf=${m.mention.confidence} ${ctxOf(m)}`);
      }
      if (examples.length < ctx.examples * 2) {
        for (const m of missed.slice(0, 1)) examples.push(`${doc.file} ${part}: missed ${JSON.stringify(m.text)}`);
        for (const m of extra.slice(0, 1)) examples.push(`${doc.file} ${part}: extra ${JSON.stringify(text.slice(m.start, m.end))}`);
      }
    }
  }
  if (process.env.SOURCELENS_EVAL_DUMP) writeFileSync(process.env.SOURCELENS_EVAL_DUMP, dump.join('\n') + '\nDROPPED ' + droppedByCase.join('\nDROPPED ') + '\n');
  const all: Scored = { tp: body.tp + head.tp, fp: body.fp + head.fp, fn: body.fn + head.fn, annotatedTp: body.annotatedTp + head.annotatedTp, annotatedFp: body.annotatedFp + head.annotatedFp };
  const nameRow = (label: string, s: Scored) => {
    const r = prf(s);
    const ann = s.annotatedTp + s.annotatedFp ? s.annotatedTp / (s.annotatedTp + s.annotatedFp) : null;
    return [label, s.tp + s.fn, s.tp + s.fp, r.precision, r.recall, r.f1, ann];
  };
  const names: Table = {
    title: 'ECB+ person names (proper-name mentions of isPerson clusters, selected sentences)',
    columns: ['part', 'gold', 'predicted', 'precision', 'recall', 'F1', 'precision on annotated spans'],
    rows: [nameRow('all', all), nameRow('body', body), nameRow('headlines (where selected)', head)].map(roundRow),
    note: 'match = overlapping spans sharing a name token, one-to-one; precision is a lower bound (only event participants are annotated)',
    examples: examples.slice(0, ctx.examples),
  };

  const link = bcubed(linkGold, linkSystem);
  const linkPairs = pairwise(linkGold, linkSystem);
  const fileOfKey = (k: string) => k.slice(0, k.lastIndexOf(':'));
  const crossPairs = pairwise(linkGold, linkSystem, (a, b) => fileOfKey(a) !== fileOfKey(b));
  const linking: Table = {
    title: 'ECB+ person linking across articles (found proper-name mentions)',
    columns: ['measure', 'precision', 'recall', 'F1', 'items'],
    rows: [
      ['B³', link.precision, link.recall, link.f1, link.items],
      ['pairwise', linkPairs.precision, linkPairs.recall, linkPairs.f1, linkPairs.tp + linkPairs.fn],
      ['pairwise, across articles only', crossPairs.precision, crossPairs.recall, crossPairs.f1, crossPairs.tp + crossPairs.fn],
    ].map(roundRow),
    note: 'gold = ECB+ entity cluster, system = the analysis\' entity; B³ items = mentions, pairwise items = gold same-person pairs',
  };

  const goldEvents = new Map(documents.map((d) => [d.file, d.cluster]));
  const eventRows: (string | number | null)[][] = [];
  const eventJson: Record<string, PRF & { pairwise: PRF }> = {};
  const groupings: Record<string, EventGrouping> = {
    ...EVENT_GROUPINGS,
    'baseline: every article alone': (_c, u) => new Map([...u.keys()].map((f) => [f, f])),
    'baseline: one event per topic': (_c, u) => new Map([...u.keys()].map((f) => [f, `topic ${docOf.get(f)!.topic}`])),
  };
  const eventExamples: string[] = [];
  for (const [name, group] of Object.entries(groupings)) {
    const system = group(c, uriOf);
    if (name in EVENT_GROUPINGS) {
      // Examples: system groups that join articles of different gold events.
      const members = new Map<string, string[]>();
      for (const [f, g] of system) members.set(g, [...(members.get(g) ?? []), f]);
      for (const files of members.values()) {
        const events = [...new Set(files.map((f) => goldEvents.get(f)))];
        if (events.length > 1 && eventExamples.length < ctx.examples) eventExamples.push(`${name}: ${files.slice(0, 6).join(' ')}${files.length > 6 ? ' …' : ''} joins events ${events.join(', ')}`);
      }
    }
    const b = bcubed(goldEvents, system);
    const pw = pairwise(goldEvents, system);
    eventRows.push(roundRow([name, b.precision, b.recall, b.f1, pw.precision, pw.recall, pw.f1]));
    eventJson[name] = { precision: b.precision, recall: b.recall, f1: b.f1, pairwise: { precision: pw.precision, recall: pw.recall, f1: pw.f1 } };
  }
  const events: Table = {
    title: `ECB+ grouping of articles into events (${new Set(goldEvents.values()).size} gold events)`,
    columns: ['grouping', 'B³ P', 'B³ R', 'B³ F1', 'pair P', 'pair R', 'pair F1'],
    rows: eventRows,
    note: 'register another grouping in EVENT_GROUPINGS (src/tools/evalReal/ecbplus.ts)',
    examples: eventExamples,
  };

  const splits = (['dev', 'check'] as const).filter((sp) => documents.some((d) => splitOfDoc(d) === sp));
  const eventsSystem = groupByEvents(c, uriOf);
  const eventsIn = (sp: 'dev' | 'check') => {
    const files = new Set(documents.filter((d) => splitOfDoc(d) === sp).map((d) => d.file));
    return bcubed(new Map([...goldEvents].filter(([f]) => files.has(f))), eventsSystem).f1;
  };
  const splitTable: Table = {
    title: 'ECB+ figures by split (dev/check by topic, splitOf in framework.ts)',
    columns: ['figure', ...splits],
    rows: [
      ['articles', ...splits.map((sp) => documents.filter((d) => splitOfDoc(d) === sp).length)],
      ['person names P', ...splits.map((sp) => prf(bySplit[sp]).precision)],
      ['person names R', ...splits.map((sp) => prf(bySplit[sp]).recall)],
      ['events B³ F1', ...splits.map((sp) => eventsIn(sp))],
    ].map(roundRow),
    note: 'tune on dev; look at check when a change is done',
  };
  const meetings = c.meetings().all();
  const multi = meetings.filter((m) => new Set(m.accounts.map((a) => a.uri)).size >= 2);
  const meetingTable: Table = {
    title: 'ECB+ meetings (there are no diplomatic meetings in ECB+: all are false)',
    columns: ['what', 'count', 'per 100 articles'],
    rows: [
      ['meetings', meetings.length, per100(meetings.length, documents.length)],
      ['meetings reported by 2+ articles', multi.length, per100(multi.length, documents.length)],
    ],
    // Which invented meetings: the label (people, place, day) and the files, to find the class of phrasing behind them.
    examples: multi.slice(0, ctx.examples).map((m) => `${meetingLabel(m)}: ${[...new Set(m.accounts.map((a) => a.uri.slice(a.uri.lastIndexOf('/') + 1)))].join(' ')} [${m.accounts.map((a) => a.trigger.text).join(' / ')}]`),
  };
  const findings = findingsTable('ECB+ findings per 100 articles', c, documents.length);
  const variants = judgeNameVariants(c, uriOf, goldByFile, ctx.examples);

  const json: Record<string, unknown> = {
    articles: documents.length,
    misalignedGoldMentions: misaligned,
    names: { all: { ...prf(all), ...all }, body: { ...prf(body), ...body }, headlines: { ...prf(head), ...head } },
    linking: { b3: link, pairwise: linkPairs, crossArticlePairwise: crossPairs },
    events: eventJson,
    meetings: { total: meetings.length, multiArticle: multi.length, multiPer100: per100(multi.length, documents.length) },
    findingsPer100: Object.fromEntries(findings.rows.map((r) => [r[0], r[2]])),
  };
  json.nameVariant = variants.json;
  json.splits = Object.fromEntries(splits.map((sp, i) => [sp, Object.fromEntries(splitTable.rows.map((r) => [r[0], r[i + 1]]))]));
  return { tables: [names, linking, events, meetingTable, variants.table, findings, splitTable], json };
}

/**
 * name-variant judged against the ECB+ clusters. A flagged spelling with no name token (nameTokens: "I'm", "He") is
 * wrong whatever the gold says. Otherwise a finding (a spelling here, other spellings elsewhere) is right when
 * the flagged mention and one of the other spellings overlap gold mentions of one person cluster; wrong when they
 * overlap gold mentions of different people, or when a side overlaps only gold mentions that are not people; and
 * unjudged when neither side has a gold mention (ECB+ annotates only event participants, in selected sentences).
 */
function judgeNameVariants(c: Corpus, uriOf: Map<string, string>, goldByFile: Map<string, { start: number; end: number; cluster: string; person: boolean }[]>, examples: number): { table: Table; json: unknown } {
  const fileOf = new Map([...uriOf].map(([f, u]) => [u, f]));
  const at = (uri: string, r: { start: number; end: number }) => (goldByFile.get(fileOf.get(uri) ?? '') ?? []).filter((g) => g.start < r.end && r.start < g.end);
  const counts = { findings: 0, right: 0, notName: 0, differentPeople: 0, notPerson: 0, unjudged: 0 };
  let titleConflicts = 0;
  for (const uri of c.uris()) titleConflicts += c.findings(uri).filter((x) => x.code === 'title-conflict').length;
  const wrong: string[] = [];
  for (const uri of c.uris()) {
    for (const f of c.findings(uri).filter((x) => x.code === 'name-variant' || x.code === 'name-diacritics')) {
      counts.findings++;
      const here = at(uri, f.range);
      const there = f.related.flatMap((r) => at(r.uri, r.range));
      const a = new Set(here.filter((g) => g.person).map((g) => g.cluster));
      const b = new Set(there.filter((g) => g.person).map((g) => g.cluster));
      const text = c.get(uri)!.text.slice(f.range.start, f.range.end);
      if (nameTokens(text, f.range.start, -1, new Set()).length === 0) {
        counts.notName++;
        if (counts.notName <= 2) wrong.push(`${fileOf.get(uri)}: "${text}" is not a name`);
      } else if ([...a].some((x) => b.has(x))) counts.right++;
      else if (a.size && b.size) {
        counts.differentPeople++;
        wrong.push(`${fileOf.get(uri)}: "${text}" is another person than its variants`);
      } else if ((here.length && !a.size) || (there.length && !b.size)) {
        counts.notPerson++;
        wrong.push(`${fileOf.get(uri)}: "${text}" or a variant is not a person in the gold`);
      } else counts.unjudged++;
    }
  }
  const judged = counts.right + counts.notName + counts.differentPeople + counts.notPerson;
  const table: Table = {
    title: 'ECB+ name-variant judged against the gold person clusters',
    columns: ['findings', 'right', 'not a name', 'different people', 'not a person', 'unjudged', 'precision (judged)'],
    rows: [[counts.findings, counts.right, counts.notName, counts.differentPeople, counts.notPerson, counts.unjudged, judged ? round(counts.right / judged) : null]],
    note: `unjudged: no gold mention on either side (ECB+ annotates only event participants). title-conflict: ${titleConflicts} findings here; it is scored against the people gold of the real meetings corpus (--corpus meetings)`,
    examples: wrong.slice(0, examples),
  };
  return { table, json: { ...counts, precision: judged ? counts.right / judged : null } };
}

function roundRow(r: (string | number | null)[]): (string | number | null)[] {
  return r.map((x) => (typeof x === 'number' && !Number.isInteger(x) ? round(x) : x));
}

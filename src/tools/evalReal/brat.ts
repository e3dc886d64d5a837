// BRAT standoff (.ann) as PolNeAR uses it:
//
//   T1<TAB>Source 201 220<TAB>text            a text-bound span; fragments separated by ';' ("10 20;25 30")
//   T4<TAB>Attribution 221 225<TAB>says       the attribution's trigger (type Attribution or Attribution-no-source)
//   E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1    the attribution: its trigger and roles
//
// Other lines (A, R, #, Discard/Discuss spans the annotators used as markers) are kept as spans but play no role.
// Offsets are character offsets; checkSpans() verifies them against the text and converts code-point offsets
// (what Python tools write) to the UTF-16 offsets JavaScript strings use, when they differ.

import { Span } from './scoring';

export interface BratSpan {
  id: string;
  type: string;
  fragments: Span[];
  text: string;
}

export interface BratAttribution {
  id: string;
  /** Attribution or Attribution-no-source. */
  type: string;
  source?: Span[];
  cue?: Span[];
  content?: Span[];
}

export interface BratDoc {
  spans: Map<string, BratSpan>;
  attributions: BratAttribution[];
}

export function parseBrat(ann: string): BratDoc {
  const spans = new Map<string, BratSpan>();
  const events: { id: string; args: string[] }[] = [];
  // A span's text may run over several lines (content across paragraphs): a line that does not start with an id
  // continues the one before.
  const lines: string[] = [];
  for (const line of ann.split(/\r?\n/)) {
    if (/^[TEARMN#*]\d*\t/.test(line) || lines.length === 0) lines.push(line);
    else lines[lines.length - 1] += `\n${line}`;
  }
  for (const line of lines) {
    if (!line.trim()) continue;
    const [id, body = '', ...rest] = line.split('\t');
    const text = rest.join('\t');
    if (id.startsWith('T')) {
      const space = body.indexOf(' ');
      const type = body.slice(0, space);
      const fragments = body
        .slice(space + 1)
        .split(';')
        .map((f) => f.trim().split(/\s+/).map(Number))
        .map(([start, end]) => ({ start, end }));
      if (fragments.some((f) => !Number.isInteger(f.start) || !Number.isInteger(f.end) || f.end < f.start)) throw new Error(`bad BRAT span: ${line}`);
      spans.set(id, { id, type, fragments, text });
    } else if (id.startsWith('E')) {
      events.push({ id, args: body.trim().split(/\s+/) });
    }
  }
  const attributions: BratAttribution[] = [];
  for (const e of events) {
    const [trigger, ...roles] = e.args;
    const a: BratAttribution = { id: e.id, type: trigger.split(':')[0] };
    for (const role of roles) {
      const [name, ref] = role.split(':');
      const span = spans.get(ref);
      if (!span) continue;
      const key = name.replace(/\d+$/, '').toLowerCase();
      if (key === 'source' || key === 'cue' || key === 'content') a[key] = [...(a[key] ?? []), ...span.fragments];
    }
    attributions.push(a);
  }
  return { spans, attributions };
}

/** UTF-16 offset of each code-point offset of the text (index = code point, value = UTF-16 offset). */
function codePointToUtf16(text: string): number[] {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return map;
}

/**
 * Checks every span's text against the document (fragments joined by a space, as BRAT writes them, compared without
 * whitespace) and returns the document with UTF-16 offsets. Offsets are read as UTF-16 when that makes every span
 * agree, else as code points; `mismatched` counts spans that agree under neither.
 */
export function checkSpans(doc: BratDoc, text: string): { doc: BratDoc; offsets: 'utf16' | 'codepoints'; mismatched: string[] } {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const agrees = (conv: (n: number) => number) => (s: BratSpan) => squash(s.fragments.map((f) => text.slice(conv(f.start), conv(f.end))).join(' ')) === squash(s.text);
  const all = [...doc.spans.values()];
  const identity = (n: number) => n;
  const bad16 = all.filter((s) => !agrees(identity)(s));
  if (bad16.length === 0) return { doc, offsets: 'utf16', mismatched: [] };
  const map = codePointToUtf16(text);
  const conv = (n: number) => map[n] ?? n;
  const badCp = all.filter((s) => !agrees(conv)(s));
  if (badCp.length >= bad16.length) return { doc, offsets: 'utf16', mismatched: bad16.map((s) => s.id) };
  const fix = (fs: Span[] | undefined) => fs?.map((f) => ({ start: conv(f.start), end: conv(f.end) }));
  const spans = new Map([...doc.spans].map(([id, s]) => [id, { ...s, fragments: fix(s.fragments)! }]));
  const attributions = doc.attributions.map((a) => ({ ...a, source: fix(a.source), cue: fix(a.cue), content: fix(a.content) }));
  return { doc: { spans, attributions }, offsets: 'codepoints', mismatched: badCp.map((s) => s.id) };
}

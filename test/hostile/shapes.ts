// Hostile article text, generated at any size: each shape is one way a saved page can defeat a per-article pass
// that is not linear in its length (a minified script, a base64 blob, rules of dashes, 100k lines of furniture).
// Used by the fuzz ratio test (time must double when the size doubles), the hostile corpus and the benchmark.

export interface Shape {
  name: string;
  /** Text of about `size` UTF-16 units. */
  make(size: number): string;
}

const repeatTo = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size);
const withHeadline = (body: string): string => `A headline over a hostile body\n\n${body}\n`;

/** A base64 alphabet blob without spaces, deterministic. */
function base64Blob(size: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  let x = 12345;
  const chunk: string[] = [];
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    chunk.push(alphabet[x >>> 26]);
    if (chunk.length === 4096) {
      out += chunk.join('');
      chunk.length = 0;
    }
  }
  return out + chunk.join('');
}

export const SHAPES: Shape[] = [
  { name: 'one long word', make: (n) => withHeadline('a'.repeat(n)) },
  { name: 'base64 blob', make: (n) => withHeadline(base64Blob(n)) },
  { name: 'minified script', make: (n) => withHeadline(repeatTo('function(a,b){return a.x=b||{},a[b]=c?d:e;};var q=[1,2,3];', n)) },
  { name: 'run of apostrophes', make: (n) => withHeadline("'".repeat(n)) },
  { name: 'run of hyphens', make: (n) => withHeadline('-'.repeat(n)) },
  { name: 'run of equals signs', make: (n) => withHeadline('='.repeat(n)) },
  { name: 'run of hashes', make: (n) => withHeadline('#'.repeat(n)) },
  { name: 'run of full stops', make: (n) => withHeadline('.'.repeat(n)) },
  { name: 'run of quote marks', make: (n) => withHeadline('"'.repeat(n)) },
  { name: 'run of digits and commas', make: (n) => withHeadline(repeatTo('1,', n)) },
  { name: 'deep brackets', make: (n) => withHeadline(`${'('.repeat(n >> 1)}x${')'.repeat(n >> 1)}`) },
  { name: 'whitespace run', make: (n) => withHeadline(`${repeatTo(' \t', n)}.`) },
  { name: 'blank lines', make: (n) => `${'\n'.repeat(n)}x` },
  { name: 'CR-only lines', make: (n) => withHeadline(repeatTo('Ilsa Kendrow met Otto Brisk in Ankara on Tuesday.\r', n)) },
  { name: 'boilerplate lines', make: (n) => withHeadline(repeatTo('Share this article\n', n)) },
  { name: 'varied boilerplate lines', make: (n) => withHeadline(repeatTo('Photo: EPA\nShare\nFollow us on Twitter\nRead more\nAdvertisement\n', n)) },
  { name: 'one long line of prose', make: (n) => withHeadline(repeatTo('Some 1,300 "were" killed (on Saturday) in Ankara — 32 of 208 said: ', n)) },
  { name: 'prose paragraphs', make: (n) => withHeadline(repeatTo('Ilsa Kendrow met Otto Brisk in Ankara on Tuesday, officials said. "We agree," Kendrow said.\n\n', n)) },
  { name: 'capitalised words', make: (n) => withHeadline(repeatTo('Alpha Beta Gamma Delta Epsilon Zeta Eta Theta ', n)) },
  { name: 'numbers and dates', make: (n) => withHeadline(repeatTo('On 12 March 2016, 3,400 of 12,000 people; 08.17.17 and 2016-08-12. ', n)) },
  { name: 'bidi and zero-width', make: (n) => withHeadline(repeatTo('\u202Eabc\u200B\u200F\u2066def\u2069 ', n)) },
  { name: 'combining marks', make: (n) => withHeadline(repeatTo('e\u0301\u0301\u0301', n)) },
  { name: 'emoji and surrogates', make: (n) => withHeadline(repeatTo('😀👍🏽', n)) },
  { name: 'Hebrew UI strings', make: (n) => withHeadline(repeatTo('שליחה לחבר\n', n)) },
  { name: 'URLs', make: (n) => withHeadline(repeatTo('https://example.com/a/b/c?d=e&f=g#h ', n)) },
  { name: 'unclosed front matter', make: (n) => `---\ntitle: x\n${repeatTo('key: value\n', n)}` },
  { name: 'markdown heading run', make: (n) => repeatTo('# Heading\n', n) },
];

/** Every shape's text at about `size` characters. */
export function shapeTexts(size: number): { name: string; text: string }[] {
  return SHAPES.map((s) => ({ name: s.name, text: s.make(size) }));
}

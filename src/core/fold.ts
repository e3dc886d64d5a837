// One-for-one character folding: "Erdoğan" -> "Erdogan", "Çavuşoğlu" -> "Cavusoglu".
// The NLP tokenizer splits words at Latin Extended-A letters (measured: "Erdo|ğ|an"), and name matching must
// ignore diacritics. Folding each UTF-16 unit to exactly one unit keeps every offset valid in the original text.

const SPECIAL: Record<string, string> = {
  ı: 'i', İ: 'I', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T',
  ß: 's', æ: 'a', Æ: 'A', œ: 'o', Œ: 'O', þ: 't', Þ: 'T', ð: 'd', Ð: 'D',
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u00A0': ' ', '\u2009': ' ', '\u202F': ' ',
};

const cache = new Map<number, string>();

function foldUnit(code: number): string {
  const ch = String.fromCharCode(code);
  if (code >= 0xd800 && code <= 0xdfff) return ch; // surrogate halves stay as they are
  const special = SPECIAL[ch];
  if (special) return special;
  const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
  return base.length === 1 ? base : ch;
}

/** Folds diacritics and typographic punctuation; the result has exactly the same length as the input. */
export function foldText(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) continue;
    let folded = cache.get(code);
    if (folded === undefined) {
      folded = foldUnit(code);
      cache.set(code, folded);
    }
    if (folded !== text[i]) {
      out += text.slice(runStart, i) + folded;
      runStart = i + 1;
    }
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

/** A key for comparing names: folded, lower-cased, apostrophes and hyphens unified. */
export function nameKey(name: string): string {
  return foldText(name).toLowerCase().replace(/['`]/g, '').replace(/[-\s]+/g, ' ').trim();
}

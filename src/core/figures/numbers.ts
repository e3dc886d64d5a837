// Number words and digits as news writes them: "1,300", "3.5", "thirty-two", "a dozen", "1.3 million", "$7 billion".
// Written by hand because the libraries measured here get these wrong ("32 of 208" read as 0.154, "$7 billion"
// as 7: ../shared/recipes/nlp.md) and none links a number to what it counts.

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, k: 1e3, tn: 1e12,
};
const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, hundredth: 100,
};
/** Vague quantities: a value and the fact that it is approximate. */
const VAGUE: Record<string, number> = { dozen: 12, dozens: 24, score: 20, scores: 40, hundreds: 200, thousands: 2000, millions: 2e6 };

export const NUMBER_WORD_PATTERN = [...Object.keys(UNITS), ...Object.keys(TENS)].sort((a, b) => b.length - a.length).join('|');
export const ORDINAL_WORD_PATTERN = Object.keys(ORDINAL_WORDS).sort((a, b) => b.length - a.length).join('|');

export interface ParsedNumber {
  value: number;
  approximate: boolean;
}

/** Parses digits ("1,300", "3.5", "1.3 million", "7bn") or words ("thirty-two", "two hundred", "a dozen"). */
export function parseNumber(text: string): ParsedNumber | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!t) return undefined;
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*([a-z]+)?$/.exec(t);
  if (digits) {
    const base = Number(digits[1].replace(/,/g, '') + (digits[2] ? `.${digits[2]}` : ''));
    if (!Number.isFinite(base)) return undefined;
    if (!digits[3]) return { value: base, approximate: false };
    const scale = SCALES[digits[3]];
    return scale ? { value: round(base * scale), approximate: false } : undefined;
  }
  if (VAGUE[t] !== undefined) return { value: VAGUE[t], approximate: true };
  if (t === 'a dozen' || t === 'one dozen') return { value: 12, approximate: false };
  if (/^(?:a|one) (?:hundred|thousand|million|billion)$/.test(t)) return { value: SCALES[t.split(' ')[1]], approximate: false };
  return parseWords(t);
}

function parseWords(t: string): ParsedNumber | undefined {
  const words = t.replace(/-/g, ' ').replace(/\band\b/g, ' ').split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of words) {
    if (UNITS[word] !== undefined) {
      current += UNITS[word];
      seen = true;
    } else if (TENS[word] !== undefined) {
      current += TENS[word];
      seen = true;
    } else if (word === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (SCALES[word] !== undefined && SCALES[word] >= 1000 && word.length > 2) {
      total += (current || 1) * SCALES[word];
      current = 0;
      seen = true;
    } else {
      return undefined;
    }
  }
  return seen ? { value: total + current, approximate: false } : undefined;
}

export function parseOrdinal(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(t);
  if (digits) return Number(digits[1]);
  return ORDINAL_WORDS[t];
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

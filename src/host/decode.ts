// Bytes on disk -> the text an editor would show, plus a clear problem when the bytes are not text, or are text in
// an encoding Sourcelens does not read (then nothing is guessed: the file is named, not misread).

import { InputProblem } from '../core/types';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'binary';
  problems: InputProblem[];
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** How many leading bytes the zero-byte pattern of BOM-less UTF-16 and UTF-32 is judged on. */
const SNIFF_BYTES = 4096;

export function decodeBytes(bytes: Uint8Array, name: string): Decoded {
  // UTF-32 first: its little-endian BOM begins with UTF-16's.
  const utf32 = utf32Order(bytes);
  if (utf32) {
    return {
      text: '',
      encoding: utf32 === 'le' ? 'utf-32le' : 'utf-32be',
      problems: [{
        code: 'structure/encoding',
        severity: 'warning',
        message: `${name} is encoded as UTF-32 (${utf32 === 'le' ? 'little' : 'big'}-endian), which Sourcelens does not read; it is not analysed. Re-save it as UTF-8.`,
      }],
    };
  }
  const utf16 = utf16Order(bytes);
  if (utf16) {
    const body = bytes.subarray(utf16.bom ? 2 : 0);
    const text = new TextDecoder(utf16.order === 'le' ? 'utf-16le' : 'utf-16be').decode(body);
    const bad = countReplacement(text);
    return {
      text,
      encoding: utf16.order === 'le' ? 'utf-16le' : 'utf-16be',
      problems: bad
        ? [{ code: 'structure/encoding', severity: 'warning', message: `${name} is UTF-16 with ${bad} undecodable unit(s), replaced with U+FFFD. Re-save it as UTF-8 for exact text.` }]
        : [],
    };
  }
  if (bytes.indexOf(0) >= 0) {
    return {
      text: '',
      encoding: 'binary',
      problems: [{
        code: 'structure/binary-file',
        severity: 'warning',
        message: `${name} contains NUL bytes and looks like a binary file, not an article; it is not analysed.`,
      }],
    };
  }
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8', problems: [] };
  } catch {
    const text = utf8Lenient.decode(bytes);
    const bad = countReplacement(text);
    return {
      text,
      encoding: 'utf-8',
      problems: [{
        code: 'structure/encoding',
        severity: 'warning',
        message: `${name} is not valid UTF-8: ${bad} undecodable byte sequence(s) were replaced with U+FFFD (perhaps it is Latin-1 or Windows-1252). Re-save it as UTF-8 for exact text.`,
      }],
    };
  }
}

/** UTF-32 by its BOM, or without one by its zero bytes: most of every four-byte unit of text is zero. */
function utf32Order(bytes: Uint8Array): 'le' | 'be' | undefined {
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return 'le';
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return 'be';
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~3;
  if (n < 8) return undefined;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 4) {
    // A code point below U+10000 has its top two bytes zero; text is almost all such, and its low byte rarely is.
    if (bytes[i + 2] === 0 && bytes[i + 3] === 0 && (bytes[i] !== 0 || bytes[i + 1] !== 0)) le++;
    if (bytes[i] === 0 && bytes[i + 1] === 0 && (bytes[i + 2] !== 0 || bytes[i + 3] !== 0)) be++;
  }
  const units = n / 4;
  if (le >= units * 0.9) return 'le';
  if (be >= units * 0.9) return 'be';
  return undefined;
}

/**
 * UTF-16 by its BOM, when what follows really is UTF-16 (an even number of bytes with zero high bytes or valid
 * surrogates: a Latin-1 file that happens to begin "ÿþ" is not), or without a BOM by its zero bytes: text in a
 * Latin script has a zero high byte in most units and a zero low byte in almost none.
 */
function utf16Order(bytes: Uint8Array): { order: 'le' | 'be'; bom: boolean } | undefined {
  const bom = bytes.length >= 2 ? (bytes[0] === 0xff && bytes[1] === 0xfe ? 'le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'be' : undefined) : undefined;
  if (bom) {
    const body = bytes.subarray(2);
    if (body.length % 2 === 0 && looksLikeUtf16(body, bom)) return { order: bom, bom: true };
    return undefined;
  }
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  const { le, be } = zeroPattern(bytes, n);
  const units = n / 2;
  if (le.high >= units * 0.4 && le.low <= units * 0.02) return { order: 'le', bom: false };
  if (be.high >= units * 0.4 && be.low <= units * 0.02) return { order: 'be', bom: false };
  return undefined;
}

/** Per byte order: units whose high byte is zero, and units whose low byte alone is zero. */
function zeroPattern(bytes: Uint8Array, n: number) {
  const le = { high: 0, low: 0 };
  const be = { high: 0, low: 0 };
  for (let i = 0; i + 1 < n; i += 2) {
    const a = bytes[i];
    const b = bytes[i + 1];
    if (b === 0 && a !== 0) le.high++;
    if (a === 0 && b !== 0) le.low++;
    if (a === 0 && b !== 0) be.high++;
    if (b === 0 && a !== 0) be.low++;
  }
  return { le, be };
}

/**
 * Whether bytes after a UTF-16 BOM are UTF-16: no unpaired surrogate, and some unit is ASCII/Latin-1 (a zero high
 * byte: spaces, line ends, digits — text in any script has them). Latin-1 text has no zero bytes at all.
 */
function looksLikeUtf16(body: Uint8Array, order: 'le' | 'be'): boolean {
  const n = Math.min(body.length, SNIFF_BYTES * 4) & ~1;
  let latin = 0;
  for (let i = 0; i < n; i += 2) {
    const unit = order === 'le' ? body[i] | (body[i + 1] << 8) : (body[i] << 8) | body[i + 1];
    if (unit < 0x100) latin++;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 3 < body.length ? (order === 'le' ? body[i + 2] | (body[i + 3] << 8) : (body[i + 2] << 8) | body[i + 3]) : 0;
      if (next < 0xdc00 || next > 0xdfff) return false;
      i += 2;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return false;
  }
  return latin > 0;
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

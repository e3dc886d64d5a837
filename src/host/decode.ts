// Bytes on disk -> the text an editor would show, plus a clear problem when the bytes are not text.

import { InputProblem } from '../core/types';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'binary';
  problems: InputProblem[];
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function decodeBytes(bytes: Uint8Array, name: string): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', problems: [] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', problems: [] };
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
        message: `${name} is not valid UTF-8: ${bad} undecodable byte sequence(s) were replaced with U+FFFD. Re-save it as UTF-8 for exact text.`,
      }],
    };
  }
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

// A fast, dependency-free content hash (two 32-bit FNV-1a lanes plus the length) for cache keys. Not for security.
export function contentHash(...parts: string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let length = 0;
  for (const part of parts) {
    length += part.length;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = Math.imul(h2 ^ c, 2246822519);
    }
    h1 = Math.imul(h1 ^ 0xff, 16777619); // part separator, so ("ab","c") != ("a","bc")
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}-${length.toString(36)}`;
}

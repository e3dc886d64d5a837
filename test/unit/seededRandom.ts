// A small deterministic generator for randomised tests, so a failure can be reproduced from its seed.

export function seededRandom(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
}

// Rule packs (*.yaml) are inlined as JSON by the esbuild yaml plugin.
declare module '*.yaml' {
  const data: unknown;
  export default data;
}

// write-good ships no types; the bench only calls it.
declare module 'write-good' {
  function writeGood(text: string): { index: number; offset: number; reason: string }[];
  export = writeGood;
}

/** The analyser's version and a hash of src/core and its rule packs; defined by esbuild.mjs. */
declare const __SOURCELENS_ANALYSER__: string;

// @cspell/dict-people-names' list (one name part a line), inlined as text by esbuild (alias in esbuild.mjs).
declare module 'cspell-people-names' {
  const text: string;
  export default text;
}

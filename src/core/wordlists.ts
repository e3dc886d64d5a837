// Word lists from the rule packs (src/core/rules/*.yaml) as regex alternations. The packs hold plain words and
// phrases, so a reader can add one without knowing regex syntax; the code decides where they may match.

const META = /[.*+?^${}()|[\]\\]/g;

/**
 * `a|b|c` for a regex, every regex metacharacter in the words escaped. `spaces: 'any'` lets a space in a phrase
 * match any run of white space ("according  to", a phrase broken across lines); 'literal' keeps one space.
 */
export function alternation(words: readonly string[], spaces: 'literal' | 'any' = 'literal'): string {
  return words.map((w) => {
    const escaped = w.replace(META, '\\$&');
    return spaces === 'any' ? escaped.replace(/ /g, '\\s+') : escaped;
  }).join('|');
}

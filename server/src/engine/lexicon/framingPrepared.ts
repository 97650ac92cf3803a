// The framing lexicon's phrases as tokenised at build time. Run from the sources (tests, tsx)
// there are none and `framingIndex` tokenises every phrase as it builds the index; in the
// bundles, scripts/prepared-data.mjs replaces this module with `prepareFramingPhrases`'s
// result (english.ts), so that the first check does not tokenise its several hundred phrases first.

/** Every phrase of the lexicon: its text, the keys it is filed under, its spellings. */
export type PreparedPhrases = Array<[phrase: string, keys: string[], surfaces: string[]]>;

export function preparedFramingPhrases(): PreparedPhrases | null {
  return null;
}

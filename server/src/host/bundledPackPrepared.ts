import type { SourceQuotation } from '../engine/workflow/sourceQuotes';

// The bundled pack as it was checked at build time. Run from the sources (tests, tsx) there is
// none, and the pack is checked as it loads; in the bundles, scripts/prepared-data.mjs replaces
// this module with the digest of the pack text that passed, its phrases tokenised (see
// prepareBundledPack in bundled.ts) and the quotations of its source texts (see
// prepareBundledQuotations in sourceTexts.ts).

export interface PreparedBundledPack {
  /** SHA-256 (hex) of the pack text that passed every check. */
  digest: string;
  /** Every phrase of the pack: its text, the keys it is filed under, its spellings. */
  phrases: Array<[phrase: string, keys: string[], surfaces: string[]]>;
  /** The quotations of its source texts, and the digest of the texts they were read from. */
  quotations?: { digest: string; list: SourceQuotation[] };
}

export function preparedBundledPack(): PreparedBundledPack | null {
  return null;
}

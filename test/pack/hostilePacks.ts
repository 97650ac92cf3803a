import type { ClaimPack } from '../../server/src/engine/pack/types';

// Packs written to stall the matcher: patterns of many alternatives over the commonest English
// words. Shared by the pack limit tests, the work budget test and the stress suite.

export const COMMON_WORDS =
  'the of and to a in is it you that he was for on are with as his they be at one have this from or had by not but what some we can out other were all there when up use your how said an each she which do their time if will way about many then them write would like so these her long make thing see him two has look more day could go come did number sound no most people my over know water than call first who may down side been now find'.split(
    ' ',
  );
export const CONCEPT_NAMES = 'abcdefghijklmnopqrstuvwxyz'.split('');

/** 26 concepts (a–z), four common words each, taken from the first `wordCount` common words. */
export function commonConcepts(wordCount = COMMON_WORDS.length): Record<string, string[]> {
  const words = COMMON_WORDS.slice(0, wordCount);
  return Object.fromEntries(CONCEPT_NAMES.map((name, i) => [name, [0, 1, 2, 3].map((k) => words[(i + 26 * k) % words.length])]));
}

/** Sixteen alternatives for element `e` of pattern `p` of claim `c`. */
export const wideElement = (c: number, p: number, e: number) =>
  Array.from({ length: 16 }, (_, a) => `@${CONCEPT_NAMES[(c * 3 + p * 5 + e * 16 + a) % CONCEPT_NAMES.length]}`).join('|');

/** A pack whose `claims` claims share `patterns` in order (each claim a slice), over `concepts`. */
export function packOf(concepts: Record<string, string[]>, patterns: string[], claims = 1, extra: Partial<ClaimPack> = {}): ClaimPack {
  return {
    schemaVersion: 1,
    id: 'hostile',
    name: 'Hostile',
    sources: [],
    parties: [{ id: 'pat', name: 'Pat', kind: 'person', aliases: ['Pat'] }],
    concepts,
    claims: Array.from({ length: claims }, (_, c) => ({
      id: `claim-${c}`,
      status: 'unverified' as const,
      summary: 'A claim.',
      claimants: ['pat'],
      claimantLabel: 'Pat',
      attribution: { source: 'Pat' },
      patterns: patterns.slice((c * patterns.length) / claims, ((c + 1) * patterns.length) / claims),
      excerpts: [],
    })),
    ...extra,
  };
}

/** A pack of `claimCount` claims of two patterns each, over the common-word concepts (and any others), the largest gap 12. */
export function hostilePack(
  claimCount: number,
  patternOf: (claim: number, pattern: number) => string,
  extraConcepts: Record<string, string[]> = {},
  wordCount?: number,
): ClaimPack {
  const patterns = Array.from({ length: claimCount }, (_, c) => [patternOf(c, 0), patternOf(c, 1)]).flat();
  return packOf({ ...commonConcepts(wordCount), ...extraConcepts }, patterns, claimCount, { maxGap: 12 });
}

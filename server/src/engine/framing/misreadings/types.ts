import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';

/**
 * A claim pattern can match words that are not the claim: a noun that is a verb here, a verb
 * that is a noun, a word that belongs to the next phrase. A misreading names one such shape;
 * a match it recognises is not reported, and `npm run eval -- FILE --all` prints its reason.
 */
export interface Misreading {
  id: string;
  /** The pattern form the check applies to ('any': both). */
  form: 'np' | 'clause' | 'any';
  /** Why the match is not reported. */
  reason: string;
  /**
   * Sentences the check must recognise as a misreading of the claim (`misread: true`) or must
   * leave alone (`misread: false`); `test/engine/rules/misreadings.test.ts` runs them.
   */
  examples: ReadonlyArray<{ text: string; claim: string; misread: boolean }>;
  test(view: SentenceView, match: PatternMatch): boolean;
}

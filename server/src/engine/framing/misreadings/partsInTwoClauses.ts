import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { gaps } from '../matchParts';
import type { Misreading } from './types';

/**
 * "Ukrainian raids inside Russia have grown since the drone attack on the citadel": a gap that
 * holds a word opening another clause ("since", "because", "although") puts the pattern's
 * parts in two clauses; neither says the claim. (An aside set off by commas, "Kyiv sent, after
 * weeks of planning, two drones", is part of the clause.)
 */
const CLAUSE_OPENERS = /^(since|because|although|though|whereas|until|unless)$/;

function gapHoldsClauseOpener(view: SentenceView, match: PatternMatch): boolean {
  return gaps(match).some((gap) => {
    for (let k = gap.start; k < gap.end; k++) {
      if (!CLAUSE_OPENERS.test(view.tokens[k].lower)) continue;
      const aside = view.isPunct(k - 1, ',') && view.tokens.slice(k + 1, gap.end).some((_, n) => view.isPunct(k + 1 + n, ','));
      if (!aside) return true;
    }
    return false;
  });
}

export const partsInTwoClauses: Misreading = {
  id: 'parts-in-two-clauses',
  form: 'clause',
  reason: 'the pattern’s parts lie in two clauses joined by a subordinating word',
  examples: [
    { text: 'Kyiv has grown bolder since the night drones struck the Kremlin.', claim: 'ukraine-responsible', misread: true },
    { text: 'Ukraine, after weeks of planning, sent two drones at the Kremlin.', claim: 'ukraine-responsible', misread: false },
  ],
  test: gapHoldsClauseOpener,
};

import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { gaps } from '../matchParts';
import type { Misreading } from './types';

// Verbs of making or getting things: what follows them is a product, not a deed. (Not "make":
// "made an attempt on his life" is the deed.)
const MAKING = /^(produce|build|develop|manufacture|buy|acquire|procure|assemble)$/;
const MAKING_STEM = /^(produc|buil|develop|manufactur|bu|bought|acquir|procur|assembl)/;

/**
 * "Ukrainians are trying to produce cheap strike drones": a verb of making inside the match
 * takes the rest as its object; the drones are made or bought, not flown at anyone.
 */
function partsAreMade(view: SentenceView, match: PatternMatch): boolean {
  return gaps(match).some((gap) => {
    // (The spelling first: the tagger is asked only about a word that may be one of them.)
    for (let k = gap.start; k < gap.end; k++) if (MAKING_STEM.test(view.tokens[k].lower) && view.wordClass(k) === 'VERB' && MAKING.test(view.lemma(k))) return true;
    return false;
  });
}

export const dronesAsProducts: Misreading = {
  id: 'drones-as-products',
  form: 'clause',
  reason: 'a verb of making or buying stands in the match: the drones are products here',
  examples: [
    { text: 'A week after the raid on the Kremlin, Ukrainians are trying to build cheap strike drones with a long range.', claim: 'ukraine-responsible', misread: true },
    { text: 'Moscow said the Ukrainians tried to strike the Kremlin with two drones.', claim: 'ukraine-responsible', misread: false },
  ],
  test: partsAreMade,
};

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
    // ("blamed Kyiv, Kyiv denied it, and Podolyak's line about partisans": a comma and "and" or
    // "but" with a clause of its own in the gap, a subject and its verb, join two clauses.)
    for (let k = gap.start + 1; k < gap.end; k++) {
      if (!/^(and|but)$/.test(view.tokens[k].lower) || !view.isPunct(k - 1, ',')) continue;
      // ("led with the charge that Kyiv tried to kill Putin, and with Zelensky's denial": a
      // preposition after ", and" joins a phrase to the verb outside the gap, not to the claim.)
      if (view.wordClass(k + 1) === 'ADP' && k + 1 < gap.end) return true;
      // (The subject inside the gap too: "drones attempted …, but were shot down" shares its subject.)
      for (let j = gap.start + 1; j < k - 1; j++) if (view.isVerbal(j) && !view.tokens[j].capitalised && /^(NOUN|PROPN|PRON)$/.test(view.wordClass(j - 1) ?? '')) return true;
    }
    return false;
  });
}

export const partsInTwoClauses: Misreading = {
  id: 'parts-in-two-clauses',
  form: 'clause',
  reason: 'the pattern’s parts lie in two clauses joined by a subordinating word or by “, and”',
  examples: [
    { text: 'Kyiv has grown bolder since the night drones struck the Kremlin.', claim: 'ukraine-responsible', misread: true },
    { text: 'Ukraine, after weeks of planning, sent two drones at the Kremlin.', claim: 'ukraine-responsible', misread: false },
    { text: 'Moscow blamed Kyiv, Kyiv denied it, and the theory about Russian partisans holds up.', claim: 'local-resistance', misread: true },
    { text: 'Two drones tried to strike the Kremlin overnight, but were shot down.', claim: 'drones-disabled', misread: false },
    { text: 'The paper opened with the charge that Kyiv tried to kill Putin, and with a long piece on Zelensky.', claim: 'medvedev-threat', misread: true },
  ],
  test: gapHoldsClauseOpener,
};

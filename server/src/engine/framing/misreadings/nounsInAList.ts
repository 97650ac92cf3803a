import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { gaps } from '../matchParts';
import type { Misreading } from './types';

/**
 * A clause pattern in a sentence with no verb, its parts on both sides of a comma: items of a
 * list ("Drone strike wave, shelling in the south, a blast over the Kremlin"), not one clause
 * that says the claim.
 */
function nounsAcrossComma(view: SentenceView, match: PatternMatch): boolean {
  const acrossComma = gaps(match).some((gap) => {
    for (let k = gap.start; k < gap.end; k++) if (view.isPunct(k, ',;')) return true;
    return false;
  });
  if (!acrossComma) return false;
  // (A sentence with a verb anywhere is no list of nouns, whatever the tagger makes of the
  // verb in the match: "Ukraine, for its part, fights … and does not attack"; nor is one with
  // a relative pronoun: "Ukraine, which fights …".)
  for (let j = 0; j < view.length; j++) if (view.isVerbal(j) || /^(which|who|that)$/.test(view.tokens[j].lower)) return false;
  return true;
}

export const nounsInAList: Misreading = {
  id: 'nouns-in-a-list',
  form: 'clause',
  reason: 'the pattern’s words are nouns in different items of a list',
  examples: [
    { text: '# Biggest drone strike wave in months, deadly attacks across the south, strange Kremlin explosion', claim: 'kremlin-drone-attack', misread: true },
    { text: '# Drone strike on the Kremlin, Moscow says', claim: 'kremlin-drone-attack', misread: false },
  ],
  test: nounsAcrossComma,
};

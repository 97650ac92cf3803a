import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { gaps } from '../matchParts';
import type { Misreading } from './types';

/**
 * "the worst raid on the capital since the Kremlin episode": a noun phrase whose gap holds a word
 * that opens another phrase ("since", "than", "after"), or a verb and its object, ends before it;
 * what follows is no part of it.
 */
const PHRASE_OPENERS = /^(since|than|after|before|until|unlike|like|when|while|whereas)$/;
function gapOpensAnotherPhrase(view: SentenceView, match: PatternMatch): boolean {
  return gaps(match).some((gap) => {
    for (let k = gap.start; k < gap.end; k++) if (PHRASE_OPENERS.test(view.tokens[k].lower) || verbWithObject(view, k)) return true;
    return false;
  });
}

/**
 * ("strikes on Kherson killed 21 people on the day the Kremlin …": a verb with its object after a
 * noun is the clause's own; the noun phrase ended before it.)
 */
function verbWithObject(view: SentenceView, k: number): boolean {
  if (view.wordClass(k) !== 'VERB' || /ing$/.test(view.tokens[k].lower) || !/^(NOUN|PROPN)$/.test(view.wordClass(k - 1) ?? '')) return false;
  return /^(NUM|DET)$/.test(view.wordClass(k + 1) ?? '');
}

export const phraseEndsInGap: Misreading = {
  id: 'phrase-ends-in-gap',
  form: 'np',
  reason: 'the noun phrase ends before a word that opens another phrase',
  examples: [
    { text: 'Drones hit flats in Moscow. It was the heaviest attack on the capital since the Kremlin episode.', claim: 'kremlin-drone-attack', misread: true },
    { text: 'The attack on the Kremlin shocked the capital.', claim: 'kremlin-drone-attack', misread: false },
    { text: 'Strikes on Odesa killed nine people on the night the Kremlin spoke.', claim: 'kremlin-drone-attack', misread: true },
  ],
  test: gapOpensAnotherPhrase,
};

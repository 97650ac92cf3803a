import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import type { Misreading } from './types';

/**
 * A noun-phrase pattern whose last word is an inflected verb ("the bell on Red Square struck
 * nine" is no "Kremlin strike") or a passive one: the pattern's noun is not there.
 */
function endsOnVerbForm(view: SentenceView, match: PatternMatch): boolean {
  const last = match.end - 1;
  const lower = view.tokens[last]?.lower ?? '';
  // ("Kyiv hit by drones again": a verb form the same as its base, followed by "by", is passive.)
  if (view.wordClass(last) === 'VERB' && view.tokens[match.end]?.lower === 'by') return true;
  // ("Kyiv hits back": "back" after it makes the word a verb, whatever its ending or its tag.)
  if (view.tokens[match.end]?.lower === 'back') return true;
  return view.wordClass(last) === 'VERB' && !lower.endsWith('s') && view.lemma(last) !== lower;
}

export const nounIsVerb: Misreading = {
  id: 'noun-is-verb',
  form: 'np',
  reason: 'the noun the pattern names is a verb here',
  examples: [
    { text: 'Before the parade, the old bell on Red Square struck nine.', claim: 'kremlin-drone-attack', misread: true },
    { text: 'Officials said little after the Kremlin strike.', claim: 'kremlin-drone-attack', misread: false },
    { text: 'Moscow blamed the drone raid on Ukraine. Kyiv hits back at the claim.', claim: 'ukraine-responsible', misread: true },
  ],
  test: endsOnVerbForm,
};

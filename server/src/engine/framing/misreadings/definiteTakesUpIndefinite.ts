import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import type { Misreading } from './types';

/**
 * "Treaties let a country meet force with force, but the attack has to be pinned on someone": "the attack"
 * takes up "an … attack" named earlier in its sentence, a case in general, not the night's event.
 */
function definiteTakesUpIndefinite(view: SentenceView, match: PatternMatch): boolean {
  if (match.end - match.start !== 2 || view.tokens[match.start].lower !== 'the') return false;
  const head = view.tokens[match.end - 1].lower;
  for (let k = match.start - 1; k > 0; k--) {
    if (view.tokens[k].lower !== head) continue;
    let article = k - 1;
    while (article > 0 && article > k - 3 && view.wordClass(article) === 'ADJ') article--;
    if (/^(a|an|any)$/.test(view.tokens[article].lower)) return true;
  }
  return false;
}

export const definiteTakesUpIndefiniteCheck: Misreading = {
  id: 'definite-takes-up-indefinite',
  form: 'np',
  reason: '“the” takes up a case named with “a” earlier in the sentence, not the event',
  examples: [
    { text: 'Moscow blamed Kyiv for the Kremlin blasts. Treaties let a country fight back after an armed attack, yet the attack has to be pinned on someone.', claim: 'kremlin-drone-attack', misread: true },
    { text: 'Moscow blamed Kyiv for the Kremlin blasts. Moscow promised an answer, and the attack is still unexplained.', claim: 'kremlin-drone-attack', misread: false },
  ],
  test: definiteTakesUpIndefinite,
};

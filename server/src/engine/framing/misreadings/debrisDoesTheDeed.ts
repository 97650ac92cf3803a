import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

const DEBRIS = /^(debris|fragments?|pieces?|bits?|wreckage|remains|parts?|shrapnel)$/;
const LINKS = /^(of|from|the|two|both|those|these|downed|destroyed)$/;

/**
 * "Fragments of the drones landed on the Kremlin grounds", "drone debris came down inside the
 * walls", "…, with debris landing on the grounds": what falls is debris. The drone word belongs
 * to the phrase the debris noun heads, or the debris noun is the verb's own subject; the words
 * say where the wreckage fell, not that the drones struck.
 */
function debrisDoesTheDeed(view: SentenceView, match: PatternMatch): boolean {
  const [first, second] = presentParts(match);
  // (Only a match that opens on the drones: "the downed drones" after "debris from" is the deed's object.)
  if (!first || !second || !view.tokens.slice(first.start, first.end).some((t) => /^(drones?|uavs?)$/.test(t.lower))) return false;
  // The debris noun heads the drone word's phrase: before it with "of"/"from", or straight after it.
  let k = first.start - 1;
  while (k >= 0 && LINKS.test(view.tokens[k].lower) && !/^(of|from)$/.test(view.tokens[k].lower)) k--;
  const headedBefore = k >= 1 && /^(of|from)$/.test(view.tokens[k].lower) && DEBRIS.test(view.tokens[k - 1].lower);
  const headedAfter = DEBRIS.test(view.tokens[first.end]?.lower ?? '');
  // The verb's own subject is a debris noun: "…, with debris landing on the grounds".
  const debrisSubject = second.start > first.end && DEBRIS.test(view.tokens[second.start - 1]?.lower ?? '');
  return headedBefore || headedAfter || debrisSubject;
}

export const debrisDoesTheDeedCheck: Misreading = {
  id: 'debris-does-the-deed',
  form: 'clause',
  reason: 'what falls is debris: the words say where the wreckage came down, not that the drones struck',
  examples: [
    { text: 'Bits of the drones landed on the Kremlin grounds.', claim: 'kremlin-drone-attack', misread: true },
    { text: 'Drone fragments came down inside the Kremlin walls.', claim: 'kremlin-drone-attack', misread: true },
    { text: 'Two drones struck the Kremlin overnight.', claim: 'kremlin-drone-attack', misread: false },
  ],
  test: debrisDoesTheDeed,
};

import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { isPossessiveMark } from '../clauses';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

/**
 * "Putin's residence in Novo-Ogaryovo": the match's first part owns a noun, and the next part is
 * the preposition that places that noun. The phrase says where the thing is, not the owner.
 */
function placesThePossessed(view: SentenceView, match: PatternMatch): boolean {
  const [first, second] = presentParts(match);
  if (!first || !second || !isPossessiveMark(view.tokens[first.end]?.text ?? '')) return false;
  // One or two words of the possessed noun phrase, then the part: "'s country residence in".
  const between = second.start - (first.end + 1);
  if (between < 1 || between > 2) return false;
  for (let j = first.end + 1; j < second.start; j++) if (!/^(NOUN|ADJ|PROPN)$/.test(view.wordClass(j) ?? '')) return false;
  return view.wordClass(second.start) === 'ADP';
}

export const possessedThingPlaced: Misreading = {
  id: 'possessed-thing-placed',
  form: 'any',
  reason: 'the phrase places what the person owns (“Putin’s residence in …”), not the person',
  examples: [
    { text: "Police stand guard outside Putin's country residence in Novo-Ogaryovo.", claim: 'putin-elsewhere', misread: true },
    { text: 'Putin was at Novo-Ogaryovo when the drones struck, Peskov said.', claim: 'putin-elsewhere', misread: false },
  ],
  test: placesThePossessed,
};

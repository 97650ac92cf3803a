import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { isPossessiveMark } from '../clauses';
import type { Misreading } from './types';

// What a possessive names that no drone is aimed at: an occasion, a plan, a standing ("rain on
// Putin's parade", "end Putin's war"); "Putin's residence", "the Kremlin's domes" keep the reading.
const NOT_TARGETS = /^(parade|parades|celebration|celebrations|festivities|party|speech|address|birthday|inauguration|visit|summit|plan|plans|image|reputation|narrative|propaganda|popularity|war|invasion|regime|rule|agenda|schedule|mood|nerves)$/;

/**
 * The match ends on a possessive ("Putin's") whose noun is not part of the claim: in "Ukraine's
 * plan to rain on Putin's parade" the parade, not Putin, is what the plan is about.
 */
function possessorOfAnother(view: SentenceView, match: PatternMatch): boolean {
  let k = match.end - 1;
  if (!isPossessiveMark(view.tokens[k]?.text ?? '')) {
    k = match.end;
    if (!isPossessiveMark(view.tokens[k]?.text ?? '')) return false;
  }
  // The possessed noun: the head of the words after the mark ("Victory Day parade" → parade).
  let head = -1;
  for (let j = k + 1; j < Math.min(view.length, k + 6) && !view.isPunct(j) && /^(ADJ|PROPN|NOUN|NUM)$/.test(view.wordClass(j) ?? ''); j++) head = j;
  return head > k && NOT_TARGETS.test(view.tokens[head].lower);
}

export const possessorOfAnotherThing: Misreading = {
  id: 'possessor-of-another-thing',
  form: 'any',
  reason: 'the last word of the claim owns an occasion or a standing the claim is not about (“Putin’s parade”)',
  examples: [
    { text: "Kyiv's plan to spoil Putin's Red Square parade", claim: 'ukraine-responsible', misread: true },
    { text: "Moscow said Kyiv had tried to strike at Putin's residence with drones.", claim: 'ukraine-responsible', misread: false },
  ],
  test: possessorOfAnother,
};

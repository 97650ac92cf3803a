import type { SentenceView } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import type { PatternMatch } from '../../match/patterns';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

const TIME_AMOUNTS = /^(seconds?|minutes?|hours?|days?|weeks?|months?|years?|moments?|nights?|mornings?|evenings?)$/;

/**
 * "This view is based on intercepted calls": a participle the pattern ends on, right before a
 * noun, describes that noun ("intercepted calls"); it is no predicate of the pattern's subject.
 * ("… were downed minutes later": a time amount after it is an adjunct.)
 */
function lastWordModifiesNoun(view: SentenceView, match: PatternMatch): boolean {
  const parts = presentParts(match);
  const last = parts[parts.length - 1];
  if (!last || last.end - last.start !== 1 || !/(ed|en)$/.test(view.tokens[last.start].lower)) return false;
  const next = view.tokens[last.end];
  // (A word in -ing after it says how, whatever the tagger calls it: "were disabled using jammers".)
  if (!next || next.capitalised || TIME_AMOUNTS.test(next.lower) || /ing$/.test(next.lower) || view.wordClass(last.end) !== 'NOUN') return false;
  return !view.isCovered(last.end, FRAME.determiner) && !view.startsWith(last.end, FRAME.preposition);
}

export const participleDescribesNoun: Misreading = {
  id: 'participle-describes-noun',
  form: 'clause',
  reason: 'the verb the pattern ends on describes the noun after it',
  examples: [
    { text: 'The mayor banned drone flights over the capital.', claim: 'moscow-drone-ban', misread: true },
    { text: 'The mayor has banned the flights of drones over the capital.', claim: 'moscow-drone-ban', misread: false },
    { text: 'Both drones were disabled using jammers.', claim: 'drones-disabled', misread: false },
  ],
  test: lastWordModifiesNoun,
};

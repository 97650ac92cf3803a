import type { SentenceView } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import type { PatternMatch } from '../../match/patterns';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

/**
 * "The drone raid gives them a further motive to stop the fighting": the match's verb follows "to", an
 * infinitive with its own object, not the passive ("were stopped") that the "be" before it
 * was meant to open.
 */
function infinitiveAfterBe(view: SentenceView, match: PatternMatch): boolean {
  const parts = presentParts(match);
  if (parts.length < 2) return false;
  const verb = parts[parts.length - 1];
  const before = parts[parts.length - 2];
  // (Not "might be to blame": "be to" right before the verb is the verb's own idiom.)
  if (view.tokens[verb.start - 1]?.lower !== 'to' || verb.start - 1 <= before.end || view.isCovered(verb.start - 2, FRAME.be)) return false;
  // ("is one more reason to stop": a "be" of the pattern, or a verb in the gap before "to", is the
  // clause's own verb; the infinitive after it has its own object.)
  const ownVerb = view.isCovered(before.start, FRAME.be) || view.tokens.slice(before.end, verb.start - 1).some((_, k) => view.isVerbal(before.end + k));
  return ownVerb && !view.isCovered(verb.start - 1, FRAME.be);
}

export const infinitiveNotPassive: Misreading = {
  id: 'infinitive-not-passive',
  form: 'clause',
  reason: 'the verb is an infinitive after “to” with its own object, not a passive after “be”',
  examples: [
    { text: 'The drone raid is yet another motive to stop the fighting.', claim: 'drones-disabled', misread: true },
    { text: 'Both drones were stopped by jamming.', claim: 'drones-disabled', misread: false },
    { text: 'The drone raid was a reason to stop the war.', claim: 'drones-disabled', misread: true },
    { text: 'The spokesman thinks local resistance fighters could well be to blame.', claim: 'local-resistance', misread: false },
  ],
  test: infinitiveAfterBe,
};

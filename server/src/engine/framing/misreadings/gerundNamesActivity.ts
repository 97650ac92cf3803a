import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

/**
 * A clause pattern with a gerund after a preposition of topic: "work on intercepting
 * illegal drone flights" names an activity, not drones that were intercepted.
 */
function namesActivity(view: SentenceView, match: PatternMatch): boolean {
  return presentParts(match).some((part) => /ing$/.test(view.tokens[part.start].lower) && /^(on|about|at|toward|towards)$/.test(view.tokens[part.start - 1]?.lower ?? ''));
}

export const gerundNamesActivity: Misreading = {
  id: 'gerund-names-activity',
  form: 'clause',
  reason: 'a gerund after a preposition names an activity, not an event',
  examples: [
    { text: 'At the meeting it was agreed to step up work on intercepting stray drones over the Kremlin.', claim: 'drones-disabled', misread: true },
    { text: 'Air defences intercepted both drones over the Kremlin.', claim: 'drones-disabled', misread: false },
  ],
  test: namesActivity,
};

import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import type { Misreading } from './types';

/**
 * "Cheap drones are difficult to shoot down", "such machines are easy to jam": an adjective and "to" before
 * the verb say what the things are like, not that anything was done to them.
 */
function qualityNotEvent(view: SentenceView, match: PatternMatch): boolean {
  for (let k = match.start + 1; k < match.end - 1; k++) {
    if (view.tokens[k].lower !== 'to' || view.wordClass(k + 1) !== 'VERB') continue;
    if (view.wordClass(k - 1) === 'ADJ' && /^(hard|easy|difficult|tough|impossible|simple|cheap|expensive|tricky)$/.test(view.tokens[k - 1].lower)) return true;
  }
  return false;
}

export const qualityNotEventCheck: Misreading = {
  id: 'quality-not-event',
  form: 'clause',
  reason: 'an adjective and “to” before the verb: it says what the things are like, not what happened',
  examples: [
    { text: 'Our guest tells us why cheap drones are so difficult to shoot down.', claim: 'drones-disabled', misread: true },
    { text: 'Both drones were quick to be brought down by the guns.', claim: 'drones-disabled', misread: false },
  ],
  test: qualityNotEvent,
};

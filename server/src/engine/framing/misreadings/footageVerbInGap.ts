import type { SentenceView } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import type { PatternMatch } from '../../match/patterns';
import { gaps } from '../matchParts';
import type { Misreading } from './types';

/**
 * "What it shows is a bright speck flaring up over the dome": a gap that holds the
 * verb a picture shows with, then "is", makes the words before it the picture, not the thing
 * that burst.
 */
function footageVerbInGap(view: SentenceView, match: PatternMatch): boolean {
  // (The verb, then "is": what the picture shows is named after it.)
  return gaps(match).some((gap) => (view.frame.get(FRAME.show) ?? []).some((o) => o.start >= gap.start && o.end < gap.end && view.isCovered(o.end, FRAME.be)));
}

export const footageVerbInGapCheck: Misreading = {
  id: 'footage-verb-in-gap',
  form: 'clause',
  reason: 'a verb of showing stands inside it: the words before it are the picture, not what it shows',
  examples: [
    { text: 'Two drones came at the Kremlin. What it shows is a bright speck flaring and blowing up over the dome.', claim: 'kremlin-drone-attack', misread: true },
    { text: 'Two drones came at the Kremlin. It burst into flame above the dome.', claim: 'kremlin-drone-attack', misread: false },
    { text: 'Two clips went round. Neither shows the drones being shot down.', claim: 'drones-disabled', misread: false },
  ],
  test: footageVerbInGap,
};

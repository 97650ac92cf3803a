import { FRAME } from '../../lexicon/english';
import type { VerbRule } from './types';

/** A subject never holds another reporting verb, and never opens with a preposition. */
export const subjectBlocked: VerbRule = {
  id: 'subject-blocked',
  summary: 'The words before the verb hold another cue ("said in written comments that") or open with a preposition ("… Over Kremlin Claims"): the verb frames nothing.',
  examples: [],
  read({ view, region, taken }) {
    for (let j = region.start; j < region.end; j++) if (taken.has(j)) return null;
    if (region.end > region.start && view.startsWith(region.start, FRAME.preposition)) return null;
    return undefined;
  },
};

import { FRAME } from '../../lexicon/english';
import { adjunctOnly } from '../clauses';
import type { VerbRule } from './types';

/** A subject never holds another reporting verb, and never opens with a preposition. */
export const subjectBlocked: VerbRule = {
  id: 'subject-blocked',
  summary: 'The words before the verb hold another cue ("said in written comments that") or open with a preposition ("… Over Kremlin Claims"): the verb frames nothing.',
  examples: [],
  read({ view, region, taken }) {
    for (let j = region.start; j < region.end; j++) if (taken.has(j)) return null;
    // ("… went further and in a post called for …": after "and" a phrase of place or manner may
    // stand before the second verb; the coordinated predicate's rule reads it.)
    // ("Blinken, for his part indicated …": words that only say whose turn it is are left to the aside's rule.)
    if (region.end > region.start && view.startsWith(region.start, FRAME.preposition)) return /^(and|but)$/.test(view.tokens[region.start - 1]?.lower ?? '') || adjunctOnly(view, region.start, region.end) ? undefined : null;
    return undefined;
  },
};

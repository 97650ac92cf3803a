import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

// Prefixes that turn the word after them into its opposite or its remedy: "anti-drone guns".
const OPPOSING_PREFIX = /^(anti|counter)$/;

/** A part whose first word is glued by a hyphen to "anti-" or "counter-": "anti-drone" names no drone. */
function partAfterOpposingPrefix(view: SentenceView, match: PatternMatch): boolean {
  return presentParts(match).some((part) => {
    const hyphen = view.tokens[part.start - 1];
    const prefix = view.tokens[part.start - 2];
    return hyphen?.text === '-' && prefix !== undefined && hyphen.start === prefix.end && hyphen.end === view.tokens[part.start].start && OPPOSING_PREFIX.test(prefix.lower);
  });
}

export const prefixedWord: Misreading = {
  id: 'prefixed-word',
  form: 'any',
  reason: 'a word of the claim is part of an “anti-” or “counter-” compound here',
  examples: [
    { text: 'After the raid on the Kremlin the city set up an anti-drone police squad and began jamming signals.', claim: 'drones-disabled', misread: true },
    { text: 'After the raid on the Kremlin the city said drones were being jammed and brought down.', claim: 'drones-disabled', misread: false },
  ],
  test: partAfterOpposingPrefix,
};

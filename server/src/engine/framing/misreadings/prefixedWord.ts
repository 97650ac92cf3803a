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

// ("a pared-down parade", "a scaled-down ceremony": "down" glued to a verb that is no shooting
// makes an adjective; "shot-down drones" keeps the claim.)
const DOWNING_VERBS = /^(shot|brought|knocked|taken|gunned|downed|shoot|bring|knock|take)$/;

/** A part that is "down" glued by a hyphen to a word that downs nothing: "pared-down". */
function downInCompound(view: SentenceView, match: PatternMatch): boolean {
  return presentParts(match).some((part) => {
    const hyphen = view.tokens[part.start - 1];
    const before = view.tokens[part.start - 2];
    return view.tokens[part.start].lower === 'down' && part.end === part.start + 1 && hyphen?.text === '-' && before !== undefined && hyphen.start === before.end && hyphen.end === view.tokens[part.start].start && !DOWNING_VERBS.test(before.lower);
  });
}

export const prefixedWord: Misreading = {
  id: 'prefixed-word',
  form: 'any',
  reason: 'a word of the claim is part of a compound here (“anti-drone”, “pared-down”)',
  examples: [
    { text: 'After the raid on the Kremlin the city set up an anti-drone police squad and began jamming signals.', claim: 'drones-disabled', misread: true },
    { text: 'After the raid on the Kremlin the city said drones were being jammed and brought down.', claim: 'drones-disabled', misread: false },
    { text: 'Moscow held a pared-down parade a week after the drones.', claim: 'drones-disabled', misread: true },
    { text: 'Shot-down drones lay on the roof.', claim: 'drones-disabled', misread: false },
  ],
  test: (view, match) => partAfterOpposingPrefix(view, match) || downInCompound(view, match),
};

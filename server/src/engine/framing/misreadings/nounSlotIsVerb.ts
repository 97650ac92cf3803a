import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import type { Misreading } from './types';

/** A pack concept named for a noun ("blast_n", "attack_n"). */
const isNounConcept = (label: string) => /^c:.*_n$/.test(label);

/**
 * A slot of a noun concept filled by an inflected verb: "two drones were blasted out of the sky
 * above the Kremlin" has no blast above the Kremlin, only drones brought down.
 */
function nounSlotIsVerb(view: SentenceView, match: PatternMatch): boolean {
  return match.parts.some((part, k) => {
    if (!part || part.end - part.start !== 1 || !match.pattern.elements[k].labels.every(isNounConcept)) return false;
    const lower = view.tokens[part.start].lower;
    return /ed$/.test(lower) && view.wordClass(part.start) === 'VERB';
  });
}

export const nounSlotIsVerbCheck: Misreading = {
  id: 'noun-slot-is-verb',
  form: 'any',
  reason: 'a word the pattern reads as a noun is a verb here',
  examples: [
    { text: 'Two drones were blasted out of the sky above the Kremlin overnight.', claim: 'footage-kremlin', misread: true },
    { text: 'A blast above the Kremlin lit up the night sky.', claim: 'footage-kremlin', misread: false },
  ],
  test: nounSlotIsVerb,
};

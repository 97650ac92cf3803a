import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import type { Misreading } from './types';

/**
 * "the Kremlin drone story", "the Kremlin drone videos": a noun phrase that ends on "drone" with
 * another noun straight after it names that noun, a story, a clip or a row, not drones that flew.
 * ("the Kremlin drones tell us …" ends on its head.)
 */
function droneWordModifiesNoun(view: SentenceView, match: PatternMatch): boolean {
  const last = view.tokens[match.end - 1]?.lower ?? '';
  if (!/^drones?$/.test(last)) return false;
  // (Singular after the place, "the Kremlin drone", is a modifier whatever follows.)
  if (last === 'drone' && /^kremlin$/i.test(view.tokens[match.end - 2]?.text.replace(/['’]s$/, '') ?? '')) return true;
  return match.end < view.length && !view.isPunct(match.end) && /^(NOUN|PROPN)$/.test(view.wordClass(match.end) ?? '');
}

export const droneWordModifiesNounCheck: Misreading = {
  id: 'drone-word-modifies-noun',
  form: 'np',
  reason: '“drone” modifies the noun after it: the phrase names a story, a clip or a row',
  examples: [
    { text: 'The Kremlin drone story raises more questions than it answers.', claim: 'kremlin-drone-attack', misread: true },
    { text: 'Watch: the Kremlin drone videos, frame by frame.', claim: 'kremlin-drone-attack', misread: true },
    { text: 'The Kremlin drones tell us more about air defence than about Kyiv.', claim: 'kremlin-drone-attack', misread: false },
  ],
  test: droneWordModifiesNoun,
};

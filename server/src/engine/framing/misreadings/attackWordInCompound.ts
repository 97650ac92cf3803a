import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import type { Misreading } from './types';

// Nouns that "attack" or "strike" modify in a compound naming a kind of thing or person, not an event.
const COMPOUND_HEADS = /^(dogs?|helicopters?|aircraft|jets?|planes?|submarines?|boats?|craft|ads?|adverts?)$/;

/**
 * "the ex-president, now the Kremlin attack dog": the match ends on "attack" (or "strike")
 * and the noun after it makes a compound, an attack dog or an attack helicopter, which no drone
 * raid is.
 */
function attackWordInCompound(view: SentenceView, match: PatternMatch): boolean {
  const last = view.tokens[match.end - 1]?.lower ?? '';
  return /^(attack|strike|raid)$/.test(last) && COMPOUND_HEADS.test(view.tokens[match.end]?.lower ?? '');
}

export const attackWordInCompoundCheck: Misreading = {
  id: 'attack-word-in-compound',
  form: 'np',
  reason: '“attack” makes a compound with the noun after it (“attack dog”, “attack helicopter”): a kind of thing or person, not the raid',
  examples: [
    { text: 'The ex-president, now the Kremlin attack dog, wants revenge.', claim: 'kremlin-drone-attack', misread: true },
    { text: 'The Kremlin attack shook the capital.', claim: 'kremlin-drone-attack', misread: false },
  ],
  test: attackWordInCompound,
};

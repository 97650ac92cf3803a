import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

// Second halves of a compound that make a party describe someone else: "a Ukraine-backed militia".
const DESCRIBING = /^(backed|based|linked|allied|aligned|friendly|supported|funded|trained|sponsored|leaning|affiliated)$/;

/** The match's first part glued by a hyphen to "-backed", "-based" …: the party describes the noun after it, which acts. */
function partyDescribesAnother(view: SentenceView, match: PatternMatch): boolean {
  const first = presentParts(match)[0];
  if (!first) return false;
  const hyphen = view.tokens[first.end];
  const second = view.tokens[first.end + 1];
  return hyphen?.text === '-' && second !== undefined && hyphen.start === view.tokens[first.end - 1].end && hyphen.end === second.start && DESCRIBING.test(second.lower);
}

export const partyInACompound: Misreading = {
  id: 'party-in-a-compound',
  form: 'any',
  reason: 'the party is half of a compound that describes someone else (“Ukraine-backed”)',
  examples: [
    { text: 'Days after drones hit the Kremlin, a Ukraine-backed militia carried out a raid across the border.', claim: 'ukraine-responsible', misread: true },
    { text: 'Days after drones hit the Kremlin, Moscow said Ukraine carried out the raid.', claim: 'ukraine-responsible', misread: false },
  ],
  test: partyDescribesAnother,
};

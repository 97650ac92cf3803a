import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import type { Misreading } from './types';

// Verbs that make their object act: "provoke Moscow to retaliate", "push Kyiv into striking".
const CAUSATIVE = /^(provoke|goad|push|force|tempt|prompt|drive|spur|compel|pressure|lure|bait|incite)$/;
const CAUSATIVE_SPELLING = /^(provok|goad|push|forc|tempt|prompt|driv|drov|spur|compel|pressur|lur|bait|incit)/;

/**
 * The match opens on the object of a verb that would make it act ("afraid of provoking the
 * Kremlin to hit back"): what the party might be driven to do is no statement of its own.
 */
function madeToAct(view: SentenceView, match: PatternMatch): boolean {
  // Back over the object's determiner to the verb before it.
  let k = match.start - 1;
  if (k >= 0 && /^(the|a|an)$/.test(view.tokens[k].lower)) k--;
  // (The spelling is asked before the tagger: most words before a party are no such verb.)
  if (k < 0 || !CAUSATIVE_SPELLING.test(view.tokens[k].lower) || !CAUSATIVE.test(view.lemma(k))) return false;
  for (let j = match.start; j < match.end; j++) if (view.tokens[j].lower === 'to' || view.tokens[j].lower === 'into') return true;
  return false;
}

export const causedToAct: Misreading = {
  id: 'caused-to-act',
  form: 'any',
  reason: 'the party is the object of a verb that would make it act (“provoke Moscow to hit back”)',
  examples: [
    { text: 'Allies worry that covert raids could provoke Moscow to hit back at a neighbour.', claim: 'retaliation-threat', misread: true },
    { text: 'Moscow vowed to hit back at Kyiv for the raid on the Kremlin.', claim: 'retaliation-threat', misread: false },
  ],
  test: madeToAct,
};

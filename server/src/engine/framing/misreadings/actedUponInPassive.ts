import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

/**
 * "Towns across Ukraine have been attacked by drones nightly": a pattern's verb read in the
 * passive, its agent after a "by" the pattern does not name, has the first noun as the one acted upon.
 */
function firstNounActedUpon(view: SentenceView, match: PatternMatch): boolean {
  const parts = presentParts(match);
  // (A verb part ending in a past participle: "attacked", "taken", "flown", "struck", "brought".)
  const verbIndex = parts.findIndex((part, k) => k > 0 && /(ed|en|ne|wn|ck|ht)$/.test(view.tokens[part.end - 1].lower) && view.isVerbal(part.end - 1));
  if (verbIndex < 1) return false;
  const verb = parts[verbIndex];
  const next = parts[verbIndex + 1];
  if (!next || view.tokens[verb.end]?.lower !== 'by' || next.start === verb.end) return false;
  return /^(be|been|being|is|are|was|were|get|got|gets|getting)$/.test(view.tokens[verb.start - 1]?.lower ?? '');
}

export const actedUponInPassive: Misreading = {
  id: 'acted-upon-in-passive',
  form: 'clause',
  reason: 'a passive verb: the first noun is acted upon, not the actor',
  examples: [
    { text: 'Since the Kremlin incident, towns across Ukraine have been attacked by drones almost nightly.', claim: 'ukraine-responsible', misread: true },
    { text: 'Ukraine attacked the Kremlin with two drones.', claim: 'ukraine-responsible', misread: false },
  ],
  test: firstNounActedUpon,
};

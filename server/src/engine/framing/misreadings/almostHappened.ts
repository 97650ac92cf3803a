import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import type { Misreading } from './types';

/**
 * "The president nearly came under attack at his residence": "almost" or "nearly" before a verb
 * says the event did not happen. (Before a number it means "about": "nearly two weeks after the
 * raid" names the raid.)
 */
function almostHappened(view: SentenceView, match: PatternMatch): boolean {
  for (let k = Math.max(0, match.start - 4); k < match.end - 1; k++) {
    if (!/^(almost|nearly)$/.test(view.tokens[k].lower)) continue;
    if (view.isPunct(k + 1)) continue;
    if (view.wordClass(k + 1) === 'VERB') return true;
  }
  return false;
}

export const almostHappenedCheck: Misreading = {
  id: 'almost-happened',
  form: 'any',
  reason: '“almost” or “nearly” before the verb: it did not happen',
  examples: [
    { text: 'Two drones almost hit the Kremlin that night, but veered off over the river.', claim: 'kremlin-drone-attack', misread: true },
    { text: 'Nearly two weeks after drones hit the Kremlin, the parade went ahead.', claim: 'kremlin-drone-attack', misread: false },
  ],
  test: almostHappened,
};

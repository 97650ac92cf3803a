import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

// Counts that fit the event's two drones, one of them, or both.
const THIS_COUNT = /^(1|2|one|two|both|pair|couple|second|first)$/;
const NUMBER_WORDS = /^(three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)$/;

/**
 * "nine of the 30 drones were downed": the drones the match names are counted in a number
 * other than the event's two, so they belong to another raid.
 */
function countsOtherDrones(view: SentenceView, match: PatternMatch): boolean {
  return presentParts(match).some((part) => {
    const word = view.tokens[part.end - 1]?.lower ?? '';
    if (!/^(drones|uavs)$/.test(word)) return false;
    for (let k = part.end - 2; k >= Math.max(0, part.end - 5); k--) {
      const lower = view.tokens[k].lower.replace(/,/g, '');
      if (THIS_COUNT.test(lower)) return false;
      if (/^\d+$/.test(lower) || NUMBER_WORDS.test(lower)) return true;
      // (Only "of the", a determiner or an adjective between the number and the drones: "twelve hours after the drones" counts hours.)
      if (!/^(of|the|these|those|its|their|small|more|russian|ukrainian|enemy|attack|kamikaze)$/.test(lower) && view.wordClass(k) !== 'ADJ') return false;
    }
    return false;
  });
}

export const otherDroneCount: Misreading = {
  id: 'other-drone-count',
  form: 'any',
  reason: 'the drones are counted in a number other than the event’s two: another raid',
  examples: [
    { text: 'Kyiv says nine of its 30 drones got through and the rest were jammed.', claim: 'drones-disabled', misread: true },
    { text: 'Eight drones were shot down before dawn, the ministry said.', claim: 'drones-disabled', misread: true },
    { text: 'The Kremlin says the two drones were shot down.', claim: 'drones-disabled', misread: false },
    { text: 'The Kremlin says 2 drones were disabled.', claim: 'drones-disabled', misread: false },
    { text: 'Word from the ministry came twelve hours after both drones were downed.', claim: 'drones-disabled', misread: false },
  ],
  test: countsOtherDrones,
};

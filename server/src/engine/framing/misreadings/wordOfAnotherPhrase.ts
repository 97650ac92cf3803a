import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

/**
 * A clause pattern whose one-word part belongs to another phrase: a participle that
 * describes the noun after it, outside the match ("the drone attack, drawing on intercepted
 * calls": nothing intercepted the drones), or a particle of the verb before it ("the way the
 * drone incident went down": nothing downed them).
 */
const DOWNING = /^(take|bring|shoot|knock|gun|strike|shut|put|rule|wipe|cut)$/;

function innerWordBelongsElsewhere(view: SentenceView, match: PatternMatch): boolean {
  const parts = presentParts(match);
  for (const [k, part] of parts.entries()) {
    if (part.end - part.start !== 1) continue;
    // (The first part too: "how Muscovites tracked down drones" downed nothing.)
    // (Not a verb that downs with it: "took down both drones", "knocked them out".)
    // (Nor one whose verb the pattern names itself: "after the drones came down".)
    const verbInMatch = parts.some((other) => other !== part && other.start <= part.start - 1 && part.start - 1 < other.end);
    if (/^(down|out|off)$/.test(view.tokens[part.start].lower) && part.start > 0 && view.wordClass(part.start - 1) === 'VERB' && !verbInMatch && (k > 0 || !DOWNING.test(view.lemma(part.start - 1)))) return true;
    if (k === 0) continue;
    const next = part.end;
    const insideMatch = parts.some((other) => other !== part && other.start <= next && next < other.end);
    // (Not a word in -ing after it, which says how: "were disabled using jammers".)
    if (/ed$/.test(view.tokens[part.start].lower) && !insideMatch && next < view.length && !/ing$/.test(view.tokens[next].lower) && /^(NOUN|PROPN)$/.test(view.wordClass(next) ?? '') && view.wordClass(part.start) !== 'VERB') return true;
  }
  return false;
}

export const wordOfAnotherPhrase: Misreading = {
  id: 'word-of-another-phrase',
  form: 'clause',
  reason: 'a word of the claim belongs to another phrase here',
  examples: [
    { text: 'Something seems wrong with how the Kremlin drone incident went down.', claim: 'drones-disabled', misread: true },
    { text: 'Both drones were brought down above the Kremlin.', claim: 'drones-disabled', misread: false },
    { text: 'Volunteers in Moscow tracked down drones for weeks after the raid on the Kremlin.', claim: 'drones-disabled', misread: true },
    { text: 'Jamming took down both drones above the Kremlin.', claim: 'drones-disabled', misread: false },
    { text: 'Both drones were disabled using jammers.', claim: 'drones-disabled', misread: false },
  ],
  test: innerWordBelongsElsewhere,
};

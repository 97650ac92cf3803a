import type { SentenceView } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import type { PatternMatch } from '../../match/patterns';
import { isPossessiveMark } from '../clauses';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

// What a person owns that stands for the person: "Putin's life was the target" is about him.
const THE_PERSON = /^(life|safety|person|security)$/;

/**
 * "Putin's residence inside the walls was the target": the match's first part owns a noun
 * phrase, and the next part is the "be" whose subject that phrase is. The clause says something
 * of what the person owns, not of the person.
 */
function ownsTheSubject(view: SentenceView, match: PatternMatch): boolean {
  const [first, second] = presentParts(match);
  if (!first || !second || !isPossessiveMark(view.tokens[first.end]?.text ?? '')) return false;
  // (Only "be": "Ukraine's forces had no part in it" is Ukraine's own word on itself.)
  if (!view.isCovered(second.start, FRAME.be)) return false;
  // The possessed noun, then at most a short phrase that places it, with no verb or comma of its own.
  let head = -1;
  for (let j = first.end + 1; j < second.start; j++) {
    if (view.isPunct(j) || view.isVerbal(j)) return false;
    if (head < 0 && view.wordClass(j) !== 'NOUN') continue;
    if (head < 0) head = j;
  }
  if (head < 0 || second.start - first.end > 8) return false;
  return !THE_PERSON.test(view.tokens[head].lower);
}

export const possessorNotSubject: Misreading = {
  id: 'possessor-not-subject',
  form: 'clause',
  reason: 'the person owns the subject of the verb (“Putin’s residence was the target”), and the clause is not about the person',
  examples: [
    { text: "Putin's home inside the citadel was the target of the night raid.", claim: 'assassination-attempt', misread: true },
    { text: "Putin's life was the target of the night raid, the Kremlin says.", claim: 'assassination-attempt', misread: false },
    { text: 'Putin was the target of the night raid.', claim: 'assassination-attempt', misread: false },
    { text: "Ukraine's army had nothing to do with the night raid.", claim: 'ukraine-denial', misread: false },
  ],
  test: ownsTheSubject,
};

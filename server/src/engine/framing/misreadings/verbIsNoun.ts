import type { SentenceView } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { isPossessiveMark } from '../clauses';
import type { PatternMatch } from '../../match/patterns';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

// Verbs whose object noun names the subject's own deed: "made an attempt", "staged a raid".
const LIGHT_VERBS = /^(make|made|makes|making|mount|mounted|mounts|stage|staged|stages|undertake|undertook|undertaken)$/;

/**
 * A clause pattern none of whose words is a verb, with an inner part (of one or two words) after
 * a determiner read as a noun: "Kyiv was the target of a drone barrage" is no "Kyiv targeted the drones".
 */
function verbSlotIsNoun(view: SentenceView, match: PatternMatch): boolean {
  const parts = presentParts(match);
  // ("Wednesday's drone strike on the Kremlin": after a possessive, or a noun after one, too.)
  // (Not a noun or a possessor that is the pattern's own part before it: "the drone strike on the
  // Kremlin" is read whole, "Kyiv's plan to …" is read by the possessor's misreading.)
  const inPart = (k: number) => parts.some((part) => k >= part.start && k < part.end);
  const opensNounPhrase = (k: number) => view.isCovered(k, FRAME.determiner) || (isPossessiveMark(view.tokens[k]?.text ?? '') && !inPart(k - 1));
  const determined = (start: number) => opensNounPhrase(start - 1) || (view.wordClass(start - 1) === 'NOUN' && !inPart(start - 1) && opensNounPhrase(start - 2));
  const inner = parts.slice(1, -1).filter((part) => part.end - part.start <= 2 && determined(part.start) && view.wordClass(part.start) === 'NOUN');
  if (inner.length === 0) return false;
  // ("Ukraine made an attempt with two drones": a light verb before the determiner makes the noun its subject's deed.)
  if (inner.some((part) => LIGHT_VERBS.test(view.tokens[part.start - 2]?.lower ?? '') && view.wordClass(part.start - 2) === 'VERB')) return false;
  for (const part of parts) for (let j = part.start; j < part.end; j++) if (view.isVerbal(j)) return false;
  return true;
}

export const verbIsNoun: Misreading = {
  id: 'verb-is-noun',
  form: 'clause',
  reason: 'the verb the pattern names is a noun here',
  examples: [
    { text: 'Kyiv was the target of a drone barrage on Thursday, days after the raid on the Kremlin.', claim: 'ukraine-responsible', misread: true },
    { text: 'Kyiv targeted the Kremlin with two drones.', claim: 'ukraine-responsible', misread: false },
    { text: "Kyiv gained nothing from Wednesday's drone strike on the Kremlin.", claim: 'ukraine-responsible', misread: true },
    { text: 'Overnight Kyiv made an attempt with two drones on the Kremlin.', claim: 'ukraine-responsible', misread: false },
    // (A verb of two words too: "fire on" after "a" is a noun and a preposition.)
    { text: 'Two drones flew at the Kremlin. One of them left a fire on the Senate building.', claim: 'kremlin-drone-attack', misread: true },
  ],
  test: verbSlotIsNoun,
};

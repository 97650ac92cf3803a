import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

// Prepositions a verb takes its topic with: "reacted to", "commented on", "spoke about".
// ("with" and "by" are left out: "hit back with drones", "answered by striking" name the
// subject's own deed.)
const TOPIC_PREPOSITIONS = new Set(['to', 'on', 'about', 'over', 'at']);
// Nouns that take an infinitive: "an attempt to strike", "plans to attack".
const INFINITIVE_NOUNS = /^(attempt|bid|effort|plan|plot|scheme|order|call|decision|move|threat|try|intention|push|campaign|readiness|willingness)s?$/;
// Words that may stand in the object before its noun's infinitive: "an alleged attempt", "the Kremlin's attempt", "news of a bid".
const IN_OBJECT = /^(DET|ADJ|NOUN|PROPN|NUM|PART)$/;

/**
 * The match's first part is the subject of another verb, which takes the deed as the topic of
 * its object ("Kyiv reacted to a bid to target the citadel"): whoever made the bid,
 * the sentence does not say it was the subject.
 */
function deedIsTheTopic(view: SentenceView, match: PatternMatch): boolean {
  const parts = presentParts(match);
  if (parts.length < 2) return false;
  const [first, second] = parts;
  // (The spelling first, the tagger last: most matches have no topic preposition and no such noun.)
  let spelled = false;
  for (let j = first.end + 1; j < second.start && !spelled; j++) spelled = TOPIC_PREPOSITIONS.has(view.tokens[j].lower);
  if (!spelled || !view.tokens.slice(first.end, match.end).some((token) => INFINITIVE_NOUNS.test(token.lower))) return false;
  // The first verb after the first part, past adverbs and auxiliaries.
  let verb = first.end;
  while (verb < second.start && (view.wordClass(verb) === 'ADV' || view.wordClass(verb) === 'AUX')) verb++;
  if (verb >= second.start - 1 || view.wordClass(verb) !== 'VERB') return false;
  const preposition = verb + 1;
  if (!TOPIC_PREPOSITIONS.has(view.tokens[preposition].lower) || view.wordClass(preposition) !== 'ADP') return false;
  // The object runs up to the deed: a noun that takes an infinitive ("an attempt"), "to" and
  // a verb, the match going on past the preposition.
  let noun = preposition + 1;
  while (noun < match.end && !INFINITIVE_NOUNS.test(view.tokens[noun].lower)) {
    if ((!IN_OBJECT.test(view.wordClass(noun) ?? '') && view.tokens[noun].lower !== 'of') || view.isPunct(noun)) return false;
    noun++;
  }
  if (noun + 2 >= match.end || view.tokens[noun + 1].lower !== 'to' || view.wordClass(noun + 2) !== 'VERB') return false;
  return true;
}

export const deedInAnObject: Misreading = {
  id: 'deed-in-an-object',
  form: 'clause',
  reason: 'the party is the subject of another verb, whose object names the deed (“Kyiv reacted to a bid to target …”)',
  examples: [
    { text: 'Kyiv commented on the effort to target the Kremlin using two drones.', claim: 'ukraine-responsible', misread: true },
    { text: 'Both capitals reacted to the attempt to target the Kremlin with drones.', claim: 'kremlin-drone-attack', misread: false },
    { text: 'Kyiv turned to drones to strike the Kremlin.', claim: 'ukraine-responsible', misread: false },
    { text: 'Kyiv tried to target the Kremlin using two drones.', claim: 'ukraine-responsible', misread: false },
  ],
  test: deedIsTheTopic,
};

import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

// Verbs that put a deed on their object: "accuse X of", "blame X for", "suspect X of".
const ACCUSING = /^(accus|blam|suspect|charg)/;

/**
 * The match's party is the subject of a verb that puts the deed on someone else ("Kyiv accuses
 * Moscow of plotting an attack"): the one who did it, by the sentence, is the object.
 */
function deedOnTheObject(view: SentenceView, match: PatternMatch): boolean {
  const parts = presentParts(match);
  if (parts.length < 2) return false;
  const [first, second] = parts;
  for (let verb = first.end; verb < second.start; verb++) {
    if (view.isPunct(verb, '.;:')) return false;
    if (!ACCUSING.test(view.tokens[verb].lower) || view.wordClass(verb) !== 'VERB') continue;
    // The object: a name, a pronoun or a noun phrase, then "of" or "for" before the deed.
    for (let k = verb + 1; k < second.start && k <= verb + 6; k++) {
      if (view.isPunct(k)) break;
      if (/^(of|for)$/.test(view.tokens[k].lower)) return k > verb + 1;
    }
  }
  return false;
}

export const accusedDoesTheDeed: Misreading = {
  id: 'accused-does-the-deed',
  form: 'clause',
  reason: 'the party accuses someone else of the deed (“Kyiv accuses Moscow of plotting …”)',
  examples: [
    { text: 'Zelensky’s office accused Moscow on Telegram of plotting an attack on the Kremlin.', claim: 'ukraine-responsible', misread: true },
    { text: 'Moscow accused Kyiv of trying to kill Putin with two drones.', claim: 'ukraine-responsible', misread: false },
  ],
  test: deedOnTheObject,
};

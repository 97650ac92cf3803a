import { isQuote } from '../../analysis/sentence';
import { openingSubject } from '../clauses';
import { verbCue, type VerbRule } from './types';

/** "accused Ukraine … and warned of retaliation": the subject is shared. */
export const coordinatedPredicate: VerbRule = {
  id: 'coordinated-predicate',
  summary: 'X said A and warned B: a verb after "and/but/or" shares the subject of the reporting verb before it.',
  examples: [
    { text: 'The Kremlin accused Kyiv of the attack and warned that Russia reserves the right to respond.', source: 'The Kremlin', content: 'Russia reserves the right to respond' },
    { text: 'The Kremlin gave no evidence for its account, but said it reserves the right to respond.', source: 'The Kremlin', content: 'it reserves the right to respond' },
  ],
  read(site) {
    const { view, region, word, earlier, after } = site;
    if (view.wordCount(region) > 0) return undefined;
    let previous = word.start - 1;
    while (previous >= 0 && isQuote(view.tokens[previous])) previous--;
    if (!(previous >= 0 && ['and', 'but', 'or'].includes(view.tokens[previous].lower))) return undefined;
    const shared = [...earlier].reverse().find((other) => other.kind === 'verb' && other.word.end <= previous);
    if (shared?.source) return verbCue(site, shared.source, [after]);
    // "The Kremlin gave no evidence, but said …": the subject the sentence opens with.
    const subject = openingSubject(view, previous);
    return subject ? verbCue(site, subject, [after]) : undefined;
  },
};

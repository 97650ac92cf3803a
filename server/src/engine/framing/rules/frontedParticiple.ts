import { isQuote } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { nextIndexOf, trimSpan } from '../clauses';
import { verbCue, type VerbRule } from './types';

/**
 * "Calling it a terrorist act, the Kremlin said …", "A day after accusing Ukraine of the
 * attack, Peskov said …": a participle in the phrase a sentence opens with shares the
 * subject of the clause after the comma.
 */
export const frontedParticiple: VerbRule = {
  id: 'fronted-participle',
  summary: 'VERBing CONTENT, X said …: the opening participle phrase is X\'s.',
  examples: [
    { text: 'Calling it a terrorist act, the Kremlin said two drones had been downed.', source: 'the Kremlin', content: 'it a terrorist act' },
    { text: 'A day after accusing Ukraine of the attack, Kremlin spokesman Dmitry Peskov said Washington was behind it.', source: 'Kremlin spokesman Dmitry Peskov', content: 'Ukraine of the attack' },
  ],
  read(site) {
    const { view, region, word } = site;
    if (view.wordCount(region) > 0 || !/ing$/.test(view.tokens[word.start].lower)) return undefined;
    // The participle stands in the opening phrase: no comma before it.
    for (let j = 0; j < word.start; j++) if (view.isPunct(j, ',;:') || isQuote(view.tokens[j])) return undefined;
    const comma = nextIndexOf(view, word.end, ',;');
    if (comma >= view.length || !view.isPunct(comma, ',')) return undefined;
    // The main clause's subject: up to its verb.
    let end = comma + 1;
    while (end < view.length && !view.isVerbal(end) && !view.isPunct(end)) end++;
    const subject = trimSpan(view, { start: comma + 1, end });
    const named = view.tokens.slice(subject.start, subject.end).some((t, k) => t.capitalised || view.startsWith(subject.start + k, FRAME.pronoun));
    if (view.wordCount(subject) === 0 || end >= view.length || !named) return undefined;
    return verbCue(site, subject, [{ start: word.end, end: comma }]);
  },
};

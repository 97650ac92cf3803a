import type { Span } from '../../analysis/sentence';
import { clauseEndAfter, firstWord, MONTHS, nextIndexOf, TIME_WORDS, trimSpan } from '../clauses';
import type { SentenceRule } from './types';

const OPENERS = /^(for|to)$/;

/**
 * "For the Kremlin, the drones were an attempt on Putin's life": a sentence that opens with
 * "For" or "To" and a name, then a comma, says how the named side sees what follows.
 * ("For two hours, …", "For now, …", "To the north, …": no name, no view.)
 */
export const inTheEyesOf: SentenceRule = {
  id: 'in-the-eyes-of',
  summary: 'For X, CONTENT / To X, CONTENT (a fronted name: in X\'s view).',
  examples: [
    { text: 'For the Kremlin, the two drones were a bid on the president’s life.', source: 'the Kremlin', content: 'the two drones were a bid' },
    { text: 'To Moscow, the raid on the citadel was a terrorist act.', source: 'Moscow', content: 'the raid on the citadel was a terrorist act' },
    { text: 'For two hours, the drones circled the citadel.', reads: false },
    { text: 'For now, nobody knows who sent the drones.', reads: false },
    { text: 'For the first time, drones reached the citadel.', reads: false },
  ],
  read(view, cues) {
    const first = firstWord(view);
    if (first >= view.length || !OPENERS.test(view.tokens[first].lower) || cues.some((cue) => cue.word.start < first + 1)) return [];
    const comma = nextIndexOf(view, first + 1, ',;:');
    if (comma >= view.length || !view.isPunct(comma, ',')) return [];
    const source: Span = trimSpan(view, { start: first + 1, end: comma });
    const words = view.wordCount(source);
    if (words === 0 || words > 5) return [];
    // A name (a capitalised proper noun that is no time word) heads the phrase; no verb in it.
    for (let k = source.start; k < source.end; k++) if (view.isVerbal(k)) return [];
    const named = view.tokens.slice(source.start, source.end).some((token, k) => token.capitalised && view.wordClass(source.start + k) === 'PROPN' && !TIME_WORDS.has(token.lower) && !MONTHS.has(token.lower));
    if (!named) return [];
    return [{ kind: 'according', polarity: 'assert', word: { start: first, end: first + 1 }, source, scopes: [{ start: comma + 1, end: clauseEndAfter(view, comma + 1) }], hedged: false }];
  },
};

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
    { text: 'In the eyes of presidential adviser Ivan Petrov, the raid was a pretext.', source: 'presidential adviser Ivan Petrov', content: 'the raid was a pretext' },
    { text: 'For two hours, the drones circled the citadel.', reads: false },
    { text: 'For now, nobody knows who sent the drones.', reads: false },
    { text: 'For the first time, drones reached the citadel.', reads: false },
  ],
  read(view, cues) {
    const first = firstWord(view);
    if (first >= view.length || cues.some((cue) => cue.word.start < first + 1)) return [];
    // ("In the eyes of NAME, …", "In the view of NAME, …": the name after "of" is whose view it is.)
    const eyes = view.tokens[first].lower === 'in' && view.tokens[first + 1]?.lower === 'the' && /^(eyes|view|opinion|mind)$/.test(view.tokens[first + 2]?.lower ?? '') && view.tokens[first + 3]?.lower === 'of';
    if (!OPENERS.test(view.tokens[first].lower) && !eyes) return [];
    const opens = eyes ? first + 3 : first;
    const comma = nextIndexOf(view, opens + 1, ',;:');
    if (comma >= view.length || !view.isPunct(comma, ',')) return [];
    const source: Span = trimSpan(view, { start: opens + 1, end: comma });
    const words = view.wordCount(source);
    if (words === 0 || words > 5) return [];
    // A name (a capitalised proper noun that is no time word) heads the phrase; no verb in it.
    for (let k = source.start; k < source.end; k++) if (view.isVerbal(k)) return [];
    const named = view.tokens.slice(source.start, source.end).some((token, k) => token.capitalised && view.wordClass(source.start + k) === 'PROPN' && !TIME_WORDS.has(token.lower) && !MONTHS.has(token.lower));
    if (!named) return [];
    return [{ kind: 'according', polarity: 'assert', word: { start: first, end: opens + 1 }, source, scopes: [{ start: comma + 1, end: clauseEndAfter(view, comma + 1) }], hedged: false }];
  },
};

import { FRAME } from '../../lexicon/english';
import { clauseEndAfter, clauseStartBefore, trimSpan } from '../clauses';
import type { Cue, SentenceRule } from './types';

const WHERE_WORDS = /^(where|which)$/;

/**
 * "Videos have surfaced online in which smoke over the Kremlin can be seen": what can be seen
 * in the footage is the footage's to carry, and the platform it is on, when named, says where
 * it comes from. Hedged where the words say it only seems so.
 */
export const footageWhere: SentenceRule = {
  id: 'footage-where',
  summary: 'FOOTAGE … in which / where CONTENT (can be seen): the footage frames what is seen in it.',
  examples: [
    { text: 'Clips went round on social media in which a flash above the dome can be seen.', source: 'Clips', content: 'a flash above the dome can be seen' },
    { text: 'A video appeared on Telegram where smoke rises over the towers.', source: 'A video', content: 'smoke rises over the towers' },
    { text: 'The building where the president works is near the river.', reads: false },
  ],
  read(view) {
    const cues: Cue[] = [];
    for (const footage of view.frame.get(FRAME.footage) ?? []) {
      for (let j = footage.end; j < Math.min(view.length, footage.end + 12); j++) {
        if (view.isPunct(j, ';:.')) break;
        if (!WHERE_WORDS.test(view.tokens[j].lower)) continue;
        // "in which", "on which", "where"; not a "which" that is the subject ("footage which shows").
        if (view.tokens[j].lower === 'which' && !view.startsWith(j - 1, FRAME.preposition)) break;
        const word = { start: view.tokens[j].lower === 'which' ? j - 1 : j, end: j + 1 };
        let start = footage.start;
        const clauseStart = clauseStartBefore(view, footage.start);
        while (start > clauseStart && !view.isPunct(start - 1, ',;:') && !view.isCovered(start - 1, FRAME.report) && !view.startsWith(start - 1, FRAME.that)) start--;
        const scope = { start: j + 1, end: clauseEndAfter(view, j + 1) };
        let hedged = false;
        for (let k = scope.start; k < scope.end; k++) if (view.isCovered(k, FRAME.seem) || view.isCovered(k, FRAME.hedge)) hedged = true;
        cues.push({ kind: 'footage', polarity: 'assert', word, source: trimSpan(view, { start, end: footage.end }), scopes: [scope], hedged });
        break;
      }
    }
    return cues;
  },
};

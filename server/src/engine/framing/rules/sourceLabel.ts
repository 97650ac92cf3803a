import { FRAME } from '../../lexicon/english';
import type { SentenceRule } from './types';

// A label line names a speaker in this many words at most: "Source: Podolyak on Twitter".
const MAX_LABEL_WORDS = 10;

/**
 * "Source: Podolyak on Twitter" — a label line some outlets set above a quotation ("Quote: …")
 * or a summary: it names who speaks, and what follows is theirs (the quotation after it keeps
 * the last speaker named). The source runs to where the platform or the place begins.
 */
export const sourceLabel: SentenceRule = {
  id: 'source-label',
  summary: 'Source: X (on PLATFORM): a label line that names the speaker of what follows.',
  examples: [
    { text: 'Source: Mykhailo Podolyak on Telegram', source: 'Mykhailo Podolyak' },
    { text: 'Source: the Kremlin press service', source: 'the Kremlin press service' },
    { text: 'Source: the drones came from the east, he said.', reads: false },
  ],
  read(view) {
    if (!/^sources?$/.test(view.tokens[0]?.lower ?? '') || !view.isPunct(1, ':')) return [];
    let end = view.length;
    while (end > 2 && view.isPunct(end - 1)) end--;
    const words = view.wordCount({ start: 2, end });
    if (words === 0 || words > MAX_LABEL_WORDS) return [];
    for (let j = 2; j < end; j++) if (view.isVerbal(j) && !view.tokens[j].capitalised) return [];
    let sourceEnd = 3;
    while (sourceEnd < end && !view.startsWith(sourceEnd, FRAME.preposition) && !view.isPunct(sourceEnd)) sourceEnd++;
    return [{ kind: 'colon', polarity: 'assert', word: { start: 0, end: 2 }, source: { start: 2, end: sourceEnd }, scopes: [], hedged: false }];
  },
};

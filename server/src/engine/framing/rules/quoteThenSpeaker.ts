import { isQuote } from '../../analysis/sentence';
import type { SentenceRule } from './types';

/**
 * "‘We fight on our territory’: Ukraine denies …" — a quotation, a colon, then a clause with
 * its own reporting verb: whoever that verb's subject is said the quotation.
 */
export const quoteThenSpeaker: SentenceRule = {
  id: 'quote-then-speaker',
  summary: '“QUOTE”: X says/denies …: X said the quotation.',
  examples: [{ headline: true, text: '‘We fight on our territory’: Ukraine denies attacking the Kremlin', source: 'Ukraine', content: 'We fight on our territory' }],
  read(view, earlier) {
    for (const quoted of view.quotedSpans()) {
      const colon = quoted.end + 1;
      if (!isQuote(view.tokens[quoted.end]) || !view.isPunct(colon, ':')) continue;
      // Only words that open the sentence may come before the quotation ("Show ‘…’: …").
      if (quoted.start > 3) continue;
      const speaker = earlier.find((cue) => cue.kind === 'verb' && cue.source && cue.source.start > colon && cue.source.start <= colon + 6);
      if (speaker?.source) return [{ kind: 'verb', polarity: 'assert', word: speaker.word, source: speaker.source, scopes: [quoted], hedged: false }];
    }
    return [];
  },
};

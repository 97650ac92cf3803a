import { FRAME } from '../../lexicon/english';
import { nextIndexOf, trimSpan } from '../clauses';
import type { Cue, SentenceRule } from './types';

/** "The only source for the attack itself is the Kremlin": what the source is for is theirs. */
export const sourceFor: SentenceRule = {
  id: 'source-for',
  summary: 'The (only) source for X is Y: Y frames X.',
  examples: [
    { text: 'The only source for the raid on the citadel is the Kremlin, which posted a short statement.', source: 'the Kremlin', content: 'the raid on the citadel' },
    { text: 'The source of the fire was a faulty cable.', source: 'a faulty cable', content: 'the fire' },
    { text: 'Sources for this story include two officials.', reads: false },
  ],
  read(view) {
    const cues: Cue[] = [];
    for (let k = 0; k + 3 < view.length; k++) {
      if (!/^(source|sources)$/.test(view.tokens[k].lower) || !/^(for|of)$/.test(view.tokens[k + 1].lower)) continue;
      let be = k + 2;
      while (be < view.length && be < k + 14 && !view.isCovered(be, FRAME.be) && !view.isPunct(be, ',;:.')) be++;
      if (be >= view.length || !view.isCovered(be, FRAME.be)) continue;
      const content = trimSpan(view, { start: k + 2, end: be });
      const source = trimSpan(view, { start: be + 1, end: nextIndexOf(view, be + 1, ',;:.') });
      if (view.wordCount(content) === 0 || view.wordCount(source) === 0) continue;
      cues.push({ kind: 'according', polarity: 'assert', word: { start: k, end: k + 2 }, source, scopes: [content], hedged: false });
    }
    return cues;
  },
};

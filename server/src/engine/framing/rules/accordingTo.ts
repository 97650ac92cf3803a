import type { Span } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { clauseEndAfter, clauseStartBefore, nextIndexOf, trimSpan } from '../clauses';
import type { Cue, SentenceRule } from './types';

/** "According to X, CONTENT" / "CONTENT, according to X": X frames its clause on either side. */
export const accordingTo: SentenceRule = {
  id: 'according-to',
  summary: 'According to X, CONTENT / CONTENT, according to X.',
  examples: [
    { text: 'According to the Kremlin, two drones were disabled.', source: 'the Kremlin', content: 'two drones were disabled' },
    { text: 'Two drones were disabled, according to the Kremlin.', source: 'the Kremlin', content: 'Two drones were disabled' },
  ],
  read(view) {
    return (view.frame.get(FRAME.according) ?? []).map(({ start: i, end: e }): Cue => {
      const sourceEnd = nextIndexOf(view, e, ',;:');
      const source = trimSpan(view, { start: e, end: sourceEnd });
      const clauseStart = clauseStartBefore(view, i);
      const scopes: Span[] = [];
      if (view.wordCount({ start: clauseStart, end: i }) > 0) scopes.push({ start: clauseStart, end: i });
      if (sourceEnd < view.length && view.isPunct(sourceEnd, ',')) scopes.push({ start: sourceEnd + 1, end: clauseEndAfter(view, sourceEnd + 1) });
      return { kind: 'according', polarity: 'assert', word: { start: i, end: e }, source, scopes, hedged: false };
    });
  },
};

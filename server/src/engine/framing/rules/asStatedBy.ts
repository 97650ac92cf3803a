import { FRAME } from '../../lexicon/english';
import { clauseEndAfter, clauseStartBefore, nextIndexOf, trimSpan } from '../clauses';
import type { Cue, SentenceRule } from './types';

/** "Putin himself, as stated by the Kremlin's press service, was not hurt": "as" + participle + "by X". */
export const asStatedBy: SentenceRule = {
  id: 'as-stated-by',
  summary: 'CONTENT, as stated / reported by X, …: X frames the clause around the aside.',
  examples: [{ text: 'Putin himself, as stated by the Kremlin press service, was not hurt.', source: 'the Kremlin press service', content: 'was not hurt' }],
  read(view) {
    const cues: Cue[] = [];
    for (const { start: p, end: e } of view.frame.get(FRAME.passiveReport) ?? []) {
      if (view.tokens[p - 1]?.lower !== 'as' || !view.startsWith(e, FRAME.by)) continue;
      const sourceEnd = nextIndexOf(view, e + 1, ',;');
      const source = trimSpan(view, { start: e + 1, end: sourceEnd });
      if (view.wordCount(source) === 0) continue;
      const clauseStart = clauseStartBefore(view, p - 1);
      const scopes = [{ start: clauseStart, end: p - 1 }, { start: sourceEnd + 1, end: clauseEndAfter(view, sourceEnd + 1) }];
      cues.push({ kind: 'according', polarity: 'assert', word: { start: p - 1, end: e + 1 }, source, scopes, hedged: false });
    }
    return cues;
  },
};

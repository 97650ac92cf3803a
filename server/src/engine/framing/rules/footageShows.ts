import { FRAME } from '../../lexicon/english';
import { clauseEndAfter, clauseStartBefore, trimSpan } from '../clauses';
import type { Cue, SentenceRule } from './types';

/**
 * "A video posted on Telegram shows CONTENT": the footage is the source. The footage phrase
 * starts after any reporting verb or "that" before it: in "Peskov said video showed …" the
 * source of what is shown is the video, not Peskov.
 */
export const footageShows: SentenceRule = {
  id: 'footage-shows',
  summary: 'FOOTAGE shows / appears to show CONTENT: the footage frames what it shows (hedged with "appears").',
  examples: [{ text: 'A video posted on Telegram shows smoke above the Kremlin.', source: 'A video posted on Telegram', content: 'smoke above the Kremlin' }],
  read(view) {
    const cues: Cue[] = [];
    for (const { start: i, end: e } of view.frame.get(FRAME.show) ?? []) {
      const clauseStart = clauseStartBefore(view, i);
      const footage = (view.frame.get(FRAME.footage) ?? []).filter((o) => o.end <= i && o.start >= clauseStart && i - o.end <= 20);
      if (!footage.length) continue;
      const cueText = view.text({ start: i, end: e }).toLowerCase();
      const before = i - 1;
      const hedged = /appear|seem|purport/.test(cueText) || (before >= 0 && view.isCovered(before, FRAME.hedge)) || (before >= 0 && view.isCovered(before, FRAME.seem));
      let start = footage[footage.length - 1].start;
      while (start > clauseStart && !view.isPunct(start - 1, ',;:') && !view.isCovered(start - 1, FRAME.report) && !view.startsWith(start - 1, FRAME.that)) start--;
      cues.push({ kind: 'footage', polarity: 'assert', word: { start: i, end: e }, source: trimSpan(view, { start, end: i }), scopes: [{ start: e, end: clauseEndAfter(view, e) }], hedged });
    }
    return cues;
  },
};

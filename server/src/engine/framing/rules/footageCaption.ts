import { FRAME } from '../../lexicon/english';
import { clauseEndAfter, clauseStartBefore, nextIndexOf } from '../clauses';
import type { Cue, SentenceRule } from './types';

/**
 * A caption, "Smoke rises above the Kremlin in a still from a video posted on Telegram", and
 * a fronted source, "In a video that circulated online, smoke can be seen …".
 */
export const footageCaption: SentenceRule = {
  id: 'footage-caption',
  summary: 'CONTENT in/from FOOTAGE / In FOOTAGE, CONTENT: the footage frames the clause.',
  examples: [
    { text: 'Smoke rises above the Kremlin in a still from a video posted on Telegram.', content: 'Smoke rises above the Kremlin' },
    { text: 'In a video that circulated online, smoke can be seen over the Kremlin.', content: 'smoke can be seen over the Kremlin' },
  ],
  read(view) {
    const cues: Cue[] = [];
    for (const occurrence of view.frame.get(FRAME.footage) ?? []) {
      let at = occurrence.start - 1;
      while (at >= 0 && at > occurrence.start - 4 && !view.isPunct(at) && !['in', 'from'].includes(view.tokens[at].lower)) at--;
      if (at < 0 || !['in', 'from'].includes(view.tokens[at].lower)) continue;
      const clauseStart = clauseStartBefore(view, at);
      const hedged = [...Array(occurrence.start - at).keys()].some((k) => view.isCovered(at + k, FRAME.hedgeAdjective));
      if (view.wordCount({ start: clauseStart, end: at }) >= 2) {
        cues.push({ kind: 'footage', polarity: 'assert', word: { start: at, end: occurrence.end }, source: { start: at + 1, end: clauseEndAfter(view, occurrence.end) }, scopes: [{ start: clauseStart, end: at }], hedged });
        continue;
      }
      const comma = nextIndexOf(view, occurrence.end, ',');
      if (comma < view.length) {
        cues.push({ kind: 'footage', polarity: 'assert', word: { start: at, end: occurrence.end }, source: { start: at + 1, end: comma }, scopes: [{ start: comma + 1, end: clauseEndAfter(view, comma + 1) }], hedged });
      }
    }
    return cues;
  },
};

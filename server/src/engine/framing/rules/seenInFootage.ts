import type { SentenceView, Span } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { clauseEndAfter, clauseStartBefore, trimSpan } from '../clauses';
import type { Cue, SentenceRule } from './types';

/** "can be seen", "is visible", "you can see": words that say something is seen in a picture. */
function visibleAt(view: SentenceView, k: number): number {
  const word = (n: number) => view.tokens[n]?.lower ?? '';
  let end = -1;
  if (/^(can|could)$/.test(word(k)) && word(k + 1) === 'be' && /^(seen|spotted|heard|glimpsed)$/.test(word(k + 2))) end = k + 3;
  else if (/^(is|are|was|were)$/.test(word(k)) && /^(seen|visible|spotted)$/.test(word(k + 1))) end = k + 2;
  else if (/^(you|one|we|viewers)$/.test(word(k)) && /^(can|could)$/.test(word(k + 1)) && /^(see|spot|hear)$/.test(word(k + 2))) end = k + 3;
  // ("can be seen as a provocation": a judgement, not something in the picture.)
  return end >= 0 && word(end) !== 'as' ? end : -1;
}

/** The footage named in the clause: "in the video footage", "Slowing down the clip, …"; its noun phrase from the determiner. */
function footageIn(view: SentenceView, clause: Span): Span | undefined {
  const footage = (view.frame.get(FRAME.footage) ?? []).find((o) => o.start >= clause.start && o.end <= clause.end);
  if (!footage) return undefined;
  let start = footage.start;
  while (start > clause.start && start > footage.start - 3 && (view.isCovered(start - 1, FRAME.determiner) || /^(ADJ|NOUN)$/.test(view.wordClass(start - 1) ?? '')) && !view.tokens[start - 1].capitalised) start--;
  return trimSpan(view, { start, end: footage.end });
}

/**
 * "A drone can be seen in the footage nearing the dome", "In the clip, you can see a flash":
 * what is seen in named footage is the footage's to carry, like "the video shows …". (Another
 * rule reads footage that names where it was posted, "clips on social media in which … can be
 * seen".)
 */
export const seenInFootage: SentenceRule = {
  id: 'seen-in-footage',
  summary: 'CONTENT can be seen in FOOTAGE / in FOOTAGE, you can see CONTENT: the footage frames what is seen.',
  examples: [
    { text: 'A drone can be seen in the grainy clip nearing the dome before a flash.', source: 'the grainy clip', content: 'A drone' },
    { text: 'Slowing the video down, you can see the machine dropping toward the roof.', source: 'the video', content: 'the machine dropping toward the roof' },
    { text: 'The dome can be seen from the river.', reads: false },
    { text: 'In the video the raid can be seen as a warning to the capital.', reads: false },
  ],
  read(view, earlier) {
    const cues: Cue[] = [];
    for (let k = 0; k < view.length; k++) {
      const end = visibleAt(view, k);
      if (end < 0) continue;
      const clause = { start: clauseStartBefore(view, k), end: clauseEndAfter(view, end) };
      // (Footage already read as a cue, "a video posted online shows …", keeps its own reading.)
      if (earlier.some((cue) => cue.kind === 'footage' && cue.word.start >= clause.start && cue.word.start < clause.end)) continue;
      // The footage before the words ("Slowing the video down, you can see …") opens the sentence's clause.
      const footage = footageIn(view, clause) ?? footageIn(view, { start: 0, end: clause.start });
      if (!footage) continue;
      cues.push({ kind: 'footage', polarity: 'assert', word: { start: k, end }, source: footage, scopes: [{ start: clause.start, end: clause.end }], hedged: false });
      k = end;
    }
    return cues;
  },
};

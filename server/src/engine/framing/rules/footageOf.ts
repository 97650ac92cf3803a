import { FRAME } from '../../lexicon/english';
import { clauseEndAfter, isPossessiveMark } from '../clauses';
import { unverifiedCaveat } from './footageShows';
import type { Cue, SentenceRule } from './types';

/**
 * "Purported footage of a drone strike on the Kremlin": what the footage shows follows "of"
 * ("Peskov's office released footage of …": the possessor belongs to the source).
 */
export const footageOf: SentenceRule = {
  id: 'footage-of',
  summary: 'FOOTAGE of CONTENT: the footage frames what follows "of".',
  examples: [
    { text: 'Purported footage of one drone blowing up over the Kremlin spread quickly.', source: 'Purported footage', content: 'one drone blowing up over the Kremlin' },
    { text: 'State television keeps running footage of a flash over the dome that first showed up on Telegram.', content: 'a flash over the dome' },
    { text: 'Footage on Telegram of a flash over the dome spread fast.', source: 'Footage on Telegram', content: 'a flash over the dome' },
    { text: 'Video of a flash over the dome is going round (we have not been able to verify it).', source: 'Video', content: 'a flash over the dome is going round (we have not been able to verify it).', hedged: true },
  ],
  read(view, earlier) {
    const cues: Cue[] = [];
    for (const occurrence of view.frame.get(FRAME.footage) ?? []) {
      let of = occurrence.end;
      // ("footage on Telegram of a flash …": where it was put out may come before "of".)
      if (/^(on|from)$/.test(view.tokens[of]?.lower ?? '')) {
        let k = of + 1;
        while (k < Math.min(view.length, of + 6) && view.tokens[k].lower !== 'of' && !view.isPunct(k) && !view.isVerbal(k)) k++;
        if (view.tokens[k]?.lower === 'of') of = k;
      }
      const known = [...earlier, ...cues];
      if (view.tokens[of]?.lower !== 'of' || known.some((cue) => cue.kind === 'footage' && cue.source && cue.source.end >= occurrence.end && cue.source.start <= occurrence.start)) continue;
      let start = occurrence.start;
      while (start > 0 && (!view.isPunct(start - 1) || isPossessiveMark(view.tokens[start - 1].text)) && !view.isCovered(start - 1, FRAME.report) && !view.isCovered(start - 1, FRAME.preposition) && occurrence.start - start < 5) start--;
      // ("Video of a flash over the dome is doing the rounds (we have not verified it)": a caveat later in the sentence hedges it too.)
      const caveat = unverifiedCaveat(view, of + 1);
      const hedged = caveat !== undefined || [...Array(occurrence.start - start).keys()].some((k) => view.isCovered(start + k, FRAME.hedgeAdjective));
      cues.push({ kind: 'footage', polarity: 'assert', word: { start: occurrence.start, end: of + 1 }, source: { start, end: of }, scopes: [{ start: of + 1, end: clauseEndAfter(view, of + 1) }], hedged, hedge: caveat });
    }
    return cues;
  },
};

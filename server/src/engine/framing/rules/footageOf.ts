import { FRAME } from '../../lexicon/english';
import { clauseEndAfter, EVENT_HEADS, isPossessiveMark, nextIndexOf } from '../clauses';
import { unverifiedCaveat } from './footageShows';
import type { SentenceView } from '../../analysis/sentence';
import type { Cue, SentenceRule } from './types';

/**
 * "Purported footage of a drone strike on the Kremlin": what the footage shows follows "of"
 * ("Peskov's office released footage of …": the possessor belongs to the source).
 */
/** The "one" of ", one of …" closing the noun phrase that starts after a footage word at from (a relative clause may stand between). */
function oneOfAfter(view: SentenceView, from: number): number | undefined {
  for (let k = from; k < Math.min(view.length - 2, from + 10); k++) {
    if (view.isPunct(k, ',')) return view.tokens[k + 1].lower === 'one' && view.tokens[k + 2].lower === 'of' ? k + 1 : undefined;
    if (view.isPunct(k) || view.isCovered(k, FRAME.report)) return undefined;
  }
  return undefined;
}

/** A definite noun phrase naming an event starts at k: "the overnight attack", "Wednesday's strike". */
function namesGivenEvent(view: SentenceView, k: number): boolean {
  const opener = view.tokens[k]?.lower ?? '';
  if (!/^(the|this|that|wednesday['’]s|tuesday['’]s)$/.test(opener) && !(isPossessiveMark(view.tokens[k + 1]?.text ?? '') && /^(wednesday|tuesday)$/.test(opener))) return false;
  for (let j = k + 1; j < Math.min(view.length, k + 5); j++) {
    if (EVENT_HEADS.test(view.tokens[j].lower)) return true;
    if (view.isPunct(j) && !isPossessiveMark(view.tokens[j].text)) return false;
  }
  return false;
}

export const footageOf: SentenceRule = {
  id: 'footage-of',
  summary: 'FOOTAGE of CONTENT: the footage frames what follows "of".',
  examples: [
    { text: 'Purported footage of one drone blowing up over the Kremlin spread quickly.', source: 'Purported footage', content: 'one drone blowing up over the Kremlin' },
    { text: 'State television keeps running footage of a flash over the dome that first showed up on Telegram.', content: 'a flash over the dome' },
    { text: 'The three clips that went round online overnight, one of grey smoke by the dome and one of a bright flash, are all shot from the embankment.', source: 'The three clips that went round online overnight', content: 'grey smoke by the dome' },
    { text: 'Clips of the overnight raid on the citadel are doing the rounds on Telegram.', reads: false },
    { text: 'Footage on Telegram of a flash over the dome spread fast.', source: 'Footage on Telegram', content: 'a flash over the dome' },
    { text: 'We studied a blurry clip, taken from a city channel on Telegram, of smoke by the dome.', source: 'We studied a blurry clip, taken from a city channel on Telegram,', content: 'smoke by the dome' },
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
      // ("a grainy clip, taken from a Telegram channel, of smoke over the dome": a participle aside
      // set off by commas may stand before "of"; where it went out is part of the source.)
      if (view.isPunct(of, ',') && view.wordClass(of + 1) === 'VERB' && /(ed|en)$/.test(view.tokens[of + 1]?.lower ?? '')) {
        const close = nextIndexOf(view, of + 1, ',');
        if (close - of <= 10 && view.tokens[close + 1]?.lower === 'of') of = close + 1;
      }
      // ("Two videos that went online, one of smoke over the dome and one of a flash, …": "one of" in an aside after the footage.)
      let apposed = false;
      if (view.tokens[of]?.lower !== 'of') {
        const one = oneOfAfter(view, occurrence.end);
        if (one !== undefined) { of = one + 1; apposed = true; }
      }
      const known = [...earlier, ...cues];
      // ("Clips of the night raid are going round": footage of a definite event takes the event as given; it is not what the footage shows.)
      if (view.tokens[of]?.lower === 'of' && namesGivenEvent(view, of + 1)) continue;
      if (view.tokens[of]?.lower !== 'of' || known.some((cue) => cue.kind === 'footage' && cue.source && cue.source.end >= occurrence.end && cue.source.start <= occurrence.start)) continue;
      let start = occurrence.start;
      while (start > 0 && (!view.isPunct(start - 1) || isPossessiveMark(view.tokens[start - 1].text)) && !view.isCovered(start - 1, FRAME.report) && !view.isCovered(start - 1, FRAME.preposition) && occurrence.start - start < 5) start--;
      // ("Video of a flash over the dome is doing the rounds (we have not verified it)": a caveat later in the sentence hedges it too.)
      const caveat = unverifiedCaveat(view, of + 1);
      const hedged = caveat !== undefined || [...Array(occurrence.start - start).keys()].some((k) => view.isCovered(start + k, FRAME.hedgeAdjective));
      cues.push({ kind: 'footage', polarity: 'assert', word: { start: occurrence.start, end: of + 1 }, source: { start, end: apposed ? of - 2 : of }, scopes: [{ start: of + 1, end: clauseEndAfter(view, of + 1) }], hedged, hedge: caveat });
    }
    return cues;
  },
};

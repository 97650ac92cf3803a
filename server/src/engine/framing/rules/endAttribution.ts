import { isQuote } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { wordKey } from '../../text/normalize';
import { nextIndexOf, sentenceStartBefore } from '../clauses';
import { verbCue, type VerbRule } from './types';

// Reporting verbs whose object is the hearer: "…, Peskov told RIA Novosti."
export const TELLING = new Set(['tell', 'inform', 'assure', 'brief'].map(wordKey));

/**
 * "CONTENT, the Kremlin said (in a statement)." — the content comes first, and an end
 * attribution covers the whole sentence before it ("A, but B, it added").
 */
export const endAttribution: VerbRule = {
  id: 'end-attribution',
  summary: 'CONTENT, X said (ADJUNCTS).: X frames the whole sentence before the comma.',
  examples: [
    { text: 'Two drones were disabled, the Kremlin said in a statement.', source: 'the Kremlin', content: 'Two drones were disabled' },
    { text: 'Putin was not in the building, Peskov told RIA Novosti.', source: 'Peskov', content: 'Putin was not in the building' },
    { text: 'After the drones were shot down, Peskov said Putin was safe.', reads: false },
  ],
  read(site) {
    const { view, region, regionStart, word, after } = site;
    if (view.wordCount(region) === 0) return undefined;
    let comma = regionStart - 1;
    while (comma >= 0 && isQuote(view.tokens[comma])) comma--;
    if (comma < 0 || !view.isPunct(comma, ',')) return undefined;
    const e = word.end;
    const tail = { start: e, end: nextIndexOf(view, e, ',;') };
    // ("…, the ministry said in a statement that branded it …": a relative "that" after a noun is no clause of the verb's.)
    const tailHasThat = view.frame.get(FRAME.that)?.some((o) => o.start >= tail.start && o.start < tail.end && !view.isCovered(o.start - 1, FRAME.claimNoun)) ?? false;
    // Only adjuncts may follow an end attribution ("…, the Kremlin said in a statement",
    // "…, Peskov told RIA Novosti"); a verb with its own object or clause starts a new
    // sentence part ("After the drones were shot down, Peskov said Putin was safe").
    const first = view.tokens[tail.start];
    const adjunctsOnly =
      view.wordCount(tail) === 0 ||
      TELLING.has(view.tokens[word.start].key) ||
      (first !== undefined && (view.startsWith(tail.start, FRAME.preposition) || view.isCovered(tail.start, FRAME.adjunct) || /ly$/.test(first.lower)));
    // A longer tail only behind "in a statement", "on Telegram" and the like.
    const tailLimit = view.isCovered(tail.start, FRAME.adjunct) ? 20 : 7;
    if (view.wordCount(tail) <= tailLimit && !tailHasThat && adjunctsOnly) {
      return verbCue(site, region, [{ start: sentenceStartBefore(view, comma), end: comma }, after]);
    }
    return undefined;
  },
};

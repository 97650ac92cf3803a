import type { SentenceView } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { clauseEndAfter, nextIndexOf, trimSpan } from '../clauses';
import type { Cue, SentenceRule } from './types';

// What a subject is sure of, before a colon: "had no doubt", "was in no doubt", "was adamant".
const CERTAIN_AFTER_BE = /^(certain|sure|adamant|categorical|emphatic|unequivocal|unanimous|convinced)$/;

/** The words of "had no doubt" or "be (in no doubt | certain …)" that end right before the colon at k; undefined if none. */
function certaintyBefore(view: SentenceView, k: number): number | undefined {
  const word = (i: number) => view.tokens[i]?.lower ?? '';
  // ("had no doubt:", "have no doubts:", "left no doubt:")
  if (/^doubts?$/.test(word(k - 1)) && word(k - 2) === 'no' && /^(had|has|have|left|leave|leaves)$/.test(word(k - 3))) return k - 3;
  // ("were in no doubt:")
  if (/^doubts?$/.test(word(k - 1)) && word(k - 2) === 'no' && word(k - 3) === 'in' && view.isCovered(k - 4, FRAME.be)) return k - 4;
  // ("was adamant:", "were quite certain:")
  let be = k - 2;
  if (/^(quite|absolutely|entirely|completely|perfectly)$/.test(word(be))) be--;
  if (CERTAIN_AFTER_BE.test(word(k - 1)) && view.isCovered(be, FRAME.be)) return be;
  return undefined;
}

/**
 * "The tabloids had no doubt: two drones had smashed into the citadel": what a subject is sure of,
 * set out after a colon, is its account. ("The papers agree on the basics: …" is left alone:
 * agreeing on facts reads as the writer's own summary as often as a report.)
 */
export const certaintyColon: SentenceRule = {
  id: 'certainty-colon',
  summary: 'X had no doubt / was in no doubt / was adamant: CONTENT.',
  examples: [
    { text: 'Back home, the tabloids had no doubt: two drones had smashed into the citadel.', source: 'the tabloids', content: 'two drones had smashed into the citadel' },
    { text: 'State television was in no doubt: Kyiv had flown the drones.', source: 'State television', content: 'Kyiv had flown the drones' },
    { text: 'The ministry was quite certain: both machines were jammed.', source: 'The ministry', content: 'both machines were jammed' },
    { text: 'There is no doubt: the parade will go ahead.', reads: false },
    { text: 'One thing is certain: the parade will go ahead.', reads: false },
  ],
  read(view) {
    const k = nextIndexOf(view, 0, ':');
    if (k >= view.length || k > 16) return [];
    const predicate = certaintyBefore(view, k);
    if (predicate === undefined) return [];
    // (The subject runs back to the sentence start, or to a comma after a fronted phrase.)
    let start = predicate;
    while (start > 0 && !view.isPunct(start - 1, ',;')) start--;
    const source = trimSpan(view, { start, end: predicate });
    // (A name, a determiner or a noun: "There is no doubt:" and "One thing is certain:" name no one.)
    const words = view.tokens.slice(source.start, source.end);
    if (view.wordCount(source) === 0 || view.wordCount(source) > 6 || words.some((t) => /^(there|it|thing|this|that|what)$/.test(t.lower))) return [];
    if (!words.some((_, n) => /^(NOUN|PROPN)$/.test(view.wordClass(source.start + n) ?? ''))) return [];
    const cue: Cue = { kind: 'colon', polarity: 'assert', word: { start: predicate, end: k + 1 }, source, scopes: [{ start: k + 1, end: clauseEndAfter(view, k + 1) }], hedged: false };
    return [cue];
  },
};

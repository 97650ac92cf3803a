import { isQuote, type SentenceView, type Span } from '../../analysis/sentence';
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
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'overnight', 'earlier', 'later']);

/**
 * Whether a span holds a clause of its own: a verb or an auxiliary that is not a participle
 * describing the noun before it ("in a statement posted on its website"). Adjuncts of any
 * length hold none ("on Friday after a meeting of the council's foreign ministers").
 */
function holdsClause(view: SentenceView, span: Span): boolean {
  for (let j = span.start; j < span.end; j++) {
    if (!view.isVerbal(j)) continue;
    const participle = /(ed|en|ing|wn)$/.test(view.tokens[j].lower) && view.wordClass(j) === 'VERB';
    const afterNoun = j > span.start && /^(NOUN|PROPN)$/.test(view.wordClass(j - 1) ?? '');
    if (!(participle && afterNoun)) return true;
  }
  return false;
}

export const endAttribution: VerbRule = {
  id: 'end-attribution',
  summary: 'CONTENT, X said (ADJUNCTS).: X frames the whole sentence before the comma.',
  examples: [
    { text: 'Two drones were disabled, the Kremlin said in a statement.', source: 'the Kremlin', content: 'Two drones were disabled' },
    { text: 'Putin was not in the building, Peskov told RIA Novosti.', source: 'Peskov', content: 'Putin was not in the building' },
    { text: 'Moscow will respond with concrete action, the foreign minister said on Friday after a meeting of the foreign ministers of the member states.', source: 'the foreign minister', content: 'Moscow will respond' },
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
    // "…, Peskov told RIA Novosti", "…, the minister said on Friday after a meeting of …"); a
    // verb with its own object or clause starts a new sentence part ("After the drones were
    // shot down, Peskov said Putin was safe", "…, generals demanded a tougher line").
    const first = tail.start;
    const opensAdjunct =
      view.startsWith(first, FRAME.preposition) || view.isCovered(first, FRAME.adjunct) || /ly$/.test(view.tokens[first]?.lower ?? '') || /^(ADP|ADV)$/.test(view.wordClass(first) ?? '') || TIME_WORDS.has(view.tokens[first]?.lower ?? '');
    const adjunctsOnly = view.wordCount(tail) === 0 || TELLING.has(view.tokens[word.start].key) || (opensAdjunct && !holdsClause(view, tail));
    if (!tailHasThat && adjunctsOnly) {
      return verbCue(site, region, [{ start: sentenceStartBefore(view, comma), end: comma }, after]);
    }
    return undefined;
  },
};

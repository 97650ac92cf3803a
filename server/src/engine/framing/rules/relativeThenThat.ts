import { FRAME } from '../../lexicon/english';
import { adjunctOnly, clauseEndAfter } from '../clauses';
import { verbCue, type VerbRule } from './types';

/** Nouns that stand for what someone said: "the thing Podolyak wrote, that …", "the line Kyiv set out, that …". */
const SAID_NOUNS = /^(thing|things|line|point|argument|case|charge|claim|message|words|idea|theory|accusation|warning)$/;

/**
 * "the other thing Podolyak wrote, that Russia is preparing …": a noun for something said, a
 * relative clause without "that" in which a name reports it, then, set off by a comma, "that"
 * and what was said. The name speaks the clause after "that".
 */
export const relativeThenThat: VerbRule = {
  id: 'relative-then-that',
  summary: 'the NOUN X wrote, that CONTENT: X frames CONTENT.',
  examples: [
    { text: 'What stays with me is the other thing the envoy wrote, that Moscow is readying a provocation.', source: 'the envoy', content: 'Moscow is readying a provocation.' },
    { text: 'The thing the envoy wrote was short.', reads: false },
  ],
  read(site) {
    const { view, region, word } = site;
    if (view.wordCount(region) === 0) return undefined;
    // The noun for what was said, right before the subject of the relative clause.
    let noun = region.start - 1;
    while (noun > region.start - 3 && noun >= 0 && view.wordClass(noun) === 'ADJ') noun--;
    if (noun < 0 || !SAID_NOUNS.test(view.tokens[noun].lower)) {
      // (Or inside the region: "the other thing Podolyak", the region holding the noun phrase too.)
      let k = region.start;
      while (k < region.end && !SAID_NOUNS.test(view.tokens[k].lower)) k++;
      if (k >= region.end - 1 || !view.isCovered(k + 1, FRAME.determiner) && !view.tokens[k + 1].capitalised && !view.startsWith(k + 1, FRAME.possessivePronoun)) return undefined;
      noun = k;
    }
    // After the verb, perhaps an adjunct ("on the day"), then ", that".
    let comma = word.end;
    while (comma < view.length && comma < word.end + 6 && !view.isPunct(comma)) comma++;
    if (!view.isPunct(comma, ',') || view.tokens[comma + 1]?.lower !== 'that') return undefined;
    if (comma > word.end && !adjunctOnly(view, word.end, comma)) return undefined;
    const source = { start: noun + 1, end: region.end };
    if (view.wordCount(source) === 0) return undefined;
    return verbCue(site, source, [{ start: comma + 2, end: clauseEndAfter(view, comma + 2) }]);
  },
};

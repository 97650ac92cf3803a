import { clauseEndAfter, clauseStartBefore } from '../clauses';
import { verbCue, type VerbRule } from './types';

/** "the attempt on Putin's life, as Moscow called it": the phrase before "as" is what was said. */
export const asXCalledIt: VerbRule = {
  id: 'as-x-called-it',
  summary: 'PHRASE, as X called it: X frames the phrase.',
  examples: [
    { text: 'It was an attempt on the life of the president, as Moscow called it.', source: 'Moscow', content: 'an attempt on the life of the president' },
    { text: 'As the Russians viewed it, it was a planned terrorist attack.', source: 'the Russians', content: 'it was a planned terrorist attack' },
  ],
  read(site) {
    const { view, region, regionStart, word } = site;
    const before = regionStart - 1;
    const e = word.end;
    if (view.wordCount(region) === 0 || before < 0 || view.tokens[before].lower !== 'as') return undefined;
    if (!(/^(it|them|this)$/.test(view.tokens[e]?.lower ?? '') || view.tokens[e - 1].lower === 'it')) return undefined;
    const start = clauseStartBefore(view, before);
    // "As the Russians viewed it, it was a terrorist act": fronted, it frames the clause after the comma.
    const comma = view.tokens[e - 1].lower === 'it' ? e : e + 1;
    if (view.wordCount({ start, end: before }) === 0 && view.isPunct(comma, ',')) return verbCue(site, region, [{ start: comma + 1, end: clauseEndAfter(view, comma + 1) }]);
    return verbCue(site, region, [{ start, end: before }]);
  },
};

import { FRAME } from '../../lexicon/english';
import { nextIndexOf, trimSpan } from '../clauses';
import { verbCue, type VerbRule } from './types';

/** "It is the Kremlin, not Peskov, that said …": the one the cleft puts first speaks. */
export const cleftSpeaker: VerbRule = {
  id: 'cleft-speaker',
  summary: 'It is X (, not Y,) that said CONTENT: X frames what follows the verb.',
  examples: [
    { text: 'It is the ministry, not its spokesman, that said nobody was hurt.', source: 'the ministry', content: 'nobody was hurt' },
    { text: 'It was Podolyak who suggested partisans flew the drones.', source: 'Podolyak', content: 'partisans flew the drones' },
    { text: 'It is a report that said little.', reads: false },
  ],
  read(site) {
    const { view, word, after } = site;
    const relative = word.start - 1;
    if (!/^(that|who)$/.test(view.tokens[relative]?.lower ?? '')) return undefined;
    // Back to "it is" / "it was" at the start of the clause.
    let it = relative - 1;
    while (it > 0 && relative - it <= 12 && !(view.tokens[it - 1]?.lower === 'it' && view.isCovered(it, FRAME.be))) it--;
    if (it <= 0 || view.tokens[it - 1]?.lower !== 'it' || !view.isCovered(it, FRAME.be)) return undefined;
    // The focus: up to ", not Y," or the relative word.
    const comma = nextIndexOf(view, it + 1, ',');
    const source = trimSpan(view, { start: it + 1, end: Math.min(comma, relative) });
    // (A name, or a determined noun that can speak: not "a report".)
    if (view.wordCount(source) === 0 || !(view.tokens.slice(source.start, source.end).some((token) => token.capitalised) || /^(the|his|her|its|their)$/.test(view.tokens[source.start].lower))) return undefined;
    return verbCue(site, source, [after]);
  },
};

import { FRAME } from '../../lexicon/english';
import { adjunctOnly, isSubjectBoundary, trimSpan } from '../clauses';
import { verbCue, type VerbRule } from './types';

/**
 * "… follows an article in a Polish weekly that said CONTENT": in a restrictive relative
 * clause, the noun phrase before "that" speaks (back to a boundary or a verb), and what it said
 * runs to the end of the clause.
 */
export const thatRelativeSpeaker: VerbRule = {
  id: 'that-relative-speaker',
  summary: 'NOUN PHRASE that said CONTENT: the noun phrase before "that" frames the rest of the clause.',
  examples: [
    { text: 'The raid came a week after a report in a Polish weekly that claimed agents had planned an attack.', source: 'a report in a Polish weekly', content: 'agents had planned an attack' },
    { text: 'Officials said that Kyiv had sent the drones.', reads: false },
    { text: 'Nobody reported it, apart from a local group that said two drones had come down.', source: 'a local group', content: 'two drones had come down' },
    { text: 'Such calm comes oddly from a ministry that also called the raid a plot.', source: 'a ministry', content: 'the raid a plot' },
  ],
  read(site) {
    const { view, region, word, after } = site;
    // ("a government that also calls it …": adverbs may stand between "that" and the verb.)
    if (view.wordCount(region) > 0 && !adjunctOnly(view, region.start, region.end)) return undefined;
    const that = view.wordCount(region) > 0 ? region.start - 1 : word.start - 1;
    if (that < 1 || view.tokens[that].lower !== 'that' || view.isPunct(that - 1) || view.isVerbal(that - 1)) return undefined;
    let start = that - 1;
    while (start > 0 && !isSubjectBoundary(view, start - 1) && !view.isVerbal(start - 1)) start--;
    // ("apart from a small local group that posted …": a preposition, or an adverb before it, opening the words is no part of the speaker.)
    while (start < that - 1 && (view.startsWith(start, FRAME.preposition) || (view.wordClass(start) === 'ADV' && view.startsWith(start + 1, FRAME.preposition)))) start++;
    const speaker = trimSpan(view, { start, end: that });
    const nouns = view.tokens.slice(speaker.start, speaker.end).some((_, n) => /^(NOUN|PROPN)$/.test(view.wordClass(speaker.start + n) ?? ''));
    return nouns ? verbCue(site, speaker, [after]) : undefined;
  },
};

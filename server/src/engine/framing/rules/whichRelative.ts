import { FRAME } from '../../lexicon/english';
import { adjunctOnly, clauseStartBefore, isSubjectBoundary } from '../clauses';
import { RELATIVE, relativeAfter } from './relativeContent';
import { verbCue, type VerbRule } from './types';

/**
 * "…, which Ukraine denies": the content is the clause before the relative pronoun. ("the
 * attack, which Moscow called an attempt on Putin's life": the verb has its own complement,
 * and "which" stands for the noun only; "the drones, which it said were sent by Kyiv": the
 * noun before "which" is the subject of what was said.)
 */
export const whichRelative: VerbRule = {
  id: 'which-relative',
  summary: 'CLAUSE, which X denies / NOUN, which X said were …: X frames the clause, or the noun and its predicate.',
  examples: [
    { text: 'Ukraine launched the drones, which Kyiv denies.', source: 'Kyiv', content: 'Ukraine launched the drones' },
    { text: 'The drones, which the Kremlin said were sent by Kyiv, fell on the grounds.', source: 'the Kremlin', content: 'were sent by Kyiv' },
    // (In the present tense too: "says" after "which the Kremlin" is the verb, not a plural noun.)
    { text: 'Reporters asked about the raid, which the Kremlin says was flown from Kyiv.', source: 'the Kremlin', content: 'was flown from Kyiv' },
    { text: 'Kyiv, which seldom comments on raids inside Russia, rejected any part in it.', reads: false },
  ],
  read(site) {
    const { view, region, regionStart, word } = site;
    const before = regionStart - 1;
    if (view.wordCount(region) === 0 || before < 1 || !RELATIVE.has(view.tokens[before].lower) || !view.isPunct(before - 1, ',')) return undefined;
    // (An adverb is no subject: "Kyiv, which rarely comments on …" is the noun's own verb.)
    if (adjunctOnly(view, region.start, region.end)) return undefined;
    const rest = relativeAfter(site);
    if (view.wordCount(rest) > 0) {
      const e = word.end;
      const subjectRelative = view.isCovered(e, FRAME.be) || view.isCovered(e, FRAME.modal);
      let antecedent = before - 1;
      while (antecedent > 0 && !isSubjectBoundary(view, antecedent - 1) && !view.isCovered(antecedent - 1, FRAME.report)) antecedent--;
      return verbCue(site, region, subjectRelative ? [{ start: antecedent, end: before - 1 }, rest] : [rest]);
    }
    return verbCue(site, region, [{ start: clauseStartBefore(view, before), end: before - 1 }, rest]);
  },
};

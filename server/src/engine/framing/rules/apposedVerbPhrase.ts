import { FRAME } from '../../lexicon/english';
import { isSubjectBoundary, trimSpan } from '../clauses';
import { verbCue, type VerbRule } from './types';

/**
 * "Medvedev, the former president, had used a post to call for …": words before the verb
 * that open with an auxiliary are a verb phrase; its subject stands before the apposition.
 */
export const apposedVerbPhrase: VerbRule = {
  id: 'apposed-verb-phrase',
  summary: 'NAME, APPOSITION, AUX … VERB CONTENT: the subject stands before the apposition.',
  examples: [{ text: 'Medvedev, the former president, had used a post to call for the elimination of Zelensky.', source: 'Medvedev' }],
  read(site) {
    const { view, region, regionStart, after } = site;
    if (!(view.wordCount(region) > 0 && (view.isCovered(region.start, FRAME.modal) || view.isCovered(region.start, FRAME.be)) && regionStart > 0 && view.isPunct(regionStart - 1, ','))) return undefined;
    let open = regionStart - 2;
    while (open >= 0 && !view.isPunct(open, ',;:')) open--;
    const end = open >= 0 && view.isPunct(open, ',') ? open : regionStart - 1;
    let start = end;
    while (start > 0 && !isSubjectBoundary(view, start - 1)) start--;
    const subject = trimSpan(view, { start, end });
    if (view.wordCount(subject) > 0 && view.tokens.slice(subject.start, subject.end).some((t) => t.capitalised)) return verbCue(site, subject, [after]);
    return undefined;
  },
};

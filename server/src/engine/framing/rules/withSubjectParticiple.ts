import { trimSpan } from '../clauses';
import { verbCue, type VerbRule } from './types';

/** "Mr Putin was safe, with the Kremlin stating he was not in the building": "with" + subject + participle. */
export const withSubjectParticiple: VerbRule = {
  id: 'with-subject-participle',
  summary: '…, with X saying CONTENT: X frames what follows the participle.',
  examples: [{ text: 'Putin was safe, with the Kremlin stating he was not in the building.', source: 'the Kremlin', content: 'he was not in the building' }],
  read(site) {
    const { view, region, word, after } = site;
    if (view.wordCount(region) < 2 || view.tokens[region.start].lower !== 'with' || !/ing$/.test(view.tokens[word.start].lower)) return undefined;
    return verbCue(site, trimSpan(view, { start: region.start + 1, end: region.end }), [after]);
  },
};

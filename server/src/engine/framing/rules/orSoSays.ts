import { sentenceStartBefore, trimSpan } from '../clauses';
import { verbCue, type VerbRule } from './types';

/** "CONTENT — or so the Kremlin says.": "or so" points back at everything before it. */
export const orSoSays: VerbRule = {
  id: 'or-so-says',
  summary: 'CONTENT, or so X says: X frames everything before.',
  examples: [{ text: 'Two drones were downed over the Kremlin, or so the Kremlin says.', source: 'the Kremlin', content: 'Two drones were downed' }],
  read(site) {
    const { view, region, regionStart } = site;
    const before = regionStart - 1;
    if (view.wordCount(region) === 0 || before < 1 || view.tokens[before].lower !== 'or' || view.tokens[region.start].lower !== 'so' || !view.isPunct(before - 1, ',—–-')) return undefined;
    const source = trimSpan(view, { start: region.start + 1, end: region.end });
    return view.wordCount(source) > 0 ? verbCue(site, source, [{ start: sentenceStartBefore(view, before - 1), end: before - 1 }]) : undefined;
  },
};

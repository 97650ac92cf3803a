import { afterTimePhrase, MONTHS, TIME_WORDS } from '../clauses';
import { verbCue, type VerbRule } from './types';

/**
 * "In Kyiv denied any part in it", "In the Kremlin said …": copy translated word for word
 * from languages that say "in Kyiv they denied" leaves a clause whose only words before the
 * verb are "in" and a place. The place, standing for those who govern there, speaks.
 */
export const placeSpeaks: VerbRule = {
  id: 'place-speaks',
  summary: 'In PLACE said CONTENT (no other subject): the place, standing for its government, frames what follows the verb.',
  examples: [
    { text: 'Later that day, in Kyiv denied any part in the night raid.', source: 'Kyiv', content: 'any part in the night raid' },
    { text: 'In the Kremlin said the two machines were jammed.', source: 'the Kremlin', content: 'the two machines were jammed' },
    { text: 'In the Kremlin on Wednesday stated that the two machines were jammed.', source: 'the Kremlin', content: 'the two machines were jammed' },
    { text: 'In May said nothing about the raid.', reads: false },
    { text: 'In Kyiv officials denied any part in the raid.', reads: false },
  ],
  read(site) {
    const { view, region, word } = site;
    // The clause opens with "in" (at the sentence's start or after its boundary) and the place runs to the verb.
    if (region.end !== word.start || region.end - region.start < 2 || view.tokens[region.start].lower !== 'in') return undefined;
    let name = region.start + 1;
    if (view.tokens[name].lower === 'the') name++;
    if (name >= region.end) return undefined;
    // ("In the Kremlin on Wednesday stated …": a time phrase after the place is no part of it.)
    let placeEnd = name;
    while (placeEnd < region.end && view.tokens[placeEnd].capitalised && !MONTHS.has(view.tokens[placeEnd].lower) && !TIME_WORDS.has(view.tokens[placeEnd].lower)) placeEnd++;
    const timed = placeEnd > name && placeEnd < region.end && afterTimePhrase(view, placeEnd, region.end) === region.end;
    for (let k = name; k < (timed ? placeEnd : region.end); k++) {
      const token = view.tokens[k];
      // (Months and days, which a capital does not tell from a place: "In May said …" is no place speaking.)
      if (!token.capitalised || MONTHS.has(token.lower) || TIME_WORDS.has(token.lower)) return undefined;
    }
    // (The spelling first: a finite verb, not a participle or an infinitive.)
    if (/ing$/.test(view.tokens[word.start].lower) || view.wordClass(word.start) !== 'VERB') return undefined;
    return verbCue(site, { start: region.start + 1, end: timed ? placeEnd : region.end }, [site.after]);
  },
};

import { FRAME } from '../../lexicon/english';
import { wordKey } from '../../text/normalize';
import { verbCue, type VerbRule } from './types';

const READ_KEY = wordKey('read');

/** "The Kremlin said (that) CONTENT": the words before the verb are its subject. */
export const subjectVerb: VerbRule = {
  id: 'subject-verb',
  summary: 'X said (that) CONTENT: X frames what follows the verb, to the end of its clause.',
  examples: [
    { text: 'The Kremlin said two drones were disabled.', source: 'The Kremlin', content: 'two drones were disabled' },
    { text: 'Kremlin spokesman Dmitry Peskov told reporters that Putin was at Novo-Ogaryovo.', source: 'Kremlin spokesman Dmitry Peskov', content: 'Putin was at Novo-Ogaryovo' },
    { text: 'Local partisans could be to blame for the drones.', reads: false },
    // A coordinated subject is one source; an event phrase between subject and verb is none of it.
    { text: 'Kyiv and Washington deny any part in the raid.', source: 'Kyiv and Washington', content: 'any part in the raid' },
    { text: 'Dmitry Medvedev after the night raid on the citadel demanded revenge on Kyiv.', source: 'Dmitry Medvedev', content: 'revenge on Kyiv' },
    { text: 'Moscow accused Kyiv and Washington said nothing.', source: 'Moscow' },
  ],
  read(site) {
    const { view, region } = site;
    if (view.wordCount(region) === 0) return undefined;
    // (An adverb alone is no subject: "…, falsely accusing Kyiv" is left to the participle's rule.)
    if (/ing$/.test(view.tokens[site.word.start].lower) && view.tokens.slice(region.start, region.end).every((t, k) => /ly$/.test(t.lower) && view.wordClass(region.start + k) === 'ADV')) return undefined;
    // "read" reports only at the end of what it frames ("…,” the statement reads): "Peskov read a statement" frames nothing.
    if (view.tokens[site.word.start].key === READ_KEY) return null;
    // "… could be to blame": words before the verb with no noun or pronoun in them are no subject.
    // (A capital, a determiner or a pronoun settles it without the tagger.)
    const plainly = view.tokens.slice(region.start, region.end).some((t, k) => t.capitalised || view.isCovered(region.start + k, FRAME.determiner) || view.startsWith(region.start + k, FRAME.pronoun));
    if (!plainly && !view.tokens.slice(region.start, region.end).some((_, k) => /^(NOUN|PROPN|PRON|NUM|X)$/.test(view.wordClass(region.start + k) ?? ''))) return null;
    return verbCue(site, region, [site.after]);
  },
};

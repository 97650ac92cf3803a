import { verbCue, type VerbRule } from './types';

/** "The Kremlin said (that) CONTENT": the words before the verb are its subject. */
export const subjectVerb: VerbRule = {
  id: 'subject-verb',
  summary: 'X said (that) CONTENT: X frames what follows the verb, to the end of its clause.',
  examples: [
    { text: 'The Kremlin said two drones were disabled.', source: 'The Kremlin', content: 'two drones were disabled' },
    { text: 'Kremlin spokesman Dmitry Peskov told reporters that Putin was at Novo-Ogaryovo.', source: 'Kremlin spokesman Dmitry Peskov', content: 'Putin was at Novo-Ogaryovo' },
  ],
  read(site) {
    return site.view.wordCount(site.region) > 0 ? verbCue(site, site.region, [site.after]) : undefined;
  },
};

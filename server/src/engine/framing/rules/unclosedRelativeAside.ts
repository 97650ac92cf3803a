import { holdsOwnVerb, isSubjectBoundary, trimSpan } from '../clauses';
import { RELATIVE } from './relativeContent';
import { verbCue, type VerbRule } from './types';

/**
 * "Medvedev, who is now deputy head of the council said …" — a relative clause with a verb of
 * its own runs up to the reporting verb because its closing comma is missing; the noun before
 * the pronoun is the speaker, as when the comma is there.
 */
export const unclosedRelativeAside: VerbRule = {
  id: 'unclosed-relative-aside',
  summary: 'X, who IS … said CONTENT (no closing comma): X frames what follows the verb.',
  examples: [
    { text: 'The former president, who is now deputy head of the council said the raid had to be answered.', source: 'The former president', content: 'the raid had to be answered' },
    { text: 'The envoy, who now serves as adviser to the council said the raid had to be answered.', source: 'The envoy', content: 'the raid had to be answered' },
    { text: 'Putin, who the Kremlin said was at Novo-Ogaryovo, was unharmed.', reads: false },
  ],
  read(site) {
    const { view, word, after } = site;
    // The pronoun, with no comma or other break between it and the verb ("who now serves as deputy head …").
    let pronoun = word.start - 1;
    while (pronoun > 0 && !view.isPunct(pronoun, ',;:()—–') && !RELATIVE.has(view.tokens[pronoun].lower)) pronoun--;
    if (pronoun < 1 || !RELATIVE.has(view.tokens[pronoun].lower) || !view.isPunct(pronoun - 1, ',')) return undefined;
    if (!holdsOwnVerb(view, pronoun + 1, word.start)) return undefined;
    let start = pronoun - 1;
    while (start > 0 && !isSubjectBoundary(view, start - 1)) start--;
    const speaker = trimSpan(view, { start, end: pronoun - 1 });
    return view.wordCount(speaker) > 0 ? verbCue(site, speaker, [after]) : undefined;
  },
};

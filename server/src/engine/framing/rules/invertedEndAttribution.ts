import { isQuote } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { wordKey } from '../../text/normalize';
import { clauseStartBefore, nextIndexOf, trimSpan } from '../clauses';
import { verbCue, type VerbRule } from './types';

// Verbs that may come before their subject at the end of a sentence: "…, said Peskov."
const INVERTIBLE = new Set(['say', 'add', 'write', 'claim', 'warn', 'insist', 'note', 'reply', 'continue', 'argue', 'conclude', 'suggest', 'state', 'explain', 'ask', 'tell', 'read', 'denounce', 'stress', 'insist', 'assert', 'declare'].map(wordKey));

/** "CONTENT, said Peskov." — the source follows the verb. */
export const invertedEndAttribution: VerbRule = {
  id: 'inverted-end-attribution',
  summary: 'CONTENT, said X.: X, after the verb, frames the clause before the comma.',
  examples: [
    { text: 'Putin was at Novo-Ogaryovo, said Peskov.', source: 'Peskov', content: 'Putin was at Novo-Ogaryovo' },
    { text: '“Russia staged the incident,” reads the Institute assessment.', source: 'the Institute assessment', content: 'Russia staged the incident' },
  ],
  read(site) {
    const { view, region, word } = site;
    if (view.wordCount(region) > 0 || !INVERTIBLE.has(view.tokens[word.start].key)) return undefined;
    let previous = word.start - 1;
    while (previous >= 0 && isQuote(view.tokens[previous])) previous--;
    if (previous < 0 || !view.isPunct(previous, ',')) return undefined;
    const tailEnd = nextIndexOf(view, word.end, ',;');
    const tail = trimSpan(view, { start: word.end, end: tailEnd });
    const tailIsNounPhrase = !view.tokens.slice(tail.start, tail.end).some((_, k) => {
      const j = tail.start + k;
      // (The tagger's nouns are no verbs: "the think tank's assessment".)
      return (view.isCovered(j, FRAME.be) || view.isCovered(j, FRAME.modal) || view.isCovered(j, FRAME.report) || view.isCovered(j, FRAME.that)) && view.wordClass(j) !== 'NOUN';
    });
    if (!tailIsNounPhrase || view.wordCount(tail) < 1 || view.wordCount(tail) > 12 || !(tailEnd === view.length || view.isPunct(tailEnd, ','))) return undefined;
    // A name ("said Peskov") or a determined noun that can carry words ("reads the assessment").
    const hasName = view.tokens.slice(tail.start, tail.end).some((token) => token.capitalised);
    const carrier = view.isCovered(tail.start, FRAME.determiner) && [FRAME.claimNoun, FRAME.pointer, FRAME.vagueSource, FRAME.footage].some((label) => view.isCovered(tail.end - 1, label));
    return hasName || carrier ? verbCue(site, tail, [{ start: clauseStartBefore(view, previous), end: previous }]) : undefined;
  },
};

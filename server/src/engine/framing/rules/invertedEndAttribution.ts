import { isQuote } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { wordKey } from '../../text/normalize';
import { clauseEndAfter, nextIndexOf, sentenceStartBefore, TIME_WORDS, trimSpan } from '../clauses';
import { verbCue, type VerbRule } from './types';

// Verbs that may come before their subject at the end of a sentence: "…, said Peskov."
// (And copy translated word for word: "…, informed Zelensky", "…, specified the ministry".)
const INVERTIBLE = new Set(['say', 'add', 'write', 'claim', 'warn', 'insist', 'note', 'reply', 'continue', 'argue', 'conclude', 'suggest', 'state', 'explain', 'ask', 'tell', 'read', 'denounce', 'stress', 'insist', 'assert', 'declare', 'inform', 'specify', 'report', 'emphasise', 'emphasize', 'underline', 'confirm', 'announce'].map(wordKey));

/** "CONTENT, said Peskov." — the source follows the verb. */
export const invertedEndAttribution: VerbRule = {
  id: 'inverted-end-attribution',
  summary: 'CONTENT, said X.: X, after the verb, frames the clause before the comma.',
  examples: [
    { text: 'Not in the capital, says his aide Ivan Sabat.', source: 'his aide Ivan Sabat', content: 'Not in the capital' },
    { text: 'Neighbours heard two bangs, says text that went out with the clip.', source: 'text that went out with the clip', content: 'Neighbours heard two bangs' },
    { text: 'Putin was at Novo-Ogaryovo, said Peskov.', source: 'Peskov', content: 'Putin was at Novo-Ogaryovo' },
    { text: '“Russia staged the incident,” reads the Institute assessment.', source: 'the Institute assessment', content: 'Russia staged the incident' },
    { text: '“Both machines were brought down,” says the press office cited by the news agency.', source: 'the press office', content: 'Both machines were brought down' },
    { text: 'The envoy of Russia, Ivanov, said the reply to the raid was shameful.', reads: false },
    { text: 'Washington, said the Secretary of State, could not verify any of it.', source: 'the Secretary of State', content: 'could not verify any of it' },
    { text: 'The raid was staged, said Bill Hendry.', source: 'Bill Hendry', content: 'The raid was staged' },
    { text: 'Both machines were brought down, informed the press service.', source: 'the press service', content: 'Both machines were brought down' },
    { text: 'The strike was planned in Kyiv alone, but its allies kept silent about it, said the deputy minister.', source: 'the deputy minister', content: 'The strike was planned in Kyiv alone, but its allies kept silent' },
  ],
  read(site) {
    const { view, region, word } = site;
    if (view.wordCount(region) > 0 || !INVERTIBLE.has(view.tokens[word.start].key)) return undefined;
    let previous = word.start - 1;
    while (previous >= 0 && isQuote(view.tokens[previous])) previous--;
    if (previous < 0 || !view.isPunct(previous, ',')) return undefined;
    const tailEnd = nextIndexOf(view, word.end, ',;');
    let tail = trimSpan(view, { start: word.end, end: tailEnd });
    // ("…,” says the press office cited by a wire": a participle and "by" after the
    // speaker say who passed the words on; the speaker ends before them.)
    for (let j = tail.start + 1; j < tail.end - 1; j++) {
      if (view.isCovered(j, FRAME.passiveReport) && view.startsWith(j + 1, FRAME.by)) {
        tail = { start: tail.start, end: j };
        break;
      }
    }
    const tailIsNounPhrase = !view.tokens.slice(tail.start, tail.end).some((_, k) => {
      const j = tail.start + k;
      // (The tagger's nouns are no verbs: "the think tank's assessment"; a capitalised word is
      // a name: "said Bill Browder".)
      if (view.tokens[j].capitalised) return false;
      return (view.isCovered(j, FRAME.be) || view.isCovered(j, FRAME.modal) || view.isCovered(j, FRAME.report) || view.isCovered(j, FRAME.that)) && view.wordClass(j) !== 'NOUN';
    });
    // (An adjunct is no speaker: "…, presidential spokesman Dmitry Peskov, said on Thursday".)
    if (view.startsWith(tail.start, FRAME.preposition) || TIME_WORDS.has(view.tokens[tail.start]?.lower ?? '')) return undefined;
    // ("…, says text put out with that video", "…, said the caption under the clip": words put
    // out with footage, whatever clause describes them.)
    const footageText = /^(text|caption|description)$/.test(view.tokens[tail.start]?.lower ?? '') && view.tokens.slice(tail.start, tail.end).some((_, k) => view.isCovered(tail.start + k, FRAME.footage));
    if (footageText) return verbCue(site, tail, [{ start: sentenceStartBefore(view, previous), end: previous }]);
    if (!tailIsNounPhrase || view.wordCount(tail) < 1 || view.wordCount(tail) > 12 || !(tailEnd === view.length || view.isPunct(tailEnd, ','))) return undefined;
    // A name ("said Peskov") or a determined noun that can carry words ("reads the assessment").
    const hasName = view.tokens.slice(tail.start, tail.end).some((token) => token.capitalised);
    const carrier = view.isCovered(tail.start, FRAME.determiner) && [FRAME.claimNoun, FRAME.pointer, FRAME.vagueSource, FRAME.footage].some((label) => view.isCovered(tail.end - 1, label));
    if (!hasName && !carrier) return undefined;
    // A quotation before the comma is the content whole, its commas too.
    const quoted = view.quotedSpans().find((span) => span.end >= previous - 1 && span.end <= previous + 1 && span.start < previous);
    // (Like "…, X said", it covers the run of clauses before it: "A, but B, said X".)
    const contentStart = quoted ? Math.min(quoted.start, sentenceStartBefore(view, previous)) : sentenceStartBefore(view, previous);
    // ("Russia's ambassador, Antonov, said the response … was shocking": words with no verb
    // before the comma are the subject and its apposition, not reported content.)
    // (A headline is telegraphic: "Attempt on Putin foiled, says Moscow".)
    // ("Not in the Kremlin, says his spokesman": an answer opening with "not", "no" or "yes" is
    // said, elliptical as it is, not a subject.)
    let clause = quoted !== undefined || view.headline || /^(not|no|yes|nowhere)$/.test(view.tokens[contentStart]?.lower ?? '');
    for (let j = contentStart; j < previous && !clause; j++) clause = view.isVerbal(j) && !view.tokens[j].capitalised;
    if (!clause) {
      // ("Washington, said the Secretary of State, could not verify it": the verb and its speaker
      // set off between the subject and its predicate frame the whole clause.)
      const predicate = tailEnd < view.length && view.isPunct(tailEnd, ',') && view.isVerbal(tailEnd + 1) && !view.tokens[tailEnd + 1].capitalised;
      return predicate ? verbCue(site, tail, [{ start: contentStart, end: previous }, { start: tailEnd + 1, end: clauseEndAfter(view, tailEnd + 1) }]) : undefined;
    }
    return verbCue(site, tail, [{ start: contentStart, end: previous }]);
  },
};

import { isQuote } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { isSubjectBoundary, trimSpan } from '../clauses';
import { verbCue, type VerbRule } from './types';

/**
 * "The State Department said Moscow was inventing things by accusing Washington of …": a gerund after
 * "by" is done by the subject of the clause it hangs on (the Kremlin), not by whoever reports
 * that clause.
 */
export const byGerund: VerbRule = {
  id: 'by-gerund',
  summary: 'X VERBed … by VERBing CONTENT: the gerund shares the subject of the clause it modifies.',
  examples: [
    { text: 'Kyiv said Moscow was inventing a pretext by claiming that saboteurs had been sent at the citadel.', source: 'Moscow', content: 'saboteurs had been sent at the citadel' },
    { text: 'The ministry answered the charge by denying any part in the night raid.', source: 'The ministry', content: 'any part in the night raid' },
    { text: 'Officials in Washington said the Kremlin was “stirring things up” by blaming the Americans for the raid.', source: 'the Kremlin', content: 'the Americans for the raid' },
  ],
  read(site) {
    const { view, word, after } = site;
    const by = word.start - 1;
    if (by < 1 || !/ing$/.test(view.tokens[word.start].lower) || !view.startsWith(by, FRAME.by)) return undefined;
    // The verb the phrase hangs on: the last verb before "by" in its clause (quotation marks aside).
    let verb = by - 1;
    while (verb >= 0 && (isQuote(view.tokens[verb]) || (!view.isVerbal(verb) && !isSubjectBoundary(view, verb)))) verb--;
    if (verb < 0 || !view.isVerbal(verb)) return undefined;
    // Back over its auxiliaries and adverbs to the start of the verb group.
    // (Quotation marks inside it are no boundary: 'was “lying” by …'.)
    let group = verb;
    while (group > 0 && (isQuote(view.tokens[group - 1]) || view.isVerbal(group - 1) || view.isCovered(group - 1, FRAME.negator) || /ly$/.test(view.tokens[group - 1].lower)) && !view.tokens[group - 1].capitalised) group--;
    let start = group;
    // (The subject ends at a reporting verb before it: "Kyiv said Moscow was …".)
    while (start > 0 && !isSubjectBoundary(view, start - 1) && !(view.isVerbal(start - 1) && !view.tokens[start - 1].capitalised)) start--;
    const subject = trimSpan(view, { start, end: group });
    const nominal = view.tokens.slice(subject.start, subject.end).some((t, k) => t.capitalised || view.startsWith(subject.start + k, FRAME.pronoun) || /^(NOUN|PROPN|PRON)$/.test(view.wordClass(subject.start + k) ?? ''));
    if (view.wordCount(subject) === 0 || !nominal) return null;
    return verbCue(site, subject, [after]);
  },
};

import { isQuote } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { isSubjectBoundary, trimSpan } from '../clauses';
import { RELATIVE } from './relativeContent';
import { antecedentOf } from './speakerBeforeRelative';
import { verbCue, type VerbRule } from './types';

/** Words that open a gerund phrase hanging on the clause before it: "by", "after", "while" accusing. */
const OPENERS = /^(by|after|before|while|since|upon|when)$/;

/**
 * "The State Department said Moscow was inventing things by accusing Washington of …", "Moscow
 * threatened revenge after accusing Kyiv of …": a gerund after "by", "after", "while" and the like
 * is done by the subject of the clause it hangs on (the Kremlin), not by whoever reports that
 * clause.
 */
export const adverbialGerund: VerbRule = {
  id: 'adverbial-gerund',
  summary: 'X VERBed … by/after/while VERBing CONTENT: the gerund shares the subject of the clause it modifies.',
  examples: [
    { text: 'Kyiv said Moscow was inventing a pretext by claiming that saboteurs had been sent at the citadel.', source: 'Moscow', content: 'saboteurs had been sent at the citadel' },
    { text: 'The ministry answered the charge by denying any part in the night raid.', source: 'The ministry', content: 'any part in the night raid' },
    { text: 'Officials in Washington said the Kremlin was “stirring things up” by blaming the Americans for the raid.', source: 'the Kremlin', content: 'the Americans for the raid' },
    { text: 'Moscow promised a harsh answer on Thursday after blaming Kyiv for sending the two drones.', source: 'Moscow', content: 'Kyiv for sending the two drones' },
    { text: 'The spokesman spoke to reporters for an hour before denying that Ukraine had any part in it.', source: 'The spokesman', content: 'that Ukraine had any part in it' },
    { text: 'Then there was the former president, who answered by calling for the Kyiv leadership to be removed.', source: 'the former president', content: 'the Kyiv leadership to be removed' },
  ],
  read(site) {
    const { view, word, after } = site;
    const by = word.start - 1;
    if (by < 1 || !/ing$/.test(view.tokens[word.start].lower) || !OPENERS.test(view.tokens[by].lower)) return undefined;
    // The verb the phrase hangs on: the last verb before the opener in its clause (quotation marks aside).
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
    let subject = trimSpan(view, { start, end: group });
    // ("Medvedev, who responded by calling for …": the relative pronoun stands for the noun before it.)
    const pronoun = view.wordCount(subject) === 0 ? start - 1 : subject.start;
    if (view.wordCount(subject) <= 1 && RELATIVE.has(view.tokens[pronoun]?.lower ?? '')) subject = antecedentOf(view, pronoun) ?? subject;
    const nominal = view.tokens.slice(subject.start, subject.end).some((t, k) => t.capitalised || view.startsWith(subject.start + k, FRAME.pronoun) || /^(NOUN|PROPN|PRON)$/.test(view.wordClass(subject.start + k) ?? ''));
    if (view.wordCount(subject) === 0 || !nominal) return null;
    return verbCue(site, subject, [after]);
  },
};

import type { SentenceView, Span } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { isQuote } from '../../analysis/sentence';
import { adjunctOnly, isPossessiveMark, isSubjectBoundary, trimSpan } from '../clauses';
import { RELATIVE, relativeAfter } from './relativeContent';
import { verbCue, type VerbRule } from './types';

/**
 * "The Kremlin, which said the drones were disabled, accused …": the noun before the
 * relative pronoun speaks; what it said runs to the closing comma.
 */
export const speakerBeforeRelative: VerbRule = {
  id: 'speaker-before-relative',
  summary: 'X, which said CONTENT, …: X frames the relative clause.',
  examples: [
    { text: 'The Kremlin, which said the drones were disabled, accused Kyiv.', source: 'The Kremlin', content: 'the drones were disabled' },
    { text: 'The account was given by the press office, which said both machines were jammed.', source: 'the press office', content: 'both machines were jammed' },
    // A time or an adverb between the pronoun and the verb is no subject of its own.
    { text: 'The former president, who on Thursday demanded revenge on Kyiv, was mocked abroad.', source: 'The former president', content: 'revenge on Kyiv' },
    { text: 'The envoy, who the minister said was tired, left early.', reads: false },
    { text: 'The paper quoted a Ukrainian adviser who said Moscow was staging a provocation.', source: 'a Ukrainian adviser', content: 'Moscow was staging a provocation' },
    // (A correction set off by commas stays inside what was said; a possessive inside the speaker.)
    { text: "It fits the ministry's own version, which says jamming, not gunfire, stopped both machines.", source: "the ministry's own version", content: 'jamming, not gunfire, stopped both machines' },
  ],
  read(site) {
    const { view, region, word } = site;
    if (view.wordCount(region) > 0 && !adjunctOnly(site.view, region.start, region.end)) return undefined;
    let previous = word.start - 1;
    while (previous >= 0 && isQuote(view.tokens[previous])) previous--;
    while (previous > 1 && adjunctOnly(view, previous, previous + 1) && !RELATIVE.has(view.tokens[previous].lower)) previous--;
    const subject = antecedentOf(view, previous);
    if (!subject) return undefined;
    return verbCue(site, subject, [relativeAfter(site)]);
  },
};

/**
 * The noun phrase a relative pronoun at `previous` stands for: "The Kremlin, which …", "anonymous
 * officials who …"; undefined when there is none.
 */
export function antecedentOf(view: SentenceView, previous: number): Span | undefined {
  // ("… relied on anonymous officials who said …": "who" with no comma opens a defining relative
  // clause; the noun phrase right before it, back to its preposition or verb, speaks.)
  if (previous >= 1 && view.tokens[previous].lower === 'who' && !view.isPunct(previous - 1)) {
    let head = previous;
    while (head > 0 && previous - head < 6 && !view.isPunct(head - 1) && !view.startsWith(head - 1, FRAME.preposition) && (view.isCovered(head - 1, FRAME.determiner) || /^(ADJ|NOUN|PROPN|NUM)$/.test(view.wordClass(head - 1) ?? ''))) head--;
    const noun = trimSpan(view, { start: head, end: previous });
    return view.wordCount(noun) > 0 && /^(NOUN|PROPN)$/.test(view.wordClass(previous - 1) ?? '') ? noun : undefined;
  }
  if (!(previous >= 1 && RELATIVE.has(view.tokens[previous].lower) && view.isPunct(previous - 1, ','))) return undefined;
  let start = previous - 1;
  while (start > 0 && !isSubjectBoundary(view, start - 1)) start--;
  // ("The account came from the press office, which informed that …": after a
  // verb, "which" hangs on the noun phrase right before the comma, not on the clause's subject.)
  if (view.tokens.slice(start, previous - 1).some((_, k) => view.isVerbal(start + k) && !view.tokens[start + k].capitalised)) {
    let head = previous - 1;
    // (A possessive stays in the phrase: "the Kremlin's own account, which …".)
    while (head > start && previous - 1 - head < 6 && (!view.isPunct(head - 1) || isPossessiveMark(view.tokens[head - 1].text)) && !view.startsWith(head - 1, FRAME.preposition) && !view.isVerbal(head - 1)) head--;
    start = head;
  }
  const subject = trimSpan(view, { start, end: previous - 1 });
  return view.wordCount(subject) > 0 ? subject : undefined;
}

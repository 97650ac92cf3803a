import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import { presentParts } from '../matchParts';
import type { Misreading } from './types';

/**
 * "The figure, first given by a White House spokesman, could not be verified": the match's
 * first part lies inside an aside between commas that a participle or "by" opens after the
 * clause's subject; the verb after the closing comma belongs to that subject, not to the party.
 */
function firstPartInAside(view: SentenceView, match: PatternMatch): boolean {
  const parts = presentParts(match);
  if (parts.length < 2) return false;
  const [first, second] = parts;
  // The aside closes right after the first part (a word or two of a name may follow it).
  let close = -1;
  for (let j = first.end; j < second.start; j++) {
    if (view.isPunct(j, ',')) {
      close = j;
      break;
    }
    if (view.isPunct(j) || view.isVerbal(j)) return false;
  }
  if (close < 0 || view.wordCount({ start: close + 1, end: second.start }) > 1) return false;
  // It opens with a comma a few words before the first part, after some words of a subject.
  let open = -1;
  for (let j = first.start - 1; j > 0 && j >= first.start - 8; j--) {
    if (view.isPunct(j, ',')) {
      open = j;
      break;
    }
  }
  if (open < 1) return false;
  // The aside is a participle phrase or a "by" phrase: "first given by", "quoted by", "according to".
  const aside = view.tokens.slice(open + 1, first.start);
  const opensAsParticiple = aside.some((token, k) => token.lower === 'by' || (/(ed|en|wn)$/.test(token.lower) && view.wordClass(open + 1 + k) === 'VERB'));
  // (The subject before the aside has no verb of its own: "The figure, …".)
  const subjectOnly = !view.tokens.slice(0, open).some((_, k) => view.isVerbal(k));
  return opensAsParticiple && subjectOnly;
}

export const partyInAnAside: Misreading = {
  id: 'party-in-an-aside',
  form: 'clause',
  reason: 'the party is named inside an aside between commas; the verb after it has the sentence’s subject',
  examples: [
    { text: 'The toll, first given by a White House spokesman, could not be independently verified.', claim: 'us-cannot-confirm', misread: true },
    { text: 'Washington, in the words of its top diplomat, cannot confirm the reports.', claim: 'us-cannot-confirm', misread: false },
    { text: 'The United States cannot confirm the reports, a spokesman said.', claim: 'us-cannot-confirm', misread: false },
  ],
  test: firstPartInAside,
};

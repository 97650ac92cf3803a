import type { SentenceView } from '../../analysis/sentence';
import type { PatternMatch } from '../../match/patterns';
import type { Misreading } from './types';

const TOPIC_OPENERS = /^(as for|as to|regarding|on the question of|on the idea of|on the possibility of)$/;

/**
 * "As for an assassination attempt, even the analysts call that unlikely": a topic the sentence
 * opens with, named with "a" or "an", is a possibility it goes on to weigh, not an event it takes
 * as given. ("As for the attack on the Kremlin, …" names one that happened: a definite phrase
 * is not a possibility.)
 */
function topicNamedAsPossibility(view: SentenceView, match: PatternMatch): boolean {
  // (The first word first: most sentences open with none of these.)
  if (!/^(as|regarding|on)$/.test(view.tokens[0]?.lower ?? '')) return false;
  for (const words of [1, 2, 3, 4]) {
    if (words > view.length) break;
    const opener = view.tokens.slice(0, words).map((t) => t.lower).join(' ');
    // ("As an assassination attempt, it is not very convincing": "as" alone weighs the thing as one, when the clause after denies it.)
    if (opener === 'as' && /^(a|an)$/.test(view.tokens[1]?.lower ?? '') && match.start > 1) {
      const comma = commaAfter(view, 2);
      return comma < view.length && match.end <= comma && view.tokens.slice(comma + 1).some((t) => /^(not|n't|n’t|hardly|scarcely|never|unconvincing|implausible|unlikely)$/.test(t.lower));
    }
    if (!TOPIC_OPENERS.test(opener)) continue;
    if (!/^(a|an)$/.test(view.tokens[words]?.lower ?? '') || match.start <= words) return false;
    // The topic runs to the first comma, and the match lies inside it.
    const comma = commaAfter(view, words + 1);
    return comma < view.length && match.end <= comma;
  }
  return false;
}

function commaAfter(view: SentenceView, from: number): number {
  let comma = from;
  while (comma < view.length && !view.isPunct(comma, ',')) comma++;
  return comma;
}

export const topicNamedAsPossibilityCheck: Misreading = {
  id: 'topic-named-as-possibility',
  form: 'any',
  reason: 'a topic named with “a” or “an” after “As for” (or after “As”, then denied): a possibility the sentence weighs',
  examples: [
    { text: 'As for an attempt on the president’s life, the analysts call that far-fetched.', claim: 'assassination-attempt', misread: true },
    { text: 'As to a drone raid on the Kremlin, nobody can say much yet.', claim: 'kremlin-drone-attack', misread: true },
    { text: 'As for the drone raid on the Kremlin, the ministry blamed Kyiv within hours.', claim: 'kremlin-drone-attack', misread: false },
    { text: 'As an attempt on the president’s life, the whole thing looks hardly serious.', claim: 'assassination-attempt', misread: true },
    { text: 'As an attempt on the president’s life, it was clumsy.', claim: 'assassination-attempt', misread: false },
  ],
  test: topicNamedAsPossibility,
};

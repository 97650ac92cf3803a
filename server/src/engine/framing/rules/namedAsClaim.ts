import { FRAME } from '../../lexicon/english';
import { clauseStartBefore, isPossessiveMark, trimSpan } from '../clauses';
import type { Cue, SentenceRule } from './types';

// Nouns that call what they name someone's words, not a fact: "a Russian claim", "Moscow's version".
const OWNED_WORDS = /^(claim|claims|version|allegation|allegations|account|story|narrative|assertion|line)$/;
// Verbs that take what they name "as" something: "treat the raid as Moscow's version".
const TREATS_AS = /^(treat|treats|treated|treating|regard|regards|regarded|take|takes|took|see|sees|saw|present|presents|presented|report|reports|reported)$/;

/**
 * "The attack on the Kremlin remains a Russian claim", "Treat the raid on the residence as
 * Moscow's version of events": the phrase is named as someone's claim, not asserted.
 */
export const namedAsClaim: SentenceRule = {
  id: 'named-as-claim',
  summary: 'X is / remains OWNER’s claim; treat X as OWNER’s version: X is named as a claim, not asserted.',
  examples: [
    { text: 'The raid on the citadel remains a Russian claim, nothing more.', content: 'The raid on the citadel', polarity: 'mention' },
    { text: "Readers should treat the raid on the president's residence as Moscow's version of events.", content: "the raid on the president's residence", polarity: 'mention' },
    { text: 'The raid on the citadel was the main story of the day.', reads: false },
  ],
  read(view) {
    const cues: Cue[] = [];
    for (const { start: n } of view.frame.get(FRAME.claimNoun) ?? []) {
      if (!OWNED_WORDS.test(view.tokens[n].lower)) continue;
      // The owner before the noun: "Moscow's", "the Kremlin's", "a Russian", "Russia's own".
      let k = n - 1;
      if (view.tokens[k]?.lower === 'own') k--;
      const possessed = isPossessiveMark(view.tokens[k]?.text ?? '');
      const adjectival = view.tokens[k]?.capitalised && /^(a|an|the)$/.test(view.tokens[k - 1]?.lower ?? '');
      if (!possessed && !adjectival) continue;
      let opener = k - 1;
      while (opener >= 0 && (view.tokens[opener].capitalised || view.isCovered(opener, FRAME.determiner)) && !view.isPunct(opener)) opener--;
      while (opener >= 0 && /^(only|just|merely|still|simply|no more than)$/.test(view.tokens[opener].lower)) opener--;
      if (opener < 0) continue;
      const word = view.tokens[opener].lower;
      if (view.isCovered(opener, FRAME.be) || /^(remain|remains|remained)$/.test(word)) {
        const subject = trimSpan(view, { start: clauseStartBefore(view, opener), end: opener });
        if (view.wordCount(subject) > 0) cues.push({ kind: 'noun', polarity: 'mention', word: { start: opener, end: n + 1 }, source: null, scopes: [subject], hedged: false });
      } else if (word === 'as') {
        for (let v = opener - 1; v >= 0 && v >= opener - 12 && (!view.isPunct(v) || isPossessiveMark(view.tokens[v].text)); v--) {
          if (!TREATS_AS.test(view.tokens[v].lower)) continue;
          const object = trimSpan(view, { start: v + 1, end: opener });
          if (view.wordCount(object) > 0) cues.push({ kind: 'noun', polarity: 'mention', word: { start: opener, end: n + 1 }, source: null, scopes: [object], hedged: false });
          break;
        }
      }
    }
    return cues;
  },
};

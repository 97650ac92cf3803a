import { FRAME } from '../../lexicon/english';
import { firstWord } from '../clauses';
import type { Cue, SentenceRule } from './types';

/**
 * "Announcing the attack risks …", "Claiming that Kyiv sent the drones gives Moscow …": a
 * reporting verb's gerund as the subject of a sentence names the act of saying; what it says is
 * named, not asserted, by anyone — least of all the writer.
 */
export const gerundSubject: SentenceRule = {
  id: 'gerund-subject',
  summary: 'VERBing CONTENT as the subject of the sentence or of reported words: CONTENT is named, not asserted.',
  examples: [
    { text: 'Announcing the raid on the citadel, or even inventing it, risks making Moscow look weak.', content: 'the raid on the citadel' },
    { text: 'Claiming that Kyiv sent the drones gives Moscow a reason to escalate.', content: 'Kyiv sent the drones' },
    { text: 'Moscow is claiming that Kyiv sent the drones.', reads: false },
    { text: 'The historian said describing the raid as a bid on Putin’s life was a mistake.', content: 'the raid as a bid on Putin’s life' },
  ],
  read(view, earlier) {
    const reports = [...(view.frame.get(FRAME.report) ?? []), ...(view.frame.get(FRAME.deny) ?? [])];
    // The gerund opens the sentence, or the words someone is said to have said ("the historian
    // said describing the raid as … was a mistake").
    const starts = [firstWord(view)];
    for (const said of reports) {
      if (/ing$/.test(view.tokens[said.start].lower)) continue;
      starts.push(view.tokens[said.end]?.lower === 'that' ? said.end + 1 : said.end);
    }
    const cues: Cue[] = [];
    for (const first of starts) {
      const token = view.tokens[first];
      if (!token || !/ing$/.test(token.lower) || earlier.some((cue) => cue.word.start === first)) continue;
      const occurrence = reports.find((o) => o.start === first);
      if (!occurrence) continue;
      // The gerund's object runs to the first punctuation or the clause's own verb, which a
      // gerund subject makes singular ("risks", "is", "gives", "would").
      const mainVerb = (j: number) => view.isVerbal(j) && (/^(is|was|has|had|will|would|could|can|may|might|does|did)$/.test(view.tokens[j].lower) || /[^s]s$/.test(view.tokens[j].lower));
      let end = occurrence.end;
      while (end < view.length && !view.isPunct(end, ',;:–—') && !(end > occurrence.end + 1 && mainVerb(end))) end++;
      if (end >= view.length || end === occurrence.end) continue;
      cues.push({ kind: 'verb', polarity: 'mention', word: { start: occurrence.start, end: occurrence.end }, source: null, scopes: [{ start: occurrence.end, end }], hedged: false });
    }
    return cues;
  },
};

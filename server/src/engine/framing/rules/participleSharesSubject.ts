import { isQuote } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { adjunctOnly, isContrast, opensClauseWithSubject, openingSubject } from '../clauses';
import { verbCue, type VerbRule } from './types';

/** Cues whose speaker is the noun a relative clause hangs on: not the main clause's subject. */
const IN_RELATIVE = new Set(['speaker-before-relative', 'that-relative-speaker']);

/**
 * "…, Moscow said, blaming Kyiv" / "…, adding that …": a participle after a comma shares the
 * subject of the reporting verb before it, or else the subject the sentence opens with
 * ("Kyiv answered within hours, denying any part in it").
 */
export const participleSharesSubject: VerbRule = {
  id: 'participle-shares-subject',
  summary: '…, VERBing CONTENT: the participle shares the subject of the reporting verb before it, or of the sentence.',
  examples: [
    { text: 'Even then, as one analyst put it, calling it an assassination attempt is a stretch.', reads: false },
    { text: 'The Kremlin said the drones were downed, adding that Putin was unhurt.', source: 'The Kremlin', content: 'Putin was unhurt' },
    { text: 'Kyiv answered within hours, denying any part in the attack.', source: 'Kyiv', content: 'any part in the attack' },
    { text: 'Secretary of State Antony Blinken chimed in later, saying nothing could be confirmed.', source: 'Secretary of State Antony Blinken', content: 'nothing could be confirmed' },
    { text: 'The Kremlin said it would respond, and Dmitry Medvedev went further, calling for revenge.', source: 'Dmitry Medvedev', content: 'revenge' },
    { text: 'In a string of posts he went further, predicting a wave of strikes.', source: 'he', content: 'a wave of strikes' },
    { text: '14:05 – The adviser went further, suggesting that partisans flew them.', source: 'The adviser', content: 'that partisans flew them' },
    { text: 'HOST: Kyiv answered within hours, denying any part in it.', source: 'Kyiv', content: 'any part in it' },
    { text: 'The Kremlin, calling the raid a terrorist act, vowed to hit back.', source: 'The Kremlin', content: 'the raid a terrorist act' },
    { text: 'The spokesman tried to drag Washington in, falsely accusing the Americans of planning the raid.', source: 'The spokesman', content: 'the Americans of planning the raid' },
    { text: 'He denied the story that claimed the drones came from Kyiv, calling it a lie.', source: 'He', content: 'it a lie' },
    { text: 'Moscow blamed Kyiv, but Ukrainian President Volodymyr Zelensky answered the charge, saying that Ukraine fights only on its own land.', source: 'Ukrainian President Volodymyr Zelensky', content: 'that Ukraine fights only on its own land' },
  ],
  read(site) {
    const { view, region, word, earlier, after } = site;
    if (view.wordCount(region) > 0 && !adjunctOnly(view, region.start, region.end)) return undefined;
    let previous = word.start - 1;
    // (An adverb may stand between: "…, falsely accusing Washington of …".)
    while (previous > 0 && view.wordClass(previous) === 'ADV' && /ly$/.test(view.tokens[previous].lower)) previous--;
    while (previous >= 0 && isQuote(view.tokens[previous])) previous--;
    if (!(previous >= 0 && view.isPunct(previous, ',') && /ing$/.test(view.tokens[word.start].lower))) return undefined;
    // ("…, calling it an assassination attempt is a stretch": a gerund and its object with a verb after them is a subject, not a participle.)
    if (/^(it|this)$/.test(view.tokens[word.end]?.lower ?? '')) {
      for (let k = word.end + 1; k < Math.min(view.length, word.end + 8) && !view.isPunct(k) && !view.startsWith(k, FRAME.that); k++) if (/^(is|was|would|seems|remains)$/.test(view.tokens[k].lower)) return undefined;
    }
    // (After a contrast, "Moscow blamed Kyiv, but Zelensky answered at once, saying …", the
    // participle belongs to the clause it ends, not to a reporting verb before the contrast.)
    let clause = 0;
    // (So does a clause joined by ", and" with a subject of its own: "Moscow said …, and Medvedev
    // went further, calling for …".)
    // ("…, and hardliners such as Medvedev have gone further, calling for …": a common noun, then its verb, opens one too.)
    const ownSubject = (j: number) => view.tokens[j + 1]?.capitalised || opensClauseWithSubject(view, j + 1, previous);
    for (let j = previous - 1; j > 0 && !clause; j--) if (isContrast(view, j) || (view.tokens[j].lower === 'and' && view.isPunct(j - 1, ',') && ownSubject(j))) clause = j + 1;
    const shared = [...earlier].reverse().find((other) => other.kind === 'verb' && other.word.end <= previous && other.word.start >= clause && !IN_RELATIVE.has(other.rule ?? ''));
    if (shared?.source) return verbCue(site, shared.source, [after]);
    // ("The Kremlin, calling the raid a terrorist act, vowed …": a participle set off right after
    // the subject the sentence opens with is that subject's.)
    const subject = openingSubject(view, previous, clause) ?? openingSubject(view, previous + 1, clause);
    return subject ? verbCue(site, subject, [after]) : null;
  },
};

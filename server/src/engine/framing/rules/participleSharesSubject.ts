import { isQuote } from '../../analysis/sentence';
import { openingSubject } from '../clauses';
import { verbCue, type VerbRule } from './types';

/**
 * "…, Moscow said, blaming Kyiv" / "…, adding that …": a participle after a comma shares the
 * subject of the reporting verb before it, or else the subject the sentence opens with
 * ("Kyiv answered within hours, denying any part in it").
 */
export const participleSharesSubject: VerbRule = {
  id: 'participle-shares-subject',
  summary: '…, VERBing CONTENT: the participle shares the subject of the reporting verb before it, or of the sentence.',
  examples: [
    { text: 'The Kremlin said the drones were downed, adding that Putin was unhurt.', source: 'The Kremlin', content: 'Putin was unhurt' },
    { text: 'Kyiv answered within hours, denying any part in the attack.', source: 'Kyiv', content: 'any part in the attack' },
  ],
  read(site) {
    const { view, region, word, earlier, after } = site;
    if (view.wordCount(region) > 0) return undefined;
    let previous = word.start - 1;
    while (previous >= 0 && isQuote(view.tokens[previous])) previous--;
    if (!(previous >= 0 && view.isPunct(previous, ',') && /ing$/.test(view.tokens[word.start].lower))) return undefined;
    const shared = [...earlier].reverse().find((other) => other.kind === 'verb' && other.word.end <= previous);
    if (shared?.source) return verbCue(site, shared.source, [after]);
    const subject = openingSubject(view, previous);
    return subject ? verbCue(site, subject, [after]) : null;
  },
};

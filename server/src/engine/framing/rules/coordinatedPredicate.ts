import { isQuote, type SentenceView } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { adjunctOnly, clauseStartBefore, openingSubject } from '../clauses';
import { verbCue, type VerbRule } from './types';

/** The "and" before a phrase of place or manner set off by commas right before the verb at `verb`: "and, in a post on Twitter, insisted". */
function phraseSetOffBefore(view: SentenceView, verb: number): number | undefined {
  if (!view.isPunct(verb - 1, ',')) return undefined;
  let comma = verb - 2;
  while (comma >= 0 && comma >= verb - 12 && !view.isPunct(comma)) comma--;
  if (comma < 1 || !view.isPunct(comma, ',') || !view.startsWith(comma + 1, FRAME.preposition)) return undefined;
  // (No clause inside it: "posts" after "of" is a noun, whatever the tagger says; "that" or "which" opens a clause.)
  for (let k = comma + 1; k < verb - 1; k++) if (/^(that|which|who|when|where)$/.test(view.tokens[k].lower) || (view.isVerbal(k) && /(ed|ing)$/.test(view.tokens[k].lower))) return undefined;
  return /^(and|but)$/.test(view.tokens[comma - 1].lower) ? comma - 1 : undefined;
}

/** "accused Ukraine … and warned of retaliation": the subject is shared. */
export const coordinatedPredicate: VerbRule = {
  id: 'coordinated-predicate',
  summary: 'X said A and warned B: a verb after "and/but/or" shares the subject of the reporting verb before it.',
  examples: [
    { text: 'The Kremlin accused Kyiv of the attack and warned that Russia reserves the right to respond.', source: 'The Kremlin', content: 'Russia reserves the right to respond' },
    { text: 'The Kremlin gave no evidence for its account, but said it reserves the right to respond.', source: 'The Kremlin', content: 'it reserves the right to respond' },
    { text: 'Kyiv rejects any part in it, but Moscow points at Ukraine and has described the raid as terrorism.', source: 'Moscow', content: 'the raid as terrorism' },
    { text: 'Dmitry Medvedev went further and on social media called for revenge on Kyiv.', source: 'Dmitry Medvedev', content: 'revenge on Kyiv' },
    { text: 'Dmitry Medvedev went further and, in a string of posts on social media, called for revenge on Kyiv.', source: 'Dmitry Medvedev', content: 'revenge on Kyiv' },
    { text: 'In a post on Telegram, he went further and said Moscow was plotting a provocation.', source: 'he', content: 'Moscow was plotting a provocation.' },
    { text: 'Moscow vowed to hit back, and on the same day Ukrainian officials reported heavy shelling in the south.', reads: false },
    // (After a passive, the subject is what was named, not a speaker.)
    { text: 'The night raid was called a plot against the president and described as terrorism.', reads: false },
  ],
  read(site) {
    const { view, region, word, earlier, after } = site;
    // (An auxiliary or an adverb may stand before the verb: "… and has described it as …".)
    // (Or a phrase of place or manner: "… and in a post on social media called for …".)
    // (Not a phrase that a subject of its own follows: "… and on the same day Ukrainian officials reported …".)
    const subjectInside = view.tokens.slice(region.start + 2, region.end).some((t, k) => t.capitalised && !view.tokens[region.start + 1 + k].capitalised && view.wordClass(region.start + 1 + k) === 'NOUN');
    const phrase = view.startsWith(region.start, FRAME.preposition) && region.end - region.start <= 6 && !subjectInside && !view.tokens.slice(region.start, region.end).some((_, k) => view.isVerbal(region.start + k));
    if (view.wordCount(region) > 0 && !adjunctOnly(view, region.start, region.end) && !phrase) return undefined;
    let previous = (view.wordCount(region) > 0 ? region.start : word.start) - 1;
    // (Set off by commas too: "… went further and, in a series of posts on Twitter, insisted …".)
    const setOff = view.wordCount(region) === 0 ? phraseSetOffBefore(view, word.start) : undefined;
    if (setOff !== undefined) previous = setOff;
    while (previous >= 0 && isQuote(view.tokens[previous])) previous--;
    if (!(previous >= 0 && ['and', 'but', 'or'].includes(view.tokens[previous].lower))) return undefined;
    // (The verb before it in the same clause: not one past a contrast.)
    const clauseStart = clauseStartBefore(view, previous);
    const shared = [...earlier].reverse().find((other) => other.kind === 'verb' && other.word.end <= previous && other.word.start >= clauseStart);
    if (shared?.source) return verbCue(site, shared.source, [after]);
    // ("The incident was called an act of terror and regarded as …": after a passive the
    // clause's subject is what was called so, not a speaker; the passive's own rule reads it.)
    for (let j = clauseStart; j + 1 < previous; j++) if (view.isCovered(j, FRAME.be) && view.startsWith(j + 1, FRAME.report)) return undefined;
    // "The Kremlin gave no evidence, but said …": the subject the clause opens with
    // ("Kyiv denies it, but Moscow points at Ukraine and has described …": Moscow).
    const subject = openingSubject(view, previous, clauseStart);
    return subject ? verbCue(site, subject, [after]) : undefined;
  },
};

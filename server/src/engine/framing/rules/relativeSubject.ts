import { FRAME } from '../../lexicon/english';
import { adjunctOnly, afterTimePhrase, firstWord, isContrast, isSubjectBoundary } from '../clauses';
import { relativeAfter } from './relativeContent';
import { verbCue, type VerbRule } from './types';

const RELATIVE_SUBJECT = new Set(['who', 'whom', 'that']);

/**
 * "Putin, who the Kremlin said was at Novo-Ogaryovo": the relative pronoun stands for the
 * noun before it, which belongs to the content.
 */
export const relativeSubject: VerbRule = {
  id: 'relative-subject',
  summary: 'NOUN, who X said was …: X frames the noun and the rest of the relative clause.',
  examples: [
    { text: 'Putin, who the Kremlin said was at Novo-Ogaryovo, was unharmed.', source: 'the Kremlin', content: 'was at Novo-Ogaryovo' },
    { text: 'Two drones that the Kremlin says were jammed are a strange weapon.', source: 'the Kremlin', content: 'were jammed' },
    { text: 'Text that accompanied the clip said neighbours heard two bangs.', source: 'Text that accompanied the clip', content: 'neighbours heard two bangs' },
    // The pronoun as the verb's object: the noun before it is not what was said.
    { text: 'It came weeks after a raid on the citadel that Moscow blamed on Kyiv.', source: 'Moscow', content: 'on Kyiv' },
    { text: 'The curfew that the governor declared on the night of the raid on the citadel still holds.', reads: false },
    // A dash ends the noun the pronoun stands for.
    { text: 'Moscow said two drones were downed over the citadel — claims that an envoy said should be doubted.', source: 'an envoy', content: 'claims' },
    // "that" after "be" opens a clause of its own: the subject after it speaks (subject-verb).
    { text: 'What is beyond doubt is that the ministry has threatened to hit back.', reads: false },
    // Opening the sentence, "that" points back.
    { text: 'That alone makes it hard to call the raid a plot.', reads: false },
    { text: 'The ministry had by that stage spoken of a plot and promised revenge.', reads: false },
  ],
  read(site) {
    const { view, region, regionStart, after } = site;
    const before = regionStart - 1;
    if (view.wordCount(region) === 0 || before < 0 || !RELATIVE_SUBJECT.has(view.tokens[before].lower)) return undefined;
    // ("What is not in doubt is that Moscow has threatened …": "that" after "be" opens a clause of its own, not a relative one.)
    if (view.tokens[before].lower === 'that' && before > 0 && view.isCovered(before - 1, FRAME.be)) return undefined;
    // ("That much makes it hard to name …": opening the sentence, "that" points back; it is no relative pronoun.)
    if (view.tokens[before].lower === 'that' && before === firstWord(view)) return undefined;
    // ("The ministry had by that time said …": after a preposition, "that" points to the noun after it.)
    if (view.tokens[before].lower === 'that' && view.startsWith(before - 1, FRAME.preposition)) return undefined;
    // ("Medvedev, who on Wednesday called for …": a time is no subject; the noun before the pronoun speaks.)
    if (adjunctOnly(view, region.start, region.end)) return undefined;
    // ("Text that accompanied the first video said …": a relative clause with its own verb
    // describes the subject; the noun before the pronoun, with its clause, speaks.)
    if (!view.isPunct(before - 1, ',') && view.tokens.slice(region.start, region.end).some((_, k) => view.isVerbal(region.start + k) && !view.tokens[region.start + k].capitalised)) {
      let start = before;
      while (start > 0 && !isSubjectBoundary(view, start - 1)) start--;
      if (start < before) return verbCue(site, { start, end: region.end }, [after]);
    }
    // ("a raid on the citadel that Moscow pinned on Kyiv": the pronoun is the verb's object, and the
    // thing blamed is the writer's to name; only what follows the verb is said.)
    const next = site.word.end;
    // ("the ban that the mayor announced on the morning of the raid": with the pronoun as its object,
    // a phrase of time after the verb says when, and the verb frames nothing more.)
    if (!view.isPunct(before - 1, ',') && afterTimePhrase(view, next, view.length) > next) return null;
    if (!view.isPunct(before - 1, ',') && next < view.length && !view.isVerbal(next) && !view.tokens[next].capitalised && !view.isPunct(next)) return verbCue(site, region, [after]);
    let antecedent = before;
    // (A dash ends the noun phrase: "… were downed — claims that Blinken said …": the claims, not what came before.)
    while (antecedent > 0 && !view.isPunct(antecedent - 1, ';:—–') && !isContrast(view, antecedent - 1) && !(view.isPunct(antecedent - 1, ',') && antecedent - 1 < before - 1)) antecedent--;
    return verbCue(site, region, [{ start: antecedent, end: before }, view.isPunct(before - 1, ',') ? relativeAfter(site) : after]);
  },
};

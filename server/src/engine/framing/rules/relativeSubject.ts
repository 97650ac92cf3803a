import { adjunctOnly, isContrast } from '../clauses';
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
    // The pronoun as the verb's object: the noun before it is not what was said.
    { text: 'It came weeks after a raid on the citadel that Moscow blamed on Kyiv.', source: 'Moscow', content: 'on Kyiv' },
    // A dash ends the noun the pronoun stands for.
    { text: 'Moscow said two drones were downed over the citadel — claims that an envoy said should be doubted.', source: 'an envoy', content: 'claims' },
  ],
  read(site) {
    const { view, region, regionStart, after } = site;
    const before = regionStart - 1;
    if (view.wordCount(region) === 0 || before < 0 || !RELATIVE_SUBJECT.has(view.tokens[before].lower)) return undefined;
    // ("Medvedev, who on Wednesday called for …": a time is no subject; the noun before the pronoun speaks.)
    if (adjunctOnly(view, region.start, region.end)) return undefined;
    // ("a raid on the citadel that Moscow pinned on Kyiv": the pronoun is the verb's object, and the
    // thing blamed is the writer's to name; only what follows the verb is said.)
    const next = site.word.end;
    if (!view.isPunct(before - 1, ',') && next < view.length && !view.isVerbal(next) && !view.tokens[next].capitalised && !view.isPunct(next)) return verbCue(site, region, [after]);
    let antecedent = before;
    // (A dash ends the noun phrase: "… were downed — claims that Blinken said …": the claims, not what came before.)
    while (antecedent > 0 && !view.isPunct(antecedent - 1, ';:—–') && !isContrast(view, antecedent - 1) && !(view.isPunct(antecedent - 1, ',') && antecedent - 1 < before - 1)) antecedent--;
    return verbCue(site, region, [{ start: antecedent, end: before }, view.isPunct(before - 1, ',') ? relativeAfter(site) : after]);
  },
};

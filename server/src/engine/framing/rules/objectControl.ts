import { FRAME } from '../../lexicon/english';
import { trimSpan } from '../clauses';
import { verbCue, type VerbRule } from './types';

// Verbs whose object does what the infinitive after it says: "prompted Russia to accuse".
const CONTROLLERS = /^(prompt|lead|led|cause|force|push|spur|drive|drove|driven|move|provoke|compel|trigger|get|got|allow|enable|leave|left)/;

/**
 * "The raid has prompted Russia to accuse Kyiv of …": the object of a verb like "prompt",
 * "lead", "force" is the subject of the reporting verb in the infinitive after it; the words
 * before (the raid) are not.
 */
export const objectControl: VerbRule = {
  id: 'object-control',
  summary: 'X prompted/led/forced Y to say CONTENT: Y frames what follows.',
  examples: [
    { text: 'The night raid on the citadel has led Moscow to accuse Kyiv of plotting against the president.', source: 'Moscow', content: 'Kyiv of plotting against the president' },
    { text: 'The blasts forced the Kremlin to admit that two drones had got through.', source: 'the Kremlin', content: 'two drones had got through' },
  ],
  read(site) {
    const { view, region, word, after } = site;
    const to = word.start - 1;
    if (to < 2 || view.tokens[to].lower !== 'to' || to < region.start || to >= region.end + 1) return undefined;
    // Back from "to" over the object (no verb in it) to the controlling verb.
    let verb = to - 1;
    while (verb > region.start && !view.isVerbal(verb) && !view.isPunct(verb)) verb--;
    if (!view.isVerbal(verb) || !CONTROLLERS.test(view.tokens[verb].lower) || view.isCovered(verb, FRAME.report)) return undefined;
    const object = trimSpan(view, { start: verb + 1, end: to });
    const nominal = view.tokens.slice(object.start, object.end).some((t, k) => t.capitalised || /^(NOUN|PROPN|PRON)$/.test(view.wordClass(object.start + k) ?? ''));
    if (view.wordCount(object) === 0 || !nominal) return undefined;
    return verbCue(site, object, [after]);
  },
};

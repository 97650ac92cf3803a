import { FRAME } from '../../lexicon/english';
import { isPossessiveMark, trimSpan } from '../clauses';
import type { SentenceRule } from './types';

/**
 * A headline that names its source last, after a dash or a colon: "Two drones flew above the
 * Kremlin – CNN", "Drones were downed by radar warfare: Kremlin press service".
 */
const PICTURE_CREDIT = /^(credits?|photo|photos|photograph|picture|pictures|image|images|pic|footage)$/;
const LINK = /^(https?|www\.|pic\.twitter\.com)|\.(com|org|net|co)$/i;

export const trailingSource: SentenceRule = {
  id: 'trailing-source',
  summary: 'CONTENT – X / CONTENT: X, in a headline: the short name at the end is the source.',
  examples: [
    { headline: true, text: 'Two drones were flown at the Kremlin – Kremlin press service', source: 'Kremlin press service', content: 'Two drones were flown at the Kremlin' },
    { headline: true, text: 'Two drones were flown at the Kremlin – and nobody saw them', reads: false },
    { headline: true, text: 'No emergency sitting planned after the raid on the Kremlin — senator', source: 'senator', content: 'No emergency sitting planned after the raid on the Kremlin' },
    { headline: true, text: 'Day 12: drones strike Kremlin', reads: false },
    { headline: true, text: 'Breaking: Drones Hit Citadel Dome', reads: false },
    { headline: true, text: 'Two drones were flown at the Kremlin – TASS pic.twitter.com/Ab12Cd', source: 'TASS', content: 'Two drones were flown at the Kremlin' },
    // A picture credit names who took the picture, not who says what the caption says.
    { headline: true, text: 'A drone hit the dome of the Senate Palace Credit: Reuters', reads: false },
    // A name, then what it spoke about: both the statement and the topic are its words.
    { headline: true, text: 'Moscow may answer in kind – Belarusian envoy about drone raid on Kremlin', source: 'Belarusian envoy', content: 'drone raid on Kremlin' },
    { headline: true, text: 'Nothing left but to remove the Kyiv leadership: Russia’s ex-president Medvedev', source: 'Russia’s ex-president Medvedev', content: 'Nothing left but to remove the Kyiv leadership' },
    { headline: true, text: 'Saboteurs inside Russia flew the drones at the Kremlin: US intelligence believes', source: 'US intelligence', content: 'Saboteurs inside Russia flew the drones at the Kremlin' },
  ],
  read(view, cues) {
    if (!view.headline) return [];
    let end = view.length;
    // (A link after the credit, "– TASS pic.twitter.com/…", is where the post lives, not its source.)
    const link = view.tokens.findIndex((t) => LINK.test(t.text));
    if (link > 0) end = link;
    while (end > 0 && view.isPunct(end - 1, '.!')) end--;
    // A name: it opens with a capital and holds no verb ("– and nobody saw them").
    const isName = (span: { start: number; end: number }) => {
      const words = view.tokens.slice(span.start, span.end);
      // ("… – the Kremlin": an article may open the name.)
      const opens = words[0]?.capitalised || (words[0]?.lower === 'the' && words[1]?.capitalised);
      // (Counted in words: "Russia's ex-leader NAME" has a possessive mark and a hyphen besides.)
      const count = words.filter((t, n) => !view.isPunct(span.start + n) && !isPossessiveMark(t.text)).length;
      return count > 0 && count <= 5 && opens && words.every((t, n) => t.capitalised || !view.isVerbal(span.start + n));
    };
    // ("… – lawmaker", "… – officials": a role, unnamed, is a source too, if a vague one.)
    const isRole = (span: { start: number; end: number }) =>
      span.end - span.start <= 3 && span.end > span.start && view.isCovered(span.end - 1, FRAME.vagueSource) && view.tokens.slice(span.start, span.end).every((_, n) => !view.isVerbal(span.start + n));
    for (let k = end - 2; k >= Math.max(1, end - 12); k--) {
      if (!view.isPunct(k, '–—-:')) continue;
      // (A hyphen inside a word, "20,000-plus", separates nothing.)
      if (view.isPunct(k, '-') && (view.tokens[k - 1].end === view.tokens[k].start || view.tokens[k].end === view.tokens[k + 1]?.start)) continue;
      // ("… – Syrian foreign ministry about the raid on the citadel": the name, then its topic.)
      // (Only after a dash, in a headline no colon has already credited.)
      const about = view.isPunct(k, ':') || cues.some((cue) => cue.kind === 'colon') ? -1 : view.tokens.findIndex((t, n) => n > k + 1 && n < end - 1 && /^(about|on|regarding)$/.test(t.lower));
      let source = trimSpan(view, { start: k + 1, end: about > 0 ? about : end });
      // ("…: US intelligence believes": the name and its reporting verb, with nothing after.)
      const verb = source.end - 1;
      const endsInReport = about < 0 && source.end - source.start >= 2 && view.isCovered(verb, FRAME.report) && !view.tokens[verb].capitalised;
      if (endsInReport) source = { start: source.start, end: verb };
      const cueAfter = cues.some((cue) => cue.word.start > k && !(endsInReport && cue.word.start === verb));
      // ("Breaking: Drones attack …": one word before the colon is a label, not what is said.)
      if (view.wordCount({ start: 0, end: k }) < 2) return [];
      if ((about < 0 && k < end - 7) || !(isName(source) || isRole(source)) || cueAfter) return [];
      if (PICTURE_CREDIT.test(view.tokens[k - 1].lower)) return [];
      const scopes = about > 0 ? [{ start: 0, end: k }, { start: about + 1, end }] : [{ start: 0, end: k }];
      // (The verb, when there is one, is the cue's word: "believes" gives an assessment.)
      const word = endsInReport ? { start: verb, end: verb + 1 } : { start: k, end: k + 1 };
      return [{ kind: 'colon', polarity: 'assert', word, source, scopes, hedged: false }];
    }
    return [];
  },
};

import { isPossessiveMark, trimSpan } from '../clauses';
import type { SentenceRule } from './types';

const PICTURE_CREDIT = /^(credits?|photo|photos|photograph|picture|pictures|image|images|pic|footage|video|screenshot|screen|grab)$/;

/**
 * "Putin was out of town (Peskov to state radio, 3 May)." — a newsletter's or a fact-check's
 * citation: a name in brackets at the end of the sentence, then whom it was said to, where or
 * when. The name is the source of the sentence before the bracket.
 */
export const bracketedCitation: SentenceRule = {
  id: 'bracketed-citation',
  summary: 'CONTENT (NAME to OUTLET, DATE). / CONTENT (NAME, via OUTLET).: the name cited in brackets at the end is the source.',
  examples: [
    { text: 'The leader spent the night out of town (Peskov to state radio, 3 May).', source: 'Peskov', content: 'The leader spent the night out of town' },
    { text: 'Nothing can be confirmed yet (Blinken, via a US paper).', source: 'Blinken', content: 'Nothing can be confirmed yet' },
    // A name alone in brackets may be a place or an outlet, not a citation.
    { text: 'Two drones flew at the citadel (Moscow).', reads: false },
    { text: 'Grey smoke drifts over the citadel at dawn (Source: a city news channel on Telegram)', source: 'a city news channel on Telegram', content: 'Grey smoke drifts over the citadel at dawn' },
    // A bracket that describes a noun is no citation.
    { text: 'The drones fell near the Senate Palace (Putin’s office, in fact).', reads: false },
    { text: 'Smoke rose over the dome (Image: Telegram / screen grab).', reads: false },
    { text: 'Nothing can be confirmed yet (Blinken, who said so on Wednesday).', reads: false },
    { text: 'Nothing can be confirmed yet (Blinken said so on Wednesday).', reads: false },
  ],
  read(view) {
    if (view.headline) return [];
    let end = view.length;
    while (end > 0 && view.isPunct(end - 1, '.!')) end--;
    if (end < 4 || !view.isPunct(end - 1, ')')) return [];
    let open = end - 2;
    while (open > 0 && !view.isPunct(open, '(')) open--;
    if (open < 2 || !view.isPunct(open, '(') || view.wordCount({ start: 0, end: open }) < 3) return [];
    // ("… (Source: a city channel on Telegram)": a label that says it names the source.)
    if (/^sources?$/.test(view.tokens[open + 1]?.lower ?? '') && view.isPunct(open + 2, ':')) {
      const named = trimSpan(view, { start: open + 3, end: end - 1 });
      return view.wordCount(named) > 0 ? [{ kind: 'according', polarity: 'assert', word: { start: open, end: open + 3 }, source: named, scopes: [{ start: 0, end: open }], hedged: false }] : [];
    }
    // The name: capitalised words (an article may open it), no possessive.
    let nameEnd = open + 1;
    if (view.tokens[nameEnd]?.lower === 'the') nameEnd++;
    while (nameEnd < end - 1 && view.tokens[nameEnd].capitalised && !view.isPunct(nameEnd) && view.wordClass(nameEnd) === 'PROPN') nameEnd++;
    const name = trimSpan(view, { start: open + 1, end: nameEnd });
    if (view.wordCount(name) === 0 || nameEnd - open > 5 || isPossessiveMark(view.tokens[nameEnd]?.text ?? '')) return [];
    // Then whom it was said to, or a comma before an outlet or a date: never a verb of its own.
    if (!(view.isPunct(nameEnd, ',') || /^(to|via|in|on)$/.test(view.tokens[nameEnd]?.lower ?? ''))) return [];
    // ("Peskov to state radio": after "to" the tagger may read a verb; whom it was told is no clause.)
    const toWhom = view.tokens[nameEnd].lower !== ',';
    for (let k = open + 1; k < end - 1; k++) {
      if (PICTURE_CREDIT.test(view.tokens[k].lower) || view.isPunct(k, ':')) return [];
      if (!toWhom && view.isVerbal(k) && !view.tokens[k].capitalised) return [];
    }
    // (A verb must stand before the bracket: a clause is cited, not a noun described.)
    if (!view.tokens.slice(0, open).some((_, k) => view.isVerbal(k))) return [];
    return [{ kind: 'according', polarity: 'assert', word: { start: open, end: open + 1 }, source: name, scopes: [{ start: 0, end: open }], hedged: false }];
  },
};

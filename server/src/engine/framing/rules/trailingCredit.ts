import { TokenKind } from '../../text/tokens';
import type { SentenceRule } from './types';

/**
 * "We fight on our own land, Volodymyr Zelensky, Ukrainian president, via statement." — words
 * set down with a credit line instead of a verb: a person's name after the last clause, then at
 * most a title and where it was said, with no verb after the words.
 */
export const trailingCredit: SentenceRule = {
  id: 'trailing-credit',
  summary: 'CONTENT, FIRST LAST, TITLE, via statement / on OUTLET: the name credited at the end is the source.',
  examples: [
    { text: 'We fight only on our own land, Olena Marchenko, Ukrainian deputy minister, via statement.', source: 'Olena Marchenko', content: 'We fight only on our own land' },
    { text: 'The drones came from nowhere, John Smith, a Pentagon spokesman, on morning television.', source: 'John Smith', content: 'The drones came from nowhere' },
    { text: 'The drones fell on the roof, Red Square, and the gardens.', reads: false },
    { text: 'Both machines were brought down by jamming, The Kremlin, via statement.', source: 'The Kremlin', content: 'Both machines were brought down by jamming' },
  ],
  read(view, earlier) {
    if (view.headline) return [];
    let end = view.length;
    while (end > 0 && view.isPunct(end - 1, '.!')) end--;
    const commas: number[] = [];
    for (let j = 0; j < end; j++) if (view.isPunct(j, ',')) commas.push(j);
    // The name opens one of the last three comma-separated parts.
    for (let n = commas.length - 1; n >= Math.max(0, commas.length - 3); n--) {
      const comma = commas[n];
      const nameEnd = commas[n + 1] ?? end;
      // (An institution with its article: "…, The Kremlin, via statement.")
      const article = view.tokens[comma + 1]?.lower === 'the' ? 1 : 0;
      const name = view.tokens.slice(comma + 1 + article, nameEnd);
      const isName = name.length >= 2 - article && name.length <= 4 && name.every((t) => t.kind === TokenKind.Word && t.capitalised) && name.every((_, k) => view.wordClass(comma + 1 + article + k) === 'PROPN');
      if (!isName) continue;
      for (let j = comma + 1; j < end; j++) if (view.isVerbal(j) && !view.tokens[j].capitalised) return [];
      let verb = false;
      for (let j = 0; j < comma; j++) if (view.isVerbal(j)) verb = true;
      if (!verb || earlier.some((cue) => cue.word.start > comma)) return [];
      // (A list of places is no credit: a title or where it was said must follow the name.)
      if (nameEnd >= end || /^(and|or|as|while)$/.test(view.tokens[nameEnd + 1]?.lower ?? '')) return [];
      return [{ kind: 'according', polarity: 'assert', word: { start: comma, end: comma + 1 }, source: { start: comma + 1, end: nameEnd }, scopes: [{ start: 0, end: comma }], hedged: false }];
    }
    return [];
  },
};

import { wordKey } from '../../text/normalize';
import { clauseEndAfter, sentenceStartBefore, trimSpan } from '../clauses';
import type { Span } from '../../analysis/sentence';
import type { VerbRule } from './types';

const QUOTE_KEY = wordKey('quote');

/** "Russian media quoted the Kremlin as saying …": the one quoted is the source. */
export const quotedAsSaying: VerbRule = {
  id: 'quoted-as-saying',
  summary: 'X quoted Y as saying CONTENT: Y is the source.',
  examples: [
    { text: 'RIA Novosti quoted Peskov as saying that Putin was at Novo-Ogaryovo.', source: 'Peskov', content: 'Putin was at Novo-Ogaryovo' },
    { text: 'Peskov quoted the figure.', reads: false },
  ],
  read({ view, word, polarity }) {
    const { start: i, end: e } = word;
    if (view.tokens[i].key !== QUOTE_KEY) return undefined;
    for (let j = e + 1; j < Math.min(view.length, e + 9); j++) {
      if (view.tokens[j].lower === 'as' && /^(saying|having)$/.test(view.tokens[j + 1]?.lower ?? '')) {
        const source = trimSpan(view, { start: e, end: j });
        const content: Span = { start: j + 2, end: clauseEndAfter(view, j + 2) };
        let comma = i - 1;
        while (comma >= 0 && !view.isPunct(comma, ',')) comma--;
        const before: Span[] = comma > 0 ? [{ start: sentenceStartBefore(view, comma), end: comma }] : [];
        return { kind: 'verb', polarity, word: { start: i, end: j + 2 }, source, scopes: [...before, content], hedged: false };
      }
    }
    return undefined;
  },
};

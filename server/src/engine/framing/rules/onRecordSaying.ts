import type { Span } from '../../analysis/sentence';
import { clauseEndAfter, trimSpan } from '../clauses';
import type { VerbRule } from './types';

/** "RIA Novosti had Peskov on record saying …": the one on record is the source. */
export const onRecordSaying: VerbRule = {
  id: 'on-record-saying',
  summary: 'X had Y on record (as) saying CONTENT: Y is the source.',
  examples: [
    { text: 'The agency had the spokesman, Dmitry Peskov, on record saying the president was at Novo-Ogaryovo.', source: 'the spokesman, Dmitry Peskov', content: 'the president was at Novo-Ogaryovo' },
    { text: 'The paper put the minister on record as saying nobody was hurt.', source: 'the minister', content: 'nobody was hurt' },
    { text: 'Kyiv went on record saying it had no part in the raid.', reads: false },
  ],
  read({ view, word, polarity }) {
    const { start: i, end: e } = word;
    if (view.tokens[i].lower !== 'saying') return undefined;
    let on = i - 2;
    if (view.tokens[on + 1]?.lower === 'as') on--;
    if (view.tokens[on]?.lower !== 'on' || view.tokens[on + 1]?.lower !== 'record') return undefined;
    for (let verb = on - 2; verb >= 0 && verb >= on - 12; verb--) {
      if (view.isPunct(verb, '.;:')) return undefined;
      if (!/^(had|has|have|having|put|puts|got|gets|get)$/.test(view.tokens[verb].lower)) continue;
      const source = trimSpan(view, { start: verb + 1, end: on });
      if (view.wordCount(source) === 0) return undefined;
      const content: Span = { start: e, end: clauseEndAfter(view, e) };
      return { kind: 'verb', polarity, word: { start: on, end: e }, source, scopes: [content], hedged: false };
    }
    return undefined;
  },
};

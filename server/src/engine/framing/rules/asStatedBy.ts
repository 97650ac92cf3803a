import { FRAME } from '../../lexicon/english';
import { clauseEndAfter, clauseStartBefore, nextIndexOf, trimSpan } from '../clauses';
import type { Cue, SentenceRule } from './types';

/**
 * "The president, as noted by his press office, was unhurt": "as" + participle +
 * "by X"; also "in X" where X is a capital or an institution standing for its side ("as was
 * stressed in Moscow, …").
 */
export const asStatedBy: SentenceRule = {
  id: 'as-stated-by',
  summary: 'CONTENT, as stated / reported by X, …: X frames the clause around the aside.',
  examples: [
    { text: 'The president, as noted by his press office, was unhurt.', source: 'his press office', content: 'was unhurt' },
    { text: 'As underlined in Moscow, both machines were brought down before they reached their target.', source: 'Moscow', content: 'both machines were brought down before they reached their target.' },
    { text: 'Putin, as stated Peskov to the agency, was at Novo-Ogaryovo.', source: 'Peskov', content: 'was at Novo-Ogaryovo' },
    { text: 'As informed the press service, both machines were brought down.', source: 'the press service', content: 'both machines were brought down.' },
    { text: 'The official version, as it was set out by the press service, is simple: both machines were jammed.', source: 'the press service', content: 'is simple: both machines were jammed.' },
    { text: 'Both machines were brought down, as expected.', reads: false },
  ],
  read(view) {
    const cues: Cue[] = [];
    for (const { start: p, end: e } of view.frame.get(FRAME.passiveReport) ?? []) {
      // ("as was stressed in Moscow": "was" may stand between.)
      // ("as it was laid out by the press service": "it" and "was" too.)
      const as = view.tokens[p - 1]?.lower === 'as' ? p - 1 : view.tokens[p - 2]?.lower === 'as' && view.isCovered(p - 1, FRAME.be) ? p - 2 : view.tokens[p - 3]?.lower === 'as' && view.tokens[p - 2]?.lower === 'it' && view.isCovered(p - 1, FRAME.be) ? p - 3 : -1;
      if (as < 0) continue;
      // ("as stated Peskov to RIA Novosti", "As informed the press service, …": copy translated word
      // for word puts the speaker straight after the participle, with no "by".)
      const inverted = !view.startsWith(e, FRAME.by) && !/^(in|at)$/.test(view.tokens[e]?.lower ?? '') && as === p - 1 && (view.tokens[e]?.capitalised || view.isCovered(e, FRAME.determiner)) && !view.isPunct(e);
      if (!inverted && !(view.startsWith(e, FRAME.by) || /^(in|at)$/.test(view.tokens[e]?.lower ?? ''))) continue;
      const from = inverted ? e : e + 1;
      let sourceEnd = nextIndexOf(view, from, ',;');
      // (Whom it was said to is no part of the speaker: "as stated Peskov to RIA Novosti".)
      if (inverted) for (let k = from + 1; k < sourceEnd; k++) if (/^(to|in|on)$/.test(view.tokens[k].lower)) { sourceEnd = k; break; }
      const source = trimSpan(view, { start: from, end: sourceEnd });
      if (inverted) sourceEnd = nextIndexOf(view, from, ',;');
      if (view.wordCount(source) === 0) continue;
      const clauseStart = clauseStartBefore(view, as);
      const scopes = [{ start: clauseStart, end: as }, { start: sourceEnd + 1, end: clauseEndAfter(view, sourceEnd + 1) }];
      cues.push({ kind: 'according', polarity: 'assert', word: { start: as, end: e + 1 }, source, scopes, hedged: false });
    }
    return cues;
  },
};

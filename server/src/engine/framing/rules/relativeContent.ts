import type { Span } from '../../analysis/sentence';
import { nextIndexOf } from '../clauses';
import type { VerbSite } from './types';

/**
 * A relative clause between commas ends at the next comma; a correction set off by commas inside
 * it ("which says jamming, not missiles, brought them down") does not end it.
 */
export const relativeAfter = ({ view, word, after }: VerbSite): Span => {
  let end = nextIndexOf(view, word.end, ',');
  while (end < after.end && view.tokens[end + 1]?.lower === 'not') {
    const close = nextIndexOf(view, end + 1, ',');
    if (close - end > 5 || close >= after.end) break;
    end = nextIndexOf(view, close + 1, ',');
  }
  return { start: word.end, end: Math.min(after.end, end) };
};

export const RELATIVE = new Set(['which', 'who', 'whom']);

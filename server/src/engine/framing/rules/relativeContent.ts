import type { Span } from '../../analysis/sentence';
import { nextIndexOf } from '../clauses';
import type { VerbSite } from './types';

/** A relative clause between commas ends at the next comma. */
export const relativeAfter = ({ view, word, after }: VerbSite): Span => ({ start: word.end, end: Math.min(after.end, nextIndexOf(view, word.end, ',')) });

export const RELATIVE = new Set(['which', 'who', 'whom']);

import type { Token } from '../text/tokens';
import { TokenKind } from '../text/tokens';
import type { Occurrence, PhraseIndex } from './phrases';

// Claim patterns: ordered concept slots with bounded gaps, e.g.
//   "@ukraine @launch @drone"        Ukraine ... launched ... drones
//   "@drone @be? @launched =by @ukraine"
// Syntax, element by element (separated by spaces):
//   @name      a concept of the pack            word / two_words   a literal phrase
//   a|@b       alternatives                      x?                 optional
//   =x         must follow the previous element directly (no gap)
// Matching walks occurrence lists, never the characters of a pattern, so its cost is
// bounded by the number of concept hits in a sentence and an explicit step budget.

export interface PatternElement {
  labels: string[];
  optional: boolean;
  adjacent: boolean;
}

export interface CompiledPattern {
  source: string;
  form: 'clause' | 'np';
  elements: PatternElement[];
}

export interface Part {
  start: number;
  end: number;
}

export interface PatternMatch {
  pattern: CompiledPattern;
  /** One entry per element; null where an optional element was skipped. */
  parts: Array<Part | null>;
  start: number;
  end: number;
}

export class PatternError extends Error {}

export const conceptLabel = (name: string) => `c:${name}`;
export const literalLabel = (phrase: string) => `l:${phrase}`;

const MAX_ELEMENTS = 12;

export function compilePattern(
  source: string,
  form: 'clause' | 'np',
  index: PhraseIndex,
  concepts: ReadonlySet<string>,
): CompiledPattern {
  const words = source.trim().split(/\s+/).filter(Boolean);
  if (!words.length) throw new PatternError('empty pattern');
  if (words.length > MAX_ELEMENTS) throw new PatternError(`more than ${MAX_ELEMENTS} elements`);
  const elements = words.map((word, position) => {
    let body = word;
    const adjacent = body.startsWith('=');
    if (adjacent) body = body.slice(1);
    const optional = body.endsWith('?');
    if (optional) body = body.slice(0, -1);
    if (adjacent && position === 0) throw new PatternError(`"${word}": the first element cannot be adjacent to anything`);
    const labels = body.split('|').map((alternative) => {
      if (!alternative) throw new PatternError(`"${word}": empty alternative`);
      if (alternative.startsWith('@')) {
        const name = alternative.slice(1);
        if (!concepts.has(name)) throw new PatternError(`unknown concept @${name}`);
        return conceptLabel(name);
      }
      const phrase = alternative.replace(/_/g, ' ');
      if (!index.add(phrase, literalLabel(phrase))) throw new PatternError(`"${alternative}" has no words`);
      return literalLabel(phrase);
    });
    return { labels, optional, adjacent };
  });
  if (elements.every((element) => element.optional)) throw new PatternError('every element is optional');
  return { source, form, elements };
}

/** Punctuation a pattern's gap may not cross: the parts would belong to different clauses. */
const HARD_BOUNDARIES = new Set([';', ':', '—', '?', '!', '(', ')']);

export interface MatchBudget {
  steps: number;
}

export function findMatches(
  pattern: CompiledPattern,
  byLabel: ReadonlyMap<string, Occurrence[]>,
  tokens: Token[],
  maxGap: number,
  budget: MatchBudget,
  limit = 4,
): PatternMatch[] {
  const matches: PatternMatch[] = [];
  const parts: Array<Part | null> = [];
  const { elements } = pattern;

  const candidates = (element: PatternElement): Occurrence[] => {
    const list: Occurrence[] = [];
    for (const label of element.labels) for (const occurrence of byLabel.get(label) ?? []) list.push(occurrence);
    return list;
  };

  const gapIsOpen = (from: number, to: number, adjacent: boolean): boolean => {
    // Adjacent parts touch: nothing but a hyphen or an apostrophe-s between them.
    if (adjacent) {
      for (let i = from; i < to; i++) if (!['-', "'s", '’s'].includes(tokens[i].text)) return false;
      return true;
    }
    let words = 0;
    for (let i = from; i < to; i++) {
      const token = tokens[i];
      if (token.kind === TokenKind.Punct) {
        if (HARD_BOUNDARIES.has(token.text)) return false;
      } else if (++words > (adjacent ? 0 : maxGap)) {
        return false;
      }
    }
    return true;
  };

  // Finds the nearest completion of a match whose first part is already placed. The first
  // completion wins: farther ones would pull in words of another clause.
  const walk = (k: number, previousEnd: number): boolean => {
    if (--budget.steps < 0) return true;
    if (k === elements.length) {
      const present = parts.filter((part): part is Part => part !== null);
      matches.push({ pattern, parts: [...parts], start: present[0].start, end: present[present.length - 1].end });
      return true;
    }
    const element = elements[k];
    const options = candidates(element)
      .filter((occurrence) => occurrence.start >= previousEnd && gapIsOpen(previousEnd, occurrence.start, element.adjacent))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let tried = 0;
    for (const occurrence of options) {
      parts.push(occurrence);
      const done = walk(k + 1, occurrence.end);
      parts.pop();
      if (done) return true;
      if (++tried >= 3) break;
    }
    if (element.optional) {
      parts.push(null);
      const done = walk(k + 1, previousEnd);
      parts.pop();
      if (done) return true;
    }
    return false;
  };

  // Every occurrence of the first element (or, if it is optional, of the next) may start a match.
  const first = elements.findIndex((element) => !element.optional);
  const starts: Array<{ skipped: number; occurrence: Occurrence }> = [];
  for (let k = 0; k <= first; k++) for (const occurrence of candidates(elements[k])) starts.push({ skipped: k, occurrence });
  starts.sort((a, b) => a.occurrence.start - b.occurrence.start || a.skipped - b.skipped);
  for (const { skipped, occurrence } of starts) {
    if (matches.length >= limit || budget.steps < 0) break;
    if (matches.some((match) => match.start === occurrence.start)) continue;
    for (let k = 0; k < skipped; k++) parts.push(null);
    parts.push(occurrence);
    walk(skipped + 1, occurrence.end);
    parts.length = 0;
  }
  return matches;

}

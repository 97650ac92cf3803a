import type { Span } from '../analysis/sentence';
import type { Part, PatternMatch } from '../match/patterns';

/** The parts of a match that are there (an optional slot may be empty). */
export const presentParts = (match: PatternMatch): Part[] => match.parts.filter((part): part is Part => part !== null);

/** The words between a match's parts. */
export function gaps(match: PatternMatch): Span[] {
  const parts = presentParts(match);
  const result: Span[] = [];
  for (let k = 1; k < parts.length; k++) if (parts[k].start > parts[k - 1].end) result.push({ start: parts[k - 1].end, end: parts[k].start });
  return result;
}

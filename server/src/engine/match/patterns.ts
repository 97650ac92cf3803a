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
// A gap holds at most maxGap words, twice that when it ends in "and" right before the next
// element and holds no comma before it (a subject, its first predicate, "and", the second).
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
  /** Concept labels of which one must be in view; undefined: the claim's own. */
  requires?: string[];
  /** Concept labels none of which may be in the sentence; undefined: the claim's own. */
  excludes?: string[];
  /** Concept labels of which one must have been named earlier in the draft. */
  requiresEarlier?: string[];
  /** Concept labels which, in view (this sentence or the one before), make a match unsure. */
  unsureWith?: string[];
  /** Concept labels which, named anywhere earlier in the draft, make a match unsure. */
  unsureAfter?: string[];
  /** Concepts which, in the match's own sentence, settle which event it is about. */
  sureWith?: string[];
  /** Claims which, found in the same sentence, are what the matched words say. */
  yieldsTo?: string[];
  /** The match must open its sentence. */
  opensSentence?: boolean;
  /** The match's verb must be in the simple present, outside a headline (a caption narrating a picture). */
  describesPicture?: boolean;
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

export const MAX_ELEMENTS = 12;
/** Alternatives in one element ("a|b|@c"): each is merged at every step of the search. */
export const MAX_ALTERNATIVES = 16;
export const MAX_LITERAL_WORDS = 12;

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
    const alternatives = body.split('|');
    if (alternatives.length > MAX_ALTERNATIVES) throw new PatternError(`"${word}": more than ${MAX_ALTERNATIVES} alternatives`);
    const labels = alternatives.map((alternative) => {
      if (!alternative) throw new PatternError(`"${word}": empty alternative`);
      if (alternative.startsWith('@')) {
        const name = alternative.slice(1);
        if (!concepts.has(name)) throw new PatternError(`unknown concept @${name}`);
        return conceptLabel(name);
      }
      const phrase = alternative.replace(/_/g, ' ');
      if (phrase.split(' ').filter(Boolean).length > MAX_LITERAL_WORDS) throw new PatternError(`"${alternative}": more than ${MAX_LITERAL_WORDS} words`);
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
  /** Work units left: a step of the search, each alternative searched or compared, each word of a gap checked, each match found (framing is then run on it). */
  steps: number;
  /** The pattern being matched when the budget ran out. */
  spentOn?: CompiledPattern;
}

/** Work units one sentence may cost across every pack together (each pack also has its own budget). */
export const SENTENCE_WORK = 120_000;
/**
 * Units charged per match found: every match is framed, which costs far more than a step, and
 * reads the sentence's words and attribution cues: a base, and more for each word.
 */
const FRAMING_WORK = 100;
const FRAMING_WORK_PER_TOKEN = 4;

const sentenceBudgets = new WeakMap<readonly Token[], MatchBudget>();

/** The budget all packs share on one sentence, keyed by its token list (one per sentence analysis). */
export function sentenceBudget(tokens: readonly Token[]): MatchBudget {
  let budget = sentenceBudgets.get(tokens);
  if (!budget) sentenceBudgets.set(tokens, (budget = { steps: SENTENCE_WORK }));
  return budget;
}

/** Called once per budget that runs out, with the pattern that was being matched; the host reports it. */
export const workBudgetWatch: { exhausted?: (pattern: CompiledPattern) => void } = {};

const walkingOrder = (a: Occurrence, b: Occurrence) => a.start - b.start || b.end - a.end;
const startOrder = (a: Occurrence, b: Occurrence) => a.start - b.start;

// Sorted copies of one sentence's occurrence lists, made once and shared by every pattern
// matched against that sentence (keyed by its occurrence map, which must not change).
const sortedViews = new WeakMap<ReadonlyMap<string, Occurrence[]>, Map<string, Occurrence[]>>();

function sortedOccurrences(byLabel: ReadonlyMap<string, Occurrence[]>, label: string, order: typeof walkingOrder): Occurrence[] {
  let views = sortedViews.get(byLabel);
  if (!views) {
    views = new Map();
    sortedViews.set(byLabel, views);
  }
  const key = `${order === walkingOrder ? 'walk' : 'start'}|${label}`;
  let list = views.get(key);
  if (!list) {
    list = [...(byLabel.get(label) ?? [])].sort(order);
    views.set(key, list);
  }
  return list;
}

/** Index of the first occurrence starting at or after `position` in a list sorted by start. */
function firstStartingAt(list: Occurrence[], position: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  const shared = sentenceBudget(tokens);
  const spent = () => budget.steps < 0 || shared.steps < 0;
  const nameCulprit = (meter: MatchBudget) => {
    if (meter.steps >= 0 || meter.spentOn) return;
    meter.spentOn = pattern;
    workBudgetWatch.exhausted?.(pattern);
  };
  // Charges both budgets; one that runs out names this pattern, once.
  const charge = (units: number): boolean => {
    budget.steps -= units;
    shared.steps -= units;
    if (!spent()) return false;
    nameCulprit(budget);
    nameCulprit(shared);
    return true;
  };
  if (spent()) return matches;
  // Most sentences lack some required slot entirely: nothing to walk.
  let labels = 0;
  for (const element of pattern.elements) {
    labels += element.labels.length;
    if (!element.optional && !element.labels.some((label) => byLabel.has(label))) return matches;
  }
  if (charge(labels)) return matches;
  const parts: Array<Part | null> = [];
  const { elements } = pattern;

  // An element's occurrences from `from` on, in walking order (start ascending, longer first;
  // ties in label order), merged lazily from its labels' sorted lists. A step therefore costs
  // a few binary searches and the candidates it tries, whatever the number of occurrences, so
  // the step budget bounds the time a pattern can take on any pack and sentence.
  function* candidatesFrom(element: PatternElement, from: number): Generator<Occurrence> {
    const lists = element.labels.map((label) => sortedOccurrences(byLabel, label, walkingOrder));
    const next = lists.map((list) => firstStartingAt(list, from));
    for (;;) {
      // Every alternative is searched, then compared at every candidate.
      if (charge(lists.length)) return;
      let best = -1;
      for (let i = 0; i < lists.length; i++) {
        if (next[i] < lists[i].length && (best < 0 || walkingOrder(lists[i][next[i]], lists[best][next[best]]) < 0)) best = i;
      }
      if (best < 0) return;
      yield lists[best][next[best]++];
    }
  }

  // The ")" of a bracketed gloss of one to three words that opens at i and closes before `to`, or -1.
  const glossEnd = (i: number, to: number): number => {
    for (let j = i + 1; j < Math.min(to, i + 5); j++) {
      if (tokens[j].text === ')') return j > i + 1 ? j : -1;
      if (tokens[j].kind === TokenKind.Punct) return -1;
    }
    return -1;
  };
  const gapIsOpen = (from: number, to: number, adjacent: boolean): boolean => {
    // Adjacent parts touch: nothing but a hyphen or an apostrophe-s between them.
    if (adjacent) {
      for (let i = from; i < to; i++) if (!['-', "'s", '’s'].includes(tokens[i].text)) return false;
      return true;
    }
    if (to > from && charge(to - from)) return false;
    let words = 0;
    // ("Two drones came in low over the citadel in the small hours and were knocked out": a gap
    // that ends in "and" right before the next part joins a second predicate to the subject; the
    // first predicate may be as long again.)
    // (Only "and", and no comma inside the first predicate but one before "and": an aside or a
    // list there may hold words of another clause.)
    const coordinated = to - 1 > from && /^and$/i.test(tokens[to - 1].text) && !tokens.slice(from, to - 2).some((token) => token.text === ',');
    const limit = coordinated ? maxGap * 2 : maxGap;
    for (let i = from; i < to; i++) {
      const token = tokens[i];
      if (token.kind === TokenKind.Punct) {
        // ("Two unmanned aerial vehicles (UAVs) were aimed at …": a short gloss in brackets is no boundary.)
        if (token.text === '(') {
          const close = glossEnd(i, to);
          if (close > 0) {
            i = close;
            continue;
          }
        }
        if (HARD_BOUNDARIES.has(token.text)) return false;
      } else if (++words > (adjacent ? 0 : limit)) {
        return false;
      }
    }
    return true;
  };

  // Finds the nearest completion of a match whose first part is already placed. The first
  // completion wins: farther ones would pull in words of another clause.
  const walk = (k: number, previousEnd: number): boolean => {
    if (charge(1)) return true;
    if (k === elements.length) {
      charge(FRAMING_WORK + FRAMING_WORK_PER_TOKEN * tokens.length);
      const present = parts.filter((part): part is Part => part !== null);
      matches.push({ pattern, parts: [...parts], start: present[0].start, end: present[present.length - 1].end });
      return true;
    }
    const element = elements[k];
    let tried = 0;
    for (const occurrence of candidatesFrom(element, previousEnd)) {
      // A gap closed for one start is closed for every later start (it only widens).
      if (!gapIsOpen(previousEnd, occurrence.start, element.adjacent)) break;
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

  // Every occurrence of the first element (or, if it is optional, of the next) may start a
  // match: by start, then fewer skipped elements first, merged lazily from the label lists.
  const first = elements.findIndex((element) => !element.optional);
  function* starts(): Generator<{ skipped: number; occurrence: Occurrence }> {
    const streams: Array<{ skipped: number; list: Occurrence[]; next: number }> = [];
    for (let k = 0; k <= first; k++) {
      for (const label of elements[k].labels) streams.push({ skipped: k, list: sortedOccurrences(byLabel, label, startOrder), next: 0 });
    }
    for (;;) {
      if (charge(streams.length)) return;
      let best: (typeof streams)[number] | undefined;
      for (const stream of streams) {
        if (stream.next >= stream.list.length) continue;
        const start = stream.list[stream.next].start;
        if (!best || start < best.list[best.next].start || (start === best.list[best.next].start && stream.skipped < best.skipped)) best = stream;
      }
      if (!best) return;
      yield { skipped: best.skipped, occurrence: best.list[best.next++] };
    }
  }
  for (const { skipped, occurrence } of starts()) {
    if (matches.length >= limit || spent()) break;
    if (matches.some((match) => match.start === occurrence.start)) continue;
    for (let k = 0; k < skipped; k++) parts.push(null);
    parts.push(occurrence);
    walk(skipped + 1, occurrence.end);
    parts.length = 0;
  }
  return matches;

}

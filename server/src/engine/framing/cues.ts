import type { SentenceView } from '../analysis/sentence';
import { FRAME } from '../lexicon/english';
import { clauseEndAfter, isSubjectBoundary, nextIndexOf, quotationEnd, TIME_WORDS, trimSpan } from './clauses';
import { SENTENCE_RULES, VERB_RULES, type Cue, type Polarity, type VerbSite } from './rules';
import { afterBe, isBeToIdiom, isNounUse, isParticipleAfterNoun } from './wordUse';

// Attribution cues: where a sentence says *who says* something, and which tokens are the
// something. Each construction is a named rule in rules/ (one per file, with its examples);
// this file finds the reporting verbs and asks the rules in registry order.

export type { Cue, CueKind, Polarity } from './rules';
export { clauseEndAfter, clauseStartBefore, isPossessiveMark, trimSpan } from './clauses';

export function findCues(view: SentenceView): Cue[] {
  const cues: Cue[] = [];
  // (The longest phrase first where several start together: "called for", not "called".)
  const verbCues = [...(view.frame.get(FRAME.report) ?? []), ...(view.frame.get(FRAME.deny) ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
  const taken = new Set<number>();

  for (const occurrence of verbCues) {
    const { start: i, end: e } = occurrence;
    if (taken.has(i)) continue;
    // Longer doubt phrases win: "warned against considering" casts doubt, it reports nothing.
    if (view.isCovered(i, FRAME.doubt) || view.isCovered(i, FRAME.according)) continue;
    // After "be" a participle is passive (the passive rule reads it); "is claiming" is active.
    const progressive = /ing$/.test(view.tokens[e - 1].lower);
    if (isNounUse(view, i, e) || (afterBe(view, i) && !progressive) || isParticipleAfterNoun(view, i, e) || isBeToIdiom(view, i)) continue;
    // "cannot confirm", "did not say", "declined to say": a negated report passes nothing on.
    // "did not merely deny …, but …" still denies.
    const negated =
      [i - 1, i - 2].some((j) => j >= 0 && view.isCovered(j, FRAME.negator) && !/^(only|just|merely)$/.test(view.tokens[j + 1]?.lower ?? '')) ||
      (i >= 2 && /^declin/.test(view.tokens[i - 2].lower));
    const polarity: Polarity = negated ? 'mention' : occurrence.label === FRAME.deny ? 'deny' : 'assert';
    const cue = readVerb(view, i, e, polarity, cues, taken);
    if (cue) {
      cues.push(cue);
      for (let j = i; j < e; j++) taken.add(j);
    }
  }
  for (const rule of SENTENCE_RULES) {
    for (const cue of rule.read(view, cues)) cues.push({ ...cue, rule: rule.id });
  }
  return cues;
}

const FRONTED_SUBORDINATORS = new Set(['as', 'when', 'after', 'while', 'because', 'since', 'although', 'though', 'if', 'before', 'until', 'once', 'whereas']);

function firstWord(view: SentenceView): number {
  let i = 0;
  while (i < view.length && view.isPunct(i)) i++;
  return i;
}

/** The first verb rule that recognises the construction around the verb at i..e decides. */
function readVerb(view: SentenceView, i: number, e: number, polarity: Polarity, earlier: Cue[], taken: ReadonlySet<number>): Cue | null {
  let regionStart = i;
  while (regionStart > 0 && !isSubjectBoundary(view, regionStart - 1)) regionStart--;
  // "…, on Wednesday the press service announced": a time adjunct before the subject is no part of it.
  while (regionStart + 1 < i && view.startsWith(regionStart, FRAME.preposition) && TIME_WORDS.has(view.tokens[regionStart + 1].lower)) regionStart += 2;
  const site: VerbSite = {
    view,
    word: { start: i, end: e },
    polarity,
    earlier,
    taken,
    regionStart,
    region: trimSpan(view, { start: regionStart, end: i }),
    after: { start: e, end: quotationEnd(view, e) ?? clauseEndAfter(view, e) },
  };
  // "As Russia accused Ukraine of the attack, Medvedev called for …": a subordinate clause the
  // sentence opens with ends at its comma.
  const opener = view.tokens[regionStart - 1]?.lower ?? '';
  if (FRONTED_SUBORDINATORS.has(opener) && regionStart - 1 === firstWord(view)) {
    const comma = nextIndexOf(view, e, ',');
    if (comma < site.after.end) site.after = { start: e, end: comma };
  }
  for (const rule of VERB_RULES) {
    const cue = rule.read(site);
    if (cue === null) return null;
    if (cue) return { ...cue, rule: rule.id };
  }
  return null;
}

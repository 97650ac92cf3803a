import type { SentenceView } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { TokenKind } from '../../text/tokens';
import { clauseEndAfter, clauseStartBefore, FRONTED_SUBORDINATORS, nextIndexOf, trimSpan } from '../clauses';
import { IRREGULAR_PARTICIPLES } from '../wordUse';
import type { Cue, SentenceRule } from './types';

/**
 * be (+ up to two adverbs or "being") + a reporting participle: "is said to", "was widely
 * reported", "is being described as" — agentless and hedged; with "by X" the source is X.
 */
export const agentlessPassive: SentenceRule = {
  id: 'passive-report',
  summary: 'CONTENT is said / was described (by X) as …: agentless is a hedge; "by X" names the source.',
  examples: [
    { text: 'What is confirmed is that two drones blew up above the citadel.', reads: false },
    { text: 'The leader, it should be said, was out of town.', reads: false },
    { text: 'What can be said is that two drones blew up above the citadel.', reads: false },
    { text: 'The incident is being described as an attempt on the life of Putin.', content: 'The incident' },
    { text: 'The drones were said by the Kremlin to have been sent by Kyiv.', source: 'the Kremlin' },
    { text: 'It has been suggested, by Kyiv among others, that Moscow staged the raid.', source: 'Kyiv', content: 'Moscow staged the raid.' },
    { text: 'Moscow accused Kyiv of the attack, in a claim that was denied by Ukrainian officials.', source: 'Ukrainian officials', content: 'a claim' },
    // A phrase the sentence opens with, up to its comma, is the writer's, not what is said.
    { text: 'After the raid, the parade was said to be going ahead.', content: 'the parade' },
    // A line that ends on the participle, with no verb before it: "No casualties reported".
    { text: 'No damage or injuries reported', content: 'No damage or injuries' },
    // Without "be", as an aside after a noun: the noun and the aside are hedged.
    { text: 'The raid, said to be the first strike on the citadel in decades, left few traces.', content: 'the first strike on the citadel in decades' },
    { text: 'The drones, believed to have come from the west, burned on the roof.', content: 'The drones' },
  ],
  read(view) {
    const cues: Cue[] = [];
    for (const { start, end } of view.frame.get(FRAME.passiveReport) ?? []) {
      const cue = passiveCue(view, start, end);
      if (cue) cues.push(cue);
    }
    return cues;
  },
};

function passiveCue(view: SentenceView, p: number, e: number): Cue | null {
  // Only a participle: "was unable to confirm" is no passive ("held responsible": the first word).
  const participle = view.tokens[p].lower;
  if (!/ed$/.test(participle) && !IRREGULAR_PARTICIPLES.has(participle)) return null;
  const reduced = reducedPassiveAside(view, p, e) ?? trailingParticiple(view, p, e);
  if (reduced) return reduced;
  let b = p - 1;
  let seen = 0;
  while (b >= 0 && seen < 3 && !view.isCovered(b, FRAME.be)) {
    if (view.tokens[b].kind === TokenKind.Punct) return null;
    b--;
    seen++;
  }
  if (b < 0 || !view.isCovered(b, FRAME.be)) return null;
  while (b > 0 && view.isCovered(b - 1, FRAME.be)) b--;
  // ("The leader, it should be said, was away", "it must be noted": the writer's own aside, no hedge.)
  if (b >= 2 && /^(should|must)$/.test(view.tokens[b - 1].lower) && view.tokens[b - 2].lower === 'it') return null;
  // ("What can be said is that …", "What can be confirmed is …": a cleft of the writer's own, no hedge.)
  if (b >= 2 && /^(can|could|may)$/.test(view.tokens[b - 1].lower) && view.tokens[b - 2].lower === 'what' && view.isCovered(e, FRAME.be)) return null;
  // ("What is confirmed is that …": the same without a modal.)
  if (b >= 1 && view.tokens[b - 1].lower === 'what' && view.isCovered(e, FRAME.be)) return null;
  let clauseStart = afterFrontedPhrase(view, clauseStartBefore(view, b), b);
  // "a claim that was denied by Ukrainian officials": the passive's subject is the noun the
  // relative pronoun stands for, not the clause around it.
  if (b > 0 && /^(that|which|who)$/.test(view.tokens[b - 1].lower)) {
    let start = b - 1;
    while (start > clauseStart && !view.isPunct(start - 1) && !view.startsWith(start - 1, FRAME.preposition)) start--;
    clauseStart = start;
  }
  const polarity = view.isCovered(p, FRAME.deny) ? 'deny' : 'assert';
  // ("It has been suggested, by Kyiv among others, that …": the agent may be set off by commas.)
  if (view.isPunct(e, ',') && view.startsWith(e + 1, FRAME.by)) {
    const close = nextIndexOf(view, e + 2, ',');
    if (close < view.length && view.tokens[close + 1]?.lower === 'that') {
      let sourceEnd = e + 2;
      while (sourceEnd < close && !/^(among|and|as)$/.test(view.tokens[sourceEnd].lower)) sourceEnd++;
      const source = trimSpan(view, { start: e + 2, end: sourceEnd });
      if (view.wordCount(source) > 0) return { kind: 'passive', polarity, word: { start: b, end: e + 2 }, source, scopes: [{ start: close + 2, end: clauseEndAfter(view, close + 2) }], hedged: false };
    }
  }
  if (e < view.length && view.startsWith(e, FRAME.by)) {
    let end = e + 1;
    while (end < view.length && !view.isPunct(end, ',;') && !['as', 'to', 'that', 'of', 'for'].includes(view.tokens[end].lower)) end++;
    const source = trimSpan(view, { start: e + 1, end });
    const scopes = [{ start: clauseStart, end: /^(that|which|who)$/.test(view.tokens[b - 1]?.lower ?? '') ? b - 1 : b }, { start: end, end: clauseEndAfter(view, end) }];
    return { kind: 'passive', polarity, word: { start: b, end: e + 1 }, source, scopes, hedged: false };
  }
  return { kind: 'passive', polarity: 'assert', word: { start: b, end: e }, source: null, scopes: [{ start: clauseStart, end: clauseEndAfter(view, e) }], hedged: true };
}

// Reporting participles that hedge a noun as an aside when "to" follows: "X, said to be …,".
const REDUCED_HEDGES = new Set(['said', 'believed', 'thought', 'understood', 'rumoured', 'rumored', 'reported', 'alleged', 'claimed', 'suspected', 'presumed', 'assumed']);

/**
 * "The raid, said to be the first strike on the citadel, …": a reporting participle with "to"
 * right after a comma is a passive without "be", hedging the noun before it and the aside.
 */
function reducedPassiveAside(view: SentenceView, p: number, e: number): Cue | null {
  if (!(e === p + 1 && REDUCED_HEDGES.has(view.tokens[p].lower) && view.isPunct(p - 1, ',') && view.tokens[e]?.lower === 'to')) return null;
  let end = e;
  while (end < view.length && !view.isPunct(end, ',;')) end++;
  return { kind: 'passive', polarity: 'assert', word: { start: p, end: e + 1 }, source: null, scopes: [{ start: clauseStartBefore(view, p), end }], hedged: true };
}

/**
 * Where the passive's subject starts when the clause opens with a prepositional or adverbial
 * phrase and a comma ("Despite the attack, Putin was said to be unharmed"): that phrase is the
 * writer's framing, not what is said.
 */
function afterFrontedPhrase(view: SentenceView, start: number, b: number): number {
  if (!(view.startsWith(start, FRAME.preposition) || FRONTED_SUBORDINATORS.has(view.tokens[start]?.lower ?? ''))) return start;
  for (let j = start + 1; j < b; j++) {
    if (view.isPunct(j, ',')) return j + 1;
    if (view.isVerbal(j) && !FRONTED_SUBORDINATORS.has(view.tokens[start].lower)) return start;
  }
  return start;
}

/**
 * "No damage or casualties reported": a short line (a subhead, a caption) that ends on a
 * reporting participle, with no verb before it, is an agentless passive without "be".
 */
function trailingParticiple(view: SentenceView, p: number, e: number): Cue | null {
  if (!REDUCED_HEDGES.has(view.tokens[p].lower) || p === 0) return null;
  for (let j = e; j < view.length; j++) if (!view.isPunct(j)) return null;
  for (let j = 0; j < p; j++) if (view.isVerbal(j) && !view.tokens[j].capitalised) return null;
  return { kind: 'passive', polarity: 'assert', word: { start: p, end: e }, source: null, scopes: [{ start: 0, end: p }], hedged: true };
}

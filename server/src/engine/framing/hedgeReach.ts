import type { SentenceView, Span } from '../analysis/sentence';
import { FRAME } from '../lexicon/english';
import type { Occurrence } from '../match/phrases';
import type { PatternMatch } from '../match/patterns';
import { clauseEndAfter, clauseStartBefore, isPossessiveMark, nextIndexOf } from './clauses';

// How far a hedge reaches. A hedge word ("reportedly", "allegedly") or a "seems" in the clause
// of a claim stands in for a source: the claim is weak, not the writer's own. Some hedges in
// that clause belong to another part of the sentence; each such part is one named limit below,
// with its example sentences as its tests (test/engine/framing/hedge-reach.test.ts).

type Form = 'clause' | 'np';

export interface HedgeLimitExample {
  text: string;
  claim: string;
  /** Whether the claim is hedged (weak) in this sentence. */
  hedged: boolean;
}

export interface HedgeLimit {
  id: string;
  summary: string;
  examples: HedgeLimitExample[];
  /** Whether the hedge at `hedge` belongs to the part this limit names, not to the match. */
  applies(view: SentenceView, hedge: Occurrence, match: PatternMatch, form: Form): boolean;
}

/**
 * A participle at `at` (after a hedge adverb) that describes the noun phrase ending at `end`,
 * with no verb of its own between: "…, allegedly launched by Ukraine".
 */
function participleModifies(view: SentenceView, end: number, at: number): boolean {
  if (!/(ed|en|wn)$/.test(view.tokens[at]?.lower ?? '') || view.wordClass(at) !== 'VERB') return false;
  for (let k = end; k < at; k++) if (view.isVerbal(k) && !view.isCovered(k, FRAME.hedge)) return false;
  // Set off as a modifier: by a comma, a relative pronoun, or its agent after it ("… launched
  // by Ukraine"); not the verb of the clause ("Ukrainian drones allegedly attacked …").
  const between = view.tokens.slice(end, at);
  const agentAfter = view.tokens[at + 1]?.lower === 'by' || (/^(out|up|off)$/.test(view.tokens[at + 1]?.lower ?? '') && view.tokens[at + 2]?.lower === 'by');
  return between.some((t) => t.text === ',' || /^(that|which)$/.test(t.lower)) || agentAfter;
}

/** "…, and the man supposedly targeted was away": an adverb of hedging between a noun and its participle. */
const hedgedParticiple = (view: SentenceView, o: Occurrence) => view.wordClass(o.start) === 'ADV' && /(ed|en)$/.test(view.tokens[o.end]?.lower ?? '') && view.wordClass(o.end) === 'VERB';

export const thatClauseAfter: HedgeLimit = {
  id: 'that-clause-after',
  summary: 'A hedge that opens a clause with "that" after the claim hedges that clause.',
  examples: [
    { text: 'Two drones blew up over the Kremlin amid speculation that Kyiv sent them.', claim: 'kremlin-drone-attack', hedged: false },
    { text: 'Two drones reportedly blew up over the Kremlin.', claim: 'kremlin-drone-attack', hedged: true },
  ],
  applies: (view, o, match) => o.start >= match.end && view.tokens[o.end - 1].lower === 'that',
};

export const modifierAfter: HedgeLimit = {
  id: 'modifier-after',
  summary: 'A hedge on a participle after the claim hedges what the participle adds, not the claim.',
  examples: [
    { text: 'The Kremlin was hit by two drones thought to have been sent by Kyiv.', claim: 'kremlin-drone-attack', hedged: false },
    { text: 'The Kremlin was reportedly hit by two drones sent from the south.', claim: 'kremlin-drone-attack', hedged: true },
  ],
  applies(view, o, match, form) {
    if (o.start < match.end) return false;
    // ("… hit by two small drones thought to have been sent by Kyiv": a hedge that is itself a
    // participle after a noun hedges what it says of that noun.)
    const reducedRelative = (view.isCovered(o.start, FRAME.passiveReport) || hedgedParticiple(view, o)) && /^(NOUN|PROPN)$/.test(view.wordClass(o.start - 1) ?? '');
    return (form === 'np' && participleModifies(view, match.end, o.end)) || reducedRelative;
  },
};

export const participleAside: HedgeLimit = {
  id: 'participle-aside',
  summary: 'A hedge on a participle set off by commas hedges where or how something was done, not the clause.',
  examples: [
    { text: 'The second clip, apparently filmed from the bridge, shows a drone bursting over the Kremlin.', claim: 'footage-kremlin', hedged: false },
    { text: 'The second clip apparently shows a drone bursting over the Kremlin.', claim: 'footage-kremlin', hedged: true },
  ],
  applies(view, o, match) {
    if (!view.isPunct(o.start - 1, ',') || !/(ed|en|shot)$/.test(view.tokens[o.end]?.lower ?? '')) return false;
    const close = nextIndexOf(view, o.end, ',');
    return close < view.length && (close < match.start || o.start > match.end);
  },
};

export const laterClause: HedgeLimit = {
  id: 'later-clause',
  summary: 'A hedge in a later clause joined by ", and", ", but", ", which" or ", with" hedges that clause or phrase.',
  examples: [
    { text: 'Both drones were jammed, and the man they were allegedly meant for was away.', claim: 'drones-disabled', hedged: false },
    { text: 'Both drones were jammed above the citadel, with a pair of men apparently scaling its roof.', claim: 'drones-disabled', hedged: false },
    { text: 'Both drones were allegedly jammed, and the debris fell on the grounds.', claim: 'drones-disabled', hedged: true },
    { text: 'Moscow is plainly staging a provocation, and the ministry’s words look like its opening move.', claim: 'russia-pretext', hedged: false },
    { text: 'No one was hurt, which is consistent with drones that carried almost no charge.', claim: 'no-casualties', hedged: false },
  ],
  applies(view, o, match) {
    if (o.start <= match.end) return false;
    for (let j = o.start - 1; j > match.end; j--) {
      // (A possessive mark is no boundary: "…, and tonight's claims look like …".)
      if (view.isPunct(j) && !isPossessiveMark(view.tokens[j].text)) return false;
      if (/^(and|but|with|which)$/.test(view.tokens[j].lower) && view.isPunct(j - 1, ',')) return j - 1 >= match.end;
    }
    return false;
  },
};

export const adjectiveBefore: HedgeLimit = {
  id: 'adjective-before',
  summary: 'A hedge right before an adjective hedges the adjective, not the clause.',
  examples: [
    { text: 'Two purportedly Ukrainian drones blew up over the Kremlin.', claim: 'kremlin-drone-attack', hedged: false },
    { text: 'Two drones purportedly blew up over the Kremlin.', claim: 'kremlin-drone-attack', hedged: true },
  ],
  applies: (view, o, match) => o.end < match.start && view.wordClass(o.start) === 'ADV' && /^(ADJ|PROPN)$/.test(view.wordClass(o.end) ?? '') && /^(NOUN|ADJ)$/.test(view.wordClass(o.end + 1) ?? ''),
};

export const relativeAside: HedgeLimit = {
  id: 'relative-aside',
  summary: 'A hedge after a relative clause set off by commas hedges the main clause, not the aside that holds the claim.',
  examples: [
    { text: 'Putin, who passed that night out at his Novo-Ogaryovo house, is due, it is expected, to attend the parade.', claim: 'putin-elsewhere', hedged: false },
    { text: 'Putin, it is said, slept that night at his Novo-Ogaryovo house.', claim: 'putin-elsewhere', hedged: true },
  ],
  applies(view, o, match) {
    // The aside: ", who|which …," opened before the match ends and closed after it, with the hedge after it.
    const opensAside = (k: number) => view.isPunct(k, ',') && /^(who|which)$/.test(view.tokens[k + 1]?.lower ?? '');
    let open = match.end - 1;
    while (open >= match.start - 1 && !opensAside(open)) open--;
    if (open < match.start - 1) return false;
    const close = nextIndexOf(view, match.end, ',');
    return close < view.length && o.start > close;
  },
};

/** Every limit on a hedge word in the claim's clause. */
export const HEDGE_LIMITS: readonly HedgeLimit[] = [thatClauseAfter, modifierAfter, participleAside, laterClause, adjectiveBefore, relativeAside];

/**
 * The hedge that stands in for a source for the match, if any: one in its clause ("reportedly")
 * that no limit gives to another part of the sentence, a "seems" over it, or one before a colon
 * that opens it.
 */
export function clauseHedge(view: SentenceView, match: PatternMatch, form: Form): Occurrence | undefined {
  const clause: Span = { start: clauseStartBefore(view, match.start), end: clauseEndAfter(view, match.end) };
  const hedgeWord = (view.frame.get(FRAME.hedge) ?? []).find((o) => o.start >= clause.start && o.end <= clause.end && !HEDGE_LIMITS.some((limit) => limit.applies(view, o, match, form)));
  // ("The raid seems to belong to a wider campaign": "seems" after a presupposed noun phrase hedges
  // what is said of the event, not the event; "the attack allegedly carried out by …" hedges it.)
  const seemScope: Span = form === 'np' ? { start: clause.start, end: match.end } : clause;
  const seems = (view.frame.get(FRAME.seem) ?? []).find((o) => o.start >= seemScope.start && o.end <= seemScope.end && !laterClause.applies(view, o, match, form));
  // ("Not then, it seems: he was at …": a hedge right before a colon hedges what the colon opens.)
  const opensColon = () => (view.frame.get(FRAME.hedge) ?? []).find((o) => view.isPunct(o.end, ':') && o.end < match.start && clauseStartBefore(view, match.start) === o.end + 1);
  return hedgeWord ?? seems ?? opensColon();
}

import { isQuote, type SentenceView, type Span } from '../analysis/sentence';
import { FRAME } from '../lexicon/english';
import { isCommonWord } from '../text/fuzzy';
import type { Occurrence } from '../match/phrases';
import { conceptLabel, type Part, type PatternMatch } from '../match/patterns';
import type { CompiledClaim, CompiledPack } from '../pack/compile';
import { adjunctOnly, byNobody, clauseEndAfter, clauseStartBefore, EVENT_HEADS, firstWord, FRONTED_SUBORDINATORS, isContrast, isPossessiveMark, MONTHS, negates, nextIndexOf, TIME_OPENERS, TIME_WORDS, whollyQuoted } from './clauses';
import type { Cue } from './rules';
import { gaps, presentParts } from './matchParts';
import { clauseHedge } from './hedgeReach';
import { MISREADINGS } from './misreadings';
import { NAMING_NOUNS } from './rules/claimNoun';
import { TELLING } from './rules/endAttribution';
import { resolveSource, type PackContext, type SourceRef } from './sources';
import { isNounUse, lacksItsComplement, ORDINALS } from './wordUse';

// How a matched claim is framed: attributed to its claimant, to the wrong party, to an
// unnamed source, hedged, or stated in the writer's own voice — or not asserted at all
// (a question, a condition, doubt, a denial, a hedged mention).

export type Framing = 'attributed' | 'unattributed' | 'misattributed' | 'weak' | 'unclear' | 'reported';


export interface FramedMatch {
  claim: CompiledClaim;
  framing: Framing;
  match: PatternMatch;
  cue?: Cue;
  source?: SourceRef;
  /** The words of the source phrase, when there is one. */
  sourceSpan?: Span;
  /** A source named in another sentence. */
  carriedFrom?: CarriedSource['named'];
  /** A hedge that stands in for a source ("reportedly"). */
  hedge?: Span;
  /** How the claim is phrased: a clause, or a noun phrase that presupposes it. */
  form: 'clause' | 'np';
  /** Why the reading is unsure (reported as Information, not a Warning). */
  unsure?: string;
}

/** Attribution that reaches a sentence from outside it (a quotation's speaker, a list's lead-in). */
export interface CarriedSource {
  source: SourceRef;
  /** Where the source is named, in block characters (a quotation's speaker after it). */
  named?: { start: number; end: number; text: string };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function covers(view: SentenceView, cue: Cue, parts: Part[], asides: Span[]): boolean {
  // A ", which Kyiv sent," aside is the writer's, unless the cue itself stands in it. (An
  // auxiliary the pattern happened to take from inside the aside does not count.)
  const auxiliary = (part: Part) => view.isCovered(part.start, FRAME.be) || view.isCovered(part.start, FRAME.modal);
  // ("According to the Kremlin, two drones were used, which were repelled": what follows a
  // fronted "according to" is all the source's, its relative clauses too.)
  const frontedAccording = (aside: Span) => cue.kind === 'according' && cue.word.end <= aside.start && cue.scopes.some((scope) => scope.start <= aside.start && aside.end <= scope.end && scope.start > cue.word.start);
  // (An aside inside a quotation is the speaker's: "“… President Putin, who was unharmed,” says …".)
  const quoted = (aside: Span) => view.quotedSpans().some((span) => span.start <= aside.start && aside.end <= span.end);
  // ("The press service informed that the drones, which were aimed at the residence, had been
  // downed": an aside inside a "that" clause is part of what was reported.)
  // (Nor one about a thing that ends the sentence, "… with two drones, which were shot down"; one
  // about a person that ends it is the writer's comment: "…, Putin, who wasn't even there".)
  // ("… said the Kyiv regime had sent two drones, which the army had disabled": so is a "which"
  // aside in a reported clause that follows the verb without "that".)
  // (Only after a plain verb of saying: "accused Kyiv of … with two drones, which were downed" leaves the aside the writer's.)
  const which = (aside: Span) => view.tokens[aside.start]?.lower === 'which';
  const plainSaying = /^(say|said|says|state|stated|states|announce|announced|announces|claim|claimed|claims)$/.test(view.tokens[cue.word.start]?.lower ?? '');
  const reportedThat = (aside: Span) =>
    cue.kind === 'verb' &&
    cue.word.end <= aside.start &&
    (view.isPunct(aside.end, ',') || which(aside)) &&
    cue.scopes.some((scope) => scope.start <= aside.start && aside.end <= scope.end && (view.tokens[scope.start]?.lower === 'that' || view.tokens[scope.start - 1]?.lower === 'that' || (which(aside) && plainSaying && scope.start === cue.word.end && !view.isPunct(scope.start))));
  // ("Putin, who spent the night at Novo-Ogaryovo, his residence, according to his spokesman, watched …":
  // an "according to" that closes the aside, an apposition at most between, is the aside's source.)
  const closingAccording = (aside: Span) =>
    cue.kind === 'according' && cue.word.start > aside.end && cue.word.start - aside.end <= 8 && !view.tokens.slice(aside.end, cue.word.start).some((_, k) => view.isVerbal(aside.end + k));
  const inAside = (part: Part) =>
    !auxiliary(part) && asides.some((aside) => part.start >= aside.start && part.end <= aside.end && !(cue.word.start >= aside.start && cue.word.end <= aside.end) && !frontedAccording(aside) && !closingAccording(aside) && !quoted(aside) && !reportedThat(aside));
  // ("…, the ministry said on its website (the president, as it happens, was away)": a
  // parenthesis is the writer's gloss, unless the cue stands in it or a quotation holds it.)
  // (Nor a bracket that is the cue's own content: "the Kremlin's explanation (two drones jammed …)".)
  const ownBracket = (paren: Span) => cue.scopes.some((scope) => scope.start === paren.start + 1);
  const inParenthesis = (part: Part) =>
    parentheses(view).some((paren) => part.start > paren.start && part.end <= paren.end && !(cue.word.start > paren.start && cue.word.end <= paren.end) && !quoted(paren) && !ownBracket(paren));
  // "The residence was described by the Kremlin as the target": the passive's "was" serves
  // the claim's "is the target" too.
  const sharedAuxiliary = (part: Part) => cue.kind === 'passive' && auxiliary(part) && part.start >= cue.word.start && part.end <= cue.word.end;
  return parts.every((part) => !inAside(part) && !inParenthesis(part) && !inTimeClauseAfterReport(view, cue, parts, part) && (sharedAuxiliary(part) || cue.scopes.some((scope) => part.start >= scope.start && part.end <= scope.end)));
}

/**
 * "Kyiv said it had put its forces on alert after two drones burst over the Kremlin": a time
 * clause after what a verb reports, with a subject and a verb of its own, is the writer's frame
 * for what was said, not part of it. Not "after the attack", a noun phrase, nor "after they
 * were …", drones the report itself named.
 */
function inTimeClauseAfterReport(view: SentenceView, cue: Cue, parts: Part[], part: Part): boolean {
  if (cue.kind !== 'verb' || part.start <= cue.word.end) return false;
  for (let j = part.start - 1; j > cue.word.end; j--) {
    if (view.isPunct(j)) return false;
    if (!/^(after|before)$/.test(view.tokens[j].lower)) continue;
    const opens = view.wordClass(j + 1) === 'NUM' || /^(two|both|the|a)$/.test(view.tokens[j + 1]?.lower ?? '');
    // (The word after the subject's noun is its verb whatever the tagger says: "two drones burst above …".)
    const matchEnd = parts[parts.length - 1].end;
    let noun = j + 1;
    while (noun < matchEnd && view.wordClass(noun) !== 'NOUN') noun++;
    const afterNoun = noun + 1 < matchEnd && (!/^(ADP|PUNCT|CCONJ|DET|NOUN)$/.test(view.wordClass(noun + 1) ?? '') || parts.some((p) => p.start === noun + 1));
    const ownVerb = afterNoun || view.tokens.slice(j + 2, matchEnd).some((_, k) => view.isVerbal(j + 2 + k));
    return opens && ownVerb && view.tokens.slice(cue.word.end, j).some((_, k) => view.isVerbal(cue.word.end + k));
  }
  return false;
}

const parenthesesOf = new WeakMap<SentenceView, Span[]>();

/** Round brackets in the sentence: from the opening bracket to the closing one (worked out once a sentence). */
function parentheses(view: SentenceView): Span[] {
  let known = parenthesesOf.get(view);
  if (!known) parenthesesOf.set(view, (known = findParentheses(view)));
  return known;
}

function findParentheses(view: SentenceView): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let i = 0; i < view.length; i++) {
    if (view.isPunct(i, '(')) open = i;
    else if (view.isPunct(i, ')') && open >= 0) {
      spans.push({ start: open, end: i });
      open = -1;
    }
  }
  return spans;
}

/**
 * Non-restrictive relative clauses, the writer's own asides: ", which … ,", ", who … ,",
 * ", both of which …", and one that runs to the end of the sentence (", which were downed
 * before they could cause damage.").
 */
function relativeAsides(view: SentenceView): Span[] {
  const asides: Span[] = [];
  for (let i = 1; i < view.length; i++) {
    if (!view.isPunct(i - 1, ',')) continue;
    let pronoun = i;
    // "both of which", "neither of whom"
    if (/^(both|neither|none|all|each|one|some|either)$/.test(view.tokens[i].lower) && view.tokens[i + 1]?.lower === 'of') pronoun = i + 2;
    if (!['which', 'who', 'whom', 'whose'].includes(view.tokens[pronoun]?.lower ?? '')) continue;
    let end = pronoun + 1;
    while (end < view.length && !view.isPunct(end, ',;')) end++;
    if (end >= view.length || view.isPunct(end, ',;')) asides.push({ start: i, end: end >= view.length ? lastWordEnd(view) : end });
  }
  return asides;
}

/** The end of a sentence's words, before its closing punctuation. */
function lastWordEnd(view: SentenceView): number {
  let end = view.length;
  while (end > 0 && view.isPunct(end - 1) && !isQuote(view.tokens[end - 1])) end--;
  return end;
}

function scopeSize(cue: Cue): number {
  return cue.scopes.reduce((sum, scope) => sum + Math.max(0, scope.end - scope.start), 0);
}

/** The scopes of a cue that hold some part of the match. */
const holdingScopes = (cue: Cue, parts: Part[]) => cue.scopes.filter((scope) => parts.some((part) => part.start >= scope.start && part.end <= scope.end));

/** How many tokens of a cue's content hold the match (all its content when none does, as for a cue inside the match). */
function holdingSize(cue: Cue, parts: Part[]): number {
  const holding = holdingScopes(cue, parts);
  return holding.length ? holding.reduce((sum, scope) => sum + Math.max(0, scope.end - scope.start), 0) : scopeSize(cue);
}

/** Cue a stands inside the content of cue b that holds the match, and not the other way round. */
function within(a: Cue, b: Cue, parts: Part[]): boolean {
  const inside = (x: Cue, y: Cue) => holdingScopes(y, parts).some((scope) => x.word.start >= scope.start && x.word.end <= scope.end);
  return inside(a, b) && !inside(b, a);
}

/**
 * The cue is part of the claim itself ("Kyiv denied any involvement", "video shows smoke").
 * A claim noun inside the match is its object ("sceptical of Moscow's version"), and an
 * auxiliary shared with a passive cue ("drones were said to …") is not the cue.
 */
function isOwnCue(cue: Cue, parts: Part[]): boolean {
  if (cue.kind === 'noun') {
    // "Russia's threat of retaliation": the possessor and the claim noun are two slots of the
    // claim, so the possessor speaks. "sceptical of Moscow's version" takes both in one slot.
    // ("Medvedev's call for Zelensky to be killed": a claim noun that is a slot of the claim, its
    // possessor outside the claim's words, is the possessor's own saying.)
    const source = cue.source;
    const nounPart = parts.find((part) => overlaps(part, cue.word));
    return source !== null && nounPart !== undefined && (parts.some((part) => part !== nounPart && overlaps(part, source)) || !parts.some((part) => overlaps(part, source)));
  }
  // A passive's head is its participle ("was blamed (by)"), the last word before any "by".
  const last = cue.source && cue.word.end === cue.source.start ? cue.word.end - 2 : cue.word.end - 1;
  const head = cue.kind === 'passive' ? { start: last, end: last + 1 } : cue.word;
  // ("sceptical of what the Kremlin says": a speaker and verb inside one slot are its object.)
  const source = cue.source;
  return parts.some((part) => overlaps(part, head) && !(source !== null && source.start >= part.start && source.end <= part.end));
}

/** The cue that frames a match: its own words, one inside the match, or the innermost scope around it. */
function framingCue(view: SentenceView, cues: Cue[], match: PatternMatch): Cue | undefined {
  const parts = presentParts(match);
  // A claim noun inside the match ("sceptical of Moscow's version") is its object, not its frame.
  const own = cues.find((cue) => isOwnCue(cue, parts));
  // ("The raid was called a plot …, the Kremlin said": an agentless passive inside the words of
  // a named speaker is theirs to vouch for.)
  if (own?.kind === 'passive' && own.source === null) {
    const speaker = cues.find((cue) => cue !== own && cue.source && cue.kind === 'verb' && cue.polarity === 'assert' && cue.scopes.some((scope) => scope.start <= match.start && match.end <= scope.end));
    if (speaker) return speaker;
  }
  if (own) return own;
  const asides = relativeAsides(view);
  // (A cue in an aside that ends the sentence, "…, which Moscow called a terrorist act", may
  // still frame a claim reaching into it; one in an aside closed by a comma frames only the aside.)
  const closedAsides = asides.filter((aside) => view.isPunct(aside.end, ','));
  const inAside = (cue: Cue) => closedAsides.some((aside) => cue.word.start >= aside.start && cue.word.end <= aside.end);
  // A parenthetical cue inside the claim ("Ukraine, Russian officials alleged, was behind"),
  // not a relative clause about one of its words ("Kyiv, which Moscow blamed, was responsible").
  const inGap = (cue: Cue) => cue.polarity !== 'mention' && !inAside(cue) && gaps(match).some((gap) => cue.word.start >= gap.start && cue.word.end <= gap.end);
  // A named source beats an agentless passive ("is believed to …, Peskov said"); then a cue
  // inside the claim ("Ukraine, Russian officials alleged, was behind"); then the innermost scope.
  return cues
    .filter((cue) => inGap(cue) || covers(view, cue, parts, asides))
    .sort(
      (a, b) =>
        Number(b.source !== null) - Number(a.source !== null) ||
        // Someone's words outrank what a video is said to show, for a claim the video only contains.
        Number(a.kind === 'footage') - Number(b.kind === 'footage') ||
        Number(inGap(b)) - Number(inGap(a)) ||
        // The innermost cue whose content holds the match: one standing inside another's
        // content ("“…,” Medvedev wrote …, the newspaper reported"), else the smaller content
        // that holds it (not what the cue says elsewhere).
        Number(within(a, b, parts)) * -1 + Number(within(b, a, parts)) ||
        holdingSize(a, parts) - holdingSize(b, parts),
    )[0];
}

/**
 * A match with parts both in a cue's source and outside it mixes the speaker with what is
 * said: "Kyiv said Moscow would use…", "…, the Kremlin claimed" (the Kremlin as a target).
 * A denial is the exception: "Ukraine denied launching the drones" is read as Ukraine's denial.
 */
function straddlesSource(view: SentenceView, cues: Cue[], match: PatternMatch): boolean {
  const parts = presentParts(match);
  if (parts.length < 2) return false;
  // "Zelensky, whose forces launched the drones, told reporters …": the aside is the
  // writer's own statement about the speaker, not the speaker plus what they said.
  const asides = relativeAsides(view);
  return cues.some((cue) => {
    const inAside = (part: Part) =>
      asides.some((aside) => part.start >= aside.start && part.end <= aside.end && !(cue.word.start >= aside.start && cue.word.end <= aside.end));
    if (!cue.source || cue.polarity === 'deny' || parts.some((part) => overlaps(part, cue.word))) return false;
    // ("Yesterday's attack suggests …": an event that suggests or shows something is no speaker.)
    if (EVENT_HEADS.test(view.tokens[cue.source.end - 1].lower) && match.end === cue.source.end && cue.source.start - match.start <= 2) return false;
    // ("Moscow's mayor, Sergei Sobyanin, said …": the subject before the apposed name speaks too.)
    const speakerStart = cue.rule === 'subject-before-aside' ? Math.min(cue.source.start, clauseStartBefore(view, cue.source.start)) : cue.source.start;
    const inSource = (part: Part) => part.start >= speakerStart && part.end <= cue.source!.end;
    const outside = parts.filter((part) => !inSource(part));
    return outside.length > 0 && outside.length < parts.length && !outside.every(inAside);
  });
}

const ATTACK_NOUNS = /^(attacks?|strikes?|raids?|assaults?|bombings?|incursions?|hits?)$/;

/** A definite determiner before the noun at i, a number or "two" between: "the two drones", "those drones". */
function determinedBefore(view: SentenceView, i: number): boolean {
  let k = i - 1;
  if (k >= 0 && (view.wordClass(k) === 'NUM' || /^(two|both)$/.test(view.tokens[k].lower))) k--;
  return k >= 0 && /^(the|those|these)$/.test(view.tokens[k].lower);
}

/** "drone attacks on the Kremlin": a verb slot filled by a noun before "on" makes a noun phrase. */
function readsAsNounPhrase(view: SentenceView, match: PatternMatch): boolean {
  if (match.pattern.form === 'np') return true;
  // Only the verb slot right after the agent: "drone attacks on" — not a subject ("attack on
  // the Kremlin was carried out") and not a predicate noun ("were an assassination attempt on").
  const part = presentParts(match)[1];
  if (!part) return false;
  const next = view.tokens[part.end];
  const last = view.tokens[part.end - 1];
  if (next !== undefined && part.end - part.start === 1 && ['on', 'against', 'upon'].includes(next.lower) && ATTACK_NOUNS.test(last.lower)) return true;
  // "the drone attack over the Kremlin": the tagger reads the verb slot as a noun after a determiner.
  const first = presentParts(match)[0];
  // ("the two drones that flew at the Kremlin": a restrictive relative clause on a determined
  // noun names the thing it describes, as a noun phrase does.)
  if (part.start === first.end + 1 && /^(that|which)$/.test(view.tokens[first.end]?.lower ?? '') && determinedBefore(view, first.start)) return true;
  if (part.end - part.start === 1 && ATTACK_NOUNS.test(last.lower) && view.wordClass(part.start) === 'NOUN' && view.isCovered(first.start - 1, FRAME.determiner)) return true;
  // ("took part in the drone mission aimed at the citadel": inside a prepositional phrase, a
  // participle after the noun describes it; a phrase after a preposition holds no clause.)
  const determiner = first.start - 1;
  return part.end - part.start <= 2 && /ed$/.test(view.tokens[part.start].lower) && view.wordClass(part.start - 1) === 'NOUN' && view.isCovered(determiner, FRAME.determiner) && determiner > 0 && view.startsWith(determiner - 1, FRAME.preposition);
}

/** Question words whose question takes its deed as given: "who sent the drones", "how they got so close". */
const GIVEN_DEED_QUESTION = /^(who|how|why|where)$/;

/**
 * Not asserted: "Should Ukraine turn out to have sent the drones, …" (an inverted
 * condition) and "A drone reaching the Kremlin would be an embarrassment" (an indefinite
 * subject of a "would" clause).
 */
function isHypothetical(view: SentenceView, match: PatternMatch): boolean {
  const first = view.tokens[0]?.lower;
  if ((first === 'should' || first === 'were' || first === 'had') && !view.question) {
    const comma = view.tokens.findIndex((token) => token.text === ',');
    if (comma > match.start) return true;
  }
  // "An attack on the heart of Moscow, even if foiled, would …": an indefinite subject of a
  // "would" clause describes a case, not an event. (The walk back over modifiers asks the
  // tagger, which tags the whole sentence: it is taken only when one of the words it can stop
  // at is an indefinite article.)
  const indefinite = (word: string | undefined) => word === 'a' || word === 'an' || word === 'any' || word === 'such';
  let articleNear = false;
  for (let i = Math.max(0, match.start - 4); i < match.start; i++) if (indefinite(view.tokens[i].lower)) articleNear = true;
  if (articleNear) {
    let at = match.start - 1;
    while (at > match.start - 4 && at > 0 && /^(ADJ|NOUN|PUNCT)$/.test(view.wordClass(at) ?? '') && !view.isPunct(at, ',;:')) at--;
    if (indefinite(view.tokens[at]?.lower)) {
      const end = clauseEndAfter(view, match.end);
      for (let i = match.end; i < end; i++) if (/^(would|could|might)$/.test(view.tokens[i].lower)) return true;
    }
  }
  // ("Two Ukrainian drones would have tried to …": a noun phrase counted, not determined, as the
  // subject of a modal right after it describes a case, as an indefinite one does.)
  // (The spelling first: a modal within the three words after the phrase.)
  const modalSoon = () => view.tokens.slice(match.end, match.end + 3).some((token) => /^(would|could|might)$/.test(token.lower));
  if (match.pattern.form === 'np' && match.start > 0 && modalSoon() && (/^(two|several|some)$/.test(view.tokens[match.start - 1].lower) || view.wordClass(match.start - 1) === 'NUM') && !view.isCovered(match.start - 2, FRAME.determiner)) {
    let next = match.end;
    while (next < view.length && view.wordClass(next) === 'ADV') next++;
    if (/^(would|could|might)$/.test(view.tokens[next]?.lower ?? '')) return true;
  }
  // ("Drones striking the Kremlin would be the deepest hit yet": a clause in -ing that is the
  // subject of "would" describes a case, as an indefinite subject does.)
  if (participleSubjectOfModal(view, match)) return true;
  // "It could, of course, be a Ukrainian operation", "Such an attack would … a mark of Ukrainian
  // audacity": a modal before the claim in its clause makes it a possibility, not a statement.
  // ("No one could say who actually sent two drones over the Kremlin": a question word after the
  // modal opens a clause of its own, which takes its deed as given.)
  let possible = false;
  for (let i = clauseStartBefore(view, match.start); i < match.start; i++) {
    if (possible && GIVEN_DEED_QUESTION.test(view.tokens[i].lower)) possible = false;
    // ("… before they could do harm, and wreckage fell …": a clause of its own after ", and".)
    if (possible && view.isPunct(i, ',') && /^(and|but)$/.test(view.tokens[i + 1]?.lower ?? '')) possible = false;
    // ("could not confirm" states an inability: a fact, not a possibility.)
    // ("would not only be … but also": still a possibility.)
    const negatedFact = /^(not|never|n't|n’t)$/.test(view.tokens[i + 1]?.lower ?? '') && !/^(only|just|merely)$/.test(view.tokens[i + 2]?.lower ?? '');
    if (/^(would|could|might|may)$/.test(view.tokens[i].lower) && view.wordClass(i) === 'AUX' && !negatedFact) possible = true;
  }
  return possible;
}

/** The match is a clause whose verb is in -ing, opening its sentence or a dash, and "would", "could" or "might" follows it. */
function participleSubjectOfModal(view: SentenceView, match: PatternMatch): boolean {
  // (The spelling, not the tagger, which reads "striking" after a plural as an adjective.)
  if (!view.tokens.slice(match.start + 1, match.end).some((t) => /ing$/.test(t.lower))) return false;
  let next = match.end;
  while (next < view.length && next < match.end + 3 && view.wordClass(next) === 'ADV') next++;
  if (!/^(would|could|might)$/.test(view.tokens[next]?.lower ?? '')) return false;
  // (The phrase opens its clause, a number or "the" at most before it: "two drones blowing up over the Kremlin would …".)
  let start = match.start;
  while (start > 0 && (view.wordClass(start - 1) === 'NUM' || /^(the|two|a)$/.test(view.tokens[start - 1].lower))) start--;
  return start === firstWord(view) || view.isPunct(start - 1, '–—-:;,');
}

function modalIn(view: SentenceView, span: Span): boolean {
  // ("None of the papers could explain how the drones got so close": a modal before "how" leaves what
  // follows, the question's own clause, asserted.)
  let from = span.start;
  for (let i = span.start; i < span.end; i++) if (GIVEN_DEED_QUESTION.test(view.tokens[i].lower)) from = i + 1;
  for (let i = from; i < span.end; i++) {
    // (A headline's "May Have Launched" is tagged as a name; "have" or "be" after it tells.)
    const auxiliary = view.wordClass(i) === 'AUX' || /^(have|be)$/.test(view.tokens[i + 1]?.lower ?? '');
    if (!/^(would|could|might|may)$/.test(view.tokens[i].lower) || !auxiliary || /^(not|never|n't|n’t)$/.test(view.tokens[i + 1]?.lower ?? '')) continue;
    // ("Smoke could be seen rising": what could be seen was seen.)
    if (view.tokens[i + 1]?.lower === 'be' && /^(seen|heard|spotted|observed|felt)$/.test(view.tokens[i + 2]?.lower ?? '')) continue;
    return true;
  }
  return false;
}

const FIRST_PERSON = new Set(['we', 'i', 'us', 'our', 'me', 'my']);

/** A first-person pronoun ("US" is the country, not "us"). */
const isFirstPerson = (view: SentenceView, i: number) => (FIRST_PERSON.has(view.tokens[i].lower) && view.tokens[i].text !== view.tokens[i].text.toUpperCase()) || view.tokens[i].text === 'I';

/**
 * "We had nothing to do with it," Kirby said: a speaker's "we", in words that name nothing of
 * the claim's own (no name in the match), is the speaker, not the claim's party.
 */
function speaksOfItself(view: SentenceView, cues: Cue[], match: PatternMatch): boolean {
  // ("We consider these actions a terrorist act": a "we" that holds a view is no agent in it.)
  const holder = (i: number) => cues.some((cue) => cue.source && i >= cue.source.start && i < cue.source.end);
  let firstPerson = false;
  for (let i = clauseStartBefore(view, match.start); i < match.end; i++) if (isFirstPerson(view, i) && !holder(i)) firstPerson = true;
  if (!firstPerson) return false;
  for (let i = match.start; i < match.end; i++) if (view.tokens[i].capitalised && i > 0 && !isFirstPerson(view, i)) return false;
  return true;
}

// Reporting verbs that urge, ask or fear rather than assert.
// (A guess or a belief is the guesser's own statement: "Ukrainian officers speculate that
// their own special forces flew the drones" does not put Moscow's claim in their mouth.)
const NON_ASSERTIVE = /^(urg|ask|want|hop|fear|worr|expect|predict|caution|appeal|plead|demand|speculat|suspect|surmis|theori|guess|wonder|posit|believ|reckon|suppos)/;

/**
 * A call, a plea or a fear, not an assertion: "urged", "asked", and "called on X (not) to …",
 * "warned X against / not to …" (the verb alone may assert: "called it a terrorist act",
 * "warned that …").
 */
function nonAssertive(view: SentenceView, cue: Cue): boolean {
  if (view.tokens.slice(cue.word.start, cue.word.end).some((t) => NON_ASSERTIVE.test(t.lower))) return true;
  const next = view.tokens[cue.word.end]?.lower ?? '';
  const callsOn = next === 'on' || next === 'upon';
  const warnsAgainst = againstFollows(view, cue.word.end);
  // (The verb's lemma tags the sentence: it is asked for only when the words after it could make it so.)
  if (!callsOn && !warnsAgainst) return false;
  const verb = view.lemma(cue.word.start) || view.tokens[cue.word.start].lower;
  return (/^call/.test(verb) && callsOn) || (/^warn/.test(verb) && warnsAgainst);
}

/** "against" or "not to" within six words from `from`, before any "that" or punctuation ("warned X against …"). */
function againstFollows(view: SentenceView, from: number): boolean {
  for (let j = from; j < Math.min(view.length, from + 6) && !view.isPunct(j); j++) {
    const word = view.tokens[j].lower;
    if (word === 'that') return false;
    if (word === 'against' || (word === 'not' && view.tokens[j + 1]?.lower === 'to')) return true;
  }
  return false;
}

/**
 * A source phrase that names no one: a vague head ("official", "aide") after words that are
 * common ("a senior …") or name only a side the pack knows ("Russian", "Kremlin") — no name.
 */
function unnamedOfficial(view: SentenceView, source: Span, occurrences: Occurrence[]): boolean {
  let last = source.end - 1;
  while (last > source.start && view.isPunct(last)) last--;
  if (!view.isCovered(last, FRAME.vagueSource)) return false;
  const side = (i: number) => occurrences.some((o) => o.label.startsWith('p:') && o.start <= i && i < o.end);
  for (let i = source.start; i < last; i++) {
    const token = view.tokens[i];
    if (token.capitalised && !view.headline && !isCommonWord(token.lower) && !side(i)) return false;
  }
  return true;
}

function claimantMention(pack: CompiledPack, claim: CompiledClaim, label: string): boolean {
  const mention = pack.mentions.get(label);
  return mention !== undefined && !mention.roleOnly && claim.claim.claimants.includes(mention.party.id);
}

/** A match that opens with its claimant and goes on with a denial ("Kyiv denies involvement", "Ukrainian denials of any role"). */
function namesClaimantDenying(view: SentenceView, match: PatternMatch, occurrences: Occurrence[], pack: CompiledPack, claim: CompiledClaim): boolean {
  const [first, second] = presentParts(match);
  if (!first || !second) return false;
  const denies = view.isCovered(second.start, FRAME.deny) || /^denials?$/.test(view.tokens[second.start].lower);
  return denies && occurrences.some((o) => o.start >= first.start && o.end <= second.end && claimantMention(pack, claim, o.label));
}

const EPISTEMIC = new Set(['likely', 'probably', 'possibly', 'perhaps', 'believe', 'believes', 'believed', 'suspect', 'suspects', 'suspected', 'assess', 'assessed', 'assesses', 'think', 'thinks', 'confidence', 'unlikely']);

/**
 * "U.S. officials say the Ukrainians were likely behind it": a party other than the claimant
 * giving its own hedged assessment of a disputed fact makes a different statement, not the
 * claim in the wrong mouth (the reading is unsure: Information at most). A position or
 * speculation ("would likely use the incident to …") is the same statement however hedged.
 */
function ownAssessment(view: SentenceView, cue: Cue | undefined, match: PatternMatch, claim: CompiledClaim, sourceKind: string | undefined): boolean {
  // (Analysts and other groups give assessments of positions too: "Russia likely staged it".)
  const epistemicCue = cue !== undefined && /^(estimat|assess|believ|suspect|think)/.test(view.tokens[cue.word.start].lower);
  if (claim.claim.status === 'statement' && sourceKind !== 'group' && !epistemicCue) return false;
  // (The cue after the claim too: "Ukraine was behind it, the United States estimates".)
  if (epistemicCue) return true;
  // (The cue itself may be the hedge: "US officials believe …", "the institute estimated …".)
  // (Or open the reported words before it: "“I think Kyiv did it,” said …".)
  const holding = cue ? cue.scopes.filter((scope) => scope.start <= match.start && match.start < scope.end).map((scope) => scope.start) : [];
  const from = cue ? Math.min(cue.word.start, match.start, ...holding) : clauseStartBefore(view, match.start);
  for (let i = from; i < match.end; i++) if (EPISTEMIC.has(view.tokens[i].lower) || /^(estimat|assess|believ|suspect)/.test(view.tokens[i].lower)) return true;
  return false;
}

function occursIn(view: SentenceView, label: string, span: Span): Occurrence | undefined {
  return view.frame.get(label)?.find((o) => o.start >= span.start && o.end <= span.end);
}

/**
 * "The drone attack on the Kremlin was likely staged", "… is still in question": the clause
 * goes on to doubt the claim itself (its "be" or "remain", a few adverbs, then doubt). "… has
 * raised questions about air defences" doubts something else.
 */
function doubtPredicated(view: SentenceView, match: PatternMatch): boolean {
  if (doubtRightAfter(view, match)) return true;
  // ("The scale of the raid was doubted": the doubt is about the head noun the
  // claim's phrase completes, and the attack is taken as given.)
  // ("That drones flew over the citadel in the small hours is plausible": a clause that is the
  // sentence's subject runs to its verb, however long.)
  // ("…, but that Kyiv sent them, or that they were meant for Putin, is not proven": after "but"
  // or "and" too, and the subject may hold commas.)
  const sentential = subjectClauseOpener(view, match.start) !== undefined;
  if (!sentential && view.tokens[match.start - 1]?.lower === 'of' && view.wordClass(match.start - 2) === 'NOUN') return false;
  const reach = sentential ? 14 : 6;
  // ("…; that Kyiv sent them is, however, not proven": an adverb set off by commas after "be".)
  if (sentential) {
    for (let k = match.end; k < view.length && k - match.end < 20 && !view.isPunct(k, ';:.'); k++) {
      if (!view.isCovered(k, FRAME.be) || !view.isPunct(k + 1, ',')) continue;
      const close = nextIndexOf(view, k + 2, ',');
      if (close - k <= 4 && close < view.length && doubtIn(view, { start: close + 1, end: Math.min(clauseEndAfter(view, close + 1), close + 7) })) return true;
    }
  }
  let i = match.end;
  // (A subject clause with commas in it ends at its last comma: "that Kyiv sent them, or that they were …, is not proven".)
  if (sentential) {
    for (let k = match.end; k < view.length && k - match.end < 20 && !view.isPunct(k, ';:.'); k++) if (view.isPunct(k, ',') && !view.isPunct(k + 1)) i = k + 1;
  }
  while (i < view.length && !(view.isPunct(i) && !(sentential && view.isPunct(i, ','))) && !view.isCovered(i, FRAME.be) && !/^(remain|remains|remained|seem|seems|seemed|appear|appears|appeared|look|looks|looked|sound|sounds|sounded|rests|does|do)$/.test(view.tokens[i].lower) && i - match.end < reach) i++;
  if (i >= view.length || view.isPunct(i) || i - match.end >= reach) return false;
  const end = Math.min(clauseEndAfter(view, i), i + 7);
  // ("… has not been verified": the auxiliary and negator before "been" are part of the doubt.)
  let from = i;
  while (from > match.end && /^(not|n['’]t|never|yet|has|have|had)$/.test(view.tokens[from - 1].lower)) from--;
  // ("The raid is bound to raise hard questions about air cover": questions it raises are about something else.)
  const raised = (view.frame.get(FRAME.doubt) ?? []).some((o) => o.start >= from && o.end <= end && /^questions?$/.test(view.tokens[o.start].lower) && view.tokens.slice(Math.max(from, o.start - 3), o.start).some((t) => /^rais/.test(t.lower)));
  return !raised && doubtIn(view, { start: from, end });
}

/** The "that" opening a clause that is its sentence's subject and holds i: at the start, or after "but", "and" or "yet". */
function subjectClauseOpener(view: SentenceView, i: number): number | undefined {
  for (let k = i - 1; k >= 0 && i - k <= 12; k--) {
    if (view.isPunct(k, ';:') && view.tokens[k + 1]?.lower !== 'that') return undefined;
    if (view.tokens[k].lower !== 'that') continue;
    // ("…; that Kyiv sent them is not proven": or after a semicolon.)
    const opens = k === firstWord(view) || view.isPunct(k - 1, ';') || (/^(but|and|yet|or)$/.test(view.tokens[k - 1]?.lower ?? '') && (k - 1 === firstWord(view) || view.isPunct(k - 2, ',;')));
    return opens ? k : undefined;
  }
  return undefined;
}

/** "considers an attempt on his life unlikely": a doubting adjective right after the claim, its predicate. */
function doubtRightAfter(view: SentenceView, match: PatternMatch): boolean {
  let k = match.end;
  while (k < view.length && isQuote(view.tokens[k])) k++;
  return view.isCovered(k, FRAME.doubt) && view.wordClass(k) === 'ADJ';
}

/** Words that open a subordinate clause after a comma: "…, where he often works". */
const CLAUSE_OPENERS = /^(where|which|who|whom|whose|as|while|when|whereas|because|since|although|though)$/;

/**
 * Where a habit word after a claim stops counting: the claim's clause ends at a comma that opens a
 * subordinate clause ("the team behind the Kremlin attack, as rival services sometimes run …";
 * "Putin was at Novo-Ogaryovo, where he usually works"), whose habit is its own.
 */
function habitScopeEnd(view: SentenceView, from: number): number {
  const end = clauseEndAfter(view, from);
  // ("Since the drone strike on the Kremlin, Russia has shelled Kyiv repeatedly": a fronted time
  // phrase ends at its comma; the main clause's habits are its own.)
  const first = firstWord(view);
  if (/^(since|after|following|amid|before|until|during)$/.test(view.tokens[first]?.lower ?? '') && from > first) {
    const comma = nextIndexOf(view, first, ',');
    if (comma >= from && comma < end) return comma;
  }
  for (let j = from; j < end - 1; j++) {
    if (view.isPunct(j, ',') && CLAUSE_OPENERS.test(view.tokens[j + 1].lower)) return j;
    // ("… downed over the citadel, close to where the stands usually go up":
    // a relative or subordinate clause has its own habits, comma or not.)
    if (j > from && RELATIVE_OPENERS.test(view.tokens[j].lower)) return j;
  }
  return end;
}

/** Words that open a clause of their own without a comma before them (not "as", "when" or "since", as CLAUSE_OPENERS may after a comma: without one they often open none). */
const RELATIVE_OPENERS = /^(where|which|whom|whose|whereas|although|though|what|whatever)$/;

// Verbs of proof: negated, they doubt what follows ("Nothing we found establishes that …").
const PROOF_VERBS = /^(prove|proves|proved|proven|establish|establishes|established|demonstrate|demonstrates|demonstrated|show|shows|showed|shown|substantiate|substantiates|substantiated)$/;

/** "Nothing proves that …", "No one has shown that …", "nothing we found establishes that …": a negated verb of proof before "that". */
function negatedProof(view: SentenceView, span: Span): boolean {
  for (let k = span.start; k < span.end; k++) {
    if (!PROOF_VERBS.test(view.tokens[k].lower) || !view.startsWith(k + 1, FRAME.that)) continue;
    for (let j = k - 1; j >= span.start && j >= k - 5 && !view.isPunct(j); j--) {
      if (negates(view, j)) return true;
    }
  }
  return false;
}

/** Doubt in the span, unless denied: "not in doubt", "no doubt", "beyond doubt" assert. */
function doubtIn(view: SentenceView, span: Span): boolean {
  if (negatedProof(view, span)) return true;
  return (view.frame.get(FRAME.doubt) ?? []).some((o) => {
    if (o.start < span.start || o.end > span.end) return false;
    const before = [o.start - 1, o.start - 2].map((j) => view.tokens[j]?.lower ?? '');
    if (view.tokens[o.start].lower === 'doubt' && before.some((word) => /^(not|no|without|beyond)$/.test(word))) return false;
    // ("Nobody doubts that …", "No one seriously questions …": a doubt nobody has is the writer's certainty.)
    if (byNobody(view, o.start)) return false;
    // ("takes to the stage": the noun, not "staged".)
    if (/^stages?$/.test(view.tokens[o.start].lower)) return false;
    // ("on the night in question": the one spoken of, not a doubt.)
    if (view.tokens[o.start].lower === 'question' && view.tokens[o.start - 1]?.lower === 'in' && view.wordClass(o.start - 2) === 'NOUN') return false;
    // ("an unknown drone crashed into …": an adjective of the noun the claim opens with doubts who
    // sent it, not that it came.)
    return !(o.end === span.end && o.end - o.start === 1 && /^(unknown|unidentified)$/.test(view.tokens[o.start].lower) && view.isCovered(o.start - 1, FRAME.determiner));
  });
}

/** A hedge adjective ("alleged"); "Kremlin claims" is a noun, so not "claims". */
const isHedgeAdjective = (view: SentenceView, i: number) => view.isCovered(i, FRAME.hedgeAdjective) && !/s$/.test(view.tokens[i].lower);

function isHedgedMention(view: SentenceView, match: PatternMatch, form: 'clause' | 'np'): boolean {
  // "the alleged drone attack", "Wednesday's purported strike": a hedge adjective in front
  // of the noun phrase, with only determiners or modifiers between.
  if (quotedAround(view, match) && (form === 'np' || scareQuoted(view, match))) return true;
  // ("Following news of the attempted attack, …": the event named as news, not as fact.)
  if (form === 'np') {
    let i = match.start - 1;
    while (i > 0 && (view.isCovered(i, FRAME.determiner) || /^(ADJ|PROPN)$/.test(view.wordClass(i) ?? ''))) i--;
    // (Or as a possibility: "nervous about the possibility of a drone raid", "the threat of an attack".)
    if (view.tokens[i]?.lower === 'of' && /^(news|reports|word|rumours|rumors|possibility|prospect|risk|threat|danger|fear|fears|likelihood|chance)$/.test(view.tokens[i - 1]?.lower ?? '')) return true;
    // ("after Putin assassination bid claims": the event named as the claims' subject.)
    if (/^(claims?|allegations?|accusations?|reports|rumou?rs)$/.test(view.tokens[match.end]?.lower ?? '') && view.isCovered(match.end, FRAME.claimNoun)) return true;
  }
  // ("… of Kyiv over the supposed drone raid": a hedge that opens the noun phrase of a
  // later part, after a determiner, hedges what the match says of it.)
  const parts = presentParts(match);
  for (let k = 1; k < parts.length; k++) {
    const i = parts[k].start - 1;
    if (i >= parts[k - 1].end && isHedgeAdjective(view, i) && view.isCovered(i - 1, FRAME.determiner) && !isPossessiveMark(view.tokens[i - 1].text)) return true;
  }
  // "Officials claimed the president…" is a verb, not a hedge: the adjective must open its
  // noun phrase (after a determiner, or first) with no determiner between it and the claim.
  for (let i = match.start - 1; i >= Math.max(0, match.start - 4); i--) {
    if (view.isCovered(i, FRAME.hedgeAdjective) && !/s$/.test(view.tokens[i].lower)) {
      // ("a recent alleged raid": adjectives before it stay inside the phrase.)
      let open = i;
      // (An ordinal too: "the first reported raid".)
      while (open > 0 && (view.wordClass(open - 1) === 'ADJ' || ORDINALS.test(view.tokens[open - 1].lower)) && !view.isCovered(open - 1, FRAME.determiner)) open--;
      // (A number opens it too: "two suspected drones".)
      const opensPhrase = open === 0 || view.isCovered(open - 1, FRAME.determiner) || view.isCovered(open - 1, FRAME.preposition) || view.isPunct(open - 1) || view.wordClass(open - 1) === 'NUM';
      return opensPhrase;
    }
    if (view.isPunct(i) && !view.isPunct(i, "-'")) return false;
    // (Nor past a preposition: "the potential scenarios around this attack" hedges the scenarios.)
    if (view.isCovered(i, FRAME.be) || view.isCovered(i, FRAME.report) || view.startsWith(i, FRAME.preposition) || (view.isCovered(i, FRAME.determiner) && !isPossessiveMark(view.tokens[i].text))) return false;
  }
  return parts.some((part) => {
    for (let i = part.start; i < part.end; i++) if (isHedgeAdjective(view, i)) return true;
    return false;
  });
}

const EVENT_NOUNS = /^(attacks?|attacked|strikes?|struck|hit|targeted|raids?|assaults?|attempts?|assassination|plot|terrorism|terrorist|act|incident)$/;

/**
 * The word naming the event in quotation marks: the drone 'attack' on the Kremlin. (A quoted
 * word that is someone's own term, "his 'clique'", is a quotation, not distance.)
 */
function scareQuoted(view: SentenceView, match: PatternMatch): boolean {
  return view.quotedSpans().some(
    (quoted) => quoted.start >= match.start && quoted.end <= match.end && view.wordCount(quoted) <= 2 && view.tokens.slice(quoted.start, quoted.end).some((t) => EVENT_NOUNS.test(t.lower)),
  );
}

/**
 * A noun phrase in scare quotes is someone else's wording: the “drone attack on the Kremlin”,
 * the drone 'attack' on the Kremlin.
 */
function quotedAround(view: SentenceView, match: PatternMatch): boolean {
  for (const quoted of view.quotedSpans()) {
    if (quoted.start >= match.start && quoted.end <= match.end && view.wordCount(quoted) <= 2) return true;
    // ("after 'Putin assassination attempt'": a short quotation that is little more than the match.)
    if (quoted.start <= match.start && match.end <= quoted.end && view.wordCount(quoted) <= 4 && view.wordCount(quoted) - view.wordCount(match) <= 1) return true;
  }
  const findMark = (from: number, step: number, marks: RegExp): boolean => {
    for (let i = from, words = 0; i >= 0 && i < view.length && words <= 3; i += step) {
      if (marks.test(view.tokens[i].text)) return true;
      if (view.isPunct(i)) return false;
      words++;
    }
    return false;
  };
  return findMark(match.start - 1, -1, /^["“‘]$/) && findMark(match.end, 1, /^["”’]$/);
}

/** A reporting verb followed, within three words, by "that" inside the span. */
function opensReportedClause(view: SentenceView, span: Span): boolean {
  for (const report of view.frame.get(FRAME.report) ?? []) {
    if (report.start < span.start || report.end > span.end) continue;
    // (A comma closes it: "it must be said, spent that night" reports nothing after "said".)
    for (let j = report.end; j < Math.min(span.end, report.end + 3) && !view.isPunct(j); j++) if (view.tokens[j].lower === 'that') return true;
    // ("it has been suggested, by Kyiv among others, that …": an agent set off by commas before "that".)
    if (view.isPunct(report.end, ',') && view.tokens[report.end + 1]?.lower === 'by') {
      const close = nextIndexOf(view, report.end + 2, ',');
      if (close + 1 < span.end && close - report.end <= 10 && view.tokens[close + 1].lower === 'that') return true;
    }
  }
  return false;
}

const DEFINITE_OPENERS = /^(the|this|that|these|those)$/;

function isNegated(view: SentenceView, match: PatternMatch): boolean {
  const butBefore = (from: number, m: PatternMatch) => {
    const next = presentParts(m).find((part) => part.start >= from);
    for (let i = from; i < (next?.start ?? from); i++) if (view.tokens[i].lower === 'but') return true;
    return false;
  };
  // ", not Ukraine," negates only its own noun: "Russian saboteurs, not Ukraine, were responsible".
  // "not shot down with missiles but disabled by jamming": the negation ends at "but".
  // "not only shot down but also destroyed" adds; it negates nothing.
  const additive = (o: Occurrence) =>
    /^(only|just|merely)$/.test(view.tokens[o.end]?.lower ?? '') && view.tokens.some((t, i) => i > o.end && t.lower === 'but');
  // (", not attacking Putin": a "not" before the claim's own verb negates the claim.)
  const setOff = (o: Occurrence) => view.isPunct(o.start - 1, ',') && view.tokens[o.start].lower === 'not' && !(/ing$/.test(view.tokens[o.end]?.lower ?? '') && view.wordClass(o.end) === 'VERB');
  const contrastive = (o: Occurrence) => setOff(o) || butBefore(o.end, match) || additive(o);
  // "has not commented on Moscow's allegation it sent the drones": a negator whose own verb comes
  // before the claim's verb, and is not coordinated with it, negates that verb only. ("has
  // nothing to do with the attack", "doesn't look like an assassination attempt": before the
  // claim's noun, the verb it negates says the claim is not so.)
  const ownVerb = (o: Occurrence, gapEnd: number) => {
    if (!view.isVerbal(gapEnd)) return false;
    for (let j = o.end; j < gapEnd; j++) {
      if (view.wordClass(j) === 'VERB') return !/^(or|and|nor)$/.test(view.tokens[j + 1]?.lower ?? '') && j + 1 < gapEnd;
    }
    return false;
  };
  if (gaps(match).some((gap) => view.frame.get(FRAME.negator)?.some((o) => o.start >= gap.start && o.end <= gap.end && !contrastive(o) && !ownVerb(o, gap.end)))) return true;
  // ("defending their towns rather than attacking Putin": "rather than" or "instead of" right
  // before a word of the match sets it aside.)
  const setAside = (k: number) => k >= 2 && /^(rather than|instead of)$/.test(`${view.tokens[k - 2].lower} ${view.tokens[k - 1].lower}`);
  if (gaps(match).some((gap) => gap.end - gap.start >= 2 && setAside(gap.end))) return true;
  // A negator right before the match: "never launched", "did not attack", "without such a pretext".
  // ("There is no doubt that Ukraine …": a negator before "that" belongs to the main clause.)
  // ("Putin was not hurt in the attack": a definite noun phrase after a preposition is taken as
  // given whatever the verb before it denies.)
  // ("gained nothing from Wednesday's drone strike": a possessor makes the phrase definite too.)
  const definite = DEFINITE_OPENERS.test(view.tokens[match.start].lower) || isPossessiveMark(view.tokens[match.start + 1]?.text ?? '');
  const presupposed = definite && match.start > 0 && view.startsWith(match.start - 1, FRAME.preposition) && !view.isCovered(match.start - 1, FRAME.negator);
  // ("Neither clip shows who launched the drones": a question the match opens with takes the
  // deed as given, whatever the verb before it denies.)
  const askedAbout = /^(who|how|why|where)$/.test(view.tokens[match.start].lower);
  for (let i = match.start - 1; i >= Math.max(0, match.start - 3) && !presupposed && !askedAbout; i--) {
    if (view.isPunct(i) || SUBORDINATORS.has(view.tokens[i].lower)) break;
    if (view.isCovered(i, FRAME.negator)) return true;
  }
  // "does not have enough weapons to attack Moscow and attempt to assassinate Putin": a "not"
  // on the verb that the claim's infinitive depends on, with no comma or new clause between.
  return false;
}

// Verbs that say what something is or seems, and auxiliaries a tagger may read as verbs.
const LINKING_VERBS = /^(be|have|do|seem|look|appear|remain|become|sound|feel|mean|constitute|represent|amount)$/;

const isNegatorWord = (view: SentenceView, i: number) => /^(not|n't|n’t|never)$/.test(view.tokens[i].lower);

/**
 * "does not have enough weapons to attack Moscow and attempt to assassinate Putin", "did not
 * encourage Ukraine to strike": a "not" on the verb that the claim's infinitive depends on,
 * with no comma or new clause between. What is negated is that verb, so the claim is not
 * asserted (nor is its opposite). The same inside the match: "Kyiv would not make up its mind
 * to hit the Kremlin" negates making up its mind, not the strike.
 */
function negatedGoverningVerb(view: SentenceView, match: PatternMatch): boolean {
  for (const gap of gaps(match)) {
    for (let i = gap.start; i < gap.end; i++) if (isNegatorWord(view, i) && infinitiveBetween(view, i, gap.end)) return true;
  }
  // The claim as the object of the verb before it: "posters banning drones flying above the
  // square" (what a ban names must not happen), "does not support attacks by Ukraine" (a
  // negated verb says nothing of whether it happened; not one that says what the claim is:
  // "does not look like an attack", "was not an attack").
  const verb = match.start - 1;
  const first = presentParts(match)[0];
  if (verb >= 0 && BAN_VERBS.test(view.lemma(verb)) && first && /ing$/.test(view.tokens[first.end]?.lower ?? '')) return true;
  if (verb > 0 && view.wordClass(verb) === 'VERB' && !LINKING_VERBS.test(view.lemma(verb))) {
    // (Coordinated verbs share the negation: "does not back or endorse strikes by …".)
    for (let i = verb - 1; i >= Math.max(0, verb - 5); i--) {
      if (isNegatorWord(view, i)) return true;
      if (!/^(AUX|VERB|ADV)$/.test(view.wordClass(i) ?? '') && !/^(or|and|nor)$/.test(view.tokens[i].lower)) break;
    }
  }
  // A negator decides only before "from" or with a "to" after it (infinitiveBetween needs one):
  // elsewhere its lemma, which tags the sentence, is not asked for.
  let lastTo = -1;
  for (let j = match.start - 1; j >= 0 && lastTo < 0; j--) if (view.tokens[j].lower === 'to') lastTo = j;
  for (let i = match.start - 1; i >= Math.max(0, match.start - 16); i--) {
    // (Quotation marks and a hyphen inside a word, "long-range", end nothing.)
    const glued = view.tokens[i].text === '-' && view.tokens[i - 1]?.end === view.tokens[i].start && view.tokens[i + 1]?.start === view.tokens[i].end;
    if ((view.isPunct(i) && !isQuote(view.tokens[i]) && !glued) || SUBORDINATORS.has(view.tokens[i].lower) || view.isCovered(i, FRAME.report)) break;
    const beforeFrom = view.tokens[i + 1]?.lower === 'from';
    if (!beforeFrom && lastTo <= i) continue;
    // ("lacked the weapons to attack …": to lack is not to have.)
    // ("banned from flying over the Kremlin": a ban says it must not happen.)
    const negator = isNegatorWord(view, i) || view.lemma(i) === 'lack' || (/^(ban|prohibit|forbid|bar)$/.test(view.lemma(i)) && beforeFrom);
    if (negator && beforeFrom) return true;
    if (negator && infinitiveBetween(view, i, match.start)) return true;
  }
  return false;
}

const GENERIC_EVENTS = /^(attacks|strikes|raids|operations|assaults|incursions)$/;

/**
 * "Ukrainian units able to conduct limited operations inside Russia": a claim about one event
 * that ends in a bare plural event noun describes a kind of activity, not that event.
 */
function endsInGenericPlural(view: SentenceView, match: PatternMatch): boolean {
  const parts = presentParts(match);
  const last = parts[parts.length - 1];
  // (The last part may be a compound, "drone strikes": its last word is the head.)
  if (parts.length < 2 || last.end - last.start > 2 || !GENERIC_EVENTS.test(view.tokens[last.end - 1].lower)) return false;
  // (In a title-case headline the tagger reads "Drone Attacks" as a name.)
  if (last.end - last.start === 2 && view.wordClass(last.start) !== 'NOUN' && !(view.headline && view.wordClass(last.start) === 'PROPN')) return false;
  for (let i = last.start - 1; i >= Math.max(0, last.start - 3); i--) {
    // (The possessive of the match's own agent determines nothing: "Ukraine's attacks" are many.)
    if (isPossessiveMark(view.tokens[i].text) && i === parts[0].end) break;
    if (view.isCovered(i, FRAME.determiner) || view.wordClass(i) === 'NUM' || isPossessiveMark(view.tokens[i].text)) return false;
    if (view.wordClass(i) !== 'ADJ') break;
  }
  return true;
}

/** "part of any assassination plot", "any drone raid on the citadel": "any" before a noun phrase names no particular event. */
function anyBefore(view: SentenceView, start: number): boolean {
  // (The spelling first: the tagger is asked only when "any" stands near.)
  let any = -1;
  for (let k = Math.max(0, start - 3); k < start; k++) if (view.tokens[k].lower === 'any') any = k;
  if (any < 0) return false;
  for (let k = any + 1; k < start; k++) if (view.wordClass(k) !== 'ADJ') return false;
  return true;
}

// Verbs after a bare plural subject that say what such things do, not what happened.
const GENERIC_PREDICATES = /^(have|are|can|could|may|might|typically|often|usually|regularly|generally)$/;

const GUARDING = /^(protection|protect|protected|protecting|shield|shielded|shielding|safe|safety|defence|defense|defend|defended|defending|cover|guard|guarded)$/;

/**
 * "Ukrainian drones have a range of a thousand kilometres": a noun phrase with no determiner,
 * number or possessive, ending in a plural, as the subject of a present-tense "have"/"are" or
 * a modal, speaks of such things in general.
 */
function genericSubject(view: SentenceView, match: PatternMatch): boolean {
  if (match.pattern.form !== 'np' || !/s$/.test(view.tokens[match.end - 1]?.lower ?? '')) return false;
  // ("the Kremlin drones have …": a phrase the match opens with a determiner is no bare plural.)
  if (view.isCovered(match.start, FRAME.determiner)) return false;
  const before = match.start - 1;
  // ("protection from Ukrainian drones", "defences against Ukrainian drones": what one guards
  // against is a kind of thing.)
  if (before >= 1 && (view.tokens[before].lower === 'against' || (view.tokens[before].lower === 'from' && GUARDING.test(view.tokens[before - 1].lower)))) return true;
  if (before >= 0 && (view.isCovered(before, FRAME.determiner) || view.wordClass(before) === 'NUM' || isPossessiveMark(view.tokens[before].text) || view.startsWith(before, FRAME.preposition))) return false;
  return GENERIC_PREDICATES.test(view.tokens[match.end]?.lower ?? '') && !/^(been|being)$/.test(view.tokens[match.end + 1]?.lower ?? '');
}

/**
 * "Drones have been downed near the capital before": a perfect whose clause closes with
 * "before" speaks of earlier occasions.
 */
function happenedBefore(view: SentenceView, match: PatternMatch): boolean {
  // (No punctuation between: "…, and nothing like it has happened before" is another clause's.)
  let before = match.end;
  while (before < view.length && before - match.end < 12 && (!view.isPunct(before) || isPossessiveMark(view.tokens[before].text)) && view.tokens[before].lower !== 'before') before++;
  if (view.tokens[before]?.lower !== 'before' || !(before + 1 >= view.length || view.isPunct(before + 1))) return false;
  // ("No drone had ever come so near before": never before is a first time, this one.)
  for (let k = Math.max(0, match.start - 3); k < before; k++) if (/^(ever|never|no|none|nothing|not|n't|n’t)$/.test(view.tokens[k].lower)) return false;
  // (The perfect is the match's own: its auxiliary within or just before it.)
  for (let k = Math.max(0, match.start - 2); k < match.end; k++) if (/^(has|have|had|'ve|’ve)$/.test(view.tokens[k].lower)) return true;
  return false;
}

/** "drones have been banned from flying over the Kremlin": a ban, and what it bans, inside the match. */
/** Verbs that ban what they name: "banned from flying", "banning drones flying above the square". */
const BAN_VERBS = /^(ban|prohibit|forbid|bar)$/;

function bannedIn(view: SentenceView, span: Span): boolean {
  for (let i = span.start; i < span.end; i++) if (view.tokens[i + 1]?.lower === 'from' && BAN_VERBS.test(view.lemma(i))) return true;
  return false;
}

// Words that open a clause of their own: a negation before them does not reach past them.
const SUBORDINATORS = new Set(['that', 'when', 'while', 'after', 'before', 'because', 'since', 'as', 'if', 'which', 'who', 'whom', 'whose', 'where', 'until', 'although', 'though']);

/** A "to" + verb between i and end: the negated verb governs an infinitive that leads to the claim. */
function infinitiveBetween(view: SentenceView, i: number, end: number): boolean {
  let verbs = 0;
  for (let j = i + 1; j < end; j++) {
    if (view.tokens[j].lower === 'to' && view.isVerbal(j + 1)) return verbs <= 1;
    // ("did not encourage or enable Ukraine to strike": coordinated verbs are one.)
    if (view.isVerbal(j) && !/^(or|and)$/.test(view.tokens[j - 1]?.lower ?? '')) verbs++;
  }
  return false;
}

export interface FrameInput {
  view: SentenceView;
  pack: CompiledPack;
  occurrences: Occurrence[];
  cues: Cue[];
  context: PackContext;
  carried?: CarriedSource;
  /** The sentence opens inside a quotation begun in an earlier sentence. */
  opensQuoted?: boolean;
  /** Told why a match is not reported (for `claim-lens eval`). */
  explain?: (reason: string, claim: CompiledClaim, match: PatternMatch, whole?: boolean) => void;
}

/**
 * How a match is framed, and whether the reading is sure enough for a Warning: a claim whose
 * words lie on both sides of a clause boundary is reported as Information.
 */
export function frameMatch(input: FrameInput, claim: CompiledClaim, match: PatternMatch): FramedMatch | null {
  const framed = readFraming(input, claim, match);
  if (!framed || framed.unsure || (framed.framing !== 'unattributed' && framed.framing !== 'misattributed')) return framed;
  const unsure = unsureReason(input, framed);
  return unsure ? { ...framed, unsure } : framed;
}


const claimLabels = new WeakMap<CompiledClaim, Set<string>>();

/** Whether a concept label is one the claim's patterns look for or need in view. */
function claimNames(claim: CompiledClaim, label: string): boolean {
  let labels = claimLabels.get(claim);
  if (!labels) {
    labels = new Set(claim.requires.map(conceptLabel));
    for (const pattern of claim.patterns) {
      for (const element of pattern.elements) for (const l of element.labels) labels.add(l);
      for (const name of [...(pattern.requires ?? []), ...(pattern.requiresEarlier ?? []), ...(pattern.sureWith ?? [])]) labels.add(conceptLabel(name));
    }
    claimLabels.set(claim, labels);
  }
  return labels.has(label);
}

/**
 * "the strike against Kyiv", "the attack on Berlin": a noun for the attack followed by the name
 * of its target, which the match does not take in and the claim cannot name (such a target would
 * be part of a longer match: "the attack on the Kremlin").
 */
function namesOwnTarget(view: SentenceView, claim: CompiledClaim, match: PatternMatch, occurrences: Occurrence[]): boolean {
  let k = match.end;
  if (!ATTACK_NOUNS.test(view.tokens[k - 1]?.lower ?? '') || !/^(on|against)$/.test(view.tokens[k]?.lower ?? '')) return false;
  if (view.tokens[k + 1]?.lower === 'the') k++;
  const target = view.tokens[k + 1];
  // (A target the claim itself can name is no other target: "the raid on the Kremlin
  // residence", "Ukraine's raid on Russian President Vladimir Putin's residence".)
  const known = occurrences.some((o) => o.start <= k + 1 && k + 1 < o.end && claimNames(claim, o.label));
  return target !== undefined && target.capitalised && !known && !MONTHS.has(target.lower) && !TIME_WORDS.has(target.lower);
}

// Words that open a concession: "though", "although", "even though", "despite", "in spite of".
const CONCESSIVE = /^(though|although|even|despite|in)$/;

/**
 * Why a Warning would be unsure. Measured on published coverage, the readings that were wrong
 * more often than right: a claim across a clause boundary, and a claim said to lack its
 * claimant (unattributed or misattributed) in a sentence where the claimant itself speaks, in
 * an open clause before it (not an aside, not a "what X called" cleft), whose scope the reading
 * may have cut short.
 */
function unsureReason(input: FrameInput, framed: FramedMatch): string | undefined {
  const { view, cues } = input;
  if (clauseBoundaryIn(view, framed.match) >= 0) return 'the claim’s words lie on both sides of a clause boundary';
  if (framed.form === 'np' && namesOwnTarget(view, framed.claim, framed.match, input.occurrences)) return 'the attack is named by a target the claim does not hold; it may be another attack';
  const asides = relativeAsides(view);
  // (A claim with words in a relative aside is the writer's own: "…, when the drones, which Kyiv sent, were downed".)
  if (presentParts(framed.match).some((part) => asides.some((aside) => part.start >= aside.start && part.end <= aside.end))) return undefined;
  // ("Peskov, speaking hours after the drones that Kyiv sent were downed, said …": a claim in a
  // time phrase is the writer's, whoever speaks around it: "Russia warned of revenge after the raid".)
  if (timePhraseBefore(view, 0, framed.match.start)) return undefined;
  // ("We never sent any drones, …": a writer does not speak as "we" for a side; first-person
  // words outside quotation marks are someone's speech set down without the marks.)
  if (framed.framing === 'unattributed' && !framed.cue && isFirstPerson(view, framed.match.start) && !view.quotedSpans().some((q) => framed.match.start >= q.start && framed.match.start < q.end)) {
    return 'first-person words outside quotation marks: someone’s speech, not the writer’s';
  }
  if (declaredInThePast(input, framed)) return 'the claimant’s own declaration, told in the past: it reads as a report of what they declared';
  const claimantSpeaks = (cue: Cue) => {
    if (cue === framed.cue || !cue.source || cue.polarity !== 'assert' || cue.rule === 'what-cleft') return false;
    // (Nor the topic of what they said: "Zakharova remarked on the raid on the citadel".)
    if (framed.form === 'np' && namesTopic(view, cue, framed.match)) return false;
    // (An infinitive reports nothing yet: "no way for Washington to confirm"; after a verb or an
    // adjective it is that verb's report: "Peskov hastened to tell RIA Novosti".)
    const before = cue.word.start - 2;
    const infinitive = view.tokens[cue.word.start - 1]?.lower === 'to' && !(before >= 0 && /^(VERB|ADJ|ADV)$/.test(view.wordClass(before) ?? '') && !view.tokens[before].capitalised);
    if (overlaps(cue.word, framed.match) || infinitive) return false;
    if (asides.some((aside) => cue.word.start >= aside.start && cue.word.end <= aside.end)) return false;
    const ref = resolveSource(view, cue.source, input.occurrences, input.pack, input.context, cue.kind === 'footage' ? 'footage' : 'any');
    return ref.kind === 'party' && framed.claim.claim.claimants.includes(ref.partyId);
  };
  // ("The Kremlin called it an attempt on his life, even though he was not there": a concession
  // set off after what the claimant said is the writer's answer to it, not more of its words.)
  const concededAfter = (cue: Cue) => {
    for (let k = cue.word.end; k < framed.match.start; k++) if (CONCESSIVE.test(view.tokens[k].lower) && isContrast(view, k)) return true;
    return false;
  };
  // (Nor into a parenthesis of the writer's own: "…, the ministry said (the president was away)".)
  const parenthesisedAway = (cue: Cue) => parentheses(view).some((paren) => framed.match.start > paren.start && framed.match.end <= paren.end && cue.word.end <= paren.start);
  if (cues.some((cue) => cue.word.end <= framed.match.start && claimantSpeaks(cue) && !concededAfter(cue) && !parenthesisedAway(cue))) return 'the claimant speaks earlier in the sentence, and its words may reach this far';
  // A sentence in which someone speaks (named, or before the claim unnamed), by a reporting verb or "according to", in a way
  // the reading could not tie to this claim: on published coverage such Warnings were mostly
  // wrong (the attribution was there, in a construction not read). Someone speaking before the
  // claim may reach it; someone speaking after a claim stated as a clause may be its end
  // attribution. Not so past a contrast, a semicolon or the writer's time phrase ("Zelensky denied
  // any role, but it was Kyiv that sent the drones", "branded Kyiv a terrorist state after the
  // raid on the Kremlin"), across the comma of a subordinate clause the sentence opens with
  // ("After the drones were downed, Peskov said …"), from inside a relative aside or a "what X
  // called" cleft, nor after a presupposing noun phrase ("The raid on the Kremlin, Peskov said,
  // changed nothing" is read by the rules when it is attribution).
  const opensSubordinate = FRONTED_SUBORDINATORS.has(view.tokens[firstWord(view)]?.lower ?? '');
  const boundaryBetween = (from: number, to: number, semicolonEnds = true) => {
    for (let k = from; k < to; k++) {
      // (A bracket between: the parenthesis is the writer's gloss.)
      if (view.isCovered(k, FRAME.contrast) || (semicolonEnds && view.isPunct(k, ';')) || view.isPunct(k, '()') || TIME_OPENERS.has(view.tokens[k].lower)) return true;
      if (opensSubordinate && view.isPunct(k, ',')) return true;
    }
    return false;
  };
  const hasVerb = (span: Span) => {
    for (let k = span.start; k < span.end; k++) if (view.isVerbal(k)) return true;
    return false;
  };
  const speaksUntied = (cue: Cue) => {
    if (cue === framed.cue || (cue.kind !== 'verb' && cue.kind !== 'according') || cue.polarity === 'mention' || !cue.source || cue.source.end <= cue.source.start || cue.rule === 'what-cleft') return false;
    // (A wish or a fear is no one speaking: "…, fuelling speculation that Kyiv wanted Putin dead".)
    if (nonAssertive(view, cue) || (framed.form === 'np' && namesTopic(view, cue, framed.match)) || unansweredQuestion(view, cue, framed.match)) return false;
    if (asides.some((aside) => cue.word.start >= aside.start && cue.word.end <= aside.end)) return false;
    const before = cue.word.end <= framed.match.start;
    if (!before && !(cue.word.start >= framed.match.end && framed.form === 'clause')) return false;
    // (Someone after the claim who reports a clause of their own reports that clause: "The
    // president was unhurt, with the Kremlin insisting he had been away".)
    // (Unless a dash sets the speaker's clause after the claim as its source: "Putin was not in the
    // building – his spokesman said he was at his residence".)
    // (Or a colon or semicolon does: "Putin was not there: his spokesman said he was at …".)
    let setOff = cue.word.start - 1;
    // (A hyphen with spaces round it is a dash: "… not in the Kremlin - Peskov said …".)
    const setsOff = (k: number) => view.isPunct(k, '–—:;') || (view.isPunct(k, '-') && view.tokens[k - 1]?.end !== view.tokens[k].start && view.tokens[k + 1]?.start !== view.tokens[k].end);
    while (setOff > framed.match.end && cue.word.start - setOff <= 8 && !setsOff(setOff)) setOff--;
    const dashedOn = !before && setOff >= framed.match.end && setsOff(setOff);
    if (!before && !dashedOn && cue.scopes.some((scope) => scope.start >= cue.word.end && hasVerb(scope))) return false;
    // (Nor one in a clause of its own joined by "and" or "as", with an object of its own: "Two
    // drones exploded over the Kremlin, and Russia is blaming Ukraine", "Drones downed over
    // Kremlin as Moscow blames Kyiv".)
    // (Not a phrase of time: "…, as Podolyak warned that same day" may be the claim's source.)
    // (Nor one who tells a hearer: "…, as his spokesman told RIA Novosti" may be the claim's source.)
    const joined = /^(and|as|while)$/.test(view.tokens[cue.source.start - 1]?.lower ?? '') && !TELLING.has(view.tokens[cue.word.start].key);
    const ownObject = (scope: Span) => view.wordCount(scope) > 0 && !view.startsWith(scope.start, FRAME.preposition) && !view.tokens.slice(scope.start, scope.end).every((token, k) => view.isPunct(scope.start + k) || TIME_WORDS.has(token.lower) || /^(the|that|same|this|very|day|week|hours?|minutes?)$/.test(token.lower)) && !adjunctOnly(view, scope.start, view.isPunct(scope.end - 1) ? scope.end - 1 : scope.end);
    if (!before && !dashedOn && joined && cue.scopes.some((scope) => scope.start >= cue.word.end && ownObject(scope))) return false;
    // (An end attribution after a semicolon may cover the clause before it too: "Putin was not
    // there; he was at his residence, his spokesman said", "…; he was at his residence, per his spokesman".)
    // (So may "…; he was at his residence, as his spokesman pointed out".)
    const asAfter = view.tokens[cue.source.start - 1]?.lower === 'as' && view.isPunct(cue.source.start - 2, ',');
    const endAttribution = cue.rule === 'end-attribution' || cue.rule === 'inverted-end-attribution' || cue.rule === 'end-attribution-aside' || cue.kind === 'according' || asAfter;
    if (before ? boundaryBetween(cue.word.end, framed.match.start) : boundaryBetween(framed.match.end, cue.word.start, !endAttribution && !dashedOn)) return false;
    // (A speaker inside a "that" clause after the claim speaks in that clause.)
    // (Not "that" as a determiner: "… that night; he was at …, as his spokesperson confirmed".)
    if (!before) for (let k = framed.match.end; k < cue.source.start; k++) if (view.tokens[k].lower === 'that' && !TIME_WORDS.has(view.tokens[k + 1]?.lower ?? '') && !/^(day|week|time|evening)$/.test(view.tokens[k + 1]?.lower ?? '')) return false;
    // (Nor one who is the subject of a relative clause without "that" on a noun after the claim:
    // "A clip showed a flash …, during a raid Moscow blamed on Kyiv".)
    if (!before && cue.source.start > 0 && !view.tokens[cue.source.start - 1].capitalised && view.wordClass(cue.source.start - 1) === 'NOUN') return false;
    const ref = resolveSource(view, cue.source, input.occurrences, input.pack, input.context, 'any');
    // (An unnamed or unresolved speaker before the claim may reach it as well: "Officials said
    // …", "He told reporters …" — the reading only failed to tie the words.)
    return ref.kind === 'party' || ref.kind === 'named' || (before && (ref.kind === 'vague' || ref.kind === 'unresolved'));
  };
  if (framed.framing === 'unattributed' && cues.some(speaksUntied)) return 'someone speaks in the sentence, and the reading cannot tell whether this claim is in their words';
  // A claim that its own side denies is seldom put in the writer's voice: measured on published
  // coverage, such a reading in a sentence with a reporting word that no rule could read was
  // almost always an attribution in a construction not read ("… in what officials there
  // describe as …", "Moscow's version, carried by state television, holds that …").
  // (Not a call or a wish, "calls to punish Kyiv"; not a gerund after a preposition, "motives for
  // publicising the episode"; not "state" in "state media".)
  const speaking = (o: Occurrence) => {
    const word = view.tokens[o.start].lower;
    if (NON_ASSERTIVE.test(word) || /^call/.test(word) || lacksItsComplement(view, o.start, o.end)) return false;
    if (/ing$/.test(view.tokens[o.end - 1].lower) && o.start > 0 && view.startsWith(o.start - 1, FRAME.preposition)) return false;
    // (Nor words that only come after the claim's event: "His remarks followed the raid on …".)
    if (/^(followed|follows|follow|came|come|comes|preceded)$/.test(view.tokens[o.end]?.lower ?? '')) return false;
    return !(word === 'state' && isNounUse(view, o.start, o.end));
  };
  // (A verb whose subject holds the claim reports nothing about it: "The attempted assassination … has put …".)
  const subjectHolds = (o: Occurrence) => cues.some((cue) => overlaps(cue.word, o) && cue.source !== null && cue.source !== undefined && overlaps(cue.source, framed.match));
  // (A word already read as a cue counts too: its reading left this claim outside what it reports.)
  // (Nor a verb in a relative clause opened by a preposition after the claim: "the plot … was the
  // story through which state channels read every other event" says what the channels did with it.)
  const inLaterRelative = (o: Occurrence) => o.start > framed.match.end && view.tokens.slice(framed.match.end, o.start).some((t, k) => /^(which|whom)$/.test(t.lower) && view.wordClass(framed.match.end + k - 1) === 'ADP');
  const reportNotTied = (o: Occurrence) => !overlaps(o, framed.match) && speaking(o) && !subjectHolds(o) && !inLaterRelative(o) && !(o.end <= framed.match.start ? boundaryBetween(o.end, framed.match.start) : boundaryBetween(framed.match.end, o.start));
  // (A noun for words counts when something marks it as someone's: "the Kremlin's account",
  // "the claim that …", "a statement from Moscow"; "neutralise the threat" names a danger.)
  const ownedWords = (o: Occurrence) => {
    const next = view.tokens[o.end]?.lower ?? '';
    const before = view.tokens[o.start - 1];
    // ("hawkish pro-Kremlin figures lined up": people, unless a number's: "figures of …", "figures that …".)
    if (/^figures?$/.test(view.tokens[o.start].lower) && !/^(of|that|:)$/.test(next)) return false;
    return /^(that|of|from|by|:|,)$/.test(next) || (before !== undefined && (before.capitalised || isPossessiveMark(before.text) || view.startsWith(o.start - 1, FRAME.possessivePronoun)));
  };
  const reportingWord = (label: string) => (o: Occurrence) => reportNotTied(o) && (label !== FRAME.claimNoun || ownedWords(o));
  if (framed.framing === 'unattributed' && framed.claim.claim.status === 'denied' && [FRAME.report, FRAME.deny, FRAME.according, FRAME.claimNoun].some((label) => view.frame.get(label)?.some(reportingWord(label)))) {
    return 'a reporting word the reading could not tie to a speaker stands in the sentence, and the claim is one its own side denies';
  }
  return undefined;
}

/**
 * "Zakharova remarked on the raid on the citadel", "asked about the raid": the noun phrase a
 * verb of speaking is about names the topic in the writer's words; what was said is not in it.
 */
const TOPIC_VERBS = /^(comment|remark|speak|talk|refer|respond|react|reply|ask|discuss|address|mention|tell|inform|brief)/;
// ("told the media about the raid": the one told, before the topic.)
const MAX_TOPIC_OBJECT = 4;
function namesTopic(view: SentenceView, cue: Cue | undefined, match: PatternMatch): boolean {
  if (!cue || cue.kind !== 'verb') return false;
  const verb = cue.word.end - 1;
  if (!TOPIC_VERBS.test(view.lemma(cue.word.start)) || view.wordClass(cue.word.start) !== 'VERB') return false;
  let k = cue.word.end;
  // (The one told may stand first: "told the media about the raid".)
  let object = k;
  while (object < Math.min(match.start, k + MAX_TOPIC_OBJECT) && /^(DET|ADJ|NOUN|PROPN|PRON)$/.test(view.wordClass(object) ?? '') && !view.isPunct(object)) object++;
  if (object > k && /^(about|regarding)$/.test(view.tokens[object]?.lower ?? '')) k = object + 1;
  // (The preposition may be part of the cue's words: "spoke about", "referred to".)
  else if (/^(on|about|to|regarding|over)$/.test(view.tokens[k]?.lower ?? '')) k++;
  else if (!/^(discuss\w*|address\w*|mention\w*|about|on|to|of)$/.test(view.tokens[verb].lower)) return false;
  // ("spoke of a premeditated strike on the residence": an indefinite phrase is what they said there was, not a topic the writer takes as given.)
  if (/^(a|an)$/.test(view.tokens[k]?.lower ?? '')) return false;
  while (k < match.start && (view.isCovered(k, FRAME.determiner) || /^(ADJ|NUM)$/.test(view.wordClass(k) ?? ''))) k++;
  if (k === match.start) return true;
  // ("spoke about the president's reaction to the raid": the claim deeper in the topic's noun phrase,
  // through possessives and "of", "to", "on", with no verb or punctuation between.)
  for (; k < match.start; k++) {
    if (view.isPunct(k) && !isPossessiveMark(view.tokens[k].text)) return false;
    if (!/^(DET|ADJ|NUM|NOUN|PROPN|PART)$/.test(view.wordClass(k) ?? '') && !/^(of|to|on|over|about|for)$/.test(view.tokens[k].lower)) return false;
  }
  return true;
}

/** Verbs by which a party declares a position or a threat: "reserve the right", "vow". */
const DECLARING = new Set(['reserve', 'vow', 'pledge', 'promise', 'threaten', 'warn']);

/**
 * "Moscow reserved the right to retaliate", "Russia has vowed to respond": a statement whose
 * claimant, as the subject of its clause, declares it in the past tense narrates the declaration. (In the
 * present, "Russia reserves the right to retaliate", the writer states the position as fact.)
 */
function declaredInThePast(input: FrameInput, framed: FramedMatch): boolean {
  const { view, pack, occurrences } = input;
  const { match, claim } = framed;
  if (claim.claim.status !== 'statement' || framed.cue) return false;
  const clauseStart = clauseStartBefore(view, match.start);
  const declares = (from: number) => {
    for (let k = from; k < match.end; k++) {
      const lower = view.tokens[k].lower;
      if (/^(has|have|had)$/.test(lower)) continue;
      if (!view.isVerbal(k)) continue;
      return lower !== view.lemma(k) && !lower.endsWith('s') && DECLARING.has(view.lemma(k));
    }
    return false;
  };
  return occurrences.some((o) => {
    if (o.start < clauseStart || o.start > match.start || !o.label.startsWith('p:')) return false;
    const mention = pack.mentions.get(o.label);
    return mention !== undefined && claim.claim.claimants.includes(mention.party.id) && declares(o.end);
  });
}

/**
 * The token of the first clause boundary between a match's parts, or -1: a semicolon, a lone
 * dash, or a comma before a new subject ("While Moscow blamed Ukraine, Kyiv …") that no second
 * comma closes as an aside ("Ukraine, Peskov stressed, does not …"). A relative clause or a
 * participle after a comma ("Putin, who …", "…, defending …") opens none.
 */
export function clauseBoundaryIn(view: SentenceView, match: PatternMatch): number {
  // A relative aside ends at its closing comma: "the Red Fort, which officials said was the
  // target of a Ukrainian drone attack, contains the president's residence".
  const parts = presentParts(match);
  for (const aside of relativeAsides(view)) {
    const inside = parts.some((part) => part.start >= aside.start && part.end <= aside.end);
    if (inside && parts.some((part) => part.start >= aside.end)) return aside.end;
    // ("…, which Moscow has called a terrorist act": the aside's own reporting verb frames its part.
    // "Putin, who was at Novo-Ogaryovo, …" keeps its antecedent.)
    const reports = () => { for (let k = aside.start; k < aside.end; k++) if (view.isCovered(k, FRAME.report)) return true; return false; };
    if (inside && parts.some((part) => part.end <= aside.start) && reports()) return aside.start;
  }
  for (const gap of gaps(match)) {
    let dash = -1;
    for (let k = gap.start; k < gap.end; k++) {
      if (view.isPunct(k, ';')) return k;
      // ("It is predictable… Russia is preparing …": an ellipsis before a capital ends a sentence inside a quotation.)
      if ((view.isPunct(k, '…') || (view.isPunct(k, '.') && view.isPunct(k - 1, '.'))) && view.tokens[k + 1]?.capitalised && !view.isPunct(k + 1)) return k;
      if (view.isPunct(k, '–—')) dash = dash < 0 ? k : -1;
      // ("The interception happened long before two drones reached …": a subordinate clause
      // of time or cause holds words of its own, not the rest of the main clause's.)
      if ((SUBORDINATOR.test(view.tokens[k].lower) || causalAs(view, k)) && opensClause(view, k + 1)) return k;
      // (", and the citadel is …": a conjunction after the comma may open the clause.)
      if (!view.isPunct(k, ',')) continue;
      const opens = opensClause(view, k + 1) || (/^(and|but|or|yet|so)$/.test(view.tokens[k + 1]?.lower ?? '') && opensClause(view, k + 2));
      if (!opens) continue;
      let close = k + 1;
      while (close < gap.end && !view.isPunct(close, ',')) close++;
      if (close >= gap.end) return k;
      k = close;
    }
    // (A dash before a phrase that opens no clause elaborates: "working at another residence –
    // at Novo-Ogaryovo".)
    if (dash >= 0 && opensClause(view, dash + 1)) return dash;
  }
  return -1;
}

// Openers of a clause of time, cause or concession inside a claim's words. (Not all of
// FRONTED_SUBORDINATORS: a match across "when", "while" or "if" is read by the doubt,
// condition and time-phrase checks; tried as boundaries, they lost right Warnings.)
const SUBORDINATOR = /^(after|before|since|until|because|although|though|whereas|unless)$/;

/** "as" and a pronoun opening a clause of reason or time ("was unhurt as he was working elsewhere"), not "as a pretext". */
const causalAs = (view: SentenceView, k: number) =>
  view.tokens[k].lower === 'as' && /^(he|she|it|they|we)$/.test(view.tokens[k + 1]?.lower ?? '') && !/^(such|well|so|as|just)$/.test(view.tokens[k - 1]?.lower ?? '');

/** Whether the words from i open a clause of their own: a subject (a name, a pronoun, a determined noun) then, soon, a verb. */
function opensClause(view: SentenceView, i: number): boolean {
  const first = view.wordClass(i);
  if (!first || !/^(PROPN|PRON|DET|NOUN|NUM|ADJ)$/.test(first) || /^(who|whom|whose|which|where|when)$/.test(view.tokens[i].lower)) return false;
  for (let j = i + 1; j < Math.min(view.length, i + 6); j++) {
    if (view.isPunct(j)) return false;
    if (view.isVerbal(j)) return true;
  }
  return false;
}

/** Where the main clause starts after an opening "Whether or not …," that ends before i; 0 when there is none. */
function afterWhetherOrNot(view: SentenceView, i: number): number {
  const first = firstWord(view);
  if (!(view.tokens[first]?.lower === 'whether' && view.tokens[first + 1]?.lower === 'or' && view.tokens[first + 2]?.lower === 'not')) return 0;
  for (let j = first + 3; j < i; j++) if (view.isPunct(j, ',')) return j + 1;
  return 0;
}

/**
 * "If the envoy is right, Kyiv had no hand in it, and in any case both were jammed": the index after
 * a phrase that sets aside what came before ("in any event", "either way", "regardless"), or 0.
 */
function afterSettingAside(view: SentenceView, i: number): number {
  const w = (k: number) => view.tokens[k]?.lower ?? '';
  let after = 0;
  for (let j = 0; j < i; j++) {
    if ((w(j) === 'in' && w(j + 1) === 'any' && /^(event|case)$/.test(w(j + 2))) || (w(j) === 'at' && w(j + 1) === 'any' && w(j + 2) === 'rate')) after = j + 3;
    else if (w(j) === 'either' && w(j + 1) === 'way') after = j + 2;
    else if (w(j) === 'regardless' && !/^(of|whether)$/.test(w(j + 1))) after = j + 1;
  }
  return after > 0 && after <= i && view.tokens.slice(0, after).some((t) => t.text === ',') ? after : 0;
}

/** A verb in the past at i: "fired", "sent", "flew". */
function pastVerb(view: SentenceView, i: number): boolean {
  const lower = view.tokens[i]?.lower ?? '';
  if (/ed$/.test(lower)) return true;
  return view.wordClass(i) === 'VERB' && view.lemma(i) !== lower && !/s$/.test(lower) && !/ing$/.test(lower);
}

/**
 * "Given that the drones got as far as Moscow, what …?", "… a week after Kyiv's drones reached
 * the Kremlin?": a clause of time or reason in a question, its verb in the past, takes what it
 * says as given; the question asks about something else.
 */
function givenInQuestion(view: SentenceView, match: PatternMatch): boolean {
  for (let k = match.start - 1; k >= Math.max(0, match.start - 4); k--) {
    if (view.isPunct(k) && !isPossessiveMark(view.tokens[k].text)) return false;
    const word = view.tokens[k].lower;
    const opens = /^(after|since|once)$/.test(word) || (word === 'that' && /^(given|now)$/.test(view.tokens[k - 1]?.lower ?? ''));
    if (!opens) continue;
    const end = Math.min(clauseEndAfter(view, match.start), nextIndexOf(view, match.start, ',;:?'));
    // (Not a present or a modal: "After the drones are shot down next time, will …?" asks of a case.)
    if (view.tokens.slice(k + 1, end).some((t) => /^(is|are|am|be|will|would|can|could|may|might|shall|should)$/.test(t.lower))) return false;
    for (let j = k + 1; j < end; j++) if (view.wordClass(j) === 'VERB' && pastVerb(view, j)) return true;
    return false;
  }
  return false;
}

/** A colon right after the phrase, then a question that asks who, why or how (not whether it happened). */
function asksWhoAfterColon(view: SentenceView, end: number): boolean {
  if (!view.isPunct(end, ':')) return false;
  if (!/^(who|whom|why|how|what)$/.test(view.tokens[end + 1]?.lower ?? '')) return false;
  for (let k = end + 2; k < view.length; k++) if (QUESTIONING_WORDS.test(view.tokens[k].lower)) return false;
  return true;
}

/**: a statement that ends at a dash or
 * a colon before a question of its own, opened by a question word, is asserted; the question is about it.
 */
function statedBeforeQuestion(view: SentenceView, match: PatternMatch): boolean {
  const opener = view.tokens[questionStart(view)]?.lower ?? '';
  if (QUESTION_OPENERS.test(opener) || /^(who|what|why|how|when|where|which|whether)$/.test(opener)) return false;
  for (let k = match.end; k < view.length; k++) {
    if (view.tokens[k].text === '?') return false;
    // ("Two drones exploded above the Kremlin; how serious is this?": a statement, then a question of its own after a semicolon.)
    if (view.isPunct(k, ';')) return QUESTION_OPENERS.test(view.tokens[k + 1]?.lower ?? '') || QUESTION_WORDS.test(view.tokens[k + 1]?.lower ?? '');
    // ("Putin was at Novo-Ogaryovo, so what was the point?": ", so" and a question word open a question of its own.)
    if (view.isPunct(k, ',') && /^(so|then)$/.test(view.tokens[k + 1]?.lower ?? '') && (QUESTION_WORDS.test(view.tokens[k + 2]?.lower ?? '') || QUESTION_OPENERS.test(view.tokens[k + 2]?.lower ?? ''))) return true;
    if (!view.isPunct(k, '–—:')) continue;
    const next = view.tokens[k + 1]?.lower ?? '';
    // (A question word asks about what was stated; "did it really happen?" doubts it.)
    // ("Peskov has called for …, is that policy?": "is that" asks about the statement too.)
    // (Only after a clause: "an attempt on his life — does that stand up?" asks about the phrase.)
    const clauseBefore = () => view.tokens.slice(0, k).some((_, j) => /^(VERB|AUX)$/.test(view.wordClass(j) ?? ''));
    return QUESTION_WORDS.test(next) || (QUESTION_OPENERS.test(next) && /^(that|this)$/.test(view.tokens[k + 2]?.lower ?? '') && clauseBefore());
  }
  return false;
}

/** Where a question starts, past a discourse word the sentence opens with ("So, who …") and, if asked, a short label before a colon. */
function questionStart(view: SentenceView, pastLabel = false): number {
  let k = firstWord(view);
  // ("Evening transcript: Who sent the drones?": a short label before a colon is no part of the question.)
  const colon = pastLabel ? nextIndexOf(view, k, ':') : view.length;
  if (colon < view.length && colon - k <= 6 && colon + 1 < view.length) k = colon + 1;
  while (k < view.length && (/^(so|and|but|then|now|well)$/.test(view.tokens[k].lower) || view.isPunct(k, ','))) k++;
  return k;
}

const QUESTION_OPENERS = /^(did|does|do|was|is|were|are|has|have|had|could|can|will|would|should|might)$/;
const QUESTION_WORDS = /^(who|what|why|how|when|where|which)$/;
const QUESTIONING_WORDS = /^(truth|true|really|actually|real|genuine|fake|staged|happen|happened|prove|proves|confirm|confirms|establish|establishes|verify|verifies)$/;

/**
 * A noun phrase that names the event itself ("the Kremlin drone strike", "the attack"): a
 * question about something else takes it as given ("Who gains from the Kremlin drone attack?",
 * "Did Kyiv orchestrate the Kremlin drone strike?"); "the drones over the Kremlin" names no event.
 */
function presupposedEvent(view: SentenceView, match: PatternMatch): boolean {
  if (match.pattern.form !== 'np') return false;
  let k = beforeNounPhrase(view, match);
  // ("Did Kyiv order a drone raid on the Kremlin?": an indefinite phrase is what the
  // question asks about, not something it takes as given.)
  if (k >= 0 && /^(a|an|any)$/.test(view.tokens[k].lower)) return false;
  if (k >= 0 && view.isCovered(k, FRAME.determiner)) k--;
  // ("After the drone strike on the Kremlin, is Putin really safe?": a time phrase set off before
  // the question takes the event as given, whatever the question asks.)
  const comma = nextIndexOf(view, match.end, ',');
  if (k >= 0 && /^(after|since|following|amid)$/.test(view.tokens[k].lower) && comma < view.length && comma - match.end <= 3) {
    if (namesEvent(view, match)) return true;
  }
  // ("The drone attack on the Kremlin: staged?": a question about the phrase it opens with;
  // "Kremlin Drone Attack: Who Is Responsible?" asks who did what the phrase names.)
  if (k < 0 || view.isPunct(k, '#') || k < firstWord(view)) return asksWhoAfterColon(view, match.end);
  // ("Did the drone attack really happen?": the question's own subject is what it asks about.)
  if (k === firstWord(view) && QUESTION_OPENERS.test(view.tokens[k].lower)) return false;
  // ("Was it an assassination attempt?": a question with "be" asks what the thing is.)
  if (/^(was|is|were|are)$/.test(view.tokens[questionStart(view)]?.lower ?? '')) return false;
  // ("What really happened in the night raid?", "Was it really an attack?": the question doubts the event.)
  if (view.tokens.some((token) => QUESTIONING_WORDS.test(token.lower))) return false;
  // ("Night raid on the citadel: a plot to kill or a set-up?": the alternatives are what it asks about.)
  if (view.tokens.some((token, i) => i >= match.end && token.lower === 'or')) return false;
  return namesEvent(view, match);
}

/** Back over the noun phrase's own words before the match ("the drone attack on …") to what precedes it. */
function beforeNounPhrase(view: SentenceView, match: PatternMatch): number {
  let k = match.start - 1;
  while (k >= 0 && !view.isPunct(k) && !view.isCovered(k, FRAME.determiner) && /^(NOUN|PROPN|ADJ|ADV|NUM)$/.test(view.wordClass(k) ?? '')) k--;
  return k;
}

/** The match holds a word that names the event: "attack", "strike", "raid". */
function namesEvent(view: SentenceView, match: PatternMatch): boolean {
  for (let j = match.start; j < match.end; j++) if (EVENT_HEADS.test(view.tokens[j].lower)) return true;
  return false;
}

/**
 * ("We asked him what to make of the drone attack on the Kremlin", "Neither tells you who was
 * behind the raid": a question, asked or left unanswered, about a definite event takes the event
 * as given; the question word between the verb and the phrase says so. The presupposition is the writer's.)
 */
function askedAboutGivenEvent(view: SentenceView, cue: Cue, match: PatternMatch): boolean {
  if (cue.polarity !== 'mention' || cue.kind !== 'verb' || cue.word.end > match.start) return false;
  if (!view.tokens.slice(cue.word.end, match.start).some((t) => /^(who|whom|what|why|how)$/.test(t.lower))) return false;
  const k = beforeNounPhrase(view, match);
  if (k < 0 || !(view.isCovered(k, FRAME.determiner) || isPossessiveMark(view.tokens[k].text)) || /^(a|an|any|no)$/.test(view.tokens[k].lower)) return false;
  return namesEvent(view, match);
}

/**
 * "Not one of them could say who sent two drones over the Kremlin": a denied report of who,
 * how or why, or a question asked about it, frames none of what its question takes as given.
 */
function unansweredQuestion(view: SentenceView, cue: Cue, match: PatternMatch): boolean {
  if (cue.kind !== 'verb' || cue.word.end > match.start) return false;
  let wh = cue.scopes.find((scope) => scope.start <= match.start && match.end <= scope.end)?.start;
  // ("wondered aloud who …": an adverb may open the scope.)
  if (wh !== undefined && view.wordClass(wh) === 'ADV' && !GIVEN_DEED_QUESTION.test(view.tokens[wh].lower)) wh++;
  if (wh === undefined || !GIVEN_DEED_QUESTION.test(view.tokens[wh]?.lower ?? '')) return false;
  // ("An air force general wondered aloud who had flown the pair of drones": asked, not answered.)
  if (/^(ask|wonder)/.test(view.tokens[cue.word.start].lower)) return true;
  for (let k = clauseStartBefore(view, cue.word.start); k < cue.word.start; k++) if (negates(view, k)) return true;
  return false;
}

/** A condition set off by a dash, comma or bracket after the claim and the words that complete its noun phrase ("against Putin"). */
function conditionSetOffAfter(view: SentenceView, from: number): boolean {
  let k = from;
  while (k < Math.min(view.length, from + 4) && !view.isPunct(k) && !view.isVerbal(k)) k++;
  return /^[-–—,(]$/.test(view.tokens[k]?.text ?? '') && view.startsWith(k + 1, FRAME.condition);
}

function readFraming(input: FrameInput, claim: CompiledClaim, match: PatternMatch): FramedMatch | null {
  const { view, pack, cues, occurrences, context } = input;
  // `whole`: the reason holds for every part of the match (its negation, hedge or modal covers
  // them), so a shorter reading inside it is not asserted either.
  const skip = (reason: string, whole = false): null => {
    input.explain?.(reason, claim, match, whole);
    return null;
  };
  // ("Putin's assassination plot foiled? : an expert explains": a question mark after the claim.)
  // ("Who tried to kill Putin?": a question about who did it, its verb straight after "who" and
  // in the past, takes the deed as given.)
  const asked = questionStart(view, true);
  const askedWho = view.tokens[asked]?.lower === 'who' && match.start >= asked && pastVerb(view, asked + 1);
  // ("Why did Kyiv send drones over the Kremlin?": a question about why it was done, in the past, takes the deed as given.)
  // (So does "How did two drones get that far?": the manner is asked, the deed taken as given.)
  // ("Why were both drones downed so late?": with a past "be" or "had" too.)
  // ("How do you explain that two drones got so close?": what the question asks to explain is given.)
  const whyOrHow = /^(why|how)$/.test(view.tokens[asked]?.lower ?? '');
  const explained = () => view.tokens.slice(asked + 1, match.start).some((t, k) => /^explain/.test(t.lower) && /^(that|why|how)$/.test(view.tokens[asked + 2 + k]?.lower ?? ''));
  const askedWhy = whyOrHow && match.start > asked + 1 && (/^(did|was|were|had)$/.test(view.tokens[asked + 1]?.lower ?? '') || explained());
  if ((view.question || view.tokens.some((t, i) => i >= match.end && t.text === '?')) && !askedWho && !askedWhy && !presupposedEvent(view, match) && !statedBeforeQuestion(view, match) && !givenInQuestion(view, match)) return skip('a question');
  // (Words the pattern matches that are not the claim here: `misreadings/`.)
  const misread = MISREADINGS.find((check) => (check.form === 'any' || check.form === match.pattern.form) && check.test(view, match));
  if (misread) return skip(misread.reason);

  const parts = presentParts(match);
  const form = readsAsNounPhrase(view, match) ? 'np' : match.pattern.form;
  // A negated report inside the claim ("Washington cannot confirm …") is the claim itself,
  // not a frame around it: look past it for who says so. (Nor does a verb of speaking frame
  // the noun phrase naming its topic, the writer's wording: "Zakharova remarked on the raid".)
  const candidates = cues.filter(
    (candidate) => !(candidate.polarity === 'mention' && isOwnCue(candidate, parts)) && !(form === 'np' && namesTopic(view, candidate, match)) && !(form === 'np' && askedAboutGivenEvent(view, candidate, match)) && !unansweredQuestion(view, candidate, match),
  );
  const cue = framingCue(view, candidates, match);
  const ownCue = cue !== undefined && isOwnCue(cue, parts);
  // ("branded Kyiv a terrorist state after the raid on the Kremlin": a match that starts in
  // someone's words and ends in the writer's joins words of two voices.)
  if (!cue && candidates.some((c) => c.word.end <= match.start && c.scopes.some((scope) => scope.start <= match.start && match.start < scope.end && scope.end < match.end))) {
    return skip('the match runs out of the reported words');
  }
  if (cue?.polarity === 'mention') return skip(`named without being asserted (${cue.rule})`);
  // ("… said describing the raid as a bid on his life was a mistake": the claim's own
  // naming verb, as a gerund subject, names the act of calling it so; no one asserts it.)
  if (cues.some((c) => c.rule === 'gerund-subject' && c.word.start === match.start)) return skip('named without being asserted (a gerund subject)');
  // ("The claim that Ukraine sent the drones is a pretext, according to Podolyak": a claim
  // named by a noun with no owner, inside someone's words, is what they speak about.)
  const namedInWords = (c: Cue) =>
    c !== cue && c.kind === 'noun' && c.source === null && NAMING_NOUNS.test(view.tokens[c.word.end - 1].lower) && c.word.end <= match.start &&
    c.scopes.some((scope) => scope.start <= match.start && match.end <= scope.end) && cue!.scopes.some((scope) => c.word.start >= scope.start && c.word.end <= scope.end);
  if (cue?.source && candidates.some(namedInWords)) return skip('a claim named by a noun inside someone’s words');
  // ("The charge was that the pilots of those drones had plotted to kill Putin": a match that
  // starts before words only named and ends inside them asserts none of it.)
  // (Only a noun that names words as disputed: "said in a post that …" is the post's content, said.)
  const naming = (c: Cue) => c.polarity === 'mention' && (c.kind !== 'noun' || NAMING_NOUNS.test(view.tokens[c.word.end - 1].lower));
  if (candidates.some((c) => naming(c) && c.scopes.some((scope) => match.start < scope.start && scope.start < match.end && match.end <= scope.end))) {
    return skip('the match runs into words that are only named');
  }
  // ("Podolyak said the accusation that Ukraine sent the drones might mean …": words
  // only named inside someone's words are named by them, not asserted.)
  if (cue && candidates.some((c) => naming(c) && c.word.start > cue.word.start && c.word.end <= match.start && c.scopes.some((scope) => scope.start <= match.start && match.end <= scope.end))) {
    return skip('named without being asserted, inside reported words');
  }
  if (!ownCue && isHedgedMention(view, match, form)) return skip('a hedged mention (alleged, purported, scare quotes)', true);
  // "Kyiv said Moscow would use…", "Moscow accused Kyiv of staging…": a speaker in the
  // first slot is not the agent of the action after the reporting verb.
  if (straddlesSource(view, cues, match)) return skip('the match mixes a speaker with what is said');

  // Doubt, conditions and habits in the clause before the claim: not an assertion.
  const clauseStart = Math.max(clauseStartBefore(view, match.start), ownCue || !cue ? 0 : Math.min(...cue.scopes.map((s) => s.start)));
  // ("Whether or not Kyiv had a hand in it, the night raid on the citadel was no one-off": the
  // main clause after "whether or not …," holds whatever the opening clause leaves open.)
  const before: Span = { start: Math.max(clauseStart, afterWhetherOrNot(view, match.start), afterSettingAside(view, match.start)), end: match.start };
  // ("It remains unclear who was behind the attack": a doubt about who did it takes the event
  // named after the question word as given; so does "a question about the drone attack".)
  const askedAbout = () => {
    if (form !== 'np') return false;
    // (After the doubt: "unclear who …"; not the relative pronoun of its doubter, "Mulroy, who doubts it was …".)
    const firstDoubt = Math.min(...(view.frame.get(FRAME.doubt) ?? []).filter((o) => o.start >= before.start && o.end <= before.end).map((o) => o.start));
    const words = view.tokens.slice(Math.max(before.start, Number.isFinite(firstDoubt) ? firstDoubt : before.start), before.end);
    if (words.some((t) => /^(who|whom|why|how)$/.test(t.lower))) return true;
    let k = before.end - 1;
    while (k > before.start && (view.isCovered(k, FRAME.determiner) || /^(ADJ|NUM)$/.test(view.wordClass(k) ?? ''))) k--;
    return /^(about|on|over|regarding|concerning)$/.test(view.tokens[k]?.lower ?? '') && /^questions?$/.test(view.tokens[k - 1]?.lower ?? '');
  };
  // (A statement stays one under a condition set off before it: "If Kyiv strikes again,
  // Russia will retaliate" is the threat.)
  const conditionBefore = occursIn(view, FRAME.condition, before);
  const conditionsStatement = conditionBefore !== undefined && claim.claim.status === 'statement' && nextIndexOf(view, conditionBefore.end, ',') < match.start;
  // ("hard to call the raid a plot on his life": a doubt that ends on the match's first word opens it.)
  const doubtOpens = (view.frame.get(FRAME.doubt) ?? []).some((o) => o.start >= before.start && o.start < match.start && o.end === match.start + 1);
  if (((doubtIn(view, before) || doubtOpens) && !askedAbout()) || (conditionBefore && !conditionsStatement)) return skip('doubt or a condition before it');
  // ("this assassination attempt – if proven – threatens …", "the attack, if confirmed, …": a
  // condition set off right after the claim holds it.)
  if (conditionSetOffAfter(view, match.end)) return skip('a condition set off after it');
  if (isHypothetical(view, match)) return skip('a possibility (a modal or an indefinite case)');
  // "Two Ukrainian drones would have aimed to …": a modal inside a claim of fact makes it a
  // possibility (a position or a speculation, "could be behind", carries its own).
  if (claim.claim.status !== 'statement' && gaps(match).some((gap) => modalIn(view, gap))) return skip('a possibility (a modal inside it)', true);
  // (Inside someone's words, "the video shows the raid may have been staged", the doubt is
  // theirs; "the footage showing the strike was not confirmed" doubts the footage: a participle
  // after a noun describes it, and the clause's verb is the noun's.)
  const describesNoun = cue !== undefined && /ing$/.test(view.tokens[cue.word.start].lower) && /^(NOUN|PROPN)$/.test(view.wordClass(cue.word.start - 1) ?? '');
  // (A speaker who calls the claim unlikely doubts it: "Mulroy told the BBC an attempt on Putin's life was unlikely".)
  // ("Video of a blast above the palace has not been verified": the predicate after "footage of …" is the footage's.)
  if ((!cue || (form === 'np' && !describesNoun) || cue.kind === 'verb' || cue.kind === 'footage') && doubtPredicated(view, match)) return skip('doubt after it');
  if (gaps(match).some((gap) => doubtIn(view, gap) || occursIn(view, FRAME.condition, gap))) return skip('doubt or a condition inside it', true);
  // "the ban on drone flights, saying only that it would stop their use": a reporting verb
  // and "that" open a clause of its own; a match does not reach into it from outside.
  if (gaps(match).some((gap) => opensReportedClause(view, gap))) return skip('the match reaches into a reported clause');
  // (Inside someone's words, a habit they speak of: "US intelligence found Russia planned false
  // flag attacks throughout the war"; one before the cue is how often they speak.)
  const habitFrom = cue && !ownCue ? Math.max(clauseStart, cue.word.end) : clauseStart;
  // (Not a habit word that is the pattern's own: "no drone had previously got this close".)
  const habit = (!cue || !ownCue) && view.frame.get(FRAME.habitual)?.some((o) => o.start >= habitFrom && o.end <= habitScopeEnd(view, match.end) && !presentParts(match).some((part) => o.start >= part.start && o.end <= part.end));
  if (habit) return skip('a habit, not an event');

  if (negatedGoverningVerb(view, match)) return skip('the verb it depends on is negated', true);
  if (gaps(match).some((gap) => bannedIn(view, gap))) return skip('a ban on it (“banned from …”)');
  if (endsInGenericPlural(view, match) || genericSubject(view, match)) return skip('a kind of activity (a bare plural), not the event');
  if (happenedBefore(view, match)) return skip('a perfect closed by "before": earlier occasions, not the event');
  if (form === 'np' && anyBefore(view, match.start)) return skip('“any” before it: no particular event');
  let negated = isNegated(view, match);
  // "X denied it" negates what it covers — unless what follows is already the negative
  // statement itself ("refuted it by stating, 'We don't attack Putin'").
  const negatedAfterDenial = cue !== undefined && gaps(match).some((gap) => view.frame.get(FRAME.negator)?.some((o) => o.start >= Math.max(gap.start, cue!.word.end) && o.end <= gap.end));
  if (cue && cue.polarity === 'deny' && !ownCue && !negatedAfterDenial) negated = !negated;
  if (negated) {
    const replacement = claim.claim.negation ? pack.claimById.get(claim.claim.negation) : undefined;
    if (!replacement) return skip('negated', true);
    claim = replacement;
  }

  const resolve = (c: Cue) => resolveSource(view, c.source, occurrences, pack, context, c.kind === 'footage' ? 'footage' : c.kind === 'colon' ? 'name' : 'any');
  let source: SourceRef | undefined;
  let sourceSpan = cue?.source ?? undefined;
  if (cue) source = resolve(cue);
  let carriedFrom: CarriedSource['named'];
  if (!cue && input.carried) ({ source, named: carriedFrom } = input.carried);
  // ("Astonishing clip of the raid … — NAME (@handle) May 3, 2023": footage whose words name no
  // poster, inside words carried from outside the sentence, is the one they come from.)
  if (cue?.kind === 'footage' && source?.kind === 'artifact' && input.carried) ({ source, named: carriedFrom } = input.carried);
  // "“We consider these actions …,” the ministry said" / "Drones over the Kremlin “can only
  // indicate …,” Podolyak wrote": a speaker the inner cue cannot name is the one whose words
  // hold it — a cue in the same sentence first, then the previous sentence's.
  const speakerless = source !== undefined && (source.kind === 'none' || (source.kind === 'unresolved' && /^(we|i)$/i.test(source.word)));
  if (cue && speakerless) {
    const outer = candidates.find((c) => c !== cue && c.source !== null && c.polarity === 'assert' && c.scopes.some((s) => s.start <= cue.word.start && cue.word.end <= s.end));
    const outerSource = outer ? resolve(outer) : undefined;
    if (outerSource && outerSource.kind !== 'none' && outerSource.kind !== 'unresolved') {
      source = outerSource;
      sourceSpan = outer!.source ?? undefined;
    } else if (input.carried) {
      // ("“Nearly all my partners condemned the attack. …,” the minister said": a subject that
      // names no source, inside words carried from outside the sentence, speaks for their speaker.)
      ({ source, named: carriedFrom } = input.carried);
      sourceSpan = undefined;
    }
  }

  const framed: FramedMatch = { claim, framing: 'unattributed', match, cue, source, sourceSpan, carriedFrom, form };
  if (claim.claim.status === 'reported') return { ...framed, framing: 'reported' };

  if (source) {
    switch (source.kind) {
      case 'party': {
        if (claim.claim.claimants.includes(source.partyId)) {
          // ("Zelensky suggested partisans flew the drones": a claim one named person made, put in
          // the mouth of another person of the same side, is a misattribution; the side itself,
          // "Kyiv suggested …", still speaks for them.)
          const people = claim.claim.claimantPeople;
          // ("An aide to President Zelensky claimed …": a name after "to", "of" or "for", or before a
          // possessive, is not who speaks.)
          const spoken = sourceSpan ? view.tokens.slice(sourceSpan.start, sourceSpan.end) : [];
          // (Not the "of" of a title: "Secretary of State Antony Blinken" is Blinken.)
          const ofTitle = (k: number) => /^(secretary|minister|head|chief|director|chairman|chair|speaker|mayor|prime)$/.test(spoken[k - 1]?.lower ?? '');
          const someoneElse = spoken.some((token, k) => (/^(to|of|for)$/.test(token.lower) && !ofTitle(k)) || isPossessiveMark(token.text));
          // ("A top Zelensky adviser, Mykhailo Podolyak, floated …": the claimant named in the source is who speaks.)
          const claimantNamed = people?.some((name) => spoken.some((token) => token.lower === name.split(' ').at(-1)!.toLowerCase()));
          if (source.person && people && !people.includes(source.person) && !someoneElse && !claimantNamed) return { ...framed, framing: 'misattributed' };
          return { ...framed, framing: 'attributed' };
        }
        // ("Moscow's mayor said no one was hurt": an official of the claimant speaks for it on
        // what happened; what the claimant itself declared stays its own words.)
        const officialOf = pack.parties.get(source.partyId)?.officialOf;
        if (officialOf !== undefined && claim.claim.claimants.includes(officialOf) && claim.claim.status !== 'statement') return { ...framed, framing: 'attributed' };
        if (speaksOfItself(view, cues, match)) return skip("the speaker's own 'we'");
        // What a video posted online is said to show is the video's to carry, whichever claim
        // it is; a video said to come from a party is judged like that party's words.
        if (cue?.kind === 'footage' && pack.parties.get(source.partyId)?.kind === 'platform') return { ...framed, framing: 'attributed' };
        // A presupposed noun phrase inside someone's words is theirs to carry ("Kyiv denied
        // involvement in the drone attack on the Kremlin"); so is an outlet passing a claim on.
        if (form === 'np' && !ownCue) return { ...framed, framing: 'attributed' };
        if (pack.parties.get(source.partyId)?.secondHand) return { ...framed, framing: 'weak', hedge: cue?.source ?? undefined };
        // ("The Kremlin's story: / - Residents reportedly heard bangs …": a sentence's own hedge
        // outweighs a speaker carried in from outside it whose claim it is not.)
        if (!cue && input.carried) {
          const clause: Span = { start: clauseStartBefore(view, match.start), end: clauseEndAfter(view, match.end) };
          const ownHedge = occursIn(view, FRAME.hedge, clause);
          if (ownHedge) return { ...framed, framing: 'weak', hedge: { start: ownHedge.start, end: ownHedge.end } };
        }
        if (ownAssessment(view, cue, match, claim, pack.parties.get(source.partyId)?.kind)) return { ...framed, framing: 'unclear' };
        // ("US officials say Ukraine was behind the drones": a party the pack knows to say the like
        // on its own account makes its own statement, not the claimant's in the wrong mouth. Its
        // named people keep their own words: "Blinken said Ukraine sent them" is still wrong.)
        if (!source.person && claim.claim.counterClaims?.some((counter) => counter.party === source.partyId && counter.stance === 'concurs')) return { ...framed, framing: 'attributed' };
        // "Kiev and Washington deny their involvement": the claimant among several speakers.
        // (A possessor is no speaker: "Moscow's mayor" is the mayor.)
        // (Nor a claimant owned by the speaker: "the Kremlin's own Telegram channel" is the Kremlin.)
        const ownedBySpeaker = (o: Occurrence) => view.tokens.slice(Math.max(cue!.source!.start, o.start - 3), o.start).some((t) => isPossessiveMark(t.text));
        if (cue?.source && occurrences.some((o) => o.start >= cue.source!.start && o.end <= cue.source!.end && claimantMention(pack, claim, o.label) && !isPossessiveMark(view.tokens[o.end]?.text ?? '') && !ownedBySpeaker(o))) return { ...framed, framing: 'attributed' };
        // "He called Ukrainian denials of involvement ridiculous": the claim's own words name its
        // claimant denying; another party reporting the denial does not put it in its own mouth.
        if (namesClaimantDenying(view, match, occurrences, pack, claim)) return { ...framed, framing: 'attributed' };
        // "The EU urged Russia not to use the attack as an excuse": a call or a worry of another
        // party is its own statement, not the claim in the wrong mouth (unless the cue is the claim's own words).
        if (cue && !ownCue && nonAssertive(view, cue)) return { ...framed, framing: 'unclear' };
        // ("Senior Russian official: 'nothing left but to eliminate Zelensky'": an unnamed
        // official of a side may be the person whose claim it is.)
        if (cue?.source && !source.person && unnamedOfficial(view, cue.source, occurrences) && claim.claim.claimants.some((id) => pack.parties.get(id)?.kind === 'person')) return { ...framed, framing: 'unclear' };
        // Posts on a platform passing a claim on are an unnamed source, not the claim in the wrong mouth.
        if (pack.parties.get(source.partyId)?.kind === 'platform') return { ...framed, framing: 'weak', hedge: cue?.source ?? undefined };
        // (An unclean reading is worth a look, not a Warning: Information, saying why. So is a
        // speaker that is a pronoun with parties named before it in the sentence, any of which it
        // may point to: "Russia blamed the US for what it called an attempt on Putin's life".)
        const pronounInside = source.via === 'pronoun' && cue?.source && cue.source.start > 0 && occurrences.some((o) => o.end <= cue.source!.start && pack.mentions.has(o.label));
        const unclean = pronounInside
          ? 'the speaker is a pronoun that may point to another party named before it'
          : source.via === 'role'
            ? 'the speaker is a role (“the government”) whose side is guessed from the sentences before'
            : cue && !ownCue ? uncleanReading(view, pack, cue, candidates, match, (c) => resolve(c), source.partyId) : undefined;
        return unclean ? { ...framed, framing: 'misattributed', unsure: unclean } : { ...framed, framing: 'misattributed' };
      }
      case 'named':
        if (form === 'np' && !ownCue) return { ...framed, framing: 'attributed' };
        if (cue && !ownCue && nonAssertive(view, cue)) return { ...framed, framing: 'unclear' };
        // Someone the pack does not know: wrong only when named as from another country
        // ("German Chancellor Olaf Scholz"); otherwise the reporter should check who it is.
        if (!source.foreign) return { ...framed, framing: 'unclear' };
        // ("According to foreign analysts, Moscow will retaliate": what someone expects a side to
        // do is their forecast, not that side's threat in the wrong mouth.)
        if (view.tokens.slice(match.start, match.end).some((token) => /^(will|would|'ll|’ll)$/.test(token.lower)) && !(cue && isOwnCue(cue, presentParts(match)))) return { ...framed, framing: 'unclear' };
        // ("A foreign defence ministry said a drone blew up over the Kremlin": another country
        // saying an unverified event happened makes a statement of its own, not the claimant's
        // words in the wrong mouth. An accusation someone denies, a threat or a figure is theirs alone.)
        if (claim.claim.status === 'unverified') return { ...framed, framing: 'unclear' };
        {
          const unclean = cue && !ownCue ? uncleanReading(view, pack, cue, candidates, match, (c) => resolve(c), undefined) : undefined;
          return unclean ? { ...framed, framing: 'misattributed', unsure: unclean } : { ...framed, framing: 'misattributed' };
        }
      case 'vague':
        return { ...framed, framing: 'weak', hedge: cue?.source ?? cue?.word };
      case 'unresolved':
        return { ...framed, framing: 'unclear' };
      case 'none': {
        const unread = cue && !ownCue ? speakerNotRead(view, cue, match) : undefined;
        if (unread) return { ...framed, unsure: unread };
        // ("a small local group that posted the first video": the claim is the act of a subject
        // the pack does not know, not the writer's own statement.)
        // (Not footage speaking for itself: "Footage confirmed a burst of flame" is a bare "footage shows".)
        const putOutBy = cue?.source && view.wordCount(cue.source) > 0 && !occursIn(view, FRAME.footage, cue.source) && !EVIDENCE_HEADS.test(view.tokens[cue.source.end - 1].lower);
        if (cue && ownCue && putOutBy && claim.claim.claimants.some((id) => pack.parties.get(id)?.kind === 'platform')) return { ...framed, unsure: 'the claim is what someone the pack does not know put out' };
        break;
      }
      case 'artifact':
        if (cue?.hedged || (cue?.source && occursIn(view, FRAME.hedgeAdjective, footageHead(view, cue.source)))) return { ...framed, framing: 'weak', hedge: cue?.hedge ?? cue?.word };
        // ("Footage shows a drone slamming into the dome": the event is what the video shows;
        // the claim about the footage is the one to flag, the event in it is unsure.)
        // (Not a noun phrase the writer takes as given beside the footage: "footage of the drone strike".)
        if (cue?.kind === 'footage' && form === 'clause' && !claim.claim.claimants.some((id) => pack.parties.get(id)?.kind === 'platform')) {
          return { ...framed, unsure: 'the words are what a video is said to show; the claim about the footage covers them' };
        }
        break;
    }
  }
  const hedge = clauseHedge(view, match, form);
  if (hedge) return { ...framed, framing: 'weak', hedge: { start: hedge.start, end: hedge.end } };
  // Words in quotation marks are someone's, never the writer's own voice: right after a sentence
  // that names someone, the quotation is most likely theirs, which the reader may not follow
  // but the writer meant; worth a look, not a Warning. A quotation nobody in view could have
  // said is unsourced (the quote check says so); the claim in it is not the writer's either.
  // (Measured on published coverage: such Warnings were wrong.)
  // (The sentence before's speaker is worked out lazily: asked only for quoted words.)
  const someoneInView = () => context.lastSource !== undefined || context.lastSpeakerUnknown === true || context.mentions.some((mention) => mention.personal);
  if (!framed.unsure && insideQuotation(view, match)) {
    return { ...framed, unsure: someoneInView() ? 'the words are a quotation, and the sentence before names someone who may have said them' : 'the words are a quotation whose speaker the draft does not name' };
  }
  // (A quotation that runs on from an earlier sentence is its speaker's, named or not.)
  if (!framed.unsure && input.opensQuoted && beforeFirstClosingQuote(view, match)) return { ...framed, unsure: 'the words are part of a quotation begun in an earlier sentence' };
  // ("‘Moscow thwarts raid aimed at the president’": a headline that is a quotation whole is someone's words.)
  if (!framed.unsure && view.headline && whollyQuoted(view)) return { ...framed, unsure: 'the headline is a quotation whose speaker it does not name' };
  // ("Kyiv, ‘Ukraine behind the raid on the Kremlin’": a claim that runs into a headline's quotation is partly someone's words.)
  if (!framed.unsure && view.headline && view.quotedSpans().some((quoted) => quoted.start < match.end && match.start < quoted.end && view.wordCount(quoted) >= 3)) {
    return { ...framed, unsure: 'the headline quotes someone it does not name, and the claim runs into the quotation' };
  }
  return framed;
}


/**
 * Why a claim that a reporting word frames, from a subject that names no source, is unsure:
 * most often the construction was misread. ("Drone Claim Is Pretext …": a reporting word
 * before "is" is a noun and reads nothing; a claim before the word is not in its content.)
 */
function speakerNotRead(view: SentenceView, cue: Cue, match: PatternMatch): string | undefined {
  if (match.start < cue.word.end) return undefined;
  // ("Asked why it was in Moscow's interest to accuse Kyiv of …": an infinitive's reporting verb
  // whose subject was not found says what someone might say, not what the writer does.)
  if (cue.kind === 'verb' && view.tokens[cue.word.start - 1]?.lower === 'to') return 'a reporting verb in an infinitive whose subject could not be read';
  if ((cue.kind !== 'verb' && cue.kind !== 'according') || !cue.source || view.wordCount(cue.source) === 0 || view.startsWith(cue.word.end, FRAME.be)) return undefined;
  // ("Western remarks on the raid …" reads; "the prime suspects" has no noun for a subject,
  // "several indicators suggest" and "the incident" are no one speaking, nor is a generic "you",
  // nor words holding a verb.)
  const source = cue.source;
  const head = view.tokens[source.end - 1].lower;
  if (!/^(NOUN|PROPN|PRON)$/.test(view.wordClass(source.end - 1) ?? '') || EVIDENCE_HEADS.test(head) || EVENT_HEADS.test(head) || /^(you|one)$/.test(head)) return undefined;
  for (let k = source.start; k < source.end; k++) if (view.isVerbal(k)) return undefined;
  // ("China called for calm after a drone strike targeted …": a call, or a claim in the writer's
  // time phrase, stays the writer's.)
  if (nonAssertive(view, cue) || timePhraseBefore(view, cue.word.end, match.start)) return undefined;
  return 'a reporting word frames the claim, but who speaks could not be read';
}

// Subjects that are the writer's evidence, not anyone speaking: "several indicators suggest that …".
const EVIDENCE_HEADS = /^(evidence|indications?|indicators?|signs?|facts?|details|circumstances|clues?|traces?)$/;

/** A time opener ("after", "following") between from and the match, with no punctuation after it. */
function timePhraseBefore(view: SentenceView, from: number, matchStart: number): boolean {
  for (let k = matchStart - 1; k >= from && !view.isPunct(k); k--) if (TIME_OPENERS.has(view.tokens[k].lower)) return true;
  return false;
}

/** The match lies in a quotation of three words or more, or after an opening mark that has not closed (a quotation running on). */
/** No closing quotation mark stands before the match's end (in a sentence that opens quoted). */
function beforeFirstClosingQuote(view: SentenceView, match: PatternMatch): boolean {
  for (let i = 0; i < match.end; i++) {
    const text = view.tokens[i].text;
    if (text === '”' || text === '»' || text === '"') return false;
  }
  return true;
}

function insideQuotation(view: SentenceView, match: PatternMatch): boolean {
  if (view.quotedSpans().some((quoted) => quoted.start <= match.start && match.end <= quoted.end && view.wordCount(quoted) >= 3)) return true;
  let open = false;
  for (let i = 0; i < match.start; i++) {
    const text = view.tokens[i].text;
    if (text === '“' || text === '«') open = true;
    else if (text === '”' || text === '»') open = false;
  }
  if (!open) return false;
  for (let i = match.start; i < match.end; i++) if (view.tokens[i].text === '”' || view.tokens[i].text === '»') return false;
  return true;
}

// What a speaker denies having in an event: "no involvement in", "no part in", "nothing to do with".
const DENIED_PART = /^(involvement|involved|part|role|hand|connection|links?|responsibility|responsible|do)$/;

// Subordinators that open an adverbial clause: "…, after two drones blew up above the citadel".
const ADVERBIAL = new Set(['after', 'before', 'when', 'while', 'since', 'because', 'until', 'once']);
// Verbs that label an object: "regards X as Y", "described X as Y".
const LABELLING = /^(regard|describ|call|brand|label|term|consider|view|characteri|portray|depict|see|saw|treat|paint|cast|bill|present)/;

/**
 * Why a misattribution would not be a clean reading. Saying "this party did not say this" needs
 * the party to be the direct speaker of the one cue whose content holds the claim; measured on
 * published copy, these readings were more often a different statement or the writer's words:
 * the cue stands inside another speaker's content, the claim sits in an adverbial clause that
 * the content ends with ("it was on alert after two drones struck …"), or in the
 * object a labelling verb describes ("considers drones sent by partisans as …"). Such a
 * reading stays a misattribution, but unsure: Information that says why, not a Warning.
 */
function uncleanReading(view: SentenceView, pack: CompiledPack, cue: Cue, cues: Cue[], match: PatternMatch, resolve: (cue: Cue) => SourceRef, partyId: string | undefined): string | undefined {
  const parts = presentParts(match);
  const holds = (c: Cue) => parts.every((part) => c.scopes.some((scope) => part.start >= scope.start && part.end <= scope.end));
  // (A video or its caption around the words is where they were said, not another speaker.)
  const outer = cues.find((c) => c !== cue && c.source && c.polarity !== 'mention' && c.kind !== 'footage' && holds(c) && c.scopes.some((scope) => cue.word.start >= scope.start && cue.word.end <= scope.end));
  const outerRef = outer ? resolve(outer) : undefined;
  // (An outlet that reports the words, "…, Reuters reported", leaves the speaker as clean as it was.)
  const outlet = outerRef?.kind === 'party' && pack.parties.get(outerRef.partyId)?.secondHand;
  if (outerRef && !outlet && ((outerRef.kind === 'party' && outerRef.partyId !== partyId) || outerRef.kind === 'named' || outerRef.kind === 'vague')) return 'the cue stands inside another speaker’s words';
  const scope = cue.scopes.find((s) => match.start >= s.start && match.end <= s.end);
  if (!scope) return undefined;
  // ("An aide said Kyiv had no part in the raid that hit the citadel": what a
  // speaker denies any part in is named, not claimed.)
  // (Not "there was no option but to …", which says what must be done.)
  for (let i = scope.start; i < match.start; i++) {
    if (!view.isCovered(i, FRAME.negator)) continue;
    for (let j = i + 1; j < match.start; j++) if (DENIED_PART.test(view.tokens[j].lower)) return 'the claim is named in what the speaker denies';
  }
  // (The clause's subject and verb are the claim's own: "after two drones exploded", not "after the incident there were …".)
  const verbInMatch = () => { for (let j = match.start; j < match.end; j++) if (view.isVerbal(j)) return true; return false; };
  for (let i = scope.start + 1; i < match.start; i++) {
    if (!ADVERBIAL.has(view.tokens[i].lower)) continue;
    let opensClaim = true;
    for (let j = i + 1; j < match.start; j++) if ((view.isPunct(j) && !isQuote(view.tokens[j])) || view.isVerbal(j)) opensClaim = false;
    if (opensClaim && verbInMatch()) return 'the claim is in an adverbial clause of the reported words';
    // ("Moscow accused Kyiv of it, after videos posted online appeared to show a blast over the
    // citadel": a clause set off by a comma may be the writer's, however long.)
    if (view.isPunct(i - 1, ',')) return 'the claim is in an adverbial clause set off after the reported words';
  }
  if (LABELLING.test(view.tokens[cue.word.start].lower)) {
    for (let i = match.end; i < scope.end; i++) if (view.tokens[i].lower === 'as') return 'the claim is the object a labelling verb describes';
  }
  return undefined;
}

/**
 * The words that describe the footage itself: up to its first preposition ("an unverified video"
 * is hedged; "video of the alleged incident" hedges the incident, not what the video shows).
 */
function footageHead(view: SentenceView, source: Span): Span {
  for (let i = source.start + 1; i < source.end; i++) if (view.isCovered(i, FRAME.preposition)) return { start: source.start, end: i };
  return source;
}

export const SEVERITY_RANK: Record<Framing, number> = {
  unattributed: 4,
  misattributed: 4,
  weak: 2,
  unclear: 1,
  attributed: 0,
  reported: 0,
};

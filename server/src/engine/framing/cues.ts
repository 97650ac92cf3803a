import { isQuote, type SentenceView } from '../analysis/sentence';
import { FRAME } from '../lexicon/english';
import { adverbialSince, afterTimePhrase, afterTimeStamp, byNobody, clauseEndAfter, EVENT_HEADS, firstWord, FRONTED_SUBORDINATORS, isSubjectBoundary, nextIndexOf, opensClauseWithSubject, opensNounRelative, pronounAfterFrontedPhrase, quotationEnd, TIME_OPENERS, TIME_WORDS, trimSpan } from './clauses';
import { SENTENCE_RULES, VERB_RULES, type Cue, type Polarity, type VerbSite } from './rules';
import { afterBe, asFollows, isAttributiveParticiple, isBeToIdiom, isNounUse, isParticipleAfterNoun, lacksItsComplement } from './wordUse';

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
    // ("are flashing that": the phrase's first word carries the -ing.)
    const progressive = /ing$/.test(view.tokens[e - 1].lower) || /ing$/.test(view.tokens[i].lower);
    if (isNounUse(view, i, e) || isAttributiveParticiple(view, i, e) || (afterBe(view, i) && !progressive) || isParticipleAfterNoun(view, i, e) || isBeToIdiom(view, i) || goesOnDoing(view, i, e)) continue;
    // ("named Washington as the initiator": naming reports only when "as" says what it names it.)
    if (lacksItsComplement(view, i, e)) continue;
    // "cannot confirm", "did not say", "declined to say": a negated report passes nothing on.
    // "did not merely deny …, but …" still denies.
    // ("Nobody has independently confirmed …": an adverb in -ly may stand between as well.)
    let near = i - 1;
    while (near > 0 && near > i - 4 && /ly$/.test(view.tokens[near].lower) && !/^(only|merely)$/.test(view.tokens[near].lower) && view.wordClass(near) === 'ADV') near--;
    const negated =
      [i - 1, i - 2, near, near - 1].some((j) => j >= 0 && view.isCovered(j, FRAME.negator) && !/^(only|just|merely)$/.test(view.tokens[j + 1]?.lower ?? '')) ||
      (i >= 2 && /^declin/.test(view.tokens[i - 2].lower));
    // ("Asked why Moscow would accuse Kyiv of …, Zelensky said": a question names what it asks about.)
    const asks = /^ask(s|ed|ing)?$/.test(view.tokens[i].lower);
    // ("To claim Kyiv sent the drones settles little": an infinitive the sentence
    // opens with names a saying as a possibility, asserted by nobody.)
    const supposed = i > 0 && view.tokens[i - 1].lower === 'to' && i - 1 === firstWord(view);
    // ("which Moscow dismissed as a Ukrainian plot": to dismiss something as X is to call it X.)
    const labelling = occurrence.label === FRAME.deny && /^(dismiss|reject|brush)/.test(view.tokens[i].lower) && asFollows(view, e);
    // ("Nobody disputes that the drones were downed": a denial nobody makes is the writer's certainty; no one speaks.)
    if (occurrence.label === FRAME.deny && byNobody(view, i)) continue;
    const polarity: Polarity = negated || asks || supposed ? 'mention' : occurrence.label === FRAME.deny && !labelling ? 'deny' : 'assert';
    const cue = readVerb(view, i, e, polarity, cues, taken);
    if (cue) {
      cues.push(cue);
      for (let j = i; j < e; j++) taken.add(j);
    }
  }
  // ("The Kremlin released the second video", "Peskov shared the clip": putting footage out
  // reports it, whoever does it; with any other object these verbs report nothing.)
  for (let i = 0; i < view.length; i++) {
    // ("put out a video of …": the particle belongs to the verb.)
    const particle = /^(put|puts|putting)$/.test(view.tokens[i].lower) && view.tokens[i + 1]?.lower === 'out' ? 1 : 0;
    if (taken.has(i) || !(PUTS_OUT.test(view.tokens[i].lower) || particle) || !footageObject(view, i + 1 + particle)) continue;
    // ("did not show footage of the strike": footage not put out reports nothing.)
    if ([i - 1, i - 2].some((j) => j >= 0 && view.isCovered(j, FRAME.negator))) continue;
    const cue = readVerb(view, i, i + 1 + particle, 'assert', cues, taken);
    if (cue) {
      cues.push(cue);
      for (let j = i; j <= i + particle; j++) taken.add(j);
    }
  }
  for (const rule of SENTENCE_RULES) {
    for (const cue of rule.read(view, cues)) cues.push({ ...cue, rule: rule.id });
  }
  return cues;
}

// Verbs that put footage out ("released", "shared", "aired", "showed"): reporting verbs only with footage as their object.
const PUTS_OUT = /^(release|releases|released|releasing|share|shares|shared|sharing|distribute|distributes|distributed|distributing|circulate|circulates|circulated|circulating|air|airs|aired|airing|broadcast|broadcasts|broadcasting|show|shows|showed|showing|screen|screens|screened|screening|ran|runs|running)$/;

/** Footage right after a verb, after an article, a demonstrative, an ordinal or a name at most: "the second video", "the Senate Palace footage". */
function footageObject(view: SentenceView, from: number): boolean {
  let k = from;
  while (k < from + 4 && /^(the|a|an|its|their|own|new|this|that|these|those|both|first|second|third|other|same|original|one|two|several|some|more|further|additional|dramatic|short)$/.test(view.tokens[k]?.lower ?? '')) k++;
  const named = k;
  while (k < named + 3 && !view.startsWith(k, FRAME.footage) && view.tokens[k]?.capitalised && view.wordClass(k) === 'PROPN') k++;
  return view.startsWith(k, FRAME.footage);
}

// Nouns that name an event: never the one who says something.

/**
 * "The ex-president after the raid on the citadel demanded …": the words between a
 * preposition and the verb name an event, a prepositional phrase inside the clause, not the
 * subject; the subject is the noun phrase before the preposition. ("Hours after the Kremlin
 * said …" keeps its subject: the Kremlin is no event.)
 */
function pastAdjunct(view: SentenceView, regionStart: number, verb: number): { start: number; end: number } | undefined {
  const preposition = regionStart - 1;
  if (preposition < 1 || !view.startsWith(preposition, FRAME.preposition) || !/^(after|before|since|following|amid|during)$/.test(view.tokens[preposition].lower)) return undefined;
  let head = regionStart;
  while (head < verb && !view.isPunct(head) && !(head > regionStart && view.startsWith(head, FRAME.preposition))) head++;
  if (head === regionStart || !EVENT_HEADS.test(view.tokens[head - 1].lower)) return undefined;
  for (let j = regionStart; j < verb; j++) if (view.isVerbal(j) && !/^(NOUN|PROPN)$/.test(view.wordClass(j) ?? '')) return undefined;
  // The subject before the preposition: a noun phrase with no verb, back to its own boundary.
  let start = preposition;
  while (start > 0 && !isSubjectBoundary(view, start - 1)) start--;
  if (start === preposition) return undefined;
  for (let j = start; j < preposition; j++) if (view.isVerbal(j)) return undefined;
  for (let next = afterTimePhrase(view, start, preposition); next > start && next < preposition; next = afterTimePhrase(view, start, preposition)) start = next;
  return { start, end: preposition };
}

/**
 * "Kyiv and Washington deny …": a coordinated subject is one source, both its noun phrases
 * (neither holding a verb: "Moscow blamed Kyiv and Washington said …" is two clauses).
 */
function coordinatedSubject(view: SentenceView, regionStart: number, verb: number): number {
  const conjunction = regionStart - 1;
  if (conjunction < 1 || !/^(and|or)$/.test(view.tokens[conjunction].lower) || regionStart >= verb) return regionStart;
  const nounPhrase = (from: number, to: number) => {
    if (to <= from) return false;
    for (let j = from; j < to; j++) if (view.isPunct(j) || (view.isVerbal(j) && !view.tokens[j].capitalised)) return false;
    return view.tokens.slice(from, to).some((t, k) => t.capitalised || /^(NOUN|PROPN|PRON)$/.test(view.wordClass(from + k) ?? ''));
  };
  let start = conjunction;
  while (start > 0 && !isSubjectBoundary(view, start - 1)) start--;
  // ("both Kyiv and Washington")
  return nounPhrase(start, conjunction) && nounPhrase(regionStart, verb) ? start : regionStart;
}




/**
 * What a reporting verb reports, without the writer's adjuncts around it: "said in a statement
 * after the raid that …" reports from "that" on; "called for revenge after the raid",
 * "branded Kyiv a terrorist state following the raid" report a noun phrase, and the time
 * phrase after it says when, in the writer's words. (Content with a verb in it keeps its own
 * time phrases: "said Kyiv struck after midnight".)
 */
function withoutWriterAdjuncts(view: SentenceView, after: { start: number; end: number }): { start: number; end: number } {
  if (after.end <= after.start) return after;
  if (view.startsWith(after.start, FRAME.preposition)) {
    for (let j = after.start + 1; j < after.end; j++) {
      // ("said in a statement that branded the raid …": "that" right after the noun, then a verb,
      // opens the noun's relative clause; nothing after the verb is reported.)
      if (opensNounRelative(view, j)) return { start: after.start, end: after.start };
      if (view.tokens[j].lower === 'that') return { start: j, end: after.end };
      if (view.isVerbal(j) || (view.isPunct(j) && !view.isPunct(j, ','))) break;
    }
  }
  if (view.tokens[after.start].lower === 'that') return after;
  for (let j = after.start; j < after.end; j++) {
    if (j >= after.start + 2 && TIME_OPENERS.has(view.tokens[j].lower)) return { start: after.start, end: j };
    // ("to confirm the reports, and anything the Kremlin says deserves …": a noun phrase, then
    // ", and" and a clause with a subject of its own, which is the writer's.)
    if (j > after.start && view.isPunct(j, ',') && /^(and|but)$/.test(view.tokens[j + 1]?.lower ?? '') && opensClauseWithSubject(view, j + 2, after.end)) return { start: after.start, end: j };
    if (view.isVerbal(j) || (view.isPunct(j) && !isQuote(view.tokens[j]))) break;
  }
  return after;
}

/**
 * "confirmed to RIA Novosti, the state news agency, that …": the hearer, with an apposition set
 * off by commas, then "that"; where "that" stands, if it does.
 */
function thatAfterHearer(view: SentenceView, e: number): number | undefined {
  if (view.tokens[e]?.lower !== 'to' || !view.tokens[e + 1]?.capitalised) return undefined;
  let commas = 0;
  for (let j = e + 1; j < Math.min(view.length, e + 14); j++) {
    if (view.isPunct(j, ',')) commas++;
    else if (view.isPunct(j) || view.isVerbal(j)) return undefined;
    else if (commas === 2 && view.isPunct(j - 1, ',')) return view.tokens[j].lower === 'that' ? j : undefined;
  }
  return undefined;
}

/**
 * "Putin continues to work as usual", "continued his schedule": "continue" reports only when
 * words follow it as speech ("…, he continued", "continued: “…”", "continued that …").
 */
function goesOnDoing(view: SentenceView, i: number, e: number): boolean {
  // (The spelling is asked before the tagger: most report verbs are not "continue".)
  // ("…, the statement went on, …": "go on" is read as "continue" is.)
  const continues = e - i === 1 && view.tokens[i].lower.startsWith('continu') && view.lemma(i) === 'continue';
  const goesOn = e - i === 2 && view.tokens[i + 1].lower === 'on' && view.lemma(i) === 'go';
  if (!continues && !goesOn) return false;
  const next = view.tokens[e];
  // ("“…,” he continued." / "continued: …" report; "The battle continues, where …" does not.)
  if (next === undefined || next.lower === 'that' || isQuote(next) || view.isPunct(e, ':')) return false;
  // ("And Russia, the statement continues, reserves …": a speaker set off by commas reports.)
  if (view.isPunct(e, ',')) return !isQuote(view.tokens[e + 1] ?? next) && !quotedBefore(view, e - 1) && !commaShortlyBefore(view, i);
  if (view.isPunct(e, '.')) return !quotedBefore(view, e - 1);
  return true;
}

/** A comma a few words before the verb at i: ", the statement continues,". */
function commaShortlyBefore(view: SentenceView, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 5; k--) if (view.isPunct(k, ',')) return true;
  return false;
}

/** A quotation closes shortly before i ("“…,” he continued"). */
function quotedBefore(view: SentenceView, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 5; k--) if (isQuote(view.tokens[k])) return true;
  return false;
}

// A parenthesis this short after a subject is an abbreviation or a gloss: "(ISW)", "(pictured)".
const MAX_PARENTHESIS_WORDS = 4;

/** Where a short parenthesis that ends right before i opens ("… War (ISW) affirmed"), if one does. */
function parenthesisBefore(view: SentenceView, i: number): number | undefined {
  if (!view.isPunct(i - 1, ')')) return undefined;
  for (let k = i - 2; k >= 0 && k >= i - 2 - MAX_PARENTHESIS_WORDS; k--) {
    if (view.isPunct(k, '(')) return k > 0 && view.wordCount({ start: k + 1, end: i - 1 }) > 0 ? k : undefined;
    if (view.isPunct(k)) return undefined;
  }
  return undefined;
}

/** The first verb rule that recognises the construction around the verb at i..e decides. */
function readVerb(view: SentenceView, i: number, e: number, polarity: Polarity, earlier: Cue[], taken: ReadonlySet<number>): Cue | null {
  // ("the Centre for Strategic Studies (CSS) argued": a short parenthesis after the subject is no boundary.)
  const subjectEnd = parenthesisBefore(view, i) ?? i;
  let regionStart = subjectEnd;
  while (regionStart > 0 && !isSubjectBoundary(view, regionStart - 1)) regionStart--;
  // ("went so far as to hint": the "as" of "so far as" opens no clause.)
  if (view.tokens[regionStart - 1]?.lower === 'as' && view.tokens[regionStart - 2]?.lower === 'far' && /^(so|as)$/.test(view.tokens[regionStart - 3]?.lower ?? '')) {
    regionStart -= 3;
    while (regionStart > 0 && !isSubjectBoundary(view, regionStart - 1)) regionStart--;
  }
  // "…, on Wednesday the press service announced": a time adjunct before the subject is no part of it.
  while (regionStart + 1 < i && view.startsWith(regionStart, FRAME.preposition) && TIME_WORDS.has(view.tokens[regionStart + 1].lower)) regionStart += 2;
  // ("In May Kyiv denied …", "Last week the Kremlin said …": a time phrase, with or without a
  // comma, is no part of the subject; where the region starts stays where its boundary is.)
  // ("09.15 Several outlets report …": a live blog's time stamp is no part of the subject.)
  if (regionStart === 0) regionStart = afterTimeStamp(view, 0, true);
  let subjectStart = regionStart;
  for (let next = afterTimePhrase(view, subjectStart, i); next > subjectStart && next < i; next = afterTimePhrase(view, subjectStart, i)) subjectStart = view.isPunct(next, ',') ? next + 1 : next;
  // ("In a thread on Telegram she argues …": a fronted phrase with no comma, then a subject
  // pronoun after its noun: the subject starts at the pronoun.)
  subjectStart = pronounAfterFrontedPhrase(view, subjectStart, i) ?? subjectStart;
  const timeSkipped = subjectStart > regionStart;
  // (A prepositional phrase between the subject and the verb is no part of the subject.)
  const adjunct = pastAdjunct(view, regionStart, i);
  let regionEnd = adjunct ? adjunct.end : subjectEnd;
  // ("Residents of Moscow had reported …": the auxiliaries before the verb are no part of its subject.)
  // ("The press service has since confirmed": the auxiliary and the adverb after it too.)
  const auxiliary = (j: number) => view.isCovered(j, FRAME.modal) || view.isCovered(j, FRAME.be) || /^(has|have|had)$/.test(view.tokens[j].lower) || adverbialSince(view, j);
  while (regionEnd - 1 > regionStart && auxiliary(regionEnd - 1)) regionEnd--;
  // ("His spokesman, Dmitry Peskov, hurried to add …", "Kyiv was quick to deny …": a verb or
  // "be" and an adjective, then "to", belong to the reporting verb's group, not to its subject.)
  if (regionEnd === i && regionEnd - 2 >= regionStart && view.tokens[regionEnd - 1].lower === 'to' && !view.tokens[regionEnd - 2].capitalised) {
    // ("went straight to calling for …": an adverb may stand before "to".)
    // (The tagger may call the adverb an adjective: a verb before it settles it.)
    // ("went on to blame …": so may the particle "on".)
    const adverb = (/^(ADV|ADJ)$/.test(view.wordClass(regionEnd - 2) ?? '') || view.tokens[regionEnd - 2].lower === 'on') && regionEnd - 3 >= regionStart && view.wordClass(regionEnd - 3) === 'VERB';
    // ("went so far as to hint …", "went as far as to say …".)
    const farAs = regionEnd - 5 >= regionStart && /^(so|as)$/.test(view.tokens[regionEnd - 4].lower) && view.tokens[regionEnd - 3].lower === 'far' && view.tokens[regionEnd - 2].lower === 'as';
    // ("used the episode to call for …", "seized the moment to demand …": a verb and its object before "to".)
    const objectThenTo = !farAs && regionEnd - 4 >= regionStart && view.isCovered(regionEnd - 3, FRAME.determiner) && view.wordClass(regionEnd - 2) === 'NOUN' && view.wordClass(regionEnd - 4) === 'VERB';
    const head = farAs ? regionEnd - 5 : objectThenTo ? regionEnd - 4 : adverb ? regionEnd - 3 : regionEnd - 2;
    // (Not a verb that says the report never came: "declined to speculate on …" stays as it was read.)
    const refused = /^(declin|refus|fail|reluct|hesitat)/.test(view.tokens[head].lower);
    // (A past form: "hurried" by its spelling, which the tagger may call an adjective; "went" by its lemma.)
    // ("continues to deny": a verb of going on, in the present too.)
    const past = /ed$/.test(view.tokens[head].lower) || (view.wordClass(head) === 'VERB' && !/(ing|s)$/.test(view.tokens[head].lower) && view.lemma(head) !== view.tokens[head].lower) || /^(continues|continue|keeps|keep)$/.test(view.tokens[head].lower);
    if (!refused && /^(VERB|ADJ)$/.test(view.wordClass(head) ?? '') && past && !view.isCovered(head - 1, FRAME.be)) regionEnd = head;
    else if (view.wordClass(head) === 'ADJ' && head - 1 >= regionStart && view.isCovered(head - 1, FRAME.be)) regionEnd = head - 1;
    while (regionEnd - 1 > regionStart && auxiliary(regionEnd - 1)) regionEnd--;
  } else if (regionEnd === i && regionEnd - 4 >= regionStart && view.tokens[regionEnd - 1].lower === 'as' && view.tokens[regionEnd - 2].lower === 'far' && /^(so|as)$/.test(view.tokens[regionEnd - 3].lower) && view.wordClass(regionEnd - 4) === 'VERB') {
    // ("went as far as calling for …": the verb before "as far as" belongs to the reporting verb's group.)
    regionEnd -= 4;
    while (regionEnd - 1 > regionStart && auxiliary(regionEnd - 1)) regionEnd--;
  }
  // ("keeps promising revenge", "continued insisting": a verb of going on before the gerund is the reporting verb's group.)
  if (regionEnd === i && regionEnd - 1 >= regionStart && /ing$/.test(view.tokens[i].lower) && /^(keeps|keep|kept|keeping|continues|continue|continued|went on|goes on)$/.test(view.tokens[regionEnd - 1].lower)) regionEnd--;
  if (adjunct) regionStart = adjunct.start;
  regionStart = coordinatedSubject(view, regionStart, i);
  // ("in the light of Moscow saying it had stopped a raid", "amid Kyiv saying …": the
  // subject of a gerund is the noun phrase right before it, after the preposition that takes it.
  // After a verb it is that verb's object, whose words they are: "Russia released a video
  // claiming …" stays Russia's.)
  if (/ing$/.test(view.tokens[i].lower) && !adjunct) {
    for (let j = regionEnd - 1; j > regionStart; j--) {
      if (view.isPunct(j) || view.isVerbal(j)) break;
      if (view.startsWith(j, FRAME.preposition) && j + 1 < regionEnd) {
        regionStart = j + 1;
        break;
      }
    }
  }
  const site: VerbSite = {
    view,
    word: { start: i, end: e },
    polarity,
    earlier,
    taken,
    regionStart,
    region: trimSpan(view, { start: timeSkipped && !adjunct && subjectStart >= regionStart && subjectStart < regionEnd ? subjectStart : regionStart, end: regionEnd }),
    after: withoutWriterAdjuncts(view, { start: e, end: quotationEnd(view, e) ?? clauseEndAfter(view, thatAfterHearer(view, e) ?? e) }),
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


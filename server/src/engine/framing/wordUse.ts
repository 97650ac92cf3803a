import { isQuote, type SentenceView } from '../analysis/sentence';
import { FRAME } from '../lexicon/english';
import { isCommonWord } from '../text/fuzzy';
import { TokenKind } from '../text/tokens';
import { adverbialSince, afterTimePhrase, isPossessiveMark, nextIndexOf } from './clauses';

// Whether a reporting word is used as a verb at all: "Russia's claims" and "state TV" are
// nouns, "a video posted on Telegram" is a participle describing a noun, "was said" is passive.

export const IRREGULAR_PARTICIPLES = new Set(['said', 'thought', 'understood', 'told', 'written', 'shown', 'seen', 'known', 'held', 'taken', 'cast', 'put', 'quoted']);

// "state TV", "state media": "state" as the first half of a compound noun.
const STATE_COMPOUNDS = new Set(['tv', 'television', 'media', 'news', 'broadcaster', 'agency', 'channel', 'channels', 'outlet', 'outlets', 'press', 'department', 'duma', 'council', 'secretary', 'officials', 'visit', 'funeral', 'secrets', 'security', 'sponsored', '-']);

export function isNounUse(view: SentenceView, i: number, end: number): boolean {
  // "the United States": a capitalised word inside a name.
  if (i > 0 && !view.headline && view.tokens[i].capitalised && view.tokens[i - 1].capitalised && view.tokens[i - 1].kind !== TokenKind.Punct) return true;
  // "member-states", "state-run": the second half of a hyphenated compound.
  const hyphen = view.tokens[i - 1];
  if (hyphen && hyphen.text === '-' && hyphen.end === view.tokens[i].start && view.tokens[i - 2]?.end === hyphen.start) return true;
  if (view.tokens[i].lower === 'state' && STATE_COMPOUNDS.has(view.tokens[i + 1]?.lower ?? '')) return true;
  const previous = i - 1;
  // ("No wonder Kyiv denied it", "small wonder that …": a noun.)
  if (view.tokens[i].lower === 'wonder' && /^(no|small|little|a)$/.test(view.tokens[previous]?.lower ?? '')) return true;
  // "after accusing Ukraine", "by saying": a gerund the tagger reads as a verb keeps its object.
  if (/ing$/.test(view.tokens[end - 1].lower) && view.wordClass(end - 1) === 'VERB' && previous >= 0 && view.startsWith(previous, FRAME.preposition)) return false;
  // ("by blaming the Americans": after "by" an -ing word is a gerund, whatever the tagger says.)
  if (/ing$/.test(view.tokens[end - 1].lower) && previous >= 0 && view.startsWith(previous, FRAME.by)) return false;
  // "Russia's claims" is a noun; "Russia's accused Kyiv", "the Kremlin's said" hold "has"/"is":
  // the tagger tells the possessive from the contraction by the word after it.
  if (previous >= 0 && isPossessiveMark(view.tokens[previous].text)) return !view.isVerbal(i);
  // ("has since confirmed": "since" between an auxiliary and the verb is an adverb.)
  if (previous >= 1 && adverbialSince(view, previous)) return false;
  // "to" before a verb is the infinitive ("hastened to talk about"), not a preposition.
  const preposition = previous >= 0 && view.startsWith(previous, FRAME.preposition) && view.tokens[previous].lower !== 'to';
  if (previous >= 0 && (view.isCovered(previous, FRAME.determiner) || preposition)) {
    // "Russia's claims", "about Kremlin claims" — unless a subject-verb pair: "his spokesman said" is fine.
    if (!view.isCovered(previous, FRAME.possessivePronoun) && view.tokens[previous].lower !== 'that') return true;
    // ("Text with that post said …": "that" as a determiner, by the tagger's reading of both words, opens a noun.)
    if (view.tokens[previous].lower === 'that' && view.wordClass(previous) === 'DET' && view.wordClass(i) === 'NOUN') return true;
    // ("His comments followed …", "their claims": after a possessive other than "her", which may be
    // an object, a word ending in -s is a plural noun.)
    if (/^(his|its|their|our|my|your)$/.test(view.tokens[previous].lower) && /[^s]s$/.test(view.tokens[end - 1].lower)) return true;
    // ("including its warning that …": after such a possessive a word in -ing is a noun too.)
    if (/^(his|its|their|our|my|your)$/.test(view.tokens[previous].lower) && /ing$/.test(view.tokens[end - 1].lower)) return true;
  }
  // ("according to Western estimates": the object of "according to" is a noun phrase, whatever it ends in.)
  if (view.wordClass(i) === 'NOUN' && objectOfAccordingTo(view, i)) return true;
  // "Calls were made", "Reports say": a plural noun before a verb. ("who the Kremlin said was …" is a verb.)
  const word = view.tokens[end - 1].lower;
  const pluralNoun = word.endsWith('s') && !/(ss|says)$/.test(word);
  // ("Kyiv denies having …": a gerund after the word is its object, not a verb it is the subject of.)
  // ("Kremlin claims deserve a pinch of salt": a word the tagger calls a noun, then a verb it agrees with.)
  const verbFollows =
    end < view.length &&
    !/ing$/.test(view.tokens[end].lower) &&
    (view.startsWith(end, FRAME.be) || view.startsWith(end, FRAME.report) || view.startsWith(end, FRAME.modal) || (pluralNounByTagger(view, end - 1) && view.wordClass(end) === 'VERB' && !/ed$/.test(view.tokens[end].lower)));
  // "any Kremlin claim should be …": a determiner opens the noun phrase the word ends.
  const pastTense = /ed$/.test(word) || IRREGULAR_PARTICIPLES.has(word) || word === 'wrote';
  // ("a raid Moscow says was flown …": a name after a common noun opens a relative clause; the word is its verb.)
  const contactClause = () => i >= 2 && view.tokens[i - 1].capitalised && !view.tokens[i - 2].capitalised && view.wordClass(i - 2) === 'NOUN';
  // ("the drones which the Kremlin says were …", "the drones the Kremlin says were …": a
  // determiner after a relative pronoun, or after a noun with a name following, opens the
  // relative clause's subject; the word is that subject's verb.)
  const opensRelativeSubject = (j: number) =>
    j > 0 && (RELATIVE_PRONOUNS.has(view.tokens[j - 1].lower) || (view.wordClass(j - 1) === 'NOUN' && view.tokens[j + 1].capitalised));
  // ("in a Twitter post, suggesting …": after "a" and a name, a word in its bare form is a noun;
  // a verb after a singular subject would agree with it, "a Kremlin aide says".)
  if (i >= 2 && /^(a|an)$/.test(view.tokens[i - 2].lower) && view.tokens[i - 1].capitalised && !/(s|ed)$/.test(word) && !IRREGULAR_PARTICIPLES.has(word)) return true;
  const determined = !pastTense && [i - 2, i - 3].some((j) => j >= 0 && view.isCovered(j, FRAME.determiner) && view.tokens[j].lower !== 'that' && !view.isPunct(j + 1) && !opensRelativeSubject(j)) && !contactClause();
  // "What the Kremlin claims is that …": after "what" and its subject the word is the verb.
  const afterWhat = [i - 2, i - 3, i - 4].some((j) => j >= 0 && view.tokens[j].lower === 'what');
  // "had used a social media post to call for …": a noun phrase with no name in it, then a preposition.
  const prepositionFollows = end < view.length && (view.startsWith(end, FRAME.preposition) || view.tokens[end].lower === 'to');
  const namesBefore = view.tokens.slice(Math.max(0, i - 3), i).some((t) => t.capitalised);
  if (determined && prepositionFollows && !namesBefore && !afterWhat) return true;
  return verbFollows && (pluralNoun || determined) && !afterWhat;
}

const RELATIVE_PRONOUNS = new Set(['which', 'that', 'who', 'whom']);

/** Whether the word ends a short noun phrase after "according to" (or "per", "citing" …): modifiers only between. */
function objectOfAccordingTo(view: SentenceView, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    if (view.isCovered(k, FRAME.according)) return true;
    if (view.isPunct(k) || !/^(DET|ADJ|PROPN|NOUN|NUM)$/.test(view.wordClass(k) ?? '')) return false;
  }
  return false;
}

// (The spelling first, the tagger last: a name before the word and a plain lowercase word after it.)
const pluralNounByTagger = (view: SentenceView, k: number) =>
  /[^s]s$/.test(view.tokens[k].lower) &&
  view.tokens[k - 1]?.capitalised === true &&
  /^[a-z]+$/.test(view.tokens[k + 1]?.text ?? '') &&
  !view.isCovered(k + 1, FRAME.determiner) &&
  !view.startsWith(k + 1, FRAME.preposition) &&
  !view.startsWith(k + 1, FRAME.that) &&
  view.wordClass(k) === 'NOUN';

const PARTICIPLE_FOLLOWERS = new Set(['on', 'in', 'with', 'online', 'by', 'to', 'from', 'at', 'overnight', 'earlier', 'later', 'alongside', 'beside', 'under', 'below', 'above', 'next']);

/** "a video posted on Telegram", "text published with the clip": a participle describing a noun. */
export function isParticipleAfterNoun(view: SentenceView, i: number, e: number): boolean {
  const word = view.tokens[i].lower;
  if (!/ed$/.test(word) || i === 0 || view.tokens[i - 1].kind === TokenKind.Punct) return false;
  // ("Moscow has vowed to retaliate": after an auxiliary it is the clause's verb; "has already
  // called in a post for …": an adverb may stand between.)
  let before = i - 1;
  while (before > 0 && before > i - 3 && view.tokens[before].kind !== TokenKind.Punct && view.wordClass(before) === 'ADV') before--;
  if (/^(has|have|had|'ve|’ve)$/.test(view.tokens[before].lower)) return false;
  // ("Peskov later confirmed to …": an adverb in between, the word before it is the subject.)
  const previous = view.tokens[before];
  // ("when it promised to hit back": after a subject pronoun it is the clause's verb.)
  // ("The Kremlin, which promised to hit back, …": so after a relative pronoun.)
  if (/^(it|he|she|they|we|i|you|which|who)$/.test(previous.lower)) return false;
  // ("…, which last week promised to …": a phrase of time may stand between.)
  for (let j = i - 2; j >= Math.max(0, i - 5); j--) if (/^(which|who)$/.test(view.tokens[j].lower) && afterTimePhrase(view, j + 1, i) === i) return false;
  // A capital is a name's only at the start of a sentence if the word is no ordinary noun ("Text posted with").
  const name = previous.capitalised && !(before === 0 && isCommonWord(previous.lower));
  const describesNoun = !name || view.isCovered(before, FRAME.footage) || view.isCovered(before, FRAME.claimNoun);
  if (!(e < view.length && PARTICIPLE_FOLLOWERS.has(view.tokens[e].lower) && describesNoun)) return false;
  // ("The envoy called on Moscow to avoid …": a call on someone to do something is the clause's verb.)
  if (/^call/.test(word) && /^(on|upon)$/.test(view.tokens[e].lower)) {
    for (let j = e + 1; j < Math.min(view.length, e + 8) && !view.isPunct(j); j++) if (view.tokens[j].lower === 'to') return false;
  }
  // ("The government accused on Thursday the United States of …": a time phrase, then the
  // verb's object, makes it the clause's own verb.)
  const afterTime = afterTimePhrase(view, e, view.length);
  if (afterTime > e && afterTime < view.length && (view.isCovered(afterTime, FRAME.determiner) || view.tokens[afterTime].capitalised) && !view.isVerbal(afterTime)) return false;
  // "witnesses claimed on Telegram that they heard …": a "that" clause before any other verb
  // makes it the clause's own verb.
  for (let j = e; j < view.length && !view.isPunct(j, ',;:'); j++) {
    if (view.tokens[j].lower === 'that') return false;
    if (view.isVerbal(j)) break;
  }
  // ("…, the state news agency reported on its channel.": after a comma, a noun phrase and the
  // verb that ends the sentence with its adjuncts is an end attribution, not a noun described.)
  return !endsAsAttribution(view, i, e);
}

function endsAsAttribution(view: SentenceView, i: number, e: number): boolean {
  for (let j = e; j < view.length; j++) if (view.isVerbal(j) || view.isPunct(j, ',;:')) return false;
  let start = i - 1;
  const possessive = (j: number) => /^['’]s$/.test(view.tokens[j].text);
  while (start > 0 && (possessive(start - 1) || (!view.isPunct(start - 1) && !view.isVerbal(start - 1)))) start--;
  return start > 0 && view.isPunct(start - 1, ',') && i - start <= 6;
}

/** A form of "be" up to three words before i, with only "-ly" adverbs between. */
export function afterBe(view: SentenceView, i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    if (view.isCovered(j, FRAME.be)) return true;
    // ("There were also reports of …": a few short adverbs as well.)
    if (view.tokens[j].kind === TokenKind.Punct || !/(ly|^also|^still|^already|^even|^again|^now|^often)$/.test(view.tokens[j].lower)) return false;
  }
  return false;
}

/** "could be to blame": "to blame" after a form of "be" says who is responsible; it reports nothing. */
export function isBeToIdiom(view: SentenceView, i: number): boolean {
  return i >= 2 && view.tokens[i - 1].lower === 'to' && view.isCovered(i - 2, FRAME.be);
}

/**
 * "a recent alleged drone attack", "the claimed raid": a participle between a determiner or an
 * adjective and the noun it describes is an adjective, no reporting verb.
 */
const ARTICLES = /^(a|an|the|its|his|her|their|our|this|these|those|any|such|every|each)$/;
/** Ordinals and their kin, which stand inside a noun phrase like adjectives: "the first reported raid". */
export const ORDINALS = /^(first|second|third|last|latest|initial|earlier|previous)$/;

export function isAttributiveParticiple(view: SentenceView, i: number, e: number): boolean {
  if (e - i !== 1 || i === 0 || !/ed$/.test(view.tokens[i].lower)) return false;
  // (The checks that need no tagger first: "Moscow accused …", "…, alleged that …" end here.)
  const previous = view.tokens[i - 1];
  const next = view.tokens[e];
  const opensSentence = i - 1 === 0 || view.isPunct(i - 2, '#');
  if (previous.kind !== TokenKind.Word || (previous.capitalised && !opensSentence && !ARTICLES.test(previous.lower))) return false;
  if (!next || next.kind !== TokenKind.Word || next.lower === 'that' || view.isCovered(e, FRAME.determiner) || view.startsWith(e, FRAME.preposition)) return false;
  // (Not "that": "a report that claimed agents had …" is a relative clause's verb.)
  // (An ordinal too: "the first reported drone attack".)
  if (!ARTICLES.test(previous.lower) && !ORDINALS.test(previous.lower) && !/^(ADJ|NUM)$/.test(view.wordClass(i - 1) ?? '')) return false;
  // (A people's name may follow: "two suspected Ukrainian drones".)
  return /^(NOUN|ADJ)$/.test(view.wordClass(e) ?? '') || (next.capitalised && view.wordClass(e) === 'PROPN' && view.wordClass(e + 1) === 'NOUN');
}

/**
 * A verb that reports only with a complement, without it: "named" with no "as" ("named
 * Washington as the initiator" reports), "put" with no figure ("put Russia's losses at more than
 * 20,000" reports; "put its forces on alert" does not), "pin" with no "on", "float" with no idea
 * or theory after it.
 */
export function lacksItsComplement(view: SentenceView, i: number, e: number): boolean {
  const lower = view.tokens[i].lower;
  if (/^(nam|singl|cast|qualif)/.test(lower) && NAMES_AS.has(view.lemma(i)) && !asFollows(view, e)) return true;
  // ("the raid Moscow presented as a plot": "present" alone reports only what something is presented as; "presents it" reports.)
  if (/^present/.test(lower) && e - i === 1 && view.lemma(i) === 'present' && !asFollows(view, e)) return true;
  // ("floated another theory: …": "float" reports only an idea, a theory or the like.)
  // ("floated local resistance as a culprit": or with "as", what it is floated as.)
  if (/^float/.test(lower) && e - i === 1) {
    // ("floated, in a tweet, “…” as …": an aside set off by commas may stand before the object.)
    const asideEnd = view.isPunct(e, ',') ? nextIndexOf(view, e + 1, ',') : -1;
    const asAfterAside = asideEnd > e + 1 && asideEnd < e + 10 && asFollows(view, asideEnd + 1);
    return !view.tokens.slice(e, e + 4).some((t) => /^(idea|ideas|theory|theories|notion|suggestion|possibility|claim|version|scenario|culprits?|suspects?|explanations?|hypothes[ie]s)$/.test(t.lower)) && !asFollows(view, e) && !asAfterAside;
  }
  // ("Moscow Cries Assassination Plot": "cry" reports only in a headline's clipped style; "residents cried out" does not.)
  if (/^cr(y|ies|ied|ying)$/.test(lower) && e - i === 1) return !view.headline || view.tokens[e]?.lower === 'out';
  // ("As Moscow has it, …", "The Kremlin has it that …": "have it" reports only with "that" after
  // it or nothing, set off by punctuation; "Moscow had it coming" reports nothing.)
  if (e - i === 2 && /^(has|have|had)$/.test(lower) && view.tokens[i + 1].lower === 'it') return !(view.startsWith(e, FRAME.that) || e >= view.length || view.isPunct(e, ',.;:!?)–—'));
  // ("the raid Moscow pinned on Kyiv": "pin" reports blame only with "on" after its object.)
  if (/^pin/.test(lower) && e - i === 1 && view.lemma(i) === 'pin') return !onFollows(view, e);
  return /^put/.test(lower) && e - i === 1 && !figureFollows(view, e);
}

/** "on" within a few words after the verb, before any punctuation: "pinned (the raid) on Kyiv". */
function onFollows(view: SentenceView, from: number): boolean {
  for (let k = from; k < Math.min(view.length, from + 6) && !view.isPunct(k); k++) if (view.tokens[k].lower === 'on' || view.tokens[k].lower === 'upon') return true;
  return false;
}

/** Verbs that report only with "as": "named Washington as the initiator", "singled out Kyiv as …", "cast the raid as …". */
const NAMES_AS = new Set(['name', 'single', 'cast', 'qualify']);

/** "at" (or "above", "around" …) and a figure within a few words after the verb: "put the losses around Bakhmut at more than 20,000". */
function figureFollows(view: SentenceView, from: number): boolean {
  for (let k = from; k < Math.min(view.length, from + 12) && !view.isPunct(k, '.;:'); k++) {
    if (!/^(at|above|over|around|about|below|under|near)$/.test(view.tokens[k].lower)) continue;
    for (let j = k + 1; j < Math.min(view.length, k + 4); j++) if (/^\d|^(one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand|dozens?|hundreds|thousands)$/.test(view.tokens[j].lower)) return true;
  }
  return false;
}

/** An "as" within a few words after the verb, before any punctuation: "dismissed (it) as …". */
export function asFollows(view: SentenceView, from: number): boolean {
  // (Quotation marks around the object are no boundary: "floated “local resistance” as …".)
  // (Nor is a possessive: "named Ukraine’s government as …".)
  for (let k = from; k < Math.min(view.length, from + 8) && (!view.isPunct(k) || isQuote(view.tokens[k]) || isPossessiveMark(view.tokens[k].text)); k++) if (view.tokens[k].lower === 'as') return true;
  return false;
}

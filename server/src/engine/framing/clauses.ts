import { isQuote, type SentenceView, type Span } from '../analysis/sentence';
import { FRAME } from '../lexicon/english';
import { TokenKind } from '../text/tokens';

// Clause boundaries inside one sentence, as the attribution rules see them: where a clause
// starts and ends, where a subject may start, and the spans' trimming. Shared by every rule.

const SUBJECT_STOP_WORDS = new Set(['and', 'or', 'but', 'which', 'who', 'whom', 'what', 'while', 'as', 'when', 'after', 'before', 'because', 'since', 'whether', 'if', 'although', 'though', 'whereas', 'unless']);

/** Words that name a time: "said Wednesday", "on Wednesday the press service announced". */
/** Head nouns that name an event, not a speaker: "the raid on the citadel", "Drone attack on Kremlin". */
export const EVENT_HEADS = /^(attacks?|strikes?|incidents?|explosions?|raids?|assaults?|blasts?|bombings?|incursions?|attempts?|events?|shelling|downing|crash(es)?)$/;

/** Words that open the writer's time phrase about the event: "after the raid", "following the raid", "amid the raid". */
export const TIME_OPENERS = new Set(['after', 'following', 'amid']);

/** Words that open a subordinate clause when a sentence starts with them ("While Moscow blamed Kyiv, …"). */
export const FRONTED_SUBORDINATORS = new Set(['as', 'when', 'after', 'while', 'because', 'since', 'although', 'though', 'if', 'before', 'until', 'once', 'whereas']);

/** The first token of a sentence that is not punctuation. */
export function firstWord(view: SentenceView): number {
  let i = 0;
  while (i < view.length && view.isPunct(i)) i++;
  return i;
}

export const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'overnight', 'earlier', 'later', 'morning', 'evening', 'night', 'afternoon', 'lunchtime', 'midday', 'noon', 'midnight', 'dawn', 'daybreak', 'nightfall']);

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

export const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** The word at k negates: a negator of the lexicon or a contraction in "n't" ("doesn't", "didn’t"). */
export function negates(view: SentenceView, k: number): boolean {
  return view.isCovered(k, FRAME.negator) || /n['’]t$/.test(view.tokens[k]?.lower ?? '');
}
const TIME_NOUNS = /^(weeks?|months?|years?|weekends?|days?|hours?|spring|summer|autumn|fall|winter)$/;
const TIME_DETERMINERS = /^(the|early|late|mid|this|last|next|that|all|every)$/;

/**
 * The index after a time phrase that starts at i and ends before limit, or i: "in May",
 * "on 3 May", "in early May", "last week", "earlier this month", "on Wednesday". A month is a
 * time word only after a preposition or before a number ("May" is also a modal).
 */
export function afterTimePhrase(view: SentenceView, i: number, limit: number): number {
  let k = i;
  const lower = (j: number) => view.tokens[j]?.lower ?? '';
  const preposition = /^(in|on|at|during|by|within|after|until|over)$/.test(lower(k));
  if (preposition) k++;
  else if (/^(earlier|later)$/.test(lower(k)) && /^(this|last|that)$/.test(lower(k + 1))) k++;
  while (k < limit && TIME_DETERMINERS.test(lower(k))) k++;
  while (k < limit && view.tokens[k].kind === TokenKind.Number) k++;
  const head = lower(k);
  const month = MONTHS.has(head) && (preposition || view.tokens[k + 1]?.kind === TokenKind.Number || view.tokens[k - 1]?.kind === TokenKind.Number);
  // ("by then", "by now": after a preposition, "then" and "now" are times.)
  const timed = month || TIME_WORDS.has(head) || (k > i && TIME_NOUNS.test(head)) || (preposition && k === i + 1 && /^(then|now)$/.test(head));
  if (!timed || k >= limit || (!preposition && k === i && !TIME_WORDS.has(head))) return i;
  k++;
  while (k < limit && (view.tokens[k].kind === TokenKind.Number || (view.isPunct(k, ',') && view.tokens[k + 1]?.kind === TokenKind.Number))) k++;
  return k;
}

export function isContrast(view: SentenceView, i: number): boolean {
  if (!view.startsWith(i, FRAME.contrast)) return false;
  const word = view.tokens[i].lower;
  // Most contrast words separate clauses only after a comma; "but" also before a pronoun
  // subject ("… but it was Kyiv"), not in "nothing but", "no option but".
  // ", but gives grounds …", ", but is at war …": a verb straight after "but" shares the
  // clause's subject, so the clause (and what a reporting verb frames) runs on.
  if (word === 'but' && view.isPunct(i - 1, ',') && view.isVerbal(i + 1) && !view.tokens[i + 1].capitalised) return false;
  // "Kyiv's foreign minister, meanwhile, denied …": a contrast word alone between commas is an aside.
  if (word !== 'but' && view.isPunct(i - 1, ',') && view.isPunct(i + 1, ',')) return false;
  if (view.isPunct(i - 1, ',;')) return true;
  // ("…,” though there was no threat to him": the comma may close the quotation before it.)
  if (i > 1 && isQuote(view.tokens[i - 1]) && view.isPunct(i - 2, ',;')) return true;
  if (word === 'but') return view.startsWith(i + 1, FRAME.pronoun);
  return word === 'however' || word === 'whereas' || word === 'although';
}

/** A subject, then its verb within a few words, with no punctuation between: "anything the Kremlin says …". */
export function opensClauseWithSubject(view: SentenceView, from: number, end: number): boolean {
  if (from >= end || view.isVerbal(from) || view.isPunct(from)) return false;
  for (let k = from + 1; k < Math.min(end, from + 8); k++) {
    if (view.isPunct(k)) return false;
    if (view.isVerbal(k)) return view.tokens.slice(from, k).some((_, n) => /^(NOUN|PROPN|PRON|DET)$/.test(view.wordClass(from + n) ?? ''));
  }
  return false;
}

/** First index at or after i that ends the clause i is in. */
export function clauseEndAfter(view: SentenceView, i: number): number {
  for (let j = Math.max(i, 0); j < view.length; j++) {
    // ("it says that two drones …; that the army downed them; and that …": a semicolon before
    // another "that" goes on with the same list of what was said.)
    const listGoesOn = view.isPunct(j, ';') && (view.tokens[j + 1]?.lower === 'that' || (view.tokens[j + 1]?.lower === 'and' && view.tokens[j + 2]?.lower === 'that'));
    if ((view.isPunct(j, ';') && !listGoesOn) || isContrast(view, j) || commentAfterDash(view, j) || comparisonAfterComma(view, j) || consequenceAfterComma(view, j)) return j;
  }
  return view.length;
}

/**
 * "The Kremlin has not called it an assassination attempt, as it did when a drone struck …":
 * a comma, then "as" with a subject and an auxiliary standing for the verb, starts a
 * comparison of the writer's own.
 */
function comparisonAfterComma(view: SentenceView, j: number): boolean {
  if (!view.isPunct(j, ',') || view.tokens[j + 1]?.lower !== 'as') return false;
  return /^(it|they|he|she|we|moscow|kyiv|russia|ukraine)$/.test(view.tokens[j + 2]?.lower ?? '') && /^(did|does|do|has|have|had)$/.test(view.tokens[j + 3]?.lower ?? '');
}

// Participles that tell what a statement led to: "…, stoking fears that …", "…, prompting …".
const CONSEQUENCE = /^(stoking|fuelling|fueling|prompting|sparking|raising|triggering|heightening|deepening|feeding|igniting|reviving)$/;

/**
 * "Moscow insisted on its right to hit back, stoking fears that …": a comma, then a participle
 * of consequence, starts the writer's comment on what was said.
 */
function consequenceAfterComma(view: SentenceView, j: number): boolean {
  return view.isPunct(j, ',') && CONSEQUENCE.test(view.tokens[j + 1]?.lower ?? '');
}

// Nouns that comment on a statement: "– a remark taken to mean …", "– a move seen as …".
const COMMENT_NOUNS = new Set(['comment', 'remark', 'move', 'statement', 'step', 'claim', 'warning', 'threat', 'sign', 'signal', 'suggestion', 'assertion', 'accusation', 'allegation', 'charge', 'position', 'reference', 'hint', 'message', 'response', 'reaction', 'decision', 'development', 'line', 'rhetoric', 'escalation', 'view', 'description', 'characterisation', 'characterization', 'framing', 'choice', 'word', 'words', 'phrase', 'term']);
const COMMENT_FOLLOWERS = /^(that|which|seen|viewed|widely|interpreted|read|taken|understood|likely|apparently|perhaps|possibly|many|some|analysts|observers|critics|experts)$/;

/**
 * "He said Moscow would respond in kind – a remark many took to mean …": a dash, then a
 * noun phrase about the statement itself, ends what was said; the rest is the writer's.
 */
function commentAfterDash(view: SentenceView, j: number): boolean {
  if (!(view.isPunct(j, '–—') || (view.isPunct(j, '-') && view.tokens[j - 1]?.end !== view.tokens[j].start))) return false;
  let k = j + 1;
  if (!/^(a|an|the|this|that|one|another)$/.test(view.tokens[k]?.lower ?? '')) return false;
  for (k++; k < Math.min(view.length, j + 5); k++) {
    if (COMMENT_NOUNS.has(view.tokens[k].lower)) return COMMENT_FOLLOWERS.test(view.tokens[k + 1]?.lower ?? '');
    if (view.isPunct(k)) return false;
  }
  return false;
}

/** First index of the clause that contains i. */
export function clauseStartBefore(view: SentenceView, i: number): number {
  for (let j = Math.min(i, view.length) - 1; j >= 0; j--) {
    if (view.isPunct(j, ';:')) return j + 1;
    if (isContrast(view, j)) return j + 1;
  }
  return 0;
}

/** Start of the sentence part before i, up to a semicolon. */
export function sentenceStartBefore(view: SentenceView, i: number): number {
  // ("Raid on the citadel – Moscow accuses Kyiv, Kyiv denies": in a headline a dash sets
  // the topic apart from the statements after it.)
  for (let j = Math.min(i, view.length) - 1; j >= 0; j--) if (view.isPunct(j, ';') || (view.headline && view.isPunct(j, '–—'))) return j + 1;
  return 0;
}

/**
 * When what follows a reporting verb is a quotation ("adding: “… but …”"), its end is
 * the closing quotation mark, whatever clauses it holds.
 */
export function quotationEnd(view: SentenceView, from: number): number | undefined {
  let i = from;
  while (i < view.length && view.isPunct(i, ':,')) i++;
  const open = view.tokens[i];
  if (!open || !/^["“«]$/.test(open.text)) return undefined;
  for (let j = i + 1; j < view.length; j++) {
    if (!/^["”»]$/.test(view.tokens[j].text)) continue;
    // A quoted phrase that the clause runs on from ("said “the Kyiv regime” was behind")
    // is a noun, not the whole statement.
    const next = view.tokens[j + 1];
    return next && !view.isPunct(j + 1, '.,;:!?') ? undefined : j;
  }
  return view.length;
}

export function isSubjectBoundary(view: SentenceView, j: number): boolean {
  const token = view.tokens[j];
  // (A spaced en dash is a dash: "… in the building – his spokesman said"; "2–3" is a range.)
  // (So is a hyphen with spaces round it: "… not at the Kremlin - his spokesman said".)
  const spaced = token.start > (view.tokens[j - 1]?.end ?? -1);
  if (token.kind === TokenKind.Punct) return ',;:()—'.includes(token.text) || isQuote(token) || (token.text === '–' && spaced) || (token.text === '-' && spaced && (view.tokens[j + 1]?.start ?? 0) > token.end);
  // ("The press service has since confirmed": "since" after an auxiliary is an adverb.)
  if (adverbialSince(view, j) || inAsWell(view, j)) return false;
  // ("The ministry had by that time said …": after a preposition, "that" points to the noun after it.)
  if (token.lower === 'that' && j > 0 && view.startsWith(j - 1, FRAME.preposition) && /^(NOUN|ADJ)$/.test(view.wordClass(j + 1) ?? '')) return false;
  return view.startsWith(j, FRAME.that) || isContrast(view, j) || SUBJECT_STOP_WORDS.has(token.lower);
}

/**
 * "said in a statement that branded the raid …": "that" right after a noun for words, then a
 * verb, opens the noun's relative clause, not a clause of the verb before it.
 */
export function opensNounRelative(view: SentenceView, j: number): boolean {
  if (view.tokens[j]?.lower !== 'that' || j < 1 || !view.isCovered(j - 1, FRAME.claimNoun)) return false;
  const next = view.tokens[j + 1]?.lower ?? '';
  return (view.wordClass(j + 1) === 'VERB' || /ed$/.test(next)) && !/ing$/.test(next);
}

/** Drops punctuation and quote marks at both ends of a span. */
export function trimSpan(view: SentenceView, span: Span): Span {
  let { start, end } = span;
  while (start < end && view.tokens[start].kind === TokenKind.Punct) start++;
  while (end > start && view.tokens[end - 1].kind === TokenKind.Punct) end--;
  return { start, end };
}

export const nextIndexOf = (view: SentenceView, from: number, chars: string): number => {
  for (let j = from; j < view.length; j++) if (view.isPunct(j, chars)) return j;
  return view.length;
};

export const isPossessiveMark = (text: string) => /^['’]s$/.test(text);

/** The index after a live blog's time stamp at from ("16:58", "10.42 BST", "14:20 –"), or from. */
export function afterTimeStamp(view: SentenceView, from: number, dash = false): number {
  if (!/^\d{1,2}[:.]\d{2}$/.test(view.tokens[from]?.text ?? '')) return from;
  let k = /^(am|pm|bst|gmt|cet|cest|msk|utc|edt|est)$/i.test(view.tokens[from + 1]?.text ?? '') ? from + 2 : from + 1;
  if (dash && view.isPunct(k, '–—-:')) k++;
  return k;
}

/**
 * "In a long thread he went further": after a fronted phrase with no comma that opens at from,
 * the subject pronoun that follows the phrase's noun, before any punctuation or verb up to
 * before; a pronoun in the subject's form is never the phrase's object.
 */
export function pronounAfterFrontedPhrase(view: SentenceView, from: number, before: number): number | undefined {
  if (!view.startsWith(from, FRAME.preposition)) return undefined;
  for (let k = from + 2; k < before; k++) {
    if (view.isPunct(k) || view.isVerbal(k)) return undefined;
    // ("In the statement it said …": "it" is the subject only right before the verb.)
    const subject = SUBJECT_PRONOUNS.has(view.tokens[k].lower) || (view.tokens[k].lower === 'it' && k === before - 1);
    if (subject && /^(NOUN|PROPN)$/.test(view.wordClass(k - 1) ?? '')) return k;
  }
  return undefined;
}

/**
 * The noun phrase a sentence opens with, when it is a name or an institution ("Kyiv", "The
 * Ukrainian government", "Zelensky's office"): determiners, capitalised words, possessives and
 * pointing nouns, ending before the verb. Null when the sentence opens otherwise.
 */
export function openingSubject(view: SentenceView, before: number, from = 0): Span | null {
  // ("14:20 – Adviser Mykhailo Podolyak went further, …": a time stamp is no part of the subject.)
  from = afterTimeStamp(view, from, true);
  // ("And on social media, NAME went further": a conjunction opening the sentence is no part of the subject.)
  if (/^(and|but|so|yet)$/.test(view.tokens[from]?.lower ?? '')) from++;
  // ("At a press conference on Thursday, Peskov …": a fronted phrase ends at its comma.)
  if (view.startsWith(from, FRAME.preposition)) {
    const comma = nextIndexOf(view, from, ',');
    if (comma < before) from = comma + 1;
    else {
      // ("In a long thread he went further, …": with no comma, the clause starts at its pronoun.)
      const pronoun = pronounAfterFrontedPhrase(view, from, before);
      if (pronoun !== undefined) return { start: pronoun, end: pronoun + 1 };
    }
  }
  // ("In a message on Twitter, he went further and said …": after a fronted phrase, a subject pronoun.)
  if (from > 0 && view.isPunct(from - 1, ',') && SUBJECT_PRONOUNS.has(view.tokens[from]?.lower ?? '') && from + 1 < before) return { start: from, end: from + 1 };
  // ("ANCHOR: Blinken …": a speaker label before a colon is no part of the clause after it.)
  for (let k = from; k < Math.min(before, from + 6); k++) {
    if (view.isPunct(k, ':')) {
      if (k > from) from = k + 1;
      break;
    }
    if (!view.tokens[k].capitalised) break;
  }
  let end = from;
  while (end < before) {
    const token = view.tokens[end];
    // ("Secretary of State Antony Blinken": "of" between capitalised words is inside the name.)
    const inName = token.lower === 'of' && view.tokens[end - 1]?.capitalised && view.tokens[end + 1]?.capitalised;
    // ("The presidential adviser Mykhailo Podolyak …": a title in lower case before the name.)
    const titleBeforeName = /^(ADJ|NOUN)$/.test(view.wordClass(end) ?? '') && nameWithin(view, end + 1, Math.min(before, end + 4));
    const fits = token.capitalised || inName || view.isCovered(end, FRAME.determiner) || isPossessiveMark(token.text) || view.isCovered(end, FRAME.pointer) || titleBeforeName;
    if (!fits) break;
    end++;
  }
  const span = trimSpan(view, { start: from, end });
  return view.wordCount(span) > 0 && span.end < before && view.tokens.slice(span.start, span.end).some((t) => t.capitalised) ? span : null;
}

/** A name within from..to, with only title words (adjectives, nouns) before it. */
function nameWithin(view: SentenceView, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    if (view.tokens[j].capitalised && view.wordClass(j) === 'PROPN') return true;
    if (!/^(ADJ|NOUN)$/.test(view.wordClass(j) ?? '')) return false;
  }
  return false;
}

/** Words that only say when or how: "on Wednesday", "later", "also", "had". */
export function adjunctOnly(view: SentenceView, start: number, end: number): boolean {
  for (let j = start; j < end; j++) {
    // ("Blinken, for his part indicated …": "for his part" says only whose turn it is.)
    if (view.tokens[j].lower === 'for' && /^(his|her|its|their|our|my)$/.test(view.tokens[j + 1]?.lower ?? '') && view.tokens[j + 2]?.lower === 'part' && j + 3 <= end) {
      j += 2;
      continue;
    }
    const lower = view.tokens[j].lower;
    if (TIME_WORDS.has(lower) || /^(on|in|at|last|this|also|then|again|once|repeatedly|publicly|openly|had|has|have)$/.test(lower)) continue;
    // ("at that time", "by that stage": "that" before a word of time points to it.)
    if (lower === 'that' && (TIME_WORDS.has(view.tokens[j + 1]?.lower ?? '') || /^(time|stage|point|moment|day|week|hour)$/.test(view.tokens[j + 1]?.lower ?? ''))) {
      j++;
      continue;
    }
    if (/^(ADV|AUX)$/.test(view.wordClass(j) ?? '')) continue;
    return false;
  }
  return true;
}

/**
 * Whether the words between a relative pronoun and a reporting verb hold a verb of their own,
 * not an auxiliary of the reporting verb: "who is now deputy head of the council said" (the
 * pronoun's own clause, its comma missing), not "who the Kremlin has said".
 */
export function holdsOwnVerb(view: SentenceView, start: number, end: number): boolean {
  for (let j = start; j < end - 2; j++) if (view.isVerbal(j) && !view.tokens[j].capitalised) return true;
  return false;
}

// Labels some outlets set before a paragraph: what kind of text follows, not who says it.
// (With a newsroom's own labels of a draft's parts: "BYLINE: …", "DATELINE: …", "CAPTION: …".)
const SECTION_LABELS = new Set(['quote', 'quotes', 'source', 'sources', 'details', 'background', 'context', 'reminder', 'update', 'recap', 'summary', 'slug', 'hed', 'dek', 'byline', 'dateline', 'caption', 'kicker', 'subhed', 'lede', 'clarification', 'correction', 'note', 'evidence']);

/** The index after a section label the sentence opens with ("Quote: …" → 2), or 0. */
export function afterSectionLabel(view: SentenceView): number {
  let i = 0;
  if (view.headline && view.isPunct(0, '#')) i++;
  if (SECTION_LABELS.has(view.tokens[i]?.lower ?? '') && view.isPunct(i + 1, ':')) return i + 2;
  // ("The evidence: …", "The background: …": with its article too.)
  if (/^(the|some)$/.test(view.tokens[i]?.lower ?? '') && SECTION_LABELS.has(view.tokens[i + 1]?.lower ?? '') && view.isPunct(i + 2, ':')) return i + 3;
  // ("What we know: …", "What we can say: …", "Here's what I think: …": the writer's own findings follow.)
  const words = view.tokens.slice(i, i + 6).map((token) => token.lower).join(' ');
  const writers = /^(what we (know|found|can say|can confirm|can tell)|here ?['’]s what (i|we) (think|know))\b/.exec(words);
  if (!writers) return 0;
  for (let k = i + 2; k < Math.min(view.length, i + 8); k++) if (view.isPunct(k, ':')) return k + 1;
  return 0;
}

/** "as well" is one adverb, "also" ("Kyiv as well rejected …"), not the "as" that opens a clause. */
export function inAsWell(view: SentenceView, j: number): boolean {
  const lower = (k: number) => view.tokens[k]?.lower ?? '';
  return (lower(j) === 'as' && lower(j + 1) === 'well') || (lower(j) === 'well' && lower(j - 1) === 'as');
}

/** "has since confirmed": "since" right after an auxiliary is an adverb, not a subordinator or a preposition. */
export function adverbialSince(view: SentenceView, j: number): boolean {
  return view.tokens[j]?.lower === 'since' && /^(has|have|had)$/.test(view.tokens[j - 1]?.lower ?? '');
}

/** The sentence is one quotation from its first word to its last ("“…”", a headline "# ‘…’"). */
export function whollyQuoted(view: SentenceView): boolean {
  let first = 0;
  while (first < view.length && view.isPunct(first) && !isQuote(view.tokens[first])) first++;
  let last = view.length - 1;
  while (last > first && view.isPunct(last, '.!?')) last--;
  return first < last && isQuote(view.tokens[first]) && isQuote(view.tokens[last]) && view.quotedSpans().some((span) => span.start === first + 1 && span.end === last);
}

/**
 * Whether an aside set off by dashes closes right before the verb at i ("The statement – short,
 * as its statements go – says …"): the words before the closing dash are no subject of the verb.
 */
export function dashAsideBefore(view: SentenceView, i: number): number | undefined {
  let closing = i - 1;
  while (closing > 0 && (isQuote(view.tokens[closing]) || (/ly$/.test(view.tokens[closing].lower) && view.wordClass(closing) === 'ADV'))) closing--;
  if (closing <= 0 || !view.isPunct(closing, '–—')) return undefined;
  for (let k = closing - 1; k > 0; k--) {
    if (view.isPunct(k, ';') || isQuote(view.tokens[k])) return undefined;
    if (view.isPunct(k, '–—')) return k;
  }
  return undefined;
}

/** The word at i has "nobody", "no one" or "none" for its subject, an adverb at most between: "Nobody seriously disputes …". */
export function byNobody(view: SentenceView, i: number): boolean {
  let k = i - 1;
  if (k >= 0 && view.wordClass(k) === 'ADV' && /ly$/.test(view.tokens[k].lower)) k--;
  const word = view.tokens[k]?.lower ?? '';
  return word === 'nobody' || word === 'none' || (word === 'one' && view.tokens[k - 1]?.lower === 'no');
}

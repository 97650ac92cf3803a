import { isQuote, type SentenceView, type Span } from '../analysis/sentence';
import { FRAME } from '../lexicon/english';
import { isCommonWord } from '../text/fuzzy';
import { wordKey } from '../text/normalize';
import { TokenKind } from '../text/tokens';

// Attribution cues: where a sentence says *who says* something, and which tokens are
// the something. A small shallow parser over the framing lexicon: reporting verb with
// its subject (before, after, or around a parenthetical), "according to", a headline
// colon, "Russia's claim that", "video shows", and agentless passives ("is said to").

export type CueKind = 'verb' | 'according' | 'colon' | 'noun' | 'footage' | 'passive';
/** assert: passes the content on; deny: rejects it; mention: names it without anyone asserting it. */
export type Polarity = 'assert' | 'deny' | 'mention';

export interface Cue {
  kind: CueKind;
  polarity: Polarity;
  /** The cue words themselves. */
  word: Span;
  /** The source phrase; null for agentless cues ("it is claimed"). */
  source: Span | null;
  /** The reported content. */
  scopes: Span[];
  /** The cue words carry a hedge ("appears to show", "purportedly"). */
  hedged: boolean;
}

const SUBJECT_STOP_WORDS = new Set(['and', 'or', 'which', 'who', 'whom', 'what', 'while', 'as', 'when', 'after', 'before', 'because', 'since']);
const RELATIVE = new Set(['which', 'who', 'whom']);
const QUOTE_KEY = wordKey('quote');
// Reporting verbs whose object is the hearer: "…, Peskov told RIA Novosti."
const TELLING = new Set(['tell', 'inform', 'assure', 'brief'].map(wordKey));
// Verbs that may come before their subject at the end of a sentence: "…, said Peskov."
const INVERTIBLE = new Set(['say', 'add', 'write', 'claim', 'warn', 'insist', 'note', 'reply', 'continue', 'argue', 'conclude', 'suggest', 'state', 'explain', 'ask', 'tell'].map(wordKey));
const RELATIVE_SUBJECT = new Set(['who', 'whom', 'that']);

function isContrast(view: SentenceView, i: number): boolean {
  if (!view.startsWith(i, FRAME.contrast)) return false;
  const word = view.tokens[i].lower;
  // Most contrast words separate clauses only after a comma; "but" also before a pronoun
  // subject ("… but it was Kyiv"), not in "nothing but", "no option but".
  if (view.isPunct(i - 1, ',;')) return true;
  if (word === 'but') return view.startsWith(i + 1, FRAME.pronoun);
  return word === 'however' || word === 'whereas' || word === 'although';
}

/** First index at or after i that ends the clause i is in. */
export function clauseEndAfter(view: SentenceView, i: number): number {
  for (let j = Math.max(i, 0); j < view.length; j++) {
    if (view.isPunct(j, ';') || isContrast(view, j)) return j;
  }
  return view.length;
}

/**
 * When what follows a reporting verb is a quotation ("adding: “… but …”"), its end is
 * the closing quotation mark, whatever clauses it holds.
 */
function quotationEnd(view: SentenceView, from: number): number | undefined {
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

/** First index of the clause that contains i. */
export function clauseStartBefore(view: SentenceView, i: number): number {
  for (let j = Math.min(i, view.length) - 1; j >= 0; j--) {
    if (view.isPunct(j, ';:')) return j + 1;
    if (isContrast(view, j)) return j + 1;
  }
  return 0;
}

/** Start of the sentence part before i, up to a semicolon. */
function sentenceStartBefore(view: SentenceView, i: number): number {
  for (let j = Math.min(i, view.length) - 1; j >= 0; j--) if (view.isPunct(j, ';')) return j + 1;
  return 0;
}

function isSubjectBoundary(view: SentenceView, j: number): boolean {
  const token = view.tokens[j];
  if (token.kind === TokenKind.Punct) return ',;:()—'.includes(token.text) || isQuote(token);
  return view.startsWith(j, FRAME.that) || isContrast(view, j) || SUBJECT_STOP_WORDS.has(token.lower);
}

/** Drops punctuation and quote marks at both ends of a span. */
export function trimSpan(view: SentenceView, span: Span): Span {
  let { start, end } = span;
  while (start < end && view.tokens[start].kind === TokenKind.Punct) start++;
  while (end > start && view.tokens[end - 1].kind === TokenKind.Punct) end--;
  return { start, end };
}

const nextIndexOf = (view: SentenceView, from: number, chars: string): number => {
  for (let j = from; j < view.length; j++) if (view.isPunct(j, chars)) return j;
  return view.length;
};

export const isPossessiveMark = (text: string) => /^['’]s$/.test(text);

// "state TV", "state media": "state" as the first half of a compound noun.
const STATE_COMPOUNDS = new Set(['tv', 'television', 'media', 'news', 'broadcaster', 'agency', 'channel', 'channels', 'outlet', 'outlets', 'press', 'department', 'duma', 'council', 'secretary', 'officials', 'visit', 'funeral', 'secrets', 'security', 'sponsored', '-']);

function isNounUse(view: SentenceView, i: number, end: number): boolean {
  if (view.tokens[i].lower === 'state' && STATE_COMPOUNDS.has(view.tokens[i + 1]?.lower ?? '')) return true;
  const previous = i - 1;
  if (previous >= 0 && isPossessiveMark(view.tokens[previous].text)) return true; // "Russia's claims"
  // "to" before a verb is the infinitive ("hastened to talk about"), not a preposition.
  const preposition = previous >= 0 && view.startsWith(previous, FRAME.preposition) && view.tokens[previous].lower !== 'to';
  if (previous >= 0 && (view.isCovered(previous, FRAME.determiner) || preposition)) {
    // "Russia's claims", "about Kremlin claims" — unless a subject-verb pair: "his spokesman said" is fine.
    if (!view.isCovered(previous, FRAME.possessivePronoun) && view.tokens[previous].lower !== 'that') return true;
  }
  // "Calls were made", "Reports say": a plural noun before a verb. ("who the Kremlin said was …" is a verb.)
  const word = view.tokens[end - 1].lower;
  const pluralNoun = word.endsWith('s') && !/(ss|says)$/.test(word);
  const verbFollows = end < view.length && (view.startsWith(end, FRAME.be) || view.startsWith(end, FRAME.report) || view.startsWith(end, FRAME.modal));
  // "any Kremlin claim should be …": a determiner opens the noun phrase the word ends.
  const pastTense = /ed$/.test(word) || IRREGULAR_PARTICIPLES.has(word) || word === 'wrote';
  const determined = !pastTense && [i - 2, i - 3].some((j) => j >= 0 && view.isCovered(j, FRAME.determiner) && view.tokens[j].lower !== 'that' && !view.isPunct(j + 1));
  // "What the Kremlin claims is that …": after "what" and its subject the word is the verb.
  const afterWhat = [i - 2, i - 3, i - 4].some((j) => j >= 0 && view.tokens[j].lower === 'what');
  // "had used a social media post to call for …": a noun phrase with no name in it, then a preposition.
  const prepositionFollows = end < view.length && (view.startsWith(end, FRAME.preposition) || view.tokens[end].lower === 'to');
  const namesBefore = view.tokens.slice(Math.max(0, i - 3), i).some((t) => t.capitalised);
  if (determined && prepositionFollows && !namesBefore && !afterWhat) return true;
  return verbFollows && (pluralNoun || determined) && !afterWhat;
}

const PARTICIPLE_FOLLOWERS = new Set(['on', 'in', 'with', 'online', 'by', 'to', 'from', 'at', 'overnight', 'earlier', 'later', 'alongside', 'beside', 'under', 'below', 'above', 'next']);

/** "a video posted on Telegram", "text published with the clip": a participle describing a noun. */
function isParticipleAfterNoun(view: SentenceView, i: number, e: number): boolean {
  const word = view.tokens[i].lower;
  if (!/ed$/.test(word) || i === 0 || view.tokens[i - 1].kind === TokenKind.Punct) return false;
  const previous = view.tokens[i - 1];
  // A capital is a name's only at the start of a sentence if the word is no ordinary noun ("Text posted with").
  const name = previous.capitalised && !(i - 1 === 0 && isCommonWord(previous.lower));
  const describesNoun = !name || view.isCovered(i - 1, FRAME.footage) || view.isCovered(i - 1, FRAME.claimNoun);
  return e < view.length && PARTICIPLE_FOLLOWERS.has(view.tokens[e].lower) && describesNoun;
}

function afterBe(view: SentenceView, i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    if (view.isCovered(j, FRAME.be)) return true;
    if (view.tokens[j].kind === TokenKind.Punct || !/ly$/.test(view.tokens[j].lower)) return false;
  }
  return false;
}

export function findCues(view: SentenceView): Cue[] {
  const cues: Cue[] = [];
  const verbCues = [...(view.frame.get(FRAME.report) ?? []), ...(view.frame.get(FRAME.deny) ?? [])].sort((a, b) => a.start - b.start);
  const taken = new Set<number>();

  for (const occurrence of verbCues) {
    const { start: i, end: e } = occurrence;
    if (taken.has(i)) continue;
    // Longer doubt phrases win: "warned against considering" casts doubt, it reports nothing.
    if (view.isCovered(i, FRAME.doubt) || view.isCovered(i, FRAME.according)) continue;
    // After "be" a participle is passive (passiveCue reads it); "is claiming" is active.
    const progressive = /ing$/.test(view.tokens[e - 1].lower);
    if (isNounUse(view, i, e) || (afterBe(view, i) && !progressive) || isParticipleAfterNoun(view, i, e)) continue;
    // "cannot confirm", "did not say", "declined to say": a negated report passes nothing on.
    // "did not merely deny …, but …" still denies.
    const negated =
      [i - 1, i - 2].some((j) => j >= 0 && view.isCovered(j, FRAME.negator) && !/^(only|just|merely)$/.test(view.tokens[j + 1]?.lower ?? '')) ||
      (i >= 2 && /^declin/.test(view.tokens[i - 2].lower));
    const polarity: Polarity = negated ? 'mention' : occurrence.label === FRAME.deny ? 'deny' : 'assert';
    const cue = verbCue(view, i, e, polarity, cues, taken);
    if (cue) {
      cues.push(cue);
      for (let j = i; j < e; j++) taken.add(j);
    }
  }
  for (const occurrence of view.frame.get(FRAME.according) ?? []) cues.push(accordingCue(view, occurrence.start, occurrence.end));
  for (const occurrence of view.frame.get(FRAME.show) ?? []) {
    const cue = footageCue(view, occurrence.start, occurrence.end);
    if (cue) cues.push(cue);
  }
  // A caption: "Smoke rises above the Kremlin in a still from a video posted on Telegram".
  for (const occurrence of view.frame.get(FRAME.footage) ?? []) {
    let at = occurrence.start - 1;
    while (at >= 0 && at > occurrence.start - 4 && !view.isPunct(at) && !['in', 'from'].includes(view.tokens[at].lower)) at--;
    if (at < 0 || !['in', 'from'].includes(view.tokens[at].lower)) continue;
    const clauseStart = clauseStartBefore(view, at);
    const hedged = [...Array(occurrence.start - at).keys()].some((k) => view.isCovered(at + k, FRAME.hedgeAdjective));
    if (view.wordCount({ start: clauseStart, end: at }) >= 2) {
      cues.push({
        kind: 'footage',
        polarity: 'assert',
        word: { start: at, end: occurrence.end },
        source: { start: at + 1, end: clauseEndAfter(view, occurrence.end) },
        scopes: [{ start: clauseStart, end: at }],
        hedged,
      });
      continue;
    }
    // "In a video that circulated online, smoke can be seen …": the content follows the comma.
    const comma = nextIndexOf(view, occurrence.end, ',');
    if (comma < view.length) {
      cues.push({
        kind: 'footage',
        polarity: 'assert',
        word: { start: at, end: occurrence.end },
        source: { start: at + 1, end: comma },
        scopes: [{ start: comma + 1, end: clauseEndAfter(view, comma + 1) }],
        hedged,
      });
    }
  }
  // "Purported footage of a drone strike on the Kremlin": what the footage shows follows "of".
  for (const occurrence of view.frame.get(FRAME.footage) ?? []) {
    const of = occurrence.end;
    if (view.tokens[of]?.lower !== 'of' || cues.some((cue) => cue.kind === 'footage' && cue.source && cue.source.end >= occurrence.end && cue.source.start <= occurrence.start)) continue;
    let start = occurrence.start;
    // ("Peskov's office released footage of …": the possessor belongs to the source.)
    while (start > 0 && (!view.isPunct(start - 1) || isPossessiveMark(view.tokens[start - 1].text)) && !view.isCovered(start - 1, FRAME.report) && !view.isCovered(start - 1, FRAME.preposition) && occurrence.start - start < 5) start--;
    const hedged = [...Array(occurrence.start - start).keys()].some((k) => view.isCovered(start + k, FRAME.hedgeAdjective));
    cues.push({ kind: 'footage', polarity: 'assert', word: { start: occurrence.start, end: of + 1 }, source: { start, end: occurrence.end }, scopes: [{ start: of + 1, end: clauseEndAfter(view, of + 1) }], hedged });
  }
  for (const occurrence of view.frame.get(FRAME.claimNoun) ?? []) {
    if (taken.has(occurrence.start)) continue; // already read as a verb: "Ukraine claims that"
    const cue = nounCue(view, occurrence.start, occurrence.end);
    if (cue) cues.push(cue);
  }
  for (const occurrence of view.frame.get(FRAME.passiveReport) ?? []) {
    const cue = passiveCue(view, occurrence.start, occurrence.end);
    if (cue) cues.push(cue);
  }
  const colon = colonCue(view, cues);
  if (colon) cues.push(colon);
  return cues;
}

function verbCue(view: SentenceView, i: number, e: number, polarity: Polarity, earlier: Cue[], taken: ReadonlySet<number>): Cue | null {
  // "Russian media quoted the Kremlin as saying": the one quoted is the source.
  if (view.tokens[i].key === QUOTE_KEY) {
    for (let j = e + 1; j < Math.min(view.length, e + 9); j++) {
      if (view.tokens[j].lower === 'as' && /^(saying|having)$/.test(view.tokens[j + 1]?.lower ?? '')) {
        const source = trimSpan(view, { start: e, end: j });
        const content: Span = { start: j + 2, end: clauseEndAfter(view, j + 2) };
        let comma = i - 1;
        while (comma >= 0 && !view.isPunct(comma, ',')) comma--;
        const before: Span[] = comma > 0 ? [{ start: sentenceStartBefore(view, comma), end: comma }] : [];
        return { kind: 'verb', polarity, word: { start: i, end: j + 2 }, source, scopes: [...before, content], hedged: false };
      }
    }
  }
  let regionStart = i;
  while (regionStart > 0 && !isSubjectBoundary(view, regionStart - 1)) regionStart--;
  const region = trimSpan(view, { start: regionStart, end: i });
  // A subject never holds another reporting verb ("said in written comments that": the
  // second is a noun) and never opens with a preposition ("… Over Kremlin Claims").
  for (let j = region.start; j < region.end; j++) if (taken.has(j)) return null;
  if (region.end > region.start && view.startsWith(region.start, FRAME.preposition)) return null;
  const after: Span = { start: e, end: quotationEnd(view, e) ?? clauseEndAfter(view, e) };
  const cue = (source: Span | null, scopes: Span[]): Cue => ({ kind: 'verb', polarity, word: { start: i, end: e }, source, scopes, hedged: false });

  // "Medvedev, the former president, had used a post to call for …": a region that opens with
  // an auxiliary is a verb phrase; its subject stands before the apposition.
  if (view.wordCount(region) > 0 && (view.isCovered(region.start, FRAME.modal) || view.isCovered(region.start, FRAME.be)) && regionStart > 0 && view.isPunct(regionStart - 1, ',')) {
    let open = regionStart - 2;
    while (open >= 0 && !view.isPunct(open, ',;:')) open--;
    const end = open >= 0 && view.isPunct(open, ',') ? open : regionStart - 1;
    let start = end;
    while (start > 0 && !isSubjectBoundary(view, start - 1)) start--;
    const subject = trimSpan(view, { start, end });
    if (view.wordCount(subject) > 0 && view.tokens.slice(subject.start, subject.end).some((t) => t.capitalised)) return cue(subject, [after]);
  }
  if (view.wordCount(region) > 0) {
    const before = regionStart - 1;
    // "What Moscow called an “assassination attempt” was …": the speaker's words are the
    // verb's object only; the clause's own verb comes after them.
    if (before >= 0 && view.tokens[before].lower === 'what') {
      let end = e;
      while (end < after.end && !view.isCovered(end, FRAME.be) && !view.isCovered(end, FRAME.modal) && !view.isPunct(end, ',;:')) end++;
      // "What Peskov said was that …": what follows "was" is what was said.
      if (end === e && view.isCovered(end, FRAME.be)) {
        let from = end + 1;
        while (from < view.length && (view.isCovered(from, FRAME.be) || view.startsWith(from, FRAME.that) || view.isPunct(from, ':,'))) from++;
        return cue(region, [{ start: from, end: clauseEndAfter(view, from) }]);
      }
      return cue(region, [{ start: e, end }]);
    }
    // "CONTENT — or so the Kremlin says.": "or so" points back at everything before it.
    if (before >= 1 && view.tokens[before].lower === 'or' && view.tokens[region.start].lower === 'so' && view.isPunct(before - 1, ',—–-')) {
      const source = trimSpan(view, { start: region.start + 1, end: region.end });
      if (view.wordCount(source) > 0) return cue(source, [{ start: sentenceStartBefore(view, before - 1), end: before - 1 }]);
    }
    // "the attempt on Putin's life, as Moscow called it": the phrase before "as" is what was said.
    if (before >= 0 && view.tokens[before].lower === 'as' && (/^(it|them|this)$/.test(view.tokens[e]?.lower ?? '') || view.tokens[e - 1].lower === 'it')) {
      return cue(region, [{ start: clauseStartBefore(view, before), end: before }]);
    }
    // "Putin, who the Kremlin said was at Novo-Ogaryovo": the relative pronoun stands for
    // the noun before it, which belongs to the content.
    // A relative clause between commas ends at the next comma.
    const relativeAfter: Span = { start: e, end: Math.min(after.end, nextIndexOf(view, e, ',')) };
    if (before >= 0 && RELATIVE_SUBJECT.has(view.tokens[before].lower)) {
      let antecedent = before;
      while (antecedent > 0 && !view.isPunct(antecedent - 1, ';:') && !isContrast(view, antecedent - 1) && !(view.isPunct(antecedent - 1, ',') && antecedent - 1 < before - 1)) antecedent--;
      return cue(region, [{ start: antecedent, end: before }, view.isPunct(before - 1, ',') ? relativeAfter : after]);
    }
    // "..., which Ukraine denies": the content is the clause before the relative pronoun.
    // ("the attack, which Moscow called an attempt on Putin's life": the verb has its own
    // complement, and "which" stands for the noun only.)
    if (before >= 1 && RELATIVE.has(view.tokens[before].lower) && view.isPunct(before - 1, ',')) {
      if (view.wordCount(relativeAfter) > 0) {
        // "the drones, which it said were sent by Kyiv": the noun before "which" is the subject of what was said.
        const subjectRelative = view.isCovered(e, FRAME.be) || view.isCovered(e, FRAME.modal);
        let antecedent = before - 1;
        while (antecedent > 0 && !isSubjectBoundary(view, antecedent - 1) && !view.isCovered(antecedent - 1, FRAME.report)) antecedent--;
        return cue(region, subjectRelative ? [{ start: antecedent, end: before - 1 }, relativeAfter] : [relativeAfter]);
      }
      return cue(region, [{ start: clauseStartBefore(view, before), end: before - 1 }, relativeAfter]);
    }
    let comma = before;
    while (comma >= 0 && isQuote(view.tokens[comma])) comma--;
    if (comma >= 0 && view.isPunct(comma, ',')) {
      // "CONTENT, the Kremlin said (in a statement)." — the content comes first.
      const tail: Span = { start: e, end: nextIndexOf(view, e, ',;') };
      // ("…, the ministry said in a statement that branded it …": a relative "that" after a noun is no clause of the verb's.)
      const tailHasThat = view.frame.get(FRAME.that)?.some((o) => o.start >= tail.start && o.start < tail.end && !view.isCovered(o.start - 1, FRAME.claimNoun)) ?? false;
      // Only adjuncts may follow an end attribution ("…, the Kremlin said in a statement",
      // "…, Peskov told RIA Novosti"); a verb with its own object or clause starts a new
      // sentence part ("After the drones were shot down, Peskov said Putin was safe").
      const first = view.tokens[tail.start];
      const adjunctsOnly =
        view.wordCount(tail) === 0 ||
        TELLING.has(view.tokens[i].key) ||
        (first !== undefined && (view.startsWith(tail.start, FRAME.preposition) || view.isCovered(tail.start, FRAME.adjunct) || /ly$/.test(first.lower)));
      // A longer tail only behind "in a statement", "on Telegram" and the like.
      const tailLimit = view.isCovered(tail.start, FRAME.adjunct) ? 20 : 7;
      if (view.wordCount(tail) <= tailLimit && !tailHasThat && adjunctsOnly) {
        // An end attribution covers the whole sentence before it ("A, but B, it added").
        return cue(region, [{ start: sentenceStartBefore(view, comma), end: comma }, after]);
      }
    }
    return cue(region, [after]);
  }

  let previous = i - 1;
  while (previous >= 0 && isQuote(view.tokens[previous])) previous--;
  // "The Kremlin, which said the drones were disabled, accused …": the noun before the
  // relative pronoun speaks; what it said runs to the closing comma.
  if (previous >= 1 && RELATIVE.has(view.tokens[previous].lower) && view.isPunct(previous - 1, ',')) {
    let start = previous - 1;
    while (start > 0 && !isSubjectBoundary(view, start - 1)) start--;
    const subject = trimSpan(view, { start, end: previous - 1 });
    if (view.wordCount(subject) > 0) return cue(subject, [{ start: e, end: Math.min(after.end, nextIndexOf(view, e, ',')) }]);
  }
  // "…, Moscow said, blaming Kyiv" / "…, adding that …": a participle shares the subject
  // of the reporting verb before it.
  if (previous >= 0 && view.isPunct(previous, ',') && /ing$/.test(view.tokens[i].lower)) {
    const shared = [...earlier].reverse().find((other) => other.kind === 'verb' && other.word.end <= previous);
    if (shared?.source) return cue(shared.source, [after]);
    // "Kyiv answered within hours, denying any part in it": the subject the sentence opens with.
    const subject = openingSubject(view, previous);
    return subject ? cue(subject, [after]) : null;
  }
  if (previous >= 0 && view.isPunct(previous, ',')) {
    // "CONTENT, said Peskov." — the source follows the verb.
    const tailEnd = nextIndexOf(view, e, ',;');
    const tail = trimSpan(view, { start: e, end: tailEnd });
    const tailIsNounPhrase = !view.tokens.slice(tail.start, tail.end).some((_, k) => {
      const j = tail.start + k;
      return view.isCovered(j, FRAME.be) || view.isCovered(j, FRAME.modal) || view.isCovered(j, FRAME.report) || view.isCovered(j, FRAME.that);
    });
    const invertible = INVERTIBLE.has(view.tokens[i].key);
    if (invertible && tailIsNounPhrase && view.wordCount(tail) >= 1 && view.wordCount(tail) <= 8 && (tailEnd === view.length || view.isPunct(tailEnd, ','))) {
      const hasName = view.tokens.slice(tail.start, tail.end).some((token) => token.capitalised);
      if (hasName) return cue(tail, [{ start: clauseStartBefore(view, previous), end: previous }]);
    }
    // "Peskov, speaking after ..., said" — the subject stands before the parenthetical,
    // which stays in the writer's voice.
    for (let c = previous - 1; c >= 0; c--) {
      if (view.isPunct(c, ';') || isContrast(view, c)) break;
      if (view.isPunct(c, ',')) {
        let start = c;
        while (start > 0 && !isSubjectBoundary(view, start - 1)) start--;
        const subject = trimSpan(view, { start, end: c });
        if (view.wordCount(subject) > 0) return cue(subject, [after]);
        break;
      }
    }
    return null;
  }
  // "accused Ukraine ... and warned of retaliation": the subject is shared.
  if (previous >= 0 && ['and', 'but', 'or'].includes(view.tokens[previous].lower)) {
    const shared = [...earlier].reverse().find((other) => other.kind === 'verb' && other.word.end <= previous);
    if (shared?.source) return cue(shared.source, [after]);
  }
  return null;
}

function accordingCue(view: SentenceView, i: number, e: number): Cue {
  const sourceEnd = nextIndexOf(view, e, ',;:');
  const source = trimSpan(view, { start: e, end: sourceEnd });
  const clauseStart = clauseStartBefore(view, i);
  const scopes: Span[] = [];
  if (view.wordCount({ start: clauseStart, end: i }) > 0) scopes.push({ start: clauseStart, end: i });
  if (sourceEnd < view.length && view.isPunct(sourceEnd, ',')) {
    scopes.push({ start: sourceEnd + 1, end: clauseEndAfter(view, sourceEnd + 1) });
  }
  return { kind: 'according', polarity: 'assert', word: { start: i, end: e }, source, scopes, hedged: false };
}

function footageCue(view: SentenceView, i: number, e: number): Cue | null {
  const clauseStart = clauseStartBefore(view, i);
  const footage = (view.frame.get(FRAME.footage) ?? []).filter((o) => o.end <= i && o.start >= clauseStart && i - o.end <= 20);
  if (!footage.length) return null;
  const cueText = view.text({ start: i, end: e }).toLowerCase();
  const before = i - 1;
  const hedged = /appear|seem|purport/.test(cueText) || (before >= 0 && view.isCovered(before, FRAME.hedge)) || (before >= 0 && view.isCovered(before, FRAME.seem));
  // The footage phrase starts after any reporting verb or "that" before it: in "Peskov said
  // video showed …" the source of what is shown is the video, not Peskov.
  let start = footage[footage.length - 1].start;
  while (start > clauseStart && !view.isPunct(start - 1, ',;:') && !view.isCovered(start - 1, FRAME.report) && !view.startsWith(start - 1, FRAME.that)) start--;
  return {
    kind: 'footage',
    polarity: 'assert',
    word: { start: i, end: e },
    source: trimSpan(view, { start, end: i }),
    scopes: [{ start: e, end: clauseEndAfter(view, e) }],
    hedged,
  };
}

function nounCue(view: SentenceView, i: number, e: number): Cue | null {
  // Only a noun: "the claim that", "Russia's claim", not "it is claimed that", "claiming"
  // ("in Moscow's telling" is a noun after its possessor).
  const word = view.tokens[i].lower;
  const possessed = i >= 1 && isPossessiveMark(view.tokens[i - 1].text);
  if ((/(ed|ing)$/.test(word) && !possessed) || (i > 0 && (view.isCovered(i - 1, FRAME.be) || view.isCovered(i - 1, FRAME.modal) || view.startsWith(i - 1, FRAME.pronoun)))) return null;
  let source: Span | null = null;
  let next = e;
  if (possessed) {
    // The possessor: names and determiners just before "'s" ("the Kremlin's", "Kremlin
    // spokesman Dmitry Peskov's"), never the verb before them.
    let start = i - 1;
    while (start > 0 && i - 1 - start < 5 && !isSubjectBoundary(view, start - 1) && !view.startsWith(start - 1, FRAME.preposition) && (view.tokens[start - 1].capitalised || view.isCovered(start - 1, FRAME.determiner))) start--;
    source = trimSpan(view, { start, end: i - 1 });
    const said = source.end > source.start ? possessiveFrameScope(view, source.start, e) : null;
    if (said) return { kind: 'noun', polarity: 'assert', word: { start: i, end: e }, source, scopes: [said], hedged: false };
  } else if (next < view.length && view.startsWith(next, FRAME.by)) {
    const end = nextIndexOf(view, next + 1, ',;');
    let stop = next + 1;
    while (stop < end && !view.startsWith(stop, FRAME.that)) stop++;
    source = trimSpan(view, { start: next + 1, end: stop });
    next = stop;
  }
  let scope: Span | null = null;
  if (next < view.length && (view.startsWith(next, FRAME.that) || view.tokens[next].lower === 'of')) {
    scope = { start: next + 1, end: clauseEndAfter(view, next + 1) };
  }
  if (!scope) return null;
  if (source && view.wordCount(source) > 0) {
    return { kind: 'noun', polarity: 'assert', word: { start: i, end: e }, source, scopes: [scope], hedged: false };
  }
  // "the claim that ...", "reports that ...": the content is named, nobody asserts it.
  if (view.tokens[next]?.lower !== 'that') return null;
  return { kind: 'noun', polarity: 'mention', word: { start: i, end: e }, source: null, scopes: [scope], hedged: false };
}

/**
 * The noun phrase a sentence opens with, when it is a name or an institution ("Kyiv", "The
 * Ukrainian government", "Zelensky's office"): determiners, capitalised words, possessives and
 * pointing nouns, ending before the verb. Null when the sentence opens otherwise.
 */
function openingSubject(view: SentenceView, before: number): Span | null {
  let end = 0;
  while (end < before) {
    const token = view.tokens[end];
    const fits = token.capitalised || view.isCovered(end, FRAME.determiner) || isPossessiveMark(token.text) || view.isCovered(end, FRAME.pointer);
    if (!fits) break;
    end++;
  }
  const span = trimSpan(view, { start: 0, end });
  return view.wordCount(span) > 0 && span.end < before && view.tokens.slice(span.start, span.end).some((t) => t.capitalised) ? span : null;
}

/**
 * What "X's account" frames without "that": the clause after "The Kremlin's version:", the
 * clause after "In Moscow's telling," or the clause before "…, in Moscow's telling."
 */
function possessiveFrameScope(view: SentenceView, possessorStart: number, e: number): Span | null {
  if (view.isPunct(e, ':')) return { start: e + 1, end: clauseEndAfter(view, e + 1) };
  const at = possessorStart - 1;
  if (at < 0 || view.tokens[at].lower !== 'in') return null;
  const clauseStart = clauseStartBefore(view, at);
  if (view.wordCount({ start: clauseStart, end: at }) > 0) {
    // "…, in Moscow's telling." — only when the phrase closes the clause.
    return e >= view.length || view.isPunct(e, ',.;!?') ? { start: sentenceStartBefore(view, at), end: at } : null;
  }
  return view.isPunct(e, ',') ? { start: e + 1, end: clauseEndAfter(view, e + 1) } : null;
}

const IRREGULAR_PARTICIPLES = new Set(['said', 'thought', 'understood', 'told', 'written', 'shown', 'seen', 'known', 'held', 'taken', 'cast', 'put', 'quoted']);

function passiveCue(view: SentenceView, p: number, e: number): Cue | null {
  // Only a participle: "was unable to confirm" is no passive ("held responsible": the first word).
  const participle = view.tokens[p].lower;
  if (!/ed$/.test(participle) && !IRREGULAR_PARTICIPLES.has(participle)) return null;
  // be (+ up to two adverbs or "being") + participle: "is said to", "was widely reported", "is being described as".
  let b = p - 1;
  let seen = 0;
  while (b >= 0 && seen < 3 && !view.isCovered(b, FRAME.be)) {
    if (view.tokens[b].kind === TokenKind.Punct) return null;
    b--;
    seen++;
  }
  if (b < 0 || !view.isCovered(b, FRAME.be)) return null;
  while (b > 0 && view.isCovered(b - 1, FRAME.be)) b--;
  const clauseStart = clauseStartBefore(view, b);
  if (e < view.length && view.startsWith(e, FRAME.by)) {
    let end = e + 1;
    while (end < view.length && !view.isPunct(end, ',;') && !['as', 'to', 'that', 'of', 'for'].includes(view.tokens[end].lower)) end++;
    const source = trimSpan(view, { start: e + 1, end });
    return {
      kind: 'passive',
      polarity: 'assert',
      word: { start: b, end: e + 1 },
      source,
      scopes: [{ start: clauseStart, end: b }, { start: end, end: clauseEndAfter(view, end) }],
      hedged: false,
    };
  }
  return {
    kind: 'passive',
    polarity: 'assert',
    word: { start: b, end: e },
    source: null,
    scopes: [{ start: clauseStart, end: clauseEndAfter(view, e) }],
    hedged: true,
  };
}

function colonCue(view: SentenceView, cues: Cue[]): Cue | null {
  for (let k = 1; k < Math.min(view.length, 9); k++) {
    if (!view.isPunct(k, ':')) continue;
    if (cues.some((cue) => cue.word.start < k)) return null;
    const source = trimSpan(view, { start: 0, end: k });
    if (view.wordCount(source) === 0 || view.wordCount(source) > 6) return null;
    // "10.42 BST: Russian state TV says …": a label before a sentence with its own reporting
    // verb attributes nothing.
    if (cues.some((cue) => cue.word.start > k && (cue.kind === 'verb' || cue.kind === 'according') && cue.source)) return null;
    return { kind: 'colon', polarity: 'assert', word: { start: k, end: k + 1 }, source, scopes: [{ start: k + 1, end: view.length }], hedged: false };
  }
  return null;
}

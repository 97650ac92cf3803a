import { FRAME, framingIndex } from '../lexicon/english';
import type { CompiledPack } from '../pack/compile';
import { tokenize, TokenKind, type Token } from '../text/tokens';
import type { CharSpan } from './newsDraft';
import { countBefore } from '../text/sorted';

// Direct quotations and who speaks them, in a draft or in a source text. A quotation is an
// outermost pair of double quotation marks (curly quotes nest); its speaker is the pack
// person or party that is the subject of the first reporting verb after the quotation
// ("…,” Zelensky said / “…,” said Peskov) or, failing that, before it (Podolyak said that
// “…” / according to the Kremlin, “…”). "He"/"she"/"it" stand for the first speaker-like
// name of the sentences just before ("he" for none when two people are named there).

export interface Speaker {
  partyId: string;
  /** A named person of the party, when the text names one. */
  person?: string;
  /** Where the text names the speaker (the pronoun, when it is one). */
  span: CharSpan;
  via: 'name' | 'pronoun';
}

export interface Quotation {
  /** The quoted words, inside the marks. */
  inner: CharSpan;
  /** The quotation with its marks. */
  outer: CharSpan;
  speaker?: Speaker;
}

export interface QuotationOptions {
  /** Blank lines a quotation may run across (source texts break paragraphs inside quotes). */
  maxBlankLines: number;
  /** Line breaks a quotation may run across, so that an unclosed mark cannot run on for good. */
  maxLineBreaks: number;
}

interface Mark {
  at: number;
  char: string;
}

const OPEN_CURLY = new Set(['“', '«']);
const CLOSE_CURLY = new Set(['”', '»']);
const BLANK_LINE = /\n[ \t]*\r?\n/g;
const PERSONAL_PRONOUNS = new Set(['he', 'she']);
const IMPERSONAL_PRONOUNS = new Set(['it', 'they']);

/** Quotation marks inside the given sentences (so code, comments and markup never count). */
function marksIn(text: string, sentences: readonly CharSpan[]): Mark[] {
  const marks: Mark[] = [];
  for (const sentence of sentences) {
    for (let i = sentence.start; i < sentence.end; i++) {
      const code = text.charCodeAt(i);
      // '"', '«', '»', '“', '”'
      if (code === 0x22 || code === 0xab || code === 0xbb || code === 0x201c || code === 0x201d) marks.push({ at: i, char: text[i] });
    }
  }
  return marks;
}

function pairMarks(text: string, marks: readonly Mark[], options: QuotationOptions): Array<{ open: number; close: number }> {
  const pairs: Array<{ open: number; close: number }> = [];
  let open: Mark | null = null;
  let depth = 0;
  for (const mark of marks) {
    if (open) {
      const between = text.slice(open.at, mark.at);
      const blankLines = between.match(BLANK_LINE)?.length ?? 0;
      const lineBreaks = between.split('\n').length - 1;
      if (blankLines > options.maxBlankLines || lineBreaks > options.maxLineBreaks) {
        open = null;
        depth = 0;
      }
    }
    if (!open) {
      if (OPEN_CURLY.has(mark.char) || (mark.char === '"' && /\S/.test(text[mark.at + 1] ?? ''))) {
        open = mark;
        depth = 1;
      }
      continue;
    }
    if (open.char === '"') {
      if (mark.char === '"') {
        pairs.push({ open: open.at, close: mark.at });
        open = null;
      }
      continue;
    }
    if (OPEN_CURLY.has(mark.char)) depth++;
    else if (CLOSE_CURLY.has(mark.char) && --depth === 0) {
      pairs.push({ open: open.at, close: mark.at });
      open = null;
    }
  }
  return pairs;
}

interface NamedMention {
  span: CharSpan;
  partyId: string;
  person?: string;
  personal: boolean;
  /** Token indices in the window it was found in. */
  first: number;
  last: number;
}

const personNames = new WeakMap<CompiledPack, Map<string, RegExp | null>>();

/**
 * The expression that finds a pack person by name or alias, made on first use: a
 * case-insensitive Unicode expression costs about a millisecond to make and run the first
 * time, and a draft asks after one or two of the pack's people, if any.
 */
function personExpression(pack: CompiledPack, person: string): RegExp | null {
  let byPerson = personNames.get(pack);
  if (!byPerson) personNames.set(pack, (byPerson = new Map()));
  let expression = byPerson.get(person);
  if (expression !== undefined) return expression;
  expression = null;
  for (const party of pack.parties.values()) {
    for (const entry of party.people ?? []) {
      // (The last person of that name, as when the expressions were made all at once.)
      if (entry.name !== person) continue;
      const names = [entry.name, ...(entry.aliases ?? [])].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      expression = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    }
  }
  byPerson.set(person, expression);
  return expression;
}

/** Where the text first names a pack person by name or alias (not by role), or Infinity. */
function firstNaming(text: string, pack: CompiledPack, person: string): number {
  const found = personExpression(pack, person)?.exec(text);
  return found ? found.index : Number.POSITIVE_INFINITY;
}

/**
 * Speaker-like names among the tokens: pack people and parties, not outlets or platforms.
 * A role ("the mayor", "the spokesman") stands for a pack person only once the text has
 * named that person (`namedAt`: where it first does): any mayor may be quoted in a draft.
 */
function mentionsIn(tokens: Token[], pack: CompiledPack, namedAt: (person: string) => number): NamedMention[] {
  const found: NamedMention[] = [];
  for (const occurrence of pack.index.findAll(tokens)) {
    const mention = pack.mentions.get(occurrence.label);
    if (!mention) continue;
    const { party, person } = mention;
    if (party.kind === 'media' || party.kind === 'platform' || party.secondHand) continue;
    if (mention.roleOnly && (!person || namedAt(person.name) > tokens[occurrence.start].start)) continue;
    // "Putin's residence" names a place, not a speaker.
    if (tokens[occurrence.end]?.text === "'s" || tokens[occurrence.end]?.text === '’s') continue;
    found.push({
      span: { start: tokens[occurrence.start].start, end: tokens[occurrence.end - 1].end },
      partyId: party.id,
      person: person?.name,
      personal: Boolean(person) || party.kind === 'person',
      first: occurrence.start,
      last: occurrence.end - 1,
    });
  }
  // Longest name wins where names overlap ("Ukrainian President Volodymyr Zelensky" over "Ukrainian President").
  found.sort((a, b) => a.first - b.first || b.last - a.last || Number(Boolean(b.person)) - Number(Boolean(a.person)));
  const kept: NamedMention[] = [];
  for (const mention of found) {
    const overlapping = kept.find((k) => mention.first <= k.last && k.first <= mention.last);
    if (!overlapping) kept.push(mention);
    else if (mention.last - mention.first > overlapping.last - overlapping.first) kept.splice(kept.indexOf(overlapping), 1, mention);
  }
  return kept.sort((a, b) => a.first - b.first);
}

const CUE_LABELS = new Set<string>([FRAME.report, FRAME.deny, FRAME.according]);

function cuesIn(tokens: Token[]): Array<{ index: number; according: boolean }> {
  const cues = framingIndex()
    .findAll(tokens)
    .filter((occurrence) => CUE_LABELS.has(occurrence.label))
    // "as reported" reports nothing of its own.
    .filter((occurrence) => tokens[occurrence.start - 1]?.lower !== 'as')
    .map((occurrence) => ({ index: occurrence.start, end: occurrence.end, according: occurrence.label === FRAME.according }));
  cues.sort((a, b) => a.index - b.index);
  return cues.map(({ index, according, end }) => ({ index: according ? end - 1 : index, according }));
}

/** Where the last clause opens: after a semicolon, or after a comma and "but", "while", "whereas". */
function lastClauseStart(tokens: Token[]): number {
  for (let i = tokens.length - 1; i > 0; i--) {
    if (tokens[i].text === ';') return i + 1;
    if (tokens[i - 1].text === ',' && /^(but|while|whereas)$/.test(tokens[i].lower)) return i + 1;
  }
  return 0;
}

type Subject = { kind: 'name'; mention: NamedMention } | { kind: 'pronoun'; token: Token; personal: boolean };

// ", an adviser to Zelensky," / ", who advises Zelensky," / ", adviser to the head of
// Zelensky's office,": an apposition between a name and its verb.
const APPOSITION_OPENING = String.raw`^,\s+(?:(?:an?|the|who|whose|his|her|their|its)\s|\p{Ll})[^,;.!?]*,`;
const APPOSITION = new RegExp(`${APPOSITION_OPENING}\\s*$`, 'u');
/** The same apposition, with the name's own words after it. */
const APPOSITION_START = new RegExp(APPOSITION_OPENING, 'u');

/**
 * The nearest name before the cue, skipping a name inside an apposition that describes the
 * one before it ("Andriy Yermak, an adviser to Zelensky, said": Yermak speaks).
 */
function nameBefore(text: string, tokens: Token[], mentions: NamedMention[], cueIndex: number, from: number): NamedMention | undefined {
  const before = mentions.filter((m) => m.last < cueIndex && m.first >= from);
  for (let i = before.length - 2; i >= 0; i--) {
    const between = text.slice(before[i].span.end, tokens[cueIndex].start);
    if (APPOSITION.test(between)) return before[i];
    // ("Podolyak, an adviser to Zelensky, also denied it and said …": the apposition closes, and
    // the name's own verbs follow; every later name sits inside the apposition.)
    const opening = APPOSITION_START.exec(between);
    const closes = opening ? before[i].span.end + opening[0].length : -1;
    if (opening && before.slice(i + 1).every((m) => m.span.end <= closes) && !/[;.!?]/.test(between.slice(opening[0].length))) return before[i];
  }
  const last = before[before.length - 1];
  // ("Olena Kovalenko, an adviser to Zelensky, said": the last name sits in an apposition after a
  // name the pack does not know; that name speaks, and who it is stays unknown.)
  if (last && /^[^,;.!?]*,\s*$/u.test(text.slice(last.span.end, tokens[cueIndex].start))) {
    const opening = text.lastIndexOf(',', last.span.start);
    const lead = opening > 0 ? text.slice(Math.max(from > 0 ? tokens[from].start : 0, text.lastIndexOf('\n', opening) + 1), opening) : '';
    if (opening >= 0 && APPOSITION.test(text.slice(opening, tokens[cueIndex].start)) && /\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+\s*$/u.test(lead)) return undefined;
  }
  return last;
}

/** The subject of the cue: the nearest name or pronoun before it, or the name right after it ("said Peskov"). */
function subjectOf(text: string, tokens: Token[], mentions: NamedMention[], cue: { index: number; according: boolean }, from: number): Subject | null {
  if (!cue.according) {
    const before = nameBefore(text, tokens, mentions, cue.index, from);
    let pronounAt = -1;
    for (let i = cue.index - 1; i >= Math.max(from, cue.index - 2); i--) {
      if (PERSONAL_PRONOUNS.has(tokens[i].lower) || IMPERSONAL_PRONOUNS.has(tokens[i].lower)) pronounAt = i;
    }
    if (pronounAt >= 0 && (!before || before.last < pronounAt)) {
      return { kind: 'pronoun', token: tokens[pronounAt], personal: PERSONAL_PRONOUNS.has(tokens[pronounAt].lower) };
    }
    if (before) return { kind: 'name', mention: before };
  }
  // ("…,” said Peskov": only a verb of saying puts its subject after it; "accused Kyiv" names an object.)
  const after = mentions.find((m) => m.first === cue.index + 1);
  if (after && (cue.according || INVERTING.test(tokens[cue.index].lower))) return { kind: 'name', mention: after };
  return null;
}

const INVERTING = /^(said|says|added|adds|asked|wrote|writes|continued|insisted|explained|noted|stressed|declared|replied|answered|concluded|recalled|remarked|tweeted|posted)$/;

/** The outer spans of the quotations in the given sentences (marks included), speakers not looked for. */
export function quotationSpans(text: string, sentences: readonly CharSpan[], options: QuotationOptions): CharSpan[] {
  const sorted = [...sentences].sort((a, b) => a.start - b.start);
  return pairMarks(text, marksIn(text, sorted), options).map((pair) => ({ start: pair.open, end: pair.close + 1 }));
}

export function findQuotations(text: string, sentences: readonly CharSpan[], pack: CompiledPack, options: QuotationOptions): Quotation[] {
  const sorted = [...sentences].sort((a, b) => a.start - b.start);
  // The first sentence that ends after `offset` holds it, if it starts at or before it.
  const sentenceIndexAt = (offset: number) => {
    const at = countBefore(sorted, (sentence) => sentence.end <= offset);
    return at < sorted.length && sorted[at].start <= offset ? at : -1;
  };
  const quotations: Quotation[] = [];
  const pairs = pairMarks(text, marksIn(text, sorted), options);

  const namings = new Map<string, number>();
  const namedAt = (person: string) => {
    let at = namings.get(person);
    if (at === undefined) namings.set(person, (at = firstNaming(text, pack, person)));
    return at;
  };
  const windowOf = (from: number, to: number) => {
    const tokens = tokenize(text, from, to);
    return { tokens, mentions: mentionsIn(tokens, pack, namedAt) };
  };
  // Ignores quoted words inside a window: a name inside a quotation is not its speaker.
  const outsideQuotes = (mentions: NamedMention[]) => mentions.filter((m) => !pairs.some((p) => p.open < m.span.start && m.span.end <= p.close));

  const resolvePronoun = (personal: boolean, pronoun: Token, sentenceIndex: number): NamedMention | undefined => {
    for (let k = sentenceIndex; k >= Math.max(0, sentenceIndex - 3); k--) {
      const sentence = sorted[k];
      const named = outsideQuotes(windowOf(sentence.start, k === sentenceIndex ? pronoun.start : sentence.end).mentions).filter((m) => m.personal === personal);
      // (Two people named there: which one "he" is, the sentence does not settle.)
      if (personal && new Set(named.map((m) => m.person ?? m.partyId)).size > 1) return undefined;
      if (named.length) return named[0];
    }
    return undefined;
  };

  const speakerFrom = (subject: Subject, sentenceIndex: number): Speaker | undefined => {
    if (subject.kind === 'name') {
      const { mention } = subject;
      return { partyId: mention.partyId, person: mention.person, span: mention.span, via: 'name' };
    }
    const antecedent = resolvePronoun(subject.personal, subject.token, sentenceIndex);
    if (!antecedent) return undefined;
    return { partyId: antecedent.partyId, person: antecedent.person, span: { start: subject.token.start, end: subject.token.end }, via: 'pronoun' };
  };

  for (const pair of pairs) {
    const quotation: Quotation = { inner: { start: pair.open + 1, end: pair.close }, outer: { start: pair.open, end: pair.close + 1 } };
    quotations.push(quotation);
    const closeSentence = sentenceIndexAt(pair.close);
    const openSentence = sentenceIndexAt(pair.open);
    if (closeSentence < 0 || openSentence < 0) continue;

    // After the quotation: "…,” Zelensky said." — or, when the quotation ends its sentence
    // with a comma, at the start of the next one (source texts break lines there).
    let afterSentence = closeSentence;
    let after = windowOf(pair.close + 1, sorted[closeSentence].end);
    const wordsAfter = after.tokens.some((t) => t.kind !== TokenKind.Punct);
    if (!wordsAfter && /,\s*$/.test(text.slice(pair.open + 1, pair.close)) && sorted[closeSentence + 1]) {
      afterSentence = closeSentence + 1;
      after = windowOf(pair.close + 1, sorted[afterSentence].end);
    }
    const afterMentions = outsideQuotes(after.mentions);
    const firstAfterCue = cuesIn(after.tokens)[0];
    let subject = firstAfterCue ? subjectOf(text, after.tokens, afterMentions, firstAfterCue, 0) : null;
    let subjectSentence = afterSentence;

    if (!subject) {
      // Before it: "Podolyak said that “…”", "According to the Kremlin, “…”", "Zelensky: “…”".
      const before = windowOf(sorted[openSentence].start, pair.open);
      const beforeMentions = outsideQuotes(before.mentions);
      // (The quotation's own clause first: "Moscow blamed Kyiv, but Zelensky answered, saying that “…”".)
      const clauseStart = lastClauseStart(before.tokens);
      const cues = cuesIn(before.tokens);
      const ordered = [...cues.filter((c) => c.index >= clauseStart), ...cues.filter((c) => c.index < clauseStart)];
      for (const [k, cue] of ordered.entries()) {
        subject = subjectOf(text, before.tokens, beforeMentions, cue, cue.index >= clauseStart ? clauseStart : 0);
        if (!subject) continue;
        // (A later cue whose subject is named after this cue speaks nearer the quotation:
        // "While Kyiv denied any role, Russia said it would respond “…”".)
        for (const later of ordered.slice(k + 1).filter((c) => c.index > cue.index)) {
          const nearer = subjectOf(text, before.tokens, beforeMentions, later, cue.index + 1);
          if (nearer?.kind === 'name' && nearer.mention.first > cue.index) subject = nearer;
        }
        break;
      }
      const lastToken = before.tokens[before.tokens.length - 1];
      if (!subject && lastToken?.text === ':') {
        const named = beforeMentions.filter((m) => m.last >= before.tokens.length - 3).pop();
        if (named) subject = { kind: 'name', mention: named };
      }
      subjectSentence = openSentence;
    }
    if (subject) quotation.speaker = speakerFrom(subject, subjectSentence);
  }
  return quotations;
}

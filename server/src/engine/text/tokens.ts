import { lowerWord, wordKey } from './normalize';
import { segmentText, type TextSegment } from './segments';

export const enum TokenKind {
  Word = 0,
  Number = 1,
  Punct = 2,
}

export interface Token {
  /** UTF-16 offsets into the text that was tokenised. */
  start: number;
  end: number;
  text: string;
  /** Lower case, apostrophes folded, thousands separators dropped. */
  lower: string;
  /** Lookup key: canonical spelling + stem (see normalize.ts). */
  key: string;
  kind: TokenKind;
  /** First character is an upper-case letter. */
  capitalised: boolean;
}

// ICU's word segmentation (UAX #29 with dictionary support) through Intl.Segmenter:
// exact offsets for any Unicode input, emoji and surrogate pairs included.
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

const CONTRACTION = /^(.+?)(n't)$/;
const POSSESSIVE = /^(.+?)('s)$/;
const CONTRACTION_STEMS: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall' };
const UPPER = /^\p{Lu}/u;
const SPACE = /^\s+$/u;

function isCapitalised(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first < 128) return first >= 65 && first <= 90;
  return UPPER.test(text);
}

/** Digits, with "." "," ":" between them: a word token that is a number. */
const isNumber = (text: string) => {
  const first = text.charCodeAt(0);
  return ((first >= 48 && first <= 57) || first === 46 || first === 44 || first === 58) && NUMBER.test(text);
};

function makeToken(text: string, start: number, kind: TokenKind, lowerOverride?: string): Token {
  const lower = lowerOverride ?? lowerWord(text);
  return {
    start,
    end: start + text.length,
    text,
    lower,
    key: kind === TokenKind.Punct ? lower : wordKey(lower),
    kind,
    capitalised: isCapitalised(text),
  };
}

// Contractions typed without the apostrophe: "doesnt", "didnt", "wasnt".
const BARE_CONTRACTION = /^(does|do|did|is|was|were|are|has|have|had|could|would|should|must|ca|wo)(nt)$/i;

// Only a word with an apostrophe or ending in "nt" can hold a contraction or a possessive.
const MAY_SPLIT = /['\u2019\u2018\u02bc]|nt$/i;
const NUMBER = /^[\d.,:]+$/;

/** What a word token that is not split derives from its spelling alone (see `pushWord`). */
interface WordSpelling {
  lower: string;
  key: string;
  kind: TokenKind;
  capitalised: boolean;
}

// Per spelling: null for a word that may hold a contraction or a possessive (MAY_SPLIT), which
// takes the long way. A draft repeats its words, and each token's lower case, key, kind and
// capital were worked out afresh (a lower-cased copy, a key lookup and two tests per word).
const spellings = new Map<string, WordSpelling | null>();
const MAX_SPELLINGS = 20_000;

function spellingOf(text: string): WordSpelling | null {
  let spelling = spellings.get(text);
  if (spelling === undefined) {
    if (MAY_SPLIT.test(text)) spelling = null;
    else {
      const kind = isNumber(text) ? TokenKind.Number : TokenKind.Word;
      const lower = lowerWord(text);
      spelling = { lower, key: wordKey(lower), kind, capitalised: isCapitalised(text) };
    }
    if (spellings.size >= MAX_SPELLINGS) spellings.clear();
    spellings.set(text, spelling);
  }
  return spelling;
}

function pushWord(tokens: Token[], text: string, start: number): void {
  const spelling = spellingOf(text);
  if (spelling) {
    // The fields in makeToken's order, so that every token has the same shape.
    tokens.push({ start, end: start + text.length, text, lower: spelling.lower, key: spelling.key, kind: spelling.kind, capitalised: spelling.capitalised });
    return;
  }
  const folded = text.replace(/[\u2019\u2018\u02bc]/g, "'");
  const bare = BARE_CONTRACTION.exec(folded);
  if (bare) {
    const head = bare[1];
    tokens.push(makeToken(text.slice(0, head.length), start, TokenKind.Word, CONTRACTION_STEMS[head.toLowerCase()] ?? head.toLowerCase()));
    tokens.push(makeToken(text.slice(head.length), start + head.length, TokenKind.Word, 'not'));
    return;
  }
  const contraction = CONTRACTION.exec(folded);
  if (contraction) {
    const head = contraction[1];
    const headLower = head.toLowerCase();
    tokens.push(makeToken(text.slice(0, head.length), start, TokenKind.Word, CONTRACTION_STEMS[headLower] ?? headLower));
    tokens.push(makeToken(text.slice(head.length), start + head.length, TokenKind.Word, 'not'));
    return;
  }
  const possessive = POSSESSIVE.exec(folded);
  if (possessive) {
    const head = possessive[1];
    pushWord(tokens, text.slice(0, head.length), start);
    tokens.push(makeToken(text.slice(head.length), start + head.length, TokenKind.Punct, "'s"));
    return;
  }
  tokens.push(makeToken(text, start, isNumber(text) ? TokenKind.Number : TokenKind.Word));
}

// Most news copy is ASCII with curly quotes and dashes. For that alphabet UAX #29 comes down
// to a few rules, which `plainWordEnd` applies some twenty times faster than ICU: runs of
// letters, digits and "_", joined across one "." ":" or apostrophe between letters, or one
// "." "," ";" or apostrophe between digits. A property test holds it to ICU's output.
const PLAIN_ALPHABET = /^[\x00-\x7F\u2018\u2019\u201C\u201D\u2013\u2014]*$/;

const isPlainWordChar = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
// (An ASCII letter in either case: setting bit 5 lower-cases it and moves nothing else into a–z.)
const isAsciiLetter = (code: number) => (code | 0x20) >= 97 && (code | 0x20) <= 122;
const isAsciiDigit = (code: number) => code >= 48 && code <= 57;
const isApostrophe = (code: number) => code === 39 || code === 0x2018 || code === 0x2019;

/**
 * Where the plain-alphabet word that starts at `start` (a letter, digit or "_") ends. The rule
 * above as a scan of character codes rather than a regular expression: it runs for every word
 * of a draft, and a match object per word was a tenth of the allocation of a check.
 */
function plainWordEnd(text: string, start: number): number {
  let end = start + 1;
  for (;;) {
    while (end < text.length && isPlainWordChar(text.charCodeAt(end))) end++;
    if (end + 1 >= text.length) return end;
    const joiner = text.charCodeAt(end);
    const before = text.charCodeAt(end - 1);
    const after = text.charCodeAt(end + 1);
    const joinsLetters = isAsciiLetter(before) && isAsciiLetter(after) && (joiner === 46 || joiner === 58 || isApostrophe(joiner));
    const joinsDigits = isAsciiDigit(before) && isAsciiDigit(after) && (joiner === 46 || joiner === 44 || joiner === 59 || isApostrophe(joiner));
    if (!joinsLetters && !joinsDigits) return end;
    end += 2;
  }
}

function plainSegments(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (let index = 0; index < text.length; ) {
    if (!isPlainWordChar(text.charCodeAt(index))) {
      index++;
      continue;
    }
    const end = plainWordEnd(text, index);
    if (index > last) segments.push({ index: last, segment: text.slice(last, index), isWordLike: false });
    const segment = text.slice(index, end);
    segments.push({ index, segment, isWordLike: segment !== '_' });
    last = index = end;
  }
  if (last < text.length) segments.push({ index: last, segment: text.slice(last), isWordLike: false });
  return segments;
}

/** Word segments of a text: the plain-alphabet rules when they apply, else ICU. */
export function wordSegments(text: string): Iterable<TextSegment> {
  return PLAIN_ALPHABET.test(text) ? plainSegments(text) : segmentText(wordSegmenter, text);
}

/** Tokenises text[from, to) into words, numbers and punctuation; whitespace is dropped. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  if (PLAIN_ALPHABET.test(slice)) {
    // The plain-alphabet cut (see plainSegments), straight into tokens.
    let last = 0;
    for (let index = 0; index < slice.length; ) {
      if (!isPlainWordChar(slice.charCodeAt(index))) {
        index++;
        continue;
      }
      const end = plainWordEnd(slice, index);
      if (index > last) pushPlainPunctuation(tokens, slice, last, index, from);
      if (end === index + 1 && slice.charCodeAt(index) === 95) pushPlainPunctuation(tokens, slice, index, end, from);
      else pushWord(tokens, slice.slice(index, end), from + index);
      last = index = end;
    }
    if (last < slice.length) pushPlainPunctuation(tokens, slice, last, slice.length, from);
    return mergeClockTimes(tokens);
  }
  for (const segment of segmentText(wordSegmenter, slice)) {
    const start = from + segment.index;
    if (segment.isWordLike) {
      pushWord(tokens, segment.segment, start);
    } else if (!SPACE.test(segment.segment)) {
      // Punctuation segments are usually one character; keep runs such as "..." split
      // so that each mark can be looked at on its own.
      let offset = 0;
      for (const char of segment.segment) {
        if (!/\s/u.test(char)) tokens.push(makeToken(char, start + offset, TokenKind.Punct));
        offset += char.length;
      }
    }
  }
  return mergeClockTimes(tokens);
}

/** Each character of text[start, end) but white space as a punctuation token (plain alphabet: one unit each). */
function pushPlainPunctuation(tokens: Token[], text: string, start: number, end: number, base: number): void {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13)) continue;
    tokens.push(makeToken(text[i], base + i, TokenKind.Punct));
  }
}

/** "2:30" is one number, not "2", ":" and "30" (a colon would end a clause). */
function mergeClockTimes(tokens: Token[]): Token[] {
  if (!tokens.some((token, i) => token.kind === TokenKind.Number && tokens[i + 1]?.text === ':')) return tokens;
  const merged: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const hours = tokens[i];
    const colon = tokens[i + 1];
    const minutes = tokens[i + 2];
    if (
      hours.kind === TokenKind.Number && colon?.text === ':' && minutes !== undefined &&
      colon.start === hours.end && minutes.start === colon.end && /^\d{1,2}$/.test(hours.text) && /^\d{2}(?:[ap]m|[ap]\.m)?$/i.test(minutes.text)
    ) {
      const text = `${hours.text}:${minutes.text}`;
      merged.push({ ...hours, end: minutes.end, text, lower: text, key: text });
      i += 2;
    } else {
      merged.push(hours);
    }
  }
  return merged;
}

// Sentence boundaries from ICU (Intl.Segmenter, UAX #29 with the "standard" suppression
// list for "Mr." and friends), repaired where news copy trips it: initialisms such as
// "U.S." before a name, and hard-wrapped lines.

import { isCommonWord } from './fuzzy';
import { DEFAULT_WINDOW, segmentText } from './segments';

export interface SentenceSpan {
  start: number;
  end: number;
  /** A line of its own without closing punctuation: a headline, caption or list label. */
  headline: boolean;
}

const sentenceSegmenter = new Intl.Segmenter('en-u-ss-standard', { granularity: 'sentence' });

const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'maj', 'capt', 'sgt', 'gov', 'sen', 'rep', 'st', 'rev',
  'hon', 'pres', 'adm', 'cmdr', 'supt', 'insp', 'no', 'vs', 'approx', 'dept', 'est', 'fig', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft',
]);
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'in', 'on', 'at', 'this', 'that',
  'there', 'its', 'his', 'her', 'their', 'our', 'however', 'meanwhile', 'after', 'before', 'when', 'while', 'as',
  'if', 'so', 'yet', 'still', 'then',
]);
/** Closing punctuation, before any invisible format characters (zero-width space, soft hyphen, direction marks, joiners, variation selectors). */
const TERMINAL = /[.!?…:;"”’)\]][\p{Cf}\uFE00-\uFE0F]*$/u;

const DAY_OR_MONTH = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/;

const ABBREVIATION_AT_END = /(?:^|[\s(“"])((?:\p{L}\.){2,}|\p{L}{1,6}\.|\p{Lu}\.)\s*$/u;
/** Enough of a sentence's end to hold any abbreviation worth merging over. */
const TAIL = 64;
/** Enough of a sentence's start to read its first word for the abbreviation test. */
const NEXT_WORD_WINDOW = 80;

/** Whether text[start, end) ends with an abbreviation that `nextWord` continues the sentence after. */
function endsWithAbbreviation(text: string, start: number, end: number, nextWord: string, following = ''): boolean {
  // Only the end can match; a long sentence is cut to its tail (with a letter in front, so
  // that the cut is not read as the start of a word).
  const tail = end - start > TAIL ? `x${text.slice(end - TAIL, end)}` : text.slice(start, end);
  const match = ABBREVIATION_AT_END.exec(tail);
  if (!match) return false;
  const abbreviation = match[1];
  if (!/^\p{Lu}/u.test(nextWord) && !/^\d/.test(nextWord)) return false;
  const bare = abbreviation.slice(0, -1).toLowerCase();
  if (TITLES.has(bare)) return true;
  // ("… at 2:30 a.m. By the Kremlin's account, …": a clock time ends the sentence unless a time
  // zone or a day follows it, "2:30 a.m. GMT", "2:30 a.m. Moscow time", "2 a.m. Wednesday".)
  if (bare === 'a.m' || bare === 'p.m') return /^\p{Lu}{2,4}\b/u.test(nextWord) || DAY_OR_MONTH.test(nextWord) || /^\s*\p{Lu}\p{Ll}+\s+time\b/u.test(following);
  const initialism = /^(?:\p{L}\.){2,}$/u.test(abbreviation) || /^\p{Lu}\.$/u.test(abbreviation);
  return initialism && !SENTENCE_STARTERS.has(nextWord.toLowerCase());
}

const ABBREVIATIONS = new Set(['etc', 'vs', 'approx', 'e.g', 'i.e', 'cf', 'al', 'no', 'nos', 'fig', 'incl', 'est', 'ca']);

// The stop is found first and the word before it read backwards: a pattern that starts
// with the word would be tried again from every letter of every word.
// A note marker's numbers and closing bracket: "4]", "2, 3]".
const NOTE_NUMBERS = String.raw`\d{1,3}(?:[,–-]\s?\d{1,3})*\]`;
/** Note markers, "[4]" or "[2, 3][5]", without the first one's opening bracket. */
const NOTE_MARKER_REST = new RegExp(`^${NOTE_NUMBERS}(?:\\[${NOTE_NUMBERS})*`, 'u');
// (Note markers may follow the stop: "… this week.[4] they said".)
const LOWERCASE_START = new RegExp(`([.!?])(["”’)]?(?:\\[${NOTE_NUMBERS})*)\\s+(?=\\p{Ll})`, 'gu');
const WORD_BEFORE = /[\p{L}\p{N}'’.]+$/u;

// ("… at the residence.Russian officials said …": copy pasted from the web loses the space
// between sentences; ICU then joins them. A stop after a word of lower-case letters, before a
// capitalised word, ends the sentence.)
// (The stop is found first, then the letters before it checked.)
const MISSING_SPACE = /[.!?](?<=\p{Ll}{2}[.!?])["”’)]?(?=\p{Lu}\p{Ll})/gu;

/** Splits where a sentence's stop runs straight into the next sentence's first word. */
function splitMissingSpaces(text: string, pieces: Array<[number, number]>): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  for (const [start, end] of pieces) {
    let from = start;
    const piece = text.slice(start, end);
    MISSING_SPACE.lastIndex = 0;
    for (let m = MISSING_SPACE.exec(piece); m; m = MISSING_SPACE.exec(piece)) {
      const cut = start + m.index + m[0].length;
      result.push([from, cut]);
      from = cut;
    }
    result.push([from, end]);
  }
  return result;
}

/**
 * ICU never ends a sentence before a lower-case word; hurried lower-case notes ("hit the
 * kremlin. kyiv sent them.") need it. Split after a full stop that ends a real word.
 */
function splitLowercaseStarts(text: string, pieces: Array<[number, number]>): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  const boundary = LOWERCASE_START;
  const wordBefore = WORD_BEFORE;
  for (const [start, end] of pieces) {
    let from = start;
    const piece = text.slice(start, end);
    // (exec from the start of the piece, as matchAll would, without its copy of the pattern)
    boundary.lastIndex = 0;
    for (let m = boundary.exec(piece); m; m = boundary.exec(piece)) {
      const before = wordBefore.exec(piece.slice(Math.max(0, m.index! - TAIL), m.index!));
      if (!before) continue;
      const word = before[0].toLowerCase();
      if (m[1] === '.' && (ABBREVIATIONS.has(word) || word.includes('.') || word.length === 1)) continue;
      const cut = start + m.index! + m[0].length;
      result.push([from, cut]);
      from = cut;
    }
    result.push([from, end]);
  }
  return result;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE_CHAR = /\s/;

/** Whether text[i] is white space as `\s` and `trim` read it. */
function isSpaceAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE_CHAR.test(text[i]);
}

/** Whether the last character of text[start, end) that is not white space is a full stop (what ABBREVIATION_AT_END needs). */
function endsWithFullStop(text: string, start: number, end: number): boolean {
  let last = end - 1;
  while (last >= start && isSpaceAt(text, last)) last--;
  return last >= start && text.charCodeAt(last) === 0x2e;
}

const LINE_BREAK = /\r\n|\r|\n/g;
/** A line that may open a sentence after a headline: a capital, after an opening quotation mark or bracket. */
const OPENS_SENTENCE = /^["“‘(\[]?\p{Lu}/u;

/**
 * Lines of a unit that read as headlines rather than hard-wrapped prose: no closing
 * punctuation, at most 20 words, and a next line that opens with a capital. The first line
 * needs no more; a later one must follow a line that ends a sentence and be much shorter
 * than the line after it (a time-stamped entry title in a live blog, a subhead pasted
 * without a blank line), which a line of hard-wrapped prose is not.
 */
function headlineLines(text: string): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  LINE_BREAK.lastIndex = 0;
  let start = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    lines.push([start, m.index]);
    start = m.index + m[0].length;
  }
  lines.push([start, text.length]);
  const found: Array<[number, number]> = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = text.slice(lines[i][0], lines[i][1]).trim();
    const next = text.slice(lines[i + 1][0], lines[i + 1][1]).trim();
    if (!line || TERMINAL.test(line) || !OPENS_SENTENCE.test(next) || line.split(/\s+/).length > 20) continue;
    if (i > 0) {
      const previous = text.slice(lines[i - 1][0], lines[i - 1][1]).trim();
      if (!TERMINAL.test(previous) || line.length * 5 > next.length * 3) continue;
    }
    found.push(lines[i]);
  }
  return found;
}

/** At most 30 words, most of them capitalised: "Citadel Strike Staged, Think Tank Says". */
function inTitleCase(text: string): boolean {
  const words = text.trim().split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length === 0 || words.length > 30) return false;
  return words.filter((word) => /^\P{L}*\p{Lu}/u.test(word)).length * 5 >= words.length * 3;
}

const TITLE_START = /^\S+\s+(?:\S+\s+)?\P{L}*\p{Lu}/u;

/**
 * A sentence written in title case, whatever ends it: "Russia Says Kyiv Sent Drones at the
 * Kremlin." Ordinary words capitalised (at least two after the first word) tell it from a
 * sentence full of names ("Vladimir Putin met Xi Jinping in Moscow.").
 */
function titleCased(text: string): boolean {
  // (Most sentences fail at their second and third words, before any splitting.)
  if (!TITLE_START.test(text) || !inTitleCase(text)) return false;
  const words = text.trim().split(/\s+/).slice(1).map((word) => word.replace(/^\P{L}+|\P{L}+$/gu, ''));
  return words.filter((word) => /^\p{Lu}\p{Ll}+$/u.test(word) && isCommonWord(word.toLowerCase())).length >= 2;
}

/**
 * Splits a prose unit (already blanked of markup) into sentences. Single line breaks
 * inside a unit are joined, except around a line that reads as a headline (`headlineLines`).
 */
export function splitSentences(text: string, unitIsHeading: boolean): SentenceSpan[] {
  const firstBreak = /\r\n|\r|\n/.exec(text);
  // Same-length copy for the segmenter: line breaks become spaces so that ICU does not
  // end a sentence at every hard-wrapped line.
  const joined = firstBreak ? text.replace(/\r\n|\r|\n/g, (m) => ' '.repeat(m.length)) : text;
  const spans: SentenceSpan[] = [];
  // Pieces segmented apart: lines that read as headlines, and the text between them.
  const pieces: Array<[number, number, boolean]> = [];
  let from = 0;
  for (const [start, end] of firstBreak ? headlineLines(text) : []) {
    if (start > from) pieces.push([from, start, false]);
    pieces.push([start, end, true]);
    from = end;
  }
  if (from < text.length || pieces.length === 0) pieces.push([from, text.length, false]);
  // ("Picture Perfect Raid! Citadel Strike Staged, Think Tank Says": a short line of its own in
  // title case, without closing punctuation, is a headline, every sentence of it.)
  const shortTitleLine = !firstBreak && !TERMINAL.test(text.trimEnd()) && inTitleCase(text);
  for (const [from, to, isHeadline] of pieces) {
    const raw: Array<[number, number]> = [];
    const slice = joined.slice(from, to);
    if (slice.length <= DEFAULT_WINDOW.window) {
      // Short enough for one window: ICU's segments as they come (what segmentText yields).
      for (const segment of sentenceSegmenter.segment(slice)) raw.push([from + segment.index, from + segment.index + segment.segment.length]);
    } else {
      for (const segment of segmentText(sentenceSegmenter, slice)) raw.push([from + segment.index, from + segment.index + segment.segment.length]);
    }
    // Merge pieces that ICU split after an abbreviation.
    const merged: Array<[number, number]> = [];
    for (const piece of raw) {
      const last = merged[merged.length - 1];
      // ("… this week.[4] Officials …": ICU ends the sentence inside the note marker; the
      // marker goes back to the sentence it belongs to.)
      if (last && joined.charCodeAt(last[1] - 1) === 91 /* [ */) {
        const rest = NOTE_MARKER_REST.exec(joined.slice(piece[0], Math.min(piece[1], piece[0] + NEXT_WORD_WINDOW)));
        if (rest) {
          last[1] = piece[0] + rest[0].length;
          if (last[1] < piece[1]) merged.push([last[1], piece[1]]);
          continue;
        }
      }
      // (Only a piece that ends with a full stop can end with an abbreviation.)
      if (last && endsWithFullStop(joined, last[0], last[1])) {
        // A word long enough to matter starts well within its first characters.
        const following = joined.slice(piece[0], Math.min(piece[1], piece[0] + NEXT_WORD_WINDOW));
        const nextWord = /^\s*[“"‘']?(\S+)/u.exec(following)?.[1] ?? '';
        if (endsWithAbbreviation(joined, last[0], last[1], nextWord, following)) {
          last[1] = piece[1];
          continue;
        }
      }
      merged.push([piece[0], piece[1]]);
    }
    for (const [start, end] of splitLowercaseStarts(joined, splitMissingSpaces(joined, merged))) {
      // text[start, end) trimmed as String.prototype.trim trims, without copying it twice first.
      let first = start;
      while (first < end && isSpaceAt(text, first)) first++;
      let last = end;
      while (last > first && isSpaceAt(text, last - 1)) last--;
      if (first === last) continue;
      const trimmed = text.slice(first, last);
      if (!LETTER_OR_DIGIT.test(trimmed)) continue;
      const headline = unitIsHeading || isHeadline || shortTitleLine || (pieces.length === 1 && merged.length === 1 && !TERMINAL.test(trimmed)) || titleCased(trimmed);
      spans.push({ start: first, end: last, headline });
    }
  }
  return spans;
}

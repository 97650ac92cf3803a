// Splits a document into blocks: runs of lines separated by blank lines, keeping fenced
// code, front matter and multi-line HTML comments whole. Blocks are the unit of caching:
// an edit re-analyses only the blocks whose text changed.
//
// The splitter carries no state from one block into the next (a block always begins
// outside fences, comments and front matter), so splitting can resume at any block start;
// after an edit only the blocks around it are split again. The text may be a string or a
// draft's pieces (text/draftText.ts): only the lines around the edit are read.

import type { TextLike } from './draftText';

export interface Block {
  /** Offset of the block's first character in the document. */
  start: number;
  /** Offset just past the block's last character (line break excluded). */
  end: number;
  text: string;
}

interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
  text: string;
}

function* lines(text: TextLike, from: number): Generator<Line> {
  let start = from;
  while (start <= text.length) {
    const end = lineEnd(text, start);
    yield { start, end, text: text.slice(start, end) };
    if (end >= text.length) return;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

const LINE_BREAK = /[\n\r]/;
const NEXT_LINE_BREAK = /[\n\r]/g;

/**
 * The offset of the first line break (\n or \r) at or after `start`, or the text's length:
 * found by the regular expression engine rather than a loop over the characters, which ran
 * interpreted over the first screen of a draft opened in a fresh process. A draft's pieces are
 * searched in growing windows, so that a short line copies little.
 */
function lineEnd(text: TextLike, start: number): number {
  if (typeof text === 'string') {
    NEXT_LINE_BREAK.lastIndex = start;
    return NEXT_LINE_BREAK.exec(text)?.index ?? text.length;
  }
  for (let from = start, size = 256; from < text.length; from += size, size *= 2) {
    const at = text.slice(from, Math.min(text.length, from + size)).search(LINE_BREAK);
    if (at >= 0) return from + at;
  }
  return text.length;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const COMMENT_OPEN = /^ {0,3}<!--/;
const BLANK = /^\s*$/;

/**
 * A copy of `text.slice(start, end)` that does not keep `text` alive. V8 represents a
 * slice as a view into its parent string; a block kept across edits would otherwise pin
 * every earlier version of the document in memory.
 */
function detachedSlice(text: TextLike, start: number, end: number): string {
  const slice = text.slice(start, end);
  if (slice.length < 13) return slice;
  return BEYOND_LATIN1.test(slice) ? (slice + ' ').slice(0, -1) : latin1Copy(slice);
}

const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * A copy of a text of Latin-1 characters that V8 keeps at a byte a character. A draft with a
 * single character beyond Latin-1 (a dash, a curly quotation mark) is two bytes a character
 * throughout, and so is every slice of it; String.fromCharCode makes a one-byte string of
 * one-byte codes. V8 compiles a regular expression once for each width of text it runs on, and
 * for two-byte text one with \p{L} in it takes milliseconds (its surrogate pairs), on the first
 * check of a draft; the blocks without such a character now never ask for it.
 */
function latin1Copy(text: string): string {
  let copy = '';
  for (let at = 0; at < text.length; at += LATIN1_CHUNK) {
    const end = Math.min(text.length, at + LATIN1_CHUNK);
    for (let i = at; i < end; i++) latin1Codes[i - at] = text.charCodeAt(i);
    copy += String.fromCharCode.apply(null, latin1Codes.subarray(0, end - at) as unknown as number[]);
  }
  return copy;
}
const LATIN1_CHUNK = 8192;
/** latin1Copy's character codes, kept between calls. */
const latin1Codes = new Uint8Array(LATIN1_CHUNK);

export function splitBlocks(text: string, markdown: boolean): Block[] {
  return [...blocksFrom(text, markdown, 0)];
}

/**
 * Blocks of `text` from offset `from`, which must be 0 or the start of a block of this
 * same text (so that no fence, comment or front matter is open there). Lazy: a caller
 * that finds the blocks it needs stops pulling.
 */
export function* blocksFrom(text: TextLike, markdown: boolean, from: number): Generator<Block> {
  let current: { start: number; end: number } | null = null;
  let fence: string | null = null;
  let inComment = false;
  let inFrontMatter = false;
  let first = from === 0;

  const take = (): Block | null => {
    const block = current && { start: current.start, end: current.end, text: detachedSlice(text, current.start, current.end) };
    current = null;
    return block;
  };
  const extend = (line: Line) => {
    if (current) current.end = line.end;
    else current = { start: line.start, end: line.end };
  };

  for (const line of lines(text, from)) {
    const isFirst = first;
    first = false;
    if (markdown) {
      if (isFirst && /^(---|\+\+\+)\s*$/.test(line.text)) {
        inFrontMatter = true;
        extend(line);
        continue;
      }
      if (inFrontMatter) {
        extend(line);
        if (/^(---|\.\.\.|\+\+\+)\s*$/.test(line.text)) {
          inFrontMatter = false;
          const block = take();
          if (block) yield block;
        }
        continue;
      }
      if (fence) {
        extend(line);
        const trimmed = line.text.trimStart();
        if (trimmed.startsWith(fence) && /^\s*$/.test(trimmed.slice(trimmed.match(/^[`~]+/)![0].length))) {
          fence = null;
          const block = take();
          if (block) yield block;
        }
        continue;
      }
      if (inComment) {
        extend(line);
        if (line.text.includes('-->')) inComment = false;
        continue;
      }
      const open = FENCE_OPEN.exec(line.text);
      if (open) {
        const block = take();
        if (block) yield block;
        fence = open[1];
        extend(line);
        continue;
      }
      // An HTML comment that opens a line runs to the line holding "-->", across blank lines
      // (CommonMark's HTML block); one opened after text ends with its paragraph, so it
      // joins nothing ("<!--" in the middle of every paragraph would otherwise make the
      // rest of the draft one block, analysed again on every keystroke).
      const comment = COMMENT_OPEN.exec(line.text);
      if (comment && !line.text.includes('-->', comment[0].length - 2)) {
        extend(line);
        inComment = true;
        continue;
      }
    }
    if (BLANK.test(line.text)) {
      const block = take();
      if (block) yield block;
      continue;
    }
    extend(line);
  }
  const last = take();
  if (last) yield last;
}

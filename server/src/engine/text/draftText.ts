// A draft's text as an editor changes it: pieces of a few thousand characters, so that an edit
// makes a new version by replacing the pieces it touches, without copying the whole text
// (a 100,000-word draft is a 1.2 MB string; building it again at every keystroke, and
// comparing it with the version before to find the edit, took about a millisecond). Each
// version is immutable and knows where it differs from the few versions before it, so that
// the analyser finds the edit without comparing texts. The whole string is built only when
// something asks for it (`toString`), once per version.

/** What the block splitter reads of a text: a string is one. */
export interface TextLike {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end?: number): string;
}

/** Where two versions of a text differ: the lengths of their common start and end. */
export interface TextEnds {
  prefix: number;
  suffix: number;
}

/** One edit: the characters from `start` to `end` replaced by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Characters a piece holds, as made; pieces that an edit makes longer than twice this are split. */
export const PIECE_CHARS = 4096;
/** Versions back that a version remembers its differences from. */
const REMEMBERED = 16;

let versions = 0;

export class DraftText implements TextLike {
  /** A number of its own, by which later versions name it. */
  readonly id = ++versions;
  readonly length: number;
  private flat: string | undefined;
  /** Index of the piece read last (reading goes forward, a character at a time). */
  private at = 0;

  private constructor(
    private readonly pieces: readonly string[],
    /** Where each piece starts. */
    private readonly starts: readonly number[],
    /** Where this version differs from earlier ones, by their ids. */
    private readonly since: ReadonlyMap<number, TextEnds & { length: number }>,
    flat?: string,
  ) {
    this.length = pieces.length ? starts[starts.length - 1] + pieces[pieces.length - 1].length : 0;
    this.flat = flat;
  }

  static from(text: string): DraftText {
    const pieces: string[] = [];
    const starts: number[] = [];
    for (let start = 0; start < text.length; start += PIECE_CHARS) {
      starts.push(start);
      pieces.push(flatten(text.slice(start, start + PIECE_CHARS)));
    }
    return new DraftText(pieces, starts, new Map(), text);
  }

  /** The whole text (built once per version). */
  toString(): string {
    if (this.flat === undefined) this.flat = this.pieces.join('');
    return this.flat;
  }

  /** The lengths of the start and end this version shares with `earlier`, when it is one of the few versions before it. */
  sameEndsAs(earlier: DraftText): TextEnds | undefined {
    if (earlier === this) return { prefix: this.length, suffix: 0 };
    const ends = this.since.get(earlier.id);
    return ends && ends.length === earlier.length ? { prefix: ends.prefix, suffix: ends.suffix } : undefined;
  }

  charCodeAt(index: number): number {
    if (this.flat !== undefined) return this.flat.charCodeAt(index);
    let p = this.at;
    const { pieces, starts } = this;
    if (!(p < pieces.length && index >= starts[p] && index < starts[p] + pieces[p].length)) {
      if (index < 0 || index >= this.length) return NaN;
      p = this.pieceAt(index);
      this.at = p;
    }
    return pieces[p].charCodeAt(index - starts[p]);
  }

  slice(start: number, end: number = this.length): string {
    if (this.flat !== undefined) return this.flat.slice(start, end);
    const from = Math.max(0, Math.min(start < 0 ? this.length + start : start, this.length));
    const to = Math.max(from, Math.min(end < 0 ? this.length + end : end, this.length));
    if (from === to) return '';
    const first = this.pieceAt(from);
    const last = this.pieceAt(to - 1);
    const { pieces, starts } = this;
    if (first === last) return pieces[first].slice(from - starts[first], to - starts[first]);
    let text = pieces[first].slice(from - starts[first]);
    for (let p = first + 1; p < last; p++) text += pieces[p];
    return text + pieces[last].slice(0, to - starts[last]);
  }

  /** The version after `edits`, applied one after another (each in the offsets of the text before it, as LSP sends them). */
  edit(edits: readonly TextEdit[]): DraftText {
    let pieces = this.pieces as string[];
    let starts = this.starts as number[];
    let length = this.length;
    let prefix = Infinity;
    let suffix = Infinity;
    for (const { start: rawStart, end: rawEnd, text } of edits) {
      const start = Math.max(0, Math.min(rawStart, length));
      const end = Math.max(start, Math.min(rawEnd, length));
      prefix = Math.min(prefix, start);
      suffix = Math.min(suffix, length - end);
      // The pieces the edit touches (an edit at a piece's end touches that piece).
      let first = 0;
      let last = -1;
      if (pieces.length) {
        first = pieceIndex(starts, start === length ? Math.max(0, start - 1) : start);
        last = pieceIndex(starts, end === 0 ? 0 : end - 1);
        if (last < first) last = first;
      }
      const head = last >= first && pieces.length ? pieces[first].slice(0, start - starts[first]) : '';
      const tail = last >= first && pieces.length ? pieces[last].slice(end - starts[last]) : '';
      const middle = head + text + tail;
      const made: string[] = [];
      if (middle.length > 2 * PIECE_CHARS) for (let at = 0; at < middle.length; at += PIECE_CHARS) made.push(middle.slice(at, at + PIECE_CHARS));
      else if (middle.length) made.push(middle);
      const removed = last - first + 1;
      const base = pieces.length ? starts[first] : 0;
      const nextPieces = pieces.slice(0, first);
      const nextStarts = starts.slice(0, first);
      let at = base;
      for (const piece of made) {
        nextPieces.push(flatten(piece));
        nextStarts.push(at);
        at += piece.length;
      }
      const delta = text.length - (end - start);
      for (let p = first + removed; p < pieces.length; p++) {
        nextPieces.push(pieces[p]);
        nextStarts.push(starts[p] + delta);
      }
      pieces = nextPieces;
      starts = nextStarts;
      length += delta;
    }
    if (prefix === Infinity) return this;
    // The common start and end with an earlier version are at most those with each version
    // between, and together no longer than either text.
    const since = new Map<number, TextEnds & { length: number }>();
    const bounded = (p: number, s: number, earlierLength: number) => {
      const room = Math.min(earlierLength, length);
      const kept = Math.min(p, room);
      return { prefix: kept, suffix: Math.min(s, room - kept), length: earlierLength };
    };
    since.set(this.id, bounded(prefix, suffix, this.length));
    for (const [id, ends] of this.since) {
      if (since.size >= REMEMBERED) break;
      since.set(id, bounded(Math.min(ends.prefix, prefix), Math.min(ends.suffix, suffix), ends.length));
    }
    return new DraftText(pieces, starts, since);
  }

  private pieceAt(index: number): number {
    return pieceIndex(this.starts, index);
  }
}

/** The index of the last piece starting at or before `offset`. */
function pieceIndex(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A flat copy of a string made by concatenation, which does not keep the pieces it was made from. */
function flatten(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { DraftText } from '../engine/text/draftText';
import { lineAt, lineStarts } from '../engine/text/lines';
import { countBefore } from '../engine/text/sorted';

// An open document as the editor changes it: vscode-languageserver-textdocument's TextDocument
// (same positions, same line breaks: \n, \r\n and a lone \r), but with its text kept as a
// draft's pieces (engine/text/draftText.ts). A change replaces the pieces it touches and the
// line starts around it; the whole string is built only when something asks for it
// (`getText()`), where TextDocument.update built it at every keystroke, 1.2 MB for a
// 100,000-word draft. The analysis reads `text`, which says where each change was.

export class LiveDocument implements TextDocument {
  private current: DraftText;
  /** Offset of each line's first character. */
  private lineStarts: number[];
  private currentVersion: number;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    content: string,
  ) {
    if (typeof content !== 'string') throw new TypeError(`the text of ${uri} is not a string (${content === null ? 'null' : typeof content})`);
    this.currentVersion = version;
    this.current = DraftText.from(content);
    this.lineStarts = lineStarts(content);
  }

  get version(): number {
    return this.currentVersion;
  }

  /** The text of the current version, as pieces. */
  get text(): DraftText {
    return this.current;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  getText(range?: Range): string {
    if (range) {
      // As TextDocument's `substring`: a range given end first reads the same text.
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      return this.current.slice(Math.min(start, end), Math.max(start, end));
    }
    return this.current.toString();
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.current.length), 0);
    const starts = this.lineStarts;
    const line = lineAt(starts, at);
    return { line, character: this.beforeLineBreak(at, starts[line]) - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    if (position.line >= starts.length) return this.current.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line];
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.current.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, next), lineStart);
  }

  getLineRange(line: number): Range {
    const starts = this.lineStarts;
    if (line >= starts.length) {
      const last = starts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.current.length - starts[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const next = line + 1 < starts.length ? starts[line + 1] : this.current.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(next, starts[line]) - starts[line] } };
  }

  getEOLCharacters(line: number): string {
    const starts = this.lineStarts;
    if (line >= starts.length || line < 0) return '';
    const next = line + 1 < starts.length ? starts[line + 1] : this.current.length;
    return this.current.slice(this.beforeLineBreak(next, starts[line]), next);
  }

  /** Applies LSP content changes, one after another, as TextDocument.update does. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) {
        const { start, end } = wellFormed(change.range);
        const from = this.offsetAt(start);
        const to = this.offsetAt(end);
        this.current = this.current.edit([{ start: from, end: to, text: change.text }]);
        this.updateLineStarts(from, to, change.text.length);
      } else if (typeof change.text === 'string') {
        this.current = DraftText.from(change.text);
        this.lineStarts = lineStarts(change.text);
      } else throw new Error('Unknown change event received');
    }
    this.currentVersion = version;
  }

  /**
   * The line starts after `from`–`to` was replaced by `inserted` characters. Whether an offset
   * starts a line depends on the characters before it and at it, so the starts before `from`
   * stay, those after the old `to` move, and only those from `from` to the end of the
   * inserted text are read again (a \r\n may have been joined or split at either edge).
   */
  private updateLineStarts(from: number, to: number, inserted: number): void {
    const starts = this.lineStarts;
    const first = Math.max(from, 1);
    const lo = countBefore(starts, (start) => start < first);
    const hi = countBefore(starts, (start) => start <= to);
    const found: number[] = [];
    const text = this.current;
    for (let offset = first, last = from + inserted; offset <= last; offset++) {
      const before = text.charCodeAt(offset - 1);
      if (before === 10 || (before === 13 && text.charCodeAt(offset) !== 10)) found.push(offset);
    }
    const delta = inserted - (to - from);
    if (found.length === hi - lo) for (let i = 0; i < found.length; i++) starts[lo + i] = found[i];
    else if (found.length < 10_000) starts.splice(lo, hi - lo, ...found);
    else this.lineStarts = starts.slice(0, lo).concat(found, starts.slice(hi));
    if (delta !== 0) {
      const moved = this.lineStarts;
      for (let i = lo + found.length; i < moved.length; i++) moved[i] += delta;
    }
  }

  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart) {
      const c = this.current.charCodeAt(at - 1);
      if (c !== 13 && c !== 10) break;
      at--;
    }
    return at;
  }
}

/** What vscode-languageserver's TextDocuments needs to keep LiveDocuments. */
export const liveDocuments = {
  create: (uri: string, languageId: string, version: number, content: string): LiveDocument => new LiveDocument(uri, languageId, version, content),
  update: (document: LiveDocument, changes: TextDocumentContentChangeEvent[], version: number): LiveDocument => {
    document.update(changes, version);
    return document;
  },
};


function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

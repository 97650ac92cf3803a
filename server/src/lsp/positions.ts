import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

// Engine offsets are UTF-16 code units into the text, as LSP positions are by default;
// this is the only place that turns one into the other.

export interface OffsetSpan {
  start: number;
  end: number;
}

export function toRange(document: TextDocument, span: OffsetSpan): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toOffset(document: TextDocument, position: Position): number {
  return document.offsetAt(position);
}

export function toSpan(document: TextDocument, range: Range): OffsetSpan {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/** Whether two spans touch or overlap (an empty span touching an end counts). */
export function touches(a: OffsetSpan, b: OffsetSpan): boolean {
  return a.start <= b.end && b.start <= a.end;
}

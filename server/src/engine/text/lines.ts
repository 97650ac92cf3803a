import { countBefore } from './sorted';

// Line numbers for offsets, outside the editor (the language server has TextDocument).
// Line breaks are LF, CRLF or a lone CR, as LSP counts them.

export interface LinePosition {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  column: number;
}

/** The offset each line starts at: 0, and every offset after a line break. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // Line feeds only (most drafts): found by the native search, where the loop below runs
    // interpreted over every character of a draft opened in a fresh process.
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/** The 0-based line that holds `offset`, given the line starts. */
export function lineAt(starts: readonly number[], offset: number): number {
  return countBefore(starts, (start) => start <= offset) - 1;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    this.starts = lineStarts(text);
  }

  positionOf(offset: number): LinePosition {
    const line = Math.max(lineAt(this.starts, offset), 0);
    return { line, column: offset - this.starts[line] };
  }
}

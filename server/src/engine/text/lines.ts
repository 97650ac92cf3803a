// Line numbers for offsets, outside the editor (the language server has TextDocument).
// Line breaks are LF, CRLF or a lone CR, as LSP counts them.

export interface LinePosition {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) this.starts.push(i + 1);
    }
  }

  positionOf(offset: number): LinePosition {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - starts[lo] };
  }
}

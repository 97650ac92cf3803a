// Intl.Segmenter in Node 20 slows down with the length of the string it walks: every step
// costs time in proportion to the whole input, so a 1 MB line takes minutes. Walking the
// text through a window restarts ICU at boundaries it already settled; the result is the
// same list of segments for any input, at a cost that grows with the text's length only.

export interface TextSegment {
  /** UTF-16 offset into the text passed in. */
  index: number;
  segment: string;
  isWordLike: boolean;
}

export interface WindowOptions {
  /** Characters handed to ICU at a time (doubled while no segment fits). */
  window: number;
  /** A boundary this close to the window's end may depend on what follows: walk it again. */
  margin: number;
}

export const DEFAULT_WINDOW: WindowOptions = { window: 2048, margin: 256 };

export function* segmentText(segmenter: Intl.Segmenter, text: string, options: WindowOptions = DEFAULT_WINDOW): Generator<TextSegment> {
  let from = 0;
  let size = options.window;
  while (from < text.length) {
    const to = Math.min(text.length, from + size);
    const final = to === text.length;
    let settled = from;
    for (const piece of segmenter.segment(text.slice(from, to))) {
      const end = from + piece.index + piece.segment.length;
      if (!final && end > to - options.margin) break;
      yield { index: from + piece.index, segment: piece.segment, isWordLike: piece.isWordLike ?? false };
      settled = end;
    }
    if (settled === from) size *= 2;
    else {
      from = settled;
      size = options.window;
    }
  }
}

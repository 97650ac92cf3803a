// Splits a document into blocks: runs of lines separated by blank lines, keeping fenced
// code, front matter and multi-line HTML comments whole. Blocks are the unit of caching:
// an edit re-analyses only the blocks whose text changed.

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

function* lines(text: string): Generator<Line> {
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    yield { start, end, text: text.slice(start, end) };
    if (end >= text.length) return;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const BLANK = /^\s*$/;

export function splitBlocks(text: string, markdown: boolean): Block[] {
  const blocks: Block[] = [];
  let current: { start: number; end: number } | null = null;
  let fence: string | null = null;
  let inComment = false;
  let inFrontMatter = false;
  let first = true;

  const flush = () => {
    if (current) blocks.push({ start: current.start, end: current.end, text: text.slice(current.start, current.end) });
    current = null;
  };
  const extend = (line: Line) => {
    if (current) current.end = line.end;
    else current = { start: line.start, end: line.end };
  };

  for (const line of lines(text)) {
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
          flush();
        }
        continue;
      }
      if (fence) {
        extend(line);
        const trimmed = line.text.trimStart();
        if (trimmed.startsWith(fence) && /^\s*$/.test(trimmed.slice(trimmed.match(/^[`~]+/)![0].length))) {
          fence = null;
          flush();
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
        flush();
        fence = open[1];
        extend(line);
        continue;
      }
      const commentAt = line.text.lastIndexOf('<!--');
      if (commentAt >= 0 && !line.text.includes('-->', commentAt)) {
        extend(line);
        inComment = true;
        continue;
      }
    }
    if (BLANK.test(line.text)) {
      flush();
      continue;
    }
    extend(line);
  }
  flush();
  return blocks;
}

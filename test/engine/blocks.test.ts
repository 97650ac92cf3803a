import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blocksFrom, splitBlocks } from '../../server/src/engine/text/blocks';
import { DraftText } from '../../server/src/engine/text/draftText';

/** Plain text's blocks by another route: lines cut at every \r\n, \r or \n, runs of non-blank lines joined. */
function plainBlocks(text: string): Array<{ start: number; end: number }> {
  const blocks: Array<{ start: number; end: number }> = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  let current: { start: number; end: number } | null = null;
  for (;;) {
    const found = breaks.exec(text);
    const end = found ? found.index : text.length;
    if (/^\s*$/.test(text.slice(start, end))) {
      if (current) blocks.push(current);
      current = null;
    } else if (current) current.end = end;
    else current = { start, end };
    if (!found) break;
    start = breaks.lastIndex;
  }
  if (current) blocks.push(current);
  return blocks;
}

test('blocks are cut at every kind of line break, from a string and from a draft\'s pieces alike', () => {
  let seed = 3;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ['word ', 'a longer run of words in a paragraph ', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '  \n', '```\n', '<!-- x\n', '-->\n', '🙂', 'x'.repeat(700)];
  for (let n = 0; n < 150; n++) {
    let text = '';
    for (let i = 5 + next(n % 10 === 0 ? 800 : 60); i > 0; i--) text += pieces[next(pieces.length)];
    const plain = splitBlocks(text, false);
    assert.deepEqual(plain.map(({ start, end }) => ({ start, end })), plainBlocks(text));
    for (const block of plain) assert.equal(block.text, text.slice(block.start, block.end));
    for (const markdown of [false, true]) {
      const fromString = splitBlocks(text, markdown);
      assert.deepEqual([...blocksFrom(DraftText.from(text), markdown, 0)], fromString);
      // Splitting resumes at any block start.
      const resumeAt = fromString[next(fromString.length || 1)]?.start ?? 0;
      assert.deepEqual([...blocksFrom(text, markdown, resumeAt)], fromString.filter((block) => block.start >= resumeAt));
    }
  }
});

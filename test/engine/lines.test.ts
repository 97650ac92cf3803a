import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex, lineStarts } from '../../server/src/engine/text/lines';

test('positions count LF, CRLF and lone CR line breaks, columns in UTF-16 units', () => {
  const text = 'a🙂b\r\ncd\re\nf';
  const lines = new LineIndex(text);
  assert.deepEqual(lines.positionOf(0), { line: 0, column: 0 });
  assert.deepEqual(lines.positionOf(3), { line: 0, column: 3 }); // after the surrogate pair
  assert.deepEqual(lines.positionOf(text.indexOf('c')), { line: 1, column: 0 });
  assert.deepEqual(lines.positionOf(text.indexOf('e')), { line: 2, column: 0 });
  assert.deepEqual(lines.positionOf(text.indexOf('f')), { line: 3, column: 0 });
  assert.deepEqual(lines.positionOf(text.length), { line: 3, column: 1 });
});

test('line starts are found alike with and without carriage returns in the text', () => {
  const reference = (text: string) => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) starts.push(i + 1);
    }
    return starts;
  };
  let seed = 5;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ['a', 'word ', '\n', '\n\n', '\r\n', '\r', '🙂', ''];
  for (let n = 0; n < 2000; n++) {
    const withCr = next(2) === 0;
    let text = '';
    for (let i = next(40); i > 0; i--) text += pieces[next(withCr ? pieces.length : 3)];
    assert.deepEqual(lineStarts(text), reference(text), JSON.stringify(text));
  }
});

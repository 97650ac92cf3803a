import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../server/src/engine/text/lines';

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

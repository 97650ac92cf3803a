import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BINARY_SAMPLE_CHARS, looksBinary } from '../../server/src/lsp/drafts';

/** What looksBinary decides, as the share of counted code units in the sample. */
function counted(text: string): boolean {
  const codes = Array.from({ length: Math.min(text.length, BINARY_SAMPLE_CHARS) }, (_, i) => text.charCodeAt(i));
  if (codes.includes(0)) return true;
  const control = codes.filter((c) => (c < 32 && ![9, 10, 13].includes(c)) || c === 0xfffd).length;
  return codes.length > 0 && control / codes.length > 0.1;
}

test('looksBinary decides as counting every character does, with and without the characters it counts', () => {
  let seed = 11;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const alphabet = ['a', ' ', '\n', '\r', '\t', '\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u001f', ' ', '\u007f', '\ufffd', '\u2019', 'é'];
  for (let n = 0; n < 1000; n++) {
    const rare = next(4);
    const length = [0, 1, 5, 40, 400, BINARY_SAMPLE_CHARS + 50][next(6)];
    let text = '';
    for (let i = 0; i < length; i++) text += next(100) < rare * 5 ? alphabet[next(alphabet.length)] : alphabet[next(5)];
    assert.equal(looksBinary(text), counted(text), JSON.stringify(text.slice(0, 80)));
  }
  for (const c of alphabet) assert.equal(looksBinary(`${c.repeat(20)}prose`), counted(`${c.repeat(20)}prose`), JSON.stringify(c));
  assert.equal(looksBinary('\ufffd'.repeat(20)), true);
  assert.equal(looksBinary('plain prose\n'), false);
  assert.equal(looksBinary('a\u0000b'), true);
  assert.equal(looksBinary('\u0001\u0002\u0003 text'), true);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { segmentText } from '../../server/src/engine/text/segments';
import { lowerWord, wordKey } from '../../server/src/engine/text/normalize';
import { tokenize, TokenKind, wordSegments } from '../../server/src/engine/text/tokens';
import { runs } from '../robustness/arbitraries';

// The plain-alphabet fast path must cut words exactly where ICU does.
const icu = new Intl.Segmenter('en', { granularity: 'word' });

/** Word-like segments and every other non-space character, with offsets: what tokenize reads. */
function cuts(segments: Iterable<{ index: number; segment: string; isWordLike: boolean }>): string[] {
  const out: string[] = [];
  for (const { index, segment, isWordLike } of segments) {
    if (isWordLike) out.push(`W${index}:${segment}`);
    else [...segment].forEach((char, k) => /\s/u.test(char) || out.push(`-${index + k}:${char}`));
  }
  return out;
}

const plainChar = fc.constantFrom(...'aZq09_.,;:\'‘’“”–— -!?()\n\r\t$%&'.split(''), 'x', 'Y', '7');
const plainText = fc.array(plainChar, { maxLength: 60 }).map((chars) => chars.join(''));

test('on plain text the fast word cutter agrees with ICU, character for character', () => {
  fc.assert(
    fc.property(plainText, (text) => {
      assert.deepEqual(cuts(wordSegments(text)), cuts(segmentText(icu, text)), JSON.stringify(text));
    }),
    { numRuns: runs(2000) },
  );
});

test('the fast cutter keeps the joins news copy relies on', () => {
  const words = tokenize("U.S. officials didn't say 20,000 at 2:30 a.m. on May 3, it’s co-op").map((t) => t.text);
  assert.deepEqual(words, ['U.S', '.', 'officials', 'did', "n't", 'say', '20,000', 'at', '2:30', 'a.m', '.', 'on', 'May', '3', ',', 'it', '’s', 'co', '-', 'op']);
});

test('text outside the plain alphabet still goes through ICU', () => {
  const text = 'Пєсков said 🙂 drones’ “hit” the Kremlin…';
  assert.deepEqual(cuts(wordSegments(text)), cuts(segmentText(icu, text)));
  assert.ok(tokenize(text).some((t) => t.text === 'Пєсков'));
});

test('on plain text tokenize gives the tokens the ICU path gives', () => {
  // " é" leaves the plain alphabet, so the same words go through ICU; its token is dropped.
  fc.assert(
    fc.property(plainText, (text) => {
      assert.deepEqual(tokenize(text), tokenize(`${text} é`).slice(0, -1), JSON.stringify(text));
    }),
    { numRuns: runs(2000) },
  );
});

test('a word met before gets the lower case, key and capital its spelling gives', () => {
  // (Worked out once per spelling: each word token must still carry its own spelling's.)
  const words = ['Kremlin', 'KREMLIN', 'kremlin', 'Drones', '1,000', '2.5', 'US', 'us', 'Defences', 'said', 'Said', 'Éclair', 'café', 'x'];
  for (const round of [0, 1]) {
    for (const token of tokenize((round ? [...words].reverse() : words).join(' '))) {
      if (token.kind === TokenKind.Punct) continue;
      assert.equal(token.lower, lowerWord(token.text), token.text);
      assert.equal(token.key, wordKey(token.lower), token.text);
      assert.equal(token.capitalised, /^\p{Lu}/u.test(token.text), token.text);
      assert.equal(token.end - token.start, token.text.length);
    }
  }
  // A contraction keeps its own parts, however often its spelling comes.
  for (let i = 0; i < 2; i++) assert.deepEqual(tokenize("can't").map((t) => t.lower), ['can', 'not']);
});

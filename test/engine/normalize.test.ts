import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordKey } from '../../server/src/engine/text/normalize';
import { editDistance, FuzzyVocabulary, isCommonWord } from '../../server/src/engine/text/fuzzy';

const same = (...words: string[]) => assert.equal(new Set(words.map(wordKey)).size, 1, `${words.join(', ')} → ${words.map(wordKey).join(', ')}`);
const different = (a: string, b: string) => assert.notEqual(wordKey(a), wordKey(b), `${a} and ${b} must stay apart`);

test('inflections and spellings share a key', () => {
  same('say', 'says', 'said', 'saying');
  same('shoot', 'shot', 'shooting');
  same('defence', 'defences', 'defense', 'defenses');
  same('unauthorised', 'unauthorized');
  same('prepare', 'preparing', 'prepared');
  same('stop', 'stopped', 'stopping');
  same('add', 'added');
  same('deny', 'denies', 'denied');
});

test('distinct words stay distinct', () => {
  different('note', 'not');
  different('noted', 'not');
  different('resident', 'residence');
  different('his', 'hi');
});

test('typos near pack words are corrected, ordinary words are not', () => {
  const vocabulary = new FuzzyVocabulary(['kremlin', 'residents', 'attack', 'provocation']);
  assert.deepEqual(vocabulary.corrections('kremiln'), ['kremlin']);
  assert.deepEqual(vocabulary.corrections('residnets'), ['residents']);
  assert.deepEqual(vocabulary.corrections('provokation'), ['provocation']);
  assert.deepEqual(vocabulary.corrections('attach'), []);
});

test('a correction is within one edit, two for words of nine letters or more, and keeps the first letter', () => {
  const vocabulary = new FuzzyVocabulary(['witnesses', 'explosion', 'attack', 'drones']);
  assert.deepEqual(vocabulary.corrections('witnessse'), ['witnesses']); // a transposition
  assert.deepEqual(vocabulary.corrections('witnsses'), ['witnesses']); // a deletion
  assert.deepEqual(vocabulary.corrections('explosoin'), ['explosion']);
  assert.deepEqual(vocabulary.corrections('exploison'), ['explosion']);
  assert.deepEqual(vocabulary.corrections('expolsoin'), ['explosion']); // two edits in nine letters
  assert.deepEqual(vocabulary.corrections('attakc'), ['attack']);
  assert.deepEqual(vocabulary.corrections('atakk'), []); // two edits in five letters
  assert.deepEqual(vocabulary.corrections('grones'), []); // another first letter
});

test('edit distance counts insertions, deletions, substitutions and adjacent transpositions, capped', () => {
  assert.equal(editDistance('kremlin', 'kremlin', 2), 0);
  assert.equal(editDistance('kremiln', 'kremlin', 2), 1);
  assert.equal(editDistance('kremlin', 'kremlins', 2), 1);
  assert.equal(editDistance('kremlin', 'krmlin', 2), 1);
  assert.equal(editDistance('kremlin', 'kremlyn', 2), 1);
  assert.equal(editDistance('kremlin', 'krenlyn', 2), 2);
  assert.equal(editDistance('kremlin', 'moscow', 2), 3, 'capped at cap + 1');
  assert.equal(editDistance('ab', 'abcdef', 2), 3);
});

/** editDistance as first written (a DP of three arrays a row), the reference for the one in use. */
function referenceDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2] + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return cap + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length];
}

test('edit distance and corrections agree with the plain alignment on random near misses', () => {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const letters = 'aeinorstkml';
  const word = (length: number) => Array.from({ length }, () => letters[next(letters.length)]).join('');
  const mutate = (w: string) => {
    const chars = [...w];
    for (let edits = 1 + next(3); edits > 0; edits--) {
      const at = next(chars.length + 1);
      switch (next(4)) {
        case 0: chars.splice(at, 0, letters[next(letters.length)]); break;
        case 1: if (chars.length > 1) chars.splice(Math.min(at, chars.length - 1), 1); break;
        case 2: chars[Math.min(at, chars.length - 1)] = letters[next(letters.length)]; break;
        default: if (at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
      }
    }
    return chars.join('');
  };
  const vocabularyWords = Array.from({ length: 300 }, () => word(5 + next(8)));
  const vocabulary = new FuzzyVocabulary(vocabularyWords);
  for (let n = 0; n < 1200; n++) {
    const a = next(3) ? mutate(vocabularyWords[next(vocabularyWords.length)]) : word(1 + next(12));
    const b = next(2) ? vocabularyWords[next(vocabularyWords.length)] : mutate(a);
    for (const cap of [1, 2, 3]) assert.equal(editDistance(a, b, cap), referenceDistance(a, b, cap), `${a} / ${b} / ${cap}`);
    if (a.length >= 5 && !isCommonWord(a)) {
      const cap = a.length >= 9 ? 2 : 1;
      const expected: string[] = [];
      let best = cap + 1;
      for (const candidate of new Set(vocabularyWords)) {
        if (candidate[0] !== a[0] || vocabularyWords.includes(a)) continue;
        const distance = referenceDistance(a, candidate, cap);
        if (distance > cap) continue;
        if (distance < best) expected.splice(0, expected.length, candidate);
        else if (distance === best) expected.push(candidate);
        best = Math.min(best, distance);
      }
      const found = vocabulary.corrections(a);
      if (found.length || expected.length) assert.deepEqual([...found].sort(), expected.sort(), a);
    }
  }
});

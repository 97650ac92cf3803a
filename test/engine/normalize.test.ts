import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordKey } from '../../server/src/engine/text/normalize';
import { editDistance, FuzzyVocabulary } from '../../server/src/engine/text/fuzzy';

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

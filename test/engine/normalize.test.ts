import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordKey } from '../../server/src/engine/text/normalize';
import { FuzzyVocabulary } from '../../server/src/engine/text/fuzzy';

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

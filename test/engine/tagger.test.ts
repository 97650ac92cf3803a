import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SentenceView } from '../../server/src/engine/analysis/sentence';

// The word-class layer: the tagger's classes land on the engine's own tokens, whatever the
// text holds (contractions, curly quotes, emoji, CRLF), and tell "'s" as "has"/"is" from the possessive.

const classes = (text: string) => {
  const view = new SentenceView(text, 0, text.length, false);
  return view.tokens.map((token, i) => `${token.text}/${view.wordClass(i)}`);
};

test('tags align with the engine tokens across contractions, quotes, emoji and CRLF', () => {
  assert.deepEqual(classes('“We don’t attack Putin,” he said 😀 in\r\nHelsinki.'), [
    '“/PUNCT', 'We/PRON', 'do/AUX', 'n’t/PART', 'attack/VERB', 'Putin/PROPN', ',/PUNCT', '”/PUNCT', 'he/PRON', 'said/VERB', '😀/SYM', 'in/ADP', 'Helsinki/PROPN', './PUNCT',
  ]);
});

test("the word after 's decides between a possessive and a contracted verb", () => {
  assert.deepEqual(classes('Russia’s accused Kyiv.').slice(0, 3), ['Russia/PROPN', '’s/PART', 'accused/VERB']);
  assert.deepEqual(classes('Russia’s claims were denied.').slice(0, 3), ['Russia/PROPN', '’s/PART', 'claims/NOUN']);
});

test('lemmas come with the classes', () => {
  const view = new SentenceView('The drones were downed.', 0, 23, false);
  assert.deepEqual(view.tokens.map((_, i) => view.lemma(i)), ['the', 'drone', 'be', 'down', '.']);
});

test('a sentence inside a longer block is tagged from its own offsets', () => {
  const block = 'First one. Moscow’s blaming Kyiv.';
  const view = new SentenceView(block, 11, block.length, false);
  assert.deepEqual(view.tokens.map((token, i) => `${token.text}/${view.wordClass(i)}`), ['Moscow/PROPN', '’s/PART', 'blaming/VERB', 'Kyiv/PROPN', './PUNCT']);
});

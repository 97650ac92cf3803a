import assert from 'node:assert/strict';
import { test } from 'node:test';
import { framingIndex, FRAME } from '../../server/src/engine/lexicon/english';
import { PhraseIndex } from '../../server/src/engine/match/phrases';
import { tokenize } from '../../server/src/engine/text/tokens';
import { SentenceView } from '../../server/src/engine/analysis/sentence';

test('mayContain never rules out a label that findAll finds (framing lexicon, random sentences)', () => {
  const index = framingIndex();
  const words = ['he', 'She', 'it', 'They', 'the', 'press', 'service', 'statement', 'official', 'officials', 'said', 'ministry', 'Kremlin', 'drone', 'US', 'us', 'I', 'we', "'s", 'aide', 'aides', 'spokeswoman', 'a', 'senior', 'of', 'vid', 'video', ',', '.', '-'];
  const labels = [FRAME.pronoun, FRAME.pointer, FRAME.determiner, FRAME.footage];
  let seed = 11;
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
  for (let i = 0; i < 2000; i++) {
    const text = Array.from({ length: 1 + random(10) }, () => words[random(words.length)]).join(' ');
    const tokens = tokenize(text);
    const found = new Set(index.findAll(tokens).map((o) => o.label));
    for (const label of labels) if (found.has(label)) assert.ok(index.mayContain(tokens, label), `${label} in ${JSON.stringify(text)}`);
  }
  assert.equal(index.mayContain(tokenize('The council met on Tuesday.'), FRAME.pronoun), false);
});

test('word keys are shared per spelling, but a contraction part keeps its own key', () => {
  const index = new PhraseIndex(true);
  index.add('can', 'c:can');
  index.add('Kremlin', 'c:kremlin');
  // "ca" of "can't" stands for "can"; the word "ca" does not.
  const contraction = tokenize("They can't stop.");
  const plain = tokenize('The ca stop.');
  assert.ok(index.findAll(contraction).some((o) => o.label === 'c:can'));
  assert.ok(!index.findAll(plain).some((o) => o.label === 'c:can'));
  assert.ok(index.findAll(contraction).some((o) => o.label === 'c:can'), 'the second look reads the cache');
  // A misspelling is corrected the same way every time it is seen.
  for (let i = 0; i < 3; i++) assert.ok(index.findAll(tokenize('The Kremiln said.')).some((o) => o.label === 'c:kremlin'));
});

test('quoted spans: double and curly quotes, and straight single quotes that open before a word', () => {
  const spans = (text: string) => {
    const view = new SentenceView(text, 0, text.length, false);
    return view.quotedSpans().map((span) => view.text(span));
  };
  assert.deepEqual(spans(`'We don't attack Putin or Moscow,' he told reporters.`), ["We don't attack Putin or Moscow,"]);
  assert.deepEqual(spans('“We fight on our own territory,” he said, calling it “a provocation”.'), ['We fight on our own territory,', 'a provocation']);
  assert.deepEqual(spans('He said "no" twice.'), ['no']);
  assert.deepEqual(spans("The drones' flight path and Russia's claims."), []);
});

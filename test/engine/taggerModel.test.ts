import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import winkNLP from 'wink-nlp';
import packageModel from 'wink-eng-lite-web-model';
import { preparedTaggerModel } from '../../server/src/engine/syntax/taggerData';
import { lexemeList, taggerModel, wordSlots } from '../../server/src/engine/syntax/taggerModel';

// The model prepared at build time tags as the package's own model tags a text it meets first:
// same tokens, word classes, lemmas and spaces, whatever was tagged before (the package's
// tagger keeps a token whole, "Russia's", once an earlier text has added it to its index).

const ROOT = join(__dirname, '..', '..');

function corpus(): string[] {
  const texts: string[] = [];
  const fixtures = join(ROOT, 'test', 'fixtures');
  for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(fixtures, name), 'utf8').split('\n')) {
      if (line.trim()) texts.push(String(JSON.parse(line).text));
    }
  }
  for (const name of ['kremlin-draft.md', 'newsroom.draft', 'clean-draft.md', 'suppressions.md']) {
    texts.push(...readFileSync(join(ROOT, 'samples', name), 'utf8').split(/\n\s*\n/));
  }
  // Words outside the model, met twice.
  texts.push('Zvyagintsevskiy blorfed the qwxlzt, and Zvyagintsevskiy blorfed it again.', 'A drone-ish thingamajig, ’tis said, went brrrr — 3.5km off.');
  return texts;
}

type Nlp = ReturnType<typeof winkNLP>;
const reading = (nlp: Nlp, text: string) => {
  const tokens = nlp.readDoc(text).tokens();
  const its = nlp.its as unknown as Record<string, never>;
  return { values: tokens.out(), pos: tokens.out(its.pos), lemmas: tokens.out(its.lemma), spaces: tokens.out(its.precedingSpaces) };
};

function preparedTagger(): Nlp {
  const { model, loaded } = taggerModel(preparedTaggerModel());
  const nlp = winkNLP(model, ['pos']);
  loaded();
  return nlp;
}

// The package's loader of custom-entity machines turns them into JSON again at every call.
const meta = (packageModel as unknown as { metaCER: () => unknown }).metaCER();
const freshPackageTagger = (): Nlp => winkNLP({ ...packageModel, metaCER: () => meta } as typeof packageModel, ['pos']);

test('the prepared model tags as the package model tags a text it meets first, after any other texts', () => {
  const texts = corpus();
  assert.ok(texts.length > 1000, `only ${texts.length} texts`);
  const prepared = preparedTagger();
  const readings = texts.map((text) => reading(prepared, text));
  // The package's tagger, fresh for each text: texts with a possessive (where its history
  // shows) and a sample of the rest.
  // (About twenty texts: each fresh tagger costs about a quarter of a second.)
  const sample = [...texts.keys()].filter((i) => i % 211 === 0 || (/[A-Z]\w+['’]s\b/.test(texts[i]) && i % 29 === 0));
  assert.ok(sample.length >= 10, `${sample.length} texts sampled`);
  for (const i of sample) assert.deepEqual(readings[i], reading(freshPackageTagger(), texts[i]), texts[i]);
});

test('tags do not depend on what was tagged before', () => {
  const texts = corpus();
  const forward = preparedTagger();
  const backward = preparedTagger();
  const backwards = [...texts].reverse().map((text) => reading(backward, text)).reverse();
  texts.forEach((text, i) => assert.deepEqual(reading(forward, text), backwards[i], text));
});

test('the prepared lexemes are the package\'s, joined in Latin-1 with the wider words apart', () => {
  const prepared = preparedTaggerModel();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json') as { features: { lexeme: { list: string[] } } };
  assert.deepEqual(lexemeList(prepared), core.features.lexeme.list);
  assert.equal(/[^\u0000-\u00ff]/.exec(prepared.lexemes), null);
  assert.ok(prepared.wideLexemes.length > 0 && prepared.wideLexemes.every(([position, word]) => /[^\u0000-\u00ff]/.test(word) && core.features.lexeme.list[position] === word));
});

test("the word index's slots are prepared with the model: the hash table of its lexemes", () => {
  const prepared = preparedTaggerModel();
  const lexemes = lexemeList(prepared);
  assert.deepEqual(prepared.slots, wordSlots(lexemes));
  // Without them (slots of the wrong size), the words are hashed at load, and tag the same.
  const withSlots = winkNLP(taggerModel(prepared).model, ['pos']);
  const without = winkNLP(taggerModel({ ...prepared, slots: new Int32Array(1) }).model, ['pos']);
  const text = 'Moscow’s defence ministry reported that both drones were brought down above the citadel before dawn.';
  assert.deepEqual(withSlots.readDoc(text).tokens().out(withSlots.its.pos), without.readDoc(text).tokens().out(without.its.pos));
});

test('the word list wink-nlp reads is the package\'s, cut from the joined string as read, and takes the words wink-nlp adds', () => {
  const prepared = preparedTaggerModel();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const words = (require('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json') as { features: { lexeme: { list: string[] } } }).features.lexeme.list;
  const core = (taggerModel(prepared).model as unknown as { core: () => { features: { lexeme: { list: string[] } } } }).core();
  const list = core.features.lexeme.list;
  assert.equal(list.length, words.length);
  for (let i = 0; i < words.length; i += 89) assert.equal(list[i], words[i]);
  for (const [position, word] of prepared.wideLexemes) assert.equal(list[position], word);
  // (A word read again is the list's own element; one not read yet is in the list too.)
  for (let i = 0; i < words.length; i += 89) assert.equal(list[i], words[i]);
  assert.ok(1 in list && words.length - 1 in list && !(words.length in list));
  assert.equal(list.push('qwxlzt'), words.length + 1);
  assert.equal(list[words.length], 'qwxlzt');
  assert.equal(list[words.length + 1], undefined);
  assert.equal(list.length, words.length + 1);
});

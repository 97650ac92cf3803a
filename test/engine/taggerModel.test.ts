import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import winkNLP from 'wink-nlp';
import packageModel from 'wink-eng-lite-web-model';
import { preparedTaggerModel } from '../../server/src/engine/syntax/taggerData';
import { taggerModel } from '../../server/src/engine/syntax/taggerModel';

// The model prepared at build time tags exactly as the package's own model: same tokens, word
// classes, lemmas and spaces, over every fixture sentence and the sample drafts, and for words
// the model has never seen (which wink-nlp adds to its word index as it meets them).

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
  // Words outside the model, met twice: added on first sight, found on the second.
  texts.push('Zvyagintsevskiy blorfed the qwxlzt, and Zvyagintsevskiy blorfed it again.', 'A drone-ish thingamajig, ’tis said, went brrrr — 3.5km off.');
  return texts;
}

type Nlp = ReturnType<typeof winkNLP>;
const reading = (nlp: Nlp, text: string) => {
  const tokens = nlp.readDoc(text).tokens();
  const its = nlp.its as unknown as Record<string, never>;
  return { values: tokens.out(), pos: tokens.out(its.pos), lemmas: tokens.out(its.lemma), spaces: tokens.out(its.precedingSpaces) };
};

test('the prepared model tags, lemmatises and tokenises as the package model does', () => {
  const texts = corpus();
  assert.ok(texts.length > 1000, `only ${texts.length} texts`);
  const original = winkNLP(packageModel, ['pos']);
  const prepared = winkNLP(taggerModel(preparedTaggerModel()), ['pos']);
  for (const text of texts) assert.deepEqual(reading(prepared, text), reading(original, text), text);
});

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { buildFramingIndex, prepareFramingPhrases } from '../../server/src/engine/lexicon/english';
import type { PhraseIndex, PhraseWordsCache } from '../../server/src/engine/match/phrases';
import { tokenize } from '../../server/src/engine/text/tokens';
import { readJsonl, ROOT } from '../helpers';

// The bundles build the framing lexicon's index from phrases tokenised at build time
// (prepareFramingPhrases, put in place of framingPrepared.ts by scripts/prepared-data.mjs):
// that index must be the one built by tokenising every phrase at run time.

/** The phrase index as data: every path of the trie with its labels, and the words it knows. */
function indexOf(index: PhraseIndex) {
  const fields = index as unknown as { root: Node; keys: Set<string>; surfaces: Set<string> };
  type Node = { next: Map<string, Node>; labels: string[] };
  const paths: string[] = [];
  const walk = (node: Node, path: string) => {
    if (node.labels.length) paths.push(`${path} → ${node.labels.join(',')}`);
    for (const [key, child] of node.next) walk(child, `${path} ${key}`);
  };
  walk(fields.root, '');
  return { paths, keys: [...fields.keys], surfaces: [...fields.surfaces] };
}

const fromPrepared = (): { index: PhraseIndex; tokenised: PhraseWordsCache } => {
  const tokenised: PhraseWordsCache = new Map(prepareFramingPhrases().map(([phrase, keys, surfaces]) => [phrase, { keys, surfaces }]));
  return { index: buildFramingIndex(tokenised), tokenised };
};

test('the framing index built from the prepared phrases is the one built at run time', () => {
  const prepared = fromPrepared().index;
  const atRunTime = buildFramingIndex();
  assert.deepEqual(indexOf(prepared), indexOf(atRunTime));
  const fixtures = readdirSync(`${ROOT}/test/fixtures`).filter((name) => name.endsWith('.jsonl'));
  const sentences = fixtures.flatMap((name) => readJsonl(`${ROOT}/test/fixtures/${name}`).map((item) => item.text as string));
  assert.ok(sentences.length > 1000, `${sentences.length} fixture sentences`);
  for (const sentence of sentences) assert.deepEqual(prepared.findAll(tokenize(sentence)), atRunTime.findAll(tokenize(sentence)), sentence);
});

test('the prepared phrases hold every phrase of the lexicon: building the index tokenises none', () => {
  const { tokenised } = fromPrepared();
  const size = tokenised.size;
  assert.ok(size > 500, `${size} phrases`);
  buildFramingIndex(tokenised);
  assert.equal(tokenised.size, size);
});

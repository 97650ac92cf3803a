import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/engine/analysis/document';
import type { CompiledPack } from '../../server/src/engine/pack/compile';
import { loadPack } from '../../server/src/engine/pack/load';
import { sourceQuotations } from '../../server/src/engine/workflow/sourceQuotes';
import { bundledPackPath, packFromPrepared, prepareBundledPack, sourcesDir } from '../../server/src/host/bundled';
import { prepareBundledQuotations, preparedQuotations, readSourceTexts } from '../../server/src/host/sourceTexts';
import { readJsonl, ROOT } from '../helpers';

// The bundled pack checked at build time: a bundle that finds the text that passed loads it
// without checking it again, from phrases tokenised then, into the same compiled pack, with the
// quotations of its source texts read then; any other pack or text is not taken from the build.

const text = readFileSync(bundledPackPath(), 'utf8');

/** The phrase index as data: every path of the trie with its labels, and the words it knows. */
function indexOf(pack: CompiledPack) {
  const index = pack.index as unknown as { root: Node; keys: Set<string>; surfaces: Set<string> };
  type Node = { next: Map<string, Node>; labels: string[] };
  const paths: string[] = [];
  const walk = (node: Node, path: string) => {
    if (node.labels.length) paths.push(`${path} → ${node.labels.join(',')}`);
    for (const [key, child] of node.next) walk(child, `${path} ${key}`);
  };
  walk(index.root, '');
  return { paths, keys: [...index.keys], surfaces: [...index.surfaces] };
}

test('the pack loaded from the build-time preparation is the pack checked as it loads', () => {
  const prepared = prepareBundledPack(text);
  assert.ok(prepared, 'the bundled pack passes its checks');
  const fromBuild = packFromPrepared(text, prepared);
  const checked = loadPack(text).pack!;
  assert.ok(fromBuild);
  assert.deepEqual(indexOf(fromBuild), indexOf(checked));
  assert.deepEqual({ ...fromBuild, index: null }, { ...checked, index: null });
  const draft = readJsonl(`${ROOT}/test/fixtures/claims.jsonl`).map((item) => item.text).join('\n\n');
  assert.deepEqual(analyzeText(draft, [fromBuild]).findings, analyzeText(draft, [checked]).findings);
});

test('a pack text other than the one prepared is not taken from the build', () => {
  const prepared = prepareBundledPack(text)!;
  const edited = text.replace('"maxGap"', ' "maxGap"');
  assert.notEqual(edited, text);
  assert.equal(packFromPrepared(edited, prepared), null);
  assert.equal(packFromPrepared(text, null), null);
  assert.equal(prepareBundledPack(text.replace(/"claims":/, '"claimz":')), null, 'a pack that fails its checks is not prepared');
});

test("the source quotations worked out at build time are the ones read from the texts, and only for the prepared pack and those texts", () => {
  const prepared = prepareBundledPack(text)!;
  const pack = packFromPrepared(text, prepared)!;
  const quotations = prepareBundledQuotations(pack, sourcesDir());
  const texts = readSourceTexts(pack, sourcesDir());
  assert.ok(quotations.list.length > 10, `only ${quotations.list.length} quotations`);
  assert.deepEqual(quotations.list, sourceQuotations(texts, pack));
  assert.equal(preparedQuotations(pack, texts, quotations), quotations.list);
  assert.equal(preparedQuotations(loadPack(text).pack!, texts, quotations), undefined, 'a pack checked as it loaded');
  const edited = texts.map((source, i) => (i === 0 ? { ...source, text: `${source.text}\n“Nothing,” Peskov said.` } : source));
  assert.equal(preparedQuotations(pack, edited, quotations), undefined, 'a source text changed since the build');
  assert.equal(preparedQuotations(pack, texts, undefined), undefined);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadPack } from '../../server/src/engine/pack/load';
import { bundledPackPath } from '../../server/src/host/bundled';

test('the bundled pack loads without problems', () => {
  const result = loadPack(readFileSync(bundledPackPath(), 'utf8'));
  assert.deepEqual(result.problems, []);
  assert.ok(result.pack);
});

test('a JSON syntax error is reported at its line and column', () => {
  const { pack, problems } = loadPack('{\n  "schemaVersion": 1,\n  "id": "x",,\n}');
  assert.equal(pack, undefined);
  assert.ok(problems.length >= 1);
  assert.equal(problems[0].line, 2);
  assert.match(problems[0].message, /JSON syntax error/);
});

test('schema problems name the property and where it is', () => {
  const text = JSON.stringify({ schemaVersion: 1, id: 'x', name: 'X', sources: [], parties: [{ id: 'p', name: 'P', kind: 'organisation', aliases: [] }], concepts: {}, claims: [{ id: 'c', status: 'rumour' }] }, null, 2);
  const { problems } = loadPack(text);
  assert.ok(problems.some((p) => /status: must be one of/.test(p.message)));
  assert.ok(problems.some((p) => /missing property "summary"/.test(p.message)));
  const status = problems.find((p) => /status/.test(p.message))!;
  assert.equal(text.split('\n')[status.line].trim(), '"status": "rumour"');
});

test('an unknown concept in a pattern is a located problem, not a crash', () => {
  const pack = JSON.parse(readFileSync(bundledPackPath(), 'utf8'));
  pack.claims[0].patterns[0] = '@no_such_concept @drone';
  const text = JSON.stringify(pack, null, 2);
  const { pack: compiled, problems } = loadPack(text);
  assert.equal(compiled, undefined);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /unknown concept @no_such_concept/);
  assert.match(text.split('\n')[problems[0].line], /@no_such_concept/);
});

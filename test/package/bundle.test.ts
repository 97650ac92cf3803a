import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { preparedTaggerModel } from '../../server/src/engine/syntax/taggerData';
import { fromTaggerTables } from '../../server/src/engine/syntax/taggerModel';

const ROOT = join(__dirname, '..', '..');

// V8 stores a script's source at one byte per character only when all of it fits in Latin-1
// (see keepLatin1 in scripts/build.mjs); one curly quote would double the server's source in memory.
test('the built bundles are Latin-1 throughout', () => {
  for (const bundle of ['server/out/server.bundle.js', 'server/out/cli.bundle.js', 'server/out/server.js', 'server/out/cli.js', 'client/out/extension.js']) {
    const source = readFileSync(join(ROOT, bundle), 'utf8');
    const beyond = /[^\x00-\xff]/.exec(source);
    assert.equal(beyond, null, `${bundle} has “${beyond?.[0]}” at ${beyond?.index}`);
  }
});

// The bundles read the tagger's model from server/out/tagger-model.json and its typed arrays from
// tagger-tables.bin (scripts/prepared-data.mjs): they must be the model the sources prepare, the
// JSON in ASCII, so that read as Latin-1 it is the same text.
test('the built tagger model files are the model prepared from the package, the JSON in ASCII', () => {
  const file = readFileSync(join(ROOT, 'server/out/tagger-model.json'), 'latin1');
  const beyond = /[^\x00-\x7f]/.exec(file);
  assert.equal(beyond, null, `tagger-model.json has “${beyond?.[0]}” at ${beyond?.index}`);
  const { slots, lexemeStarts, lexicon, xpansions, ...model } = preparedTaggerModel();
  assert.deepEqual(JSON.parse(file), model);
  const tables = fromTaggerTables(readFileSync(join(ROOT, 'server/out/tagger-tables.bin')));
  assert.deepEqual(tables, { slots, lexemeStarts, lexicon, xpansions });
});

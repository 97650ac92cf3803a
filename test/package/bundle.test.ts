import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

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

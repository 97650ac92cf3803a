import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

// The launchers (server/out/server.js, cli.js) run their bundle with the V8 code cache the
// build wrote beside it, and only a cache written for that very bundle: a bundle rebuilt since
// (another stamp) runs as it is now, even at the same length, where V8's own check (which
// compares lengths) would run the old code.

const ROOT = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'claim-lens-launcher-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const bundleText = (stamp: string, word: string) => `/* claim-lens build ${stamp} */\n"use strict";\nprocess.stdout.write(${JSON.stringify(word)} + ' ' + require('node:path').basename(__dirname));\n`;
const run = (env: Record<string, string> = {}) => spawnSync(process.execPath, [join(scratch, 'probe.js')], { encoding: 'utf8', env: { ...process.env, ...env } });

test('the build wrote a code cache for each bundle, stamped as the bundle is', () => {
  for (const name of ['server', 'cli']) {
    const bundle = readFileSync(join(ROOT, 'server', 'out', `${name}.bundle.js`), 'latin1');
    const stamp = /^\/\* claim-lens build ([0-9a-f]{32}) \*\//.exec(bundle)?.[1];
    assert.ok(stamp, `${name}.bundle.js has no build stamp`);
    const cache = join(ROOT, 'server', 'out', `${name}.bundle.cache`);
    assert.ok(existsSync(cache), `${name}.bundle.cache is missing`);
    assert.equal(readFileSync(cache).subarray(0, 32).toString('latin1'), stamp);
  }
});

test('a launcher runs its bundle, writes its cache when asked, and never runs a cache from another build', () => {
  copyFileSync(join(ROOT, 'server', 'out', 'cli.js'), join(scratch, 'probe.js'));
  const first = 'a'.repeat(32);
  writeFileSync(join(scratch, 'probe.bundle.js'), bundleText(first, 'before'));
  assert.equal(run().stdout, `before ${scratch.split(/[\\/]/).pop()}`);
  assert.ok(!existsSync(join(scratch, 'probe.bundle.cache')), 'a cache written without being asked');
  assert.equal(run({ CLAIM_LENS_WRITE_CODE_CACHE: '1' }).status, 0);
  assert.equal(readFileSync(join(scratch, 'probe.bundle.cache')).subarray(0, 32).toString('latin1'), first);
  assert.match(run().stdout, /^before /);
  // Rebuilt: the same length, another stamp and another word.
  writeFileSync(join(scratch, 'probe.bundle.js'), bundleText('b'.repeat(32), 'after!'));
  assert.match(run().stdout, /^after! /);
});

// Each launcher sets V8 flags of its own (see launcher.ts): the cache a training run writes
// must be one that the next start of the same launcher takes.
test('each launcher runs its bundle from the code cache a run of it wrote', () => {
  for (const name of ['server', 'cli']) {
    const folder = mkdtempSync(join(scratch, `${name}-`));
    copyFileSync(join(ROOT, 'server', 'out', `${name}.js`), join(folder, `${name}.js`));
    writeFileSync(join(folder, `${name}.bundle.js`), `/* claim-lens build ${'c'.repeat(32)} */\n"use strict";\nprocess.stdout.write(module.codeCache);\n`);
    const start = (env: Record<string, string> = {}) => spawnSync(process.execPath, [join(folder, `${name}.js`)], { encoding: 'utf8', env: { ...process.env, ...env } });
    assert.equal(start().stdout, 'none', `${name}: before any cache`);
    assert.equal(start({ CLAIM_LENS_WRITE_CODE_CACHE: '1' }).status, 0);
    assert.equal(start().stdout, 'used', `${name}: the cache its own run wrote`);
  }
});

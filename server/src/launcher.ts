import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

// server/out/server.js and server/out/cli.js: each runs its bundle (server.bundle.js,
// cli.bundle.js) with V8's code cache, written at build time beside it (scripts/code-cache.mjs):
// the bytecode of every function a check runs, so that a fresh process neither parses the
// bundle's 5 MB nor compiles what it runs. A cache from another build (its stamp differs) or
// another V8 (VS Code runs the server in Electron's) is not used, and the bundle is compiled
// as without one.
//
// With CLAIM_LENS_WRITE_CODE_CACHE=1 in its environment (the build's training runs only), the
// process writes the cache of what it ran when it exits.

/** The bundle's first line, `/* claim-lens build STAMP *\/`, and the cache's first bytes. */
const STAMP = /^\/\* claim-lens build ([0-9a-f]{32}) \*\//;
const STAMP_BYTES = 32;

const name = basename(__filename, '.js');
// `claim-lens check` reads many drafts in one short run, in which V8 would optimise every
// function that has run a little while, and the optimising (beside the check, on the second
// core) cost more than it saved: a larger interrupt budget makes V8 see more of a function's
// runs first (200 drafts: about 10 % less CPU; the default is 67,584 in Node 20). Set before
// the bundle is compiled, because V8 takes a code cache only from a process with the same
// flags, and the build writes the cache by running this launcher (scripts/code-cache.mjs).
// The language server keeps V8's defaults: its first check is what the reporter waits for.
if (name === 'cli') setFlagsFromString('--interrupt-budget=300000');

const bundle = join(__dirname, `${name}.bundle.js`);
const cacheFile = bundle.replace(/\.js$/, '.cache');
// The bundles are Latin-1 throughout (scripts/build.mjs), which V8 keeps at a byte a character.
const source = readFileSync(bundle, 'latin1');
const stamp = STAMP.exec(source)?.[1];

function cachedCode(): Buffer | undefined {
  if (!stamp) return undefined;
  try {
    const cache = readFileSync(cacheFile);
    return cache.subarray(0, STAMP_BYTES).toString('latin1') === stamp ? cache.subarray(STAMP_BYTES) : undefined;
  } catch {
    return undefined;
  }
}

const script = new Script(Module.wrap(source), { filename: bundle, cachedData: cachedCode() });
if (process.env.CLAIM_LENS_WRITE_CODE_CACHE === '1' && stamp) {
  process.on('exit', () => writeFileSync(cacheFile, Buffer.concat([Buffer.from(stamp, 'latin1'), script.createCachedData()])));
}
const bundleModule = { exports: {}, filename: bundle, id: bundle, loaded: false };
(script.runInThisContext() as (...args: unknown[]) => void).call(bundleModule.exports, bundleModule.exports, createRequire(bundle), bundleModule, bundle, dirname(bundle));

import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { cpus } from 'node:os';
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
// The language server keeps V8's defaults for the compiler: its first check is what the
// reporter waits for.
if (name === 'cli') setFlagsFromString('--interrupt-budget=300000');

// `claim-lens check` starts a worker thread for each core the machine leaves idle while it
// loads (cli/parallel.ts). The cores' idle time is read here, before the bundle is compiled,
// so that by the time the drafts are listed the look has lasted long enough to tell.
if (name === 'cli' && require('node:worker_threads').isMainThread) {
  (globalThis as Record<symbol, unknown>)[Symbol.for('claim-lens.coreTimesAtStart')] = { at: performance.now(), idle: cpus().reduce((sum, core) => sum + core.times.idle, 0) };
}

// The language server's young generation stops growing once the bundle has run (4 MB a
// semi-space by then). V8 doubles it up to 16 MB at collections that find much alive, which
// start-up, the tagger's model and a long draft's first check all do; but between
// collections little of it is alive (1–3 MB), and both halves of it stay resident: 25 MB of
// the server's 125 MB peak with a 10,000-word draft. Not from the start: at 1 MB a
// semi-space the bundle's start-up alone collects so often that the first diagnostics come
// 60 ms later. Set after compiling, so the code cache is still read under V8's defaults; the
// flag is put back before the cache is written, as V8 takes a cache only from a process with
// the same flags.
const YOUNG_GENERATION_GROWTH = { stopped: '--semi-space-growth-factor=1', v8Default: '--semi-space-growth-factor=2' };

// The language server compiles each regular expression to machine code the first time it
// runs, instead of V8's default of running it from bytecode first and compiling it again on
// its second run. A draft's first check runs many expressions (the sentence repair, wink-nlp's
// tokenizer, pluralize's rules, the messages' claim labels) a few times each, so that nearly
// every one was compiled twice: a 10,000-word draft's first diagnostics cost a tenth to a
// fifth less CPU without it. Set after the code cache is read (V8 takes a cache only from a
// process with the same flags, and the build writes it under V8's defaults) but before the
// bundle runs.
const REGEXP_TIER_UP = { off: '--no-regexp-tier-up', v8Default: '--regexp-tier-up' };
// Nor does the language server's optimising compiler inline the functions a function calls
// into its optimised code. Most of a server's work runs for a short while once per draft or
// keystroke, and the larger compilations that inlining makes cost more CPU than they save, on
// this 2-core machine beside the check itself: opening a 100,000-word draft cost about a fifth
// less CPU without it, and the first keystrokes after, while the keystroke's code is being
// optimised, were shorter. Set, and put back, with the expressions' flag.
const TURBO_INLINING = { off: '--no-turbo-inlining', v8Default: '--turbo-inlining' };

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

const cachedData = cachedCode();
const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
if (process.env.CLAIM_LENS_WRITE_CODE_CACHE === '1' && stamp) {
  process.on('exit', () => {
    if (name === 'server') {
      setFlagsFromString(YOUNG_GENERATION_GROWTH.v8Default);
      setFlagsFromString(REGEXP_TIER_UP.v8Default);
      setFlagsFromString(TURBO_INLINING.v8Default);
    }
    writeFileSync(cacheFile, Buffer.concat([Buffer.from(stamp, 'latin1'), script.createCachedData()]));
  });
}
/** Whether V8 ran the bundle from its code cache (`module.codeCache` in the bundle; the tests read it). */
const codeCache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
const bundleModule = { exports: {}, filename: bundle, id: bundle, loaded: false, codeCache };
if (name === 'server') {
  setFlagsFromString(REGEXP_TIER_UP.off);
  setFlagsFromString(TURBO_INLINING.off);
}
(script.runInThisContext() as (...args: unknown[]) => void).call(bundleModule.exports, bundleModule.exports, createRequire(bundle), bundleModule, bundle, dirname(bundle));
if (name === 'server') setFlagsFromString(YOUNG_GENERATION_GROWTH.stopped);

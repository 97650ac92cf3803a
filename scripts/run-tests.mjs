// Runs every test/**/*.test.ts under node:test with tsx (TypeScript without a build step),
// several test files at a time: most of them wait on child processes (the built server, the
// command line), so even two cores keep busy with more files than cores in flight.
// Editor tests live under test/e2e and test/editors and run with `npm run test:editors`.
//
// Files that time themselves run alone at the end (RUN_ALONE).
// --typecheck: the type check (tsc --noEmit) runs beside the tests, its output printed at the
// end; either failing fails the run. It is incremental: what it learnt last time is kept in
// node_modules/.cache/claim-lens/, so a second run checks only what changed.
// CLAIM_LENS_TEST_CONCURRENCY=N: test files in flight at once (default: cores + 2).
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const SKIP = new Set(['e2e', 'editors', 'fixtures']);
/**
 * Files that assert a latency measured in wall-clock time within a small margin (a hover
 * answered within 200 ms while a long draft is checked, a turn between slices of 10 ms):
 * they run after the others, one at a time, so that the other files' work does not eat their
 * time. (Tests that time an algorithm against the quadratic time it used to take keep margins
 * wide enough to run beside others.)
 */
const RUN_ALONE = new Set(['test/robustness/bad-input.test.ts', 'test/server/workflowCache.test.ts'].map((file) => join(...file.split('/'))));

function collect(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP.has(name)) files.push(...collect(path));
    } else if (name.endsWith('.test.ts')) {
      files.push(path);
    }
  }
  return files;
}

const args = process.argv.slice(2);
const typecheck = args.includes('--typecheck');
const only = args.filter((arg) => arg !== '--typecheck');
const files = only.length ? only : collect('test');
const concurrency = Number(process.env.CLAIM_LENS_TEST_CONCURRENCY) || availableParallelism() + 2;
const TYPES_CACHE = join('node_modules', '.cache', 'claim-lens', 'types.tsbuildinfo');

/** Exit status of a child; its output inherited, or collected when `collect` is given. */
function run(command, commandArgs, collectInto) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: collectInto ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (collectInto) {
      child.stdout.on('data', (chunk) => collectInto.push(chunk));
      child.stderr.on('data', (chunk) => collectInto.push(chunk));
    }
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const testFiles = (list, inFlight) =>
  list.length ? run(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${inFlight}`, '--test-reporter=spec', ...list]) : Promise.resolve(0);
const together = files.filter((file) => !RUN_ALONE.has(file));
const alone = files.filter((file) => RUN_ALONE.has(file));

const typeOutput = [];
const [parallel, types] = await Promise.all([
  testFiles(together, concurrency),
  typecheck ? run(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', '.', '--noEmit', '--incremental', '--tsBuildInfoFile', TYPES_CACHE], typeOutput) : Promise.resolve(0),
]);
if (typecheck) {
  process.stdout.write(Buffer.concat(typeOutput));
  console.log(types === 0 ? '# type check: passed' : '# type check: FAILED');
}
const tests = (await testFiles(alone, 1)) || parallel;
console.log(`# ${files.length} test files (${alone.length} of them alone, the rest ${concurrency} at a time): ${tests ? 'FAILED' : 'passed'}${typecheck ? `; type check ${types ? 'FAILED' : 'passed'}` : ''}`);
process.exit(tests || types);

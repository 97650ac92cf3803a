import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { quotaCores, workerCount, workersForIdleCores } from '../../server/src/cli/parallel';
import { ROOT } from '../helpers';
import { GREEDY_SENTENCE, greedyPack } from '../pack/greedy';
import { cliWith, draftFolder } from './run';

/** One worker thread beside the main one. */
const THREADED = { CLAIM_LENS_CHECK_THREADS: '1' };

// A check over many files runs in worker threads beside the main one (when there are cores
// and bytes enough) and says exactly what a check of each file in turn says, in the order the
// files were named: problems, unreadable files, exit status.

const sample = readFileSync(join(ROOT, 'samples', 'kremlin-draft.md'), 'utf8');
const clean = readFileSync(join(ROOT, 'samples', 'clean-draft.md'), 'utf8');

test('threads start only for files enough to pay for them: one for every two cores beyond two, or as many as asked', () => {
  const { dir, draft } = draftFolder('claim-lens-threads-');
  // 400 KB each.
  const big = Array.from({ length: 6 }, (_, i) => ({ file: draft(`big-${i}.md`, 'x'.repeat(400 * 1024)), name: `big-${i}.md`, kindOf: `big-${i}.md` }));
  const small = Array.from({ length: 6 }, (_, i) => ({ file: draft(`small-${i}.md`, clean), name: `small-${i}.md`, kindOf: `small-${i}.md` }));
  assert.equal(workerCount(big, 2, undefined), 0, 'a thread keeps a second core busy with its own garbage collection');
  assert.equal(workerCount(big, 4, undefined), 1);
  assert.equal(workerCount(big, 8, undefined), 3);
  assert.equal(workerCount(big, 32, undefined), 5, 'one file per thread at most, the main thread included');
  assert.equal(workerCount(small, 8, undefined), 0, 'small drafts are checked faster than a thread starts');
  assert.equal(workerCount(big, 2, 1), 1, 'as many as asked (CLAIM_LENS_CHECK_THREADS), whatever the drafts');
  assert.equal(workerCount(small, 2, 3), 3);
  assert.equal(workerCount(big, 16, 0), 0);
  assert.equal(workerCount(small, 8, 9), 5, 'one file per thread at most');
  assert.equal(workerCount([{ file: '-', name: '<stdin>', kindOf: 'stdin.md' }, big[0]], 8, 4), 0, 'standard input is read by the main thread');
  assert.ok(dir);
});

test('checking many files in threads says what checking them in one thread says, in the order named', () => {
  const { dir, draft } = draftFolder('claim-lens-parallel-');
  const files: string[] = [];
  for (let i = 0; i < 12; i++) {
    // A few problems each, every third draft clean.
    const name = `draft-${String(i).padStart(2, '0')}.md`;
    files.push(draft(name, `${i % 3 === 2 ? '' : `${sample}\n\n`}${`${clean}\n\n`.repeat(1 + (i % 4))}`));
  }
  const missing = join(dir, 'no-such-draft.md');
  const named = [files[0], missing, ...files.slice(1)];
  const threaded = cliWith({ env: THREADED }, 'check', '--format', 'json', ...named);
  const oneThread = cliWith({ env: { CLAIM_LENS_CHECK_THREADS: '0' } }, 'check', '--format', 'json', ...named);
  assert.equal(threaded.status, 2, threaded.stderr);
  assert.ok(JSON.parse(threaded.stdout).length > 12);
  assert.deepEqual([threaded.status, JSON.parse(threaded.stdout), threaded.stderr], [oneThread.status, JSON.parse(oneThread.stdout), oneThread.stderr]);
  assert.match(threaded.stderr, /no-such-draft\.md: cannot read/);
  // A folder: its drafts in name order.
  const folder = cliWith({ env: THREADED }, 'check', '--format', 'json', dir);
  assert.equal(folder.status, 1, folder.stderr);
  assert.deepEqual(JSON.parse(folder.stdout), JSON.parse(threaded.stdout));
});

test('a pack that uses up a sentence’s work budget is reported once, whichever threads meet it', () => {
  const { dir, draft } = draftFolder('claim-lens-parallel-budget-');
  const pack = draft('greedy.claims.json', JSON.stringify(greedyPack(), null, 2));
  // Every draft holds the sentence that uses the budget up, often enough that both threads check some.
  const files = Array.from({ length: 8 }, (_, i) => draft(`draft-${i}.md`, `${`${GREEDY_SENTENCE}\n\n`.repeat(12)}${clean}\n`));
  const result = cliWith({ env: THREADED }, 'check', '--no-bundled-pack', '--pack', pack, ...files);
  assert.equal(result.status, 0, result.stderr);
  const reports = result.stderr.split('\n').filter((line) => line.includes('used up the work budget'));
  assert.equal(reports.length, 1, result.stderr);
  assert.match(reports[0], /^claim-lens: .*greedy\.claims\.json:\d+:\d+: warning: claim "zebra-yak"/);
  assert.ok(dir);
});

test('a thread starts for each core the machine left idle, within what the drafts pay for', () => {
  const megabyte = 1024 * 1024;
  assert.equal(workersForIdleCores(0.97, 2, 199, 3 * megabyte), 1, 'an idle second core');
  assert.equal(workersForIdleCores(0.05, 2, 199, 3 * megabyte), 0, 'another process keeps the second core busy');
  assert.equal(workersForIdleCores(0.3, 2, 199, 3 * megabyte), 0, 'a core mostly busy is no core to spare');
  assert.equal(workersForIdleCores(3.5, 8, 199, 3 * megabyte), 3, 'three idle cores and half of a fourth');
  assert.equal(workersForIdleCores(7, 8, 199, 3 * megabyte), 4, 'never more than one for every two cores');
  assert.equal(workersForIdleCores(0.97, 2, 1, 3 * megabyte), 0, 'one file left: the main thread checks it');
  assert.equal(workersForIdleCores(0.97, 2, 20, 100 * 1024), 0, 'small drafts are checked faster than a thread starts');
});

test('a CPU quota smaller than the machine limits the cores a check counts on', () => {
  const files = (entries: Record<string, string>) => (file: string) => entries[file];
  assert.equal(quotaCores(files({ '/sys/fs/cgroup/cpu.max': '150000 100000\n' })), 1.5);
  assert.equal(quotaCores(files({ '/sys/fs/cgroup/cpu.max': 'max 100000\n' })), undefined);
  assert.equal(quotaCores(files({ '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '200000', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000' })), 2);
  assert.equal(quotaCores(files({ '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '-1', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000' })), undefined);
  assert.equal(quotaCores(files({})), undefined);
});

import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers';

// The command line on input that is not a readable UTF-8 draft: exit 2 and a message that
// names the file, in bounded time, and the good files of the same run still checked.

const CLAIM = 'Two drones attacked the Kremlin overnight.';
const dir = mkdtempSync(join(tmpdir(), 'claim-lens-cli-input-'));
chmodSync(dir, 0o755);
const draft = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const cli = (args: string[], options: SpawnSyncOptions = {}) => {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'claim-lens.js'), ...args], { encoding: 'utf8', cwd: ROOT, timeout: 120_000, ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr), ms: performance.now() - started };
};

test('invalid UTF-8 of every kind is refused with exit 2 and the file named', () => {
  const cases: Record<string, number[]> = {
    'truncated.md': [...Buffer.from(`${CLAIM} `), 0xe2, 0x80],
    'overlong.md': [...Buffer.from('Kremlin '), 0xc0, 0xaf],
    'surrogate.md': [...Buffer.from('Kremlin '), 0xed, 0xa0, 0x80],
    'stray-byte.md': [0xff, ...Buffer.from(` ${CLAIM}`)],
    'latin1.txt': [...Buffer.from('Caf'), 0xe9, ...Buffer.from(` ${CLAIM}`)],
  };
  const files = Object.entries(cases).map(([name, bytes]) => draft(name, Buffer.from(bytes)));
  const result = cli(['check', ...files]);
  assert.equal(result.status, 2, result.stderr);
  assert.deepEqual(result.stderr.trim().split('\n'), files.map((file) => `claim-lens: ${file}: is not valid UTF-8 text`));
  assert.equal(result.stdout, '', 'no problems reported from files that were not read');
});

test('UTF-16 text and binary files are refused as not being drafts', () => {
  const utf16 = cli(['check', draft('utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLAIM, 'utf16le')]))]);
  assert.equal(utf16.status, 2);
  assert.match(utf16.stderr, /utf16\.md: looks like a binary file/);
  const png = cli(['check', draft('image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]))]);
  assert.equal(png.status, 2);
  assert.match(png.stderr, /image\.md: looks like a binary file/);
});

test('a directory and a missing file exit 2 with a message', () => {
  const folder = join(dir, 'drafts.md');
  mkdirSync(folder);
  const result = cli(['check', folder]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /drafts\.md: is a directory/);
  const missing = cli(['check', join(dir, 'gone.md')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /gone\.md: cannot read \(no such file\)/);
});

test('a file the user may not read exits 2 with a message, not a stack trace', (t) => {
  const secret = draft('secret.md', `${CLAIM}\n`);
  chmodSync(secret, 0o600);
  // root reads every file: run the check as an unprivileged user instead.
  const unprivileged: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: dir } } : {};
  if (!unprivileged.uid) chmodSync(secret, 0o000);
  else if (cli(['--help'], unprivileged).status !== 0) {
    t.skip('the unprivileged user cannot run the command line from this checkout');
    return;
  }
  const result = cli(['check', secret], unprivileged);
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /secret\.md: cannot read \(EACCES\)/);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
});

test('a device is refused at once instead of read until memory runs out; a pipe is still read', () => {
  const device = cli(['check', '/dev/zero'], { timeout: 30_000 });
  assert.equal(device.status, 2, device.stderr);
  assert.match(device.stderr, /\/dev\/zero: is a device, not a draft/);
  // A shell pipe, as a reporter would type it: `cat draft.md | claim-lens check /dev/stdin`.
  const piped = spawnSync('sh', ['-c', `printf '%s\\n' "${CLAIM}" | "${process.execPath}" bin/claim-lens.js check /dev/stdin`], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(piped.status, 1, piped.stderr);
  assert.match(piped.stdout, /^\/dev\/stdin:1:1 warning kremlin-drone-attack /);
});

test('good files are still checked when another file in the same run is bad', () => {
  const good = draft('good.md', `# Notes\n\n${CLAIM}\n`);
  const bad = draft('bad.md', Buffer.from([0x00, 0x01, 0x02]));
  const result = cli(['check', good, bad, '--format', 'json']);
  assert.equal(result.status, 2);
  assert.deepEqual(
    JSON.parse(result.stdout).map((p: { file: string; claim: string; line: number }) => [p.file, p.claim, p.line]),
    [[good, 'kremlin-drone-attack', 3]],
  );
  assert.match(result.stderr, /bad\.md: looks like a binary file/);
});

test('a draft longer than the command line checks says where it stopped', () => {
  // Blank lines cost the engine nothing, so the draft is long but quick to read.
  const long = draft('long.md', `${CLAIM}\n${'\n'.repeat(2_100_000)}${CLAIM}\n`);
  const result = cli(['check', long, '--format', 'json']);
  assert.equal(result.status, 1, result.stderr);
  const problems: Array<{ claim: string; line: number; severity: string; message: string }> = JSON.parse(result.stdout);
  assert.deepEqual(
    problems.map((p) => [p.claim, p.severity]),
    [['kremlin-drone-attack', 'warning'], ['draft-too-large', 'information']],
  );
  assert.match(problems[1].message, /^Only the first 2,000,\d{3} of 2,100,\d{3} characters of this draft were checked\.$/);
});

test('a single line of a megabyte is checked in bounded time', () => {
  const line = 'Two drones circled over the river while nobody in the city knew why ';
  const result = cli(['check', draft('one-line.txt', `${line.repeat(Math.ceil(1_000_000 / line.length))}\n`)]);
  assert.equal(result.status, 0, result.stderr);
  console.log(`CLI, one 1 MB line: ${Math.round(result.ms)} ms`);
  assert.ok(result.ms < 60_000, `took ${Math.round(result.ms)} ms`);
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers';
import { cli, draftFolder } from './run';

const { dir, draft } = draftFolder('claim-lens-cli-');

test('check prints file:line:col severity claim message and exits 1 on warnings', () => {
  const file = draft('messy.md', '# Notes\n\nTwo drones attacked the Kremlin overnight.\n');
  const result = cli('check', file);
  assert.equal(result.status, 1);
  assert.match(result.stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:1 warning kremlin-drone-attack Unattributed Kremlin claim: two drones attacked the Kremlin — attribute it`, 'm'));
});

test('a clean draft exits 0 with no output', () => {
  const result = cli('check', draft('clean.md', 'Two drones attacked the Kremlin overnight, the Kremlin said.\n'));
  assert.equal(result.status, 0);
  assert.equal(result.stdout, '');
});

test('the bundled samples: the clean one has no warnings, the messy one many', () => {
  assert.equal(cli('check', 'samples/clean-draft.md').status, 0);
  const messy = cli('check', 'samples/kremlin-draft.md');
  assert.equal(messy.status, 1);
  assert.ok(messy.stdout.split('\n').filter((line) => / warning /.test(line)).length >= 8);
});

test('--format json and --format sarif', () => {
  const file = draft('j.md', 'Putin was not in the Kremlin at the time.');
  const json = JSON.parse(cli('check', file, '--format', 'json').stdout);
  assert.equal(json[0].claim, 'putin-elsewhere');
  assert.equal(json[0].line, 1);
  const sarif = JSON.parse(cli('check', file, '--format', 'sarif').stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].results[0].ruleId, 'putin-elsewhere');
  assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine, 1);
  assert.ok(sarif.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === 'moscow-drone-ban'));
});

test('unreadable, binary and invalid UTF-8 input exit 2 with a clear message', () => {
  const missing = cli('check', join(dir, 'nope.md'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /nope\.md: cannot read \(no such file\)/);
  const binary = cli('check', draft('bin.md', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff])));
  assert.equal(binary.status, 2);
  assert.match(binary.stderr, /binary/);
  const latin1 = cli('check', draft('latin1.txt', Buffer.from([0x4b, 0x72, 0x65, 0x6d, 0x6c, 0x69, 0x6e, 0xe9, 0x20])));
  assert.equal(latin1.status, 2);
  assert.match(latin1.stderr, /not valid UTF-8/);
});

test('usage errors exit 2', () => {
  assert.equal(cli('check').status, 2);
  assert.equal(cli('frobnicate').status, 2);
  assert.equal(cli('check', 'x.md', '--format', 'xml').status, 2);
});

test('a reader that closes the pipe early ends the command quietly, with no stack trace', async () => {
  // (The read end is closed before the command writes anything, as `… | head -0` would.)
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'claim-lens.js'), 'eval', '--all', 'test/fixtures/claims.jsonl'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  assert.equal(errors, '');
  assert.equal(status, 0);
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fails, type Problem } from '../../server/src/cli/check';
import { wantsColour } from '../../server/src/cli/output';
import { ROOT } from '../helpers';
import { cli, cliWith, draftFolder } from './run';

// claim-lens check as a script uses it: help, version, standard input, folders and globs,
// text output, exit status thresholds, SARIF.

const { draft } = draftFolder('claim-lens-options-');

test('help per command, on standard output with exit 0; usage errors show the command\'s own help', () => {
  for (const [args, heading] of [
    [['check', '--help'], 'Usage: claim-lens check'],
    [['help', 'check'], 'Usage: claim-lens check'],
    [['report', '--help'], 'Usage: claim-lens report'],
    [['eval', '--help'], 'Usage: claim-lens eval'],
    [['pack', '--help'], 'Usage: claim-lens pack check'],
    [['pack', 'import-claimreview', '--help'], 'Usage: claim-lens pack import-claimreview'],
    [['--help'], 'Usage: claim-lens COMMAND'],
  ] as const) {
    const result = cli(...args);
    assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
    assert.ok(result.stdout.startsWith(heading), `${args.join(' ')} printed: ${result.stdout.slice(0, 80)}`);
  }
  const wrong = cli('check', 'x.md', '--fail-on', 'hint');
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /--fail-on must be warning or information, not "hint"\n\nUsage: claim-lens check/);
  assert.match(cli('check', '--frobnicate', 'x.md').stderr, /Unknown option '--frobnicate'[\s\S]*Usage: claim-lens check/);
});

test('eval exits 1 when an item fails and 0 when every item passes, in text and JSON alike', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claim-lens-eval-'));
  const passing = join(dir, 'passing.jsonl');
  const failing = join(dir, 'failing.jsonl');
  writeFileSync(passing, `${JSON.stringify({ id: 'p', text: 'Two drones flew at the Kremlin overnight.', label: 'warn', claims: ['kremlin-drone-attack'] })}\n`);
  writeFileSync(failing, `${JSON.stringify({ id: 'f', text: 'Two drones flew at the Kremlin overnight.', label: 'none', claims: [] })}\n`);
  for (const extra of [[], ['--json']]) {
    assert.equal(cli('eval', passing, ...extra).status, 0, `passing ${extra.join(' ')}`);
    const result = cli('eval', failing, ...extra);
    assert.equal(result.status, 1, `failing ${extra.join(' ')}`);
  }
  assert.match(cli('eval', failing).stdout, /failures \(1\)/);
});

test('eval: a weak item asked to be Information fails on a Warning and passes on Information', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claim-lens-eval-'));
  const item = (text: string) => JSON.stringify({ id: 'w', text, label: 'weak', claims: ['kremlin-drone-attack'], severity: 'information' });
  const warned = join(dir, 'warned.jsonl');
  const hedged = join(dir, 'hedged.jsonl');
  writeFileSync(warned, `${item('Two drones flew at the Kremlin overnight.')}\n`);
  writeFileSync(hedged, `${item('Two drones reportedly flew at the Kremlin overnight.')}\n`);
  assert.equal(cli('eval', warned).status, 1);
  assert.equal(cli('eval', hedged).status, 0);
});

test('--version prints the package version', () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-v']) {
    const result = cli(flag);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `claim-lens ${version}\n`);
  }
});

test('- reads the draft from standard input; --stdin-filename names it and says what kind it is', () => {
  const piped = cliWith({ input: 'Intro.\n\nTwo drones attacked the Kremlin overnight.\n' }, 'check', '-');
  assert.equal(piped.status, 1);
  assert.match(piped.stdout, /^<stdin>:3:1 warning kremlin-drone-attack /m);
  const newsDraft = cliWith({ input: 'HED: Drones hit Kremlin\nBYLINE: Two drones attacked the Kremlin overnight\n' }, 'check', '--stdin-filename', 'desk/story.draft', '-');
  assert.deepEqual(newsDraft.stdout.split('\n').filter((line) => /^\S+:\d+:\d+ /.test(line)).map((line) => line.split(' ').slice(0, 3).join(' ')), ['desk/story.draft:1:6 warning kremlin-drone-attack']);
  assert.equal(cli('check', '-', '-').status, 2);
});

test('a folder is searched for drafts (not node_modules, not other files); a glob is expanded by the tool', () => {
  const root = mkdtempSync(join(tmpdir(), 'claim-lens-folder-'));
  const claim = 'Two drones attacked the Kremlin overnight.\n';
  for (const [name, text] of [['a.md', claim], ['sub/b.txt', claim], ['sub/deeper/c.story', `HED: ${claim}`], ['notes.json', claim], ['node_modules/x/d.md', claim], ['clean.md', 'Nothing here.\n']] as const) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const folder = cliWith({ cwd: root }, 'check', '.');
  assert.equal(folder.status, 1);
  const files = [...new Set(folder.stdout.split('\n').filter((line) => /^\S+:\d+:\d+ /.test(line)).map((line) => line.split(':')[0]))];
  assert.deepEqual(files, ['a.md', 'sub/b.txt', 'sub/deeper/c.story']);
  assert.match(folder.stdout, /\n3 problems \(3 warnings\) in 3 of 4 drafts\n$/);
  const glob = cliWith({ cwd: root }, 'check', 'sub/**/*.{txt,story}');
  assert.deepEqual([...glob.stdout.matchAll(/^(\S+):\d+:\d+ /gm)].map((match) => match[1]), ['sub/b.txt', 'sub/deeper/c.story']);
  const none = cliWith({ cwd: root }, 'check', 'drafts/*.md');
  assert.equal(none.status, 2);
  assert.match(none.stderr, /drafts\/\*\.md: no files match/);
});

test('text output: the sentence under each problem, a summary line, colour only on request or a terminal', () => {
  const file = draft('two.md', 'Two drones attacked the Kremlin overnight.\n\nPutin was not in the Kremlin at the time. TK\n');
  const plain = cli('check', file);
  assert.match(plain.stdout, /warning kremlin-drone-attack [^\n]+\n {4}│ Two drones attacked the Kremlin overnight\.\n/);
  assert.match(plain.stdout, /\n3 problems \(2 warnings, 1 information\) in 1 draft\n$/);
  assert.doesNotMatch(plain.stdout, /\u001b\[/, 'no colour into a pipe');
  assert.match(cliWith({ env: { FORCE_COLOR: '1' } }, 'check', file).stdout, /\u001b\[33mwarning\u001b\[39m/);
  assert.doesNotMatch(cliWith({ env: { FORCE_COLOR: '1' } }, 'check', '--no-color', '--format', 'json', file).stdout, /\u001b\[|problems \(/, 'json carries no summary, no colour');
  // When colour is wanted, in process.
  assert.equal(wantsColour({ isTTY: true }, {}), true);
  assert.equal(wantsColour({ isTTY: false }, {}), false, 'not into a pipe');
  assert.equal(wantsColour({ isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(wantsColour({ isTTY: true }, { TERM: 'dumb' }), false);
  assert.equal(wantsColour({ isTTY: false }, { FORCE_COLOR: '1' }), true);
  assert.equal(wantsColour({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' }), false, 'NO_COLOR wins');
});

const problem = (severity: Problem['severity']): Problem => ({ file: 'd.md', line: 1, column: 1, endLine: 1, endColumn: 2, severity, claim: 'c', message: 'm', sentence: 's' });

test('--fail-on and --max-warnings decide which problems fail the check, and how many pass', () => {
  const [error, warning, information] = [problem('error'), problem('warning'), problem('information')];
  assert.equal(fails([information, information], 'warning', 0), false, 'Information passes by default');
  assert.equal(fails([warning], 'warning', 0), true);
  assert.equal(fails([warning, warning], 'warning', 2), false);
  assert.equal(fails([warning, warning, warning], 'warning', 2), true);
  assert.equal(fails([information], 'information', 0), true);
  assert.equal(fails([information, warning], 'information', 1), true, 'both count at --fail-on information');
  assert.equal(fails([error], 'warning', 10), true, 'an error always fails');
  // End to end: a draft with only a TK passes, unless Information fails it; a bad number is a usage error.
  const tkOnly = draft('tk.md', 'The toll stands at TK.\n');
  assert.equal(cli('check', tkOnly).status, 0);
  assert.equal(cli('check', '--fail-on', 'information', tkOnly).status, 1);
  assert.equal(cli('check', '--fail-on', 'information', '--max-warnings', '1', tkOnly).status, 0);
  assert.equal(cli('check', '--max-warnings', 'many', tkOnly).status, 2);
});

test('SARIF: the tool named and versioned as the package is, and a rule for every result', () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const file = draft('sarif.md', 'Two drones attacked the Kremlin overnight. TK\n');
  const sarif = JSON.parse(cli('check', file, '--format', 'sarif').stdout);
  const { driver } = sarif.runs[0].tool;
  assert.equal(driver.name, 'claim-lens');
  assert.equal(driver.version, version);
  assert.equal(driver.informationUri, undefined, 'no made-up address');
  const results = sarif.runs[0].results as Array<{ ruleId: string; ruleIndex: number }>;
  assert.deepEqual(results.map((r) => r.ruleId).sort(), ['kremlin-drone-attack', 'tk']);
  for (const result of results) assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runExamples } from '../../server/src/engine/pack/examples';
import { loadPack } from '../../server/src/engine/pack/load';
import { ROOT } from '../helpers';
import { greedyPack } from './greedy';

// `claim-lens pack check`, `pack import-claimreview` and `check --pack`, through the built CLI.

const cli = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [join(ROOT, 'bin', 'claim-lens.js'), ...args], { encoding: 'utf8', cwd });
const dir = mkdtempSync(join(tmpdir(), 'claim-lens-pack-cli-'));
const SAMPLE = join(ROOT, 'samples', 'packs');

test('pack check: the bundled and the sample pack are valid and pass all their examples', () => {
  const result = cli(['pack', 'check', 'server/packs/kremlin.claims.json', 'samples/packs/fernhollow-water.claims.json']);
  assert.equal(result.stdout, [
    'server/packs/kremlin.claims.json: pack "kremlin-drone-2023": 18 claims, 45 examples, 0 failed',
    'samples/packs/fernhollow-water.claims.json: pack "fernhollow-water": 6 claims, 17 examples, 0 failed',
    '',
  ].join('\n'));
  assert.equal(result.status, 0);
});

test('pack check: a failing example and a broken pack are located problems (exit 1); a missing file exits 2', () => {
  cpSync(SAMPLE, join(dir, 'packs'), { recursive: true });
  const pack = JSON.parse(readFileSync(join(SAMPLE, 'fernhollow-water.claims.json'), 'utf8'));
  pack.claims[2].examples.match.push('The reservoir was refilled on Friday.');
  pack.claims[2].examples.noMatch.push('Tap water is safe to drink again.');
  const failing = join(dir, 'packs', 'failing.claims.json');
  const text = JSON.stringify(pack, null, 2);
  writeFileSync(failing, text);
  const lines = text.split('\n');
  const lineOf = (needle: string) => lines.findIndex((line) => line.includes(needle)) + 1;
  const broken = join(dir, 'broken.claims.json');
  writeFileSync(broken, '{\n  "schemaVersion": 2,\n  "id": "Bad Id"\n}\n');
  // Its example uses up a sentence's work budget: a warning at the pattern, on stderr.
  const greedy = join(dir, 'greedy.claims.json');
  const greedyText = JSON.stringify(greedyPack(), null, 2);
  writeFileSync(greedy, greedyText);
  const result = cli(['pack', 'check', failing, broken, greedy]);
  assert.equal(result.status, 1);
  const patternLine = greedyText.split('\n').findIndex((line) => line.includes('"@z @a|')) + 1;
  assert.match(result.stderr, new RegExp(`^claim-lens: ${greedy}:${patternLine}:\\d+: warning: claim "zebra-yak": matching pattern "@z @a\\|.*" used up the work budget of a sentence`, 'm'));
  const out = result.stdout.split('\n');
  assert.equal(out[0], `${failing}:${lineOf('The reservoir was refilled')}:11: error: example should be flagged as an unattributed "water-safe"; found no claim: “The reservoir was refilled on Friday.”`);
  assert.match(out[1], new RegExp(`^${failing}:${lines.lastIndexOf('          "Tap water is safe to drink again."') + 1}:11: error: example should not be flagged as an unattributed "water-safe"; found water-safe \\(unattributed\\)`));
  assert.equal(out[2], `${failing}: pack "fernhollow-water": 6 claims, 19 examples, 2 failed`);
  assert.match(result.stdout, new RegExp(`^${broken}:2:20: error: /schemaVersion: must be equal to constant$`, 'm'));
  assert.match(result.stdout, new RegExp(`^${broken}:3:9: error: /id: must match pattern`, 'm'));
  assert.match(result.stdout, /broken\.claims\.json: not loaded: \d+ problems/);

  const missing = cli(['pack', 'check', join(dir, 'nothing.claims.json')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stdout, /nothing\.claims\.json:1:1: error: cannot read the pack: no such file/);
});

test('check --pack flags the sample draft with the sample pack; a broken --pack is an input error', () => {
  const pack = 'samples/packs/fernhollow-water.claims.json';
  const flagged = cli(['check', '--no-bundled-pack', '--pack', pack, 'samples/packs/fernhollow-draft.md', 'samples/packs/fernhollow-draft-attributed.md']);
  assert.equal(flagged.status, 1);
  // Every claim of the draft is flagged where it stands; the attributed draft has none.
  assert.deepEqual(
    flagged.stdout
      .split('\n')
      .filter((line) => /^\S+:\d+:\d+ /.test(line))
      .map((line) => line.split(' ').slice(0, 3).join(' ')),
    [
      'samples/packs/fernhollow-draft.md:5:1 warning kestrel-leak',
      'samples/packs/fernhollow-draft.md:8:1 warning water-safe',
      'samples/packs/fernhollow-draft.md:8:35 warning children-ill',
      'samples/packs/fernhollow-draft.md:8:35 warning kx7-forty-times',
      'samples/packs/fernhollow-draft.md:11:1 warning officials-hid',
    ],
  );

  // Packs under ./.claim-lens/ are used without --pack; symbolic links there are not followed
  // (a link to a folder of broken packs, or to /, would otherwise be loaded).
  const workspace = mkdtempSync(join(tmpdir(), 'claim-lens-pack-ws-'));
  cpSync(SAMPLE, join(workspace, '.claim-lens'), { recursive: true });
  mkdirSync(join(workspace, 'outside'));
  writeFileSync(join(workspace, 'outside', 'elsewhere.claims.json'), '{');
  symlinkSync(join(workspace, 'outside'), join(workspace, '.claim-lens', 'linked'));
  const local = cli(['check', join(SAMPLE, 'fernhollow-draft.md')], workspace);
  assert.equal(local.stderr, '');
  assert.equal(local.status, 1);
  assert.match(local.stdout, /warning kestrel-leak/);

  writeFileSync(join(workspace, 'bad.claims.json'), '{');
  writeFileSync(join(workspace, 'deep.claims.json'), `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
  const broken = cli(['check', '--pack', 'bad.claims.json', '--pack', 'deep.claims.json', join(SAMPLE, 'fernhollow-draft.md')], workspace);
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /bad\.claims\.json:1:2: error: JSON syntax error/);
  // Nesting deep enough to exhaust a recursive parser is a located problem, not a stack trace.
  assert.match(broken.stderr, /deep\.claims\.json:1:65: error: nested too deeply/);
  assert.doesNotMatch(broken.stderr, /RangeError|\n\s+at /);
  assert.equal(broken.stdout, '');
});

test('pack import-claimreview writes a pack that pack check accepts, and reports what needs work', () => {
  const out = join(dir, 'imported.claims.json');
  const result = cli(['pack', 'import-claimreview', 'samples/packs/fernhollow-claimreview.json', '--id', 'fact-desk', '--output', out]);
  // The third review is worded as a negative ("has never leaked"): its generated pattern
  // cannot flag its own wording, and the import says so.
  assert.equal(result.status, 1);
  assert.match(result.stderr, /review 3: .* is worded as a negative/);
  assert.match(result.stderr, /imported\.claims\.json:\d+:\d+: warning: example should be flagged as an unattributed "kestrel-polymers-leaked-solvent"/);
  assert.match(result.stderr, /3 claims imported to .*imported\.claims\.json; 1 generated pattern to fix/);
  const { pack, problems } = loadPack(readFileSync(out, 'utf8'));
  assert.deepEqual(problems, []);
  assert.equal(pack?.pack.id, 'fact-desk');
  assert.deepEqual(runExamples(pack!).filter((r) => !r.passed).map((r) => r.claimId), ['kestrel-polymers-leaked-solvent']);

  const absent = cli(['pack', 'import-claimreview', join(dir, 'absent.json')]);
  assert.equal(absent.status, 2);
  assert.match(absent.stderr, /absent\.json: cannot read \(no such file\)/);
});

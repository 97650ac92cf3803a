import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { bundledPack } from '../../server/src/host/bundled';
import { DEFAULT_PACK_SETTINGS, MAX_WORKSPACE_PACKS, PackRegistry, readPackSettings, sourcesDirOf, type PackSettings } from '../../server/src/host/packRegistry';
import { ROOT } from '../helpers';

// Which packs are in force for a workspace: the bundled one, .claim-lens/ packs, packs the
// settings name; broken packs reported and skipped; nothing from an untrusted workspace.

const SAMPLE = join(ROOT, 'samples', 'packs');

function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'claim-lens-ws-'));
}

/** The sample pack and its sources under `<dir>/<folder>/`. */
function addSamplePack(dir: string, folder = '.claim-lens'): string {
  mkdirSync(join(dir, folder), { recursive: true });
  const file = join(dir, folder, 'fernhollow-water.claims.json');
  copyFileSync(join(SAMPLE, 'fernhollow-water.claims.json'), file);
  cpSync(join(SAMPLE, 'sources'), join(dir, folder, 'sources'), { recursive: true });
  return file;
}

const settings = (overrides: Partial<PackSettings> = {}): PackSettings => ({ ...DEFAULT_PACK_SETTINGS, ...overrides });
const ids = (packs: Array<{ pack: { id: string } }>) => packs.map((p) => p.pack.id);

test('packs under .claim-lens/ load beside the bundled pack, with their own sources folder', async () => {
  const dir = workspace();
  const file = addSamplePack(dir);
  const set = await new PackRegistry(bundledPack).load({ folders: [dir], settings: settings(), trusted: true });
  assert.deepEqual(ids(set.packs), ['kremlin-drone-2023', 'fernhollow-water']);
  assert.deepEqual(set.files, [{ file, problems: [], packId: 'fernhollow-water' }]);
  assert.equal(sourcesDirOf(set.packs[1]), join(dir, '.claim-lens', 'sources'));
  assert.equal(sourcesDirOf(set.packs[0]), join(ROOT, 'server', 'sources'));
});

test('claimLens.bundledPack: false leaves the bundled pack out', async () => {
  const dir = workspace();
  addSamplePack(dir);
  const set = await new PackRegistry(bundledPack).load({ folders: [dir], settings: settings({ bundledPack: false }), trusted: true });
  assert.deepEqual(ids(set.packs), ['fernhollow-water']);
});

test('claimLens.claimPacks takes files, folders and globs, relative or absolute', async () => {
  const dir = workspace();
  addSamplePack(dir, 'desk/packs');
  const registry = new PackRegistry(bundledPack);
  for (const entry of ['desk/packs/fernhollow-water.claims.json', 'desk/packs', 'desk/**/*.claims.json', join(dir, 'desk', '*', '*.claims.json')]) {
    const set = await registry.load({ folders: [dir], settings: settings({ claimPacks: [entry] }), trusted: true });
    assert.deepEqual(ids(set.packs), ['kremlin-drone-2023', 'fernhollow-water'], entry);
  }
  const none = await registry.load({ folders: [dir], settings: settings({ claimPacks: ['nowhere/*.claims.json', 'missing.claims.json'] }), trusted: true });
  assert.deepEqual(ids(none.packs), ['kremlin-drone-2023']);
});

test('an untrusted workspace loads only the bundled pack unless the user opts in', async () => {
  const dir = workspace();
  addSamplePack(dir);
  const registry = new PackRegistry(bundledPack);
  const untrusted = await registry.load({ folders: [dir], settings: settings(), trusted: false });
  assert.deepEqual(ids(untrusted.packs), ['kremlin-drone-2023']);
  assert.match(untrusted.notice ?? '', /not trusted/);
  const optedIn = await registry.load({ folders: [dir], settings: settings({ untrustedWorkspacePacks: true }), trusted: false });
  assert.deepEqual(ids(optedIn.packs), ['kremlin-drone-2023', 'fernhollow-water']);
});

test('a broken pack is reported at its line and skipped; the valid packs stay', async () => {
  const dir = workspace();
  addSamplePack(dir);
  const broken = join(dir, '.claim-lens', 'broken.claims.json');
  writeFileSync(broken, '{\n  "schemaVersion": 1,\n  "id": "broken",\n  "name": "Broken",\n  "sources": [],\n  "parties": [],\n  "concepts": {},\n  "claims": []\n}\n');
  const set = await new PackRegistry(bundledPack).load({ folders: [dir], settings: settings(), trusted: true });
  assert.deepEqual(ids(set.packs), ['kremlin-drone-2023', 'fernhollow-water']);
  const report = set.files.find((f) => f.file === broken)!;
  assert.equal(report.packId, undefined);
  assert.deepEqual(
    report.problems.map((p) => [p.line, p.message]),
    [
      [5, '/parties: must NOT have fewer than 1 items'],
      [7, '/claims: must NOT have fewer than 1 items'],
    ],
  );
});

test('an excerpt that is not in its source file keeps the pack out; a missing source file is a warning', async () => {
  const dir = workspace();
  const file = addSamplePack(dir);
  const registry = new PackRegistry(bundledPack);
  writeFileSync(join(dir, '.claim-lens', 'sources', 'fernhollow-briefing.txt'), 'The briefing was cancelled.\n');
  const wrong = await registry.load({ folders: [dir], settings: settings(), trusted: true });
  assert.deepEqual(ids(wrong.packs), ['kremlin-drone-2023']);
  assert.ok(wrong.files[0].problems.every((p) => p.severity === 'error' && /excerpt is not in fernhollow-briefing\.txt/.test(p.message)));
  assert.equal(wrong.files[0].problems.length, 3);

  // The registry notices the source file changing even though the pack did not.
  rmSync(join(dir, '.claim-lens', 'sources', 'fernhollow-briefing.txt'));
  const missing = await registry.load({ folders: [dir], settings: settings(), trusted: true });
  assert.deepEqual(ids(missing.packs), ['kremlin-drone-2023', 'fernhollow-water']);
  assert.deepEqual(
    missing.files[0].problems.map((p) => [p.severity, p.message]),
    [['warning', 'sources.0.file: source file "fernhollow-briefing.txt" is not in the pack\'s sources folder, so excerpts from it are not checked']],
  );
  assert.equal(missing.files[0].file, file);
});

test('a second pack with an id already in use is reported at its id', async () => {
  const dir = workspace();
  addSamplePack(dir);
  copyFileSync(join(dir, '.claim-lens', 'fernhollow-water.claims.json'), join(dir, '.claim-lens', 'zz-copy.claims.json'));
  copyFileSync(join(ROOT, 'server', 'packs', 'kremlin.claims.json'), join(dir, '.claim-lens', 'kremlin-copy.claims.json'));
  const set = await new PackRegistry(bundledPack).load({ folders: [dir], settings: settings(), trusted: true });
  assert.deepEqual(ids(set.packs), ['kremlin-drone-2023', 'fernhollow-water']);
  const [copy] = set.files.find((f) => f.file.endsWith('zz-copy.claims.json'))!.problems;
  assert.match(copy.message, /pack id "fernhollow-water" is already used by .*fernhollow-water\.claims\.json/);
  assert.equal(copy.line, 3);
  const kremlin = set.files.find((f) => f.file.endsWith('kremlin-copy.claims.json'))!.problems;
  // Its sources are not beside the copy: five warnings, then the id.
  assert.deepEqual(kremlin.map((p) => p.severity), ['warning', 'warning', 'warning', 'warning', 'warning', 'error']);
  assert.match(kremlin[5].message, /pack id "kremlin-drone-2023" is already used by the bundled pack/);
});

test('more packs than the limit: the extra ones are reported, not loaded', async () => {
  const dir = workspace();
  mkdirSync(join(dir, '.claim-lens'));
  const tiny = (id: string) =>
    JSON.stringify({ schemaVersion: 1, id, name: id, sources: [], parties: [{ id: 'p', name: 'Pat', kind: 'person', aliases: [] }], concepts: { a: ['zebra'] }, claims: [{ id: 'c', status: 'unverified', summary: 's', claimants: ['p'], claimantLabel: 'Pat', attribution: { source: 'Pat' }, patterns: ['@a'], excerpts: [] }] });
  for (let i = 0; i < MAX_WORKSPACE_PACKS + 2; i++) writeFileSync(join(dir, '.claim-lens', `p${String(i).padStart(2, '0')}.claims.json`), tiny(`p${i}`));
  const set = await new PackRegistry(bundledPack).load({ folders: [dir], settings: settings({ bundledPack: false }), trusted: true });
  assert.equal(set.packs.length, MAX_WORKSPACE_PACKS);
  assert.deepEqual(set.files.slice(-2).map((f) => f.problems[0].message), Array(2).fill(`not loaded: more than ${MAX_WORKSPACE_PACKS} claim packs are in use`));
});

test('pack settings: malformed values fall back to the defaults', () => {
  assert.deepEqual(readPackSettings(undefined), DEFAULT_PACK_SETTINGS);
  assert.deepEqual(readPackSettings({ bundledPack: 'no', claimPacks: ['a.claims.json', 3, ''], untrustedWorkspacePacks: 'yes' }), {
    bundledPack: true,
    claimPacks: ['a.claims.json'],
    untrustedWorkspacePacks: false,
  });
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bundledPack } from '../../server/src/host/bundled';
import { isInside, readGuarded } from '../../server/src/host/guardedRead';
import { DEFAULT_PACK_SETTINGS, MAX_WORKSPACE_PACKS, PackRegistry, readPackSettings, sourcesDirOf, type PackSettings } from '../../server/src/host/packRegistry';
import { sourceLibrary } from '../../server/src/host/sourceTexts';
import { DraftStore } from '../../server/src/lsp/drafts';
import { Workflow } from '../../server/src/lsp/workflow';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
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

// A repository is untrusted input: what a stranger can commit (symbolic links; named pipes
// exist on the machine too) must never hang, read outside the pack, or take other packs down.

test('a source that is a named pipe, a link to /dev/zero or a link out of the folder is refused, not read', async () => {
  const dir = workspace();
  const file = addSamplePack(dir);
  const secret = join(dir, 'secret.txt');
  writeFileSync(secret, 'The water was never safe, the mayor said in private.\n');
  const briefing = join(dir, '.claim-lens', 'sources', 'fernhollow-briefing.txt');
  const registry = new PackRegistry(bundledPack);
  for (const [make, reason] of [
    [() => execFileSync('mkfifo', [briefing]), /is a named pipe \(FIFO\), not a file/],
    [() => symlinkSync('/dev/zero', briefing), /is a device, not a file/],
    [() => symlinkSync(secret, briefing), /leads outside its folder through a symbolic link/],
  ] as const) {
    rmSync(briefing, { force: true });
    make();
    const set = await registry.load({ folders: [dir], settings: settings(), trusted: true });
    assert.deepEqual(ids(set.packs), ['kremlin-drone-2023']);
    const [problem] = set.files.find((f) => f.file === file)!.problems;
    assert.equal(problem.severity, 'error');
    assert.match(problem.message, reason);
    assert.deepEqual(problem.path, ['sources', 0, 'file']);
  }
  // The sources folder itself may not lead elsewhere either.
  rmSync(join(dir, '.claim-lens', 'sources'), { recursive: true });
  cpSync(join(SAMPLE, 'sources'), join(dir, 'elsewhere'), { recursive: true });
  symlinkSync(join(dir, 'elsewhere'), join(dir, '.claim-lens', 'sources'));
  const linked = await registry.load({ folders: [dir], settings: settings(), trusted: true });
  assert.deepEqual(ids(linked.packs), ['kremlin-drone-2023']);
  assert.ok(linked.files[0].problems.every((p) => /leads outside its folder/.test(p.message)));
});

test('claimLens.claimPacks naming a pipe, a device or a link out of its folder: a problem on it, the other packs load', async () => {
  const dir = workspace();
  addSamplePack(dir);
  mkdirSync(join(dir, 'desk'));
  execFileSync('mkfifo', [join(dir, 'desk', 'pipe.claims.json')]);
  symlinkSync('/dev/zero', join(dir, 'desk', 'zero.claims.json'));
  symlinkSync(join(ROOT, 'samples', 'packs', 'fernhollow-water.claims.json'), join(dir, 'desk', 'linked.claims.json'));
  const claimPacks = ['desk/pipe.claims.json', join(dir, 'desk', 'zero.claims.json'), 'desk/linked.claims.json'];
  const started = performance.now();
  const set = await new PackRegistry(bundledPack).load({ folders: [dir], settings: settings({ claimPacks }), trusted: true });
  assert.ok(performance.now() - started < 2000);
  assert.deepEqual(ids(set.packs), ['kremlin-drone-2023', 'fernhollow-water']);
  const reasons = Object.fromEntries(set.files.filter((f) => f.file.includes('/desk/')).map((f) => [f.file.replace(/^.*\//, ''), f.problems.map((p) => p.message)]));
  assert.deepEqual(reasons, {
    'linked.claims.json': ['cannot read the pack: leads outside its folder through a symbolic link, so it is not read'],
    'pipe.claims.json': ['cannot read the pack: is a named pipe (FIFO), not a file'],
    'zero.claims.json': ['cannot read the pack: is a device, not a file'],
  });
});

test('discovery does not follow symbolic links out of .claim-lens/; a pack nested 10,000 deep is a located problem', async () => {
  const dir = workspace();
  addSamplePack(dir);
  const outside = join(dir, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'elsewhere.claims.json'), '{}');
  symlinkSync(outside, join(dir, '.claim-lens', 'linked-folder'));
  symlinkSync('/', join(dir, '.claim-lens', 'root'));
  const deep = join(dir, '.claim-lens', 'deep.claims.json');
  writeFileSync(deep, `{"schemaVersion": 1, "x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
  const set = await new PackRegistry(bundledPack).load({ folders: [dir], settings: settings(), trusted: true });
  assert.deepEqual(ids(set.packs), ['kremlin-drone-2023', 'fernhollow-water']);
  assert.deepEqual(set.files.map((f) => f.file.replace(/^.*\//, '')), ['deep.claims.json', 'fernhollow-water.claims.json']);
  const [problem] = set.files[0].problems;
  assert.match(problem.message, /^nested too deeply: arrays and objects more than 64 levels deep/);
  // The 64th "[" is the 65th level, after the object's own.
  assert.equal(problem.column, 26 + 63);
});

test('the guarded reader caps the size before reading and reads only inside the folders named', () => {
  const dir = workspace();
  writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2001));
  assert.deepEqual(readGuarded(join(dir, 'big.txt'), { maxBytes: 2000 }), { ok: false, reason: 'is larger than 2,000 bytes', missing: false });
  const small = readGuarded(join(dir, 'big.txt'), { maxBytes: 2001, within: [dir] });
  assert.ok(small.ok && small.bytes.length === 2001);
  assert.deepEqual(readGuarded(join(dir, 'nothing.txt'), { maxBytes: 10 }), { ok: false, reason: 'no such file', missing: true });
  assert.deepEqual(readGuarded(dir, { maxBytes: 10 }), { ok: false, reason: 'is a directory', missing: false });
  assert.equal(isInside('/a/b', '/a'), true);
  assert.equal(isInside('/a', '/a'), false);
  assert.equal(isInside('/ab', '/a'), false);
  assert.equal(isInside('/a/../b', '/a'), false);
});

test('links to the sources of a workspace pack, in hovers and the report, go to its own sources folder', async () => {
  const dir = workspace();
  addSamplePack(dir);
  const { packs } = await new PackRegistry(bundledPack).load({ folders: [dir], settings: settings(), trusted: true });
  const workflow = new Workflow(sourceLibrary());
  const text = readFileSync(join(SAMPLE, 'fernhollow-draft.md'), 'utf8');
  const draft = new DraftStore(() => packs, () => DEFAULT_SETTINGS).update(TextDocument.create('file:///tmp/fernhollow.md', 'markdown', 1, text));
  const own = pathToFileURL(join(dir, '.claim-lens', 'sources')).href;
  const report = workflow.report(draft, packs, 'fernhollow.md');
  assert.ok('html' in report);
  const sourceLinks = [...report.html.matchAll(/href="([^"]*sources[^"]*)"/g)].map((m) => m[1]);
  assert.ok(sourceLinks.length > 0);
  assert.ok(sourceLinks.every((href) => href.startsWith(`${own}/`)), sourceLinks.join('\n'));
  // KX-7, an entity of the workspace pack, on line 8.
  const hover = workflow.hover(draft, packs, { line: 8, character: 16 }, null);
  const value = (hover?.contents as { value: string }).value;
  assert.match(value, /\*\*KX-7\*\*/);
  assert.ok(value.includes(`](${own}/fernhollow-`), value);
});

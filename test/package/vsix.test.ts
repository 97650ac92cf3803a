import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import yauzl from 'yauzl';
import { ROOT } from '../helpers';

// Packages the built extension exactly as `npm run package` does and checks what a user
// would install: the bundles and the data they read, no dependencies, a bounded size.

// The bundles, the pack and the source texts, plus the English tagger model (about 3 MB of
// JSON, some 600 KiB compressed) that the word-class layer needs.
const MAX_VSIX_BYTES = 2 * 1024 * 1024;
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; icon: string };
let outDir = '';
let vsixPath = '';
let entries: Map<string, Buffer>;

/** Every file in a zip archive with its uncompressed content. */
function readZip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

before(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'claim-lens-package-test-'));
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--out', outDir], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, `packaging failed:\n${run.stdout}\n${run.stderr}`);
  vsixPath = join(outDir, `${manifest.name}-${manifest.version}.vsix`);
  entries = await readZip(vsixPath);
});

after(() => rmSync(outDir, { recursive: true, force: true }));

test('the vsix is named after the package and stays small', () => {
  const size = statSync(vsixPath).size;
  console.log(`# ${manifest.name}-${manifest.version}.vsix: ${entries.size} entries, ${Math.round(size / 1024)} KiB`);
  assert.ok(size < MAX_VSIX_BYTES, `vsix is ${size} bytes, limit ${MAX_VSIX_BYTES}`);
});

test('the vsix holds the bundles, grammar, pack, sources, schema, icon, README and licence', () => {
  const required = [
    'extension/package.json',
    'extension/readme.md',
    'extension/LICENSE.txt',
    `extension/${manifest.icon}`,
    'extension/client/out/extension.js',
    'extension/server/out/server.js',
    'extension/server/out/server.bundle.js',
    'extension/server/out/tagger-model.json',
    'extension/server/out/tagger-tables.bin',
    'extension/server/packs/kremlin.claims.json',
    'extension/schemas/claim-pack.schema.json',
    'extension/syntaxes/news-draft.tmLanguage.json',
  ];
  for (const name of required) assert.ok(entries.has(name), `${name} missing from the vsix`);
  const sources = [...entries.keys()].filter((name) => /^extension\/server\/sources\/[^/]+\.txt$/.test(name));
  assert.ok(sources.length >= 1, 'no source texts in the vsix');
  for (const name of required.concat(sources)) assert.ok(entries.get(name)!.length > 0, `${name} is empty`);
});

test('the vsix holds nothing but what the extension reads at run time', () => {
  const allowed = [
    /^\[Content_Types\]\.xml$/,
    /^extension\.vsixmanifest$/,
    /^extension\/(package\.json|readme\.md|LICENSE\.txt)$/,
    /^extension\/images\/[^/]+\.png$/,
    /^extension\/client\/out\/extension\.js$/,
    /^extension\/server\/out\/server(\.bundle)?\.js$/,
    /^extension\/server\/out\/tagger-(model\.json|tables\.bin)$/,
    /^extension\/server\/packs\/[^/]+\.claims\.json$/,
    /^extension\/server\/sources\/[^/]+\.txt$/,
    /^extension\/schemas\/[^/]+\.json$/,
    /^extension\/syntaxes\/[^/]+\.json$/,
  ];
  const unexpected = [...entries.keys()].filter((name) => !allowed.some((pattern) => pattern.test(name)));
  assert.deepEqual(unexpected, [], 'unexpected files in the vsix');
  assert.ok(![...entries.keys()].some((name) => name.includes('node_modules/')), 'node_modules in the vsix');
});

test('the packaged manifest points at the bundled client and drops the npm "files" list', () => {
  const packaged = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as Record<string, unknown>;
  assert.equal(packaged.main, './client/out/extension.js');
  assert.equal(packaged.files, undefined);
  assert.equal(packaged.version, manifest.version);
});

// Builds claim-lens-<version>.vsix with @vscode/vsce from a staging folder.
// Why staging: package.json keeps a "files" list for the npm package (the CLI), and vsce refuses
// to combine "files" with .vscodeignore. The staged package.json drops "files", so .vscodeignore
// alone decides what the .vsix holds. Expects the bundles built (`npm run package` builds first).
//   node scripts/package.mjs [--out DIR]
import { createVSIX } from '@vscode/vsce';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? resolve(process.argv[outIndex + 1] ?? '') : root;

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const bundle of [manifest.main, './server/out/server.js', './server/out/server.bundle.js']) {
  if (!existsSync(join(root, bundle))) {
    console.error(`package: ${bundle} is missing; run \`npm run build\` first`);
    process.exit(2);
  }
}

const entries = ['.vscodeignore', 'README.md', 'LICENSE', 'images', 'client/out', 'server/out', 'server/packs', 'server/sources', 'schemas', 'syntaxes'];
const missing = entries.filter((entry) => !existsSync(join(root, entry)));
if (missing.length) {
  console.error(`package: missing ${missing.join(', ')}`);
  process.exit(2);
}
const staging = mkdtempSync(join(tmpdir(), 'claim-lens-vsix-'));
for (const entry of entries) cpSync(join(root, entry), join(staging, entry), { recursive: true });
delete manifest.files;
writeFileSync(join(staging, 'package.json'), JSON.stringify(manifest, null, 2));

mkdirSync(outDir, { recursive: true });
const packagePath = join(outDir, `${manifest.name}-${manifest.version}.vsix`);
try {
  await createVSIX({
    cwd: staging,
    packagePath,
    dependencies: false,
    // No public repository to link to: README links stay relative instead of being rewritten.
    allowMissingRepository: true,
    rewriteRelativeLinks: false,
  });
} finally {
  rmSync(staging, { recursive: true, force: true });
}
console.log(`package: ${packagePath} (${Math.round(statSync(packagePath).size / 1024)} KiB)`);

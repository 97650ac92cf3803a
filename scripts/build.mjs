// Bundles the client, the language server and the CLI with esbuild. Each bundle is
// self-contained CommonJS so the packaged extension needs no node_modules.
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  minifySyntax: true,
  // ESM entry points first: some packages (jsonc-parser) ship a UMD main that bundlers cannot follow.
  mainFields: ['module', 'main'],
};

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js' },
];

const started = Date.now();
await Promise.all(bundles.map((options) => build({ ...common, ...options })));
if (!watch) console.log(`built ${bundles.length} bundles in ${Date.now() - started} ms`);

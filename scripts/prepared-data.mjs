// Data the bundles load ready-made instead of working it out at every start:
//   - the tagger's model (server/src/engine/syntax/taggerModel.ts), written beside the bundles
//     as server/out/tagger-model.json and its typed arrays as tagger-tables.bin
//     (`writePreparedFiles`), and read from there by the module
//     that replaces engine/syntax/taggerData.ts (run from the sources, it prepares the model on
//     first use). A file rather than a literal in the bundles: as a literal its 3 MB of strings
//     were read with the bundle and deserialised from its code cache at every start, before
//     initialize could be answered, and kept twice (the bundle's source and the cache's
//     constants), though the tagger reads them once, when a sentence first needs word classes;
//   - the bundled claim pack checked (host/bundled.ts, prepareBundledPack): the digest of the
//     text that passed and its phrases tokenised, and the quotations of its source texts
//     (host/sourceTexts.ts, prepareBundledQuotations), which replace host/bundledPackPrepared.ts
//     (run from the sources, there is none: the pack is checked and the quotations read as
//     they are needed);
//   - the framing lexicon's phrases tokenised (engine/lexicon/english.ts, prepareFramingPhrases),
//     which replace engine/lexicon/framingPrepared.ts (run from the sources, there are none).
// All are worked out by the engine's own code, bundled from the sources to run here.
import { build } from 'esbuild';
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const TAGGER_CORE_JSON = 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json';
const BUNDLED_PACK = join(ROOT, 'server', 'packs', 'kremlin.claims.json');
const BUNDLED_SOURCES = realpathSync(join(ROOT, 'server', 'sources'));

async function preparers() {
  const { outputFiles } = await build({
    stdin: {
      contents: [
        "export { prepareTaggerModel, taggerTables } from './server/src/engine/syntax/taggerModel';",
        "export { packFromPrepared, prepareBundledPack } from './server/src/host/bundled';",
        "export { prepareBundledQuotations } from './server/src/host/sourceTexts';",
        "export { prepareFramingPhrases } from './server/src/engine/lexicon/english';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
      sourcefile: 'prepare-data.ts',
    },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    mainFields: ['module', 'main'],
    external: ['wink-nlp', 'wink-eng-lite-web-model', 'wink-eng-lite-web-model/*'],
    // CommonJS dependencies bundled into an ES module reach Node's modules through require.
    banner: { js: `import { createRequire } from 'node:module'; const require = createRequire(${JSON.stringify(join(ROOT, 'package.json'))});` },
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

/** The prepared data, worked out once per build. */
export async function preparedData() {
  const { prepareTaggerModel, taggerTables, prepareBundledPack, packFromPrepared, prepareBundledQuotations, prepareFramingPhrases } = await preparers();
  const taggerModel = prepareTaggerModel(JSON.parse(readFileSync(require.resolve(TAGGER_CORE_JSON), 'utf8')));
  const packText = readFileSync(BUNDLED_PACK, 'utf8');
  const bundledPack = prepareBundledPack(packText);
  if (bundledPack) bundledPack.quotations = prepareBundledQuotations(packFromPrepared(packText, bundledPack), BUNDLED_SOURCES);
  else console.warn('the bundled claim pack does not load: the bundles will check it, and report why, as they load it');
  return { taggerModel, taggerTables: taggerTables(taggerModel), bundledPack, framingPhrases: prepareFramingPhrases() };
}

/** The name of the tagger model's file, beside the bundles that read it. */
export const TAGGER_MODEL_FILE = 'tagger-model.json';
/**
 * The tagger's typed arrays (the lexicon, the expansions, where each word starts, the word
 * index's slots: 2.8 MB), beside it as raw bytes (`taggerTables`): read into a buffer that the
 * arrays are views on, with no string to decode or keep.
 */
export const TAGGER_TABLES_FILE = 'tagger-tables.bin';

/**
 * The model as JSON with every character beyond ASCII escaped: read as Latin-1, its strings
 * then stay at a byte a character in V8 (as the bundles do, see keepLatin1 in build.mjs).
 */
export const asciiJson = (value) => JSON.stringify(value).replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** What tagger-model.json holds: the prepared model but for its typed arrays (in tagger-tables.bin). */
export function taggerModelJson(model) {
  return Object.fromEntries(Object.entries(model).filter(([, value]) => !ArrayBuffer.isView(value)));
}

/** `preparedData()`, worked out on the first call only (once per build). */
export function preparedDataOnce() {
  let data;
  return () => (data ??= preparedData());
}

/** Writes the prepared data that the bundles read from files into `outDir` (server/out). */
export async function writePreparedFiles(outDir, prepared = preparedDataOnce()) {
  const { taggerModel, taggerTables } = await prepared();
  writeFileSync(join(outDir, TAGGER_MODEL_FILE), asciiJson(taggerModelJson(taggerModel)));
  writeFileSync(join(outDir, TAGGER_TABLES_FILE), taggerTables);
}

/** An esbuild plugin that puts the prepared data in place of the modules that stand for it. */
export function preparedDataPlugin(prepared = preparedDataOnce()) {
  return {
    name: 'prepared-data',
    setup(builder) {
      // Read afresh at each call (the tagger calls it once): the bundle holds no copy of the strings.
      builder.onLoad({ filter: /[\\/]engine[\\/]syntax[\\/]taggerData\.ts$/ }, () => ({
        contents: [
          "import { readFileSync } from 'node:fs';",
          "import { join } from 'node:path';",
          "import { fromTaggerTables } from './taggerModel';",
          'export function preparedTaggerModel() {',
          `  const model = JSON.parse(readFileSync(join(__dirname, ${JSON.stringify(TAGGER_MODEL_FILE)}), 'latin1'));`,
          `  return Object.assign(model, fromTaggerTables(readFileSync(join(__dirname, ${JSON.stringify(TAGGER_TABLES_FILE)}))));`,
          '}',
        ].join('\n'),
        loader: 'js',
      }));
      builder.onLoad({ filter: /[\\/]engine[\\/]lexicon[\\/]framingPrepared\.ts$/ }, async () => ({
        contents: `const PREPARED = ${JSON.stringify((await prepared()).framingPhrases)};\nexport function preparedFramingPhrases() { return PREPARED; }\n`,
        loader: 'js',
      }));
      builder.onLoad({ filter: /[\\/]host[\\/]bundledPackPrepared\.ts$/ }, async () => ({
        contents: `const PREPARED = ${JSON.stringify((await prepared()).bundledPack)};\nexport function preparedBundledPack() { return PREPARED; }\n`,
        loader: 'js',
      }));
    },
  };
}

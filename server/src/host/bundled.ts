import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PhraseWordsCache } from '../engine/match/phrases';
import { compilePack, type CompiledPack } from '../engine/pack/compile';
import { PACK_LIMITS } from '../engine/pack/limits';
import { loadPack } from '../engine/pack/load';
import { preparedBundledPack, type PreparedBundledPack } from './bundledPackPrepared';
import { readGuardedText } from './guardedRead';

// Where the shipped data lives: server/packs (claim packs) and server/sources (the source
// texts the excerpts quote). Found by walking up from this module, so the same code works
// from the bundle in server/out and from the TypeScript sources in tests.
//
// The bundled pack is checked at build time (prepareBundledPack): a bundle that finds the very
// text that passed (same SHA-256) compiles it straight away, from phrases tokenised then; any
// other text (the pack edited since the build) goes through every check as it loads.

function findServerRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    // As a real path: source texts are read only from inside their real folder.
    if (existsSync(join(dir, 'packs', 'kremlin.claims.json'))) return realpathSync(dir);
    dir = dirname(dir);
  }
  throw new Error(`cannot find the bundled claim pack above ${__dirname}`);
}

let root: string | null = null;
export const serverRoot = (): string => (root ??= findServerRoot());
export const bundledPackPath = (): string => join(serverRoot(), 'packs', 'kremlin.claims.json');
export const sourcesDir = (): string => join(serverRoot(), 'sources');

let bundled: CompiledPack | null = null;
/** Packs compiled from the build-time preparation (whose other prepared data then holds too). */
const fromBuild = new WeakSet<CompiledPack>();

export const digestOf = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Whether the pack is the bundled pack as checked and prepared at build time. */
export const isPreparedBundledPack = (pack: CompiledPack): boolean => fromBuild.has(pack);

/** The bundled pack from its text, checked as any pack is. Throws with every problem if it is broken. */
function checkedPack(text: string): CompiledPack {
  const { pack, problems } = loadPack(text);
  if (!pack) throw new Error(`bundled claim pack is invalid:\n${problems.map((p) => `  ${p.line + 1}:${p.column + 1} ${p.message}`).join('\n')}`);
  return pack;
}

/** The bundled pack from a text that passed every check at build time, or null for any other text. */
function preparedPack(text: string, prepared: PreparedBundledPack | null = preparedBundledPack()): CompiledPack | null {
  if (!prepared || prepared.digest !== digestOf(text)) return null;
  const tokenised: PhraseWordsCache = new Map(prepared.phrases.map(([phrase, keys, surfaces]) => [phrase, { keys, surfaces }]));
  const pack = compilePack(JSON.parse(text), tokenised);
  fromBuild.add(pack);
  return pack;
}

/** The bundled Kremlin pack, compiled once. Throws with every problem if it is broken. */
export function bundledPack(): CompiledPack {
  if (!bundled) {
    const read = readGuardedText(bundledPackPath(), { maxBytes: PACK_LIMITS.packChars * 3 });
    if (!read.ok) throw new Error(`cannot read the bundled claim pack ${bundledPackPath()}: ${read.reason}`);
    bundled = preparedPack(read.text) ?? checkedPack(read.text);
  }
  return bundled;
}

/**
 * At build time: the checks `bundledPack` runs, on the pack text as it is now; when it passes,
 * its digest and its phrases tokenised, for the bundles to load it without checking it again.
 * Null when the pack does not load (the bundles then report its problems as they load it).
 */
export function prepareBundledPack(text: string): PreparedBundledPack | null {
  if (!loadPack(text).pack) return null;
  const tokenised: PhraseWordsCache = new Map();
  compilePack(JSON.parse(text), tokenised);
  return { digest: digestOf(text), phrases: [...tokenised].map(([phrase, { keys, surfaces }]) => [phrase, keys, surfaces]) };
}

/** For tests: the pack as a bundle built from `prepared` would load it from `text`. */
export const packFromPrepared = (text: string, prepared: PreparedBundledPack | null): CompiledPack | null => preparedPack(text, prepared);

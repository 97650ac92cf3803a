import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CompiledPack } from '../engine/pack/compile';
import { PACK_LIMITS } from '../engine/pack/limits';
import { loadPack } from '../engine/pack/load';
import { readGuardedText } from './guardedRead';

// Where the shipped data lives: server/packs (claim packs) and server/sources (the source
// texts the excerpts quote). Found by walking up from this module, so the same code works
// from the bundle in server/out and from the TypeScript sources in tests.

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

/** The bundled Kremlin pack, compiled once. Throws with every problem if it is broken. */
export function bundledPack(): CompiledPack {
  if (!bundled) {
    const read = readGuardedText(bundledPackPath(), { maxBytes: PACK_LIMITS.packChars * 3 });
    if (!read.ok) throw new Error(`cannot read the bundled claim pack ${bundledPackPath()}: ${read.reason}`);
    const { pack, problems } = loadPack(read.text);
    if (!pack) throw new Error(`bundled claim pack is invalid:\n${problems.map((p) => `  ${p.line + 1}:${p.column + 1} ${p.message}`).join('\n')}`);
    bundled = pack;
  }
  return bundled;
}

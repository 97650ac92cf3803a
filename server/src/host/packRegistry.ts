import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { CompiledPack } from '../engine/pack/compile';
import { loadPack, type PackLoadResult, type PackProblem } from '../engine/pack/load';
import { bundledPackPath, sourcesDir } from './bundled';

// tinyglobby's ES module build reaches fdir through createRequire(import.meta.url), which
// does not survive bundling to CommonJS; its CommonJS build does, hence require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tinyglobby: typeof import('tinyglobby') = require('tinyglobby');
const { escapePath, glob, isDynamicPattern } = tinyglobby;
export const { globSync } = tinyglobby;

// Which claim packs are in force, read from disk: the bundled pack (unless turned off), every
// *.claims.json under .claim-lens/ in each workspace folder, and the files the
// `claimLens.claimPacks` setting names. A pack's excerpts quote the files in the `sources/`
// folder beside it. Broken packs are reported and skipped; the valid ones are used.

export const PACK_FOLDER = '.claim-lens';
export const PACK_SUFFIX = '.claims.json';
export const SOURCES_FOLDER = 'sources';
/** Each pack adds its own matching work per sentence, so their number is bounded too. */
export const MAX_WORKSPACE_PACKS = 32;

export interface PackSettings {
  /** Use the bundled Kremlin pack. */
  bundledPack: boolean;
  /** Extra pack files: paths or globs, absolute or relative to each workspace folder. */
  claimPacks: string[];
  /** Load workspace packs even when the workspace is not trusted. */
  untrustedWorkspacePacks: boolean;
}

export const DEFAULT_PACK_SETTINGS: PackSettings = { bundledPack: true, claimPacks: [], untrustedWorkspacePacks: false };

/** The pack settings in the `claimLens` section; a malformed value falls back to its default. */
export function readPackSettings(raw: unknown): PackSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const claimPacks = value.claimPacks;
  return {
    bundledPack: typeof value.bundledPack === 'boolean' ? value.bundledPack : DEFAULT_PACK_SETTINGS.bundledPack,
    claimPacks: Array.isArray(claimPacks) ? claimPacks.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '') : [],
    untrustedWorkspacePacks: value.untrustedWorkspacePacks === true,
  };
}

export interface PackFileReport {
  /** Absolute path of the pack file. */
  file: string;
  problems: PackProblem[];
  /** The id of the pack when it loaded. */
  packId?: string;
}

export interface PackSet {
  packs: CompiledPack[];
  /** Every pack file looked at, loaded or not. */
  files: PackFileReport[];
  /** Why workspace packs were left out, when they were. */
  notice?: string;
}

export interface PackScope {
  /** Workspace folders (file system paths). */
  folders: string[];
  settings: PackSettings;
  trusted: boolean;
}

// Where each loaded pack's source texts are, for links from hovers and diagnostics.
const sourceFolders = new WeakMap<CompiledPack, string>();

/** The folder holding the source texts a pack's excerpts quote (the bundled one for the bundled pack). */
export function sourcesDirOf(pack: CompiledPack | undefined): string {
  return (pack && sourceFolders.get(pack)) ?? sourcesDir();
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export interface LoadedPackFile extends PackLoadResult {
  /** The source files read to check the excerpts, with what they held (undefined: not there). */
  sourceTexts: Map<string, string | undefined>;
}

/** Reads and validates one pack file, its excerpts checked against `sources/` beside it. */
export function loadPackFile(file: string, alreadyRead?: string): LoadedPackFile {
  const sourceTexts = new Map<string, string | undefined>();
  let text: string;
  try {
    if (alreadyRead !== undefined) text = alreadyRead;
    else if (statSync(file).isDirectory()) throw new Error('is a directory');
    else text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { problems: [wholeFileProblem(`cannot read the pack: ${reason}`)], sourceTexts };
  }
  // The bundled pack keeps its sources in server/sources, the layout of the shipped extension.
  const folder = resolve(file) === bundledPackPath() ? sourcesDir() : join(dirname(file), SOURCES_FOLDER);
  const readSource = (name: string) => {
    const path = join(folder, name);
    if (!sourceTexts.has(path)) sourceTexts.set(path, readTextOrUndefined(path));
    return sourceTexts.get(path);
  };
  const result = loadPack(text.replace(/^\uFEFF/, ''), { readSource });
  if (result.pack) sourceFolders.set(result.pack, folder);
  return { ...result, sourceTexts };
}

/** A glob path as the folder before its first wildcard and the pattern from there, so a search stays in that folder. */
function splitAtWildcard(path: string): { base: string; pattern: string } {
  const parts = path.split(/[\\/]/);
  const firstDynamic = parts.findIndex((part) => isDynamicPattern(part));
  const split = firstDynamic < 0 ? parts.length - 1 : firstDynamic;
  return { base: parts.slice(0, split).join('/') || '/', pattern: parts.slice(split).join('/') };
}

const expandHome = (entry: string) => (entry === '~' || entry.startsWith('~/') ? join(homedir(), entry.slice(1)) : entry);
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Pack files for a scope, sorted and without repeats (workspace packs only; no bundled pack). */
export async function findPackFiles(folders: string[], claimPacks: string[]): Promise<string[]> {
  const found = new Set<string>();
  const search = async (cwd: string, pattern: string) => {
    try {
      for (const file of await glob(pattern, { cwd, absolute: true, dot: true, onlyFiles: true, ignore: IGNORED, followSymbolicLinks: false })) found.add(resolve(file));
    } catch {
      // A folder that is gone or unreadable has no packs.
    }
  };
  for (const folder of folders) await search(folder, `${PACK_FOLDER}/**/*${PACK_SUFFIX}`);
  for (const raw of claimPacks) {
    const entry = expandHome(raw.trim());
    for (const path of isAbsolute(entry) ? [entry] : folders.map((folder) => join(folder, entry))) {
      if (!isDynamicPattern(entry)) {
        // A plain path: a pack file, or a folder whose packs are wanted.
        try {
          if (statSync(path).isDirectory()) await search(path, `**/*${PACK_SUFFIX}`);
          else found.add(resolve(path));
        } catch {
          // Named but not there: nothing to load.
        }
        continue;
      }
      const split = splitAtWildcard(path);
      await search(split.base, split.pattern);
    }
  }
  return [...found].sort();
}

interface CacheEntry {
  text: string;
  loaded: LoadedPackFile;
}

export class PackRegistry {
  // Packs by file, reused while neither the file nor the source texts it quotes changed.
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly bundled: () => CompiledPack) {}

  async load(scope: PackScope): Promise<PackSet> {
    const packs: CompiledPack[] = scope.settings.bundledPack ? [this.bundled()] : [];
    const owners = new Map<string, string>(packs.map((pack) => [pack.pack.id, 'the bundled pack']));
    const files: PackFileReport[] = [];
    if (!scope.trusted && !scope.settings.untrustedWorkspacePacks) {
      return { packs, files, notice: 'workspace claim packs are not loaded: the workspace is not trusted (trust it, or turn on claimLens.untrustedWorkspacePacks)' };
    }
    const paths = await findPackFiles(scope.folders, scope.settings.claimPacks);
    const next = new Map<string, CacheEntry>();
    let loadedCount = 0;
    for (const file of paths) {
      if (loadedCount >= MAX_WORKSPACE_PACKS) {
        files.push({ file, problems: [wholeFileProblem(`not loaded: more than ${MAX_WORKSPACE_PACKS} claim packs are in use`)] });
        continue;
      }
      const text = readTextOrUndefined(file);
      const entry = (text !== undefined && this.cached(file, text)) || { text: text ?? '', loaded: loadPackFile(file, text) };
      next.set(file, entry);
      const { pack, locate } = entry.loaded;
      const problems = [...entry.loaded.problems];
      if (pack) {
        const owner = owners.get(pack.pack.id);
        if (owner) {
          const message = `pack id "${pack.pack.id}" is already used by ${owner}; this pack is not loaded`;
          problems.push(locate ? locate(['id'], message) : wholeFileProblem(message));
        } else {
          owners.set(pack.pack.id, file);
          packs.push(pack);
          loadedCount++;
          files.push({ file, problems, packId: pack.pack.id });
          continue;
        }
      }
      files.push({ file, problems });
    }
    this.cache.clear();
    for (const [file, entry] of next) this.cache.set(file, entry);
    return { packs, files };
  }

  private cached(file: string, text: string): CacheEntry | undefined {
    const entry = this.cache.get(file);
    if (!entry || text !== entry.text) return undefined;
    for (const [path, text] of entry.loaded.sourceTexts) if (readTextOrUndefined(path) !== text) return undefined;
    return entry;
  }
}

function wholeFileProblem(message: string): PackProblem {
  return { message, severity: 'error', path: [], line: 0, column: 0, endLine: 0, endColumn: 0, offset: 0, length: 0 };
}

/** Where a relative claimPacks entry or a pack folder lives, for watching. */
export function watchedLocations(folders: string[], settings: PackSettings, loaded: PackFileReport[]): Array<{ base: string; pattern: string }> {
  const locations: Array<{ base: string; pattern: string }> = folders.map((folder) => ({ base: folder, pattern: `${PACK_FOLDER}/**` }));
  for (const raw of settings.claimPacks) {
    const entry = expandHome(raw.trim());
    if (isAbsolute(entry)) {
      locations.push(splitAtWildcard(entry));
    } else {
      for (const folder of folders) locations.push({ base: folder, pattern: entry });
    }
  }
  // Source folders of packs outside .claim-lens/ (those inside are already watched).
  for (const report of loaded) {
    if (!report.file.split(/[\\/]/).includes(PACK_FOLDER)) locations.push({ base: dirname(report.file), pattern: `${escapePath(SOURCES_FOLDER)}/**` });
  }
  const seen = new Set<string>();
  return locations.filter((location) => {
    const key = `${location.base}|${location.pattern}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

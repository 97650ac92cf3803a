import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { CompiledPack } from '../engine/pack/compile';
import type { SourceRead } from '../engine/pack/excerpts';
import type { ClaimPack } from '../engine/pack/types';
import { PACK_LIMITS } from '../engine/pack/limits';
import { loadPack, type PackLoadResult, type PackProblem } from '../engine/pack/load';
import { bundledPackPath, sourcesDir } from './bundled';
import { readGuardedText, realFolder } from './guardedRead';

// tinyglobby's ES module build reaches fdir through createRequire(import.meta.url), which
// does not survive bundling to CommonJS; its CommonJS build does, hence require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tinyglobby: typeof import('tinyglobby') = require('tinyglobby');
const { escapePath, glob, globSync, isDynamicPattern } = tinyglobby;

// Which claim packs are in force, read from disk: the bundled pack (unless turned off), every
// *.claims.json under .claim-lens/ in each workspace folder, and the files the
// `claimLens.claimPacks` setting names. A pack's excerpts quote the files in the `sources/`
// folder beside it. Broken packs are reported and skipped; the valid ones are used.
//
// A workspace is untrusted input: every file is read through `guardedRead.ts` (regular
// files only, capped in size), a pack file must really be inside the folder it was found
// from and a source text inside its pack's `sources/` folder, so a symbolic link cannot
// lead a pack to a file elsewhere on the machine. Discovery does not follow symbolic links.

export const PACK_FOLDER = '.claim-lens';
export const PACK_SUFFIX = '.claims.json';
export const SOURCES_FOLDER = 'sources';
/** Each pack adds its own matching work per sentence, so their number is bounded too. */
export const MAX_WORKSPACE_PACKS = 32;
/** Bytes of a pack file read at most (UTF-8 takes up to three bytes for a character the pack limit counts). */
export const MAX_PACK_BYTES = PACK_LIMITS.packChars * 3;

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

export interface LoadedPackFile extends PackLoadResult {
  /** The source files read to check the excerpts, with what they held (a string) or why not. */
  sourceTexts: Map<string, SourceRead>;
}

export interface PackFileOptions {
  /** Folders (real paths) the pack file must really be inside; anywhere when absent. */
  within?: readonly string[];
  /** The pack's text, when the caller has read it already. */
  text?: string;
}

/** The folder of a pack's source texts: `sources/` beside the pack (server/sources for the bundled pack). */
export function sourcesFolderFor(file: string): string {
  return resolve(file) === bundledPackPath() ? sourcesDir() : join(realFolder(dirname(resolve(file))), SOURCES_FOLDER);
}

/** A source text of a pack, read only from inside its sources folder. */
export function readSourceFile(folder: string, name: string): SourceRead {
  const read = readGuardedText(join(folder, name), { maxBytes: PACK_LIMITS.sourceBytes, within: [folder] });
  if (read.ok) return read.text;
  return read.missing ? undefined : { refused: read.reason };
}

/** The text of a pack file, or the problem that kept it from being read. */
export function readPackText(file: string, within?: readonly string[]): { text: string } | { problem: PackProblem } {
  const read = readGuardedText(file, { maxBytes: MAX_PACK_BYTES, within: within ?? [realFolder(dirname(resolve(file)))] });
  return read.ok ? { text: read.text } : { problem: wholeFileProblem(`cannot read the pack: ${read.reason}`) };
}

/**
 * Reads and validates one pack file, its excerpts checked against `sources/` beside it.
 * Never throws: whatever goes wrong is a problem on this pack alone.
 */
export function loadPackFile(file: string, options: PackFileOptions = {}): LoadedPackFile {
  const sourceTexts = new Map<string, SourceRead>();
  try {
    let text = options.text;
    if (text === undefined) {
      const read = readPackText(file, options.within);
      if ('problem' in read) return { problems: [read.problem], sourceTexts };
      text = read.text;
    }
    const folder = sourcesFolderFor(file);
    const readSource = (name: string) => {
      const path = join(folder, name);
      if (!sourceTexts.has(path)) sourceTexts.set(path, readSourceFile(folder, name));
      return sourceTexts.get(path);
    };
    const result = loadPack(text, { readSource });
    if (result.pack) sourceFolders.set(result.pack, folder);
    return { ...result, sourceTexts };
  } catch (error) {
    return { problems: [wholeFileProblem(`the pack could not be loaded: ${error instanceof Error ? error.message : String(error)}`)], sourceTexts };
  }
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
/** How packs are searched for, by the server and the command line alike: symbolic links are not followed. */
const PACK_GLOB = { absolute: true, dot: true, onlyFiles: true, ignore: IGNORED, followSymbolicLinks: false } as const;

/** A pack file found, and the folders (real paths) it must really be inside: those it was found from. */
export interface PackCandidate {
  file: string;
  within: string[];
}

/** The `.claim-lens/` folder of a workspace folder, as a real path. */
const packFolderOf = (folder: string) => join(realFolder(folder), PACK_FOLDER);

/** The pack files under `<folder>/.claim-lens/`, sorted; what the command line checks with. */
export function localPackFiles(folder: string): PackCandidate[] {
  const within = [packFolderOf(folder)];
  try {
    return globSync(`${PACK_FOLDER}/**/*${PACK_SUFFIX}`, { ...PACK_GLOB, cwd: folder })
      .map((file) => resolve(file))
      .sort()
      .map((file) => ({ file, within }));
  } catch {
    return [];
  }
}

/** Pack files for a scope, sorted and without repeats (workspace packs only; no bundled pack). */
export async function findPackFiles(folders: string[], claimPacks: string[]): Promise<PackCandidate[]> {
  const found = new Map<string, Set<string>>();
  const add = (file: string, root: string) => {
    const roots = found.get(file) ?? new Set<string>();
    roots.add(root);
    found.set(file, roots);
  };
  const search = async (cwd: string, pattern: string, root: string) => {
    try {
      for (const file of await glob(pattern, { ...PACK_GLOB, cwd })) add(resolve(file), root);
    } catch {
      // A folder that is gone or unreadable has no packs.
    }
  };
  for (const folder of folders) await search(folder, `${PACK_FOLDER}/**/*${PACK_SUFFIX}`, packFolderOf(folder));
  for (const raw of claimPacks) {
    const entry = expandHome(raw.trim());
    for (const path of isAbsolute(entry) ? [entry] : folders.map((folder) => join(folder, entry))) {
      if (!isDynamicPattern(entry)) {
        // A plain path: a pack file, or a folder whose packs are wanted.
        // The folder the entry names is the one its packs must really be in (a link there
        // may not lead elsewhere); a path that leaves the workspace by "../" is the user's own.
        try {
          if (statSync(path).isDirectory()) await search(path, `**/*${PACK_SUFFIX}`, realFolder(path));
          else add(resolve(path), realFolder(dirname(resolve(path))));
        } catch {
          // Named but not there: nothing to load.
        }
        continue;
      }
      const split = splitAtWildcard(path);
      await search(split.base, split.pattern, realFolder(split.base));
    }
  }
  return [...found.keys()].sort().map((file) => ({ file, within: [...found.get(file)!] }));
}

interface CacheEntry {
  text: string;
  loaded: LoadedPackFile;
}

const sameRead = (a: SourceRead, b: SourceRead) => (typeof a === 'object' && typeof b === 'object' ? a.refused === b.refused : a === b);

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
    const candidates = await findPackFiles(scope.folders, scope.settings.claimPacks);
    const next = new Map<string, CacheEntry>();
    let loadedCount = 0;
    for (const { file, within } of candidates) {
      if (loadedCount >= MAX_WORKSPACE_PACKS) {
        files.push({ file, problems: [wholeFileProblem(`not loaded: more than ${MAX_WORKSPACE_PACKS} claim packs are in use`)] });
        continue;
      }
      const read = readPackText(file, within);
      if ('problem' in read) {
        files.push({ file, problems: [read.problem] });
        continue;
      }
      const entry = this.cached(file, read.text) ?? { text: read.text, loaded: loadPackFile(file, { text: read.text }) };
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

  /** The file a loaded workspace pack came from, and how to place a problem in it. */
  locatorOf(data: ClaimPack): { file: string; locate: NonNullable<PackLoadResult['locate']> } | undefined {
    for (const [file, { loaded }] of this.cache) if (loaded.pack?.pack === data && loaded.locate) return { file, locate: loaded.locate };
    return undefined;
  }

  private cached(file: string, text: string): CacheEntry | undefined {
    const entry = this.cache.get(file);
    if (!entry || text !== entry.text) return undefined;
    for (const [path, read] of entry.loaded.sourceTexts) if (!sameRead(readSourceFile(dirname(path), basename(path)), read)) return undefined;
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

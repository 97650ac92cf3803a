import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

// Every file Claim Lens reads goes through here: claim packs, their source texts, drafts
// and JSON given to the command line. A repository can hold anything a stranger commits
// (a named pipe, a symbolic link to /dev/zero or to a file elsewhere on the machine), so a
// read is refused, with a reason, unless the path is a regular file (a pipe only where the
// caller allows it), no larger than a cap checked before reading, and, when the caller
// names folders, really inside one of them once every symbolic link is resolved. Nothing
// here blocks: the file is opened non-blocking and looked at with fstat before a byte is
// read.

export interface GuardedReadOptions {
  /** Bytes read at most: a larger file is refused before it is read. */
  maxBytes: number;
  /** Folders (real paths) the file must really be inside; any folder when absent. */
  within?: readonly string[];
  /** Also read pipes (the command line's `/dev/stdin`, `<(…)`), up to `maxBytes`. */
  allowPipes?: boolean;
}

export type GuardedRead =
  | { ok: true; bytes: Buffer; realPath: string }
  | {
      ok: false;
      /** Why, in a few words: "no such file", "is a named pipe (FIFO), not a file"… */
      reason: string;
      /** The file is simply not there (callers often treat that as a warning only). */
      missing: boolean;
    };

const CHUNK = 64 * 1024;
// Not defined on Windows, where opening never waits for a writer.
const NON_BLOCKING = constants.O_NONBLOCK ?? 0;
const NO_TERMINAL = constants.O_NOCTTY ?? 0;

const refused = (reason: string, missing = false): GuardedRead => ({ ok: false, reason, missing });

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'is a directory';
  if (stat.isFIFO()) return 'is a named pipe (FIFO), not a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is a device, not a file';
  if (stat.isSocket()) return 'is a socket, not a file';
  return 'is not a regular file';
}

/** Whether `path` is `folder` itself or below it (both real, absolute paths). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

export const formatBytes = (bytes: number) => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toLocaleString('en')} MB` : `${bytes.toLocaleString('en')} bytes`);

function errorReason(error: unknown): GuardedRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return refused('no such file', true);
  if (code === 'ELOOP') return refused('is a loop of symbolic links');
  if (code === 'EISDIR') return refused('is a directory');
  return refused(`cannot read (${code ?? String(error)})`);
}

/** Reads a file as bytes under the rules above; never throws, never blocks on a special file. */
export function readGuarded(path: string, options: GuardedReadOptions): GuardedRead {
  let fd: number | undefined;
  try {
    // A first look, following links, refuses devices and pipes without even opening them.
    const before = statSync(path);
    const pipe = before.isFIFO() && options.allowPipes;
    if (!before.isFile() && !pipe) return refused(kindOf(before));
    if (before.isFile() && before.size > options.maxBytes) return refused(`is larger than ${formatBytes(options.maxBytes)}`);

    // A pipe the user named is read as they asked (it may wait for its writer); anything
    // else is opened non-blocking, so a file swapped for a pipe meanwhile cannot hang us.
    fd = openSync(path, constants.O_RDONLY | NO_TERMINAL | (pipe ? 0 : NON_BLOCKING));
    const stat = fstatSync(fd);
    if (stat.dev !== before.dev || stat.ino !== before.ino) return refused('changed while it was being opened');
    let realPath = path;
    if (options.within) {
      realPath = realpathSync(path);
      const resolved = statSync(realPath);
      if (resolved.dev !== stat.dev || resolved.ino !== stat.ino) return refused('changed while it was being opened');
      if (!options.within.some((folder) => isInside(realPath, folder))) return refused('leads outside its folder through a symbolic link, so it is not read');
    }

    const chunks: Buffer[] = [];
    let total = 0;
    // A regular file in one read of its size (and one more byte, in case it grew); pipes in chunks.
    let size = stat.isFile() ? Math.min(stat.size + 1, options.maxBytes + 1) : CHUNK;
    for (;;) {
      const chunk = Buffer.allocUnsafe(size);
      size = CHUNK;
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > options.maxBytes) return refused(`is larger than ${formatBytes(options.maxBytes)}`);
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total), realPath };
  } catch (error) {
    return errorReason(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** As `readGuarded`, decoded as UTF-8 with a leading byte-order mark dropped. */
export function readGuardedText(path: string, options: GuardedReadOptions): { ok: true; text: string; realPath: string } | Extract<GuardedRead, { ok: false }> {
  const read = readGuarded(path, options);
  if (!read.ok) return read;
  return { ok: true, text: read.bytes.toString('utf8').replace(/^\uFEFF/, ''), realPath: read.realPath };
}

/** The real path of a folder, or the path itself when it cannot be resolved (it is not there). */
export function realFolder(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

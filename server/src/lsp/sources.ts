import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompiledPack } from '../engine/pack/compile';
import { sourcesDirOf } from '../host/packRegistry';

// Links to the shipped source texts: file URIs with a line fragment (VS Code opens
// `file:///…#L9` at line 9).

// Built once per folder and file: diagnostics ask for them on every publish.
const uris = new Map<string, Map<string, string>>();

/** `pack`: whose sources folder holds the file (workspace packs keep theirs beside them); the bundled pack's by default. */
export function sourceFileUri(file: string, pack?: CompiledPack): string {
  const dir = sourcesDirOf(pack);
  let inDir = uris.get(dir);
  if (!inDir) uris.set(dir, (inDir = new Map()));
  let uri = inDir.get(file);
  if (uri === undefined) {
    uri = pathToFileURL(join(dir, file)).href;
    inDir.set(file, uri);
  }
  return uri;
}

export function sourceLineLink(file: string, line: number, pack?: CompiledPack): string {
  return `${sourceFileUri(file, pack)}#L${line}`;
}

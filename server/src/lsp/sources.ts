import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompiledPack } from '../engine/pack/compile';
import { sourcesDirOf } from '../host/packRegistry';

// Links to the shipped source texts: file URIs with a line fragment (VS Code opens
// `file:///…#L9` at line 9).

/** `pack`: whose sources folder holds the file (workspace packs keep theirs beside them); the bundled pack's by default. */
const uris = new Map<string, string>();

export function sourceFileUri(file: string, pack?: CompiledPack): string {
  const path = join(sourcesDirOf(pack), file);
  let uri = uris.get(path);
  if (uri === undefined) {
    uri = pathToFileURL(path).href; // built once per file: diagnostics ask on every publish
    uris.set(path, uri);
  }
  return uri;
}

export function sourceLineLink(file: string, line: number, pack?: CompiledPack): string {
  return `${sourceFileUri(file, pack)}#L${line}`;
}

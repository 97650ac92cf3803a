import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompiledPack } from '../engine/pack/compile';
import { sourcesDirOf } from '../host/packRegistry';

// Links to the shipped source texts: file URIs with a line fragment (VS Code opens
// `file:///…#L9` at line 9).

/** `pack`: whose sources folder holds the file (workspace packs keep theirs beside them); the bundled pack's by default. */
export function sourceFileUri(file: string, pack?: CompiledPack): string {
  return pathToFileURL(join(sourcesDirOf(pack), file)).href;
}

export function sourceLineLink(file: string, line: number, pack?: CompiledPack): string {
  return `${sourceFileUri(file, pack)}#L${line}`;
}

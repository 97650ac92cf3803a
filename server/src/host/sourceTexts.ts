import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledPack } from '../engine/pack/compile';
import type { SourceText } from '../engine/workflow/sourceQuotes';
import { SourceLibrary } from '../engine/workflow/library';
import { sourcesDir } from './bundled';
import { sourcesDirOf } from './packRegistry';

// Reads a pack's source texts from the shipped sources folder. A source without a file, or
// whose file cannot be read, is left out: the quote check and entity hovers then work with
// the sources that are there.

export function readSourceTexts(pack: CompiledPack, dir: string = sourcesDir()): SourceText[] {
  const texts: SourceText[] = [];
  for (const source of pack.pack.sources) {
    if (!source.file) continue;
    try {
      texts.push({ id: source.id, file: source.file, title: source.title, text: readFileSync(join(dir, source.file), 'utf8').replace(/\r\n?/g, '\n') });
    } catch {
      // Missing or unreadable: skipped, see above.
    }
  }
  return texts;
}

let shared: SourceLibrary | null = null;

/** One library for the process: the shipped sources of every pack. */
export const sourceLibrary = (): SourceLibrary => (shared ??= new SourceLibrary((pack) => readSourceTexts(pack, sourcesDirOf(pack))));

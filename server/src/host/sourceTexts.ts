import type { CompiledPack } from '../engine/pack/compile';
import type { SourceText } from '../engine/workflow/sourceQuotes';
import { SourceLibrary } from '../engine/workflow/library';
import { sourcesDir } from './bundled';
import { readSourceFile, sourcesDirOf } from './packRegistry';

// Reads a pack's source texts from its sources folder (with the same guards as the pack
// check: only files really inside that folder). A source without a file, or whose file
// cannot be read, is left out: the quote check and entity hovers then work with the
// sources that are there.

export function readSourceTexts(pack: CompiledPack, dir: string = sourcesDir()): SourceText[] {
  const texts: SourceText[] = [];
  for (const source of pack.pack.sources) {
    if (!source.file) continue;
    const text = readSourceFile(dir, source.file);
    if (typeof text === 'string') texts.push({ id: source.id, file: source.file, title: source.title, text: text.replace(/\r\n?/g, '\n') });
  }
  return texts;
}

let shared: SourceLibrary | null = null;

/** One library for the process: the shipped sources of every pack. */
export const sourceLibrary = (): SourceLibrary => (shared ??= new SourceLibrary((pack) => readSourceTexts(pack, sourcesDirOf(pack))));

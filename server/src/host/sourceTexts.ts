import type { CompiledPack } from '../engine/pack/compile';
import { sourceQuotations, type SourceQuotation, type SourceText } from '../engine/workflow/sourceQuotes';
import { SourceLibrary } from '../engine/workflow/library';
import { digestOf, isPreparedBundledPack, sourcesDir } from './bundled';
import { preparedBundledPack } from './bundledPackPrepared';
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

const textsDigest = (texts: readonly SourceText[]) => digestOf(JSON.stringify(texts));

/** At build time: the quotations of the bundled pack's source texts, and the digest of the texts. */
export function prepareBundledQuotations(pack: CompiledPack, dir: string): { digest: string; list: SourceQuotation[] } {
  const texts = readSourceTexts(pack, dir);
  return { digest: textsDigest(texts), list: sourceQuotations(texts, pack) };
}

/** The build-time quotations, for the bundled pack as prepared then and the very texts read then. */
export function preparedQuotations(pack: CompiledPack, texts: readonly SourceText[], prepared = preparedBundledPack()?.quotations): SourceQuotation[] | undefined {
  if (!prepared || !isPreparedBundledPack(pack) || textsDigest(texts) !== prepared.digest) return undefined;
  return prepared.list;
}

let shared: SourceLibrary | null = null;

/** One library for the process: the shipped sources of every pack. */
export const sourceLibrary = (): SourceLibrary => (shared ??= new SourceLibrary((pack) => readSourceTexts(pack, sourcesDirOf(pack)), preparedQuotations));

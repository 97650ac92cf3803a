import type { PackSource } from '../pack/types';

// How a source text is named to a reporter: by its outlet and kind ("Rewritten BBC report"),
// not by its file name; excerpts cut to a line.

/** "Rewritten BBC report: drone attack on …" → "Rewritten BBC report"; the file or id when there is no title. */
export function sourceLabel(source: Pick<PackSource, 'title' | 'id'> | undefined, fallback = 'source'): string {
  if (!source) return fallback;
  const name = source.title.split(/:\s/u)[0].replace(/\s*\([^)]*\)/gu, '').trim();
  return name || source.id;
}

/** At most `max` characters, cut at a word, whitespace flattened. */
export function shortExcerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/u, '')}…`;
}

/** The label of the source text stored in `file` ("Rewritten BBC report"), or the file name when the pack does not list it. */
export function labelOfFile(sources: readonly PackSource[], file: string): string {
  const source = sources.find((s) => s.file === file);
  return source ? sourceLabel(source) : file;
}

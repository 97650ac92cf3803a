import type { ClaimPack } from './types';

// Hover cards quote sources verbatim, so a pack's excerpts are checked against the source
// texts it ships: each excerpt must be on the line it cites. The host reads the files (the
// engine touches no file system) and says which are missing.

/** What the host found for a source file: its text, undefined when it is not there, or why it was not read. */
export type SourceRead = string | undefined | { refused: string };

export interface ExcerptProblem {
  message: string;
  path: Array<string | number>;
  severity: 'error' | 'warning';
}

/** `readSource(file)`: the text of a file in the pack's sources folder, undefined if there is none, or why it was refused. */
export function checkExcerpts(pack: ClaimPack, readSource: (file: string) => SourceRead): ExcerptProblem[] {
  const problems: ExcerptProblem[] = [];
  const linesOf = new Map<string, string[] | undefined>();
  pack.sources.forEach((source, s) => {
    if (!source.file) return;
    const read = readSource(source.file);
    if (typeof read === 'object') {
      // Refused (a link out of the folder, a pipe, too large): never read, so never quoted.
      problems.push({ message: `source file "${source.file}" ${read.refused}`, path: ['sources', s, 'file'], severity: 'error' });
      return;
    }
    linesOf.set(source.id, read?.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/));
    if (read === undefined) {
      problems.push({ message: `source file "${source.file}" is not in the pack's sources folder, so excerpts from it are not checked`, path: ['sources', s, 'file'], severity: 'warning' });
    }
  });
  pack.claims.forEach((claim, c) => {
    claim.excerpts.forEach((excerpt, i) => {
      const lines = linesOf.get(excerpt.source);
      if (!lines || lines[excerpt.line - 1]?.includes(excerpt.text)) return;
      const file = pack.sources.find((source) => source.id === excerpt.source)?.file;
      const actual = lines.findIndex((line) => line.includes(excerpt.text));
      problems.push(
        actual >= 0
          ? { message: `excerpt is on line ${actual + 1} of ${file}, not line ${excerpt.line}`, path: ['claims', c, 'excerpts', i, 'line'], severity: 'error' }
          : { message: `excerpt is not in ${file}: the quote must be verbatim on one line of the source`, path: ['claims', c, 'excerpts', i, 'text'], severity: 'error' },
      );
    });
  });
  return problems;
}

import { statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { InputError } from './usage';

// tinyglobby's ES module build reaches fdir through createRequire(import.meta.url), which
// does not survive bundling to CommonJS; its CommonJS build does, hence require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tinyglobby: typeof import('tinyglobby') = require('tinyglobby');

// What `claim-lens check` reads: files as named, `-` for standard input, every draft under a
// folder (recursively, without following symbolic links), and globs expanded here, so that
// `claim-lens check 'drafts/**/*.md'` works in any shell, and on Windows.

/** The name standard input goes by. */
export const STDIN = '-';

/** Files a folder is searched for: Markdown, plain text and news drafts. */
export const DRAFT_EXTENSIONS = ['md', 'markdown', 'mdx', 'txt', 'draft', 'story'];
const DRAFTS_IN_FOLDER = `**/*.{${DRAFT_EXTENSIONS.join(',')}}`;
const NEVER_SEARCHED = ['**/node_modules/**', '**/.git/**'];

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The files named by the arguments, in the order given (a folder's and a glob's sorted), each
 * once. A folder without drafts or a glob that matches nothing is an InputError: a check that
 * read nothing must not pass for a clean one.
 */
export function expandInputs(inputs: readonly string[], cwd = process.cwd()): string[] {
  const files: string[] = [];
  const add = (file: string) => {
    if (!files.includes(file)) files.push(file);
  };
  for (const input of inputs) {
    if (input === STDIN) add(input);
    else if (isFolder(input)) {
      const found = tinyglobby.globSync(DRAFTS_IN_FOLDER, { cwd: input, ignore: NEVER_SEARCHED, followSymbolicLinks: false, onlyFiles: true });
      if (!found.length) throw new InputError(`${input}: is a directory with no drafts in it (${DRAFT_EXTENSIONS.map((ext) => `.${ext}`).join(', ')})`);
      for (const file of found.sort()) add(join(input, file));
    } else if (tinyglobby.isDynamicPattern(input)) {
      const found = tinyglobby.globSync(input, { cwd, ignore: NEVER_SEARCHED, followSymbolicLinks: false, onlyFiles: true, absolute: true });
      if (!found.length) throw new InputError(`${input}: no files match`);
      for (const file of found.sort()) add(isAbsolute(input) ? file : relative(cwd, file));
    } else add(input);
  }
  return files;
}

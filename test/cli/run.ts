import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';

// The built command line, run as a user runs it: not a terminal, no colour asked for,
// whatever the environment the tests run in.

const ENV = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined };

export function cliWith(options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string }, ...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'claim-lens.js'), ...args], { encoding: 'utf8', cwd: options.cwd ?? ROOT, input: options.input, env: { ...ENV, ...options.env } });
}

export const cli = (...args: string[]) => cliWith({}, ...args);

/** A fresh temporary folder, and a writer of drafts into it that returns each one's path. */
export function draftFolder(prefix: string): { dir: string; draft: (name: string, text: string | Buffer) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const draft = (name: string, text: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  return { dir, draft };
}

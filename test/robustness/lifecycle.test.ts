import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { test } from 'node:test';
import { startServer } from '../server/client';

// The server goes away when it is told to, and when nobody is left to talk to: an orphaned
// language server keeps its memory and its CPU until the machine restarts.

function exited(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server (pid ${child.pid}) was still running after ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

test('shutdown then exit: the server exits with status 0', async () => {
  const server = await startServer();
  assert.equal(await server.connection.sendRequest('shutdown'), null);
  server.connection.sendNotification('exit');
  assert.equal(await exited(server.child, 5_000), 0);
  server.connection.dispose();
});

test('exit without shutdown: the server exits with status 1, as the protocol asks', async () => {
  const server = await startServer();
  server.connection.sendNotification('exit');
  assert.equal(await exited(server.child, 5_000), 1);
  server.connection.dispose();
});

test('the server exits when the editor closes its input', async () => {
  const server = await startServer();
  await server.open('file:///lifecycle/input.md', 'Nothing here.');
  server.connection.dispose();
  server.child.stdin!.end();
  assert.notEqual(await exited(server.child, 5_000), null);
});

test('the server exits when the process named in initialize.processId dies', async () => {
  // A stand-in for the editor: alive while the server starts, then gone. Its pipes stay
  // with this test, so only the processId watch can tell the server.
  const editor = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  try {
    const server = await startServer({}, { processId: editor.pid! });
    const open = await server.open('file:///lifecycle/a.md', 'Two drones attacked the Kremlin overnight.');
    assert.equal(open.length, 1, 'the server works while its editor lives');
    editor.kill('SIGKILL');
    // The watch looks every 3 s.
    assert.equal(await exited(server.child, 10_000), 1);
    server.connection.dispose();
  } finally {
    editor.kill('SIGKILL');
  }
});

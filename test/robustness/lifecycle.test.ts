import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { createProtocolConnection, ErrorCodes, InitializeRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers';
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

test('before initialize, requests are refused as ServerNotInitialized and notifications dropped; shutdown then exit: status 0', async () => {
  const child = spawn(process.execPath, [join(ROOT, 'server', 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: string[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
    published.push(params.uri);
  });
  connection.listen();
  const uri = 'file:///lifecycle/early.md';
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Two drones attacked the Kremlin overnight.\n' } });
  await assert.rejects(connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }), (error: { code?: number }) => error.code === ErrorCodes.ServerNotInitialized);
  await assert.rejects(connection.sendRequest('shutdown'), (error: { code?: number }) => error.code === ErrorCodes.ServerNotInitialized);
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  connection.sendNotification('initialized', {});
  // The document opened too early was never taken in.
  assert.equal(await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }), null);
  assert.deepEqual(published, []);
  assert.equal(await connection.sendRequest('shutdown'), null);
  connection.sendNotification('exit');
  assert.equal(await exited(child, 5_000), 0);
  connection.dispose();
});

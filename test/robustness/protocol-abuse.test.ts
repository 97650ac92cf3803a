import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  CancellationTokenSource,
  ErrorCodes,
  LSPErrorCodes,
  type CodeAction,
  type Hover,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers';
import { startServer, type TestServer } from '../server/client';
import { MirrorDocument } from './lsp-mirror';

// Requests and notifications no editor should send, or sends at awkward moments: each is
// answered or ignored, errors are logged to the client, and the server keeps working.

const SAMPLE = readFileSync(join(ROOT, 'samples', 'kremlin-draft.md'), 'utf8');
const CLAIM = 'Two drones attacked the Kremlin overnight.';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

const hover = (uri: string, line: number, character: number) =>
  server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }) as Promise<Hover | null>;
const codeActions = (uri: string, range: unknown, context: unknown = { diagnostics: [] }) =>
  server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context }) as Promise<CodeAction[] | null>;

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The server is alive and still analyses: a new draft gets its warning. */
async function assertStillWorking(tag: string): Promise<void> {
  const diagnostics = await server.open(`file:///abuse/alive-${tag}.md`, CLAIM);
  assert.deepEqual(diagnostics.map((d) => d.code), ['kremlin-drone-attack']);
  assert.equal(server.child.exitCode, null);
}

test('requests and notifications for documents that were never opened are answered with nothing', async () => {
  server.clearLogs();
  const unknown = 'file:///abuse/never-opened.md';
  assert.equal(await hover(unknown, 0, 0), null);
  assert.deepEqual(await codeActions(unknown, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }), []);
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: unknown, version: 2 }, contentChanges: [{ text: CLAIM }] });
  server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: unknown } });
  await assertStillWorking('unknown');
  assert.equal(server.published().filter((p) => p.uri === unknown).length, 0, 'nothing is published for a document never opened');
  assert.deepEqual(server.errorsLogged(), []);
});

test('positions past the end, negative positions and reversed ranges are clamped, not trusted', async () => {
  server.clearLogs();
  const uri = 'file:///abuse/positions.md';
  const text = `Intro 🙂.\r\n\r\n${CLAIM}`;
  await server.open(uri, text);
  const lines = text.split(/\r\n/);
  for (const [line, character] of [[99, 99], [2, 10_000], [-1, -5], [0, -1], [2 ** 31 - 1, 2 ** 31 - 1]]) {
    const result = await hover(uri, line, character);
    if (result?.range) {
      const { end } = result.range;
      assert.ok(end.line < lines.length && end.character <= lines[end.line].length, `hover range ${JSON.stringify(result.range)} lies outside the document`);
    }
  }
  const reversed = { start: { line: 2, character: 30 }, end: { line: 0, character: 0 } };
  const pastEnd = { start: { line: 50, character: 0 }, end: { line: 60, character: 5 } };
  for (const range of [reversed, pastEnd]) {
    const actions = await codeActions(uri, range);
    assert.ok(Array.isArray(actions));
    for (const action of actions) {
      for (const edit of action.edit?.changes?.[uri] ?? []) assert.ok(edit.range.end.line < lines.length, 'a fix edits inside the document');
    }
  }
  assert.deepEqual(server.errorsLogged(), []);
});

test('out-of-order and malformed versions: the server follows the changes it is sent', async () => {
  server.clearLogs();
  const uri = 'file:///abuse/versions.md';
  const doc = new MirrorDocument(`First line.\n\n${CLAIM}`);
  await server.open(uri, doc.text);
  const change = (version: number | null, edit: () => unknown) =>
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edit()] });
  change(5, () => doc.replace(0, 0, 'Five. '));
  change(3, () => doc.replace(doc.text.length, doc.text.length, ` ${CLAIM}`));
  await server.diagnostics(uri, 3);
  // A change without a version is refused as a whole: the text stays as it was.
  const before = doc.text;
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: null }, contentChanges: [{ text: 'lost' }] });
  change(4, () => doc.replace(0, 0, 'Four. '));
  const diagnostics = await server.diagnostics(uri, 4);
  assert.equal(doc.text, `Four. ${before}`);
  assert.deepEqual(diagnostics, await server.open('file:///abuse/versions-fresh.md', doc.text));
  assert.ok(server.errorsLogged().some((message) => /didChange/.test(message) && /version/.test(message)), 'the refused change is logged');
});

test('a request cancelled in flight settles, and the server answers the next one', async () => {
  server.clearLogs();
  const uri = 'file:///abuse/busy.md';
  // A draft that keeps the server busy for a while, so that the requests queue up behind it.
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: `${SAMPLE}\n\n`.repeat(15) } });
  const pending = Array.from({ length: 20 }, (_, k) => {
    const source = new CancellationTokenSource();
    const request = server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: k, character: 2 } }, source.token);
    source.cancel();
    return request.then(
      () => 'answered',
      (error: { code?: number }) => (error.code === LSPErrorCodes.RequestCancelled ? 'cancelled' : `failed with ${error.code}`),
    );
  });
  const outcomes = await Promise.all(pending);
  assert.ok(outcomes.every((outcome) => outcome === 'answered' || outcome === 'cancelled'), outcomes.join(', '));
  // A cancellation for a request that does not exist (or finished long ago) is ignored.
  server.connection.sendNotification('$/cancelRequest', { id: 987_654 });
  await server.diagnostics(uri, 1, 60_000);
  assert.ok((await hover(uri, 0, 0)) !== undefined);
  assert.deepEqual(server.errorsLogged(), []);
});

test('didClose while changes are still queued: the last word for the document is an empty publish', async () => {
  server.clearLogs();
  const uri = 'file:///abuse/closed.md';
  const text = `${SAMPLE}\n\n`.repeat(10);
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `${CLAIM}\n\n` }] });
  server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const forUri = () => server.published().filter((p: PublishDiagnosticsParams) => p.uri === uri);
  await waitFor('the publish on close', () => forUri().find((p) => p.version === undefined), 60_000);
  assert.equal(await hover(uri, 2, 3), null, 'a closed draft has no hover');
  await assertStillWorking('closed');
  const last = forUri().at(-1)!;
  assert.deepEqual([last.version, last.diagnostics], [undefined, []], 'nothing is published for the draft after it was closed');
  assert.deepEqual(server.errorsLogged(), []);
});

test('a flood of hovers is answered in full', async () => {
  server.clearLogs();
  const uri = 'file:///abuse/hovers.md';
  await server.open(uri, SAMPLE);
  const lineCount = SAMPLE.split('\n').length;
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: 2_000 }, (_, k) => hover(uri, k % (lineCount + 3), (k * 7) % 90)));
  const elapsed = performance.now() - started;
  console.log(`hover flood: 2000 hovers answered in ${Math.round(elapsed)} ms`);
  assert.equal(answers.length, 2_000);
  assert.ok(answers.some((answer) => answer !== null), 'some hovers land on a claim');
  assert.ok(answers.every((answer) => answer === null || typeof answer.contents === 'object'));
  assert.deepEqual(server.errorsLogged(), []);
});

test('malformed requests and notifications are logged with what failed and where, and the server carries on', async () => {
  server.clearLogs();
  const uri = 'file:///abuse/malformed.md';
  await server.open(uri, CLAIM);
  // No context: a handler error, caught and logged.
  assert.deepEqual(await codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, null), []);
  // No text document at all.
  assert.equal(await server.connection.sendRequest('textDocument/hover', { position: { line: 0, character: 0 } }), null);
  // Content that is not text.
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///abuse/null.md', languageId: 'markdown', version: 1, text: null } });
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: null });
  const unknownMethod = await server.connection.sendRequest('claimLens/noSuchRequest', {}).catch((error: { code: number }) => error.code);
  assert.equal(unknownMethod, ErrorCodes.MethodNotFound);
  await assertStillWorking('malformed');
  const errors = server.errorsLogged();
  const codeActionError = errors.find((message) => message.includes('code actions'));
  assert.ok(codeActionError, `code action failure logged: ${errors.join('\n')}`);
  assert.match(codeActionError, /TypeError/);
  assert.match(codeActionError, new RegExp(uri.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')), 'names the document');
  assert.match(codeActionError, /\n\s+at /, 'carries a stack trace');
  assert.ok(errors.some((message) => message.includes('file:///abuse/null.md')), 'the failed open names its document');
  assert.ok(errors.some((message) => message.includes('textDocument/didChange')), 'the failed change names its notification');
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../server/client';

// What an editor may hand the server besides prose: a binary file opened as plain text,
// text decoded from invalid UTF-8, a megabyte on one line. Each is answered in bounded time
// with a clear word, and the server goes on working.

const CLAIM = 'Two drones attacked the Kremlin overnight.';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

test('a binary file opened as plain text is not checked, and the output says why', async () => {
  const uri = 'file:///bad-input/archive.txt';
  // What an editor shows for a zip archive forced open as text (bytes read as Latin-1).
  const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, ...Buffer.from(` ${CLAIM} `), 0xff, 0xfe, 0x00, 0x01]);
  const text = bytes.toString('latin1').repeat(50);
  assert.deepEqual(await server.open(uri, text, 'plaintext'), []);
  assert.equal(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 12 } }), null);
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 40 } },
    context: { diagnostics: [] },
  })) as CodeAction[];
  assert.deepEqual(actions, []);
  const said = server.logs().filter((log) => log.message.includes(uri));
  assert.equal(said.length, 1, 'said once');
  assert.match(said[0].message, /not checking .*: the file looks binary/);
});

test('text decoded from invalid UTF-8 is checked when it is mostly prose, and refused when it is not', async () => {
  const mostlyProse = await server.open('file:///bad-input/latin1.md', `Caf\uFFFD notes.\n\n${CLAIM}\n`);
  assert.deepEqual(mostlyProse.map((d) => [d.code, d.range.start.line]), [['kremlin-drone-attack', 2]]);
  const mostlyReplacement = await server.open('file:///bad-input/garbled.md', `${'\uFFFD'.repeat(40)} ${CLAIM}`);
  assert.deepEqual(mostlyReplacement, []);
});

test('a single line of a megabyte is checked in bounded time, and so is an edit to it', async () => {
  const uri = 'file:///bad-input/one-line.md';
  const line = 'The council met on Tuesday and members voted to raise spending on parks and libraries ';
  const text = `${line.repeat(Math.ceil(1_000_000 / line.length))}${CLAIM}`;
  const started = performance.now();
  const diagnostics = await server.open(uri, text);
  const openMs = performance.now() - started;
  const editStarted = performance.now();
  const edited = server.diagnostics(uri, 2, 120_000);
  server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Meanwhile, ' }],
  });
  await edited;
  const editMs = performance.now() - editStarted;
  console.log(`one ${(text.length / 1e6).toFixed(2)} MB line: first diagnostics in ${Math.round(openMs)} ms, after an edit in ${Math.round(editMs)} ms`);
  // One sentence of a megabyte is too long to be a claim; what matters is that it returns.
  assert.ok(Array.isArray(diagnostics));
  // Walking the line with a single Intl.Segmenter took minutes; windowed it takes seconds.
  assert.ok(openMs < 60_000 && editMs < 60_000, `open ${Math.round(openMs)} ms, edit ${Math.round(editMs)} ms`);
  assert.deepEqual((await server.open('file:///bad-input/after-line.md', CLAIM)).map((d) => d.code), ['kremlin-drone-attack']);
});

test('a long draft is checked in slices: a hover on another document is answered before it is done', async () => {
  const small = 'file:///bad-input/small.md';
  await server.open(small, `Peskov told RIA Novosti that ${CLAIM.toLowerCase()}\n`);
  const long = 'file:///bad-input/long.md';
  const paragraph = `${CLAIM} The Kremlin called it a terrorist act. "We did not attack," Zelensky said.\n\n`;
  let published = false;
  const diagnostics = server.diagnostics(long, 1, 60_000).then((d) => ((published = true), d));
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: long, languageId: 'markdown', version: 1, text: paragraph.repeat(250) } });
  const started = performance.now();
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 2 } });
  const hoverMs = performance.now() - started;
  assert.ok(hover, 'the hover is answered');
  // Before, the hover waited for the whole analysis of the long draft.
  assert.equal(published, false, `the long draft was done first (hover in ${Math.round(hoverMs)} ms)`);
  assert.ok(hoverMs < 200, `hover in ${Math.round(hoverMs)} ms`);
  assert.ok((await diagnostics).length > 0);
});

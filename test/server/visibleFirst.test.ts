import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { FIRST_SCREEN_CHARS, FIRST_SCREEN_LINES, VISIBLE_RANGE_NOTIFICATION, type VisibleRangeParams } from '../../server/src/protocol';
import { startServer, type TestServer } from './client';

// A long draft's first check publishes the part on screen as soon as it is analysed, then the
// whole draft, both for the version opened: what comes first is exactly the whole draft's
// diagnostics for that part. The editor says which part it shows; without it, the first screen.

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.stop());

const PARAGRAPH = 'The council met on Tuesday to discuss the budget. Two drones attacked the Kremlin overnight.';
const NEUTRAL = 'The council met on Tuesday to discuss the budget. The vote was postponed until next month.';
/** 400 paragraphs (800 lines), a claim in every eighth: one every 16 lines, 50 in all. */
const LONG = Array.from({ length: 400 }, (_, i) => (i % 8 === 0 ? PARAGRAPH : NEUTRAL)).join('\n\n');

async function publishesOf(uri: string, count: number): Promise<PublishDiagnosticsParams[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = server.published().filter((p) => p.uri === uri && p.version === 1);
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`${found.length} publishes for ${uri}, not ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const lines = (published: PublishDiagnosticsParams) => published.diagnostics.map((d) => d.range.start.line);

/** The first publish is the whole draft's diagnostics up to some line, the shown ones all among them, and not all. */
function assertFirstIsPrefix(first: PublishDiagnosticsParams, whole: PublishDiagnosticsParams, lastShownLine: number) {
  const shown = first.diagnostics.length;
  assert.ok(shown > 0 && shown < whole.diagnostics.length, `${shown} diagnostics first, ${whole.diagnostics.length} in all`);
  assert.deepEqual(first.diagnostics, whole.diagnostics.slice(0, shown));
  assert.ok(shown >= lines(whole).filter((line) => line <= lastShownLine).length, `the first publish ends at line ${Math.max(...lines(first))}, the screen at ${lastShownLine}`);
}

test('a long draft: the first screen first, then everything, for the same version', async () => {
  const uri = 'file:///visible/first-screen.md';
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: LONG } });
  const [first, whole] = await publishesOf(uri, 2);
  // The first screen: its lines, or as many as its characters fill (each line here is a paragraph or blank).
  const screenEnd = Math.min(FIRST_SCREEN_LINES, Math.floor(FIRST_SCREEN_CHARS / (PARAGRAPH.length + 2)) * 2) - 1;
  assertFirstIsPrefix(first, whole, screenEnd);
  assert.ok(Math.max(...lines(first)) <= screenEnd + 16, `first publish up to line ${Math.max(...lines(first))}`);
  assert.equal(Math.max(...lines(whole)), 784);
  assert.equal(server.published().filter((p) => p.uri === uri && p.version === 1).length, 2);
});

test('the part the editor says it shows comes first', async () => {
  const uri = 'file:///visible/scrolled.md';
  const params: VisibleRangeParams = { uri, lastLine: 500 };
  server.connection.sendNotification(VISIBLE_RANGE_NOTIFICATION, params);
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: LONG } });
  const [first, whole] = await publishesOf(uri, 2);
  assertFirstIsPrefix(first, whole, 500);
  assert.ok(Math.max(...lines(first)) <= 516, `first publish up to line ${Math.max(...lines(first))}`);
});

test('a keystroke while the long draft is still being checked: its part on screen first too', async () => {
  const uri = 'file:///visible/typed-early.md';
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: LONG } });
  await publishesOf(uri, 1);
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Meanwhile, ' }] });
  const whole = await server.diagnostics(uri, 2, 60_000);
  const versionTwo = server.published().filter((p) => p.uri === uri && p.version === 2);
  assert.equal(versionTwo.length, 2, 'the part on screen, then the whole');
  assert.deepEqual(versionTwo[1].diagnostics, whole);
  assertFirstIsPrefix(versionTwo[0], versionTwo[1], FIRST_SCREEN_LINES - 1);
});

test('a draft that fits on the screen, or a keystroke, is published once', async () => {
  const uri = 'file:///visible/short.md';
  await server.open(uri, `${PARAGRAPH}\n\n${PARAGRAPH}\n`);
  const typed = server.diagnostics(uri, 2);
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Meanwhile, ' }] });
  await typed;
  const long = 'file:///visible/typed.md';
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: long, languageId: 'markdown', version: 1, text: LONG } });
  await publishesOf(long, 2);
  const edited = server.diagnostics(long, 2);
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: long, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Meanwhile, ' }] });
  await edited;
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const [target, version] of [[uri, 1], [uri, 2], [long, 2]] as const) {
    assert.equal(server.published().filter((p) => p.uri === target && p.version === version).length, 1, `${target}@${version}`);
  }
});

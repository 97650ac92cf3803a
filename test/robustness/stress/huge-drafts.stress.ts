import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT } from '../../helpers';
import { startServer, type TestServer } from '../../server/client';
import { MB, residentBytes } from '../lsp-mirror';

// Drafts far past everyday size, dense with claims: a 5 MB draft and a megabyte of claim
// sentences on one line, through the language server and the command line. Too slow for
// `npm test`; `npm run test:stress` runs them (and CI after it).

const SAMPLE = readFileSync(join(ROOT, 'samples', 'kremlin-draft.md'), 'utf8');
const FIVE_MB = (() => {
  let text = '';
  while (text.length < 5_000_000) text += `${SAMPLE}\n\n`;
  return text;
})();
const CLAIM_LINE = 'Two drones attacked the Kremlin overnight. Nobody knows why it happened, Bob said. '.repeat(12_500);
const LIMIT_MS = 300_000;

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

test('a 5 MB draft: checked up to the limit with a note, edits at either end answered', async () => {
  const uri = 'file:///stress/five.md';
  let started = performance.now();
  const wait = server.diagnostics(uri, 1, LIMIT_MS);
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: FIVE_MB } });
  const opened = await wait;
  const openMs = performance.now() - started;

  const note = opened.find((d) => d.code === 'draft-too-large');
  assert.ok(note, 'the draft says it was checked in part');
  assert.ok(opened.some((d) => d.code === 'kremlin-drone-attack'), 'claims in the checked part are flagged');
  const lastLine = FIVE_MB.split('\n').length - 1;
  assert.ok(opened.every((d) => d.range.start.line <= note.range.start.line), 'nothing flagged past the note');

  const edit = async (version: number, line: number) => {
    const at = performance.now();
    const published = server.diagnostics(uri, version, LIMIT_MS);
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
    });
    await published;
    return performance.now() - at;
  };
  const nearStartMs = await edit(2, 2);
  const pastLimitMs = await edit(3, lastLine);
  started = performance.now();
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: opened[0].range.start });
  const hoverMs = performance.now() - started;
  const rss = residentBytes(server.child.pid!);

  console.log(
    `5 MB draft (${FIVE_MB.length.toLocaleString('en')} chars): open ${seconds(openMs)}, edit near the start ${seconds(nearStartMs)}, ` +
      `edit past the limit ${seconds(pastLimitMs)}, hover ${Math.round(hoverMs)} ms, ${opened.length} diagnostics, RSS ${(rss / MB).toFixed(0)} MB`,
  );
  assert.ok(hover, 'hover answers on the huge draft');
  assert.deepEqual(server.errorsLogged(), []);
});

test('a megabyte of claim sentences on a single line is checked in bounded time', async () => {
  const started = performance.now();
  const wait = server.diagnostics('file:///stress/claim-line.md', 1, LIMIT_MS);
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///stress/claim-line.md', languageId: 'markdown', version: 1, text: CLAIM_LINE } });
  const diagnostics = await wait;
  console.log(`1 MB line of ${(12_500).toLocaleString('en')} claim sentences: ${seconds(performance.now() - started)}, ${diagnostics.length} diagnostics`);
  // The first claims are flagged, up to claimLens.maxProblems.
  assert.ok(diagnostics.length >= 100);
  assert.ok(diagnostics.every((d) => d.range.start.line === 0 && d.range.end.line === 0));
  assert.deepEqual(server.errorsLogged(), []);
});

test('the command line on the 5 MB draft: bounded time, problems up to the limit and a note', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claim-lens-stress-'));
  const file = join(dir, 'five.md');
  writeFileSync(file, FIVE_MB);
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'claim-lens.js'), 'check', file, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 256 * MB,
    timeout: LIMIT_MS,
  });
  const ms = performance.now() - started;
  assert.equal(result.status, 1, result.stderr);
  const problems: Array<{ claim: string }> = JSON.parse(result.stdout);
  console.log(`CLI on the 5 MB draft: ${seconds(ms)}, ${problems.length} problems`);
  assert.equal(problems.at(-1)?.claim, 'draft-too-large');
});

test('a 10 MB open never holds up the editor: hovers on another document answer within 50 ms while it is checked', async () => {
  const small = 'file:///stress/small.md';
  await server.open(small, 'Peskov told RIA Novosti that two drones attacked the Kremlin.\n');
  let text = '';
  while (text.length < 10_000_000) text += `${SAMPLE}\n\n`;
  const uri = 'file:///stress/ten.md';
  let done = false;
  const published = server.diagnostics(uri, 1, LIMIT_MS).then(() => (done = true));
  const started = performance.now();
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  // The 10 MB message itself is read and parsed first (as by any server), then the check begins.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const latencies: number[] = [];
  while (!done) {
    const sent = performance.now();
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 2 } });
    latencies.push(performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await published;
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.floor(latencies.length * 0.95)];
  console.log(
    `10 MB open: checked in ${seconds(performance.now() - started)}; ${latencies.length} hovers on another document meanwhile: ` +
      `p50 ${Math.round(latencies[latencies.length >> 1])} ms, p95 ${Math.round(p95)} ms, max ${Math.round(latencies.at(-1)!)} ms, RSS ${(residentBytes(server.child.pid!) / MB).toFixed(0)} MB`,
  );
  assert.ok(latencies.length > 20);
  assert.ok(p95 <= 50, `p95 ${Math.round(p95)} ms`);
  server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './client';

// The built server over real stdio, asserting on the protocol payloads editors receive.

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

test('an unattributed claim is published as a Warning with the claim id as its code', async () => {
  const text = 'Intro.\n\nTwo drones attacked the Kremlin overnight.\n';
  const diagnostics = await server.open('file:///tmp/a.md', text);
  assert.equal(diagnostics.length, 1);
  const [d] = diagnostics;
  assert.deepEqual(
    { code: d.code, severity: d.severity, source: d.source, range: d.range },
    { code: 'kremlin-drone-attack', severity: 2, source: 'claim-lens', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 42 } } },
  );
  // What the Problems panel needs and no more: the sources, and the attribution to write, are
  // on the hover card (and the attribution in the quick fix).
  assert.equal(d.message, 'Unattributed Kremlin claim: two drones attacked the Kremlin — attribute it');
  assert.equal(d.relatedInformation, undefined);
  assert.equal(d.data, undefined);
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///tmp/a.md' }, position: d.range.start })) as Hover;
  assert.match((hover.contents as MarkupContent).value, /\*\*Attribute it:\*\* “…, the Kremlin said\.”/);
  const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///tmp/a.md' }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  assert.ok(actions.some((action) => /the Kremlin said/.test(action.title)), `a quick fix writes the attribution: ${actions.map((action) => action.title).join('; ')}`);
});

test('a publish names no sources; the hover card of its sentence links them, by outlet and line', async () => {
  const uri = 'file:///tmp/sources.md';
  const [d] = await server.open(uri, 'Two drones attacked the Kremlin overnight.');
  assert.equal(d.code, 'kremlin-drone-attack');
  assert.equal(d.relatedInformation, undefined);
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as Hover;
  assert.match((hover.contents as MarkupContent).value, /\[Rewritten [^\]]+ report, line \d+\]\(file:\/\/\/.*server\/sources\/[a-z-]+\.txt#L\d+\): “[^”]{10,95}”/);
});

test('a vague hedge is Information; an attributed claim is quiet', async () => {
  const weak = await server.open('file:///tmp/b.md', 'Two drones reportedly attacked the Kremlin overnight.');
  assert.deepEqual(weak.map((d) => [d.code, d.severity]), [['kremlin-drone-attack', 3]]);
  const ok = await server.open('file:///tmp/c.md', 'Two drones attacked the Kremlin overnight, the Kremlin said.');
  assert.deepEqual(ok, []);
});

test('every change is answered by a publish for its version, even when nothing changed', async () => {
  const uri = 'file:///tmp/d.md';
  await server.open(uri, 'Nothing to see here.');
  const wait = server.diagnostics(uri, 2);
  server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 20 }, end: { line: 0, character: 20 } }, text: ' Still nothing.' }],
  });
  assert.deepEqual(await wait, []);
  const wait3 = server.diagnostics(uri, 3);
  server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 3 },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Drones hit Kremlin\n\n' }],
  });
  const diagnostics = await wait3;
  assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['kremlin-drone-attack', 0]]);
});

test('the hover card names the claimant, the denial and quotes a source with a link', async () => {
  const uri = 'file:///tmp/e.md';
  await server.open(uri, 'Ukraine tried to kill Putin with two drones.');
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } })) as Hover;
  const value = (hover.contents as MarkupContent).value;
  assert.equal((hover.contents as MarkupContent).kind, 'markdown');
  assert.equal(typeof value, 'string');
  assert.match(String(value), /\*\*Claimed by:\*\* the Kremlin/);
  assert.match(value, /\*\*Denied by Ukraine:\*\*/);
  // (A party that later said the like on its own account is shown as such, not as a denial.)
  assert.match(value, /\*\*Also said by the United States:\*\*/);
  assert.match(value, /\(file:\/\/\/.*server\/sources\/[a-z-]+\.txt#L\d+\)/);
});

test('the preferred quick fix rewrites only the sentence and clears the warning', async () => {
  const uri = 'file:///tmp/f.md';
  const text = 'Keep this. Russian air defences shot down both drones. Keep that.';
  const [diagnostic] = await server.open(uri, text);
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  })) as CodeAction[];
  const preferred = actions.filter((a) => a.isPreferred);
  assert.equal(preferred.length, 1);
  const edits = preferred[0].edit!.changes![uri];
  assert.deepEqual(edits, [{ range: { start: { line: 0, character: 53 }, end: { line: 0, character: 53 } }, newText: ', the Kremlin said' }]);
  const fixed = text.slice(0, 53) + edits[0].newText + text.slice(53);
  assert.deepEqual(await server.open('file:///tmp/f-fixed.md', fixed), []);
});

test('positions count UTF-16 code units across emoji and CRLF', async () => {
  const text = '🙂🙂 Intro.\r\nDrones hit Kremlin\r\n';
  const [d] = await server.open('file:///tmp/g.md', text);
  assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 18 } });
});

test('one sentence, two claims from one claimant: the shared attribution is one action for both diagnostics', async () => {
  const uri = 'file:///tmp/two-claims.md';
  const diagnostics = await server.open(uri, 'Two drones attacked the Kremlin overnight and Russian air defences disabled them.\n');
  assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['drones-disabled', 'kremlin-drone-attack']);
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostics[0].range,
    context: { diagnostics },
  })) as CodeAction[];
  const fixes = actions.filter((a) => !a.title.startsWith('Silence'));
  const edits = fixes.map((a) => JSON.stringify(a.edit));
  assert.equal(new Set(edits).size, edits.length, `an edit offered twice: ${fixes.map((a) => a.title).join(' | ')}`);
  const suffix = fixes.find((a) => a.title.includes('the Kremlin said'))!;
  assert.equal(suffix.isPreferred, true);
  assert.deepEqual(suffix.diagnostics!.map((d) => d.code).sort(), ['drones-disabled', 'kremlin-drone-attack']);
});

test('the hover card is short and puts the claim, its claimant and how to attribute it first', async () => {
  const uri = 'file:///tmp/card.md';
  await server.open(uri, 'Ukraine tried to kill Putin with two drones.');
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } })) as Hover;
  const value = (hover.contents as MarkupContent).value;
  assert.ok(value.length < 2000, `the card is ${value.length} characters`);
  const lines = value.split('\n');
  const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
  assert.ok(at(/\*\*Claimed by:\*\*/) >= 0 && at(/\*\*Claimed by:\*\*/) < 6, value);
  assert.ok(at(/\*\*Attribute it:\*\*/) < at(/\*\*Sources\*\*/), 'how to attribute comes before the sources');
  // One line per source text, named by outlet; the second claim of the sentence is one line.
  const sourceLines = lines.filter((line) => line.startsWith('- ['));
  assert.equal(new Set(sourceLines.map((line) => /\[([^\]]+), line/.exec(line)![1])).size, sourceLines.length);
  assert.ok(sourceLines.every((line) => /^- \[Rewritten [^\]]+, line \d+\]\(file:/.test(line)), sourceLines.join('\n'));
  assert.equal(lines.filter((line) => line.startsWith('**Claim Lens**')).length, 2);
});

test('settings pulled from the client at start that are the defaults do not check the open draft again', async () => {
  const pulling = await startServer({}, { capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { relatedInformation: true } } } });
  try {
    let answered!: () => void;
    const configured = new Promise<void>((resolve) => (answered = resolve));
    pulling.connection.onRequest('client/registerCapability', () => null);
    pulling.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      setImmediate(answered);
      return params.items.map(() => ({}));
    });
    const uri = 'file:///tmp/settings-at-start.md';
    await pulling.open(uri, 'Ukraine tried to kill Putin with two drones.');
    await configured;
    // Answered after the settings were read (and any check they started has ended).
    await pulling.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.deepEqual(pulling.statuses().filter((status) => status.uri === uri).map((status) => status.version), [1]);
  } finally {
    await pulling.stop();
  }
});

test('a client that refuses dynamic registration keeps the server running: the refusal is logged, checks go on', async () => {
  const refusing = await startServer({}, { capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } } } });
  try {
    refusing.connection.onRequest('client/registerCapability', () => {
      throw new Error('registrations are not supported here');
    });
    refusing.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    const uri = 'file:///tmp/refused-registration.md';
    const diagnostics = await refusing.open(uri, 'Ukraine tried to kill Putin with two drones.');
    assert.ok(diagnostics.some((d) => d.code === 'assassination-attempt'));
    // A second document after the refusals is still checked, by the same process.
    const second = await refusing.open('file:///tmp/refused-registration-2.md', 'Two drones attacked the Kremlin overnight.');
    assert.ok(second.some((d) => d.code === 'kremlin-drone-attack'));
    assert.equal(refusing.child.exitCode, null);
    assert.ok(refusing.errorsLogged().some((message) => /registering for settings changes failed/.test(message)), refusing.errorsLogged().join('\n'));
  } finally {
    await refusing.stop();
  }
});

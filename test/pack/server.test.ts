import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Hover,
  type MarkupContent,
  type PublishDiagnosticsParams,
  type Registration,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers';
import { GREEDY_SENTENCE, greedyPack } from './greedy';

// Workspace packs in the built language server, as an editor drives it: packs under
// .claim-lens/ load at start, the server registers file watchers, and a pack edited,
// broken, mended or deleted on disk re-checks the open drafts without a restart.

const SAMPLE = join(ROOT, 'samples', 'packs');
const DRAFT = readFileSync(join(SAMPLE, 'fernhollow-draft.md'), 'utf8');

async function startServer(folder: string, options: { trusted: boolean; settings?: Record<string, unknown> }) {
  const child = spawn(process.execPath, [join(ROOT, 'server', 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const registrations: Registration[] = [];
  let settings = options.settings ?? {};
  const waiters: Array<() => void> = [];
  const notify = () => waiters.splice(0).forEach((wake) => wake());
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => (published.push(params), notify()));
  connection.onNotification(LogMessageNotification.type, (params) => (logs.push(params.message), notify()));
  connection.onRequest(RegistrationRequest.type, (params) => {
    registrations.push(...params.registrations);
    notify();
  });
  connection.onRequest('workspace/configuration', () => [settings]);
  connection.listen();
  const uri = pathToFileURL(folder).href;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'newsroom' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
    },
    initializationOptions: { workspaceTrusted: options.trusted },
  });
  connection.sendNotification('initialized', {});

  /** Resolves once `check` holds, re-tried after every message from the server. */
  const until = <T>(what: string, check: () => T | undefined): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; log:\n${logs.join('\n')}`)), 15_000);
      const attempt = () => {
        const value = check();
        if (value !== undefined) {
          clearTimeout(timer);
          resolve(value);
        } else waiters.push(attempt);
      };
      attempt();
    });
  const latest = (target: string) => published.filter((p) => p.uri === target).at(-1);
  const codesOf = (target: string) => [...new Set(latest(target)?.diagnostics.map((d) => String(d.code)) ?? [])].sort();
  return {
    connection,
    logs,
    registrations,
    until,
    latest,
    codesOf,
    setSettings(next: Record<string, unknown>) {
      settings = next;
      connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    },
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      connection.sendNotification('exit');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      connection.dispose();
    },
  };
}

function newsroom(): { folder: string; pack: string; draftUri: string } {
  const folder = mkdtempSync(join(tmpdir(), 'claim-lens-newsroom-'));
  cpSync(SAMPLE, join(folder, '.claim-lens'), { recursive: true, filter: (source) => !source.endsWith('.md') && !source.endsWith('claimreview.json') });
  return { folder, pack: join(folder, '.claim-lens', 'fernhollow-water.claims.json'), draftUri: pathToFileURL(join(folder, 'story.md')).href };
}

const FERNHOLLOW = ['children-ill', 'kestrel-leak', 'kx7-forty-times', 'officials-hid', 'water-safe'];

test('a workspace pack loads at start, is watched, and its edits re-check open drafts', async () => {
  const { folder, pack, draftUri } = newsroom();
  const server = await startServer(folder, { trusted: true });
  try {
    const watcher = await server.until('a file watcher registration', () => server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
    assert.deepEqual((watcher.registerOptions as { watchers: unknown[] }).watchers, [{ globPattern: { baseUri: pathToFileURL(folder).href, pattern: '.claim-lens/**' } }]);

    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT } });
    await server.until('the draft flagged with the workspace pack', () => (server.codesOf(draftUri).includes('kestrel-leak') ? true : undefined));
    assert.deepEqual(server.codesOf(draftUri), FERNHOLLOW);
    // Links from a workspace pack's claims go to its own sources folder.
    const leak = server.latest(draftUri)!.diagnostics.find((d) => d.code === 'kestrel-leak')!;
    const card = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: draftUri }, position: leak.range.start })) as Hover;
    assert.ok((card.contents as MarkupContent).value.includes(`(${pathToFileURL(join(folder, '.claim-lens', 'sources', 'fernhollow-briefing.txt')).href}#L`), (card.contents as MarkupContent).value);

    // Broken on disk: a located problem on the pack file, and the draft loses its claims.
    const original = readFileSync(pack, 'utf8');
    writeFileSync(pack, original.replace('"@children @ill"', '"@children @unwell"'));
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(pack).href, type: 2 }] });
    const packUri = pathToFileURL(pack).href;
    const [problem] = await server.until('pack problems', () => server.latest(packUri)?.diagnostics);
    const line = original.split('\n').findIndex((text) => text.includes('"@children @ill"'));
    assert.deepEqual(
      { line: problem.range.start.line, severity: problem.severity, message: problem.message },
      { line, severity: 1, message: 'claims.3.patterns.1: pattern "@children @unwell": unknown concept @unwell' },
    );
    assert.ok(server.logs.some((log) => log.includes(`${pack}:${line + 1}:`) && log.includes('unknown concept @unwell')));
    await server.until('the draft re-checked without the broken pack', () => (server.codesOf(draftUri).length === 0 ? true : undefined));

    // Mended: the problems are cleared and the claims come back.
    writeFileSync(pack, original);
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: packUri, type: 2 }] });
    await server.until('pack problems cleared', () => (server.latest(packUri)?.diagnostics.length === 0 ? true : undefined));
    await server.until('the draft flagged again', () => (server.codesOf(draftUri).join() === FERNHOLLOW.join() ? true : undefined));

    // Deleted: the draft is re-checked with the bundled pack alone.
    rmSync(pack);
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: packUri, type: 3 }] });
    await server.until('the draft re-checked after the pack was deleted', () => (server.codesOf(draftUri).length === 0 ? true : undefined));
  } finally {
    await server.stop();
  }
});

test('claimLens.bundledPack: false turns the bundled pack off without a restart', async () => {
  const { folder } = newsroom();
  const server = await startServer(folder, { trusted: true });
  try {
    const uri = pathToFileURL(join(folder, 'kremlin.md')).href;
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Two drones attacked the Kremlin overnight.\n' } });
    await server.until('the Kremlin claim', () => (server.codesOf(uri).includes('kremlin-drone-attack') ? true : undefined));
    server.setSettings({ bundledPack: false });
    await server.until('no Kremlin claim', () => (server.codesOf(uri).length === 0 ? true : undefined));
    assert.ok(server.logs.some((log) => log.endsWith('claim packs in use: fernhollow-water')));

    // A pack whose pattern uses up a sentence's work budget: a warning at that pattern, said
    // once, and the drafts still checked with every pack.
    const greedy = join(folder, '.claim-lens', 'greedy.claims.json');
    writeFileSync(greedy, JSON.stringify(greedyPack(), null, 2));
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(greedy).href, type: 1 }] });
    await server.until('the greedy pack loaded', () => server.logs.find((log) => log.endsWith('claim packs in use: fernhollow-water, greedy')));
    const story = pathToFileURL(join(folder, 'story.md')).href;
    const greedyText = `${GREEDY_SENTENCE}\n\n${GREEDY_SENTENCE}\n\n${DRAFT}`;
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: story, languageId: 'markdown', version: 1, text: greedyText } });
    const [warning] = await server.until('a warning on the greedy pack', () => server.latest(pathToFileURL(greedy).href)?.diagnostics);
    assert.equal(warning.severity, 2);
    assert.match(warning.message as string, /^claim "zebra-yak": matching pattern "@z @a\|.*…" used up the work budget of a sentence/);
    assert.equal(warning.range.start.line, JSON.stringify(greedyPack(), null, 2).split('\n').findIndex((line) => line.includes('"@z @a|')));
    await server.until('the story checked', () => (server.codesOf(story).join() === FERNHOLLOW.join() ? true : undefined));
    assert.equal(server.logs.filter((log) => log.includes('used up the work budget')).length, 1);
  } finally {
    await server.stop();
  }
});

test('an untrusted workspace gets no workspace packs until it is trusted', async () => {
  const { folder, draftUri } = newsroom();
  const server = await startServer(folder, { trusted: false });
  try {
    await server.until('the first pack load', () => server.logs.find((log) => log.includes('claim packs in use')));
    assert.ok(server.logs.some((log) => /workspace claim packs are not loaded: the workspace is not trusted/.test(log)));
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT } });
    await server.until('the draft checked', () => server.latest(draftUri));
    assert.deepEqual(server.codesOf(draftUri), []);
    server.connection.sendNotification('claimLens/workspaceTrusted');
    await server.until('the draft flagged once trusted', () => (server.codesOf(draftUri).join() === FERNHOLLOW.join() ? true : undefined));
  } finally {
    await server.stop();
  }
});

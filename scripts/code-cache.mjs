// V8 code caches for the server and CLI bundles (see server/src/launcher.ts): each bundle is
// run once on a sample workload with CLAIM_LENS_WRITE_CODE_CACHE=1, and its launcher writes the
// bytecode of every function the run compiled beside the bundle when the process exits. Run
// by scripts/build.mjs after bundling; any failure leaves the bundles without a cache (they
// work without one, only start slower) and says why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SAMPLES = ['samples/kremlin-draft.md', 'samples/newsroom.draft', 'samples/suppressions.md'];
const env = { ...process.env, CLAIM_LENS_WRITE_CODE_CACHE: '1' };
export const CACHES = { server: join(ROOT, 'server', 'out', 'server.bundle.cache'), cli: join(ROOT, 'server', 'out', 'cli.bundle.cache') };

/** The command line checks the samples. */
function trainCli() {
  const run = spawnSync(process.execPath, [join(ROOT, 'server', 'out', 'cli.js'), 'check', ...SAMPLES], { cwd: ROOT, env, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`cli check exited with ${run.status}: ${run.stderr.trim()}`);
}

/** The language server as an editor drives it: open a sample, hover and ask for fixes at its problems, type, close. */
async function trainServer() {
  const protocol = require('vscode-languageserver-protocol/node');
  const child = spawn(process.execPath, [join(ROOT, 'server', 'out', 'server.js'), '--stdio'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolveExit) => child.on('exit', resolveExit));
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
  const published = new Map();
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => published.get(`${params.uri}@${params.version}`)?.(params.diagnostics));
  connection.listen();
  const diagnosticsOf = (uri, version) =>
    Promise.race([
      new Promise((resolveDiagnostics) => published.set(`${uri}@${version}`, resolveDiagnostics)),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no diagnostics for ${uri}@${version}: ${stderr.trim()}`)), 60_000).unref()),
    ]);
  try {
    await connection.sendRequest(protocol.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } } });
    connection.sendNotification(protocol.InitializedNotification.type, {});
    for (const [index, sample] of SAMPLES.entries()) {
      const uri = pathToFileURL(join(ROOT, sample)).href;
      const text = readFileSync(join(ROOT, sample), 'utf8');
      const opened = diagnosticsOf(uri, 1);
      connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: sample.endsWith('.draft') ? 'news-draft' : 'markdown', version: 1, text } });
      const diagnostics = await opened;
      for (const diagnostic of diagnostics.slice(0, 3)) {
        await connection.sendRequest(protocol.HoverRequest.type, { textDocument: { uri }, position: diagnostic.range.start });
        await connection.sendRequest(protocol.CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      }
      if (index === 0) {
        const typed = diagnosticsOf(uri, 2);
        connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Reportedly, ' }] });
        await typed;
      }
      connection.sendNotification(protocol.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
    await connection.sendRequest(protocol.ShutdownRequest.type);
    connection.sendNotification(protocol.ExitNotification.type);
    await exited;
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
}

export async function writeCodeCaches() {
  for (const file of Object.values(CACHES)) rmSync(file, { force: true });
  try {
    trainCli();
    await trainServer();
    for (const [name, file] of Object.entries(CACHES)) if (!existsSync(file)) throw new Error(`the ${name} wrote no code cache`);
  } catch (error) {
    for (const file of Object.values(CACHES)) rmSync(file, { force: true });
    console.warn(`no code caches (the bundles start without them): ${error instanceof Error ? error.message : error}`);
  }
}

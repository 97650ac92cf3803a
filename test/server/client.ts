import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers';

// A minimal LSP client over stdio for protocol tests: spawns the *built* server exactly
// as editors and the measuring tools do (`node server/out/server.js --stdio`).

export interface TestServer {
  connection: ProtocolConnection;
  child: ChildProcess;
  /** Resolves with the diagnostics published for uri at version. */
  diagnostics(uri: string, version: number): Promise<Diagnostic[]>;
  open(uri: string, text: string, languageId?: string): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

export async function startServer(initializationOptions: Record<string, unknown> = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [join(ROOT, 'server', 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; version: number; resolve: (d: Diagnostic[]) => void }> = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.uri === params.uri && waiter.version === params.version) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    }
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    initializationOptions,
  });
  connection.sendNotification('initialized', {});

  const diagnostics = (uri: string, version: number) =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const done = published.find((p) => p.uri === uri && p.version === version);
      if (done) return resolve(done.diagnostics);
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}@${version}`)), 10_000);
      waiters.push({ uri, version, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });

  return {
    connection,
    child,
    diagnostics,
    async open(uri, text, languageId = 'markdown') {
      const wait = diagnostics(uri, 1);
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return wait;
    },
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      connection.sendNotification('exit');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      connection.dispose();
    },
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/protocol';
import { ROOT } from '../helpers';

// A minimal LSP client over stdio for protocol tests: spawns the *built* server exactly
// as editors and the measuring tools do (`node server/out/server.js --stdio`).

export interface TestServer {
  connection: ProtocolConnection;
  child: ChildProcess;
  /**
   * Resolves with the diagnostics of the whole draft published for uri at version: the last
   * publish before the status notification that ends its check (a long draft's first check
   * publishes the part on screen first).
   */
  diagnostics(uri: string, version: number, timeoutMs?: number): Promise<Diagnostic[]>;
  open(uri: string, text: string, languageId?: string): Promise<Diagnostic[]>;
  stop(): Promise<void>;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Every publishDiagnostics received so far, oldest first. */
  published(): readonly PublishDiagnosticsParams[];
  /** Every claimLens/status received so far, oldest first (one ends each check). */
  statuses(): readonly StatusParams[];
  /** Every window/logMessage received since the start or the last clearLogs(), oldest first. */
  logs(): readonly LogMessageParams[];
  /** The messages of logged errors (type 1). */
  errorsLogged(): string[];
  clearLogs(): void;
}

/** How the server process is started and introduced (defaults: as an editor would). */
export interface LaunchOptions {
  /** Sent as initialize.processId: the server exits when this process dies. */
  processId?: number | null;
  rootUri?: string | null;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Node options placed before the server script (e.g. --require for a preload). */
  nodeArgs?: string[];
  /** Client capabilities; by default what VS Code declares for diagnostics. */
  capabilities?: Record<string, unknown>;
}

export async function startServer(initializationOptions: Record<string, unknown> = {}, launch: LaunchOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [...(launch.nodeArgs ?? []), join(ROOT, 'server', 'out', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    cwd: launch.cwd,
    env: launch.env,
  });
  // Drained so that a chatty server never blocks on a full pipe.
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  /** The last diagnostics published for each uri@version whose check has ended (its status came). */
  const complete = new Map<string, Diagnostic[]>();
  const statuses: StatusParams[] = [];
  const waiters: Array<{ uri: string; version: number; resolve: (d: Diagnostic[]) => void }> = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
  });
  connection.onNotification(STATUS_NOTIFICATION, (status: StatusParams) => {
    statuses.push(status);
    const last = [...published].reverse().find((p) => p.uri === status.uri && p.version === status.version);
    if (!last || status.version === null) return;
    complete.set(`${status.uri}@${status.version}`, last.diagnostics);
    for (const waiter of [...waiters]) {
      if (waiter.uri === status.uri && waiter.version === status.version) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(last.diagnostics);
      }
    }
  });
  let logs: LogMessageParams[] = [];
  connection.onNotification('window/logMessage', (params: LogMessageParams) => {
    logs.push(params);
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: launch.processId === undefined ? process.pid : launch.processId,
    rootUri: launch.rootUri ?? null,
    capabilities: launch.capabilities ?? { textDocument: { publishDiagnostics: { relatedInformation: true } } },
    initializationOptions,
  });
  connection.sendNotification('initialized', {});

  const diagnostics = (uri: string, version: number, timeoutMs = 10_000) =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const done = complete.get(`${uri}@${version}`);
      if (done) return resolve(done);
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}@${version}`)), timeoutMs);
      waiters.push({ uri, version, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });

  return {
    connection,
    child,
    diagnostics,
    stderr: () => stderr,
    published: () => published,
    statuses: () => statuses,
    logs: () => logs,
    errorsLogged: () => logs.filter((log) => log.type === 1).map((log) => log.message),
    clearLogs: () => {
      logs = [];
    },
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

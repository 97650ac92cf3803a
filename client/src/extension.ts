import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SETTINGS } from '../../server/src/configuration';
import {
  STATUS_NOTIFICATION,
  VISIBLE_RANGE_NOTIFICATION,
  WORKSPACE_TRUSTED_NOTIFICATION,
  type ClaimLensInitializationOptions,
  type StatusParams,
  type VisibleRangeParams,
} from '../../server/src/protocol';
import { HideWhileTyping } from './hideWhileTyping';
import { ReportView } from './report';
import { serverEnvironment } from './serverEnvironment';

// The Claim Lens client: starts the language server and shows the count of unattributed
// claims of the active draft in the status bar. No analysis happens here.

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env: serverEnvironment() } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env: serverEnvironment(), execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const selector = () =>
    (vscode.workspace.getConfiguration('claimLens').get<string[]>('languages') ?? [...SETTINGS.languages.default]).flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]);
  const hideWhileTyping = new HideWhileTyping();
  context.subscriptions.push(hideWhileTyping);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector(),
    synchronize: { configurationSection: 'claimLens' },
    middleware: hideWhileTyping.middleware,
    // Read at every (re)start: workspace claim packs load only in trusted workspaces unless opted in.
    initializationOptions: (): ClaimLensInitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
  };
  client = new LanguageClient('claimLens', 'Claim Lens', serverOptions, clientOptions);

  const report = new ReportView(() => client);
  context.subscriptions.push(
    report,
    vscode.commands.registerCommand('claimLens.showReport', () => report.show()),
    vscode.commands.registerCommand('claimLens.showReportMarkdown', () => report.showMarkdown()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION)),
    // Which documents the client sends to the server is fixed when it starts: a new list of
    // languages takes effect through a restart. Everything else the server re-reads itself.
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('claimLens.languages') || !client) return;
      client.clientOptions.documentSelector = selector();
      await client.restart();
    }),
  );

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 100);
  status.name = 'Claim Lens';
  context.subscriptions.push(status);
  const counts = new Map<string, StatusParams>();
  const render = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const current = uri ? counts.get(uri) : undefined;
    if (!current) {
      status.hide();
      return;
    }
    status.text = current.unattributed ? `$(warning) ${current.unattributed} unattributed` : '$(check) Claims attributed';
    status.tooltip = `Claim Lens: ${current.unattributed} unattributed or misattributed, ${current.vague} vaguely attributed, ${current.recognised} claims recognised`;
    if (current.optedOut) status.text = '$(circle-slash) Claim Lens off';
    if (current.skipped) {
      status.text = '$(circle-slash) Not checked';
      status.tooltip = `Claim Lens: ${current.skipped}`;
    }
    const extras = [current.tk ? `${current.tk} TK` : '', current.quotations ? `${current.quotations} quotations to check` : '', current.silenced ? `${current.silenced} silenced` : ''].filter(Boolean);
    if (extras.length) status.tooltip += `; ${extras.join(', ')}`;
    status.tooltip += ' — click for the attribution report';
    status.command = 'claimLens.showReport';
    status.show();
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(render));

  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      counts.set(params.uri, params);
      render();
      report.refreshIfShowing(params);
    }),
  );
  // The part of each draft on screen, so that a long draft's first diagnostics cover it first.
  const sendVisibleRange = (editor: vscode.TextEditor) => {
    if (!client?.isRunning() || !editor.visibleRanges.length) return;
    const params: VisibleRangeParams = { uri: editor.document.uri.toString(), lastLine: Math.max(...editor.visibleRanges.map((range) => range.end.line)) };
    void client.sendNotification(VISIBLE_RANGE_NOTIFICATION, params);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorVisibleRanges((event) => sendVisibleRange(event.textEditor)),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(sendVisibleRange)),
  );
  // Activation does not wait for the server to start: VS Code's start-up is not held up by it.
  client.start().then(() => vscode.window.visibleTextEditors.forEach(sendVisibleRange)).catch((error: unknown) => {
    void vscode.window.showErrorMessage(`Claim Lens could not start its language server: ${error instanceof Error ? error.message : String(error)}`);
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

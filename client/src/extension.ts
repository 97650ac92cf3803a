import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/protocol';

// The Claim Lens client: starts the language server and shows the count of unattributed
// claims of the active draft in the status bar. No analysis happens here.

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const languages = vscode.workspace.getConfiguration('claimLens').get<string[]>('languages') ?? ['markdown', 'plaintext', 'news-draft'];
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { configurationSection: 'claimLens' },
  };
  client = new LanguageClient('claimLens', 'Claim Lens', serverOptions, clientOptions);

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
    status.command = 'workbench.actions.view.problems';
    status.show();
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(render));

  await client.start();
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      counts.set(params.uri, params);
      render();
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

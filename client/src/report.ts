import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_REQUEST, type ReportParams, type ReportResult } from '../../server/src/protocol';
import { reportPage, type ReportMessage } from './reportPage';

// "Claim Lens: Attribution Report": asks the server for the report of the active draft and
// shows its HTML in a webview (links open the draft or the source at the line), or opens
// its Markdown as a new document. The report is rebuilt when the draft is re-checked.

async function openAtLine(uri: vscode.Uri, line: number, column?: vscode.ViewColumn): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(position, position) });
}

export class ReportView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: vscode.Uri | undefined;
  private markdown = '';
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  private async fetch(uri: vscode.Uri): Promise<ReportResult> {
    const client = this.client();
    if (!client?.isRunning()) return { error: 'the Claim Lens server is not running' };
    return client.sendRequest<ReportResult>(REPORT_REQUEST, { uri: uri.toString() } satisfies ReportParams);
  }

  private target(): vscode.Uri | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.uri ?? this.shown;
  }

  /** Shows the report of the active draft in the webview. */
  async show(): Promise<void> {
    const uri = this.target();
    if (!uri) {
      void vscode.window.showInformationMessage('Claim Lens: open a draft to see its attribution report.');
      return;
    }
    const result = await this.fetch(uri);
    if ('error' in result) {
      void vscode.window.showWarningMessage(`Claim Lens: no attribution report: ${result.error}.`);
      return;
    }
    this.shown = uri;
    this.markdown = result.markdown;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('claimLens.report', 'Attribution report', vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shown = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: ReportMessage) => void this.handle(message));
    }
    this.panel.title = `Attribution report: ${uri.path.split('/').pop()}`;
    this.panel.webview.html = reportPage(result.html, randomBytes(16).toString('base64'), this.panel.webview.cspSource);
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  /** Opens the report of the active draft as a Markdown document. */
  async showMarkdown(): Promise<void> {
    const uri = this.target();
    if (!uri) return;
    const result = await this.fetch(uri);
    if ('error' in result) {
      void vscode.window.showWarningMessage(`Claim Lens: no attribution report: ${result.error}.`);
      return;
    }
    await this.openMarkdown(result.markdown);
  }

  private async openMarkdown(content: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
  }

  private async handle(message: ReportMessage): Promise<void> {
    if (message.type === 'markdown') await this.openMarkdown(this.markdown);
    else if (message.type === 'reveal' && this.shown) await openAtLine(this.shown, message.line, vscode.ViewColumn.One);
    else if (message.type === 'source') {
      const [path, fragment] = message.href.split('#L');
      await openAtLine(vscode.Uri.parse(path), Number(fragment) || 1, vscode.ViewColumn.One);
    }
  }

  /** Rebuilds the report shortly after the draft it shows was checked again. */
  refreshIfShowing(uri: string): void {
    if (!this.panel || this.shown?.toString() !== uri) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      const shown = this.shown;
      if (!shown || !this.panel) return;
      void this.fetch(shown).then((result) => {
        if ('error' in result || !this.panel) return;
        this.markdown = result.markdown;
        this.panel.webview.html = reportPage(result.html, randomBytes(16).toString('base64'), this.panel.webview.cspSource);
      });
    }, 400);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.panel?.dispose();
  }
}

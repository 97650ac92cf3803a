import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_REQUEST, type ReportParams, type ReportResult, type StatusParams } from '../../server/src/protocol';
import { reportPage, type ReportMessage } from './reportPage';

// "Claim Lens: Attribution Report": asks the server for the report of the active draft and
// shows its HTML in a webview (links open the draft or the source at the line), or opens
// its Markdown as a new document. The report is asked for again when a re-check of the draft
// changed its review (the status notification names it), and a request overtaken by a newer
// one is cancelled.

async function openAtLine(uri: vscode.Uri, line: number, column?: vscode.ViewColumn): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(position, position) });
}

export class ReportView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: vscode.Uri | undefined;
  private markdown = '';
  /** The review the panel shows (see StatusParams.stamp). */
  private stamp: string | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private pending: vscode.CancellationTokenSource | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  private async fetch(uri: vscode.Uri, since?: string, token?: vscode.CancellationToken): Promise<ReportResult> {
    const client = this.client();
    if (!client?.isRunning()) return { error: 'the Claim Lens server is not running' };
    return client.sendRequest<ReportResult>(REPORT_REQUEST, { uri: uri.toString(), since } satisfies ReportParams, token);
  }

  private cancelPending(): void {
    clearTimeout(this.refreshTimer);
    this.pending?.cancel();
    this.pending?.dispose();
    this.pending = undefined;
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
    this.cancelPending();
    const result = await this.fetch(uri);
    if ('error' in result || 'unchanged' in result) {
      if ('error' in result) void vscode.window.showWarningMessage(`Claim Lens: no attribution report: ${result.error}.`);
      return;
    }
    this.shown = uri;
    this.markdown = result.markdown;
    this.stamp = result.stamp;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('claimLens.report', 'Attribution report', vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => {
        this.cancelPending();
        this.panel = undefined;
        this.shown = undefined;
        this.stamp = undefined;
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
    if ('markdown' in result) await this.openMarkdown(result.markdown);
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

  /** Asks for the report again shortly after a re-check of the draft it shows changed its review. */
  refreshIfShowing(status: StatusParams): void {
    if (!this.panel || this.shown?.toString() !== status.uri) return;
    if (status.stamp !== undefined && status.stamp === this.stamp) return;
    this.cancelPending();
    const pending = (this.pending = new vscode.CancellationTokenSource());
    this.refreshTimer = setTimeout(() => {
      const shown = this.shown;
      if (!shown || !this.panel) return;
      this.fetch(shown, this.stamp, pending.token).then(
        (result) => {
          if (pending.token.isCancellationRequested || !this.panel || !('markdown' in result)) return;
          this.markdown = result.markdown;
          this.stamp = result.stamp;
          this.panel.webview.html = reportPage(result.html, randomBytes(16).toString('base64'), this.panel.webview.cspSource);
        },
        () => undefined, // cancelled, or the server went away: the panel keeps what it shows
      );
    }, 400);
  }

  dispose(): void {
    this.cancelPending();
    this.panel?.dispose();
  }
}

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_REQUEST, type ReportParams, type ReportResult } from '../../server/src/protocol';

// "Claim Lens: Attribution Report": asks the server for the report of the active draft and
// shows its HTML in a webview (links open the draft or the source at the line), or opens
// its Markdown as a new document. The report is rebuilt when the draft is re-checked.

type ReportMessage = { type: 'reveal'; line: number } | { type: 'source'; href: string } | { type: 'markdown' };

const STYLE = `
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; line-height: 1.45; }
  table { border-collapse: collapse; width: 100%; margin: 1em 0; }
  th, td { border: 1px solid var(--vscode-panel-border); padding: .3em .5em; text-align: left; vertical-align: top; }
  tr.needs-work td:first-child { color: var(--vscode-editorWarning-foreground); font-weight: bold; }
  .framing.unattributed, .framing.misattributed { color: var(--vscode-editorWarning-foreground); }
  .framing.weak, .framing.unclear { color: var(--vscode-editorInfo-foreground); }
  .framing.silenced { opacity: .6; }
  blockquote { margin: .3em 0; padding-left: .8em; border-left: 3px solid var(--vscode-textBlockQuote-border); }
  a { color: var(--vscode-textLink-foreground); cursor: pointer; }
  .toolbar { position: sticky; top: 0; background: var(--vscode-editor-background); padding: .5em 0; }
  button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: .3em .8em; cursor: pointer; }
`;

function page(body: string, nonce: string, cspSource: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">${STYLE}</style></head>
<body><div class="toolbar"><button id="markdown">Open as Markdown</button></div>
${body}
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  document.getElementById('markdown').addEventListener('click', () => vscode.postMessage({ type: 'markdown' }));
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a');
    if (!link) return;
    event.preventDefault();
    if (link.dataset.line) vscode.postMessage({ type: 'reveal', line: Number(link.dataset.line) });
    else if (link.dataset.source) vscode.postMessage({ type: 'source', href: link.getAttribute('href') });
  });
</script></body></html>`;
}

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
    this.panel.webview.html = page(result.html, randomBytes(16).toString('base64'), this.panel.webview.cspSource);
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
        this.panel.webview.html = page(result.html, randomBytes(16).toString('base64'), this.panel.webview.cspSource);
      });
    }, 400);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.panel?.dispose();
  }
}

import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { SETTINGS } from '../../server/src/configuration';
import { holdWhileTyping } from './typing';

// Client middleware that holds back the diagnostics of the sentence under the cursor while
// the reporter types (claimLens.hideWhileTyping, claimLens.revealDelay). The server still
// publishes the full set for every version; only what the editor shows is delayed.

type Forward = (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void;

interface Published {
  uri: vscode.Uri;
  diagnostics: vscode.Diagnostic[];
  forward: Forward;
}

export class HideWhileTyping implements vscode.Disposable {
  private readonly published = new Map<string, Published>();
  private readonly lastEdit = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly holding = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length) this.lastEdit.set(event.document.uri.toString(), Date.now());
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        const key = event.textEditor.document.uri.toString();
        if (this.holding.has(key)) this.render(key);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri.toString())),
    ];
  }

  readonly middleware: Middleware = {
    handleDiagnostics: (uri, diagnostics, next) => {
      this.published.set(uri.toString(), { uri, diagnostics, forward: next });
      this.render(uri.toString());
    },
  };

  private render(key: string): void {
    const entry = this.published.get(key);
    if (!entry) return;
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const config = vscode.workspace.getConfiguration('claimLens');
    const enabled = config.get<boolean>('hideWhileTyping', SETTINGS.hideWhileTyping.default);
    const delay = config.get<number>('revealDelay', SETTINGS.revealDelay.default);
    const editor = vscode.window.activeTextEditor;
    const cursor = editor?.document.uri.toString() === key ? editor.selection.active : undefined;
    const decision = enabled ? holdWhileTyping(entry.diagnostics, { lastEdit: this.lastEdit.get(key), cursor }, Date.now(), delay) : { shown: entry.diagnostics };
    entry.forward(entry.uri, decision.shown);
    if (decision.revealIn === undefined) {
      this.holding.delete(key);
      return;
    }
    this.holding.add(key);
    this.timers.set(key, setTimeout(() => this.render(key), decision.revealIn + 10));
  }

  private forget(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.published.delete(key);
    this.lastEdit.delete(key);
    this.holding.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

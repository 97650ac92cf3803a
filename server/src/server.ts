import {
  CancellationToken,
  CodeActionKind,
  createConnection,
  ErrorCodes,
  ExitNotification,
  InitializeRequest,
  LSPErrorCodes,
  Message,
  ResponseError,
  type RequestMessage,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import deepEqual from 'fast-deep-equal';
import type { CompiledPack } from './engine/pack/compile';
import { bundledPack } from './host/bundled';
import { codeActionsFor } from './lsp/codeActions';
import { diagnosticsFor } from './lsp/diagnostics';
import { CheckScheduler } from './lsp/checks';
import { DraftStore, type Draft } from './lsp/drafts';
import { liveDocuments } from './lsp/liveDocument';
import { hoverFor } from './lsp/hover';
import { WorkspacePacks } from './lsp/packDiagnostics';
import { semanticTokensFor, SEMANTIC_TOKENS_LEGEND } from './lsp/semanticTokens';
import { readSettings } from './lsp/settings';
import { Workflow } from './lsp/workflow';
import { sourceLibrary } from './host/sourceTexts';
import {
  DEFAULT_SETTINGS,
  FIRST_SCREEN_CHARS,
  FIRST_SCREEN_LINES,
  REPORT_REQUEST,
  STATUS_NOTIFICATION,
  VISIBLE_RANGE_NOTIFICATION,
  type ClaimLensSettings,
  type ReportParams,
  type ReportResult,
  type StatusParams,
  type VisibleRangeParams,
} from './protocol';

// The Claim Lens language server: maps LSP events onto the engine. Runs over stdio
// (`node server/out/server.js --stdio`) or node-ipc (from the VS Code client).

const connection = createConnection(ProposedFeatures.all, {
  // A request cancelled while it still waits its turn (the server was busy with a long
  // draft) is answered as cancelled, not worked on: an editor cancels the hovers and
  // reports it no longer needs.
  connectionStrategy: {
    cancelUndispatched: (message) => ({ jsonrpc: '2.0', id: Message.isRequest(message) ? message.id : null, error: { code: LSPErrorCodes.RequestCancelled, message: 'cancelled before it was handled' } }),
  },
  messageStrategy: {
    handleMessage: (message, next) => {
      // Before initialize, as the protocol asks: a request is refused (ServerNotInitialized),
      // a notification other than exit is dropped.
      if (!initializeReceived && !(Message.isRequest(message) && message.method === InitializeRequest.method)) {
        if (Message.isRequest(message)) return next({ ...message, method: NOT_INITIALIZED } as RequestMessage);
        if (Message.isNotification(message) && message.method !== ExitNotification.method) return;
      }
      const result = next(message);
      // A long check goes on in slices (lsp/checks.ts); the reply to a message handled
      // between two of them is written before the next.
      checks.afterMessage();
      return result;
    },
  },
});

/** Where requests that come before initialize are sent, to be refused. */
const NOT_INITIALIZED = 'claimLens/notInitialized';
let initializeReceived = false;
connection.onRequest(NOT_INITIALIZED, () => new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized yet: send initialize first'));
// Open documents keep their text in pieces: a change replaces the pieces it touches, and the
// analysis reads where it was (lsp/liveDocument.ts).
const documents = new TextDocuments(liveDocuments);

let settings: ClaimLensSettings = DEFAULT_SETTINGS;
let packs: CompiledPack[] = [];
let canPullConfiguration = false;
let canVersionEdits = false;
let canRefreshTokens = false;

const drafts = new DraftStore(() => packs, () => settings);
const workspacePacks = new WorkspacePacks(connection, bundledPack, (next) => {
  packs = next;
  recheckAll();
});
const workflow = new Workflow(sourceLibrary());

function guard<T>(what: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    connection.console.error(`claim-lens: ${what} failed: ${detail}`);
    return fallback;
  }
}

/** Where a request pointed, for error reports: "file:///a.md:3:14" (1-based, as editors show it). */
function requestPlace(uri: string | undefined, position: { line: number; character: number } | undefined): string {
  return position ? `${uri}:${position.line + 1}:${position.character + 1}` : String(uri);
}

/** `partial`: the draft's beginning while its first check goes on (the status bar waits for the whole). */
function publish(draft: Draft, partial = false): void {
  const review = workflow.review(draft, packs);
  const claimDiagnostics = diagnosticsFor(workflow.visible(draft, review), packs, settings);
  const diagnostics = [...claimDiagnostics, ...workflow.diagnostics(draft, review)];
  connection.sendDiagnostics({ uri: draft.document.uri, version: draft.document.version, diagnostics });
  firstDiagnosticsOut();
  if (partial) return;
  const status: StatusParams = {
    uri: draft.document.uri,
    version: draft.document.version,
    unattributed: claimDiagnostics.filter((d) => d.severity === 1 || d.severity === 2).length,
    vague: claimDiagnostics.filter((d) => d.severity === 3 && d.code !== 'draft-too-large').length,
    recognised: new Set(draft.snapshot.findings.map((f) => f.claimId)).size,
    tk: review?.notes.filter((note) => note.code === 'tk').length ?? 0,
    quotations: review?.notes.filter((note) => note.code.startsWith('quote-')).length ?? 0,
    silenced: (review?.suppressedFindings.length ?? 0) + (review?.suppressedNotes.length ?? 0),
    optedOut: review?.optedOut ?? false,
    stamp: workflow.stamp(review),
  };
  if (draft.skipReason) status.skipped = draft.skipReason;
  void connection.sendNotification(STATUS_NOTIFICATION, status);
}

// Work that can wait until a draft's first diagnostics are out, when a draft is being checked
// (looking for the workspace's claim packs: a walk of each folder's .claim-lens and the glob
// matcher compiled, 10-20 ms of a cold process on the way to the first diagnostics). A pack
// found then checks the open drafts again, as one found before would have.
let firstDiagnosticsSent = false;
const afterFirstDiagnostics: Array<() => void> = [];

function whenFirstDiagnosticsOut(run: () => void): void {
  if (firstDiagnosticsSent || !checks.checking) run();
  else afterFirstDiagnostics.push(run);
}

/** The first diagnostics have been sent (or the check that would have sent them ended): what waited runs, after the write. */
function firstDiagnosticsOut(): void {
  if (firstDiagnosticsSent) return;
  firstDiagnosticsSent = true;
  if (afterFirstDiagnostics.length) setImmediate(() => afterFirstDiagnostics.splice(0).forEach((run) => run()));
}

function warmUpText(packs: readonly CompiledPack[]): string {
  // A heading, a list and emphasis bring the Markdown parser in too.
  const markdown = ['## Warm-up', '- a *list* item with a [link](https://example.org)', '> a quotation', '"We did nothing of the kind," he said. TK'];
  return [...markdown, ...packs.flatMap((pack) => pack.claims.flatMap(({ claim }) => Object.values(claim.examples ?? {}).flat()))].join('\n\n');
}

// Why each document is not checked, as last said: said once per reason, so that an empty
// Problems view for a document is explained.
const skipSaid = new Map<string, string | undefined>();

/** The last line the editor shows of each document (VISIBLE_RANGE_NOTIFICATION). */
const lastVisibleLine = new Map<string, number>();

/** Where the part of a document on screen ends: as the editor said, or the first screen. */
function visibleEnd(document: TextDocument): number {
  const shown = lastVisibleLine.get(document.uri);
  if (shown !== undefined) return document.offsetAt({ line: shown + 1, character: 0 });
  return Math.min(document.offsetAt({ line: FIRST_SCREEN_LINES, character: 0 }), FIRST_SCREEN_CHARS);
}

/** A check in steps: the analysis, then the review's per-block work (see lsp/checks.ts). */
function* checkSteps(document: TextDocument): Generator<void, Draft, void> {
  // The document's line offsets, which every range needs: one scan of the text at open, kept
  // up to date by each change after; done now, beside the reading of the opened text.
  document.positionAt(0);
  const draft = yield* drafts.updateSteps(document);
  yield* workflow.reviewSteps(draft, packs);
  return draft;
}

/** The version of each document whose part on screen was published before the whole. */
const shownFirst = new Map<string, number>();

/**
 * A check that analyses the draft ahead of all analysed before (a draft opened, or a keystroke
 * that overtook a check still under way and goes on with what it left), or one that a slice
 * did not finish, publishes the part on screen as soon as the analysis has passed it (unless
 * that is the whole draft), and the whole draft at the end, both for the same version: the
 * first diagnostics wait for nothing the reporter cannot see.
 */
function publishPartOnScreen(document: TextDocument, sliceOver: boolean): boolean {
  if (!sliceOver && !drafts.analysesAhead(document.uri)) return false;
  if (shownFirst.get(document.uri) === document.version) return false;
  const onScreen = drafts.partial(document, visibleEnd(document));
  if (!onScreen) return false;
  shownFirst.set(document.uri, document.version);
  publish(onScreen, true);
  return true;
}

/** A draft has been checked: the warm-up's sample draft is no longer needed. */
let checkedOnce = false;

const checks = new CheckScheduler(
  checkSteps,
  (draft) =>
    guard(`checking ${draft.document.uri}`, undefined, () => {
      checkedOnce = true;
      const { uri } = draft.document;
      if (draft.skipReason && draft.skipReason !== skipSaid.get(uri)) connection.console.info(`claim-lens: not checking ${uri}: ${draft.skipReason}`);
      skipSaid.set(uri, draft.skipReason);
      shownFirst.delete(uri);
      publish(draft);
    }),
  (document, error) => {
    firstDiagnosticsOut();
    guard(`checking ${document.uri}`, undefined, () => {
      throw error;
    });
  },
  (document, sliceOver) => guard(`checking ${document.uri}`, false, () => publishPartOnScreen(document, sliceOver)),
);

function check(document: TextDocument): void {
  checks.check(document);
}

function recheckAll(): void {
  drafts.reset();
  for (const document of documents.all()) check(document);
  // Colours may have changed with the settings (claimLens.highlightMarkdown, claimLens.enable).
  if (canRefreshTokens) void connection.languages.semanticTokens.refresh();
}

/** The draft of a request's document, once its check (if one is running) has finished. */
async function settledDraft(uri: string): Promise<Draft | undefined> {
  await checks.settled(uri);
  return drafts.get(uri);
}

async function pullSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    const [value] = await connection.workspace.getConfiguration([{ section: 'claimLens' }]);
    workspacePacks.configure(value);
    const next = readSettings(value);
    // (Compared as values: the defaults read from the client list their keys in another order,
    // and a check of the draft opened at start began again from nothing.)
    if (!deepEqual(next, settings)) {
      settings = next;
      recheckAll();
    }
  } catch (error) {
    connection.console.warn(`claim-lens: could not read settings, using defaults: ${String(error)}`);
  }
}

connection.onInitialize((params): InitializeResult => {
  initializeReceived = true;
  canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
  canVersionEdits = Boolean(params.capabilities.workspace?.workspaceEdit?.documentChanges);
  canRefreshTokens = Boolean(params.capabilities.workspace?.semanticTokens?.refreshSupport);
  packs = [bundledPack()];
  workspacePacks.initialize(params);
  // Warm up while nothing else is to be done (after this answer, before the first draft
  // arrives): the tagger's model, the sources' quotations, the code a check runs.
  checks.whenIdle(workflow.warmUpSteps(warmUpText(packs), packs, () => !checkedOnce), (error) => guard('warming up', undefined, () => {
    throw error;
  }));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
    },
    serverInfo: { name: 'claim-lens', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    // (A client may refuse the registration: settings are then read at start only.)
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'claimLens' }).catch((error: unknown) => {
      connection.console.error(`claim-lens: registering for settings changes failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    void pullSettings().finally(() => whenFirstDiagnosticsOut(() => workspacePacks.start(packs)));
  } else whenFirstDiagnosticsOut(() => workspacePacks.start(packs));
});

connection.onDidChangeConfiguration((change) => {
  if (canPullConfiguration) void pullSettings();
  else {
    settings = readSettings((change.settings as { claimLens?: unknown } | null)?.claimLens);
    workspacePacks.configure((change.settings as { claimLens?: unknown } | null)?.claimLens);
    recheckAll();
  }
});

documents.onDidChangeContent((event) => check(event.document));
connection.onNotification(VISIBLE_RANGE_NOTIFICATION, (params: VisibleRangeParams) => {
  if (typeof params?.uri === 'string' && Number.isSafeInteger(params.lastLine) && params.lastLine >= 0) lastVisibleLine.set(params.uri, params.lastLine);
});

documents.onDidClose((event) => {
  checks.cancel(event.document.uri);
  if (!checks.checking) firstDiagnosticsOut();
  lastVisibleLine.delete(event.document.uri);
  shownFirst.delete(event.document.uri);
  skipSaid.delete(event.document.uri);
  drafts.close(event.document.uri);
  workflow.forget(event.document.uri);
  connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onHover(async (params) => {
  const draft = await settledDraft(params.textDocument?.uri);
  return guard(`hover at ${requestPlace(params.textDocument?.uri, params.position)}`, null, () =>
    draft ? workflow.hover(draft, packs, params.position, hoverFor(workflow.visible(draft, workflow.review(draft, packs)), packs, params.position)) : null,
  );
});

connection.languages.semanticTokens.on(async (params) => {
  const draft = await settledDraft(params.textDocument?.uri);
  return guard(`semantic tokens of ${params.textDocument?.uri}`, { data: [] }, () => (draft ? semanticTokensFor(draft, settings) : { data: [] }));
});

connection.onCodeAction(async (params) => {
  const draft = await settledDraft(params.textDocument?.uri);
  return guard(`code actions at ${requestPlace(params.textDocument?.uri, params.range?.start)}`, [], () =>
    draft ? [...codeActionsFor(workflow.visible(draft, workflow.review(draft, packs)), packs, settings, params, canVersionEdits), ...workflow.codeActions(draft, packs, params, canVersionEdits)] : [],
  );
});

connection.onRequest<ReportResult, void>(REPORT_REQUEST, async (params: ReportParams, token: CancellationToken): Promise<ReportResult | ResponseError> => {
  const draft = await settledDraft(params?.uri);
  // One turn of the event loop first: a cancellation already on its way (sent right after the
  // request, as a client does when the draft changes again) is read before the report is built.
  await new Promise((resolve) => setImmediate(resolve));
  // A report the client no longer wants (the draft changed again, the panel closed) is not built.
  if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'the report request was cancelled');
  return guard('attribution report', { error: 'the report failed; see the Claim Lens output' }, () => {
    if (!draft) return { error: `${params.uri} is not open in the editor` };
    return workflow.report(draft, packs, decodeURIComponent(params.uri.replace(/^.*\//, '')), params.since);
  });
});

documents.listen(connection);
connection.listen();

import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from './engine/analysis/document';
import type { CompiledPack } from './engine/pack/compile';
import { bundledPack } from './host/bundled';
import { codeActionsFor } from './lsp/codeActions';
import { diagnosticsFor } from './lsp/diagnostics';
import { DraftStore, type Draft } from './lsp/drafts';
import { hoverFor } from './lsp/hover';
import { readSettings } from './lsp/settings';
import { DEFAULT_SETTINGS, STATUS_NOTIFICATION, type ClaimLensSettings, type StatusParams } from './protocol';

// The Claim Lens language server: maps LSP events onto the engine. Runs over stdio
// (`node server/out/server.js --stdio`) or node-ipc (from the VS Code client).

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let settings: ClaimLensSettings = DEFAULT_SETTINGS;
let packs: CompiledPack[] = [];
let canPullConfiguration = false;

const drafts = new DraftStore(() => packs, () => settings);

function guard<T>(what: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    connection.console.error(`claim-lens: ${what} failed: ${detail}`);
    return fallback;
  }
}

function publish(draft: Draft): void {
  const diagnostics = diagnosticsFor(draft, packs, settings);
  connection.sendDiagnostics({ uri: draft.document.uri, version: draft.document.version, diagnostics });
  const status: StatusParams = {
    uri: draft.document.uri,
    version: draft.document.version,
    unattributed: diagnostics.filter((d) => d.severity === 1 || d.severity === 2).length,
    vague: diagnostics.filter((d) => d.severity === 3 && d.code !== 'draft-too-large').length,
    recognised: new Set(draft.snapshot.findings.map((f) => f.claimId)).size,
  };
  void connection.sendNotification(STATUS_NOTIFICATION, status);
}

function check(document: TextDocument): void {
  guard(`checking ${document.uri}`, undefined, () => publish(drafts.update(document)));
}

function recheckAll(): void {
  drafts.reset();
  for (const document of documents.all()) check(document);
}

async function pullSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    const [value] = await connection.workspace.getConfiguration([{ section: 'claimLens' }]);
    const next = readSettings(value);
    if (JSON.stringify(next) !== JSON.stringify(settings)) {
      settings = next;
      recheckAll();
    }
  } catch (error) {
    connection.console.warn(`claim-lens: could not read settings, using defaults: ${String(error)}`);
  }
}

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
  packs = [bundledPack()];
  // Warm the engine so that the first real draft does not pay for JIT compilation.
  analyzeText('Two drones attacked the Kremlin overnight, the Kremlin said. Nobody was hurt.', packs);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'claim-lens', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'claimLens' });
    void pullSettings();
  }
});

connection.onDidChangeConfiguration((change) => {
  if (canPullConfiguration) void pullSettings();
  else {
    settings = readSettings((change.settings as { claimLens?: unknown } | null)?.claimLens);
    recheckAll();
  }
});

documents.onDidChangeContent((event) => check(event.document));
documents.onDidClose((event) => {
  drafts.close(event.document.uri);
  connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onHover((params) =>
  guard('hover', null, () => {
    const draft = drafts.get(params.textDocument.uri);
    return draft ? hoverFor(draft, packs, params.position) : null;
  }),
);

connection.onCodeAction((params) =>
  guard('code actions', [], () => {
    const draft = drafts.get(params.textDocument.uri);
    return draft ? codeActionsFor(draft, packs, settings, params) : [];
  }),
);

documents.listen(connection);
connection.listen();

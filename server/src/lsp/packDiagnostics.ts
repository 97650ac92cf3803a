import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  type Connection,
  type Diagnostic,
  type Disposable,
  type FileSystemWatcher,
  type InitializeParams,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import type { CompiledPack, PatternOwner } from '../engine/pack/compile';
import type { PackProblem } from '../engine/pack/load';
import type { ClaimPack } from '../engine/pack/types';
import { DEFAULT_PACK_SETTINGS, PackRegistry, readPackSettings, watchedLocations, type PackFileReport, type PackSettings } from '../host/packRegistry';
import { watchWorkBudget } from '../host/workBudget';
import { WORKSPACE_TRUSTED_NOTIFICATION, type ClaimLensInitializationOptions } from '../protocol';

// Workspace claim packs in the language server: which packs are in force, reloading them
// when a pack file, its sources or the settings change (workspace/didChangeWatchedFiles,
// registered from here), and every problem in a pack as a diagnostic on the pack file and a
// line in the log. A broken pack is skipped; the others keep working.

export const PACK_DIAGNOSTIC_SOURCE = 'claim-lens pack';
const RELOAD_DELAY_MS = 100;

export function packProblemDiagnostic(problem: PackProblem): Diagnostic {
  // A problem on a long value (a whole claim) is marked on its first line only.
  const end = problem.endLine === problem.line ? { line: problem.endLine, character: problem.endColumn } : { line: problem.line + 1, character: 0 };
  return {
    range: { start: { line: problem.line, character: problem.column }, end },
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: PACK_DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
}

function folderPaths(folders: readonly WorkspaceFolder[]): string[] {
  return folders.flatMap((folder) => (folder.uri.startsWith('file:') ? [fileURLToPath(folder.uri)] : []));
}

export class WorkspacePacks {
  private readonly registry: PackRegistry;
  private folders: string[] = [];
  private settings: PackSettings = DEFAULT_PACK_SETTINGS;
  private trusted = true;
  private canWatch = false;
  private relativePatterns = false;
  private foldersChange = false;
  private started = false;
  private generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private published = new Set<string>();
  private files: PackFileReport[] = [];
  /** Problems found while matching (a pack that exhausts the work budget), kept while that very pack is loaded. */
  private readonly matchingProblems = new Map<ClaimPack, PackProblem[]>();
  private current: CompiledPack[] = [];
  private watching: { key: string; registration?: Promise<Disposable | undefined> } = { key: '' };

  constructor(
    private readonly connection: Connection,
    bundled: () => CompiledPack,
    /** Called with the packs in force after every reload. */
    private readonly onChange: (packs: CompiledPack[]) => void,
  ) {
    this.registry = new PackRegistry(bundled);
    watchWorkBudget((owner, message) => this.matchingProblem(owner, message));
    connection.onDidChangeWatchedFiles(() => this.scheduleReload());
    connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
      this.trusted = true;
      this.scheduleReload();
    });
  }

  /** From the initialize request: workspace folders, trust and what the client can watch. */
  initialize(params: InitializeParams): void {
    const options = (params.initializationOptions ?? {}) as ClaimLensInitializationOptions;
    this.trusted = options.workspaceTrusted !== false;
    if (params.workspaceFolders) this.folders = folderPaths(params.workspaceFolders);
    else if (params.rootUri) this.folders = folderPaths([{ uri: params.rootUri, name: 'root' }]);
    const watched = params.capabilities.workspace?.didChangeWatchedFiles;
    this.canWatch = Boolean(watched?.dynamicRegistration);
    this.relativePatterns = Boolean(watched?.relativePatternSupport);
    this.foldersChange = Boolean(params.capabilities.workspace?.workspaceFolders);
  }

  /** After `initialized`: the first load. Settings that arrive later reload when they differ. */
  start(initial: CompiledPack[]): void {
    this.current = initial;
    this.started = true;
    if (!this.canWatch) this.connection.console.log('claim-lens: this editor cannot watch files; pack changes apply when the settings change or the server restarts');
    if (this.foldersChange) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(folderPaths(event.removed));
        this.folders = [...this.folders.filter((folder) => !removed.has(folder)), ...folderPaths(event.added)];
        this.scheduleReload();
      });
    }
    void this.reload();
  }

  /** The `claimLens` settings section, whole. */
  configure(raw: unknown): void {
    const next = readPackSettings(raw);
    if (JSON.stringify(next) === JSON.stringify(this.settings)) return;
    this.settings = next;
    if (this.started) this.scheduleReload();
  }

  private scheduleReload(): void {
    if (!this.started) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), RELOAD_DELAY_MS);
  }

  async reload(): Promise<void> {
    const generation = ++this.generation;
    try {
      const set = await this.registry.load({ folders: this.folders, settings: this.settings, trusted: this.trusted });
      // A newer reload started while this one read the disk: its result wins.
      if (generation !== this.generation) return;
      if (set.notice) this.connection.console.log(`claim-lens: ${set.notice}`);
      this.report(set.files);
      this.watch(set.files);
      const names = set.packs.map((pack) => pack.pack.id).join(', ') || 'none';
      this.connection.console.log(`claim-lens: claim packs in use: ${names}`);
      const changed = set.packs.length !== this.current.length || set.packs.some((pack, i) => pack !== this.current[i]);
      this.current = set.packs;
      if (changed) this.onChange(set.packs);
    } catch (error) {
      this.connection.console.error(`claim-lens: loading claim packs failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  /** A loaded pack used up a sentence's work budget: said once in the log and as a warning on its pack file. */
  private matchingProblem(owner: PatternOwner, message: string): void {
    const at = this.registry.locatorOf(owner.pack);
    if (!at) {
      this.connection.console.warn(`claim-lens: pack "${owner.pack.id}": ${message}`);
      return;
    }
    const problem = at.locate(owner.path, message, 'warning');
    this.connection.console.warn(`claim-lens: ${at.file}:${problem.line + 1}:${problem.column + 1}: warning: ${message}`);
    this.matchingProblems.set(owner.pack, [...(this.matchingProblems.get(owner.pack) ?? []), problem]);
    this.report(this.files, false);
  }

  private report(files: PackFileReport[], log = true): void {
    this.files = files;
    const whileMatching = new Map<string, PackProblem[]>();
    for (const [pack, problems] of this.matchingProblems) {
      const file = this.registry.locatorOf(pack)?.file;
      if (file) whileMatching.set(file, problems);
      else this.matchingProblems.delete(pack);
    }
    const now = new Set<string>();
    for (const { file, problems: loadProblems } of files) {
      const uri = pathToFileURL(file).href;
      if (log) {
        for (const problem of loadProblems) {
          this.connection.console.log(`claim-lens: ${file}:${problem.line + 1}:${problem.column + 1}: ${problem.severity}: ${problem.message}`);
        }
      }
      const problems = [...loadProblems, ...(whileMatching.get(file) ?? [])];
      if (problems.length) {
        now.add(uri);
        void this.connection.sendDiagnostics({ uri, diagnostics: problems.map(packProblemDiagnostic) });
      }
    }
    for (const uri of this.published) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published = now;
  }

  private watch(files: PackFileReport[]): void {
    if (!this.canWatch) return;
    const watchers: FileSystemWatcher[] = watchedLocations(this.folders, this.settings, files).map(({ base, pattern }) => ({
      globPattern: this.relativePatterns ? { baseUri: pathToFileURL(base).href, pattern } : `${base.replace(/\\/g, '/')}/${pattern}`,
    }));
    const key = JSON.stringify(watchers);
    if (key === this.watching.key) return;
    const previous = this.watching.registration;
    // (A client may refuse the registration: the packs are then read again only on request.)
    const registration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((error: unknown) => {
      this.connection.console.error(`claim-lens: watching pack files failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    this.watching = { key, registration };
    void previous?.then((old) => old?.dispose());
  }
}

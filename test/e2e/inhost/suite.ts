import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

// In-host checks with the real `vscode` API, loaded as `extensionTestsPath` by code-server
// (test/e2e/inhost.test.ts) or by @vscode/test-electron. The extension host's exit code does
// not tell whether tests failed inside code-server, so every check is written to the JSON file
// named by CLAIM_LENS_INHOST_RESULT, and run() also rejects when a check failed.
//
// The workspace holds test/e2e/fixtures: draft.md and notes.txt, each with one unattributed claim.

const EXTENSION_ID = 'claim-lens.claim-lens';
const CLAIM = 'kremlin-drone-attack';
const SENTENCE = 'Two drones attacked the Kremlin overnight.';
const FIXED = 'Two drones attacked the Kremlin overnight, the Kremlin said.';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

// The client may hold back the problems of an edited sentence for claimLens.revealDelay (1.5 s):
// "cleared" counts only when it stays so for longer than that.
const SETTLED_MS = 3_000;

async function waitForSteady(what: string, probe: () => boolean, timeoutMs = 30_000): Promise<void> {
  let heldSince: number | undefined;
  await waitFor(`${what} (for ${SETTLED_MS} ms)`, () => {
    if (!probe()) heldSince = undefined;
    else if ((heldSince ??= Date.now()) + SETTLED_MS <= Date.now()) return true;
    return undefined;
  }, timeoutMs);
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'claim-lens');
const codeOf = (diagnostic: vscode.Diagnostic) => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code));
const warningsFor = (uri: vscode.Uri) => ours(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Warning && codeOf(d) === CLAIM);
const hoverText = (hover: vscode.Hover) =>
  hover.contents.map((part) => (typeof part === 'string' ? part : 'value' in part ? part.value : '')).join('\n');

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function setLanguages(languages: string[] | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('claimLens').update('languages', languages, vscode.ConfigurationTarget.Workspace);
}

export async function run(): Promise<void> {
  const checks: Check[] = [];
  const resultFile = process.env.CLAIM_LENS_INHOST_RESULT;
  const check = async (name: string, body: () => Promise<string>) => {
    try {
      checks.push({ name, ok: true, detail: await body() });
    } catch (error) {
      checks.push({ name, ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  };

  const draft = workspaceFile('draft.md');
  const notes = workspaceFile('notes.txt');

  await check('extension activates on a Markdown draft', async () => {
    const document = await vscode.workspace.openTextDocument(draft);
    await vscode.window.showTextDocument(document);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
    // isActive turns true even when activate() threw; activate() rethrows that error.
    await waitFor('activation', () => (extension.isActive ? true : undefined));
    await extension.activate();
    return `${EXTENSION_ID} active, language ${document.languageId}`;
  });

  await check('languages.getDiagnostics: a warning with the claim id on the unattributed sentence', async () => {
    const [warning] = await waitFor('a claim-lens warning on draft.md', () => {
      const found = warningsFor(draft);
      return found.length ? found : undefined;
    });
    const document = await vscode.workspace.openTextDocument(draft);
    const flagged = document.getText(warning.range);
    if (flagged !== SENTENCE) throw new Error(`warning covers ${JSON.stringify(flagged)}`);
    return `${codeOf(warning)} at line ${warning.range.start.line + 1}: ${warning.message}`;
  });

  await check('vscode.executeHoverProvider: the card names the claimant and quotes a shipped source', async () => {
    const document = await vscode.workspace.openTextDocument(draft);
    const position = document.positionAt(document.getText().indexOf(SENTENCE) + 4);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draft, position);
    const card = hovers.map(hoverText).find((text) => text.includes(CLAIM));
    if (!card) throw new Error(`no claim card among ${hovers.length} hovers`);
    if (!/Claimed by[^\n]*Kremlin/.test(card)) throw new Error(`card does not name the Kremlin as claimant:\n${card}`);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const sourcesDir = join(extension.extensionPath, 'server', 'sources');
    const sources = readdirSync(sourcesDir).map((name) => readFileSync(join(sourcesDir, name), 'utf8')).join('\n');
    // An excerpt cut to fit the card ends in “…”: what comes before it is still verbatim.
    const excerpts = [...card.matchAll(/“([^”]{20,})”/g)].map((match) => match[1].replace(/\\(.)/g, '$1').replace(/…$/, ''));
    const verbatim = excerpts.filter((excerpt) => sources.includes(excerpt));
    if (!verbatim.length) throw new Error(`no excerpt in the card is found verbatim in ${sourcesDir}; excerpts: ${JSON.stringify(excerpts)}`);
    return `${verbatim.length} verbatim excerpts, e.g. “${verbatim[0]}”`;
  });

  let attribution: vscode.CodeAction | undefined;
  await check('vscode.executeCodeActionProvider: the preferred quick fix attributes the claim to the Kremlin', async () => {
    const [warning] = warningsFor(draft);
    if (!warning) throw new Error('no warning to fix');
    // (Asked again for a while: on a freshly installed code-server under load, the first answer
    // once came back empty although the warning was already shown.)
    let titles: string[] = [];
    try {
      attribution = await waitFor('a preferred attribution fix', async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', draft, warning.range, vscode.CodeActionKind.QuickFix.value);
        titles = actions.map((action) => action.title);
        return actions.find((action) => action.isPreferred && action.title.includes('the Kremlin said') && action.edit);
      }, 10_000);
    } catch {
      throw new Error(`no preferred attribution fix among ${JSON.stringify(titles)}`);
    }
    return attribution.title;
  });

  await check('workspace.applyEdit: the fix rewrites the sentence and clears its warning', async () => {
    if (!attribution?.edit) throw new Error('no fix to apply');
    if (!(await vscode.workspace.applyEdit(attribution.edit))) throw new Error('applyEdit returned false');
    const document = await vscode.workspace.openTextDocument(draft);
    if (!document.getText().includes(FIXED)) throw new Error(`draft reads ${JSON.stringify(document.getText())}`);
    await waitForSteady('the warning to clear', () => warningsFor(draft).length === 0);
    return `draft now reads “${FIXED}”; no ${CLAIM} warning`;
  });

  await check('settings: dropping plaintext from claimLens.languages clears a text file, adding it back re-checks it', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
    await waitFor('a warning on notes.txt', () => (warningsFor(notes).length ? true : undefined));
    await setLanguages(['markdown', 'news-draft']);
    await waitForSteady('notes.txt to be cleared', () => ours(notes).length === 0);
    await setLanguages(undefined);
    await waitFor('notes.txt to be checked again', () => (warningsFor(notes).length ? true : undefined));
    return 'cleared when plaintext was dropped; warned again when the setting was removed';
  });

  const failed = checks.filter((c) => !c.ok);
  if (resultFile) writeFileSync(resultFile, JSON.stringify({ passed: checks.length - failed.length, failed: failed.length, checks }, null, 2));
  for (const c of checks) console.log(`${c.ok ? 'ok' : 'FAILED'} - ${c.name}: ${c.detail}`);
  if (failed.length) throw new Error(`${failed.length} of ${checks.length} in-host checks failed`);
}

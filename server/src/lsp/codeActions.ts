import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/analysis/block';
import { recheckSentence } from '../engine/analysis/document';
import type { CompiledPack } from '../engine/pack/compile';
import { claimProblems, problemFixes, type FixContext } from '../engine/workflow/problems';
import type { ClaimLensSettings } from '../protocol';
import { DIAGNOSTIC_SOURCE, severityOptions } from './diagnostics';
import type { Draft } from './drafts';
import { toRange, toSpan, touches } from './positions';

// textDocument/codeAction: attribution fixes for the flagged sentences in the range, each
// distinct edit once (with every diagnostic it clears).

/**
 * Edits to one document. `versioned` (the client declared workspaceEdit.documentChanges): as a
 * TextDocumentEdit naming the version the offsets are for, so that a client applying it late,
 * after more typing, refuses it instead of writing at stale offsets.
 */
export function documentEdit(document: TextDocument, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  return versioned ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] } : { changes: { [document.uri]: edits } };
}

export function codeActionsFor(draft: Draft, packs: readonly CompiledPack[], settings: ClaimLensSettings, params: CodeActionParams, versioned = false): CodeAction[] {
  if (!draft.checked) return [];
  if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind) || kind.startsWith(CodeActionKind.QuickFix))) return [];
  const { document, snapshot } = draft;
  const range = toSpan(document, params.range);
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  const options = severityOptions(settings);
  const actions: CodeAction[] = [];
  const text = document.getText();

  const context: FixContext = {
    text,
    findings: snapshot.findings,
    recheck: (finding: Finding) => (replacement, span = finding.sentence) => recheckSentence(snapshot, packs, draft.syntax, span, replacement),
  };
  // One action per distinct edit: a fix that serves several claims of a sentence is offered once, for all of them.
  const byEdit = new Map<string, CodeAction>();
  for (const problem of claimProblems(snapshot.findings, packs, options)) {
    if (!touches(problem.span, range)) continue;
    let diagnostics: Diagnostic[] = [];
    if (ours.length) {
      diagnostics = ours.filter((d) => String(d.code) === problem.code && touches(toSpan(document, d.range), problem.span));
      if (!diagnostics.length) continue;
    }
    for (const fix of problemFixes(problem, packs, context)) {
      const key = JSON.stringify(fix.edits);
      const same = byEdit.get(key);
      if (same) {
        same.diagnostics = [...(same.diagnostics ?? []), ...diagnostics.filter((d) => !same.diagnostics?.includes(d))];
        same.isPreferred ||= fix.preferred;
        continue;
      }
      const action: CodeAction = {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        isPreferred: fix.preferred,
        edit: documentEdit(document, fix.edits.map((edit) => ({ range: toRange(document, edit), newText: edit.newText })), versioned),
      };
      byEdit.set(key, action);
      actions.push(action);
    }
  }
  return actions;
}

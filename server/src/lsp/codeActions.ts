import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/analysis/block';
import { recheckSentence } from '../engine/analysis/document';
import type { CompiledPack } from '../engine/pack/compile';
import { fixesFor } from '../engine/fixes/fixes';
import { severityOf } from '../engine/report/messages';
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

  const claimOf = (finding: Finding) => packs.find((p) => p.pack.id === finding.packId)?.claimById.get(finding.claimId)?.claim;
  // One action per distinct edit: a fix that serves several claims of a sentence is offered once, for all of them.
  const byEdit = new Map<string, CodeAction>();
  for (const finding of snapshot.findings) {
    if (!touches(finding.sentence, range)) continue;
    const pack = packs.find((p) => p.pack.id === finding.packId);
    if (!pack) continue;
    const claim = pack.claimById.get(finding.claimId)!.claim;
    if (!severityOf(finding, claim, options) || finding.framing === 'attributed' || finding.framing === 'reported') continue;
    let diagnostics: Diagnostic[] = [];
    if (ours.length) {
      diagnostics = ours.filter((d) => String(d.code) === finding.claimId && touches(toSpan(document, d.range), finding.sentence));
      if (!diagnostics.length) continue;
    }
    const recheck = (replacement: string, span = finding.sentence) => recheckSentence(snapshot, packs, draft.syntax, span, replacement);
    const sentence = { findings: snapshot.findings.filter((f) => f.sentence.start === finding.sentence.start), claimOf };
    for (const fix of fixesFor(finding, claim, text, recheck, sentence)) {
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

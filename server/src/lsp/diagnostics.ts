import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../engine/analysis/block';
import { failedBlocks } from '../engine/analysis/document';
import type { CompiledPack } from '../engine/pack/compile';
import type { Severity, SeverityOptions } from '../engine/report/messages';
import { claimProblems, type Problem } from '../engine/workflow/problems';
import type { ClaimLensSettings } from '../protocol';
import type { Draft } from './drafts';
import { toRange } from './positions';

// Problems (engine/workflow/problems.ts) to LSP diagnostics: a claim's, one per sentence and
// claim, code = the claim id; a note's, code = the note's code.

export const DIAGNOSTIC_SOURCE = 'claim-lens';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function packOf(packs: readonly CompiledPack[], finding: Finding): CompiledPack | undefined {
  return packs.find((pack) => pack.pack.id === finding.packId);
}

/** A problem as a diagnostic. */
export function diagnosticOf(draft: Draft, problem: Problem): Diagnostic {
  return {
    range: toRange(draft.document, problem.span),
    severity: SEVERITY[problem.severity],
    code: problem.code,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
}

export function severityOptions(settings: ClaimLensSettings): SeverityOptions {
  return { showAttributed: settings.showAttributed, byStatus: settings.severity };
}

/**
 * What the Problems panel shows, and no more: the sources of a claim (each outlet, its line
 * and excerpt, linked) are on the hover card, not repeated on every diagnostic of a publish
 * (they were half of a publish's bytes: 59 KB of 100 diagnostics at 100,000 words, 31 KB without);
 * so is the attribution to write (“…, the Kremlin said.”), which the quick fix also offers
 * (31 KB → 27 KB).
 */
export function diagnosticsFor(draft: Draft, packs: readonly CompiledPack[], settings: ClaimLensSettings): Diagnostic[] {
  if (!draft.checked) return [];
  const { document, snapshot } = draft;
  const diagnostics = claimProblems(snapshot.findings, packs, severityOptions(settings), settings.maxProblems, { suggestion: false }).map((problem) => diagnosticOf(draft, problem));
  for (const failed of failedBlocks(snapshot)) {
    diagnostics.push({
      range: toRange(document, { start: failed.start, end: failed.start }),
      severity: DiagnosticSeverity.Information,
      code: 'paragraph-not-read',
      source: DIAGNOSTIC_SOURCE,
      message: failed.message,
    });
  }
  if (snapshot.skippedChars > 0) {
    const checked = document.getText().length - snapshot.skippedChars;
    diagnostics.push({
      range: toRange(document, { start: checked, end: checked }),
      severity: DiagnosticSeverity.Information,
      code: 'draft-too-large',
      source: DIAGNOSTIC_SOURCE,
      message: `Only the first ${checked.toLocaleString('en')} characters of this draft were checked (claimLens.maxDocumentSize).`,
    });
  }
  return diagnostics;
}

import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Finding } from '../engine/analysis/block';
import type { CompiledPack } from '../engine/pack/compile';
import type { Severity, SeverityOptions } from '../engine/report/messages';
import { claimProblems, type Problem } from '../engine/workflow/problems';
import { shortExcerpt, sourceLabel } from '../engine/report/sourceNames';
import type { ClaimLensSettings } from '../protocol';
import type { Draft } from './drafts';
import { toRange } from './positions';
import { sourceFileUri } from './sources';

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

/**
 * Related rows under a problem (in the Problems panel and the hover): one source text, named by
 * outlet; the hover card lists the others.
 */
const RELATED_SOURCES = 1;
const RELATED_EXCERPT = 70;

function relatedInformation(pack: CompiledPack, finding: Finding): DiagnosticRelatedInformation[] {
  const claim = pack.claimById.get(finding.claimId)!.claim;
  const related: DiagnosticRelatedInformation[] = [];
  const seen = new Set<string>();
  for (const excerpt of claim.excerpts) {
    const source = pack.pack.sources.find((s) => s.id === excerpt.source);
    if (!source?.file || seen.has(source.id)) continue;
    seen.add(source.id);
    related.push({
      location: {
        uri: sourceFileUri(source.file, pack),
        range: { start: { line: excerpt.line - 1, character: 0 }, end: { line: excerpt.line - 1, character: 0 } },
      },
      // The editor shows the file and line beside it.
      message: `${sourceLabel(source)}: “${shortExcerpt(excerpt.text, RELATED_EXCERPT)}”`,
    });
    if (related.length >= RELATED_SOURCES) break;
  }
  return related;
}

/** A problem as a diagnostic; `withSources`: a claim's with its first source excerpt (relatedInformation). */
export function diagnosticOf(draft: Draft, problem: Problem, withSources = false): Diagnostic {
  return {
    range: toRange(draft.document, problem.span),
    severity: SEVERITY[problem.severity],
    code: problem.code,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
    ...(withSources && problem.claim ? { relatedInformation: relatedInformation(problem.claim.pack, problem.claim.finding) } : {}),
  };
}

export function severityOptions(settings: ClaimLensSettings): SeverityOptions {
  return { showAttributed: settings.showAttributed, byStatus: settings.severity };
}

/**
 * `withSources`: whether to link each diagnostic to its source excerpts (relatedInformation),
 * which a client says it can show (`publishDiagnostics.relatedInformation`).
 */
export function diagnosticsFor(draft: Draft, packs: readonly CompiledPack[], settings: ClaimLensSettings, withSources = true): Diagnostic[] {
  if (!draft.checked) return [];
  const { document, snapshot } = draft;
  const diagnostics = claimProblems(snapshot.findings, packs, severityOptions(settings), settings.maxProblems).map((problem) => diagnosticOf(draft, problem, withSources));
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

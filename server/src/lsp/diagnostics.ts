import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Finding } from '../engine/analysis/block';
import type { CompiledPack } from '../engine/pack/compile';
import { messageOf, severityOf, type Severity, type SeverityOptions } from '../engine/report/messages';
import { shortExcerpt, sourceLabel } from '../engine/report/sourceNames';
import type { ClaimLensSettings } from '../protocol';
import type { Draft } from './drafts';
import { toRange } from './positions';
import { sourceFileUri } from './sources';

// Findings to LSP diagnostics: one per sentence and claim, code = the claim id.

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
  const diagnostics: Diagnostic[] = [];
  const options = severityOptions(settings);
  for (const finding of snapshot.findings) {
    const pack = packOf(packs, finding);
    if (!pack) continue;
    const claim = pack.claimById.get(finding.claimId)!.claim;
    const severity = severityOf(finding, claim, options);
    if (!severity) continue;
    diagnostics.push({
      range: toRange(document, finding.sentence),
      severity: SEVERITY[severity],
      code: finding.claimId,
      source: DIAGNOSTIC_SOURCE,
      message: messageOf(finding, pack),
      ...(withSources ? { relatedInformation: relatedInformation(pack, finding) } : {}),
    });
    if (diagnostics.length >= settings.maxProblems) break;
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

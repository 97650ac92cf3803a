import type { CharSpan, Finding } from '../analysis/block';
import { fixesFor, type Fix, type Recheck } from '../fixes/fixes';
import { quoteFixes } from '../fixes/quoteFixes';
import type { CompiledPack } from '../pack/compile';
import type { Claim } from '../pack/types';
import { messageOf, severityOf, type MessageOptions, type Severity, type SeverityOptions } from '../report/messages';
import { problemFindings, type DraftReview, type WorkflowNote } from './review';
import type { SourceQuotation } from './sourceQuotes';

// One problem type for everything a draft is told: a claim finding, a quotation note, a TK
// marker, a directive. The editor (lsp/diagnostics.ts, lsp/codeActions.ts, lsp/workflow.ts)
// and the command line (cli/check.ts) both take their problems from here (`draftProblems`,
// or its two halves) and their fixes from `problemFixes`; each only turns them into its own
// output (LSP diagnostics and code actions; text, JSON and SARIF). Hovers are not problems:
// a hover shows the card of any claim recognised, attributed or not (report/card.ts).

export interface Problem {
  /** The claim id, or the note's code ("tk", "quote-unsourced", …). */
  code: string;
  /** Document offsets: the sentence of a claim, the span of a note. */
  span: CharSpan;
  severity: Severity;
  message: string;
  /** A claim finding: the finding, and the pack and claim it is of. */
  claim?: { finding: Finding; pack: CompiledPack; claim: Claim };
  /** A workflow note (TK marker, quotation check, directive). */
  note?: WorkflowNote;
}

/** The claim problems of findings: those with a severity under `options`, at most `limit`, in order, their messages worded as `wording` says. */
export function claimProblems(findings: readonly Finding[], packs: readonly CompiledPack[], options: SeverityOptions, limit = Infinity, wording: MessageOptions = {}): Problem[] {
  const problems: Problem[] = [];
  for (const finding of findings) {
    if (problems.length >= limit) break;
    const pack = packs.find((p) => p.pack.id === finding.packId);
    const claim = pack?.claimById.get(finding.claimId)?.claim;
    if (!pack || !claim) continue;
    const severity = severityOf(finding, claim, options);
    if (!severity) continue;
    problems.push({ code: finding.claimId, span: finding.sentence, severity, message: messageOf(finding, pack, wording), claim: { finding, pack, claim } });
  }
  return problems;
}

/** The problems of a review's notes, in order. */
export function noteProblems(review: DraftReview | null): Problem[] {
  return (review?.notes ?? []).map((note) => ({ code: note.code, span: note.span, severity: note.severity, message: note.message, note }));
}

/**
 * Every problem of a checked draft: its claims (the findings the review leaves, see
 * problemFindings; without a review, every finding), at most `limit` of them, then its notes.
 */
export function draftProblems(
  review: DraftReview | null,
  findings: readonly Finding[],
  packs: readonly CompiledPack[],
  options: SeverityOptions,
  limit = Infinity,
): { claims: Problem[]; notes: Problem[] } {
  return { claims: claimProblems(review ? problemFindings(review) : findings, packs, options, limit), notes: noteProblems(review) };
}

export interface FixContext {
  /** The whole document. */
  text: string;
  /** The findings the problems were made from (a claim's fix serves every claim of its sentence). */
  findings: readonly Finding[];
  /** Re-analysis of a finding's sentence with a replacement (see recheckSentence). */
  recheck: (finding: Finding) => Recheck;
  /** The pack's source quotations, for quotation fixes (none without them). */
  quotationsOf?: (pack: CompiledPack) => readonly SourceQuotation[];
}

/**
 * The quick fixes of a problem, best first: a claim's attributions (an attributed or reported
 * claim has none), a quotation's verbatim wording or speaker; none for the other notes.
 */
export function problemFixes(problem: Problem, packs: readonly CompiledPack[], context: FixContext): Fix[] {
  if (problem.claim) {
    const { finding, claim } = problem.claim;
    if (finding.framing === 'attributed' || finding.framing === 'reported') return [];
    const claimOf = (f: Finding) => packs.find((p) => p.pack.id === f.packId)?.claimById.get(f.claimId)?.claim;
    const sentence = { findings: context.findings.filter((f) => f.sentence.start === finding.sentence.start), claimOf };
    return fixesFor(finding, claim, context.text, context.recheck(finding), sentence);
  }
  const note = problem.note;
  if (!note?.quote || !note.packId || (note.code !== 'quote-unsourced' && note.code !== 'quote-misattributed')) return [];
  const pack = packs.find((p) => p.pack.id === note.packId);
  if (!pack || !context.quotationsOf) return [];
  return quoteFixes({ text: context.text, check: note.quote, code: note.code, pack, catalogue: context.quotationsOf(pack) });
}

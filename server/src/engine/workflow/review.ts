import type { Finding } from '../analysis/block';
import { documentComments, type AnalysedBlock, type DraftSnapshot } from '../analysis/document';
import type { CompiledPack } from '../pack/compile';
import { labelOfFile } from '../report/sourceNames';
import type { PreparedDraft, CharSpan } from './newsDraft';
import { checkQuotations, sameSpeaker, type QuoteCheck } from './quoteCheck';
import type { Speaker } from './quotes';
import type { SourceQuotation } from './sourceQuotes';
import { optsOut, parseDirectives, Suppressions, type CommentLike, type Directive } from './suppressions';
import { findTkMarkers, tkMarkersOfBlock } from './tk';

// What a reporter and an editor see of a draft beyond the claim findings: TK markers,
// quotations that do not match the sources, and which findings the draft's own directives
// silence. Shared by the language server, the CLI and the attribution report.

export type NoteCode = 'tk' | 'quote-unsourced' | 'quote-misattributed' | 'suppression-unknown-code';

export const NOTE_CODES: readonly NoteCode[] = ['tk', 'quote-unsourced', 'quote-misattributed', 'suppression-unknown-code'];

export interface WorkflowNote {
  code: NoteCode;
  span: CharSpan;
  severity: 'information' | 'warning';
  message: string;
  /** Quote notes: the check, and the pack its speaker belongs to. */
  quote?: QuoteCheck;
  packId?: string;
}

export interface Silenced<T> {
  item: T;
  directive: Directive;
}

export interface DraftReview {
  /** `claim-lens: off` in front matter or header: nothing is reported. */
  optedOut: boolean;
  findings: Finding[];
  notes: WorkflowNote[];
  suppressedFindings: Array<Silenced<Finding>>;
  suppressedNotes: Array<Silenced<WorkflowNote>>;
  directives: Directive[];
  quoteChecks: QuoteCheck[];
}

export interface ReviewInput {
  /** The draft as written. */
  text: string;
  prepared: PreparedDraft;
  snapshot: DraftSnapshot;
  packs: readonly CompiledPack[];
  /** The source quotations of a pack (empty when its sources are not at hand). */
  quotationsOf: (pack: CompiledPack) => readonly SourceQuotation[];
}


// Quotations never cross a blank line, so a block's checks depend only on its own text and
// on the block before it (a pronoun's antecedent). Reused blocks keep their analysis
// object, so the checks are kept per analysis object, with block-relative offsets.
interface CachedChecks {
  previous: AnalysedBlock['result'] | undefined;
  /** The catalogue compared against; undefined when the block has no quotation marks. */
  catalogue: readonly SourceQuotation[] | undefined;
  checks: QuoteCheck[];
}
const QUOTE_MARK = /["“”«»]/;
const checksByBlock = new WeakMap<AnalysedBlock['result'], Map<string, CachedChecks>>();

const shiftSpan = (span: CharSpan, by: number): CharSpan => ({ start: span.start + by, end: span.end + by });

function shiftCheck(check: QuoteCheck, by: number): QuoteCheck {
  const { quotation } = check;
  return {
    ...check,
    quotation: { ...quotation, inner: shiftSpan(quotation.inner, by), outer: shiftSpan(quotation.outer, by), speaker: { ...quotation.speaker, span: shiftSpan(quotation.speaker.span, by) } },
  };
}

/** The quote checks of block `i`, block-relative; cached on its analysis. The source quotations are read only for a block with a quotation mark. */
function blockQuoteChecks(snapshot: DraftSnapshot, i: number, pack: CompiledPack, catalogueOf: () => readonly SourceQuotation[]): QuoteCheck[] {
  const entry = snapshot.blocks[i];
  const previous = snapshot.blocks[i - 1];
  let perPack = checksByBlock.get(entry.result);
  if (!perPack) checksByBlock.set(entry.result, (perPack = new Map()));
  const cached = perPack.get(pack.pack.id);
  // The block's text is the same as long as its analysis object is: its quotation marks too.
  if (cached && cached.previous === previous?.result && (!cached.catalogue || cached.catalogue === catalogueOf())) return cached.checks;
  if (!QUOTE_MARK.test(entry.block.text)) {
    perPack.set(pack.pack.id, { previous: previous?.result, catalogue: undefined, checks: [] });
    return [];
  }
  const catalogue = catalogueOf();
  // The previous block's text goes in front, at its offset relative to this one.
  const gap = previous ? entry.block.start - previous.block.end : 0;
  const prefix = previous ? previous.block.text + '\n'.repeat(Math.min(gap, 2)).padEnd(gap, ' ') : '';
  const sentences = [...(previous?.result.sentences ?? []).map((s) => s.span), ...entry.result.sentences.map((s) => shiftSpan(s.span, prefix.length))];
  const checks = checkQuotations(prefix + entry.block.text, sentences, pack, catalogue)
    .filter((check) => check.quotation.outer.start >= prefix.length)
    .map((check) => shiftCheck(check, -prefix.length));
  perPack.set(pack.pack.id, { previous: previous?.result, catalogue, checks });
  return checks;
}

/** Work done per step of a review: blocks looked at, findings placed against the directives. */
const REVIEW_ITEMS_PER_STEP = 512;

function* quoteChecksOf(snapshot: DraftSnapshot, pack: CompiledPack, catalogueOf: () => readonly SourceQuotation[]): Generator<void, QuoteCheck[], void> {
  const all: QuoteCheck[] = [];
  for (let i = 0; i < snapshot.blocks.length; i++) {
    for (const check of blockQuoteChecks(snapshot, i, pack, catalogueOf)) all.push(shiftCheck(check, snapshot.blocks[i].block.start));
    if (i % REVIEW_ITEMS_PER_STEP === REVIEW_ITEMS_PER_STEP - 1) yield;
  }
  return all;
}

/**
 * The review's work for each block (TK markers, quotation checks), one block per step, so
 * that a host can spread it over slices of time; `reviewDraft` then finds it done. Only
 * blocks not reviewed before cost anything.
 */
export function* reviewBlockSteps(input: Pick<ReviewInput, 'snapshot' | 'packs' | 'quotationsOf' | 'prepared'>): Generator<void, void, void> {
  const { snapshot, packs, prepared } = input;
  for (let i = 0; i < snapshot.blocks.length; i++) {
    tkMarkersOfBlock(snapshot.blocks[i], prepared.syntax);
    for (const pack of packs) blockQuoteChecks(snapshot, i, pack, () => input.quotationsOf(pack));
    yield;
  }
}

/**
 * The HTML comments of a plain-text draft, in one pass: each `<!--` runs to the first `-->`
 * after it, and one that never closes ends the search (no later one can close either).
 */
export function htmlComments(text: string): CommentLike[] {
  const comments: CommentLike[] = [];
  for (let open = text.indexOf('<!--'); open >= 0; ) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    comments.push({ start: open, end: close + 3, text: text.slice(open, close + 3) });
    open = text.indexOf('<!--', close + 3);
  }
  return comments;
}

function directiveComments(input: ReviewInput): CommentLike[] {
  const { prepared, snapshot, text } = input;
  const comments: CommentLike[] = prepared.notes.map((note) => ({ start: note.start, end: note.end, text: note.text }));
  if (prepared.syntax === 'markdown') comments.push(...documentComments(snapshot));
  else comments.push(...htmlComments(text));
  return comments;
}

export function speakerName(pack: CompiledPack, speaker: Speaker): string {
  return speaker.person ?? pack.parties.get(speaker.partyId)?.name ?? speaker.partyId;
}

function quoteNote(pack: CompiledPack, check: QuoteCheck): WorkflowNote | null {
  const said = speakerName(pack, check.quotation.speaker);
  const span = check.quotation.outer;
  if (check.verdict === 'misattributed') {
    const source = check.matches[0];
    const owner = speakerName(pack, source.speaker);
    const where = `${labelOfFile(pack.pack.sources, source.file)}, line ${source.pieces[0].line}`;
    return {
      code: 'quote-misattributed',
      span,
      severity: check.distinctive ? 'warning' : 'information',
      message: check.distinctive
        ? `Misattributed quotation: the sources give these words to ${owner}, not ${said} (${where}).`
        : `Check who said this: the sources have these words from ${owner}, not ${said} (${where}).`,
      quote: check,
      packId: pack.pack.id,
    };
  }
  if (check.verdict === 'unsourced') {
    const closest = check.closest.find((version) => sameSpeaker(check.quotation.speaker, version.quotation.speaker));
    const hint = closest ? ` Closest sourced wording: “${closest.text}” (${labelOfFile(pack.pack.sources, closest.quotation.file)}, line ${closest.line}).` : '';
    return {
      code: 'quote-unsourced',
      span,
      severity: 'information',
      message: `No source quotes ${said} with these words: quote a sourced wording verbatim or paraphrase without quotation marks.${hint}`,
      quote: check,
      packId: pack.pack.id,
    };
  }
  return null;
}

/**
 * The findings to show as problems: a claim misattributed through the speaker of a
 * quotation that the quote check already reports as misattributed is that note's problem,
 * with one fix naming the speaker the sources give (never two Warnings naming two speakers).
 */
export function problemFindings(review: DraftReview): Finding[] {
  const speakers = review.notes.filter((note) => note.code === 'quote-misattributed' && note.quote).map((note) => note.quote!.quotation.speaker.span);
  if (!speakers.length) return review.findings;
  return review.findings.filter(
    (finding) => finding.framing !== 'misattributed' || !finding.source || !speakers.some((span) => span.start < finding.source!.span.end && finding.source!.span.start < span.end),
  );
}

export function reviewDraft(input: ReviewInput): DraftReview {
  const steps = reviewSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `reviewDraft` in steps of a few hundred blocks or findings, for a host that spreads a long draft's review over slices of time. */
export function* reviewSteps(input: ReviewInput): Generator<void, DraftReview, void> {
  const { text, prepared, snapshot, packs } = input;
  const directives = parseDirectives(directiveComments(input));
  const empty: DraftReview = { optedOut: true, findings: [], notes: [], suppressedFindings: [], suppressedNotes: [], directives, quoteChecks: [] };
  if (optsOut(text, prepared.header)) return empty;

  const notes: WorkflowNote[] = [];
  for (const span of findTkMarkers(text, snapshot.blocks, prepared.syntax, prepared.header)) {
    notes.push({ code: 'tk', span, severity: 'information', message: `${text.slice(span.start, span.end)}: something is still to come here — fill it in before publication.` });
  }

  const quoteChecks: QuoteCheck[] = [];
  for (const pack of packs) {
    const checks = yield* quoteChecksOf(snapshot, pack, () => input.quotationsOf(pack));
    quoteChecks.push(...checks);
    for (const check of checks) {
      const note = quoteNote(pack, check);
      if (note) notes.push(note);
    }
  }

  const known = new Set<string>(NOTE_CODES);
  for (const pack of packs) for (const id of pack.claimById.keys()) known.add(id);
  for (const directive of directives) {
    const unknown = directive.codes.filter((code) => !known.has(code));
    if (unknown.length) {
      notes.push({
        code: 'suppression-unknown-code',
        span: directive.span,
        severity: 'information',
        message: `Unknown code${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `“${c}”`).join(', ')} in a claim-lens directive: name a claim id (as in the diagnostic) or ${NOTE_CODES.slice(0, 3).join(', ')}.`,
      });
    }
  }
  notes.sort((a, b) => a.span.start - b.span.start);

  const suppressions = new Suppressions(text, directives);
  const review: DraftReview = { ...empty, optedOut: false, quoteChecks };
  for (let i = 0; i < snapshot.findings.length; i++) {
    const finding = snapshot.findings[i];
    const directive = suppressions.silencing(finding.claimId, finding.sentence);
    if (directive) review.suppressedFindings.push({ item: finding, directive });
    else review.findings.push(finding);
    if (i % REVIEW_ITEMS_PER_STEP === REVIEW_ITEMS_PER_STEP - 1) yield;
  }
  for (const note of notes) {
    const directive = note.code === 'suppression-unknown-code' ? undefined : suppressions.silencing(note.code, note.span);
    if (directive) review.suppressedNotes.push({ item: note, directive });
    else review.notes.push(note);
  }
  return review;
}

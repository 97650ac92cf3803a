import type { Finding } from '../analysis/block';
import type { AnalysedBlock, DraftSnapshot, SnapshotChange } from '../analysis/document';
import type { CompiledPack } from '../pack/compile';
import { labelOfFile } from '../report/sourceNames';
import type { BlockComment, DraftSyntax } from '../text/prose';
import type { PreparedDraft, CharSpan } from './newsDraft';
import { checkQuotations, sameSpeaker, type QuoteCheck } from './quoteCheck';
import type { Speaker } from './quotes';
import type { SourceQuotation } from './sourceQuotes';
import { optsOut, parseDirectives, Suppressions, type CommentLike, type Directive } from './suppressions';
import { tkMarkersOfBlock, withHeaderTkMarkers } from './tk';

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
  /**
   * The draft as written. Read only when the draft needs it (a news draft's header, front
   * matter, directives, a plain draft's HTML comments): a host may give it as a getter, so
   * that a keystroke in a long draft does not build the whole string.
   */
  readonly text: string;
  prepared: PreparedDraft;
  snapshot: DraftSnapshot;
  packs: readonly CompiledPack[];
  /** The source quotations of a pack (empty when its sources are not at hand). */
  quotationsOf: (pack: CompiledPack) => readonly SourceQuotation[];
  /**
   * The review of an earlier snapshot of the same draft, with the same packs: when this
   * snapshot says what it kept of that one (`snapshot.change`), the per-block work of the kept
   * blocks is taken from it, moved by the edit, and only the blocks between are looked at.
   */
  before?: { snapshot: DraftSnapshot; review: DraftReview };
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

/** The quote checks of block `i`, block-relative; cached on its analysis (`fresh`: worked out now). The source quotations are read only for a block with a quotation mark. */
function blockQuoteChecks(snapshot: DraftSnapshot, i: number, pack: CompiledPack, catalogueOf: () => readonly SourceQuotation[]): { checks: QuoteCheck[]; fresh: boolean } {
  const entry = snapshot.blocks[i];
  const previous = snapshot.blocks[i - 1];
  let perPack = checksByBlock.get(entry.result);
  if (!perPack) checksByBlock.set(entry.result, (perPack = new Map()));
  const cached = perPack.get(pack.pack.id);
  // The block's text is the same as long as its analysis object is: its quotation marks too.
  if (cached && cached.previous === previous?.result && (!cached.catalogue || cached.catalogue === catalogueOf())) return { checks: cached.checks, fresh: false };
  if (!QUOTE_MARK.test(entry.block.text)) {
    perPack.set(pack.pack.id, { previous: previous?.result, catalogue: undefined, checks: [] });
    return { checks: [], fresh: false };
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
  return { checks, fresh: true };
}

/**
 * What the review gathers from the blocks, at document offsets and in block order: the TK
 * markers in their prose, each pack's quotation checks (in the order of the packs) and, in
 * Markdown, their HTML comments (the directives). Kept with each review (`gatheredBy`), so
 * that the review of the next version takes over what the blocks kept on either side of an
 * edit had, moved by the edit, and looks only at the blocks between: a keystroke in a long
 * draft then costs the review next to nothing, where going through every block cost
 * milliseconds (thousands of cache look-ups).
 */
interface Gathered {
  packs: readonly CompiledPack[];
  syntax: DraftSyntax;
  tk: CharSpan[];
  checks: QuoteCheck[][];
  comments: BlockComment[];
}
const gatheredBy = new WeakMap<DraftReview, Gathered>();

/** Findings placed against the directives per step of a review. */
const REVIEW_ITEMS_PER_STEP = 512;

/** Blocks gathered per step while nothing needed working out afresh (a check or a marker is worked out in a step of its own). */
const CACHED_BLOCKS_PER_STEP = 256;

/** The blocks to gather afresh (`from` to `to`), and what is taken over from the review before (see ReviewInput.before). */
function blocksToGather(input: ReviewInput): { from: number; to: number; carried?: { gathered: Gathered; change: SnapshotChange } } {
  const { snapshot, before, packs, prepared } = input;
  const all = { from: 0, to: snapshot.blocks.length };
  const change = snapshot.change;
  const gathered = before && gatheredBy.get(before.review);
  if (!change || !gathered || change.previousBlocks !== before.snapshot.blocks || gathered.packs !== packs || gathered.syntax !== prepared.syntax) return all;
  // A block's quotation checks read the block before it: the first block kept after the
  // edit follows a new one, and is gathered again.
  const keptAfter = Math.max(0, change.keptAfter - 1);
  return { from: change.keptBefore, to: snapshot.blocks.length - keptAfter, carried: { gathered, change: { ...change, keptAfter } } };
}

function* gatherBlocks(input: ReviewInput): Generator<void, Gathered, void> {
  const { snapshot, packs, prepared } = input;
  const { from, to, carried } = blocksToGather(input);
  const fresh: Gathered = { packs, syntax: prepared.syntax, tk: [], checks: packs.map(() => []), comments: [] };
  let sinceStep = 0;
  for (let i = from; i < to; i++) {
    const entry = snapshot.blocks[i];
    const at = entry.block.start;
    let workedOut = false;
    for (const span of tkMarkersOfBlock(entry, prepared.syntax)) fresh.tk.push(shiftSpan(span, at));
    for (const [p, pack] of packs.entries()) {
      const { checks, fresh: worked } = blockQuoteChecks(snapshot, i, pack, () => input.quotationsOf(pack));
      for (const check of checks) fresh.checks[p].push(shiftCheck(check, at));
      workedOut ||= worked;
    }
    if (prepared.syntax === 'markdown') for (const comment of entry.result.comments) fresh.comments.push({ ...comment, start: comment.start + at, end: comment.end + at });
    if (workedOut || ++sinceStep === CACHED_BLOCKS_PER_STEP) {
      sinceStep = 0;
      yield;
    }
  }
  if (!carried) return fresh;
  const { gathered, change } = carried;
  const { previousBlocks, keptBefore, keptAfter, delta } = change;
  // Offsets in the review before: what starts before the first block gathered again was
  // kept in place, what starts at or after the first block kept after the edit moved.
  const keptUpTo = previousBlocks[keptBefore]?.block.start ?? Infinity;
  const movedFrom = keptAfter > 0 ? previousBlocks[previousBlocks.length - keptAfter].block.start : Infinity;
  return {
    ...fresh,
    tk: splice(gathered.tk, (span) => span.start, keptUpTo, movedFrom, fresh.tk, (span) => shiftSpan(span, delta)),
    checks: gathered.checks.map((checks, p) => splice(checks, (check) => check.quotation.outer.start, keptUpTo, movedFrom, fresh.checks[p], (check) => shiftCheck(check, delta))),
    comments: splice(gathered.comments, (comment) => comment.start, keptUpTo, movedFrom, fresh.comments, (comment) => ({ ...comment, start: comment.start + delta, end: comment.end + delta })),
  };
}

/**
 * `items` (in block order) with those of the blocks between `keptUpTo` and `movedFrom`
 * replaced by `between`, and those from `movedFrom` on moved. Items of kept blocks come
 * first and moved ones last, so both are found from the ends.
 */
function splice<T>(items: readonly T[], startOf: (item: T) => number, keptUpTo: number, movedFrom: number, between: readonly T[], move: (item: T) => T): T[] {
  let kept = 0;
  while (kept < items.length && startOf(items[kept]) < keptUpTo) kept++;
  let moved = items.length;
  while (moved > kept && startOf(items[moved - 1]) >= movedFrom) moved--;
  const result = items.slice(0, kept);
  for (const item of between) result.push(item);
  for (let i = moved; i < items.length; i++) result.push(move(items[i]));
  return result;
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

function directiveComments(input: ReviewInput, blockComments: readonly BlockComment[]): CommentLike[] {
  const { prepared, snapshot } = input;
  const comments: CommentLike[] = prepared.notes.map((note) => ({ start: note.start, end: note.end, text: note.text }));
  if (prepared.syntax === 'markdown') comments.push(...blockComments);
  // A comment's "<!--" is on a line with text, so in a block (unless past the size limit).
  else if (snapshot.skippedChars > 0 || snapshot.blocks.some(({ block }) => block.text.includes('<!--'))) comments.push(...htmlComments(input.text));
  return comments;
}

/** Whether the draft may opt out (optsOut): a header, or front matter, which opens the draft's first block. */
function mayOptOut(input: ReviewInput): boolean {
  const first = input.snapshot.blocks[0]?.block;
  return input.prepared.header.length > 0 || input.snapshot.skippedChars > 0 || (first?.start === 0 && /^(---|\+\+\+)/.test(first.text));
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
 * quotation that the quote check already warns is misattributed is that note's problem,
 * with one fix naming the speaker the sources give (never two Warnings naming two speakers).
 * (A note that only asks to check who said a short quotation leaves the claim's Warning standing.)
 */
export function problemFindings(review: DraftReview): Finding[] {
  const speakers = review.notes.filter((note) => note.code === 'quote-misattributed' && note.quote && note.severity === 'warning').map((note) => note.quote!.quotation.speaker.span);
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

/**
 * `reviewDraft` in steps, for a host that spreads a long draft's review over slices of time:
 * a step for each block whose quotation checks or TK markers are worked out afresh (or a few
 * hundred that were not), then a step every few hundred findings.
 */
export function* reviewSteps(input: ReviewInput): Generator<void, DraftReview, void> {
  const { prepared, snapshot, packs } = input;
  const gathered = yield* gatherBlocks(input);
  const directives = parseDirectives(directiveComments(input, gathered.comments));
  const empty: DraftReview = { optedOut: true, findings: [], notes: [], suppressedFindings: [], suppressedNotes: [], directives, quoteChecks: [] };
  if (mayOptOut(input) && optsOut(input.text, prepared.header)) {
    gatheredBy.set(empty, gathered);
    return empty;
  }

  const notes: WorkflowNote[] = [];
  for (const span of prepared.header.length ? withHeaderTkMarkers(input.text, gathered.tk, prepared.header) : gathered.tk) {
    // A marker is "TK", "TKTK", …: its text is its length's worth of "TK".
    notes.push({ code: 'tk', span, severity: 'information', message: `${'TK'.repeat((span.end - span.start) / 2)}: something is still to come here — fill it in before publication.` });
  }

  const quoteChecks: QuoteCheck[] = [];
  for (const [p, pack] of packs.entries()) {
    const checks = gathered.checks[p];
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

  const suppressions = new Suppressions(directives.length ? input.text : '', directives);
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
  gatheredBy.set(review, gathered);
  return review;
}

import type { CompiledPack } from '../pack/compile';
import deepEqual from 'fast-deep-equal';
import { blocksFrom, type Block } from '../text/blocks';
import type { DraftText, TextEnds, TextLike } from '../text/draftText';
import type { DraftSyntax } from '../text/prose';
import { DocumentBudget } from './documentBudget';
import { analyzeBlock, START_CONTEXT, type BlockAnalysis, type BlockContext, type Finding, type SentenceRecord, type SkippedMatch } from './block';
import { countBefore } from '../text/sorted';

// A draft under analysis. `update` takes the whole new text, re-analyses only the blocks
// an edit touched (and those after them whose incoming context changed), and returns the
// findings with offsets into the new text. Everything else is reused from the previous
// version. The text may be a string or a draft's pieces (text/draftText.ts), which say where
// the edit is and let the blocks around it be read without building the whole string.
//
// `updateSteps` is the same work in steps, one per block analysed, so that a host can
// analyse a long draft in slices and answer other requests between them. An update left
// before its end (a newer version arrived) keeps the blocks it analysed: the next update
// reuses them and goes on from where it stopped. While an update is under way,
// `partialSnapshot` gives what it has made so far: the blocks of the draft's beginning, in
// order, as they stand in the new text (no block after them can change them), so that a host
// can show the part on screen first.

export interface AnalysedBlock {
  block: Block;
  contextIn: BlockContext;
  result: BlockAnalysis;
  /** Why the block could not be read, when its analysis failed: it then has no findings, and the blocks after it go on. */
  failure?: string;
}

/** The paragraphs of a snapshot whose analysis failed (see AnalysedBlock.failure): where each starts, and what to tell the writer. */
export function failedBlocks(snapshot: DraftSnapshot): Array<{ start: number; message: string }> {
  return snapshot.blocks
    .filter((entry) => entry.failure !== undefined)
    .map((entry) => ({ start: entry.block.start, message: `This paragraph could not be read, so no claim in it was checked (internal error: ${entry.failure}).` }));
}

export interface DraftSnapshot {
  blocks: AnalysedBlock[];
  /** Findings with document offsets, in document order. */
  findings: Finding[];
  /** Characters not analysed because the draft is over the size limit (0 when all was). */
  skippedChars: number;
  /** Blocks analysed afresh for this version. */
  analysedBlocks: number;
  /** What stayed of the snapshot the analyser returned before, when it returned one (see SnapshotChange). */
  change?: SnapshotChange;
}

/**
 * How a snapshot's blocks stand against those of the snapshot returned before it: the leading
 * `keptBefore` blocks are that snapshot's very entries (same text, place and analysis), the
 * trailing `keptAfter` have its analyses moved by `delta` characters, and only the blocks
 * between are new. Whatever is worked out per block (findings at document offsets, the
 * review's quotation checks and TK markers) can then be carried over for all but those
 * between, instead of being gathered again from every block of a long draft at each keystroke.
 */
export interface SnapshotChange {
  /** The blocks of the snapshot returned before (the array itself: a host recognises it by identity). */
  previousBlocks: readonly AnalysedBlock[];
  keptBefore: number;
  keptAfter: number;
  delta: number;
}

export interface DraftOptions {
  syntax: DraftSyntax;
  /** Characters analysed at most; the rest of a larger draft is skipped. */
  maxChars: number;
}

export const DEFAULT_MAX_CHARS = 2_000_000;

/** What an update has made so far: the blocks of the new text in order, and how many were analysed afresh. */
interface Work {
  blocks: AnalysedBlock[];
  analysed: number;
  /** A re-analysis: how many leading blocks are the previous version's very entries. */
  keptBefore?: number;
}

const PLACED_PER_STEP = 256;

const moveSpan = (span: { start: number; end: number }, by: number) => ({ start: span.start + by, end: span.end + by });

// The findings after an edit are moved at every keystroke (hundreds in a long draft), so each
// is built key by key, always in the same order: spreading findings of a dozen shapes was
// V8's slow path (1.1 ms to move the 706 findings of a 100,000-word draft, 0.15 ms so). A key
// the finding does not have is not set: copying one whose value is undefined made each move
// thirty times as slow.
function shift(finding: Finding, by: number): Finding {
  const moved: Finding = {
    packId: finding.packId,
    claimId: finding.claimId,
    framing: finding.framing,
    sentence: moveSpan(finding.sentence, by),
    evidence: moveSpan(finding.evidence, by),
    headline: finding.headline,
    form: finding.form,
    pattern: finding.pattern,
  };
  if (finding.unsure !== undefined) moved.unsure = finding.unsure;
  if (finding.rule !== undefined) moved.rule = finding.rule;
  if (finding.content !== undefined) moved.content = moveSpan(finding.content, by);
  if (finding.source) moved.source = { text: finding.source.text, span: moveSpan(finding.source.span, by), ref: finding.source.ref };
  if (finding.hedge) moved.hedge = { text: finding.hedge.text, span: moveSpan(finding.hedge.span, by) };
  return moved;
}

export class DraftAnalyzer {
  /** The analysed part of the previous version, and its blocks. */
  private previousText: string | DraftText = '';
  private previous: AnalysedBlock[] = [];
  /** Where the blocks of `previousText` end: short of its length when an update was left before its end. */
  private coveredEnd = 0;
  private started = false;
  /** Findings of a block analysis at document offsets, for the start they were placed at. */
  private readonly placed = new WeakMap<BlockAnalysis, { start: number; findings: Finding[] }>();
  /** The last snapshot returned (by an update that finished), and the length of the text it was made from. */
  private returned: { snapshot: DraftSnapshot; textLength: number } | undefined;
  /** The blocks of the update under way (from the draft's start, in order). */
  private underWay: Work | undefined;
  /** The update under way analyses the draft ahead of all analysed before (see analysesAhead). */
  private ahead = false;
  /** Where the text of the update under way ends. */
  private underWayEnd = 0;
  /** Each pack's time in an update against the rest of the analysis (see documentBudget.ts). */
  private readonly budget = new DocumentBudget();

  constructor(
    private readonly packs: readonly CompiledPack[],
    private readonly options: DraftOptions,
  ) {}

  update(text: string | DraftText): DraftSnapshot {
    const steps = this.updateSteps(text);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * `update` in steps: yields after each block analysed afresh and returns the snapshot.
   * Leaving it early (`return()`) keeps what was analysed for the next update.
   */
  *updateSteps(text: string | DraftText): Generator<void, DraftSnapshot, void> {
    let limit = text.length;
    let checked = text;
    if (limit > this.options.maxChars) {
      // Cut at a line break so that no block is analysed half.
      const whole = String(text);
      const cut = whole.lastIndexOf('\n', this.options.maxChars);
      limit = cut > 0 ? cut : this.options.maxChars;
      checked = whole.slice(0, limit);
    }
    const work = { blocks: [] as AnalysedBlock[], analysed: 0 };
    let finished = false;
    try {
      this.budget.startUpdate();
      this.underWay = work;
      this.ahead = !this.started || this.coveredEnd < this.previousText.length;
      this.underWayEnd = checked.length;
      yield* this.started ? this.reanalyse(checked, work) : this.analyseAll(checked, work);
      finished = true;
    } finally {
      // Finished or left early, the blocks analysed stand for this text (up to where they end).
      this.underWay = undefined;
      this.ahead = false;
      this.started = true;
      this.previousText = checked;
      this.previous = work.blocks;
      this.coveredEnd = finished ? checked.length : (work.blocks.at(-1)?.block.end ?? 0);
    }
    const { blocks, analysed } = work;
    const before = this.returned;
    const change = before && snapshotChange(before.snapshot.blocks, blocks, checked.length - before.textLength);
    const findings = change ? yield* this.carryFindings(before.snapshot, blocks, change) : yield* this.placeFindings(blocks);
    const snapshot: DraftSnapshot = { blocks, findings, skippedChars: text.length - limit, analysedBlocks: analysed };
    if (change) snapshot.change = change;
    this.returned = { snapshot, textLength: checked.length };
    return snapshot;
  }

  /**
   * The findings of `blocks` from those of the snapshot before: the findings of the blocks
   * kept before the change as they were, those of the blocks kept after it moved by the
   * change's length, and only the blocks between placed (see placeFindings).
   */
  private *carryFindings(before: DraftSnapshot, blocks: readonly AnalysedBlock[], change: SnapshotChange): Generator<void, Finding[], void> {
    const { previousBlocks, keptBefore, keptAfter, delta } = change;
    // A finding's sentence lies in its block, so the findings of the kept blocks are those
    // before the first block not kept, and those from the first block kept after the edit.
    const head = countBefore(before.findings, (finding) => finding.sentence.start < (previousBlocks[keptBefore]?.block.start ?? Infinity));
    const tail = keptAfter ? countBefore(before.findings, (finding) => finding.sentence.start < previousBlocks[previousBlocks.length - keptAfter].block.start) : before.findings.length;
    const findings = before.findings.slice(0, head);
    for (const finding of yield* this.placeFindings(blocks.slice(keptBefore, blocks.length - keptAfter))) findings.push(finding);
    for (let i = tail; i < before.findings.length; i++) findings.push(delta === 0 ? before.findings[i] : shift(before.findings[i], delta));
    return findings;
  }

  /**
   * Whether the update under way analyses the draft ahead of all analysed before: a first
   * analysis, or one that goes on with the blocks an overtaken update left (a newer version
   * came before it was done). A re-analysis around an edit is not.
   */
  get analysesAhead(): boolean {
    return this.ahead;
  }

  /**
   * While an update is under way (`updateSteps` not done), the snapshot of the draft's
   * beginning once the blocks analysed reach `upTo`; undefined before that, when they reach
   * the end of the text (the whole draft is about to be done), when no update is under way, or
   * when it re-analyses from `upTo` on only (an edit further down: the beginning is the
   * previous version's, as published).
   */
  partialSnapshot(upTo: number): DraftSnapshot | undefined {
    const work = this.underWay;
    const reached = work?.blocks.at(-1)?.block.end ?? -1;
    if (!work || reached < upTo || reached >= this.underWayEnd) return undefined;
    if (!this.ahead && work.keptBefore !== undefined && (work.blocks[work.keptBefore]?.block.start ?? Infinity) >= upTo) return undefined;
    const blocks = [...work.blocks];
    const placing = this.placeFindings(blocks);
    for (let step = placing.next(); ; step = placing.next()) if (step.done) return { blocks, findings: step.value, skippedChars: 0, analysedBlocks: work.analysed };
  }

  /** The findings of the blocks at document offsets, in order. */
  private *placeFindings(blocks: readonly AnalysedBlock[]): Generator<void, Finding[], void> {
    const findings: Finding[] = [];
    let moved = 0;
    for (const entry of blocks) {
      if (!entry.result.findings.length) continue;
      let placed = this.placed.get(entry.result);
      if (placed?.start !== entry.block.start) {
        placed = { start: entry.block.start, findings: entry.result.findings.map((finding) => shift(finding, entry.block.start)) };
        this.placed.set(entry.result, placed);
        // Placing the findings of a whole long draft is work too: a step every few hundred blocks.
        if (++moved % PLACED_PER_STEP === 0) yield;
      }
      for (const finding of placed.findings) findings.push(finding);
    }
    return findings;
  }

  private *analyseAll(text: TextLike, work: Work): Generator<void, void, void> {
    yield* this.analyseFrom(text, 0, START_CONTEXT, work);
  }

  /** Splits and analyses every block from `from` (0 or where a block ended) to the end. */
  private *analyseFrom(text: TextLike, from: number, contextIn: BlockContext, work: Work): Generator<void, void, void> {
    let context = contextIn;
    for (const block of blocksFrom(text, this.markdown, from)) {
      const entry = this.analyse(block, context);
      work.blocks.push(entry);
      work.analysed++;
      context = entry.result.contextOut;
      yield;
    }
  }

  /**
   * Splits again from the block before the edit up to the first block after it that starts
   * where a block started before (from there on the text and the split are as they were),
   * and analyses again only the blocks in between whose text changed. After them, a block
   * keeps its analysis unless the context handed to it changed (a pronoun that now points
   * elsewhere); the first block whose context is unchanged ends the work. Everything else
   * is the previous analysis, moved by the number of characters the edit added or removed.
   */
  private *reanalyse(text: string | DraftText, work: Work): Generator<void, void, void> {
    const old = this.previous;
    const oldText = this.previousText;
    const covered = this.coveredEnd;
    const { prefix, suffix } = commonEnds(oldText, text);
    if (prefix === text.length && prefix === oldText.length && covered === oldText.length) {
      work.blocks = old;
      return;
    }
    const changeEnd = text.length - suffix;
    const delta = text.length - oldText.length;

    // The first block that reaches the edit and the one before it (an edit at a block's
    // start can join the two); splitting resumes at the start of that block.
    const reaching = countBefore(old, (entry) => entry.block.end < prefix);
    const first = Math.max(0, reaching - 1);
    const resumeAt = first === 0 ? 0 : old[first].block.start;

    // The old blocks the edit may have split differently, by text: a block whose text
    // survived (the one before the edit, or one between two edited places) is reused.
    const changeEndInOld = oldText.length - suffix;
    const window = new Map<string, AnalysedBlock[]>();
    for (let k = first; k < old.length && old[k].block.start <= changeEndInOld; k++) {
      const list = window.get(old[k].block.text);
      if (list) list.push(old[k]);
      else window.set(old[k].block.text, [old[k]]);
    }

    const blocks = (work.blocks = old.slice(0, first));
    work.keptBefore = first;
    let context = first === 0 ? START_CONTEXT : old[first - 1].result.contextOut;
    let tail = old.length;
    let reachedEnd = true;
    for (const block of blocksFrom(text, this.markdown, resumeAt)) {
      if (block.start >= changeEnd) {
        const k = blockStartingAt(old, block.start - delta);
        if (k >= 0 && (k === 0) === (block.start === 0)) {
          tail = k;
          reachedEnd = false;
          break;
        }
      }
      const candidates = window.get(block.text);
      const found = candidates?.findIndex((entry) => (entry.block.start === 0) === (block.start === 0) && sameContext(entry.contextIn, context)) ?? -1;
      let entry: AnalysedBlock;
      let fresh = false;
      if (candidates && found >= 0) {
        const [before] = candidates.splice(found, 1);
        entry = reuse(before, block, context);
      } else {
        entry = this.analyse(block, context);
        work.analysed++;
        fresh = true;
      }
      blocks.push(entry);
      context = entry.result.contextOut;
      if (fresh) yield;
    }
    if (reachedEnd) return;

    for (let k = tail; k < old.length; k++) {
      const before = old[k];
      const block = delta === 0 ? before.block : { start: before.block.start + delta, end: before.block.end + delta, text: before.block.text };
      let entry: AnalysedBlock;
      let fresh = false;
      if (sameContext(before.contextIn, context)) {
        entry = reuse(before, block, context);
      } else {
        entry = this.analyse(block, context);
        work.analysed++;
        fresh = true;
      }
      blocks.push(entry);
      context = entry.result.contextOut;
      if (fresh) yield;
    }
    // The previous update was left before its end: go on from where its blocks stop.
    if (covered < oldText.length) yield* this.analyseFrom(text, covered + delta, context, work);
  }

  private get markdown(): boolean {
    return this.options.syntax === 'markdown';
  }

  private analyse(block: Block, contextIn: BlockContext): AnalysedBlock {
    const done = this.budget.timeBlock();
    try {
      return { block, contextIn, result: analyzeBlock(block.text, this.options.syntax, block.start === 0, this.packs, contextIn, undefined, this.budget) };
    } catch (error) {
      // (A fault in one rule costs one paragraph, said as such, never the whole draft: the
      // context goes on unchanged into the next block.)
      const failure = error instanceof Error ? error.message : String(error);
      return { block, contextIn, result: { findings: [], sentences: [], comments: [], contextOut: contextIn }, failure };
    } finally {
      done();
    }
  }
}

/**
 * How `blocks` stand against `previous` (see SnapshotChange), `delta` being the difference in
 * length of their texts: leading entries that are the same objects, trailing ones with the
 * same analysis moved by exactly `delta`. Comparing identities only, this costs next to
 * nothing even for thousands of blocks.
 */
export function snapshotChange(previous: readonly AnalysedBlock[], blocks: readonly AnalysedBlock[], delta: number): SnapshotChange {
  const most = Math.min(previous.length, blocks.length);
  let keptBefore = 0;
  while (keptBefore < most && blocks[keptBefore] === previous[keptBefore]) keptBefore++;
  let keptAfter = 0;
  while (keptAfter < most - keptBefore) {
    const now = blocks[blocks.length - 1 - keptAfter];
    const then = previous[previous.length - 1 - keptAfter];
    if (now.result !== then.result || now.block.start !== then.block.start + delta) break;
    keptAfter++;
  }
  return { previousBlocks: previous, keptBefore, keptAfter, delta };
}

/**
 * A block's earlier analysis at its (possibly moved) place. The context it is recorded
 * with is the one handed over now, which is equal to the one it was analysed with; keeping
 * the very object lets the next edit compare contexts by identity.
 */
function reuse(before: AnalysedBlock, block: Block, context: BlockContext): AnalysedBlock {
  return before.block === block && before.contextIn === context ? before : { block, contextIn: context, result: before.result };
}

// Contexts are small plain objects; reused blocks hand over the very same object, so the
// identity test settles almost every comparison.
function sameContext(a: BlockContext, b: BlockContext): boolean {
  return a === b || deepEqual(a, b);
}

/**
 * The common start and end of two versions of a text: as the newer says when it is a draft's
 * pieces made from the older by edits, else by comparing the two strings.
 */
function commonEnds(before: string | DraftText, now: string | DraftText): TextEnds {
  if (typeof before !== 'string' && typeof now !== 'string') {
    const known = now.sameEndsAs(before);
    if (known) return known;
  }
  const a = String(before);
  const b = String(now);
  const prefix = commonPrefixLength(a, b);
  return { prefix, suffix: commonSuffixLength(a, b, Math.min(a.length, b.length) - prefix) };
}

const CHUNK = 1024;

/** Length of the longest common prefix; compares whole chunks first, which is far faster. */
function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n + CHUNK <= max && a.slice(n, n + CHUNK) === b.slice(n, n + CHUNK)) n += CHUNK;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Length of the longest common suffix, at most `max`. */
function commonSuffixLength(a: string, b: string, max: number): number {
  let n = 0;
  while (n + CHUNK <= max && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < max && a.charCodeAt(a.length - n - 1) === b.charCodeAt(b.length - n - 1)) n++;
  return n;
}

/** Index of the block that starts exactly at `offset`, or -1. */
function blockStartingAt(blocks: readonly AnalysedBlock[], offset: number): number {
  const at = countBefore(blocks, (entry) => entry.block.start < offset);
  return at < blocks.length && blocks[at].block.start === offset ? at : -1;
}

/** Sentences with document offsets. */
export function documentSentences(snapshot: DraftSnapshot): SentenceRecord[] {
  const sentences: SentenceRecord[] = [];
  for (const { block, result } of snapshot.blocks) {
    for (const sentence of result.sentences) {
      sentences.push({ ...sentence, span: { start: sentence.span.start + block.start, end: sentence.span.end + block.start } });
    }
  }
  return sentences;
}

/** One-shot analysis of a whole text. */
export function analyzeText(text: string, packs: readonly CompiledPack[], options: Partial<DraftOptions> = {}): DraftSnapshot {
  return new DraftAnalyzer(packs, { syntax: options.syntax ?? 'markdown', maxChars: options.maxChars ?? DEFAULT_MAX_CHARS }).update(text);
}

/** Every match of a snapshot that was not reported, and why, in document offsets. */
export function explainSkipped(snapshot: DraftSnapshot, packs: readonly CompiledPack[], syntax: DraftSyntax): SkippedMatch[] {
  const skipped: SkippedMatch[] = [];
  for (const { block, contextIn } of snapshot.blocks) {
    analyzeBlock(block.text, syntax, block.start === 0, packs, contextIn, (skip) =>
      skipped.push({ ...skip, evidence: { start: skip.evidence.start + block.start, end: skip.evidence.end + block.start } }),
    );
  }
  return skipped;
}

/**
 * Findings for a sentence after replacing its text, analysed in the same context as the
 * original (the block it sits in, the block before it). Used to check a fix before
 * offering it. Offsets in the result are into the edited block.
 */
export function recheckSentence(
  snapshot: DraftSnapshot,
  packs: readonly CompiledPack[],
  syntax: DraftSyntax,
  sentence: { start: number; end: number },
  replacement: string,
): Finding[] {
  const entry = snapshot.blocks.find(({ block }) => block.start <= sentence.start && sentence.end <= block.end);
  if (!entry) return [];
  const { block } = entry;
  const relativeStart = sentence.start - block.start;
  const relativeEnd = sentence.end - block.start;
  const text = block.text.slice(0, relativeStart) + replacement + block.text.slice(relativeEnd);
  const result = analyzeBlock(text, syntax, block.start === 0, packs, entry.contextIn);
  const end = relativeStart + replacement.length;
  return result.findings.filter((finding) => finding.sentence.start < end && finding.sentence.end > relativeStart);
}

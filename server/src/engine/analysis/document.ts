import type { CompiledPack } from '../pack/compile';
import { splitBlocks, type Block } from '../text/blocks';
import type { BlockComment, DraftSyntax } from '../text/prose';
import { analyzeBlock, START_CONTEXT, type BlockAnalysis, type BlockContext, type Finding, type SentenceRecord } from './block';

// A draft under analysis. `update` takes the whole new text, re-analyses only the blocks
// whose text or incoming context changed, and returns the findings with offsets into the
// new text. Everything else is reused from the previous version.

export interface AnalysedBlock {
  block: Block;
  contextIn: BlockContext;
  result: BlockAnalysis;
}

export interface DraftSnapshot {
  blocks: AnalysedBlock[];
  /** Findings with document offsets, in document order. */
  findings: Finding[];
  /** Characters not analysed because the draft is over the size limit (0 when all was). */
  skippedChars: number;
  /** Blocks analysed afresh for this version. */
  analysedBlocks: number;
}

export interface DraftOptions {
  syntax: DraftSyntax;
  /** Characters analysed at most; the rest of a larger draft is skipped. */
  maxChars: number;
}

export const DEFAULT_MAX_CHARS = 2_000_000;

const shift = (finding: Finding, by: number): Finding => ({
  ...finding,
  sentence: { start: finding.sentence.start + by, end: finding.sentence.end + by },
  evidence: { start: finding.evidence.start + by, end: finding.evidence.end + by },
  source: finding.source && { ...finding.source, span: { start: finding.source.span.start + by, end: finding.source.span.end + by } },
  hedge: finding.hedge && { ...finding.hedge, span: { start: finding.hedge.span.start + by, end: finding.hedge.span.end + by } },
});

export class DraftAnalyzer {
  private previous: AnalysedBlock[] = [];

  constructor(
    private readonly packs: readonly CompiledPack[],
    private readonly options: DraftOptions,
  ) {}

  update(text: string): DraftSnapshot {
    let limit = text.length;
    if (limit > this.options.maxChars) {
      // Cut at a line break so that no block is analysed half.
      const cut = text.lastIndexOf('\n', this.options.maxChars);
      limit = cut > 0 ? cut : this.options.maxChars;
    }
    const blocks = splitBlocks(limit === text.length ? text : text.slice(0, limit), this.options.syntax === 'markdown');

    // Previous results by block text, in order, for reuse.
    const reusable = new Map<string, AnalysedBlock[]>();
    for (const entry of this.previous) {
      const list = reusable.get(entry.block.text);
      if (list) list.push(entry);
      else reusable.set(entry.block.text, [entry]);
    }

    const next: AnalysedBlock[] = [];
    let context: BlockContext = START_CONTEXT;
    let analysed = 0;
    for (const block of blocks) {
      const atStart = block.start === 0;
      const candidates = reusable.get(block.text);
      const k = candidates?.findIndex((entry) => (entry.block.start === 0) === atStart && sameContext(entry.contextIn, context)) ?? -1;
      let entry: AnalysedBlock;
      if (candidates && k >= 0) {
        const [reused] = candidates.splice(k, 1);
        entry = { block, contextIn: reused.contextIn, result: reused.result };
      } else {
        entry = { block, contextIn: context, result: analyzeBlock(block.text, this.options.syntax, atStart, this.packs, context) };
        analysed++;
      }
      next.push(entry);
      context = entry.result.contextOut;
    }
    this.previous = next;

    const findings: Finding[] = [];
    for (const entry of next) for (const finding of entry.result.findings) findings.push(shift(finding, entry.block.start));
    return { blocks: next, findings, skippedChars: text.length - limit, analysedBlocks: analysed };
  }
}

// Contexts are small plain objects; reused blocks hand over the very same object, so the
// identity test settles almost every comparison.
function sameContext(a: BlockContext, b: BlockContext): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
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

/** HTML comments with document offsets (suppression directives). */
export function documentComments(snapshot: DraftSnapshot): BlockComment[] {
  const comments: BlockComment[] = [];
  for (const { block, result } of snapshot.blocks) {
    for (const comment of result.comments) comments.push({ ...comment, start: comment.start + block.start, end: comment.end + block.start });
  }
  return comments;
}

/** One-shot analysis of a whole text. */
export function analyzeText(text: string, packs: readonly CompiledPack[], options: Partial<DraftOptions> = {}): DraftSnapshot {
  return new DraftAnalyzer(packs, { syntax: options.syntax ?? 'markdown', maxChars: options.maxChars ?? DEFAULT_MAX_CHARS }).update(text);
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

import type { CompiledPack } from '../pack/compile';

// A time budget per document and pack. The work budget of a sentence (match/patterns.ts)
// bounds what one sentence may cost; over a long draft a pack can still cost many times the
// rest of the analysis. Here each update of a document (an open, a re-analysis after an
// edit) measures, per pack, the time spent matching its patterns and framing the matches,
// against the time the rest of the analysis took (blocks, Markdown, sentences, words). A pack
// that takes more than PACK_SHARE times that, beyond a floor (which also covers loading the
// tagger on the first framed sentence), has its matching stopped for the
// rest of the update and is degraded for the rest of the document (a tenth of the sentence's
// work budget); the host is told once (`documentBudgetWatch`), with the claim that took most.
// The measure is relative, so that a slow or busy machine does not cut the bundled pack.

/** Milliseconds a pack may always take in one update, whatever the rest took. */
export const PACK_FLOOR_MS = 5000;
/** How many times the rest of the analysis a pack may take beyond the floor. */
export const PACK_SHARE = 10;
/** The share of a sentence's work budget a degraded pack keeps. */
export const DEGRADED_SHARE = 0.1;

export interface DocumentBudgetReport {
  pack: CompiledPack;
  /** The claim whose patterns took most of the pack's time in the update. */
  claimId: string;
  /** The pack's time in the update, and the rest of the analysis's. */
  packMs: number;
  restMs: number;
}

/** Called when a pack runs out of a document's time budget; the host reports it once per pack. */
export const documentBudgetWatch: { exhausted?: (report: DocumentBudgetReport) => void } = {};

interface PackSpend {
  ms: number;
  byClaim: Map<string, number>;
}

export class DocumentBudget {
  /** Packs whose matching stopped in this update. */
  private readonly stopped = new Set<CompiledPack>();
  /** Packs that ran out in an earlier update of this document. */
  private readonly degraded = new Set<CompiledPack>();
  private spend = new Map<CompiledPack, PackSpend>();
  /** Time in the update's block analyses, packs included, and when the one under way started. */
  private blocksMs = 0;
  private blockStarted: number | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** A new update: the time budget starts again (a degraded pack stays degraded). */
  startUpdate(): void {
    for (const pack of this.stopped) this.degraded.add(pack);
    this.stopped.clear();
    this.spend = new Map();
    this.blocksMs = 0;
  }

  /** Whether the pack's matching is stopped for the rest of the update. */
  isStopped(pack: CompiledPack): boolean {
    return this.stopped.has(pack);
  }

  /** The work budget of a sentence for the pack: `full`, or a share of it once degraded. */
  sentenceSteps(pack: CompiledPack, full: number): number {
    if (this.stopped.has(pack)) return 0;
    return this.degraded.has(pack) ? Math.ceil(full * DEGRADED_SHARE) : full;
  }

  /** Starts timing a block analysis; the function returned ends it. */
  timeBlock(): () => void {
    const started = this.now();
    this.blockStarted = started;
    return () => {
      this.blocksMs += this.now() - started;
      this.blockStarted = undefined;
    };
  }

  /**
   * Starts timing a pack's work on a sentence (choosing its patterns, matching, framing); the
   * function returned ends it and says whether the pack may go on.
   */
  timePack(pack: CompiledPack): () => boolean {
    const started = this.now();
    return () => this.charge(pack, this.now() - started);
  }

  /** Starts timing a claim's matching and framing, to name the claim that took most; the function returned ends it. */
  timeClaim(pack: CompiledPack, claimId: string): () => void {
    const started = this.now();
    return () => {
      const { byClaim } = this.spendOf(pack);
      byClaim.set(claimId, (byClaim.get(claimId) ?? 0) + this.now() - started);
    };
  }

  private spendOf(pack: CompiledPack): PackSpend {
    let spent = this.spend.get(pack);
    if (!spent) this.spend.set(pack, (spent = { ms: 0, byClaim: new Map() }));
    return spent;
  }

  /** Charges `ms` to the pack; false once the pack has run out (it is then stopped and reported). */
  charge(pack: CompiledPack, ms: number): boolean {
    if (this.stopped.has(pack)) return false;
    const spent = this.spendOf(pack);
    spent.ms += ms;
    if (spent.ms <= PACK_FLOOR_MS) return true;
    const ongoing = this.blockStarted === undefined ? 0 : this.now() - this.blockStarted;
    const restMs = Math.max(0, this.blocksMs + ongoing - this.packsMs());
    if (spent.ms <= PACK_FLOOR_MS + PACK_SHARE * restMs) return true;
    this.stopped.add(pack);
    // The claim whose patterns took most; else (the time went on choosing patterns) the pack's first.
    let culprit = pack.claims[0]?.claim.id ?? '';
    let most = -1;
    for (const [id, claimMs] of spent.byClaim) if (claimMs > most) [culprit, most] = [id, claimMs];
    documentBudgetWatch.exhausted?.({ pack, claimId: culprit, packMs: spent.ms, restMs });
    return false;
  }

  private packsMs(): number {
    let total = 0;
    for (const spent of this.spend.values()) total += spent.ms;
    return total;
  }
}

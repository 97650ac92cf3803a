import { DEGRADED_SHARE, documentBudgetWatch, PACK_FLOOR_MS, PACK_SHARE, type DocumentBudgetReport } from '../engine/analysis/documentBudget';
import { patternOwner, type PatternOwner } from '../engine/pack/compile';
import { workBudgetWatch } from '../engine/match/patterns';

// Matching a sentence is capped by a work budget (engine/match/patterns.ts): a pack whose
// patterns exhaust it has its matching cut short on that sentence, and the editor or the
// command line goes on. This says so once per loaded pack, naming the claim whose pattern
// was being matched, so that the pack's author can make it more particular. The same for a
// pack that runs out of a document's time budget (engine/analysis/documentBudget.ts), naming
// the claim that took most of it.

export function workBudgetMessage(owner: PatternOwner, source: string): string {
  const pattern = source.length > 60 ? `${source.slice(0, 59)}…` : source;
  return `claim "${owner.claimId}": matching pattern "${pattern}" used up the work budget of a sentence, so matching was cut short there; make the pattern's words more particular to the claim`;
}

export function documentBudgetMessage(report: DocumentBudgetReport): string {
  const ms = (value: number) => `${Math.round(value)} ms`;
  return (
    `claim "${report.claimId}": matching this pack took ${ms(report.packMs)} in one analysis of a document, more than ${ms(PACK_FLOOR_MS)} plus ${PACK_SHARE} times ` +
    `the rest of the analysis (${ms(report.restMs)}), most of it on this claim's patterns; the pack's matching was stopped for the rest of that analysis ` +
    `and keeps ${Math.round(DEGRADED_SHARE * 100)} % of a sentence's work budget in that document from then on; make the patterns' words more particular to the claim`
  );
}

/** Where a claim sits in its pack, for a problem that names it. */
function claimOwner(report: DocumentBudgetReport): PatternOwner {
  const index = report.pack.pack.claims.findIndex((claim) => claim.id === report.claimId);
  return { pack: report.pack.pack, claimId: report.claimId, path: index >= 0 ? ['claims', index] : [] };
}

/**
 * Calls `report` the first time each loaded pack exhausts the work budget of a sentence, and
 * the first time it exhausts a document's time budget; replaces any earlier watcher.
 */
export function watchWorkBudget(report: (owner: PatternOwner, message: string) => void): void {
  const reported = new WeakSet<object>();
  workBudgetWatch.exhausted = (pattern) => {
    const owner = patternOwner(pattern);
    if (!owner || reported.has(owner.pack)) return;
    reported.add(owner.pack);
    report(owner, workBudgetMessage(owner, pattern.source));
  };
  const timedOut = new WeakSet<object>();
  documentBudgetWatch.exhausted = (exhausted) => {
    if (timedOut.has(exhausted.pack.pack)) return;
    timedOut.add(exhausted.pack.pack);
    report(claimOwner(exhausted), documentBudgetMessage(exhausted));
  };
}

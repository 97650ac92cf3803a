import { patternOwner, type PatternOwner } from '../engine/pack/compile';
import { workBudgetWatch } from '../engine/match/patterns';

// Matching a sentence is capped by a work budget (engine/match/patterns.ts): a pack whose
// patterns exhaust it has its matching cut short on that sentence, and the editor or the
// command line goes on. This says so once per loaded pack, naming the claim whose pattern
// was being matched, so that the pack's author can make it more particular.

export function workBudgetMessage(owner: PatternOwner, source: string): string {
  const pattern = source.length > 60 ? `${source.slice(0, 59)}…` : source;
  return `claim "${owner.claimId}": matching pattern "${pattern}" used up the work budget of a sentence, so matching was cut short there; make the pattern's words more particular to the claim`;
}

/** Calls `report` the first time each loaded pack exhausts a budget; replaces any earlier watcher. */
export function watchWorkBudget(report: (owner: PatternOwner, message: string) => void): void {
  const reported = new WeakSet<object>();
  workBudgetWatch.exhausted = (pattern) => {
    const owner = patternOwner(pattern);
    if (!owner || reported.has(owner.pack)) return;
    reported.add(owner.pack);
    report(owner, workBudgetMessage(owner, pattern.source));
  };
}

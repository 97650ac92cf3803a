import { analyzeText } from '../analysis/document';
import type { CompiledPack } from './compile';

// A claim's own test sentences, kept in the pack beside its patterns: every `match` example
// must be flagged as that claim, stated without attribution; no `noMatch` example may be.
// Claims with status "reported" are never flagged: for them a match example must be
// recognised as the claim (framed "reported") and a noMatch example must not be recognised.

export interface ExampleResult {
  claimId: string;
  kind: 'match' | 'noMatch';
  text: string;
  passed: boolean;
  /** What the engine made of the example: "kremlin-drone-attack (attributed), footage-kremlin (unattributed)". */
  found: string;
  /** JSON path of the example in the pack. */
  path: Array<string | number>;
}

export function runExamples(compiled: CompiledPack): ExampleResult[] {
  const results: ExampleResult[] = [];
  compiled.pack.claims.forEach((claim, c) => {
    const flaggedFraming = claim.status === 'reported' ? 'reported' : 'unattributed';
    for (const kind of ['match', 'noMatch'] as const) {
      (claim.examples?.[kind] ?? []).forEach((text, i) => {
        const findings = analyzeText(text, [compiled], { syntax: 'plain' }).findings;
        const flagged = findings.some((finding) => finding.claimId === claim.id && finding.framing === flaggedFraming);
        results.push({
          claimId: claim.id,
          kind,
          text,
          passed: kind === 'match' ? flagged : !flagged,
          found: findings.length ? findings.map((finding) => `${finding.claimId} (${finding.framing})`).join(', ') : 'no claim',
          path: ['claims', c, 'examples', kind, i],
        });
      });
    }
  });
  return results;
}

export function describeFailure(result: ExampleResult): string {
  const expected = result.kind === 'match' ? `should be flagged as an unattributed "${result.claimId}"` : `should not be flagged as an unattributed "${result.claimId}"`;
  return `example ${expected}; found ${result.found}: “${result.text}”`;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../server/src/engine/analysis/block';
import { analyzeText, type DraftOptions, type DraftSnapshot } from '../server/src/engine/analysis/document';
import type { CompiledPack } from '../server/src/engine/pack/compile';
import { severityOf } from '../server/src/engine/report/messages';
import { bundledPack } from '../server/src/host/bundled';

export const ROOT = join(__dirname, '..');
export const kremlin = (): CompiledPack => bundledPack();

/** A draft analyser's options: Markdown, the default size cap, with overrides. */
export const draftOptions = (overrides: Partial<DraftOptions> = {}): DraftOptions => ({ syntax: 'markdown', maxChars: 2_000_000, ...overrides });

/** Everything a consumer can see of a snapshot, as plain data. */
export function visibleSnapshot(snapshot: DraftSnapshot) {
  return {
    findings: snapshot.findings,
    skippedChars: snapshot.skippedChars,
    blocks: snapshot.blocks.map(({ block, contextIn, result }) => ({ block, contextIn, result })),
  };
}

export interface Labelled {
  id: string;
  text: string;
  label: 'warn' | 'weak' | 'ok' | 'none';
  claims: string[];
  /** On a weak item: "information" asks for Information, not a Warning. */
  severity?: 'information';
  /** Claims that must get no Warning. */
  notWarned?: string[];
  note?: string;
}

export function readJsonl(path: string): Labelled[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Labelled);
}

export function findingsOf(text: string, syntax: 'markdown' | 'plain' = 'markdown'): Finding[] {
  return analyzeText(text, [kremlin()], { syntax }).findings;
}

/** Findings that a reporter sees: warnings ("warning") and information ("information"). */
export function flagged(text: string): Array<{ claim: string; severity: string; framing: string }> {
  const pack = kremlin();
  return findingsOf(text).flatMap((finding) => {
    const severity = severityOf(finding, pack.claimById.get(finding.claimId)!.claim);
    return severity ? [{ claim: finding.claimId, severity, framing: finding.framing }] : [];
  });
}

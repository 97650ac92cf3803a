import type { Finding } from '../analysis/block';
import type { Framing } from '../framing/frame';
import type { CompiledPack } from '../pack/compile';
import type { Claim, ClaimStatus } from '../pack/types';

// What a finding means to a reporter, in one line, and how loud it is.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface SeverityOptions {
  /** Report attributed claims too (as hints), so a reporter sees what was recognised. */
  showAttributed?: boolean;
  /** Per claim status: overrides the severity of unattributed and misattributed claims. */
  byStatus?: Partial<Record<ClaimStatus, Severity | 'off'>>;
}

export function severityOf(finding: Finding, claim: Claim, options: SeverityOptions = {}): Severity | null {
  const loud = (): Severity | null => {
    const override = options.byStatus?.[claim.status];
    if (override === 'off') return null;
    return override ?? 'warning';
  };
  switch (finding.framing) {
    case 'unattributed':
    case 'misattributed':
      if (claim.status === 'reported') return null;
      // An unsure reading is worth a look, not a Warning.
      if (finding.unsure) return options.byStatus?.[claim.status] === 'off' ? null : 'information';
      return loud();
    case 'weak':
    case 'unclear':
      return options.byStatus?.[claim.status] === 'off' ? null : 'information';
    case 'attributed':
    case 'reported':
      return options.showAttributed ? 'hint' : null;
  }
}

const STATUS_WORDS: Record<ClaimStatus, string> = {
  unverified: 'unverified claim',
  denied: 'denied, unverified claim',
  estimate: 'estimate',
  statement: 'statement',
  reported: 'reported action',
};

const ARTICLE: Record<ClaimStatus, string> = { unverified: 'an', denied: 'a', estimate: 'an', statement: 'a', reported: 'a' };

export const statusLabel = (status: ClaimStatus): string => STATUS_WORDS[status];

/** "…, the Kremlin said." or "…, according to …." */
export function attributionSuffix(claim: Claim): string {
  const { source, verb, according } = claim.attribution;
  return verb ? `${source} ${verb}` : according ?? `according to ${source}`;
}


const FRAMING_WORDS: Record<Framing, string> = {
  unattributed: 'Unattributed',
  misattributed: 'Misattributed',
  weak: 'Vague attribution',
  unclear: 'Unclear attribution',
  attributed: 'Attributed',
  reported: 'Reported',
};

export const framingLabel = (framing: Framing): string => FRAMING_WORDS[framing];

export function messageOf(finding: Finding, pack: CompiledPack): string {
  const message = plainMessage(finding, pack);
  return finding.unsure ? `Possibly: ${message.charAt(0).toLowerCase()}${message.slice(1)} (Unsure: ${finding.unsure}.)` : message;
}

function plainMessage(finding: Finding, pack: CompiledPack): string {
  const claim = pack.claimById.get(finding.claimId)!.claim;
  const who = claim.attribution.source;
  const whose = `${ARTICLE[claim.status]} ${statusLabel(claim.status)} from ${who}`;
  const suffix = `“…, ${attributionSuffix(claim)}.”`;
  switch (finding.framing) {
    case 'unattributed':
      if (finding.form === 'np') return `Taken as given, but this is ${whose}: mark it as alleged or attribute it (${suffix}).`;
      return `Stated as fact, but this is ${whose}: attribute it (${suffix}).`;
    case 'misattributed': {
      const given = finding.source?.text ? `“${finding.source.text}”` : 'the source named';
      return `Misattributed to ${given}: this is ${whose}. Attribute it to ${who}.`;
    }
    case 'weak': {
      const hedge = finding.hedge?.text ? `“${finding.hedge.text}”` : 'an unnamed source';
      return `Vague attribution (${hedge}): name the source — this is ${whose}.`;
    }
    case 'unclear': {
      const ref = finding.source?.ref;
      if (ref?.kind === 'named') return `Check the source: “${ref.name}” is not known to have made this claim — it is ${whose}.`;
      const word = ref?.kind === 'unresolved' ? `“${ref.word}”` : 'the source';
      return `Unclear attribution: ${word} does not say who — this is ${whose}.`;
    }
    case 'attributed':
      return `Attributed: ${whose}.`;
    case 'reported':
      return `Reported: ${claim.summary}`;
  }
}

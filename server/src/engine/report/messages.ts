import type { Finding } from '../analysis/block';
import type { Framing } from '../framing/frame';
import type { CompiledPack } from '../pack/compile';
import type { Claim, ClaimStatus, CounterClaim } from '../pack/types';
import { isCommonWord } from '../text/fuzzy';
import { shortExcerpt } from './sourceNames';

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

export const statusLabel = (status: ClaimStatus): string => STATUS_WORDS[status];

const STANCE_WORDS: Record<CounterClaim['stance'], string> = { denies: 'Denied by', doubts: 'Doubted by', concurs: 'Also said by' };

/** How a hover card or report introduces another party's stance: "Denied by Ukraine". */
export const stanceLabel = (stance: CounterClaim['stance'], party: string): string => `${STANCE_WORDS[stance]} ${party}`;

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

/** How a message is worded: `suggestion: false` leaves out the attribution to write (“…, the Kremlin said.”), for a host that offers it beside the message (the editor's hover card and quick fix). */
export interface MessageOptions {
  suggestion?: boolean;
}

export function messageOf(finding: Finding, pack: CompiledPack, options: MessageOptions = {}): string {
  const message = plainMessage(finding, pack, options.suggestion ?? true);
  return finding.unsure ? `Possibly: ${message.charAt(0).toLowerCase()}${message.slice(1)} (Unsure: ${finding.unsure}.)` : message;
}

/** The noun for a claim of each status, as a message names it: "Kremlin claim", "Ukraine statement". */
const STATUS_NOUN: Record<ClaimStatus, string> = { unverified: 'claim', denied: 'claim', estimate: 'estimate', statement: 'statement', reported: 'report' };

/**
 * What the claim says, short enough for a message: the first clause of the pack's summary,
 * without asides ("Two drones attacked the Kremlin, or were flown at it, overnight …" → "two
 * drones attacked the Kremlin").
 */
export function claimLabel(claim: Claim): string {
  const clause = claim.summary
    .replace(/\s*\([^)]*\)/gu, '')
    .split(/[;:]\s|,\s|\s[—–]\s/u)[0]
    .trim()
    // The stop goes, an abbreviation's ("2:30 a.m.") stays.
    .replace(/(?<!\b\p{L})[.!?…]+$/u, '');
  const first = /^\p{L}[\p{L}'’-]*/u.exec(clause)?.[0] ?? '';
  const lowered = first && first === capitalised(first.toLowerCase()) && isCommonWord(first.toLowerCase()) ? first.toLowerCase() + clause.slice(first.length) : clause;
  return shortExcerpt(lowered, 90);
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** "Kremlin claim", "Dmitry Medvedev statement", "claim from social media posts"; "(denied by Ukraine)" for a denied one. */
function whoseClaim(claim: Claim, pack: CompiledPack): string {
  const party = pack.parties.get(claim.claimants[0]);
  const noun = STATUS_NOUN[claim.status];
  const name = party?.name.replace(/^the\s+/iu, '') ?? claim.attribution.source;
  const owned = !party || party.kind === 'organisation' || party.kind === 'person' ? `${name} ${noun}` : `${noun} from ${party.name}`;
  const deniers = claim.status === 'denied' ? (claim.counterClaims ?? []).filter((c) => c.stance === 'denies').map((c) => pack.parties.get(c.party)?.name ?? c.party) : [];
  return deniers.length ? `${owned} (denied by ${deniers.join(' and ')})` : owned;
}

// What a message says of its claim, worked out once per claim: a publish words up to
// `maxProblems` messages after every keystroke, most of them of the same few claims.
const labels = new WeakMap<Claim, string>();
const owners = new WeakMap<CompiledPack, Map<string, string>>();

function plainMessage(finding: Finding, pack: CompiledPack, suggest: boolean): string {
  const claim = pack.claimById.get(finding.claimId)!.claim;
  const who = claim.attribution.source;
  let byClaim = owners.get(pack);
  if (!byClaim) owners.set(pack, (byClaim = new Map()));
  let whose = byClaim.get(claim.id);
  if (whose === undefined) byClaim.set(claim.id, (whose = whoseClaim(claim, pack)));
  let what = labels.get(claim);
  if (what === undefined) labels.set(claim, (what = claimLabel(claim)));
  const suffix = suggest ? ` (“…, ${attributionSuffix(claim)}.”)` : '';
  switch (finding.framing) {
    case 'unattributed':
      if (finding.form === 'np') return `${capitalised(whose)} taken as given: ${what} — mark it as alleged or attribute it${suffix}`;
      return `Unattributed ${whose}: ${what} — attribute it${suffix}`;
    case 'misattributed': {
      const given = finding.source?.text ? `“${finding.source.text}”` : 'the wrong source';
      return `Misattributed ${whose}: ${what} — given to ${given}; attribute it to ${who}`;
    }
    case 'weak': {
      const hedge = finding.hedge?.text ? `“${finding.hedge.text}”` : 'an unnamed source';
      return `Vaguely attributed ${whose} (${hedge}): ${what} — name the source${suffix}`;
    }
    case 'unclear': {
      const ref = finding.source?.ref;
      if (ref?.kind === 'named') return `Check the source of this ${whose}: ${what} — “${ref.name}” is not known to have made it; it comes from ${who}`;
      const word = ref?.kind === 'unresolved' ? `“${ref.word}”` : 'the source';
      return `Unclear attribution of a ${whose}: ${what} — ${word} does not say who${suffix}`;
    }
    case 'attributed':
      return `Attributed ${whose}: ${what}`;
    case 'reported':
      return `Reported: ${claim.summary}`;
  }
}

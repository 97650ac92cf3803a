import type { Finding } from '../analysis/block';
import type { CompiledClaim, CompiledPack } from '../pack/compile';
import { attributionSuffix, framingLabel, stanceLabel, statusLabel } from './messages';
import { shortExcerpt, sourceLabel } from './sourceNames';

// The hover card, short enough to read without scrolling: what the claim is, its status
// and who makes it, who denies or doubts it, what this sentence does with it, how to
// attribute it; then one line per source text, named by outlet, with a verbatim excerpt.

/** Characters of an excerpt on the card's line for its source. */
const CARD_EXCERPT = 90;

/** A link to a line of a shipped source file, or undefined when there is no file. */
export type SourceLinker = (file: string, line: number) => string | undefined;

const escape = (text: string) => text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');

function describeSource(finding: Finding, pack: CompiledPack): string | null {
  const source = finding.source;
  if (!source) return null;
  const ref = source.ref;
  const quoted = source.text ? `“${escape(source.text)}”` : 'the source';
  switch (ref.kind) {
    case 'party': {
      const party = pack.parties.get(ref.partyId)!;
      const how = ref.via === 'pronoun' ? ' (through the pronoun)' : ref.via === 'pointer' || ref.via === 'role' ? ' (pointing back)' : '';
      const who = ref.person ? `${escape(ref.person)} (${escape(party.name)})` : escape(party.name);
      const verdict = finding.framing === 'misattributed' ? ', who did not make this claim' : finding.framing === 'weak' ? ', which passes on what others claim' : '';
      return `${quoted}${how} → ${who}${verdict}`;
    }
    case 'named':
      return `${quoted} → ${escape(ref.name)}, who is not the claimant`;
    case 'vague':
      return `${quoted} → an unnamed source`;
    case 'unresolved':
      return `“${escape(ref.word)}” → nobody named before it`;
    case 'artifact':
      return `${quoted} → footage with no platform or poster named`;
    case 'none':
      return null;
  }
}

export function claimCard(compiled: CompiledClaim, pack: CompiledPack, finding: Finding | null, link: SourceLinker): string {
  const { claim } = compiled;
  const lines: string[] = [];
  const verdict = finding ? ` · **${framingLabel(finding.framing)}**` : '';
  lines.push(`**Claim Lens** · \`${claim.id}\`${verdict}`, '');
  lines.push(`> ${escape(claim.summary)}`, '');
  // What to do comes before who disputes it: the first lines are what the hover shows unscrolled.
  lines.push(`**Status:** ${statusLabel(claim.status)} · **Claimed by:** ${escape(claim.claimantLabel)}  `);
  const according = claim.attribution.according ?? `according to ${claim.attribution.source}`;
  lines.push(`**Attribute it:** “…, ${escape(attributionSuffix(claim))}.” or “${escape(according.charAt(0).toUpperCase() + according.slice(1))}, …”  `);
  const source = finding && describeSource(finding, pack);
  if (source) lines.push(`**In this sentence:** ${source}  `);
  if (finding?.hedge) lines.push(`**Hedge:** “${escape(finding.hedge.text)}” names no source  `);
  for (const counter of claim.counterClaims ?? []) {
    const party = pack.parties.get(counter.party)!;
    lines.push(`**${stanceLabel(counter.stance, escape(party.name))}:** ${escape(counter.summary)}  `);
  }
  // One line per source text: the first excerpt the claim quotes from it.
  const bySource = new Map<string, (typeof claim.excerpts)[number]>();
  for (const excerpt of claim.excerpts) if (!bySource.has(excerpt.source)) bySource.set(excerpt.source, excerpt);
  if (bySource.size) {
    lines.push('', '**Sources**');
    for (const excerpt of bySource.values()) {
      const source = pack.pack.sources.find((s) => s.id === excerpt.source);
      const label = `${escape(sourceLabel(source, excerpt.source))}, line ${excerpt.line}`;
      const href = source?.file ? link(source.file, excerpt.line) : undefined;
      lines.push(`- ${href ? `[${label}](${href})` : label}: “${escape(shortExcerpt(excerpt.text, CARD_EXCERPT))}”`);
    }
  }
  return lines.join('\n');
}

/** One line for a further claim of the same sentence: its verdict, what it is, how to attribute it. */
export function claimLine(compiled: CompiledClaim, finding: Finding): string {
  const { claim } = compiled;
  return `**Claim Lens** · \`${claim.id}\` · **${framingLabel(finding.framing)}**: ${escape(claim.summary)} Attribute it: “…, ${escape(attributionSuffix(claim))}.”`;
}

import type { Finding } from '../analysis/block';
import type { CompiledClaim, CompiledPack } from '../pack/compile';
import { attributionSuffix, framingLabel, statusLabel } from './messages';

// The hover card: what the claim is, who makes it, who denies or doubts it, what this
// sentence does with it, how to attribute it, and the sources with verbatim excerpts.

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
      const how = ref.via === 'pronoun' ? ' (through the pronoun)' : ref.via === 'pointer' ? ' (pointing back)' : '';
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
  lines.push(`**Status:** ${statusLabel(claim.status)}  `);
  lines.push(`**Claimed by:** ${escape(claim.claimantLabel)}  `);
  for (const counter of claim.counterClaims ?? []) {
    const party = pack.parties.get(counter.party)!;
    lines.push(`**${counter.stance === 'denies' ? 'Denied' : 'Doubted'} by ${escape(party.name)}:** ${escape(counter.summary)}  `);
  }
  const source = finding && describeSource(finding, pack);
  if (source) lines.push(`**In this sentence:** ${source}  `);
  if (finding?.hedge) lines.push(`**Hedge:** “${escape(finding.hedge.text)}” names no source  `);
  const according = claim.attribution.according ?? `according to ${claim.attribution.source}`;
  lines.push(`**Attribute it:** “…, ${escape(attributionSuffix(claim))}.” or “${escape(according.charAt(0).toUpperCase() + according.slice(1))}, …”`);
  if (claim.excerpts.length) {
    lines.push('', '**Sources**');
    for (const excerpt of claim.excerpts) {
      const source = pack.pack.sources.find((s) => s.id === excerpt.source);
      const title = source ? escape(source.title) : escape(excerpt.source);
      const href = source?.file ? link(source.file, excerpt.line) : undefined;
      const where = href ? `[${escape(source!.file!)}, line ${excerpt.line}](${href})` : `${escape(excerpt.source)}, line ${excerpt.line}`;
      lines.push(`- ${where} — ${title}: “${escape(excerpt.text)}”`);
    }
  }
  return lines.join('\n');
}

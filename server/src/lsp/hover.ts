import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { SEVERITY_RANK } from '../engine/framing/frame';
import type { CompiledPack } from '../engine/pack/compile';
import { claimCard, claimLine } from '../engine/report/card';
import type { Draft } from './drafts';
import { toOffset, toRange } from './positions';
import { sourceLineLink } from './sources';

// textDocument/hover: the card of the first claim recognised in the sentence under the
// cursor, flagged or not, then a line for each other claim there.

export function hoverFor(draft: Draft, packs: readonly CompiledPack[], position: Position): Hover | null {
  if (!draft.checked) return null;
  const offset = toOffset(draft.document, position);
  // The flagged claims first: the card is theirs.
  const findings = draft.snapshot.findings.filter((f) => f.sentence.start <= offset && offset <= f.sentence.end).sort((a, b) => SEVERITY_RANK[b.framing] - SEVERITY_RANK[a.framing]);
  if (!findings.length) return null;
  const cards: string[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const key = `${finding.packId}/${finding.claimId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pack = packs.find((p) => p.pack.id === finding.packId);
    const compiled = pack?.claimById.get(finding.claimId);
    if (!pack || !compiled) continue;
    cards.push(cards.length ? claimLine(compiled, finding) : claimCard(compiled, pack, finding, (file, line) => sourceLineLink(file, line, pack)));
  }
  if (!cards.length) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: cards.join('\n\n') },
    range: toRange(draft.document, findings[0].sentence),
  };
}

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { CompiledPack } from '../engine/pack/compile';
import { claimCard } from '../engine/report/card';
import type { Draft } from './drafts';
import { toOffset, toRange } from './positions';
import { sourceLineLink } from './sources';

// textDocument/hover: the claim card of every claim recognised in the sentence under the
// cursor, flagged or not.

export function hoverFor(draft: Draft, packs: readonly CompiledPack[], position: Position): Hover | null {
  if (!draft.checked) return null;
  const offset = toOffset(draft.document, position);
  const findings = draft.snapshot.findings.filter((f) => f.sentence.start <= offset && offset <= f.sentence.end);
  if (!findings.length) return null;
  const cards: string[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const key = `${finding.packId}/${finding.claimId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pack = packs.find((p) => p.pack.id === finding.packId);
    const compiled = pack?.claimById.get(finding.claimId);
    if (pack && compiled) cards.push(claimCard(compiled, pack, finding, (file, line) => sourceLineLink(file, line, pack)));
  }
  if (!cards.length) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: cards.join('\n\n---\n\n') },
    range: toRange(draft.document, findings[0].sentence),
  };
}

import type { DraftSnapshot } from '../analysis/document';
import { blockProse, type DraftSyntax } from '../text/prose';
import type { CharSpan, HeaderField } from './newsDraft';

// TK ("to come"): the newsroom's marker for a fact, name or quote still missing. Found in
// prose, headlines and the values of a news draft's header; not in code, comments, notes
// or front matter, where nothing is published.

const MARKER = /(?<![\p{L}\p{N}_-])TK(?:TK)*(?![\p{L}\p{N}_-])/gu;

export function findTkMarkers(analysedText: string, originalText: string, snapshot: DraftSnapshot, syntax: DraftSyntax, header: readonly HeaderField[]): CharSpan[] {
  const markers: CharSpan[] = [];
  const proseOf = new Map<number, string>();
  const visibleText = (blockIndex: number): string => {
    let text = proseOf.get(blockIndex);
    if (text === undefined) {
      const { block } = snapshot.blocks[blockIndex];
      const chars = block.text.replace(/[^\r\n]/g, ' ').split('');
      for (const unit of blockProse(block.text, syntax, block.start === 0).units) {
        for (let i = 0; i < unit.text.length; i++) chars[unit.start + i] = unit.text[i];
      }
      text = chars.join('');
      proseOf.set(blockIndex, text);
    }
    return text;
  };
  for (const match of analysedText.matchAll(MARKER)) {
    const start = match.index;
    const end = start + match[0].length;
    const blockIndex = snapshot.blocks.findIndex(({ block }) => block.start <= start && end <= block.end);
    if (blockIndex < 0) continue;
    const block = snapshot.blocks[blockIndex].block;
    if (visibleText(blockIndex).slice(start - block.start, end - block.start) === match[0]) markers.push({ start, end });
  }
  for (const field of header) {
    if (field.key === 'HED' || field.key === 'DEK') continue; // analysed as headlines above
    for (const match of originalText.slice(field.value.start, field.value.end).matchAll(MARKER)) {
      markers.push({ start: field.value.start + match.index, end: field.value.start + match.index + match[0].length });
    }
  }
  return markers.sort((a, b) => a.start - b.start);
}

import type { AnalysedBlock } from '../analysis/document';
import { blockProse, type DraftSyntax } from '../text/prose';
import type { CharSpan, HeaderField } from './newsDraft';

// TK ("to come"): the newsroom's marker for a fact, name or quote still missing. Found in
// prose, headlines and the values of a news draft's header; not in code, comments, notes
// or front matter, where nothing is published.

const MARKER = /(?<![\p{L}\p{N}_-])TK(?:TK)*(?![\p{L}\p{N}_-])/gu;

// Per analysed block (reused blocks keep their analysis object): markers, block-relative.
const byBlock = new WeakMap<AnalysedBlock['result'], CharSpan[]>();

function markersInBlock(text: string, syntax: DraftSyntax, atDocumentStart: boolean): CharSpan[] {
  if (!text.includes('TK')) return [];
  const found = [...text.matchAll(MARKER)];
  if (!found.length) return [];
  const visible = text.replace(/[^\r\n]/g, ' ').split('');
  for (const unit of blockProse(text, syntax, atDocumentStart).units) {
    for (let i = 0; i < unit.text.length; i++) visible[unit.start + i] = unit.text[i];
  }
  const prose = visible.join('');
  return found.filter((m) => prose.slice(m.index, m.index + m[0].length) === m[0]).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The markers of one analysed block, block-relative; cached on its analysis. */
export function tkMarkersOfBlock({ block, result }: AnalysedBlock, syntax: DraftSyntax): CharSpan[] {
  let relative = byBlock.get(result);
  if (!relative) {
    relative = markersInBlock(block.text, syntax, block.start === 0);
    byBlock.set(result, relative);
  }
  return relative;
}

/** The markers of the blocks (document offsets) with those of a news draft's header values, in order. */
export function withHeaderTkMarkers(originalText: string, blockMarkers: readonly CharSpan[], header: readonly HeaderField[]): CharSpan[] {
  const markers = [...blockMarkers];
  for (const field of header) {
    if (field.key === 'HED' || field.key === 'DEK') continue; // analysed as headlines above
    for (const match of originalText.slice(field.value.start, field.value.end).matchAll(MARKER)) {
      markers.push({ start: field.value.start + match.index, end: field.value.start + match.index + match[0].length });
    }
  }
  return markers.sort((a, b) => a.start - b.start);
}

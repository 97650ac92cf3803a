import { LineIndex } from '../text/lines';
import type { CompiledPack } from '../pack/compile';
import { splitSentences } from '../text/sentences';
import type { CharSpan } from './newsDraft';
import { findQuotations, type Speaker } from './quotes';

// The quotations the shipped source texts carry, with their speakers, as the quote check
// compares a draft's quotations against. Everything here is cut out of the source text,
// so what a hover or a fix shows is verbatim source wording.

export interface SourceText {
  /** The pack's source id. */
  id: string;
  file: string;
  title: string;
  text: string;
}

/** One line's part of a source quotation (a quotation may run across lines). */
export interface SourcePiece {
  line: number;
  text: string;
}

export interface SourceQuotation {
  sourceId: string;
  file: string;
  title: string;
  speaker: Speaker;
  /** The quotation's words, by line, verbatim. */
  pieces: SourcePiece[];
  /** Sentences of the quotation (verbatim), the units a draft is compared with. */
  sentences: SourcePiece[];
}


/** Sentences of a source text: each line is a paragraph. */
export function sourceSentences(text: string): CharSpan[] {
  const sentences: CharSpan[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    for (const span of splitSentences(line, false)) sentences.push({ start: start + span.start, end: start + span.end });
    start += line.length + 1;
  }
  return sentences;
}

/** Splits text[span] at line breaks into trimmed, non-empty pieces. */
function piecesOf(text: string, span: CharSpan, lines: LineIndex): SourcePiece[] {
  const pieces: SourcePiece[] = [];
  let start = span.start;
  for (const part of text.slice(span.start, span.end).split('\n')) {
    const trimmed = part.trim();
    if (trimmed) pieces.push({ line: lines.positionOf(start).line + 1, text: trimmed });
    start += part.length + 1;
  }
  return pieces;
}

export function sourceQuotations(sources: readonly SourceText[], pack: CompiledPack): SourceQuotation[] {
  const catalogue: SourceQuotation[] = [];
  for (const source of sources) {
    const lines = new LineIndex(source.text);
    for (const quotation of findQuotations(source.text, sourceSentences(source.text), pack, { maxBlankLines: 1, maxLineBreaks: 2 })) {
      if (!quotation.speaker) continue;
      const pieces = piecesOf(source.text, quotation.inner, lines);
      if (!pieces.length) continue;
      const sentences: SourcePiece[] = [];
      for (const piece of pieces) {
        for (const span of splitSentences(piece.text, false)) sentences.push({ line: piece.line, text: piece.text.slice(span.start, span.end) });
      }
      catalogue.push({ sourceId: source.id, file: source.file, title: source.title, speaker: quotation.speaker, pieces, sentences });
    }
  }
  return catalogue;
}

import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import { documentSentences } from '../engine/analysis/document';
import { highlightsOf, type HighlightKind } from '../engine/workflow/highlights';
import { draftKindOf } from '../engine/workflow/newsDraft';
import { quotationSpans } from '../engine/workflow/quotes';
import type { ClaimLensSettings } from '../protocol';
import type { Draft } from './drafts';

// textDocument/semanticTokens/full: quotations, attribution cues, hedges and TK markers in
// the prose of a Markdown draft, coloured as the news-draft grammar colours them (package.json
// maps each token type to the grammar's scope), only with `claimLens.highlightMarkdown` on.
// News drafts have their grammar; every other document gets no tokens.

const TOKEN_TYPES: HighlightKind[] = ['quotation', 'attributionCue', 'hedge', 'tk'];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: TOKEN_TYPES, tokenModifiers: [] };

const NONE: SemanticTokens = { data: [] };

export function semanticTokensFor(draft: Draft, settings: ClaimLensSettings): SemanticTokens {
  if (!settings.highlightMarkdown || !draft.checked || draftKindOf(draft.document.languageId) !== 'markdown') return NONE;
  const { document } = draft;
  const text = document.getText();
  const sentences = documentSentences(draft.snapshot).map((sentence) => sentence.span);
  const quotations = quotationSpans(text, sentences, { maxBlankLines: 0, maxLineBreaks: Number.POSITIVE_INFINITY });
  const builder = new SemanticTokensBuilder();
  for (const highlight of highlightsOf(text, sentences, quotations)) {
    const type = TOKEN_TYPES.indexOf(highlight.kind);
    // A token lies on one line: a quotation across lines is one token a line.
    for (let start = highlight.start; start < highlight.end; ) {
      const position = document.positionAt(start);
      const lineEnd = document.offsetAt({ line: position.line + 1, character: 0 });
      const end = Math.min(highlight.end, lineEnd > start ? lineEnd : highlight.end);
      const length = text.slice(start, end).replace(/\r?\n$/, '').length;
      if (length > 0) builder.push(position.line, position.character, length, type, 0);
      start = end;
    }
  }
  return builder.build();
}

import grammar from '../../../../syntaxes/news-draft.tmLanguage.json';
import type { CharSpan } from './newsDraft';

// What the news-draft grammar colours (quotations, attribution cues, hedges, TK markers),
// found in the prose of a Markdown or plain-text draft, for an editor to colour the same way
// (semantic tokens; see lsp/semanticTokens.ts). The words are the grammar's own patterns, so
// that both colour the same words; only sentences the engine reads as prose are searched,
// so code, comments, front matter and link targets stay as they are.

export type HighlightKind = 'quotation' | 'attributionCue' | 'hedge' | 'tk';

export interface Highlight extends CharSpan {
  kind: HighlightKind;
}

type Rule = { match?: string; patterns?: Rule[] };

/** The grammar's `match` patterns of a repository entry, as one JavaScript expression. */
function patternsOf(entry: Rule): RegExp {
  const sources = (entry.patterns ?? [entry]).map((rule) => rule.match).filter((match): match is string => Boolean(match));
  return new RegExp(sources.map((source) => `(?:${source})`).join('|'), 'gu');
}

const WORDS: Array<[HighlightKind, RegExp]> = [
  ['hedge', patternsOf(grammar.repository.hedge)],
  ['attributionCue', patternsOf(grammar.repository.cue)],
  ['tk', patternsOf(grammar.repository.tk)],
];

/** Markup inside a sentence that is not prose: `inline code`, a [link](target), an <!-- HTML comment -->. */
const NOT_PROSE = /`[^`]*`|\[[^\]]*\]\([^)]*\)|<!--[\s\S]*?(?:-->|$)/gu;

/**
 * Highlights in document order, none overlapping: the quotations (`quotations`, their outer
 * spans) and, outside them, the hedges, cues and TK markers of the given prose sentences.
 */
export function highlightsOf(text: string, sentences: readonly CharSpan[], quotations: readonly CharSpan[]): Highlight[] {
  const found: Highlight[] = quotations.map((span) => ({ start: span.start, end: span.end, kind: 'quotation' as const }));
  const overlaps = (spans: readonly CharSpan[], start: number, end: number) => spans.some((span) => span.start < end && start < span.end);
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    const taken: CharSpan[] = [...body.matchAll(NOT_PROSE)].map((markup) => ({ start: sentence.start + markup.index!, end: sentence.start + markup.index! + markup[0].length }));
    for (const [kind, expression] of WORDS) {
      for (const match of body.matchAll(expression)) {
        const start = sentence.start + match.index!;
        const end = start + match[0].length;
        if (overlaps(taken, start, end) || overlaps(quotations, start, end)) continue;
        taken.push({ start, end });
        found.push({ start, end, kind });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

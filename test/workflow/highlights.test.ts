import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText, documentSentences } from '../../server/src/engine/analysis/document';
import { highlightsOf } from '../../server/src/engine/workflow/highlights';
import { quotationSpans } from '../../server/src/engine/workflow/quotes';
import { kremlin } from '../helpers';

// What Markdown prose is coloured with claimLens.highlightMarkdown on: the news-draft
// grammar's quotations, cues, hedges and TK, and nothing in code, comments or links.

function highlighted(text: string): string[] {
  const sentences = documentSentences(analyzeText(text, [kremlin()], { syntax: 'markdown' })).map((s) => s.span);
  const quotations = quotationSpans(text, sentences, { maxBlankLines: 0, maxLineBreaks: Number.POSITIVE_INFINITY });
  return highlightsOf(text, sentences, quotations).map((h) => `${h.kind}: ${text.slice(h.start, h.end)}`);
}

test('quotations, attribution cues, hedges and TK in headings and paragraphs', () => {
  const text = '# Drones over the Kremlin, TK\n\n“We are not attacking Putin or Moscow,” Zelensky said, according to Reuters.\n\nResidents reportedly heard bangs. TK: call the bureau.\n';
  assert.deepEqual(highlighted(text), [
    'tk: TK',
    'quotation: “We are not attacking Putin or Moscow,”',
    'attributionCue: said',
    'attributionCue: according to',
    'hedge: reportedly',
    'tk: TK',
  ]);
});

test('code, inline code, link text and targets, and HTML comments stay as they are', () => {
  const text = [
    '```text',
    'He said “nothing” here. TK',
    '```',
    '',
    'Inline `he said` code and a [link that said](https://example.com/said) stay as they are.',
    '',
    'Before <!-- she said TK --> after.',
    '',
    'The desk said "fine" at last.',
    '',
  ].join('\n');
  assert.deepEqual(highlighted(text), ['attributionCue: said', 'quotation: "fine"']);
});

test('the highlights never overlap: a cue inside a quotation is part of the quotation', () => {
  const text = '“He said it is over,” the spokesman said.\n';
  assert.deepEqual(highlighted(text), ['quotation: “He said it is over,”', 'attributionCue: said']);
});

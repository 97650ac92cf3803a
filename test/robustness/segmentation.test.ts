import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeText, documentSentences } from '../../server/src/engine/analysis/document';
import { segmentText } from '../../server/src/engine/text/segments';
import { splitSentences } from '../../server/src/engine/text/sentences';
import { tokenize } from '../../server/src/engine/text/tokens';
import { kremlin } from '../helpers';
import { anyString, composedDraft, runs, sentenceGap, splitsSurrogatePair, trickySentence, trickyText } from './arbitraries';

// Sentence and word ranges are offsets into the draft; a range that is off by one code
// unit moves a squiggle, and a quick fix built on it eats a character.

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

interface Span {
  start: number;
  end: number;
}

/** Spans lie inside the text, in order, without overlap, and never cut a surrogate pair. */
function assertWellFormed(text: string, spans: readonly Span[], what: string): void {
  let previousEnd = 0;
  for (const span of spans) {
    assert.ok(span.start >= previousEnd, `${what} overlap or out of order at ${span.start}`);
    assert.ok(span.start < span.end && span.end <= text.length, `${what} [${span.start}, ${span.end}) outside the text (${text.length})`);
    assert.ok(!splitsSurrogatePair(text, span.start) && !splitsSurrogatePair(text, span.end), `${what} [${span.start}, ${span.end}) cuts a surrogate pair`);
    previousEnd = span.end;
  }
}

/** Sentences carry no surrounding white space. */
function assertTrimmed(text: string, spans: readonly Span[]): void {
  for (const span of spans) {
    const slice = text.slice(span.start, span.end);
    assert.equal(slice, slice.trim(), `sentence ${JSON.stringify(slice)} is not trimmed`);
  }
}

/** Every code point matching `pattern` lies inside one of the spans. */
function assertCovered(text: string, spans: readonly Span[], pattern: RegExp, what: string): void {
  let k = 0;
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    while (k < spans.length && spans[k].end <= i) k++;
    if (pattern.test(char) && !(k < spans.length && spans[k].start <= i)) {
      assert.fail(`${JSON.stringify(char)} at ${i} is in no ${what}: ${JSON.stringify(text.slice(Math.max(0, i - 40), i + 40))}`);
    }
    i += char.length;
  }
}

const sentencePieces = (text: string) => splitSentences(text, false).map((span) => text.slice(span.start, span.end));

test('sentence spans are trimmed, ordered, whole code points, and hold every letter and digit', () => {
  fc.assert(
    fc.property(fc.oneof(trickyText(), anyString), fc.boolean(), (text, heading) => {
      const spans = splitSentences(text, heading);
      assertWellFormed(text, spans, 'sentence');
      assertTrimmed(text, spans);
      assertCovered(text, spans, LETTER_OR_DIGIT, 'sentence');
    }),
    { numRuns: runs(150) },
  );
});

test('a paragraph of sentences splits back into exactly those sentences, whatever is inside them', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(trickySentence(), sentenceGap), { minLength: 1, maxLength: 6 }), (parts) => {
      const text = parts.map(([sentence, gap], k) => sentence + (k < parts.length - 1 ? gap : '')).join('');
      assert.deepEqual(sentencePieces(text), parts.map(([sentence]) => sentence));
    }),
    { numRuns: runs(100) },
  );
});

test('a very long line of sentences splits exactly, past the segmenter window', () => {
  fc.assert(
    fc.property(fc.array(trickySentence(20, 8), { minLength: 60, maxLength: 120 }), (sentences) => {
      const text = sentences.join(' ');
      assert.ok(text.length > 4096, 'the line is longer than the segmenter window');
      assert.deepEqual(sentencePieces(text), sentences);
    }),
    { numRuns: runs(3) },
  );
});

test('windowed segmentation finds the same segments as ICU over the whole text', () => {
  const words = new Intl.Segmenter('en', { granularity: 'word' });
  const sentences = new Intl.Segmenter('en-u-ss-standard', { granularity: 'sentence' });
  const whole = (segmenter: Intl.Segmenter, text: string) =>
    [...segmenter.segment(text)].map((s) => ({ index: s.index, segment: s.segment, isWordLike: s.isWordLike ?? false }));
  fc.assert(
    fc.property(fc.oneof(trickyText({ maxPieces: 200 }), anyString), fc.constantFrom(words, sentences), (text, segmenter) => {
      // A small window makes every draft cross several window edges.
      assert.deepEqual([...segmentText(segmenter, text, { window: 96, margin: 32 })], whole(segmenter, text));
    }),
    { numRuns: runs(300) },
  );
});

test('tokens slice their own text and hold every character that is not white space', () => {
  fc.assert(
    fc.property(fc.oneof(trickyText(), anyString), (text) => {
      const tokens = tokenize(text);
      assertWellFormed(text, tokens, 'token');
      for (const token of tokens) assert.equal(token.text, text.slice(token.start, token.end));
      assertCovered(text, tokens, /\S/u, 'token');
    }),
    { numRuns: runs(300) },
  );
});

test('a single very long line is tokenised completely and in bounded time', () => {
  const line = 'Two drones 🚁 attacked the Kremlin overnight, and nobody knows why ';
  const text = line.repeat(Math.ceil(300_000 / line.length));
  const started = performance.now();
  const tokens = tokenize(text);
  const elapsed = performance.now() - started;
  assertWellFormed(text, tokens, 'token');
  assertCovered(text, tokens, /\S/u, 'token');
  assert.equal(tokens.length, (text.length / line.length) * tokenize(line).length);
  // Walking the whole line with one Intl.Segmenter took over 20 s here; windowed, under 1 s.
  assert.ok(elapsed < 8_000, `tokenising ${text.length} characters took ${Math.round(elapsed)} ms`);
});

test('document sentences and findings stay inside the draft, Markdown or plain', () => {
  const packs = [kremlin()];
  fc.assert(
    fc.property(fc.oneof(trickyText({ markdown: true }), anyString), fc.constantFrom('markdown' as const, 'plain' as const), (text, syntax) => {
      const snapshot = analyzeText(text, packs, { syntax });
      const sentences = documentSentences(snapshot).map((s) => s.span);
      assertWellFormed(text, sentences, 'sentence');
      assertTrimmed(text, sentences);
      if (syntax === 'plain') assertCovered(text, sentences, LETTER_OR_DIGIT, 'sentence');
      for (const finding of snapshot.findings) {
        assert.ok(
          sentences.some((s) => s.start === finding.sentence.start && s.end === finding.sentence.end),
          `finding ${finding.claimId} [${finding.sentence.start}, ${finding.sentence.end}) is not a sentence of the draft`,
        );
        assert.ok(finding.sentence.start <= finding.evidence.start && finding.evidence.end <= finding.sentence.end, 'evidence inside its sentence');
      }
    }),
    { numRuns: runs(100) },
  );
});

test('a draft made of sentences is read back as exactly those sentences, Markdown or plain', () => {
  const packs = [kremlin()];
  fc.assert(
    fc.property(composedDraft(), fc.constantFrom('markdown' as const, 'plain' as const), ({ text, sentences }, syntax) => {
      const snapshot = analyzeText(text, packs, { syntax });
      assert.deepEqual(
        documentSentences(snapshot).map(({ span }) => text.slice(span.start, span.end)),
        sentences,
      );
    }),
    { numRuns: runs(50) },
  );
});

test('a Markdown block that opens with U+FEFF keeps its offsets (the parser drops that character)', () => {
  const text = 'Intro.\n\n\uFEFFTwo *drones* attacked the Kremlin overnight. Nobody 🙂 was hurt.';
  const snapshot = analyzeText(text, [kremlin()], { syntax: 'markdown' });
  assert.deepEqual(
    documentSentences(snapshot).map(({ span }) => text.slice(span.start, span.end)),
    ['Intro.', 'Two *drones* attacked the Kremlin overnight.', 'Nobody 🙂 was hurt.'],
  );
  const [finding] = snapshot.findings;
  assert.equal(text.slice(finding.sentence.start, finding.sentence.end), 'Two *drones* attacked the Kremlin overnight.');
});

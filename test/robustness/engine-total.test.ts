import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeText, DraftAnalyzer, recheckSentence } from '../../server/src/engine/analysis/document';
import { fixesFor } from '../../server/src/engine/fixes/fixes';
import { claimCard } from '../../server/src/engine/report/card';
import { messageOf, severityOf } from '../../server/src/engine/report/messages';
import type { DraftSyntax } from '../../server/src/engine/text/prose';
import { kremlin } from '../helpers';
import { anyString, CLAIM_SENTENCES, runs, trickyText } from './arbitraries';

// The engine is total: whatever string an editor hands over, analysis, messages, hover
// cards and fixes return; and an incrementally updated draft reads exactly as a fresh one.

const syntaxes = fc.constantFrom<DraftSyntax>('markdown', 'plain');

test('every flagged sentence of the bundled generators is flagged on its own', () => {
  // The properties below lean on these sentences producing findings.
  for (const sentence of CLAIM_SENTENCES) {
    assert.ok(analyzeText(sentence, [kremlin()]).findings.length > 0, `no finding for: ${sentence}`);
  }
});

test('analysis, messages, cards and fixes never throw, on any string and in either syntax', () => {
  const pack = kremlin();
  const packs = [pack];
  fc.assert(
    fc.property(
      fc.oneof(anyString, trickyText({ markdown: true })),
      syntaxes,
      fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
      (text, syntax, maxChars) => {
        const snapshot = analyzeText(text, packs, { syntax, maxChars });
        assert.ok(snapshot.skippedChars >= 0 && snapshot.skippedChars <= text.length);
        for (const finding of snapshot.findings) {
          const compiled = pack.claimById.get(finding.claimId);
          assert.ok(compiled, `finding for an unknown claim ${finding.claimId}`);
          severityOf(finding, compiled.claim);
          assert.ok(messageOf(finding, pack).length > 0);
          assert.ok(claimCard(compiled, pack, finding, (file, line) => `${file}#L${line}`).length > 0);
          fixesFor(finding, compiled.claim, text, (replacement, span = finding.sentence) => recheckSentence(snapshot, packs, syntax, span, replacement));
        }
      },
    ),
    { numRuns: runs(150) },
  );
});

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.constant(''), trickyText({ markdown: true, maxPieces: 6 }), fc.constantFrom(...CLAIM_SENTENCES), fc.constantFrom('\n\n', '\r\n', '. ', '# ', '“')),
});

function applyEdit(text: string, { at, remove, insert }: Edit): string {
  const start = text.length ? at % (text.length + 1) : 0;
  return text.slice(0, start) + insert + text.slice(Math.min(text.length, start + remove));
}

test('an incrementally updated draft reads exactly as a fresh analysis of the same text', () => {
  const packs = [kremlin()];
  fc.assert(
    fc.property(trickyText({ markdown: true }), fc.array(edit, { minLength: 1, maxLength: 12 }), syntaxes, (start, edits, syntax) => {
      const analyzer = new DraftAnalyzer(packs, { syntax, maxChars: 2_000_000 });
      let text = start;
      analyzer.update(text);
      for (const change of edits) {
        text = applyEdit(text, change);
        const incremental = analyzer.update(text);
        const fresh = analyzeText(text, packs, { syntax });
        assert.deepEqual(incremental.findings, fresh.findings);
        assert.deepEqual(
          incremental.blocks.map((b) => b.result.sentences),
          fresh.blocks.map((b) => b.result.sentences),
        );
      }
    }),
    { numRuns: runs(25) },
  );
});

test('an update left part-way (a newer version arrived) and continued by the next reads exactly as a fresh analysis', () => {
  const packs = [kremlin()];
  fc.assert(
    fc.property(
      trickyText({ markdown: true }),
      fc.array(fc.record({ change: edit, steps: fc.nat({ max: 6 }) }), { minLength: 1, maxLength: 8 }),
      syntaxes,
      (start, edits, syntax) => {
        const analyzer = new DraftAnalyzer(packs, { syntax, maxChars: 2_000_000 });
        let text = start;
        for (const { change, steps } of edits) {
          // A few blocks of this version, then the next version arrives.
          const update = analyzer.updateSteps(text);
          for (let i = 0; i < steps && !update.next().done; i++);
          update.return(undefined as never);
          text = applyEdit(text, change);
        }
        const finished = analyzer.update(text);
        const fresh = analyzeText(text, packs, { syntax });
        assert.deepEqual(finished.findings, fresh.findings);
        assert.deepEqual(
          finished.blocks.map((b) => [b.block.start, b.block.end, b.result.sentences]),
          fresh.blocks.map((b) => [b.block.start, b.block.end, b.result.sentences]),
        );
      },
    ),
    { numRuns: runs(20) },
  );
});

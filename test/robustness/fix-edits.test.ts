import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, recheckSentence } from '../../server/src/engine/analysis/document';
import { fixesFor, minimalEdit } from '../../server/src/engine/fixes/fixes';
import type { DraftSyntax } from '../../server/src/engine/text/prose';
import { toRange } from '../../server/src/lsp/positions';
import { kremlin } from '../helpers';
import { CLAIM_SENTENCES, runs, splitsSurrogatePair, trickyText } from './arbitraries';

// A quick fix rewrites its own sentence and nothing else: every byte before and after the
// sentence is the same after the fix, also when the edit travels as an LSP range through
// CRLF line ends, tabs and surrogate pairs.

const utf8 = (text: string) => Buffer.from(text, 'utf8');

const draftAroundClaims = fc
  .tuple(
    trickyText({ markdown: true, maxPieces: 15 }),
    fc.array(fc.tuple(fc.constantFrom(...CLAIM_SENTENCES), fc.constantFrom(' ', '\n', '\r\n', '\n\n', '\r\n\r\n', '\t', ' 🙂 ', ' e\u0301 ')), {
      minLength: 1,
      maxLength: 3,
    }),
    trickyText({ markdown: true, maxPieces: 15 }),
    fc.constantFrom(' ', '\n\n', '\r\n\r\n', '\n'),
  )
  .map(([head, claims, tail, gap]) => head + gap + claims.map(([sentence, after]) => sentence + after).join('') + tail);

test('every quick-fix edit stays inside its sentence (or its named speaker); the rest of the draft is byte-identical', () => {
  const pack = kremlin();
  const packs = [pack];
  let fixesChecked = 0;
  fc.assert(
    fc.property(draftAroundClaims, fc.constantFrom<DraftSyntax>('markdown', 'plain'), (text, syntax) => {
      const snapshot = analyzeText(text, packs, { syntax });
      const document = TextDocument.create('file:///draft.md', syntax === 'markdown' ? 'markdown' : 'plaintext', 1, text);
      for (const finding of snapshot.findings) {
        const claim = pack.claimById.get(finding.claimId)!.claim;
        // A fix edits its sentence, or the speaker it names when that sits in a later sentence.
        const start = Math.min(finding.sentence.start, finding.source?.span.start ?? Infinity);
        const end = Math.max(finding.sentence.end, finding.source?.span.end ?? -Infinity);
        const fixes = fixesFor(finding, claim, text, (replacement, span = finding.sentence) => recheckSentence(snapshot, packs, syntax, span, replacement));
        for (const fix of fixes) {
          for (const edit of fix.edits) {
            assert.ok(start <= edit.start && edit.start <= edit.end && edit.end <= end, `"${fix.title}" edits [${edit.start}, ${edit.end}) outside its sentence and speaker [${start}, ${end})`);
            assert.ok(!splitsSurrogatePair(text, edit.start) && !splitsSurrogatePair(text, edit.end), `"${fix.title}" cuts a surrogate pair`);
          }
          // Applied the way an editor applies it: LSP ranges on the document.
          const after = TextDocument.applyEdits(document, fix.edits.map((edit) => ({ range: toRange(document, edit), newText: edit.newText })));
          const tailLength = text.length - end;
          assert.ok(utf8(after.slice(0, start)).equals(utf8(text.slice(0, start))), `"${fix.title}" changed text before its sentence`);
          assert.ok(utf8(after.slice(after.length - tailLength)).equals(utf8(text.slice(end))), `"${fix.title}" changed text after its sentence`);
          assert.notEqual(after, text, `"${fix.title}" changes nothing`);
          fixesChecked++;
        }
      }
    }),
    { numRuns: runs(20) },
  );
  assert.ok(fixesChecked > 0, 'the generated drafts offered quick fixes to check');
});

test('a minimal edit turns the old text into the new and never cuts a surrogate pair', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '🙂', '🙃', '𝕂', 'e\u0301', '\r\n', '.'), maxLength: 30 });
  fc.assert(
    fc.property(text, text, fc.nat({ max: 1000 }), (before, after, offset) => {
      const edit = minimalEdit(before, after, offset);
      assert.ok(offset <= edit.start && edit.start <= edit.end && edit.end <= offset + before.length);
      assert.ok(!splitsSurrogatePair(before, edit.start - offset) && !splitsSurrogatePair(before, edit.end - offset), `${JSON.stringify(edit)} cuts a pair`);
      assert.equal(before.slice(0, edit.start - offset) + edit.newText + before.slice(edit.end - offset), after);
    }),
    { numRuns: runs(500) },
  );
});

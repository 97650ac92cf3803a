import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText, failedBlocks } from '../../server/src/engine/analysis/document';
import { SENTENCE_RULES } from '../../server/src/engine/framing/rules';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../../server/src/cli/check';
import { diagnosticsFor } from '../../server/src/lsp/diagnostics';
import { DraftStore } from '../../server/src/lsp/drafts';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import { kremlin } from '../helpers';

/** Runs `body` while one attribution rule throws on any sentence holding `word`. */
function withFaultyRule<T>(word: string, body: () => T): T {
  const rule = SENTENCE_RULES[0];
  const read = rule.read;
  (rule as { read: typeof read }).read = (view, earlier) => {
    if (view.tokens.some((token) => token.lower === word)) throw new Error('rule fault');
    return read.call(rule, view, earlier);
  };
  try {
    return body();
  } finally {
    (rule as { read: typeof read }).read = read;
  }
}

const draft = ['A pair of drones struck the Kremlin overnight.', 'A zebra claimed that drones had struck the Kremlin.', 'Kyiv sent the drones to kill Putin.'].join('\n\n');

test('a fault while reading one paragraph costs that paragraph only, and says so', () => {
  const whole = analyzeText(draft, [kremlin()]);
  assert.deepEqual(failedBlocks(whole), []);
  const faulty = withFaultyRule('zebra', () => analyzeText(draft, [kremlin()]));
  const failed = failedBlocks(faulty);
  assert.equal(failed.length, 1);
  assert.equal(failed[0].start, draft.indexOf('A zebra'));
  assert.match(failed[0].message, /could not be read.*rule fault/);
  // The paragraphs before and after are read as they are without the fault; the faulty one has no findings.
  const codes = (findings: typeof whole.findings) => findings.map((finding) => `${finding.sentence.start}:${finding.claimId}`);
  const elsewhere = whole.findings.filter((finding) => finding.sentence.start !== failed[0].start);
  assert.ok(elsewhere.length >= 2 && elsewhere.length < whole.findings.length);
  assert.deepEqual(codes(faulty.findings), codes(elsewhere));
});

test('the command line reports a paragraph it could not read as Information', () => {
  const problems = withFaultyRule('zebra', () => checkText('draft.md', draft, [kremlin()]));
  const notRead = problems.filter((problem) => problem.claim === 'paragraph-not-read');
  assert.equal(notRead.length, 1);
  assert.equal(notRead[0].line, 3);
  assert.equal(notRead[0].severity, 'information');
  assert.ok(problems.some((problem) => problem.line === 5 && problem.severity === 'warning'));
});

test('the editor publishes the same Information at the paragraph it could not read', () => {
  const document = TextDocument.create('file:///tmp/faulty.md', 'markdown', 1, draft);
  const packs = [kremlin()];
  const diagnostics = withFaultyRule('zebra', () => diagnosticsFor(new DraftStore(() => packs, () => DEFAULT_SETTINGS).update(document), packs, DEFAULT_SETTINGS));
  const notRead = diagnostics.filter((diagnostic) => diagnostic.code === 'paragraph-not-read');
  assert.equal(notRead.length, 1);
  assert.equal(notRead[0].range.start.line, 2);
  assert.equal(notRead[0].severity, DiagnosticSeverity.Information);
  assert.ok(diagnostics.some((diagnostic) => diagnostic.range.start.line === 4 && diagnostic.severity === DiagnosticSeverity.Warning));
});

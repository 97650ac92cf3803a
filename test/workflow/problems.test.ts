import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../../server/src/cli/check';
import { diagnosticsFor } from '../../server/src/lsp/diagnostics';
import { DraftStore } from '../../server/src/lsp/drafts';
import { Workflow } from '../../server/src/lsp/workflow';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import { kremlin, ROOT } from '../helpers';
import { library } from './review';

// The editor and the command line take their problems from one place (engine/workflow/problems.ts):
// the same codes, severities, messages and spans for the same draft.

test('the editor publishes the problems the command line prints: claims, quotations and TK alike (the attribution to write is on the hover card and the quick fix, not in the message)', () => {
  const packs = [kremlin()];
  const text = `${readFileSync(join(ROOT, 'samples', 'kremlin-draft.md'), 'utf8')}\n\nPeskov said: "We fight on our territory." TK\n`;
  const document = TextDocument.create('file:///tmp/parity.md', 'markdown', 1, text);
  const draft = new DraftStore(() => packs, () => DEFAULT_SETTINGS).update(document);
  const workflow = new Workflow(library);
  const review = workflow.review(draft, packs);
  const settings = { ...DEFAULT_SETTINGS, maxProblems: 10_000 };
  const diagnostics = [...diagnosticsFor(workflow.visible(draft, review), packs, settings), ...workflow.diagnostics(draft, review)];
  const severities = ['', 'error', 'warning', 'information', 'hint'];
  const fromEditor = diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${severities[d.severity!]} ${d.code} ${d.message}`);
  // (The command line counts columns from 1 in UTF-16 units too; its rows come sorted by place.)
  const fromCommandLine = checkText('parity.md', text, packs).map((p) => `${p.line}:${p.column} ${p.severity} ${p.claim} ${p.message}`);
  assert.ok(fromCommandLine.some((row) => / tk /.test(row)) && fromCommandLine.some((row) => / quote-/.test(row)), fromCommandLine.join('\n'));
  assert.ok(fromCommandLine.length > 5);
  // The command line's message ends with the attribution to write; the editor's leaves it out.
  const suggestion = / \(“…, [^”]+\.”\)$/;
  assert.ok(fromCommandLine.filter((row) => suggestion.test(row)).length > 5);
  assert.ok(!fromEditor.some((row) => suggestion.test(row)));
  assert.deepEqual([...fromEditor].sort(), fromCommandLine.map((row) => row.replace(suggestion, '')).sort());
});

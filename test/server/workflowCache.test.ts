import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompiledPack } from '../../server/src/engine/pack/compile';
import { DraftStore } from '../../server/src/lsp/drafts';
import { Workflow } from '../../server/src/lsp/workflow';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import { kremlin } from '../helpers';
import { library } from '../workflow/review';

test('a re-check of the same version (new packs or settings) is reviewed afresh, a repeat request is not', () => {
  let packs: CompiledPack[] = [kremlin()];
  const store = new DraftStore(() => packs, () => DEFAULT_SETTINGS);
  const workflow = new Workflow(library);
  const document = TextDocument.create('file:///tmp/cache.md', 'markdown', 1, 'Two drones attacked the Kremlin overnight. TK\n');
  const first = store.update(document);
  const review = workflow.review(first, packs)!;
  assert.deepEqual(review.findings.map((f) => f.claimId), ['kremlin-drone-attack']);
  assert.equal(workflow.review(first, packs), review, 'hover and code actions reuse the published review');
  packs = [];
  store.reset();
  const again = workflow.review(store.update(document), packs)!;
  assert.deepEqual(again.findings, []);
  assert.deepEqual(again.notes.map((n) => n.code), ['tk']);
});

test('a news draft is analysed in its prepared form by the draft store', () => {
  const store = new DraftStore(() => [kremlin()], () => DEFAULT_SETTINGS);
  const draft = store.update(TextDocument.create('file:///tmp/a.draft', 'news-draft', 1, 'BYLINE: Two drones attacked the Kremlin overnight\nHED: Drones hit Kremlin\n'));
  assert.deepEqual(draft.snapshot.findings.map((f) => [f.claimId, f.headline, f.sentence.start]), [['kremlin-drone-attack', true, 55]]);
});

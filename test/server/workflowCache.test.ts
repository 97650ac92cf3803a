import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompiledPack } from '../../server/src/engine/pack/compile';
import { CheckScheduler, SLICE_MS } from '../../server/src/lsp/checks';
import { codeActionsFor } from '../../server/src/lsp/codeActions';
import { DraftStore, type Draft } from '../../server/src/lsp/drafts';
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

test('checks run in slices: a short one at once, a long one a slice at a time, overtaken by a newer version, awaited by requests', async () => {
  const finished: string[] = [];
  const left: string[] = [];
  const stepsOf = (document: TextDocument) =>
    (function* () {
      try {
        // Each step takes a few milliseconds; the text says how many steps.
        for (let i = 0; i < Number(document.getText()); i++) {
          const until = performance.now() + 2;
          while (performance.now() < until);
          yield;
        }
      } finally {
        left.push(`${document.uri}@${document.version}`);
      }
      return { document } as unknown as Draft;
    })();
  const checks = new CheckScheduler(stepsOf, (draft) => finished.push(`${draft.document.uri}@${draft.document.version}`), () => assert.fail('no step throws'));
  checks.check(TextDocument.create('file:///short', 'markdown', 1, '0'));
  assert.deepEqual(finished, ['file:///short@1'], 'a short check is done before check() returns');

  checks.check(TextDocument.create('file:///long', 'markdown', 1, '200'));
  assert.deepEqual(finished, ['file:///short@1'], 'a long one is not');
  // Other work gets its turn between slices, long before the check is done (400 ms of steps).
  const turn = performance.now();
  await new Promise((resolve) => setImmediate(resolve));
  assert.ok(performance.now() - turn < SLICE_MS * 20, `waited ${Math.round(performance.now() - turn)} ms for a turn`);
  assert.deepEqual(finished, ['file:///short@1']);
  // A newer version takes over; a request waits for the newest check.
  checks.check(TextDocument.create('file:///long', 'markdown', 2, '30'));
  assert.ok(left.includes('file:///long@1'), 'the overtaken check was left');
  await checks.settled('file:///long');
  assert.deepEqual(finished, ['file:///short@1', 'file:///long@2']);
});

test('quick fixes name the version their offsets are for when the client takes versioned edits', () => {
  const packs = [kremlin()];
  const store = new DraftStore(() => packs, () => DEFAULT_SETTINGS);
  const workflow = new Workflow(library);
  const document = TextDocument.create('file:///tmp/versioned.md', 'markdown', 7, 'Two drones attacked the Kremlin overnight.\n');
  const draft = workflow.visible(store.update(document), workflow.review(store.update(document), packs));
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } };
  const diagnostic = { range, message: '', source: 'claim-lens', code: 'kremlin-drone-attack' };
  const params = { textDocument: { uri: document.uri }, range, context: { diagnostics: [diagnostic] } };
  const actions = [...codeActionsFor(draft, packs, DEFAULT_SETTINGS, params, true), ...workflow.codeActions(draft, packs, params, true)];
  assert.ok(actions.length >= 3, actions.map((a) => a.title).join('; '));
  for (const action of actions) {
    assert.equal(action.edit?.changes, undefined, action.title);
    assert.deepEqual(action.edit?.documentChanges?.map((change) => ('textDocument' in change ? change.textDocument : change)), [{ uri: document.uri, version: 7 }], action.title);
  }
  // A client that takes no versioned edits gets plain changes.
  assert.ok(codeActionsFor(draft, packs, DEFAULT_SETTINGS, params).every((action) => action.edit?.changes?.[document.uri]));
});

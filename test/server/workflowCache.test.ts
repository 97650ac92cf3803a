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

test('work nobody waits for (the warm-up) runs in slices only while no check is under way; a step that throws is reported', async () => {
  const order: string[] = [];
  const stepsOf = (document: TextDocument) =>
    (function* () {
      for (let i = 0; i < 3; i++) {
        order.push(`check ${i}`);
        const until = performance.now() + SLICE_MS + 1;
        while (performance.now() < until);
        yield;
      }
      return { document } as unknown as Draft;
    })();
  const checks = new CheckScheduler(stepsOf, () => order.push('published'), () => assert.fail('no step throws'));
  const failures: unknown[] = [];
  let backgroundDone!: () => void;
  const finished = new Promise<void>((resolve) => (backgroundDone = resolve));
  checks.whenIdle(
    (function* () {
      for (let i = 0; i < 4; i++) {
        order.push(`background ${i}`);
        yield;
      }
    })(),
    (error) => failures.push(error),
  );
  checks.whenIdle(
    (function* () {
      order.push('failing');
      yield;
      throw new Error('broken step');
    })(),
    (error) => {
      failures.push(error);
      backgroundDone();
    },
  );
  // Nothing runs in the background before the event loop turns: a check that arrives now goes first.
  checks.check(TextDocument.create('file:///first', 'markdown', 1, ''));
  assert.deepEqual(order, ['check 0']);
  await finished;
  const published = order.indexOf('published');
  assert.ok(published > 0 && order.slice(0, published).every((entry) => entry.startsWith('check')), order.join(', '));
  assert.deepEqual(order.slice(published + 1), ['background 0', 'background 1', 'background 2', 'background 3', 'failing']);
  assert.equal((failures as Error[]).map((error) => error.message).join(), 'broken step');
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

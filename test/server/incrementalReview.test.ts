import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompiledPack } from '../../server/src/engine/pack/compile';
import { diagnosticsFor } from '../../server/src/lsp/diagnostics';
import { DraftStore, type Draft } from '../../server/src/lsp/drafts';
import { LiveDocument } from '../../server/src/lsp/liveDocument';
import { Workflow } from '../../server/src/lsp/workflow';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import { kremlin } from '../helpers';
import { library } from '../workflow/review';

// The review of a new version starts from the review before it: the quotation checks, TK
// markers and comments of the blocks an edit kept are taken over, moved by the edit
// (engine/workflow/review.ts, SnapshotChange). Whatever the edits, what is published must be
// what a fresh open of the final text publishes.

const PARAGRAPHS = [
  '# Overnight in Moscow TK',
  'Peskov said: “Ukraine has nothing to do with drone attacks on the Kremlin.”',
  'The city council approved the riverside housing scheme on Monday. TK',
  '<!-- claim-lens-disable-next-line kremlin-drone-attack -->\nTwo drones attacked the Kremlin overnight.',
  '“We never attack Putin or Moscow,” Zelensky said.',
  'It said two drones attacked the Kremlin overnight.',
  '“We fight on our own territory,” he said. The figures will be reviewed in the autumn TKTK.',
  'Two drones attacked the Kremlin overnight.',
  '<!-- claim-lens-disable kremlin-drone-attack -->',
  'Kyiv was behind the attack, the Kremlin said. “Ukraine has nothing to do with drone attacks,” Blinken said.',
];
const PIECES = ['\n', '\n\n', '“', '”', 'TK ', '<!-- ', ' -->', 'It said ', 'Peskov said: ', 'Two drones attacked the Kremlin. ', 'x', ' ', '> '];

/** What the editor is sent for a draft, and what hovers and the report read of its review. */
function published(workflow: Workflow, draft: Draft, packs: readonly CompiledPack[]) {
  const review = workflow.review(draft, packs);
  return {
    diagnostics: [...diagnosticsFor(workflow.visible(draft, review), packs, DEFAULT_SETTINGS), ...workflow.diagnostics(draft, review)],
    notes: review?.notes,
    quoteChecks: review?.quoteChecks,
    directives: review?.directives,
    suppressed: [review?.suppressedFindings, review?.suppressedNotes],
  };
}

test('after any sequence of edits, the review and the diagnostics equal those of a fresh open', () => {
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const packs = [kremlin()];
  // As the server keeps documents (their text in pieces) and as TextDocument does.
  for (const [languageId, live] of ['markdown', 'plaintext', 'news-draft'].flatMap((id) => [[id, true], [id, false]] as const)) {
    const store = new DraftStore(() => packs, () => DEFAULT_SETTINGS);
    const workflow = new Workflow(library);
    const uri = `file:///tmp/typed.${languageId}`;
    let document: TextDocument = live ? new LiveDocument(uri, languageId, 1, PARAGRAPHS.join('\n\n')) : TextDocument.create(uri, languageId, 1, PARAGRAPHS.join('\n\n'));
    workflow.review(store.update(document), packs);
    let carried = 0;
    // (On pieces, half as many edits: the other half of the run types the same kinds of edit.)
    const steps = live ? 15 : 30;
    for (let step = 0; step < steps; step++) {
      const text = document.getText();
      const at = random(text.length + 1);
      const removing = random(3) === 0;
      const range = { start: document.positionAt(at), end: document.positionAt(removing ? Math.min(text.length, at + 1 + random(30)) : at) };
      const change = [{ range, text: removing ? '' : PIECES[random(PIECES.length)] }];
      if (document instanceof LiveDocument) document.update(change, document.version + 1);
      else document = TextDocument.update(document, change, document.version + 1);
      const draft = store.update(document);
      const kept = draft.snapshot.change;
      if (kept && kept.keptBefore + kept.keptAfter > 0) carried++;
      const fresh = TextDocument.create(document.uri, languageId, document.version, document.getText());
      assert.deepEqual(published(workflow, draft, packs), published(new Workflow(library), new DraftStore(() => packs, () => DEFAULT_SETTINGS).update(fresh), packs), `${languageId}${live ? ', pieces' : ''}, edit ${step} at ${at}`);
    }
    assert.ok(carried > (steps * 5) / 8, `most edits keep blocks on either side (${languageId}${live ? ', pieces' : ''}: ${carried} of ${steps})`);
  }
});

test('a keystroke in a long draft reviews the edited block only, and moves what follows it', () => {
  const packs = [kremlin()];
  const store = new DraftStore(() => packs, () => DEFAULT_SETTINGS);
  const workflow = new Workflow(library);
  const long = Array.from({ length: 200 }, (_, i) => PARAGRAPHS[i % PARAGRAPHS.length]).join('\n\n');
  let document = TextDocument.create('file:///tmp/long.md', 'markdown', 1, long);
  const before = workflow.review(store.update(document), packs)!;
  const at = document.positionAt(long.indexOf('The city council'));
  document = TextDocument.update(document, [{ range: { start: at, end: at }, text: 'x' }], 2);
  const draft = store.update(document);
  const steps = workflow.reviewSteps(draft, packs);
  let count = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) count++;
  assert.ok(count <= 2, `a step for the edited block at most, then the findings (${count} steps)`);
  const after = step.value!;
  assert.equal(after.quoteChecks.length, before.quoteChecks.length);
  const moved = after.quoteChecks.filter((check, i) => check.quotation.outer.start === before.quoteChecks[i].quotation.outer.start + 1);
  assert.ok(moved.length > 0 && moved.length < after.quoteChecks.length, 'checks after the edit moved by one character, those before it did not');
});

test('the review of the part on screen, published while a check goes on, does not stop the next review from carrying over', () => {
  const packs = [kremlin()];
  const store = new DraftStore(() => packs, () => DEFAULT_SETTINGS);
  const workflow = new Workflow(library);
  const long = Array.from({ length: 200 }, (_, i) => PARAGRAPHS[i % PARAGRAPHS.length]).join('\n\n');
  const document = new LiveDocument('file:///tmp/partial.md', 'markdown', 1, long);
  const before = workflow.review(store.update(document), packs)!;
  const at = document.positionAt(long.lastIndexOf('The city council'));
  document.update([{ range: { start: at, end: at }, text: 'x' }], 2);
  const draft = store.update(document);
  // What the server publishes first when the check of version 2 outlasts a slice.
  const blocks = draft.snapshot.blocks.slice(0, 20);
  const partial: Draft = { ...draft, snapshot: { blocks, findings: draft.snapshot.findings.filter((f) => f.sentence.end <= blocks[19].block.end), skippedChars: 0, analysedBlocks: 1 }, partial: true };
  workflow.review(partial, packs);
  const after = workflow.review(draft, packs)!;
  // Carried over: the checks before the edit are the very ones of the review before.
  assert.equal(after.quoteChecks.length, before.quoteChecks.length);
  assert.equal(after.quoteChecks[0], before.quoteChecks[0]);
  assert.deepEqual(published(workflow, draft, packs), published(new Workflow(library), new DraftStore(() => packs, () => DEFAULT_SETTINGS).update(TextDocument.create(document.uri, 'markdown', 2, document.getText())), packs));
});

test('a quotation whose speaker is named in the paragraph before follows an edit of that paragraph', () => {
  const packs = [kremlin()];
  const store = new DraftStore(() => packs, () => DEFAULT_SETTINGS);
  const workflow = new Workflow(library);
  // A quotation's check reads the paragraph before it (who "he" is): an edit there changes
  // the speaker of a paragraph that was not edited.
  const text = [...PARAGRAPHS, 'Putin spoke on Wednesday.', '“Ukraine has nothing to do with drone attacks on the Kremlin,” he said.', ...PARAGRAPHS].join('\n\n');
  let document = TextDocument.create('file:///tmp/speaker.md', 'markdown', 1, text);
  const speakers = (draft: Draft) => workflow.review(draft, packs)!.quoteChecks.map((check) => check.quotation.speaker.person);
  assert.ok(speakers(store.update(document)).includes('Vladimir Putin'));
  const at = text.indexOf('Putin spoke');
  document = TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at + 'Putin'.length) }, text: 'Peskov' }], 2);
  const draft = store.update(document);
  assert.ok(draft.snapshot.change && draft.snapshot.change.keptAfter > 0, 'the paragraph with the quotation is kept after the edit');
  assert.ok(!speakers(draft).includes('Vladimir Putin'));
  assert.ok(speakers(draft).includes('Dmitry Peskov'));
});

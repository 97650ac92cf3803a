import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeBlock, START_CONTEXT } from '../../server/src/engine/analysis/block';
import { analyzeText } from '../../server/src/engine/analysis/document';
import { DEGRADED_SHARE, DocumentBudget, documentBudgetWatch, PACK_FLOOR_MS, PACK_SHARE, type DocumentBudgetReport } from '../../server/src/engine/analysis/documentBudget';
import { compilePack } from '../../server/src/engine/pack/compile';
import type { ClaimPack } from '../../server/src/engine/pack/types';
import { workBudgetWatch, type CompiledPattern } from '../../server/src/engine/match/patterns';
import { kremlin } from '../helpers';
import { hostilePack, wideElement } from '../pack/hostilePacks';

/** A clock the test moves by hand. */
function handClock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

test('a pack that takes more than the floor and its share of the rest is stopped for the update, reported once, and degraded after', () => {
  const clock = handClock();
  const budget = new DocumentBudget(clock.now);
  const pack = kremlin();
  const other = compilePack({ ...pack.pack, id: 'other' });
  const reports: DocumentBudgetReport[] = [];
  documentBudgetWatch.exhausted = (report) => reports.push(report);
  try {
    budget.startUpdate();
    const block = budget.timeBlock();
    clock.advance(100); // the rest of the analysis: 100 ms
    // Within the floor: goes on whatever the rest took.
    let done = budget.timePack(pack);
    const claim = budget.timeClaim(pack, 'kremlin-drone-attack');
    clock.advance(PACK_FLOOR_MS);
    claim();
    assert.equal(done(), true);
    // Beyond the floor and its share of the rest: stopped, and named once with the claim that took most.
    done = budget.timePack(pack);
    clock.advance(PACK_SHARE * 100 + 10);
    assert.equal(done(), false);
    assert.equal(budget.isStopped(pack), true);
    assert.equal(budget.sentenceSteps(pack, 20_000), 0);
    assert.equal(budget.sentenceSteps(other, 20_000), 20_000, 'the other pack is not touched');
    assert.equal(budget.charge(pack, 1), false);
    block();
    assert.equal(reports.length, 1);
    assert.equal(reports[0].pack, pack);
    assert.equal(reports[0].claimId, 'kremlin-drone-attack');
    // The next update: matched again, with a share of a sentence's work budget.
    budget.startUpdate();
    assert.equal(budget.isStopped(pack), false);
    assert.equal(budget.sentenceSteps(pack, 20_000), Math.ceil(20_000 * DEGRADED_SHARE));
  } finally {
    documentBudgetWatch.exhausted = undefined;
  }
});

test('the time the rest of the analysis takes raises what a pack may take', () => {
  const clock = handClock();
  const budget = new DocumentBudget(clock.now);
  const pack = kremlin();
  budget.startUpdate();
  const block = budget.timeBlock();
  clock.advance(1000);
  const done = budget.timePack(pack);
  clock.advance(PACK_FLOOR_MS + PACK_SHARE * 1000 - 10);
  assert.equal(done(), true);
  block();
});

test('once a pack is out of a document budget, its matching stops in the rest of the block; other packs go on', () => {
  const text = Array.from({ length: 12 }, () => 'Two drones attacked the Kremlin overnight.').join(' ');
  const pack = kremlin();
  const other = compilePack({ ...pack.pack, id: 'other' });
  const full = analyzeBlock(text, 'markdown', true, [pack, other], START_CONTEXT);
  const count = (findings: typeof full.findings, id: string) => findings.filter((f) => f.packId === id).length;
  assert.equal(count(full.findings, pack.pack.id), 12);
  // The first pack takes 2 s a sentence, the other nothing: the first runs out after the floor.
  const clock = handClock();
  class SlowFirstPack extends DocumentBudget {
    override timePack(timed: typeof pack) {
      const done = super.timePack(timed);
      return () => {
        if (timed === pack) clock.advance(2000);
        return done();
      };
    }
  }
  const budget = new SlowFirstPack(clock.now);
  const reports: DocumentBudgetReport[] = [];
  documentBudgetWatch.exhausted = (report) => reports.push(report);
  try {
    budget.startUpdate();
    const done = budget.timeBlock();
    const cut = analyzeBlock(text, 'markdown', true, [pack, other], START_CONTEXT, undefined, budget);
    done();
    const sentences = Math.floor(PACK_FLOOR_MS / 2000) + 1;
    assert.equal(count(cut.findings, pack.pack.id), sentences, 'matched until the sentence that ran out');
    assert.equal(count(cut.findings, 'other'), 12);
    assert.deepEqual(reports.map((report) => report.pack.pack.id), [pack.pack.id]);
  } finally {
    documentBudgetWatch.exhausted = undefined;
  }
});

test('choosing the patterns of a sentence is charged to its work budget: many wide patterns over common words are cut and reported, the bundled pack is not', () => {
  // 2,000 patterns of 8 elements, 16 alternatives each, over the 52 commonest words.
  const hostile: ClaimPack = hostilePack(1000, (c, p) => Array.from({ length: 8 }, (_, e) => wideElement(c, p, e)).join(' '), {}, 52);
  const common = 'It was one of the many things that some of them had said about the time when all of us were there with his long day.';
  const text = `${Array.from({ length: 60 }, () => common).join(' ')}\n\nTwo drones attacked the Kremlin overnight.\n`;
  analyzeText(text, [kremlin(), compilePack(hostile)]); // warm-up
  const culprits: CompiledPattern[] = [];
  workBudgetWatch.exhausted = (pattern) => culprits.push(pattern);
  try {
    const alone = analyzeText(text, [kremlin()]).findings;
    assert.equal(culprits.length, 0, 'the bundled pack stays within the budget');
    // Processor time, not wall-clock time: other processes on a busy machine do not count.
    const started = process.cpuUsage();
    const beside = analyzeText(text, [kremlin(), compilePack(hostile)]).findings;
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    assert.ok(culprits.length > 0, 'the hostile pack is reported');
    assert.deepEqual(beside.filter((f) => f.packId !== 'hostile'), alone);
    // Before: every one of 2,000 patterns checked against 128 labels on every sentence, unbounded: 4.0 s
    // of processor time, against 0.4 s after.
    console.log(`61 sentences of common words: ${Math.round(ms)} ms of processor time`);
    assert.ok(ms < 1500, `${Math.round(ms)} ms`);
  } finally {
    workBudgetWatch.exhausted = undefined;
  }
});

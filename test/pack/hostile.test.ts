import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/engine/analysis/document';
import { compilePack } from '../../server/src/engine/pack/compile';
import { loadPack } from '../../server/src/engine/pack/load';
import { PACK_LIMITS } from '../../server/src/engine/pack/limits';
import { findMatches, MAX_ALTERNATIVES, MAX_ELEMENTS, sentenceBudget, SENTENCE_WORK, workBudgetWatch, type CompiledPattern } from '../../server/src/engine/match/patterns';
import type { Occurrence } from '../../server/src/engine/match/phrases';
import type { ClaimPack } from '../../server/src/engine/pack/types';
import { tokenize } from '../../server/src/engine/text/tokens';
import { bundledPackPath } from '../../server/src/host/bundled';
import { commonConcepts, CONCEPT_NAMES, packOf as pack } from './hostilePacks';

// A claim pack is data from whoever wrote it. Whatever it says, analysing a sentence must
// take bounded time: packs over the size limits are refused with located problems, and a
// pack at every limit at once, on the most repetitive sentences, stays fast.

/** The schema's limit on the characters of one pattern. */
const MAX_PATTERN_CHARS = 400;

const problemsOf = (data: unknown) => {
  const text = JSON.stringify(data, null, 2);
  return { text, ...loadPack(text) };
};

test('a pack over a size limit is refused with a problem at the value over it', () => {
  const manyConcepts = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`c${i}`, [`word${i}`]]));
  const concepts = problemsOf(pack(manyConcepts, ['@c1 @c2']));
  assert.equal(concepts.pack, undefined);
  const tooMany = concepts.problems.find((p) => /more than 500 concepts/.test(p.message));
  assert.ok(tooMany, JSON.stringify(concepts.problems));
  assert.match(concepts.text.split('\n')[tooMany.line], /"c500"/);

  const longPhrase = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
  const long = problemsOf(pack({ a: ['drone', longPhrase] }, ['@a']));
  assert.equal(long.pack, undefined);
  assert.match(long.problems[0].message, /concepts\.a\.1: phrase has 40 words; at most 12/);

  const shared = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`c${i}`, ['drone']]));
  const sharing = problemsOf(pack(shared, ['@c0']));
  assert.ok(sharing.problems.some((p) => /"drone" is listed under more than 24/.test(p.message)));

  const patterns = Array.from({ length: PACK_LIMITS.patterns + 40 }, () => '@a');
  const tooManyPatterns = problemsOf(pack({ a: ['drone'] }, patterns, 60));
  assert.ok(tooManyPatterns.problems.some((p) => /more than 2,000 patterns/.test(p.message)));
});

test('huge alternations, long literals and long patterns are pattern problems, all reported at once', () => {
  const concepts = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`c${i}`, [`word${i}`]]));
  const wide = Array.from({ length: 40 }, (_, i) => `@c${i}`).join('|');
  const literal = Array.from({ length: 20 }, (_, i) => `w${i}`).join('_');
  const long = Array.from({ length: MAX_ELEMENTS + 1 }, () => '@c0').join(' ');
  const { problems, pack: compiled } = problemsOf(pack(concepts, [wide, literal, long, '@missing']));
  assert.equal(compiled, undefined);
  const expected = [
    /^claims\.0\.patterns\.0: .*more than 16 alternatives$/,
    /^claims\.0\.patterns\.1: .*more than 12 words$/,
    new RegExp(`^claims\\.0\\.patterns\\.2: .*more than ${MAX_ELEMENTS} elements$`),
    /^claims\.0\.patterns\.3: .*unknown concept @missing$/,
  ];
  assert.equal(problems.length, expected.length, problems.map((p) => p.message).join('\n'));
  problems.forEach((problem, i) => assert.match(problem.message, expected[i]));
});

// The largest pack the limits allow that is as hostile as they let it be: every concept
// holds the same words, nested ("drone", "drone drone", …), every element offers as many
// alternatives as the pattern length allows, most elements are optional, and a final
// element that never occurs forces the matcher to explore every branch until its budget
// runs out.
function worstPack(): ReturnType<typeof compilePack> {
  const concepts: Record<string, string[]> = { z: ['zebra'] };
  for (let i = 0; i < PACK_LIMITS.labelsPerPhrase; i++) concepts[`d${i}`] = Array.from({ length: PACK_LIMITS.phraseWords }, (_, k) => Array(k + 1).fill('drone').join(' '));
  const names = Object.keys(concepts).filter((name) => name !== 'z');
  const patterns = Array.from({ length: 400 }, (_, p) => {
    const elements: string[][] = Array.from({ length: MAX_ELEMENTS - 1 }, () => []);
    const render = () => [...elements.map((alternatives, e) => alternatives.join('|') + (e > 0 && (p + e) % 3 ? '?' : '')), '@z'].join(' ');
    // Widen every element in turn while the pattern still fits the schema's length.
    for (let j = 0; j < MAX_ALTERNATIVES; j++) {
      for (let e = 0; e < elements.length; e++) {
        elements[e].push(`@${names[(p + e + j) % names.length]}`);
        if (render().length > MAX_PATTERN_CHARS) {
          elements[e].pop();
          return render();
        }
      }
    }
    return render();
  });
  // As many as the limit on alternatives to rule out per sentence lets in.
  const over = loadPack(JSON.stringify(pack(concepts, patterns, 10))).problems.find((p) => /too many alternatives to rule out/.test(p.message));
  const fit = over ? Number(over.path[1]) * (patterns.length / 10) + Number(over.path[3]) : patterns.length;
  const data = pack(concepts, patterns.slice(0, fit - (fit % 10)), 10);
  const { pack: compiled, problems } = loadPack(JSON.stringify(data));
  assert.deepEqual(problems.slice(0, 3).map((p) => p.message), [], 'the worst pack must be within the limits');
  return compiled!;
}

test('a pack at the limits analyses pathological sentences in bounded time', () => {
  const hostile = worstPack();
  const sentences = {
    'one word repeated': `${Array(390).fill('drone').join(' ')}.`,
    'commas between the words': `drone ${Array(390).fill(',').join(' ')} drone.`,
    'words and commas': `${Array(130).fill('drone ,').join(' ')} drone.`,
    // Only the first 400 tokens of a sentence are matched; the phrase index still reads it all.
    'a sentence far over the matching length': `${Array(2500).fill('drone').join(' ')}.`,
  };
  analyzeText('drone drone.', [hostile]);
  for (const [name, text] of Object.entries(sentences)) {
    const started = performance.now();
    analyzeText(text, [hostile], { syntax: 'plain' });
    const elapsed = performance.now() - started;
    // 0.1 to 1 s on a busy two-core machine; before a step's cost was bounded, one such
    // sentence took 65 s.
    assert.ok(elapsed < 4000, `${name}: ${elapsed.toFixed(0)} ms`);
  }
});

test('the matcher stops at its step budget and a step does not grow with the occurrences', () => {
  const tokens = tokenize(Array(400).fill('drone').join(' '));
  const byLabel = new Map<string, Occurrence[]>();
  // 16 labels, each at every token and with 12 nested lengths: 76,800 occurrences.
  for (let l = 0; l < MAX_ALTERNATIVES; l++) {
    const list: Occurrence[] = [];
    for (let start = 0; start < tokens.length; start++) for (let length = 1; length <= 12 && start + length <= tokens.length; length++) list.push({ label: `c:${l}`, start, end: start + length });
    byLabel.set(`c:${l}`, list);
  }
  const labels = [...byLabel.keys()];
  // The last slot occurs only at the first token, so no match can ever complete (a slot
  // absent from the sentence would be skipped before any walking).
  byLabel.set('c:unreachable', [{ label: 'c:unreachable', start: 0, end: 1 }]);
  const pattern: CompiledPattern = {
    source: 'hostile',
    form: 'clause',
    elements: [...Array.from({ length: MAX_ELEMENTS - 1 }, (_, e) => ({ labels, optional: e > 0, adjacent: false })), { labels: ['c:unreachable'], optional: false, adjacent: false }],
  };
  const budget = { steps: 20_000 };
  const started = performance.now();
  const matches = findMatches(pattern, byLabel, tokens, 12, budget);
  const elapsed = performance.now() - started;
  assert.deepEqual(matches, []);
  assert.ok(budget.steps < 0, 'the search ran until the budget was spent');
  assert.ok(elapsed < 2000, `20,000 steps over 76,800 occurrences took ${elapsed.toFixed(0)} ms`);
  // Once spent, the budget stops further patterns at once.
  const again = performance.now();
  assert.deepEqual(findMatches(pattern, byLabel, tokens, 12, budget), []);
  assert.ok(performance.now() - again < 50);
});

test('every alternative searched is charged to the budget, and one budget per sentence bounds all packs together', () => {
  const tokens = tokenize('drone zebra');
  const labels = Array.from({ length: MAX_ALTERNATIVES }, (_, l) => `c:${l}`);
  const byLabel = new Map<string, Occurrence[]>(labels.map((label) => [label, [{ label, start: 0, end: 1 }]]));
  byLabel.set('c:never-here', [{ label: 'c:never-here', start: 0, end: 1 }]);
  const pattern: CompiledPattern = {
    source: 'wide',
    form: 'clause',
    elements: [
      { labels, optional: false, adjacent: false },
      { labels: ['c:never-here'], optional: false, adjacent: false },
    ],
  };
  const budget = { steps: 1000 };
  assert.deepEqual(findMatches(pattern, byLabel, tokens, 12, budget), []);
  // Sixteen alternatives looked up and compared cost sixteen times what one does.
  assert.ok(1000 - budget.steps >= 2 * MAX_ALTERNATIVES, `charged ${1000 - budget.steps}`);

  // Pack after pack on one sentence: each has its own budget, all share the sentence's.
  const shared = sentenceBudget(tokens);
  assert.equal(sentenceBudget(tokens), shared);
  const culprits: CompiledPattern[] = [];
  workBudgetWatch.exhausted = (spentOn) => culprits.push(spentOn);
  try {
    let packs = 0;
    while (shared.steps >= 0 && packs < SENTENCE_WORK) {
      findMatches(pattern, byLabel, tokens, 12, { steps: 20_000 });
      packs++;
    }
    assert.ok(shared.steps < 0 && packs < SENTENCE_WORK / 10, `${packs} packs`);
    assert.equal(shared.spentOn, pattern);
    assert.deepEqual(culprits, [pattern]);
    const fresh = { steps: 20_000 };
    assert.deepEqual(findMatches(pattern, byLabel, tokens, 12, fresh), []);
    assert.equal(fresh.steps, 20_000, 'nothing more is tried on a sentence that spent its budget');
  } finally {
    workBudgetWatch.exhausted = undefined;
  }
});

test('patterns of 16 alternatives over the commonest words are refused at the pattern that crosses the limit', () => {
  const concepts = commonConcepts();
  const names = CONCEPT_NAMES;
  // The report's pack had 2,000 such patterns; 400 show both limits.
  const patterns = Array.from({ length: 400 }, (_, p) => Array.from({ length: 8 }, (_, e) => Array.from({ length: MAX_ALTERNATIVES }, (_, a) => `@${names[(p * 3 + e * 16 + a) % 26]}`).join('|')).join(' '));
  const started = performance.now();
  const { pack: compiled, problems, text } = problemsOf(pack(concepts, patterns, 200));
  assert.ok(performance.now() - started < 3000);
  assert.equal(compiled, undefined);
  assert.equal(problems.length, 1, problems.map((p) => p.message).join('\n'));
  // Each such pattern costs a sentence 16 x 128 lookups: the fifth crosses 10,000.
  assert.match(problems[0].message, /^claims\.2\.patterns\.0: too many patterns start with the commonest words/);
  assert.match(text.split('\n')[problems[0].line], /"@[a-z]\|@/);

  // Started with a rarer word, the same patterns are bounded by the alternatives they offer.
  const storyFirst = patterns.map((pattern) => `@zebra ${pattern.split(' ').slice(1).join(' ')}`);
  const wide = problemsOf(pack({ ...concepts, zebra: ['zebra'] }, storyFirst, 200));
  assert.equal(wide.problems.length, 1, wide.problems.map((p) => p.message).join('\n'));
  // 1 x 113 lookups a pattern: the 354th crosses 40,000.
  assert.match(wide.problems[0].message, /^claims\.176\.patterns\.1: the patterns offer too many alternatives to rule out/);
});

test('the bundled pack is well inside every limit', () => {
  const data = JSON.parse(readFileSync(bundledPackPath(), 'utf8')) as ClaimPack;
  assert.ok(Object.keys(data.concepts).length * 2 <= PACK_LIMITS.concepts);
  assert.ok(data.claims.length * 10 <= PACK_LIMITS.claims);
  const patterns = data.claims.reduce((n, claim) => n + claim.patterns.length, 0);
  assert.ok(patterns * 5 <= PACK_LIMITS.patterns, `${patterns} patterns`);
});

test('deep nesting and oversized text are problems, not crashes', () => {
  assert.match(loadPack('['.repeat(900_000)).problems[0].message, /nested too deeply|JSON syntax error/);
  assert.match(loadPack(`"${'x'.repeat(PACK_LIMITS.packChars)}"`).problems[0].message, /larger than 2,000,000 characters/);
});

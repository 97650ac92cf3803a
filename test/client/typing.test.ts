import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdsCursor, holdWhileTyping } from '../../client/src/typing';

const diagnostic = (line: number, from: number, to: number, code: string) => ({ code, range: { start: { line, character: from }, end: { line, character: to } } });
const published = [diagnostic(0, 0, 40, 'first'), diagnostic(2, 5, 60, 'typed-in'), diagnostic(4, 0, 20, 'later')];
const codes = (items: Array<{ code: string }>) => items.map((item) => item.code);

test('the sentence under the cursor is held back while the reporter types', () => {
  const decision = holdWhileTyping(published, { lastEdit: 1_000, cursor: { line: 2, character: 30 } }, 1_200, 1_500);
  assert.deepEqual(codes(decision.shown), ['first', 'later']);
  assert.equal(decision.revealIn, 1_300);
});

test('after the reveal delay, everything is shown', () => {
  const decision = holdWhileTyping(published, { lastEdit: 1_000, cursor: { line: 2, character: 30 } }, 2_500, 1_500);
  assert.deepEqual(codes(decision.shown), ['first', 'typed-in', 'later']);
  assert.equal(decision.revealIn, undefined);
});

test('nothing is held back when the cursor is elsewhere, nothing was typed, or the delay is 0', () => {
  assert.deepEqual(codes(holdWhileTyping(published, { lastEdit: 1_000, cursor: { line: 3, character: 0 } }, 1_100, 1_500).shown), ['first', 'typed-in', 'later']);
  assert.deepEqual(codes(holdWhileTyping(published, { cursor: { line: 2, character: 30 } }, 1_100, 1_500).shown), ['first', 'typed-in', 'later']);
  assert.deepEqual(codes(holdWhileTyping(published, { lastEdit: 1_000, cursor: { line: 2, character: 30 } }, 1_100, 0).shown), ['first', 'typed-in', 'later']);
  assert.deepEqual(codes(holdWhileTyping(published, { lastEdit: 1_000 }, 1_100, 1_500).shown), ['first', 'typed-in', 'later']);
});

test('a cursor at either end of a range, as just after typing a full stop, counts as inside', () => {
  const item = diagnostic(2, 5, 60, 'x');
  assert.deepEqual([4, 5, 60, 61].map((character) => holdsCursor(item, { line: 2, character })), [false, true, true, false]);
  assert.equal(holdsCursor({ range: { start: { line: 1, character: 50 }, end: { line: 3, character: 2 } } }, { line: 2, character: 0 }), true);
});

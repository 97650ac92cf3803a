import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SentenceView } from '../../../server/src/engine/analysis/sentence';
import { afterSectionLabel } from '../../../server/src/engine/framing/clauses';
import { flagged } from '../../helpers';

// A claim pattern whose words lie on both sides of a clause boundary is an unsure reading:
// Information at most, never a Warning. (Sentences written for this test.)

const warned = (text: string, claim: string) => flagged(text).some((f) => f.claim === claim && f.severity === 'warning');

test('a subordinate clause of time or cause keeps its words to itself', () => {
  // "shoot down … drones" would join the main clause's subject to the words after "after".
  assert.equal(warned('The shoot down happened a week before two drones blew up above the Kremlin.', 'drones-disabled'), false);
  // The clause after "before" still says what it says.
  assert.equal(warned('The shoot down happened a week before two drones blew up above the Kremlin.', 'kremlin-drone-attack'), true);
  // "after" before a noun phrase, not a clause, is no boundary.
  assert.equal(warned('Air defences shot down two drones after midnight over the Kremlin.', 'drones-disabled'), true);
});

test('a semicolon before another "that" goes on with the list of what was said', () => {
  const text = 'The Kremlin says a pair of drones reached the citadel; that soldiers jammed them both; and that no one came to harm.';
  const raised = (claim: string) => flagged(text).some((f) => f.claim === claim && (f.severity === 'warning' || f.severity === 'information'));
  assert.equal(raised('drones-disabled'), false);
  assert.equal(raised('no-casualties'), false);
  // A semicolon before a clause of the writer's own still ends what was said: the clause is flagged (unsure, Information).
  assert.ok(flagged('The Kremlin says a pair of drones reached the citadel; soldiers jammed them both.').some((f) => f.claim === 'drones-disabled' && (f.severity === 'warning' || f.severity === 'information')));
});

test("a label that opens the writer's own findings names no source", () => {
  const opens = (text: string) => afterSectionLabel(new SentenceView(text, 0, text.length, false));
  assert.ok(opens('What we can confirm: two drones fell on the roof.') > 0);
  assert.ok(opens("Here's what I think: the drones got through.") > 0);
  assert.equal(opens('What Moscow says: two drones fell on the roof.'), 0);
  assert.equal(opens('What we know is that two drones fell.'), 0);
});

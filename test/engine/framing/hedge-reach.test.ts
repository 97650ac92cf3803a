import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HEDGE_LIMITS } from '../../../server/src/engine/framing/hedgeReach';
import { flagged } from '../../helpers';

// Every limit on how far a hedge reaches carries its own example sentences: in each, the claim
// is read as weak (hedged, no named source) exactly when the example says it is hedged.

test('hedge limit ids are unique and each has an example of both kinds', () => {
  assert.equal(new Set(HEDGE_LIMITS.map((limit) => limit.id)).size, HEDGE_LIMITS.length);
  for (const limit of HEDGE_LIMITS) {
    assert.ok(limit.examples.some((example) => !example.hedged), `${limit.id} has no example where the hedge stops short of the claim`);
    assert.ok(limit.examples.some((example) => example.hedged), `${limit.id} has no near miss where the hedge reaches the claim`);
  }
});

for (const limit of HEDGE_LIMITS) {
  for (const example of limit.examples) {
    test(`${limit.id}: “${example.text}” ${example.hedged ? 'is' : 'is not'} hedged`, () => {
      const found = flagged(example.text).filter((f) => f.claim === example.claim);
      assert.ok(found.length > 0, `${example.claim} is not found at all`);
      assert.equal(found.some((f) => f.framing === 'weak'), example.hedged, JSON.stringify(found));
      if (!example.hedged) assert.ok(found.some((f) => f.severity === 'warning'), JSON.stringify(found));
    });
  }
}

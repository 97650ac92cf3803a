import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText, explainSkipped } from '../../../server/src/engine/analysis/document';
import { MISREADINGS } from '../../../server/src/engine/framing/misreadings';
import { kremlin } from '../../helpers';

// Every misreading carries its own example sentences: in each `misread: true` example a match
// of the claim must be left unreported for that misreading's reason; in each `misread: false`
// example no match of the claim may be.

test('misreading ids are unique and each has an example of both kinds', () => {
  assert.equal(new Set(MISREADINGS.map((check) => check.id)).size, MISREADINGS.length);
  for (const check of MISREADINGS) {
    assert.ok(check.examples.some((example) => example.misread), `${check.id} has no example it recognises`);
    assert.ok(check.examples.some((example) => !example.misread), `${check.id} has no near miss it leaves alone`);
  }
});

for (const check of MISREADINGS) {
  for (const example of check.examples) {
    test(`${check.id}: ${example.misread ? 'recognises' : 'leaves'} “${example.text}”`, () => {
      const packs = [kremlin()];
      const snapshot = analyzeText(example.text, packs);
      const skipped = explainSkipped(snapshot, packs, 'markdown');
      const hit = skipped.some((skip) => skip.claimId === example.claim && skip.reason === check.reason);
      const seen = skipped.map((skip) => `${skip.claimId}: ${skip.reason}`);
      assert.equal(hit, example.misread, `${example.claim} skipped as: ${JSON.stringify(seen)}`);
    });
  }
}

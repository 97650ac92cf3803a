import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { flagged, readJsonl, ROOT } from '../helpers';

// Labelled fixtures written for this project (not the shared dev set). Each item states
// what a reporter must see: warn (a Warning for one of the claims), weak (at least an
// Information), ok / none (no Warning at all); notWarned lists claims that must get none.

const items = readdirSync(join(ROOT, 'test', 'fixtures'))
  .filter((name) => name.endsWith('.jsonl'))
  .flatMap((name) => readJsonl(join(ROOT, 'test', 'fixtures', name)));

for (const item of items) {
  test(`${item.id} ${item.label}: ${item.text}`, () => {
    const seen = flagged(item.text);
    const warnings = seen.filter((f) => f.severity === 'warning' || f.severity === 'error');
    const describe = JSON.stringify(seen);
    // ("notWarned": claims whose words the sentence uses for another claim.)
    for (const claim of item.notWarned ?? []) assert.ok(!warnings.some((f) => f.claim === claim), `expected no warning for ${claim}, got ${describe} (${item.note})`);
    switch (item.label) {
      case 'warn':
        assert.ok(warnings.some((f) => item.claims.includes(f.claim)), `expected a warning for ${item.claims.join('|')}, got ${describe} (${item.note})`);
        break;
      case 'weak':
        assert.ok(seen.some((f) => item.claims.includes(f.claim) && f.severity !== 'hint'), `expected a flag for ${item.claims.join('|')}, got ${describe} (${item.note})`);
        // ("severity": "information": the flag must not be a Warning.)
        if (item.severity === 'information') assert.ok(!warnings.some((f) => item.claims.includes(f.claim)), `expected Information, not a Warning, for ${item.claims.join('|')}, got ${describe} (${item.note})`);
        break;
      default:
        assert.deepEqual(warnings, [], `expected no warning (${item.note})`);
    }
  });
}

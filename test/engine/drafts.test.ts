import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/engine/analysis/document';
import { severityOf } from '../../server/src/engine/report/messages';
import { kremlin, ROOT } from '../helpers';

// Whole drafts in several newsroom styles (wire copy, hurried notes, an explainer with a
// lead-in list, a live blog, an opinion piece). Each has a sidecar listing the sentences
// that must be warned; every other Warning is a false alarm.

interface Expected {
  sentence: string;
  claims: string[];
  /** Warned or not, either is acceptable. */
  optional?: boolean;
}

const dir = join(ROOT, 'test', 'fixtures', 'drafts');

for (const name of readdirSync(dir).filter((file) => file.endsWith('.md'))) {
  test(`draft ${name}: the warnings are exactly the expected sentences`, () => {
    const text = readFileSync(join(dir, name), 'utf8');
    const expected: Expected[] = JSON.parse(readFileSync(join(dir, name.replace(/\.md$/, '.expected.json')), 'utf8')).warnings;
    const pack = kremlin();
    const warnings = analyzeText(text, [pack])
      .findings.filter((f) => severityOf(f, pack.claimById.get(f.claimId)!.claim) === 'warning')
      .map((f) => ({ sentence: text.slice(f.sentence.start, f.sentence.end), claim: f.claimId }));
    for (const want of expected.filter((e) => !e.optional)) {
      assert.ok(
        warnings.some((w) => w.sentence === want.sentence && want.claims.includes(w.claim)),
        `missed: ${want.claims.join('|')} in “${want.sentence}”; got ${JSON.stringify(warnings)}`,
      );
    }
    for (const warning of warnings) {
      assert.ok(expected.some((e) => e.sentence === warning.sentence), `false alarm: ${warning.claim} in “${warning.sentence}”`);
    }
  });
}

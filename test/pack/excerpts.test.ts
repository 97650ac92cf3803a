import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sourcesDir } from '../../server/src/host/bundled';
import { kremlin } from '../helpers';

// No hover card may show a quote that its source does not contain: every excerpt must be
// verbatim on the line it cites, in the source file shipped with the extension.

test('every excerpt is verbatim in its source file, at its line', () => {
  const pack = kremlin().pack;
  let checked = 0;
  for (const claim of pack.claims) {
    for (const excerpt of claim.excerpts) {
      const source = pack.sources.find((s) => s.id === excerpt.source);
      assert.ok(source?.file, `${claim.id}: unknown source ${excerpt.source}`);
      const lines = readFileSync(join(sourcesDir(), source.file), 'utf8').split('\n');
      assert.ok(lines[excerpt.line - 1]?.includes(excerpt.text), `${claim.id}: excerpt not on ${source.file}:${excerpt.line}: “${excerpt.text}”`);
      checked++;
    }
  }
  assert.ok(checked >= 40, `only ${checked} excerpts`);
});

test('every catalogue claim is in the pack with its status', () => {
  const expected: Record<string, string> = {
    'kremlin-drone-attack': 'unverified', 'ukraine-responsible': 'denied', 'assassination-attempt': 'denied',
    'target-putin-residence': 'unverified', 'drones-disabled': 'unverified', 'putin-elsewhere': 'unverified',
    'no-casualties': 'unverified', 'retaliation-threat': 'statement', 'ukraine-denial': 'statement',
    'local-resistance': 'statement', 'russia-pretext': 'statement', 'footage-kremlin': 'unverified',
    'residents-bangs': 'unverified', 'bakhmut-losses': 'estimate', 'kherson-strike-deaths': 'estimate',
    'medvedev-threat': 'statement', 'us-cannot-confirm': 'statement', 'moscow-drone-ban': 'reported',
  };
  const actual = Object.fromEntries(kremlin().pack.claims.map((c) => [c.id, c.status]));
  assert.deepEqual(actual, expected);
});

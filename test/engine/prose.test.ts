import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf } from '../helpers';

const claimsIn = (text: string) => findingsOf(text).filter((f) => f.framing === 'unattributed').map((f) => text.slice(f.sentence.start, f.sentence.end));

test('claims in code, front matter, comments and link targets are not prose', () => {
  const draft = [
    '---',
    'summary: Two drones attacked the Kremlin overnight.',
    '---',
    '',
    '```',
    'Two drones attacked the Kremlin overnight.',
    '```',
    '',
    '    Two drones attacked the Kremlin overnight.',
    '',
    '<!-- Two drones attacked the Kremlin overnight. -->',
    '',
    'See [the wire copy](https://example.com/two-drones-attacked-the-kremlin) and `Two drones attacked the Kremlin`.',
  ].join('\n');
  assert.deepEqual(claimsIn(draft), []);
});

test('a claim in prose is found at its exact offsets, markup around it or not', () => {
  const draft = '# Notes\n\nSome *context* first. Two **drones** attacked the [Kremlin](https://x.test) overnight.\n';
  const found = claimsIn(draft);
  assert.deepEqual(found, ['Two **drones** attacked the [Kremlin](https://x.test) overnight.']);
});

test('list items under a lead-in with a colon carry its attribution', () => {
  const draft = 'The Kremlin said:\n\n- two drones attacked the Kremlin overnight\n- nobody was hurt\n';
  assert.deepEqual(claimsIn(draft), []);
});

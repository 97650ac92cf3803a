import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readSettings } from '../../server/src/lsp/settings';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import { packageJsonWithSettings, readmeWithSettings } from '../../scripts/generate-settings';
import { ROOT } from '../helpers';

// The settings have one source, server/src/configuration.ts: package.json and the README are
// generated from it (`npm run settings`), and the server's defaults are its defaults.

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

test('package.json contributes exactly the settings configuration.ts lists (run `npm run settings` after changing them)', () => {
  assert.equal(read('package.json'), packageJsonWithSettings(read('package.json')));
});

test('the README settings table is the one configuration.ts generates (run `npm run settings`)', () => {
  assert.equal(read('README.md'), readmeWithSettings(read('README.md')));
});

test('the server’s defaults are the defaults package.json shows in the Settings editor', () => {
  const properties = JSON.parse(read('package.json')).contributes.configuration.properties as Record<string, { default: unknown }>;
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) assert.deepEqual(value, properties[`claimLens.${key}`].default, key);
  // A value under the documented minimum falls back to the default, one setting at a time.
  const settings = readSettings({ maxProblems: 0, maxDocumentSize: 999, enable: false, severity: { denied: 'error', reported: 'loud' } });
  assert.deepEqual(settings, { ...DEFAULT_SETTINGS, enable: false, severity: { denied: 'error' } });
});

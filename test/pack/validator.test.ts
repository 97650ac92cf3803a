import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
// @ts-expect-error a build script without type declarations
import { VALIDATOR_PATH, validatorSource } from '../../scripts/generate-validator.mjs';

test('the committed pack validator is the one the schema compiles to (run npm run build after editing the schema)', () => {
  assert.equal(readFileSync(VALIDATOR_PATH, 'utf8'), validatorSource());
  assert.ok((VALIDATOR_PATH as string).startsWith(join(__dirname, '..', '..', 'server')));
});

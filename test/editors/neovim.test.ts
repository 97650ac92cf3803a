import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertClaimCard, CLAIM, FIXED, missingEditor, runEditor } from './clients';

// Neovim 0.7 (Debian) with its built-in LSP client: test/editors/neovim/check.lua.

const SCRIPT = join(__dirname, 'neovim', 'check.lua');

test('Neovim: diagnostics with claim codes, the hover card, and an applied quick fix', { skip: missingEditor('nvim') }, () => {
  const { steps, output } = runEditor('nvim', (draft) => ['--headless', '--clean', '-c', `luafile ${SCRIPT}`, draft]);
  const diagnostics = steps.get('diagnostics')?.diagnostics as Array<{ code: string; severity: number; line: number; source: string }>;
  assert.ok(diagnostics, `no diagnostics step:\n${output}`);
  const warning = diagnostics.find((d) => d.code === CLAIM);
  assert.ok(warning, `no ${CLAIM} diagnostic: ${JSON.stringify(diagnostics)}`);
  assert.deepEqual({ severity: warning.severity, line: warning.line, source: warning.source }, { severity: 2, line: 2, source: 'claim-lens' });

  assertClaimCard(String(steps.get('hover')?.text ?? ''));

  const actions = steps.get('code_actions');
  assert.match(String(actions?.preferred), /the Kremlin said/, `preferred action: ${JSON.stringify(actions)}`);

  const after = steps.get('after_fix') as { line: string; republished: boolean; diagnostics: Array<{ code: string; line: number }> } | undefined;
  assert.ok(after, `no after_fix step:\n${output}`);
  assert.equal(after.line, FIXED);
  assert.equal(after.republished, true, 'the server published nothing after the edit');
  assert.deepEqual(after.diagnostics.filter((d) => d.code === CLAIM && d.line === 2), [], 'the warning is still there after the fix');
});

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertClaimCard, CLAIM, missingEditor, runEditor } from './clients';

// Emacs 28 with eglot 1.9 (Debian emacs-nox, elpa-eglot): test/editors/emacs/check.el.

const SCRIPT = join(__dirname, 'emacs', 'check.el');

test('Emacs + eglot: flymake shows the claim code, eldoc the hover card', { skip: missingEditor('emacs') }, () => {
  const { steps, output } = runEditor('emacs', () => ['--batch', '-Q', '-l', SCRIPT]);
  const diagnostics = steps.get('diagnostics')?.diagnostics as Array<{ code: string; line: number; type: string; text: string }>;
  assert.ok(diagnostics, `no diagnostics step:\n${output}`);
  const warning = diagnostics.find((d) => d.code === CLAIM);
  assert.ok(warning, `no ${CLAIM} diagnostic: ${JSON.stringify(diagnostics)}`);
  assert.equal(warning.type, 'eglot-warning');
  assert.equal(warning.line, 2);
  assert.match(warning.text, new RegExp(`^claim-lens \\[${CLAIM}\\]: `), 'flymake message does not carry source and claim code');

  assertClaimCard(String(steps.get('hover')?.text ?? ''));
});

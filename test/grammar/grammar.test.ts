import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers';

// The TextMate grammars (syntaxes/) against the annotated samples in this folder, with
// vscode-tmgrammar-test: the same vscode-textmate engine VS Code tokenises with; Markdown's
// grammar comes from tm-grammars. (Markdown drafts are coloured by the server's semantic
// tokens instead, behind claimLens.highlightMarkdown: test/workflow/highlights.test.ts.)

const CLI = join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
const MARKDOWN_GRAMMAR = join(ROOT, 'node_modules', 'tm-grammars', 'grammars', 'markdown.json');
const cases = readdirSync(__dirname).filter((name) => /\.(draft|md)$/.test(name));

test('grammar samples exist for news drafts', () => {
  assert.ok(cases.some((name) => name.endsWith('.draft')));
});

test('every grammar assertion in the samples holds', () => {
  const files = cases.map((name) => join('test', 'grammar', name));
  const run = spawnSync(process.execPath, [CLI, '--compact', '-g', MARKDOWN_GRAMMAR, ...files], { cwd: ROOT, encoding: 'utf8' });
  const report = `${run.stdout}${run.stderr}`.split('\n').filter((line) => !line.includes('grammar not found')).join('\n');
  assert.equal(run.status, 0, report);
  for (const file of files) assert.match(report, new RegExp(`${file.replace(/[.]/g, '\\.')}`), `${file} was not run`);
});

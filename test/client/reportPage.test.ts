import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportPage } from '../../client/src/reportPage';

test('the report page runs only its own nonce’d script and style, around the server’s fragment', () => {
  const page = reportPage('<h1>Attribution report: draft.md</h1><a href="file:///d.md#L3" data-line="3">line 3</a>', 'N0nce', 'vscode-resource:');
  const csp = /Content-Security-Policy" content="([^"]+)"/.exec(page)![1];
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-N0nce'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.equal([...page.matchAll(/<script(?![^>]*nonce="N0nce")/g)].length, 0, 'every script carries the nonce');
  assert.equal([...page.matchAll(/<style(?![^>]*nonce="N0nce")/g)].length, 0, 'every style carries the nonce');
  assert.match(page, /<h1>Attribution report: draft\.md<\/h1>/);
  assert.match(page, /postMessage\(\{ type: 'reveal', line: Number\(link\.dataset\.line\) \}\)/);
  assert.match(page, /<button id="markdown">Open as Markdown<\/button>/);
});

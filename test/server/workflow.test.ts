import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, type CodeAction, type Diagnostic, type Hover, type MarkupContent, type TextEdit } from 'vscode-languageserver-protocol';
import { REPORT_REQUEST, type ReportResult } from '../../server/src/protocol';
import { startServer, type TestServer } from './client';

// The reporter's workflow through the built server: news drafts, TK, directives and the
// code action that writes one, quote check and its fix, entity hovers, the report request.

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

const apply = (text: string, edits: TextEdit[]) => {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((acc, e) => acc.slice(0, offset(e.range.start)) + e.newText + acc.slice(offset(e.range.end)), text);
};
const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.code, d.severity, d.range.start.line]);
const hoverText = async (uri: string, line: number, character: number) => {
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover | null;
  return hover ? (hover.contents as MarkupContent).value : '';
};
const actionsFor = async (uri: string, diagnostic: Diagnostic) =>
  (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];

test('a news draft: the headline is checked, the byline is not, TK is Information', async () => {
  const text = 'SLUG: drones\nHED: Drones hit Kremlin\nBYLINE: Two drones attacked the Kremlin overnight\nDATELINE: TK\n';
  const diagnostics = await server.open('file:///tmp/w1.draft', text, 'news-draft');
  assert.deepEqual(summary(diagnostics), [
    ['kremlin-drone-attack', 2, 1],
    ['tk', 3, 3],
  ]);
});

test('the silence code action writes a directive that clears the warning', async () => {
  const uri = 'file:///tmp/w2.md';
  const text = 'Intro.\n\nTwo drones attacked the Kremlin overnight.\n';
  const [diagnostic] = await server.open(uri, text);
  const actions = await actionsFor(uri, diagnostic);
  const silence = actions.find((a) => a.title === 'Silence kremlin-drone-attack on this line')!;
  const fixed = apply(text, silence.edit!.changes![uri]);
  assert.equal(fixed, 'Intro.\n\n<!-- claim-lens-disable-next-line kremlin-drone-attack -->\nTwo drones attacked the Kremlin overnight.\n');
  assert.deepEqual(await server.open('file:///tmp/w2-fixed.md', fixed), []);
  const wholeDraft = actions.find((a) => a.title === 'Silence kremlin-drone-attack in this draft')!;
  assert.deepEqual(await server.open('file:///tmp/w2-draft.md', apply(text, wholeDraft.edit!.changes![uri])), []);
});

test('in a news draft the directive is an editor note; mid-paragraph it goes on the line', async () => {
  const uri = 'file:///tmp/w3.draft';
  const text = 'Peskov spoke. Two drones attacked the Kremlin overnight.\n';
  const [diagnostic] = await server.open(uri, text, 'news-draft');
  const silence = (await actionsFor(uri, diagnostic)).find((a) => a.title.startsWith('Silence kremlin-drone-attack on this line'))!;
  const fixed = apply(text, silence.edit!.changes![uri]);
  assert.equal(fixed, 'Peskov spoke. Two drones attacked the Kremlin overnight. [[claim-lens-disable-line kremlin-drone-attack]]\n');
  assert.deepEqual(await server.open('file:///tmp/w3-fixed.draft', fixed, 'news-draft'), []);
});

test('an unsourced quotation: Information, closest versions in the hover, a fix that quotes verbatim', async () => {
  const uri = 'file:///tmp/w4.md';
  const text = '“We never attack Putin or Moscow,” Zelensky said.\n';
  const diagnostics = await server.open(uri, text);
  const quote = diagnostics.find((d) => d.code === 'quote-unsourced')!;
  assert.equal(quote.severity, 3);
  const hover = await hoverText(uri, 0, 5);
  assert.match(hover, /\*\*Not in the sources\*\*/);
  assert.match(hover, /Closest sourced versions/);
  assert.match(hover, /\(file:\/\/\/.*server\/sources\/[a-z-]+\.txt#L\d+\)/);
  const fix = (await actionsFor(uri, quote)).find((a) => a.isPreferred && a.title.startsWith('Quote Volodymyr Zelensky verbatim'))!;
  const fixed = apply(text, fix.edit!.changes![uri]);
  assert.notEqual(fixed, text);
  assert.deepEqual(summary(await server.open('file:///tmp/w4-fixed.md', fixed)).filter(([code]) => String(code).startsWith('quote-')), []);
});

test('a quotation given to the wrong speaker is a misattribution with a fix naming the right one', async () => {
  const uri = 'file:///tmp/w5.md';
  const text = '“We are not attacking Putin or Moscow,” Podolyak said.\n';
  const diagnostics = await server.open(uri, text);
  const quote = diagnostics.find((d) => d.code === 'quote-misattributed')!;
  assert.equal(quote.severity, 2);
  const fix = (await actionsFor(uri, quote)).find((a) => a.title === 'Give the quotation to Volodymyr Zelensky, as the sources do')!;
  assert.equal(apply(text, fix.edit!.changes![uri]), '“We are not attacking Putin or Moscow,” Volodymyr Zelensky said.\n');
});

test('a quotation given to the wrong speaker is one Warning, and its one fix clears the claim too', async () => {
  const uri = 'file:///tmp/w5b.md';
  const text = '“We don’t attack Putin or Moscow,” Peskov said.\n';
  const diagnostics = await server.open(uri, text);
  assert.deepEqual(summary(diagnostics), [['quote-misattributed', 2, 0]]);
  const actions = (await actionsFor(uri, diagnostics[0])).filter((a) => a.isPreferred);
  assert.equal(actions.length, 1);
  const fixed = apply(text, actions[0].edit!.changes![uri]);
  assert.equal(fixed, '“We don’t attack Putin or Moscow,” Volodymyr Zelensky said.\n');
  assert.deepEqual(await server.open('file:///tmp/w5b-fixed.md', fixed), []);
});

test('hovering a person, place or outlet shows who or what it is and where the sources mention it', async () => {
  const uri = 'file:///tmp/w6.md';
  await server.open(uri, 'Putin was at Novo-Ogaryovo, Peskov told RIA Novosti.\n');
  const place = await hoverText(uri, 0, 16);
  assert.match(place, /\*\*Novo-Ogaryovo\*\* · place/);
  assert.match(place, /\*\*In the sources:\*\* \[Rewritten Indian news report with agency inputs, line 17\]\(file:\/\/\/.*indian-news-report\.txt#L17\)/);
  assert.match(await hoverText(uri, 0, 30), /\*\*Dmitry Peskov\*\* · person · speaks for the Kremlin/);
  assert.match(await hoverText(uri, 0, 45), /\*\*RIA Novosti\*\* · outlet/);
  assert.doesNotMatch(await hoverText(uri, 0, 36), /\*\* · (person|place|outlet)/, 'no entity card on "told"');
});

test('the report request returns Markdown and HTML; an unknown document gets a clear error', async () => {
  const uri = 'file:///tmp/w7.md';
  await server.open(uri, 'Two drones attacked the Kremlin overnight. TK\n');
  const result = (await server.connection.sendRequest(REPORT_REQUEST, { uri })) as ReportResult;
  assert.ok('markdown' in result);
  assert.match(result.markdown, /\[line 1\]\(file:\/\/\/tmp\/w7\.md#L1\)/);
  assert.match(result.html, /data-line="1"/);
  assert.equal(result.totals.tk, 1);
  const missing = (await server.connection.sendRequest(REPORT_REQUEST, { uri: 'file:///tmp/not-open.md' })) as ReportResult;
  assert.ok('error' in missing && /not open/.test(missing.error));
});

test('the report is not built again while the review is the same, and a cancelled request is not built at all', async () => {
  const uri = 'file:///tmp/w7b.md';
  const statuses = server.statuses();
  await server.open(uri, 'Two drones attacked the Kremlin overnight.\n');
  const first = (await server.connection.sendRequest(REPORT_REQUEST, { uri })) as ReportResult;
  assert.ok('stamp' in first);
  // The status after the check names the same review: a client showing it need not ask.
  assert.equal(statuses.filter((s) => s.uri === uri).at(-1)?.stamp, first.stamp);
  assert.deepEqual(await server.connection.sendRequest(REPORT_REQUEST, { uri, since: first.stamp }), { unchanged: true });

  const changed = server.diagnostics(uri, 2);
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'Two drones attacked the Kremlin overnight. TK\n' }] });
  await changed;
  const second = (await server.connection.sendRequest(REPORT_REQUEST, { uri, since: first.stamp })) as ReportResult;
  assert.ok('stamp' in second && second.stamp !== first.stamp && second.totals.tk === 1);

  // Cancelled while it waited its turn (the server busy with another draft): answered as
  // cancelled, not built.
  const busy = { uri: 'file:///tmp/w7c.md', languageId: 'markdown', version: 1, text: 'Two drones attacked the Kremlin overnight, officials said.\n\n'.repeat(600) };
  server.connection.sendNotification('textDocument/didOpen', { textDocument: busy });
  const source = new CancellationTokenSource();
  const cancelled = server.connection.sendRequest(REPORT_REQUEST, { uri }, source.token);
  source.cancel();
  await assert.rejects(cancelled, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
  server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: busy.uri } });
});

test('front matter opt-out publishes nothing', async () => {
  assert.deepEqual(await server.open('file:///tmp/w8.md', '---\nclaim-lens: off\n---\n\nTwo drones attacked the Kremlin overnight. TK\n'), []);
});

test('settings take effect on the fly: severity per status, attributed claims as hints, languages', async () => {
  const text = 'Two drones attacked the Kremlin overnight.\n\nTwo drones attacked the Kremlin overnight, the Kremlin said.\n';
  server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { claimLens: { severity: { unverified: 'error' }, showAttributed: true } } });
  assert.deepEqual(summary(await server.open('file:///tmp/w9.md', text)), [
    ['kremlin-drone-attack', 1, 0],
    ['kremlin-drone-attack', 4, 2],
  ]);
  server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { claimLens: { languages: ['plaintext'] } } });
  assert.deepEqual(await server.open('file:///tmp/w10.md', text), []);
  server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { claimLens: {} } });
  assert.deepEqual(summary(await server.open('file:///tmp/w11.md', text)), [['kremlin-drone-attack', 2, 0]]);
});

test('Markdown is coloured only with claimLens.highlightMarkdown on (semantic tokens); news drafts keep their grammar', async () => {
  const uri = 'file:///tmp/w12.md';
  const text = 'Intro.\n\n“We fight on our own land,” Zelensky said. Residents reportedly heard bangs. TK\n';
  const tokens = async (target = uri) => ((await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: target } })) as { data: number[] }).data;
  await server.open(uri, text);
  assert.deepEqual(await tokens(), [], 'off by default');
  server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { claimLens: { highlightMarkdown: true } } });
  await server.diagnostics(uri, 1);
  // Relative positions: line delta, start delta, length, type (quotation, attributionCue, hedge, tk), modifiers.
  const data = await tokens();
  const decoded: string[] = [];
  for (let i = 0, line = 0, start = 0; i < data.length; i += 5) {
    line += data[i];
    start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
    decoded.push(`${['quotation', 'attributionCue', 'hedge', 'tk'][data[i + 3]]} ${text.split('\n')[line].slice(start, start + data[i + 2])}`);
  }
  assert.deepEqual(decoded, ['quotation “We fight on our own land,”', 'attributionCue said', 'hedge reportedly', 'tk TK']);
  await server.open('file:///tmp/w12.draft', `HED: Drones\n\n${text}`, 'news-draft');
  assert.deepEqual(await tokens('file:///tmp/w12.draft'), [], 'a news draft has its grammar');
  server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { claimLens: { highlightMarkdown: true, enable: false } } });
  assert.deepEqual(await tokens(), [], 'claimLens.enable off turns the colours off too');
  server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { claimLens: {} } });
});

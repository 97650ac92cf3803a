import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DraftAnalyzer } from '../../server/src/engine/analysis/document';
import { splitBlocks } from '../../server/src/engine/text/blocks';
import { blockProse, markdownBlockProse } from '../../server/src/engine/text/prose';
import { prepareDraft } from '../../server/src/engine/workflow/newsDraft';
import { htmlComments, reviewDraft } from '../../server/src/engine/workflow/review';
import { optsOut, parseDirective, parseDirectives, Suppressions } from '../../server/src/engine/workflow/suppressions';
import { review } from './review';

const UNATTRIBUTED = 'Two drones attacked the Kremlin overnight.';

test('directives are read from comments and notes, with codes and an optional reason', () => {
  assert.deepEqual(parseDirective({ start: 0, end: 10, text: '<!-- claim-lens-disable-next-line kremlin-drone-attack, tk -- checked with the desk -->' }), {
    kind: 'disable-next-line',
    codes: ['kremlin-drone-attack', 'tk'],
    span: { start: 0, end: 10 },
  });
  assert.equal(parseDirective({ start: 0, end: 5, text: 'claim-lens-enable' })?.kind, 'enable');
  assert.equal(parseDirective({ start: 0, end: 5, text: '<!-- claim-lens-disabled -->' }), null);
  assert.equal(parseDirective({ start: 0, end: 5, text: '<!-- a note about claim-lens-disable -->' }), null);
});

test('disable-next-line silences only the next non-blank line, and only the codes it names', () => {
  const text = `<!-- claim-lens-disable-next-line kremlin-drone-attack -->\n${UNATTRIBUTED}\n\n${UNATTRIBUTED}\n`;
  const result = review(text);
  assert.deepEqual(result.suppressedFindings.map((s) => s.item.sentence.start), [text.indexOf(UNATTRIBUTED)]);
  assert.deepEqual(result.findings.map((f) => [f.claimId, f.sentence.start]), [['kremlin-drone-attack', text.lastIndexOf(UNATTRIBUTED)]]);
  const other = review(`<!-- claim-lens-disable-next-line ukraine-denial -->\n${UNATTRIBUTED}\n`);
  assert.deepEqual(other.findings.map((f) => f.claimId), ['kremlin-drone-attack']);
});

test('disable-line silences the line the comment is on', () => {
  const result = review(`${UNATTRIBUTED} <!-- claim-lens-disable-line -->\n\n${UNATTRIBUTED}\n`);
  assert.equal(result.suppressedFindings.length, 1);
  assert.equal(result.findings.length, 1);
});

test('disable … enable silences a region; enable with a code re-enables just that code', () => {
  const text = [
    '<!-- claim-lens-disable -->',
    '',
    UNATTRIBUTED,
    '',
    '<!-- claim-lens-enable kremlin-drone-attack -->',
    '',
    `${UNATTRIBUTED} TK`,
    '',
    '<!-- claim-lens-enable -->',
    '',
    'TK again.',
  ].join('\n');
  const result = review(text);
  const line = (offset: number) => text.slice(0, offset).split('\n').length;
  assert.deepEqual(result.suppressedFindings.map((s) => line(s.item.sentence.start)), [3]);
  assert.deepEqual(result.findings.map((f) => line(f.sentence.start)), [7]);
  assert.deepEqual(result.suppressedNotes.map((s) => [s.item.code, line(s.item.span.start)]), [['tk', 7]]);
  assert.deepEqual(result.notes.map((n) => [n.code, line(n.span.start)]), [['tk', 11]]);
});

test('an unclosed disable runs to the end of the draft', () => {
  const suppressions = new Suppressions('x\n\ny\n', parseDirectives([{ start: 0, end: 1, text: 'claim-lens-disable tk' }]));
  assert.ok(suppressions.silencing('tk', { start: 3, end: 4 }));
  assert.equal(suppressions.silencing('kremlin-drone-attack', { start: 3, end: 4 }), undefined);
});

test('news drafts take directives in editor notes', () => {
  const result = review(`[[claim-lens-disable-next-line kremlin-drone-attack]]\n${UNATTRIBUTED}\n`, 'news-draft');
  assert.equal(result.findings.length, 0);
  assert.equal(result.suppressedFindings.length, 1);
});

test('plain text takes HTML-comment directives too', () => {
  const prepared = review(`<!-- claim-lens-disable-next-line -->\n${UNATTRIBUTED}\n`, 'plain');
  assert.equal(prepared.findings.length, 0);
});

test('an unknown code in a directive is reported, not silently ignored', () => {
  const result = review(`<!-- claim-lens-disable-next-line kremlin-drone-atack -->\n${UNATTRIBUTED}\n`);
  const note = result.notes.find((n) => n.code === 'suppression-unknown-code');
  assert.ok(note);
  assert.match(note.message, /“kremlin-drone-atack”/);
  assert.equal(result.findings.length, 1, 'a misspelt code silences nothing');
});

test('front matter or a news-draft header opts the whole draft out', () => {
  assert.equal(optsOut('---\ntitle: x\nclaim-lens: off\n---\nText'), true);
  assert.equal(optsOut('+++\nclaim-lens = "off"\n+++\nText'), true);
  assert.equal(optsOut('---\ntitle: x\n---\nclaim-lens: off\n'), false, 'only inside the front matter');
  assert.equal(optsOut('---\nclaim-lens: on\n---\n'), false);
  const markdown = review(`---\nclaim-lens: off\n---\n\n${UNATTRIBUTED} TK\n`);
  assert.deepEqual([markdown.optedOut, markdown.findings.length, markdown.notes.length], [true, 0, 0]);
  const newsDraft = review(`CLAIM-LENS: off\nHED: Drones hit Kremlin\n\n${UNATTRIBUTED}\n`, 'news-draft');
  assert.deepEqual([newsDraft.optedOut, newsDraft.findings.length], [true, 0]);
});

// Comments are found in time linear in the draft, whatever it holds: a keystroke in 200 KB
// of paragraphs that each open "<!--" and never close it took one to three seconds.
const OPEN_COMMENTS = (() => {
  let text = '';
  for (let i = 0; text.length < 200_000; i++) text += `Note ${i} <!-- to the desk\nabout the river.\n\n`;
  return text;
})();

test('plain text: comments are found in one pass, an unclosed one ends the search', () => {
  assert.deepEqual(htmlComments('a <!-- x --> b <!--c--> d <!-- y -- >'), [
    { start: 2, end: 12, text: '<!-- x -->' },
    { start: 15, end: 23, text: '<!--c-->' },
  ]);
  const text = `${OPEN_COMMENTS}<!-- claim-lens-disable-next-line -->\n${UNATTRIBUTED}\n`;
  const started = performance.now();
  const directives = reviewDraft({ text, prepared: prepareDraft('plain', text), snapshot: { blocks: [], findings: [], skippedChars: 0, analysedBlocks: 0 }, packs: [], quotationsOf: () => [] }).directives;
  assert.ok(performance.now() - started < 200, `${Math.round(performance.now() - started)} ms`);
  // The first "-->" closes the first "<!--" of the draft: one comment, from far up.
  assert.equal(directives.length, 0);
});

test('Markdown: "<!--" after text ends with its paragraph; one that opens a line runs to "-->", read without the parser', () => {
  const paragraphs = OPEN_COMMENTS.slice(0, OPEN_COMMENTS.indexOf('Note 40 '));
  assert.equal(splitBlocks(paragraphs, true).length, 40);
  const analyzer = new DraftAnalyzer([], { syntax: 'markdown', maxChars: 2_000_000 });
  analyzer.update(paragraphs);
  const at = paragraphs.length >> 1;
  const edited = analyzer.update(`${paragraphs.slice(0, at)}x${paragraphs.slice(at)}`);
  assert.equal(edited.analysedBlocks, 1);

  const unclosed = (rest: string) => splitBlocks(`Intro.\n\n<!-- claim-lens-disable\n\n${rest}`, true);
  const [, short] = unclosed(paragraphs);
  assert.deepEqual(blockProse(short.text, 'markdown', false), markdownBlockProse(short.text, false));
  assert.deepEqual(blockProse(short.text, 'markdown', false).units, []);
  const blocks = unclosed(OPEN_COMMENTS);
  assert.equal(blocks.length, 2, 'the comment opening a line runs to the end of the draft');
  const started = performance.now();
  blockProse(blocks[1].text, 'markdown', false);
  assert.ok(performance.now() - started < 50, `${Math.round(performance.now() - started)} ms`);
});

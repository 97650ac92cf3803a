import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../server/src/engine/analysis/document';
import { draftKindOf, draftKindOfFile, prepareDraft } from '../../server/src/engine/workflow/newsDraft';
import { kremlin } from '../helpers';

const DRAFT = [
  'SLUG: drones-kremlin-TK',
  'HED: Drones hit Kremlin',
  'DEK: Kyiv denies involvement',
  'BYLINE: Two drones attacked the Kremlin overnight',
  'DATELINE: MOSCOW',
  '',
  'The Kremlin said two drones were downed. [[Two drones attacked the Kremlin overnight.]] Nobody was hurt.',
  '',
].join('\n');

test('a news draft is prepared to exactly its own length, line breaks in place', () => {
  const prepared = prepareDraft('news-draft', DRAFT);
  assert.equal(prepared.text.length, DRAFT.length);
  assert.deepEqual([...prepared.text.matchAll(/\n/g)].map((m) => m.index), [...DRAFT.matchAll(/\n/g)].map((m) => m.index));
});

test('HED and DEK become headlines; SLUG, BYLINE, DATELINE and notes are not prose', () => {
  const prepared = prepareDraft('news-draft', DRAFT);
  const lines = prepared.text.split('\n');
  assert.match(lines[1], /^# +Drones hit Kremlin$/);
  assert.match(lines[2], /^# +Kyiv denies involvement$/);
  for (const i of [0, 3, 4]) assert.equal(lines[i].trim(), '', `line ${i + 1} should be blank`);
  assert.doesNotMatch(lines[6], /overnight/);
  assert.deepEqual(prepared.header.map((h) => [h.key, DRAFT.slice(h.value.start, h.value.end)]), [
    ['SLUG', 'drones-kremlin-TK'],
    ['HED', 'Drones hit Kremlin'],
    ['DEK', 'Kyiv denies involvement'],
    ['BYLINE', 'Two drones attacked the Kremlin overnight'],
    ['DATELINE', 'MOSCOW'],
  ]);
  assert.deepEqual(prepared.notes.map((n) => n.text), ['Two drones attacked the Kremlin overnight.']);
});

test('the engine reads the headline as a headline and ignores the byline and the note', () => {
  const prepared = prepareDraft('news-draft', DRAFT);
  const findings = analyzeText(prepared.text, [kremlin()], { syntax: prepared.syntax }).findings;
  const flagged = findings.filter((f) => f.framing === 'unattributed' && f.claimId === 'kremlin-drone-attack');
  assert.deepEqual(flagged.map((f) => [f.claimId, DRAFT.slice(f.sentence.start, f.sentence.end), f.headline]), [['kremlin-drone-attack', 'Drones hit Kremlin', true]]);
  // Read as plain Markdown, the byline and the note would be flagged too.
  const asMarkdown = analyzeText(DRAFT, [kremlin()], { syntax: 'markdown' }).findings.filter((f) => f.framing === 'unattributed' && f.claimId === 'kremlin-drone-attack');
  assert.ok(asMarkdown.length > flagged.length);
});

test('Markdown and plain text pass through unchanged; kinds come from language ids and file names', () => {
  const text = 'HED: not a header in Markdown [[nor a note]]';
  assert.equal(prepareDraft('markdown', text).text, text);
  assert.equal(prepareDraft('plain', text).syntax, 'plain');
  assert.deepEqual(['news-draft', 'markdown', 'plaintext', 'latex'].map(draftKindOf), ['news-draft', 'markdown', 'plain', 'plain']);
  assert.deepEqual(['a.draft', 'b.STORY', 'c.md', 'd.txt', 'noext'].map(draftKindOfFile), ['news-draft', 'news-draft', 'markdown', 'plain', 'plain']);
});

test('an unclosed note does not swallow the paragraphs after it', () => {
  const text = 'Start [[unclosed note\n\nTwo drones attacked the Kremlin overnight.]]\n';
  const prepared = prepareDraft('news-draft', text);
  assert.equal(prepared.notes.length, 0);
  assert.match(prepared.text, /Two drones attacked/);
});

// What prepareDraft did before it read notes in one pass (a regular expression that, from
// every unclosed "[[", looked ahead to the end of its paragraph): the same reading, kept
// here to compare with.
function regexReading(text: string) {
  const chars = text.split('');
  const header = /^(SLUG|HED|DEK|BYLINE|DATELINE|CLAIM-LENS)[ \t]*:[ \t]*(.*?)[ \t]*$/gm;
  const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');
  const write = (start: number, s: string) => [...s].forEach((c, i) => (chars[start + i] = c));
  for (const match of text.matchAll(header)) {
    const valueStart = match[2] ? match.index + match[0].indexOf(match[2], match[1].length) : match.index + match[0].length;
    write(match.index, /^(HED|DEK)$/.test(match[1]) ? '#'.padEnd(valueStart - match.index, ' ') : blank(match[0]));
  }
  const notes = [...text.matchAll(/\[\[((?:(?!\]\]|\n[ \t]*\r?\n)[\s\S])*)\]\]/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[1] }));
  for (const note of notes) write(note.start, blank(text.slice(note.start, note.end)));
  return { text: chars.join(''), notes };
}

test('notes are read in one pass, as the regular expression read them, and unclosed "[[" cost nothing', () => {
  const piece = fc.constantFrom('[[', ']]', '[', ']', '\n', '\n\n', '\n \t\n', '\r\n', ' ', 'a', 'HED: ', 'SLUG: x', 'Kremlin. ');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      const prepared = prepareDraft('news-draft', text);
      assert.deepEqual({ text: prepared.text, notes: prepared.notes }, regexReading(text));
    }),
    { numRuns: 300 },
  );
  const unclosed = '[[ a note to the desk '.repeat(15_000);
  const started = performance.now();
  assert.deepEqual(prepareDraft('news-draft', unclosed).notes, []);
  // 31 s for 320 KB before: the expression looked ahead from every "[[".
  assert.ok(performance.now() - started < 200, `${Math.round(performance.now() - started)} ms`);
});

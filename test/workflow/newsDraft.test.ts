import assert from 'node:assert/strict';
import { test } from 'node:test';
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

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from '../../server/src/engine/text/sentences';

const pieces = (text: string) => splitSentences(text, false).map((s) => text.slice(s.start, s.end));

test('abbreviations do not end sentences', () => {
  assert.deepEqual(pieces('Mr. Peskov met the U.S. Secretary of State at 2:30 a.m. on Wednesday. He left.'), [
    'Mr. Peskov met the U.S. Secretary of State at 2:30 a.m. on Wednesday.',
    'He left.',
  ]);
});

test('a clock time ends a sentence unless a time zone follows it', () => {
  assert.deepEqual(pieces('A neighbour was woken by a loud noise at about 2:30 a.m. By noon the story was everywhere.'), [
    'A neighbour was woken by a loud noise at about 2:30 a.m.',
    'By noon the story was everywhere.',
  ]);
  assert.deepEqual(pieces('A neighbour was woken by a loud noise at 2:30 a.m. GMT on Wednesday.'), ['A neighbour was woken by a loud noise at 2:30 a.m. GMT on Wednesday.']);
  assert.deepEqual(pieces('A neighbour was woken by a loud noise at 2 a.m. Wednesday, the channel said.'), ['A neighbour was woken by a loud noise at 2 a.m. Wednesday, the channel said.']);
  assert.deepEqual(pieces('A neighbour was woken by a loud noise at 2:30 a.m. Moscow time, a local channel reported.'), ['A neighbour was woken by a loud noise at 2:30 a.m. Moscow time, a local channel reported.']);
});

test('quotations with full stops and ellipses stay whole', () => {
  assert.deepEqual(pieces('“It is all predictable… Russia is preparing something.” Podolyak said so. Then what?'), [
    '“It is all predictable… Russia is preparing something.”',
    'Podolyak said so.',
    'Then what?',
  ]);
});

test('hard-wrapped lines are joined, a headline line is not', () => {
  assert.deepEqual(pieces('Kremlin says drones hit\nThe Kremlin said two drones\nhad struck overnight.'), [
    'Kremlin says drones hit',
    'The Kremlin said two drones\nhad struck overnight.',
  ]);
  // (A headline may be followed by a line that opens with a quotation.)
  assert.deepEqual(pieces('Envoy: we sent no drones\n“We fight at home,” the envoy said.'), ['Envoy: we sent no drones', '“We fight at home,” the envoy said.']);
});

test('a short line without closing punctuation between sentences is a headline; a hard-wrapped line is not', () => {
  const entry = 'The talks ended late.\n0910 GMT — Minister doubts raid on citadel\nThe foreign minister told a news conference in the capital that he doubted the account given by the other side.';
  assert.deepEqual(pieces(entry), [
    'The talks ended late.',
    '0910 GMT — Minister doubts raid on citadel',
    'The foreign minister told a news conference in the capital that he doubted the account given by the other side.',
  ]);
  const wrapped = 'The talks ended late.\nThe foreign minister said the raid was flown by\nUkrainian crews from a field near the border.';
  assert.deepEqual(pieces(wrapped), ['The talks ended late.', 'The foreign minister said the raid was flown by\nUkrainian crews from a field near the border.']);
});

test('offsets slice exactly the sentence, with CRLF and emoji', () => {
  const text = 'Two drones 🚁 hit the Kremlin.\r\nNobody was hurt, it said.';
  const spans = splitSentences(text, false);
  assert.equal(spans.length, 2);
  assert.equal(text.slice(spans[0].start, spans[0].end), 'Two drones 🚁 hit the Kremlin.');
  assert.equal(text.slice(spans[1].start, spans[1].end), 'Nobody was hurt, it said.');
});

test('a short line of its own without closing punctuation is a headline, every sentence of it', () => {
  const line = 'Night Raid! Citadel Strike Was Staged, Institute Says';
  assert.deepEqual(splitSentences(line, false).map((s) => [line.slice(s.start, s.end), s.headline]), [
    ['Night Raid!', true],
    ['Citadel Strike Was Staged, Institute Says', true],
  ]);
  const paragraph = 'The raid was brief. Nobody was hurt, the officials said.';
  assert.deepEqual(splitSentences(paragraph, false).map((s) => s.headline), [false, false]);
  // (A paragraph cut off before its full stop is no title: most of its words are not capitalised.)
  const cut = 'The raid was brief. Nobody was hurt, the officials said, and the parade';
  assert.deepEqual(splitSentences(cut, false).map((s) => s.headline), [false, false]);
});

test('note markers after a full stop end the sentence', () => {
  assert.deepEqual(pieces('The ministry reported more raids on the capital this week.[4] Officials kept their counts private.[5][6] they said little else.'), [
    'The ministry reported more raids on the capital this week.[4]',
    'Officials kept their counts private.[5][6]',
    'they said little else.',
  ]);
  // (A marker inside a sentence is no end of it.)
  assert.deepEqual(pieces('The count[2] rose to nine. It fell later.'), ['The count[2] rose to nine.', 'It fell later.']);
});

test('a stop run straight into a capitalised word ends the sentence', () => {
  assert.deepEqual(pieces('The talks ran late into the night.Ministers left at dawn. Mr.Lee stayed, as did the U.S.Army team.'), [
    'The talks ran late into the night.',
    'Ministers left at dawn.',
    'Mr.Lee stayed, as did the U.S.Army team.',
  ]);
});

test('a sentence in title case is a headline whatever ends it; one full of names is not', () => {
  const headlines = (text: string) => splitSentences(text, false).map((s) => s.headline);
  assert.deepEqual(headlines('Moscow Says Kyiv Sent Two Drones Over The Citadel.\n\nThe ministry gave no evidence.'), [true, false]);
  assert.deepEqual(headlines('Olena Petrenko met Jean Dupont in Geneva on Monday. They talked.'), [false, false]);
});

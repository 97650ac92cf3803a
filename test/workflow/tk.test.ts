import assert from 'node:assert/strict';
import { test } from 'node:test';
import { review } from './review';

const markers = (text: string, kind: 'markdown' | 'news-draft' | 'plain' = 'markdown') =>
  review(text, kind)
    .notes.filter((note) => note.code === 'tk')
    .map((note) => text.slice(note.span.start, note.span.end) + '@' + note.span.start);

test('TK and TKTK in prose and headings are reported as Information', () => {
  const text = '# Drones TK\n\nPeskov said TKTK people were hurt. The toll is TK.\n';
  assert.deepEqual(markers(text), [`TK@${text.indexOf('TK')}`, `TKTK@${text.indexOf('TKTK')}`, `TK@${text.lastIndexOf('TK')}`]);
  assert.ok(review(text).notes.every((note) => note.severity === 'information'));
});

test('words that contain TK, code, comments and front matter are left alone', () => {
  const text = '---\nstatus: TK\n---\n\nTKO, ATK and TK-9 are not markers.\n\n```\nTK in code\n```\n\nInline `TK` code. <!-- TK: call Moscow -->\n';
  assert.deepEqual(markers(text), []);
});

test('in a news draft the header values and headline are checked; notes are not', () => {
  const text = 'HED: Drones TK\nBYLINE: TKTK\nDATELINE: MOSCOW\n\nBody. [[TK: call the bureau]]\n';
  assert.deepEqual(markers(text, 'news-draft'), [`TK@${text.indexOf('TK')}`, `TKTK@${text.indexOf('TKTK')}`]);
});

test('plain text reports TK anywhere in its prose', () => {
  assert.deepEqual(markers('Numbers TK.', 'plain'), ['TK@8']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SentenceView } from '../../../server/src/engine/analysis/sentence';
import { findCues } from '../../../server/src/engine/framing/cues';
import { turnSpeakerLabel } from '../../../server/src/engine/framing/transcriptTurn';
import { flagged } from '../../helpers';

// A transcript's speaker label ("PESKOV: …") says who speaks the whole turn, not only its
// first sentence; an anchor's or a correspondent's turn is the outlet's own voice.
// (Sentences written for this test.)

const label = (sentence: string) => {
  const view = new SentenceView(sentence, 0, sentence.length, false);
  const span = turnSpeakerLabel(view, () => findCues(view));
  return span ? view.text(span) : undefined;
};

test('a name in capitals before an opening colon labels a turn', () => {
  assert.equal(label('PESKOV: We see it as a planned act.'), 'PESKOV');
  assert.equal(label('DMITRY PESKOV (through an interpreter): Nothing was damaged.'), 'DMITRY PESKOV');
  // Not a label: a name in ordinary case, a newsroom role, a colon later in the sentence.
  assert.equal(label('Peskov: nothing was damaged'), undefined);
  assert.equal(label('CORRESPONDENT: Smoke was still rising at dawn.'), undefined);
  assert.equal(label('ANCHOR: Good evening.'), undefined);
});

test('every sentence of a labelled turn is the speaker’s', () => {
  const turn = 'PESKOV: We see it as a planned act against the president. Moscow reserves the right to hit back whenever it chooses.';
  assert.deepEqual(flagged(turn).filter((f) => f.severity === 'warning'), []);
  // The same words in the correspondent's turn are the outlet's own.
  const told = turn.replace('PESKOV:', 'CORRESPONDENT: The Kremlin sees it as a planned act against the president.');
  assert.ok(flagged(told).some((f) => f.claim === 'retaliation-threat' && f.severity === 'warning'));
  // The turn ends with its paragraph.
  const next = `${turn}\n\nMoscow reserves the right to hit back whenever it chooses.`;
  assert.equal(flagged(next).filter((f) => f.claim === 'retaliation-threat' && f.severity === 'warning').length, 1);
});

test('an interview: the question is the outlet’s voice, the answer the interviewee’s', () => {
  // The interviewer stating a claim as fact is the writer's own voice.
  assert.ok(flagged('Q: The two drones were brought down right above the Senate Palace.').some((f) => f.claim === 'drones-disabled' && f.severity === 'warning'));
  // The person answering is someone other than the outlet, through the whole turn: unsure, not a Warning.
  const answer = 'A: I doubt that. Moscow is readying a large provocation to justify hitting civilians.';
  assert.deepEqual(flagged(answer).filter((f) => f.severity === 'warning'), []);
  assert.ok(flagged(answer).some((f) => f.claim === 'russia-pretext'));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SentenceView } from '../../../server/src/engine/analysis/sentence';
import { issuerNamedByHeading } from '../../../server/src/engine/framing/statementHeading';
import { flagged } from '../../helpers';

// A heading that announces someone's statement ("Statement by the Foreign Ministry")
// hands the paragraphs under it to them: a statement set out without quotation marks.
// (Sentences written for this test.)

const issuer = (heading: string) => {
  const view = new SentenceView(heading, 0, heading.length, true);
  const span = issuerNamedByHeading(view);
  return span ? view.text(span) : undefined;
};

test('a heading names who issued the statement under it', () => {
  assert.equal(issuer('Statement by the Presidential Press Service'), 'the Presidential Press Service');
  assert.equal(issuer('Full text of the message from the Russian Foreign Ministry'), 'the Russian Foreign Ministry');
  assert.equal(issuer('Address of the President of Ukraine'), 'the President of Ukraine');
  // A headline that says something is no such heading.
  assert.equal(issuer('Statement from Kyiv denies any part in the raid'), undefined);
  assert.equal(issuer('Kremlin statement on the night raid'), undefined);
  assert.equal(issuer('Drones over the Kremlin'), undefined);
});

test('a heading that says whose account follows names them', () => {
  assert.equal(issuer('What Moscow says'), 'Moscow');
  assert.equal(issuer('What the Kremlin is saying:'), 'the Kremlin');
  assert.equal(issuer('What Kyiv has said'), 'Kyiv');
  assert.equal(issuer('What the Kremlin tells us'), 'the Kremlin');
  assert.equal(issuer("The Kremlin's version"), 'The Kremlin');
  assert.equal(issuer("Kyiv's side:"), 'Kyiv');
  // The outlet's own findings, or a question, name no one.
  assert.equal(issuer('What we know'), undefined);
  assert.equal(issuer('What happened over the citadel'), undefined);
  assert.equal(issuer('What they say'), undefined);
  assert.equal(issuer('Who sent the drones?'), undefined);
});

test('a list under such a heading is the speaker’s, until the next heading', () => {
  const draft = ['## What Moscow says', '- Two drones were aimed at the president’s residence.\n- Both were brought down by radar warfare.', '## What we know', 'Both were brought down by radar warfare.'].join('\n\n');
  // Only the paragraph under the outlet's own heading is warned.
  assert.deepEqual(flagged(draft).filter((f) => f.severity === 'warning').map((f) => f.claim), ['drones-disabled']);
  const listOnly = draft.split('## What we know')[0];
  assert.deepEqual(flagged(listOnly).filter((f) => f.severity === 'warning'), []);
});

test('the paragraphs under such a heading are the issuer’s words, up to a paragraph with a speaker of its own', () => {
  const draft = [
    'Statement by the Presidential Press Service',
    'Overnight two drones were aimed at the president’s residence in the Kremlin.',
    'Both were brought down by radar warfare systems.',
  ].join('\n\n');
  const warnings = flagged(draft).filter((f) => f.severity === 'warning');
  assert.deepEqual(warnings, []);
  // The same paragraphs under a heading that announces nothing are the writer's own.
  const plain = draft.replace('Statement by the Presidential Press Service', 'A night in Moscow');
  assert.ok(flagged(plain).some((f) => f.claim === 'kremlin-drone-attack' && f.severity === 'warning'));
  // Someone the pack does not know: the reading is unsure, not a Warning.
  const unknown = draft.replace('the Presidential Press Service', 'the Presidential');
  assert.equal(flagged(unknown).filter((f) => f.severity === 'warning').length, 0);
});

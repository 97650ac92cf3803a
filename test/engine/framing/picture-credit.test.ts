import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SentenceView } from '../../../server/src/engine/analysis/sentence';
import { creditedSource, placeOfPosting } from '../../../server/src/engine/framing/pictureCredit';
import { flagged } from '../../helpers';

// A picture credit names where a caption's picture came from; naming the platform
// attributes what the picture shows (catalogue rule 8). (Sentences written for this test.)

const credit = (sentence: string) => {
  const view = new SentenceView(sentence, 0, sentence.length, false);
  const span = creditedSource(view);
  return span ? view.text(span) : undefined;
};

test('a credit line names its source', () => {
  assert.equal(credit('Photo: a Moscow Telegram channel'), 'a Moscow Telegram channel');
  assert.equal(credit('Video credit: social media'), 'social media');
  assert.equal(credit('Image via Telegram.'), 'Telegram');
  assert.equal(credit('Flames over the dome at night (Photo: Telegram)'), 'Telegram');
  assert.equal(credit('Flames over the dome at night (Image: Telegram / screen grab)'), 'Telegram');
  assert.equal(credit('(Image: Telegram / screen grab)'), 'Telegram');
  // A sentence that says something is no credit.
  assert.equal(credit('Video shows a flash over the dome.'), undefined);
  assert.equal(credit('Photo: the drone that was shot down over the citadel last night'), undefined);
});

test('a caption whose credit names the platform is attributed; a credit to an agency is not', () => {
  const caption = 'Smoke rises over the Kremlin after a blast. Photo: Moscow Telegram channel';
  assert.equal(flagged(caption).filter((f) => f.severity === 'warning').length, 0);
  assert.ok(flagged('Smoke rises over the Kremlin after a blast.').some((f) => f.claim === 'footage-kremlin' && f.severity === 'warning'));
  assert.ok(flagged('Smoke rises over the Kremlin after a blast. Photo: Agence Nord').some((f) => f.claim === 'footage-kremlin' && f.severity === 'warning'));
  // The credit covers its caption only, not the paragraph after it.
  const next = `${caption}\n\nSmoke rose over the Kremlin after a blast.`;
  assert.equal(flagged(next).filter((f) => f.claim === 'footage-kremlin' && f.severity === 'warning').length, 1);
});

test('a sentence that says where a picture was posted names its platform', () => {
  const posted = (sentence: string) => {
    const view = new SentenceView(sentence, 0, sentence.length, false);
    const span = placeOfPosting(view);
    return span ? view.text(span) : undefined;
  };
  assert.equal(posted('The first clip, posted on a Moscow channel on Telegram, shows smoke.'), 'a Moscow channel on Telegram');
  assert.equal(posted('Pictures shared online overnight show a flash.'), 'online');
  assert.equal(posted('Moscow posted a statement at noon.'), undefined);
  // What the picture shows is then the platform's; with no platform named it is the writer's.
  assert.equal(flagged('The first clip, posted on a Moscow channel on Telegram, shows smoke rising over the Kremlin.').filter((f) => f.severity === 'warning').length, 0);
  assert.ok(flagged('The first clip, filmed from across the river, shows smoke rising over the Kremlin.').some((f) => f.claim === 'footage-kremlin' && f.severity === 'warning'));
});

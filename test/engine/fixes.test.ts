import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeText, recheckSentence } from '../../server/src/engine/analysis/document';
import { fixesFor, type Fix } from '../../server/src/engine/fixes/fixes';
import { severityOf } from '../../server/src/engine/report/messages';
import { kremlin, readJsonl, ROOT } from '../helpers';

function preferredFix(text: string, claimId: string) {
  const pack = kremlin();
  const snapshot = analyzeText(text, [pack]);
  const finding = snapshot.findings.find((f) => f.claimId === claimId && f.framing !== 'attributed');
  assert.ok(finding, `no flagged ${claimId} in: ${text}`);
  const claim = pack.claimById.get(claimId)!.claim;
  const fixes = fixesFor(finding, claim, text, (replacement, span = finding.sentence) => recheckSentence(snapshot, [pack], 'markdown', span, replacement));
  const preferred = fixes.find((fix) => fix.preferred);
  assert.ok(preferred, 'a preferred fix');
  return { fixes, preferred, after: apply(text, preferred) };
}

function apply(text: string, fix: Fix): string {
  let after = text;
  for (const edit of [...fix.edits].sort((a, b) => b.start - a.start)) after = after.slice(0, edit.start) + edit.newText + after.slice(edit.end);
  return after;
}

const stillFlagged = (text: string, claimId: string) =>
  analyzeText(text, [kremlin()]).findings.some((f) => f.claimId === claimId && f.framing !== 'attributed' && f.framing !== 'reported');

test('the preferred fix attributes the claim and clears it', () => {
  const { after } = preferredFix('Two drones attacked the Kremlin overnight.', 'kremlin-drone-attack');
  assert.equal(after, 'Two drones attacked the Kremlin overnight, the Kremlin said.');
  assert.equal(stillFlagged(after, 'kremlin-drone-attack'), false);
});

test('a prefix fix lower-cases an ordinary first word but keeps a name', () => {
  const text = 'Drones attacked the Kremlin overnight.';
  const { fixes } = preferredFix(text, 'kremlin-drone-attack');
  assert.ok(fixes.map((fix) => apply(text, fix)).includes('According to the Kremlin, drones attacked the Kremlin overnight.'));
  const named = 'Putin was not in the Kremlin at the time.';
  const results = preferredFix(named, 'putin-elsewhere').fixes.map((fix) => apply(named, fix));
  assert.ok(results.includes('According to Kremlin spokesman Dmitry Peskov, Putin was not in the Kremlin at the time.'), results.join(' | '));
});

test('a misattribution is corrected in place', () => {
  const { after } = preferredFix('Ukrainian officials said two drones had struck the Kremlin overnight.', 'kremlin-drone-attack');
  assert.equal(after, 'The Kremlin said two drones had struck the Kremlin overnight.');
});

test('the wrong speaker of a quotation is renamed where they are named, in a later sentence', () => {
  const text = '"We don\'t attack Putin or Moscow. We fight on our territory," Peskov told reporters.';
  const { preferred, after } = preferredFix(text, 'ukraine-denial');
  assert.equal(preferred.kind, 'correct-source');
  assert.equal(after, '"We don\'t attack Putin or Moscow. We fight on our territory," Ukrainian President Volodymyr Zelensky told reporters.');
  assert.equal(stillFlagged(after, 'ukraine-denial'), false);
});

test('mark-alleged goes after a possessor, and never twice', () => {
  const text = "Officials met after Ukraine's drone attack on the Kremlin; nobody mentioned Ukraine's drone attack on the Kremlin again.";
  const alleged = preferredFix(text, 'kremlin-drone-attack').fixes.find((fix) => fix.kind === 'mark-alleged');
  assert.ok(alleged);
  assert.equal(apply(text, alleged), "Officials met after Ukraine's alleged drone attack on the Kremlin; nobody mentioned Ukraine's drone attack on the Kremlin again.");
  // "alleged" before the attack does not question who launched it: that needs attribution.
  const responsibility = preferredFix(text, 'ukraine-responsible');
  assert.notEqual(responsibility.preferred.kind, 'mark-alleged');
  for (const fix of responsibility.fixes) assert.doesNotMatch(apply(text, fix), /alleged\s+alleged/);
});

test('a vague hedge gives way to the named source', () => {
  const { after } = preferredFix('Two drones reportedly attacked the Kremlin overnight.', 'kremlin-drone-attack');
  assert.equal(stillFlagged(after, 'kremlin-drone-attack'), false);
  assert.doesNotMatch(after, /reportedly/);
});

test('fixes never touch text outside the sentence', () => {
  const before = 'Intro line stays.\n\nFirst sentence 🙂 stays. Two drones attacked the Kremlin overnight. Last 🙂 sentence stays.\n';
  const { preferred, after } = preferredFix(before, 'kremlin-drone-attack');
  const sentenceStart = before.indexOf('Two drones');
  const sentenceEnd = before.indexOf('overnight.') + 'overnight.'.length;
  for (const edit of preferred.edits) assert.ok(edit.start >= sentenceStart && edit.end <= sentenceEnd);
  assert.ok(after.startsWith(before.slice(0, sentenceStart)));
  assert.ok(after.endsWith(before.slice(sentenceEnd)));
});

test('denied claims offer a fix that adds the denial', () => {
  const text = 'Kyiv sent the drones that hit the Kremlin.';
  const { fixes } = preferredFix(text, 'ukraine-responsible');
  const denial = fixes.find((fix) => fix.kind === 'add-denial');
  assert.ok(denial);
  assert.equal(apply(text, denial), 'Kyiv sent the drones that hit the Kremlin, the Kremlin said. Ukraine denied any involvement.');
});

test('every flagged fixture sentence gets a preferred fix that clears its claim', () => {
  const pack = kremlin();
  const dir = join(ROOT, 'test', 'fixtures');
  const items = readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readJsonl(join(dir, name)))
    .filter((item) => item.label === 'warn' || item.label === 'weak');
  const failures: string[] = [];
  for (const item of items) {
    const snapshot = analyzeText(item.text, [pack]);
    for (const finding of snapshot.findings) {
      const claim = pack.claimById.get(finding.claimId)!.claim;
      if (!severityOf(finding, claim) || finding.framing === 'attributed') continue;
      const fixes = fixesFor(finding, claim, item.text, (replacement, span = finding.sentence) => recheckSentence(snapshot, [pack], 'markdown', span, replacement));
      const preferred = fixes.find((fix) => fix.preferred);
      if (!preferred) {
        failures.push(`${item.id} ${finding.claimId}: no preferred fix`);
        continue;
      }
      const after = apply(item.text, preferred);
      const left = analyzeText(after, [pack]).findings.filter((f) => f.claimId === finding.claimId && f.framing !== 'attributed' && f.framing !== 'reported');
      if (left.length) failures.push(`${item.id} ${finding.claimId}: still ${left[0].framing} after “${after}”`);
    }
  }
  assert.ok(items.length > 100, `only ${items.length} flagged items`);
  assert.deepEqual(failures, []);
});

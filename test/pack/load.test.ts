import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/engine/analysis/document';
import { loadPack } from '../../server/src/engine/pack/load';
import { bundledPackPath, sourcesDir } from '../../server/src/host/bundled';

test('the bundled pack loads without problems', () => {
  const result = loadPack(readFileSync(bundledPackPath(), 'utf8'));
  assert.deepEqual(result.problems, []);
  assert.ok(result.pack);
});

test('a JSON syntax error is reported at its line and column', () => {
  const { pack, problems } = loadPack('{\n  "schemaVersion": 1,\n  "id": "x",,\n}');
  assert.equal(pack, undefined);
  assert.ok(problems.length >= 1);
  assert.equal(problems[0].line, 2);
  assert.match(problems[0].message, /JSON syntax error/);
});

test('schema problems name the property and where it is', () => {
  const text = JSON.stringify({ schemaVersion: 1, id: 'x', name: 'X', sources: [], parties: [{ id: 'p', name: 'P', kind: 'organisation', aliases: [] }], concepts: {}, claims: [{ id: 'c', status: 'rumour' }] }, null, 2);
  const { problems } = loadPack(text);
  assert.ok(problems.some((p) => /status: must be one of/.test(p.message)));
  assert.ok(problems.some((p) => /missing property "summary"/.test(p.message)));
  const status = problems.find((p) => /status/.test(p.message))!;
  assert.equal(text.split('\n')[status.line].trim(), '"status": "rumour"');
});

test('an unknown concept in a pattern is a located problem, not a crash', () => {
  const pack = JSON.parse(readFileSync(bundledPackPath(), 'utf8'));
  pack.claims[0].patterns[0] = '@no_such_concept @drone';
  const text = JSON.stringify(pack, null, 2);
  const { pack: compiled, problems } = loadPack(text);
  assert.equal(compiled, undefined);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /unknown concept @no_such_concept/);
  assert.match(text.split('\n')[problems[0].line], /@no_such_concept/);
});

test('every broken reference is reported at once, each at the line of the value at fault', () => {
  const pack = JSON.parse(readFileSync(bundledPackPath(), 'utf8'));
  pack.claims[1].claimants = ['nobody-at-all'];
  pack.claims[2].requires = ['no_such_concept'];
  pack.claims[3].excerpts[0].source = 'no-such-source';
  pack.parties[pack.parties.findIndex((party: { id: string }) => party.id === 'sobyanin')].officialOf = 'no-such-party';
  const text = JSON.stringify(pack, null, 2);
  const { pack: compiled, problems } = loadPack(text);
  assert.equal(compiled, undefined);
  assert.deepEqual(
    problems.map((p) => [p.message, text.split('\n')[p.line].trim()]),
    [
      [`parties.${pack.parties.findIndex((party: { id: string }) => party.id === 'sobyanin')}.officialOf: unknown party "no-such-party"`, '"officialOf": "no-such-party",'],
      ['claims.1.claimants.0: unknown party "nobody-at-all"', '"nobody-at-all"'],
      ['claims.2.requires.0: unknown concept "no_such_concept"', '"no_such_concept"'],
      ['claims.3.excerpts.0.source: unknown source "no-such-source"', '"source": "no-such-source",'],
    ],
  );
});

test('a claimant person the claimant parties do not list is a located problem', () => {
  const pack = JSON.parse(readFileSync(bundledPackPath(), 'utf8'));
  const c = pack.claims.findIndex((claim: { id: string }) => claim.id === 'local-resistance');
  pack.claims[c].claimantPeople = ['Mykhailo Podolyak', 'Dmitry Peskov'];
  const text = JSON.stringify(pack, null, 2);
  const { pack: compiled, problems } = loadPack(text);
  assert.equal(compiled, undefined);
  assert.deepEqual(
    problems.map((p) => [p.message, text.split('\n')[p.line].trim()]),
    [[`claims.${c}.claimantPeople.1: "Dmitry Peskov" is not among the people of the claim's claimants`, '"Dmitry Peskov"']],
  );
});

test('with the source texts at hand, excerpts are checked against them', () => {
  const text = readFileSync(bundledPackPath(), 'utf8');
  const sources = new Map<string, string>();
  const readSource = (file: string) => sources.get(file);
  const missing = loadPack(text, { readSource });
  assert.ok(missing.pack, 'missing source files are warnings only');
  assert.ok(missing.problems.length > 0 && missing.problems.every((p) => p.severity === 'warning'));

  const original = readFileSync(join(sourcesDir(), 'bbc-report.txt'), 'utf8');
  for (const file of ['bbc-report.txt', 'npr-report.txt', 'indian-news-report.txt', 'greek-analysis.txt', 'ap-report.txt']) {
    sources.set(file, readFileSync(join(sourcesDir(), file), 'utf8'));
  }
  assert.deepEqual(loadPack(text, { readSource }).problems, []);

  // One line inserted at the top moves every quote of that source down by one.
  sources.set('bbc-report.txt', `A new first line.\n${original}`);
  const shifted = loadPack(text, { readSource });
  assert.equal(shifted.pack, undefined);
  assert.ok(shifted.problems.length > 0);
  for (const problem of shifted.problems) {
    assert.match(problem.message, /^claims\.\d+\.excerpts\.\d+\.line: excerpt is on line (\d+) of bbc-report\.txt, not line (\d+)$/);
    const [, actual, cited] = /line (\d+) of .*, not line (\d+)/.exec(problem.message)!;
    assert.equal(Number(actual), Number(cited) + 1);
    assert.match(text.split('\n')[problem.line], /"line": \d+/);
  }
});

test('a pattern that yields to an unknown claim, or excludes an unknown concept, is a located problem', () => {
  const pack = JSON.parse(readFileSync(bundledPackPath(), 'utf8'));
  pack.claims[0].patterns[0] = { match: '@drone @attack_v @kremlin', yieldsTo: ['no-such-claim'], excludes: ['no_such_concept'] };
  const text = JSON.stringify(pack, null, 2);
  const { pack: compiled, problems } = loadPack(text);
  assert.equal(compiled, undefined);
  assert.deepEqual(
    problems.map((p) => [p.message, text.split('\n')[p.line].trim()]),
    [
      ['claims.0.patterns.0.excludes.0: unknown concept "no_such_concept"', '"no_such_concept"'],
      ['claims.0.patterns.0.yieldsTo.0: unknown claim "no-such-claim"', '"no-such-claim"'],
    ],
  );
});

test('a pattern keeps the claims it yields to and the excludes it sets in place of the claim’s', () => {
  const pack = loadPack(readFileSync(bundledPackPath(), 'utf8')).pack!;
  const safe = pack.claimById.get('no-casualties')!.patterns.find((pattern) => pattern.source === '@putin @be =@unharmed')!;
  assert.deepEqual(safe.yieldsTo, ['putin-elsewhere']);
  const close = pack.claimById.get('kremlin-drone-attack')!.patterns.find((pattern) => pattern.source.includes('@come_close'))!;
  assert.deepEqual(close.excludes, []);
});

test('a pattern that must open its sentence keeps the flag; one that is not a boolean is a located problem', () => {
  const pack = loadPack(readFileSync(bundledPackPath(), 'utf8')).pack!;
  const patterns = pack.claimById.get('putin-elsewhere')!.patterns;
  assert.equal(patterns.find((pattern) => pattern.source === 'not =in|at|inside =the =Kremlin')?.opensSentence, true);
  assert.equal(patterns.find((pattern) => pattern.source === '@putin @at_from @novo')?.opensSentence, undefined);
  const raw = JSON.parse(readFileSync(bundledPackPath(), 'utf8'));
  raw.claims[0].patterns[0] = { match: '@drone @attack_v @kremlin', opensSentence: 'yes' };
  const { pack: broken, problems } = loadPack(JSON.stringify(raw, null, 2));
  assert.equal(broken, undefined);
  assert.ok(problems.some((p) => p.message.includes('/claims/0/patterns/0/opensSentence: must be boolean')), problems.map((p) => p.message).join('\n'));
});

test('a pack’s event date dates other events out; without one, no date is read; a malformed one is a located problem', () => {
  const text = 'A drone struck the Kremlin on 29 April.';
  const raw = JSON.parse(readFileSync(bundledPackPath(), 'utf8'));
  const dated = loadPack(JSON.stringify(raw)).pack!;
  assert.deepEqual(dated.eventDate, { year: 2023, month: 5, day: 3 });
  const claimsIn = (pack: typeof dated, sentence: string) => analyzeText(sentence, [pack], { syntax: 'markdown' }).findings.map((f) => f.claimId);
  assert.deepEqual(claimsIn(dated, text), []);
  // (The day after the event is the same night's.)
  assert.ok(claimsIn(dated, 'A drone struck the Kremlin on 4 May.').includes('kremlin-drone-attack'));
  delete raw.eventDate;
  const undated = loadPack(JSON.stringify(raw)).pack!;
  assert.equal(undated.eventDate, undefined);
  assert.ok(claimsIn(undated, text).includes('kremlin-drone-attack'));
  raw.eventDate = '3 May 2023';
  const { pack: broken, problems } = loadPack(JSON.stringify(raw, null, 2));
  assert.equal(broken, undefined);
  assert.ok(problems.some((p) => p.message.includes('/eventDate')), problems.map((p) => p.message).join('\n'));
});

test('a pattern that narrates a picture matches a caption in the simple present, not the past or a headline', () => {
  const pack = loadPack(readFileSync(bundledPackPath(), 'utf8')).pack!;
  assert.ok(pack.claimById.get('footage-kremlin')!.patterns.some((pattern) => pattern.describesPicture));
  const footage = (text: string) => analyzeText(text, [pack], { syntax: 'markdown' }).findings.some((f) => f.claimId === 'footage-kremlin');
  assert.ok(footage('A drone explodes above the dome of the Senate Palace, next to the flag.'));
  assert.ok(!footage('A drone exploded above the dome of the Senate Palace, next to the flag.'));
  assert.ok(!footage('# Drone Explodes Above Senate Palace Dome'));
});

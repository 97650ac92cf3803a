import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { packsForCheck } from '../../server/src/cli/pack';
import { parseReportArgs, renderReport } from '../../server/src/cli/report';
import { buildReport, reportHtml, reportMarkdown, type AttributionReport } from '../../server/src/engine/workflow/report';
import { kremlin, ROOT } from '../helpers';
import { review } from './review';

const DRAFT = [
  'SLUG: kremlin-drones',
  'HED: Drones hit Kremlin',
  '',
  'Two drones attacked the Kremlin overnight, the Kremlin said.',
  '',
  '[[claim-lens-disable-next-line]]',
  'Ukraine tried to kill Putin with two drones.',
  '',
  '“We never attack Putin or Moscow,” Zelensky said. Casualties: TK.',
  '',
].join('\n');

const links = { draft: (line: number) => `draft.story#L${line}`, source: (file: string, line: number) => `sources/${file}#L${line}` };
const build = (text = DRAFT): AttributionReport => buildReport('draft.story', text, review(text, 'news-draft'), [kremlin()]);

test('the report lists every claim, attributed or not, with its lines and verdicts', () => {
  const report = build();
  const attack = report.claims.find((c) => c.claimId === 'kremlin-drone-attack')!;
  assert.deepEqual(attack.occurrences.map((o) => [o.line, o.framing, o.suppressedBy]), [
    [2, 'unattributed', undefined],
    [4, 'attributed', undefined],
  ]);
  const silenced = report.claims.flatMap((c) => c.occurrences.filter((o) => o.line === 7).map((o) => [c.claimId, o.suppressedBy]));
  assert.ok(silenced.length >= 1);
  assert.ok(silenced.every(([, by]) => by === 6), JSON.stringify(silenced));
  assert.equal(attack.needsWork, true);
  assert.equal(attack.claimant, kremlin().claimById.get('kremlin-drone-attack')!.claim.claimantLabel);
  assert.ok(attack.excerpts.length >= 1 && attack.excerpts.every((e) => e.file && e.text));
  assert.deepEqual(report.claims.map((c) => c.occurrences[0].line), [...report.claims.map((c) => c.occurrences[0].line)].sort((a, b) => a - b));
  assert.equal(report.totals.tk, 1);
  assert.ok(report.totals.suppressed >= 1);
  assert.deepEqual(report.quotations.map((q) => [q.line, q.speaker, q.verdict]), [[9, 'Volodymyr Zelensky', 'unsourced']]);
  assert.ok(report.quotations[0].closest.length > 0);
});

test('Markdown and HTML carry the same content with links to draft lines and sources', () => {
  const report = build();
  const markdown = reportMarkdown(report, links);
  assert.match(markdown, /^# Attribution report: draft\.story$/m);
  assert.match(markdown, /\[line 2\]\(draft\.story#L2\) \*\*Unattributed\*\*/);
  assert.match(markdown, /silenced \(directive on line 6\)/);
  assert.match(markdown, /\[Rewritten [^\]]+, line \d+\]\(sources\/[a-z-]+\.txt#L\d+\)/, 'sources named by outlet');
  assert.match(markdown, /## Quotations to check[\s\S]*not in the sources/);
  assert.match(markdown, /## Still to come \(TK\)\n\n\[line 9\]\(draft\.story#L9\) TK/);
  const html = reportHtml(report, links);
  assert.match(html, /<a href="draft\.story#L2" data-line="2">line 2<\/a>/);
  assert.match(html, /data-source="[a-z-]+\.txt" data-source-line="\d+"/);
  assert.doesNotMatch(html, /<script/);
});

test('draft text is escaped in the HTML', () => {
  const html = reportHtml(build('Two drones attacked the Kremlin <script>alert(1)</script> overnight.\n'), links);
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /&#60;script&#62;/);
});

test('an opted-out draft says so and lists nothing', () => {
  const report = build('CLAIM-LENS: off\n\nTwo drones attacked the Kremlin overnight. TK\n');
  assert.equal(report.optedOut, true);
  assert.match(reportMarkdown(report, links), /opts out of Claim Lens/);
});

const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'server', 'out', 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('claim-lens report FILE prints the Markdown report; --format json and --output work', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claim-lens-report-'));
  const file = join(dir, 'draft.story');
  writeFileSync(file, DRAFT);
  const markdown = cli('report', file);
  assert.equal(markdown.status, 0, markdown.stderr);
  assert.match(markdown.stdout, /## To attribute/);
  const json = cli('report', file, '--format', 'json');
  assert.equal(JSON.parse(json.stdout).totals.tk, 1);
  const out = join(dir, 'report.html');
  assert.equal(cli('report', file, '--format', 'html', '--output', out).status, 0);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /href="draft\.story#L2"/, 'links are relative to the output file');
});

test('claim-lens report takes the packs of check: --pack, --no-bundled-pack, their sources linked where they are', () => {
  const args = parseReportArgs(['samples/packs/fernhollow-draft.md', '--no-bundled-pack', '--pack', 'samples/packs/fernhollow-water.claims.json']);
  assert.deepEqual(args, { file: 'samples/packs/fernhollow-draft.md', format: 'markdown', output: undefined, packs: ['samples/packs/fernhollow-water.claims.json'], bundledPack: false });
  const packs = packsForCheck(args.packs.map((file) => join(ROOT, file)), args.bundledPack)!;
  assert.deepEqual(packs.map((pack) => pack.pack.id), ['fernhollow-water']);
  const markdown = renderReport(join(ROOT, args.file), readFileSync(join(ROOT, args.file), 'utf8'), packs, 'markdown', join(ROOT, 'report.md'));
  assert.match(markdown, /### `kestrel-leak`: /);
  assert.match(markdown, /\]\(samples\/packs\/sources\/fernhollow-briefing\.txt#L6\)/);
});

test('claim-lens report: a missing file or a bad option is a clear error with exit 2', () => {
  const missing = cli('report', 'no/such/draft.md');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such file/);
  const format = cli('report', 'samples/newsroom.draft', '--format', 'pdf');
  assert.equal(format.status, 2);
  assert.match(format.stderr, /--format must be markdown, html or json/);
  assert.equal(cli('report').status, 2);
});

test('claim-lens check honours directives and reports TK and quotations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claim-lens-check-'));
  const file = join(dir, 'draft.story');
  writeFileSync(file, DRAFT);
  const run = cli('check', file);
  const codes = run.stdout.trim().split('\n').map((line) => line.split(' ').slice(1, 3).join(' '));
  assert.ok(codes.includes('information tk'));
  assert.ok(codes.includes('information quote-unsourced'));
  assert.ok(!run.stdout.includes(':7:'), 'line 7 is silenced by the directive on line 6');
});

test('placing occurrences on a 2.5 MB single line costs a binary search each, not a scan back to the line start', () => {
  const text = `${'x'.repeat(2_500_000)}\nTwo drones.`;
  const base = review('Two drones attacked the Kremlin overnight.');
  const [finding] = base.findings;
  const at = (start: number) => ({ ...finding, sentence: { start, end: start + 40 }, evidence: { start, end: start + 10 } });
  const findings = Array.from({ length: 10_000 }, (_, i) => at(i * 250));
  const started = performance.now();
  const report = buildReport('long.md', text, { ...base, findings, notes: [] }, [kremlin()]);
  // Before: 24-33 s for the report of a 5 MB line.
  assert.ok(performance.now() - started < 2000, `${Math.round(performance.now() - started)} ms`);
  const occurrences = report.claims[0].occurrences;
  assert.equal(occurrences.length, 10_000);
  assert.deepEqual(occurrences.at(-1), { ...occurrences.at(-1), line: 1, column: 9_999 * 250 + 1 });
});

test('what needs action comes first: claims to attribute, quotations to check, TK; then what is fine, then what is silenced', () => {
  const report = build();
  const markdown = reportMarkdown(report, links);
  const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
  assert.deepEqual(headings, ['To attribute', 'Quotations to check', 'Still to come (TK)', 'Attributed', 'Silenced']);
  const html = reportHtml(report, links);
  assert.deepEqual([...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((match) => match[1]), headings);
  assert.doesNotMatch(html, /<table/, 'no cramped table');
  // The summary counts claims and the sentences that mention them apart.
  assert.match(markdown, /^\d+ of \d+ claims? needs? attribution, in \d+ sentences? \(/m);
});

test('the Markdown report opts itself out: checked as a draft, it reports nothing', () => {
  const markdown = reportMarkdown(build(), links);
  assert.ok(markdown.startsWith('---\nclaim-lens: off\n---\n'));
  const itself = review(markdown);
  assert.equal(itself.optedOut, true);
  assert.deepEqual([itself.findings, itself.notes], [[], []]);
});

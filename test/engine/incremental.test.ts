import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyzeText, DraftAnalyzer, type DraftSnapshot } from '../../server/src/engine/analysis/document';
import { DraftText } from '../../server/src/engine/text/draftText';
import { draftOptions, kremlin, readJsonl, ROOT, visibleSnapshot } from '../helpers';



/** Indexes of the blocks of `next` whose analysis is not carried over from `previous`. */
function reanalysed(previous: DraftSnapshot, next: DraftSnapshot): number[] {
  const old = new Set(previous.blocks.map((entry) => entry.result));
  return next.blocks.flatMap((entry, index) => (old.has(entry.result) ? [] : [index]));
}

const PARAGRAPHS = [
  '# Overnight in Moscow',
  'The city council approved the riverside housing scheme on Monday.',
  'The Kremlin said little on Wednesday morning.',
  'It said two drones attacked the Kremlin overnight.',
  'Attendance was higher than last year. The figures will be reviewed in the autumn.',
  'The harbour board raised concerns about the new tram line.',
  'Tickets go on sale on Friday.',
];
const DRAFT = PARAGRAPHS.join('\n\n');

test('typing inside one paragraph re-analyses that paragraph only', () => {
  const analyzer = new DraftAnalyzer([kremlin()], draftOptions());
  const before = analyzer.update(DRAFT);
  const at = DRAFT.indexOf('raised concerns');
  const after = analyzer.update(`${DRAFT.slice(0, at)}quickly ${DRAFT.slice(at)}`);
  assert.equal(after.analysedBlocks, 1);
  assert.deepEqual(reanalysed(before, after), [5]);
  // The paragraph after the edit moved by the inserted length; its findings moved with it.
  assert.equal(after.blocks[6].block.start, before.blocks[6].block.start + 'quickly '.length);
});

test('an edit that changes who "It" points to re-analyses the next paragraph too, and no further', () => {
  const analyzer = new DraftAnalyzer([kremlin()], draftOptions());
  const before = analyzer.update(DRAFT);
  assert.deepEqual(
    before.findings.map((f) => f.framing),
    ['attributed'],
  );
  const edited = DRAFT.replace('The Kremlin said little', 'Kyiv said little');
  const after = analyzer.update(edited);
  const changed = reanalysed(before, after);
  assert.equal(changed[0], 2, 'the edited paragraph');
  assert.ok(changed.includes(3), 'the paragraph whose pronoun now points to Kyiv');
  assert.ok(!changed.includes(6), 'the chain stops once the context handed on is unchanged');
  assert.deepEqual(
    after.findings.map((f) => f.framing),
    ['misattributed'],
  );
  assert.deepEqual(visibleSnapshot(after), visibleSnapshot(analyzeText(edited, [kremlin()])));
});

test('re-analyses exactly the blocks whose text or incoming context changed', () => {
  const analyzer = new DraftAnalyzer([kremlin()], draftOptions());
  let previous = analyzer.update(DRAFT);
  for (const edited of [
    DRAFT.replace('Tickets go', 'Two drones attacked the Kremlin. Tickets go'),
    DRAFT.replace('\n\nIt said', ' It said'),
    DRAFT.replace('The harbour board', '```\nThe harbour board'),
    `---\ntitle: x\n---\n\n${DRAFT}`,
  ]) {
    const next = analyzer.update(edited);
    const old = previous.blocks;
    next.blocks.forEach((entry, index) => {
      const couldReuse = old.some((o) => o.block.text === entry.block.text && (o.block.start === 0) === (entry.block.start === 0) && isDeepStrictEqual(o.contextIn, entry.contextIn));
      const reused = old.some((o) => o.result === entry.result);
      assert.equal(reused, couldReuse, `block ${index} ${JSON.stringify(entry.block.text.slice(0, 30))}`);
    });
    assert.equal(next.analysedBlocks, reanalysed(previous, next).length);
    previous = next;
  }
});

test('the same text again analyses nothing', () => {
  const analyzer = new DraftAnalyzer([kremlin()], draftOptions());
  const first = analyzer.update(DRAFT);
  const again = analyzer.update(DRAFT);
  assert.equal(again.analysedBlocks, 0);
  assert.deepEqual(visibleSnapshot(again), visibleSnapshot(first));
});

test('after any sequence of edits, incremental results equal a fresh analysis', () => {
  // Edits chosen to move block boundaries: blank lines, fences, comments, front matter,
  // list lead-ins, CRLF line ends, pronouns and claims.
  const pieces = ['\n', '\n\n', '```\n', '---\n', '<!-- ', ' -->', 'It said ', 'Two drones attacked the Kremlin. ', 'The Kremlin said ', '- ', '# ', 'x', ' ', '\r\n', '> ', ':\n\n'];
  let seed = 11;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (const syntax of ['markdown', 'plain'] as const) {
    const settings = draftOptions({ syntax, maxChars: 1500 });
    const analyzer = new DraftAnalyzer([kremlin()], settings);
    let text = `${DRAFT}\n\nThe Kremlin said:\n\n- two drones attacked the Kremlin\n- nobody was hurt`;
    analyzer.update(text);
    for (let step = 0; step < 40; step++) {
      const at = random(text.length + 1);
      text = random(3) === 0
        ? text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + random(40)))
        : text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
      const incremental = analyzer.update(text);
      assert.deepEqual(visibleSnapshot(incremental), visibleSnapshot(analyzeText(text, [kremlin()], settings)), `${syntax}, edit ${step} at ${at}`);
    }
  }
});

test('edits past the size limit analyse nothing; the skipped part is reported', () => {
  const analyzer = new DraftAnalyzer([kremlin()], draftOptions({ maxChars: 200 }));
  const first = analyzer.update(DRAFT);
  const cut = DRAFT.lastIndexOf('\n', 200);
  assert.equal(first.skippedChars, DRAFT.length - cut);
  const later = analyzer.update(`${DRAFT} More words at the very end.`);
  assert.equal(later.analysedBlocks, 0);
  assert.equal(later.skippedChars, first.skippedChars + ' More words at the very end.'.length);
});

/**
 * How much the heap grows over 100 edits of a 2,000-paragraph draft, each given to the analyser
 * by `feed` (the text after the edit, where it was, and what it inserted).
 */
function heapGrowthOverEdits(feed: (analyzer: DraftAnalyzer, text: string, edit?: { at: number; inserted: string }) => void): number {
  setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;
  const paragraphs = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} has a few plain words in it.`);
  let text = paragraphs.join('\n\n');
  const analyzer = new DraftAnalyzer([kremlin()], draftOptions());
  feed(analyzer, text);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  for (let edit = 0; edit < 100; edit++) {
    const at = text.indexOf(' plain', (edit * 997) % (text.length - 100));
    text = `${text.slice(0, at)} very${text.slice(at)}`;
    feed(analyzer, text, { at, inserted: ' very' });
  }
  collectGarbage();
  return (process.memoryUsage().heapUsed - before) / 1048576;
}

test('blocks kept across edits do not keep earlier versions of the draft in memory', () => {
  const grownMb = heapGrowthOverEdits((analyzer, text) => analyzer.update(text));
  // Were every version kept, 100 versions of this 88 kB draft would take 8.8 MB.
  assert.ok(grownMb < 3, `heap grew by ${grownMb.toFixed(1)} MB over 100 edits`);
});

test("a draft's findings are its blocks' findings, every key kept, moved to the block's place", () => {
  // The fixture sentences give findings of every shape (sources, hedges, rules, unsure readings).
  const text = readJsonl(join(ROOT, 'test', 'fixtures', 'claims.jsonl')).map((item) => item.text).join('\n\n');
  const snapshot = analyzeText(text, [kremlin()]);
  const move = (span: { start: number; end: number }, by: number) => ({ start: span.start + by, end: span.end + by });
  const expected = snapshot.blocks.flatMap(({ block, result }) =>
    result.findings.map((finding) => {
      const moved = { ...finding, sentence: move(finding.sentence, block.start), evidence: move(finding.evidence, block.start) };
      if (finding.source) moved.source = { ...finding.source, span: move(finding.source.span, block.start) };
      if (finding.hedge) moved.hedge = { ...finding.hedge, span: move(finding.hedge.span, block.start) };
      if (finding.content) moved.content = move(finding.content, block.start);
      return moved;
    }),
  );
  assert.ok(expected.length > 100 && expected.some((f) => f.hedge) && expected.some((f) => f.unsure) && expected.some((f) => f.content));
  assert.deepEqual(snapshot.findings, expected);
});

test("a draft's pieces kept across edits do not keep earlier versions of the draft in memory", () => {
  let pieces: DraftText | undefined;
  let last = '';
  const grownMb = heapGrowthOverEdits((analyzer, text, edit) => {
    pieces = edit && pieces ? pieces.edit([{ start: edit.at, end: edit.at, text: edit.inserted }]) : DraftText.from(text);
    last = text;
    analyzer.update(pieces);
  });
  assert.equal(pieces!.toString(), last);
  assert.ok(grownMb < 3, `heap grew by ${grownMb.toFixed(1)} MB over 100 edits`);
});

test('while an edit is re-analysed, the beginning is offered as a partial snapshot only when the edit is in it', () => {
  const long = Array.from({ length: 60 }, (_, i) => PARAGRAPHS[i % PARAGRAPHS.length]).join('\n\n');
  const analyzer = new DraftAnalyzer([kremlin()], draftOptions());
  analyzer.update(long);
  const upTo = 400;
  // An edit far below the first 400 characters: what is there is the version before's, as published.
  const below = long.lastIndexOf('raised concerns');
  const later = analyzer.updateSteps(`${long.slice(0, below)}quickly ${long.slice(below)}`);
  assert.equal(later.next().done, false, 'a step after the edited block');
  assert.equal(analyzer.partialSnapshot(upTo), undefined);
  for (let step = later.next(); !step.done; step = later.next());
  // An edit within them: they are offered once the re-analysis has passed them.
  const above = long.indexOf('little');
  const text = `${long.slice(0, above)}very ${long.slice(above)}`;
  const early = analyzer.updateSteps(text);
  assert.equal(early.next().done, false);
  assert.ok(above < upTo);
  const partial = analyzer.partialSnapshot(above + 10);
  assert.ok(partial && partial.blocks.at(-1)!.block.end >= above + 10);
  for (let step = early.next(); !step.done; step = early.next());
});

test('a finding’s content span is at document offsets, in a later paragraph and after an edit before it', () => {
  const first = 'A quiet paragraph about the weather.\n\nTwo drones hit the Kremlin, the Kremlin said.\n';
  const contentOf = (text: string, snapshot: DraftSnapshot) =>
    snapshot.findings.filter((f) => f.content).map((f) => text.slice(f.content!.start, f.content!.end));
  const analyzer = new DraftAnalyzer([kremlin()], draftOptions());
  const before = analyzer.update(first);
  assert.deepEqual(contentOf(first, before).filter((c) => c.includes('drones')), ['Two drones hit the Kremlin']);
  const edited = `An added opening line.\n\n${first}`;
  assert.deepEqual(contentOf(edited, analyzer.update(edited)).filter((c) => c.includes('drones')), ['Two drones hit the Kremlin']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { analyzeText, DraftAnalyzer } from '../../server/src/engine/analysis/document';
import { DraftText, PIECE_CHARS } from '../../server/src/engine/text/draftText';
import { LiveDocument } from '../../server/src/lsp/liveDocument';
import { draftOptions, kremlin, visibleSnapshot } from '../helpers';

// An open document keeps its text in pieces and applies each LSP change to them
// (lsp/liveDocument.ts); the analysis reads the pieces around the edit. After random edits
// (line breaks of every kind joined and split, surrogate pairs, batches of changes, whole-text
// changes, undo) the document must read as vscode-languageserver-textdocument's TextDocument
// does, and the analysis must equal a fresh analysis of the whole text.

function prng(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const PIECES = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', ' ', 'x', '🙂', '\ud83d', '\ude42', 'é', '```\n', '<!-- ', ' -->', '---\n', '- ', '# ', 'It said ', 'Two drones attacked the Kremlin. ', 'The Kremlin said ', '"', 'TK', ':\n\n'];

const PARAGRAPHS = [
  '# Overnight in Moscow',
  'The city council approved the riverside housing scheme on Monday.',
  'The Kremlin said little on Wednesday morning.',
  'It said two drones attacked the Kremlin overnight.',
  'Attendance was higher than last year.\r\nThe figures will be reviewed in the autumn.',
  '"We did nothing of the kind," he said. 🙂 TK',
  'The Kremlin said:\n\n- two drones attacked the Kremlin\n- nobody was hurt',
];

/** A random range of `document` (sometimes reversed, sometimes past the end of a line or of the text). */
function randomRange(random: (n: number) => number, document: TextDocument): Range {
  const position = () => {
    const line = random(document.lineCount + (random(10) === 0 ? 2 : 0));
    return { line, character: random(random(8) === 0 ? 200 : 40) };
  };
  const start = position();
  const end = random(3) === 0 ? start : random(2) === 0 ? { line: start.line, character: start.character + random(30) } : position();
  return random(6) === 0 ? { start: end, end: start } : { start, end };
}

function randomChange(random: (n: number) => number, document: TextDocument): TextDocumentContentChangeEvent {
  if (random(60) === 0) return { text: PARAGRAPHS.slice(random(3)).join(random(2) ? '\n\n' : '\r\n\r\n') };
  const text = Array.from({ length: random(3) }, () => PIECES[random(PIECES.length)]).join('');
  return { range: randomRange(random, document), text };
}

function assertSameDocument(live: LiveDocument, reference: TextDocument, random: (n: number) => number, where: string): void {
  const text = reference.getText();
  assert.equal(live.getText(), text, `${where}: text`);
  assert.equal(live.lineCount, reference.lineCount, `${where}: line count`);
  for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(live.positionAt(offset), reference.positionAt(offset), `${where}: positionAt(${offset})`);
  for (let line = -1; line <= reference.lineCount; line++) {
    for (const character of [0, 1, 3, 10, 1000]) assert.equal(live.offsetAt({ line, character }), reference.offsetAt({ line, character }), `${where}: offsetAt(${line}:${character})`);
  }
  const range = randomRange(random, reference);
  assert.equal(live.getText(range), reference.getText(range), `${where}: getText(range)`);
}

test('a live document reads as TextDocument does after random changes and batches', () => {
  const random = prng(14);
  for (let run = 0; run < 6; run++) {
    const initial = PARAGRAPHS.join(run % 2 ? '\r\n\r\n' : '\n\n');
    const live = new LiveDocument('file:///live.md', 'markdown', 1, initial);
    const reference = TextDocument.create('file:///live.md', 'markdown', 1, initial);
    for (let version = 2; version < 60; version++) {
      const changes: TextDocumentContentChangeEvent[] = [];
      const batch = random(4) === 0 ? 2 + random(3) : 1;
      for (let k = 0; k < batch; k++) {
        // Each change of a batch is in the offsets of the text after the ones before it.
        const change = randomChange(random, reference);
        changes.push(change);
        TextDocument.update(reference, [change], version);
      }
      live.update(changes, version);
      assert.equal(live.version, version);
      assertSameDocument(live, reference, random, `run ${run}, version ${version}`);
    }
  }
});

test('a draft text over many pieces: edits across piece boundaries, and the ends it shares with earlier versions', () => {
  const random = prng(3);
  let text = Array.from({ length: 5 * PIECE_CHARS }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
  let pieces = DraftText.from(text);
  const history: Array<{ pieces: DraftText; text: string }> = [{ pieces, text }];
  for (let step = 0; step < 300; step++) {
    const start = random(text.length + 1);
    const end = Math.min(text.length, start + (random(4) === 0 ? random(3 * PIECE_CHARS) : random(5)));
    const inserted = random(5) === 0 ? 'y'.repeat(random(3 * PIECE_CHARS)) : PIECES[random(PIECES.length)];
    text = text.slice(0, start) + inserted + text.slice(end);
    pieces = pieces.edit([{ start, end, text: inserted }]);
    assert.equal(pieces.length, text.length);
    const from = random(text.length + 1);
    const to = from + random(2 * PIECE_CHARS);
    assert.equal(pieces.slice(from, to), text.slice(from, to), `slice ${from}–${to}`);
    assert.equal(pieces.charCodeAt(from), text.charCodeAt(from));
    for (const earlier of history.slice(-20)) {
      const ends = pieces.sameEndsAs(earlier.pieces);
      if (!ends) continue;
      assert.ok(ends.prefix + ends.suffix <= Math.min(text.length, earlier.text.length), 'the ends do not overlap');
      assert.equal(text.slice(0, ends.prefix), earlier.text.slice(0, ends.prefix), 'common start');
      assert.equal(text.slice(text.length - ends.suffix), earlier.text.slice(earlier.text.length - ends.suffix), 'common end');
    }
    history.push({ pieces, text });
  }
  assert.equal(pieces.toString(), text);
});

function ordered(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}



test('the analysis of a live document after random edits, batches and undo equals a fresh analysis of its text', () => {
  const random = prng(27);
  for (const syntax of ['markdown', 'plain'] as const) {
    for (const maxChars of [2_000_000, 900]) {
      const settings = draftOptions({ syntax, maxChars });
      // Longer than a piece, so that edits and the blocks around them cross pieces.
      const initial = Array.from({ length: 11 }, () => PARAGRAPHS.join('\n\n')).join('\n\n');
      assert.ok(initial.length > PIECE_CHARS);
      const live = new LiveDocument('file:///live.md', syntax === 'markdown' ? 'markdown' : 'plaintext', 1, initial);
      const analyzer = new DraftAnalyzer([kremlin()], settings);
      analyzer.update(live.text);
      const undo: TextDocumentContentChangeEvent[][] = [];
      for (let version = 2; version < 32; version++) {
        let changes: TextDocumentContentChangeEvent[];
        if (undo.length && random(5) === 0) {
          changes = undo.pop()!;
        } else {
          // The change and, for undo, the one that puts the text back.
          const change = randomChange(random, live);
          changes = [change];
          if ('range' in change && random(3) === 0) {
            const { start, end } = ordered(change.range);
            const from = live.offsetAt(start);
            const removed = live.getText().slice(from, live.offsetAt(end));
            live.update(changes, version);
            undo.push([{ range: { start: live.positionAt(from), end: live.positionAt(from + change.text.length) }, text: removed }]);
            changes = [];
          }
        }
        if (changes.length) live.update(changes, version);
        const snapshot = analyzer.update(live.text);
        assert.deepEqual(visibleSnapshot(snapshot), visibleSnapshot(analyzeText(live.getText(), [kremlin()], settings)), `${syntax}, ${maxChars} characters at most, version ${version}`);
      }
    }
  }
});

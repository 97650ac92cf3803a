import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockProse, markdownBlockProse } from '../../server/src/engine/text/prose';

// Blocks of plain running text skip the Markdown parser. Whatever the block, the result
// must be exactly what the parser would have produced.

const sameAsParser = (text: string, atDocumentStart: boolean) =>
  assert.deepEqual(blockProse(text, 'markdown', atDocumentStart), markdownBlockProse(text, atDocumentStart), JSON.stringify(text));

test('plain paragraphs and near misses read the same with and without the parser', () => {
  for (const text of [
    'Two drones attacked the Kremlin overnight, the Kremlin said.',
    'Trailing spaces stay part of the paragraph.   ',
    'A hard-wrapped\nparagraph, with CRLF\r\nline ends and a lone\rreturn.',
    'A line with a hard break  \nafter it.',
    '\u00a0Starts with a no-break space; ends with an ideographic one\u3000',
    "It's “quoted” — 100% sure (really)! Cost: 5 {x} ^2 $3.",
    'Setext underline\n===',
    'Setext underline\n---',
    '1. a list',
    '2) a list',
    '- a list',
    '+ a list',
    '# heading',
    '## Sport',
    '###### Six deep',
    '####### seven',
    '#NoSpace',
    '# Closing ##',
    '## Hash #inside',
    '#  Two  spaces  ',
    '#\tTab',
    '# ',
    '# *emphasis* in a heading',
    '# Heading\nand a paragraph',
    '   # indented heading',
    '> quote',
    '    indented code',
    ' one space of indent',
    'Mail someone@example.com or see www.example.com or https://example.com today.',
    'A *stressed* _word_, `code`, [a link](x), <b>html</b>, &amp; an entity, a \\*escape, ~~gone~~, a | pipe.',
    'Two\n\nparagraphs',
    '\nleading line break',
    'trailing line break\n',
    '\tTab first',
  ]) {
    sameAsParser(text, false);
    sameAsParser(text, true);
  }
});

test('random blocks read the same with and without the parser', () => {
  // Prose-like pieces, Markdown's special characters and awkward whitespace.
  const pieces = [
    'Two', 'drones', 'Kremlin', 'said', 'é', '😀', ' ', ' ', '  ', '\n', '\r\n', '\r', '1', '9', '.', ')', '(', '!', '?', ':', ',',
    '"', "'", '“', '”', '\u00a0', '\u3000', '\u2028', '\u0085', '—', '-', '=', '+', '#', '>', '$', '^', '{', '%', '/', '@', '*',
    '_', '[', ']', '<', '&', '|', '~', '`', '\\', '\t', '\f', 'www', 'http', '://',
  ];
  let seed = 5;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let i = 0; i < 700; i++) {
    let text = '';
    for (let length = 1 + random(14); length > 0; length--) text += pieces[random(pieces.length)];
    sameAsParser(text, i % 2 === 0);
  }
});

test('emphasis and links in running text read the same with and without the parser', () => {
  for (const text of [
    'The council approved *the housing scheme*, according to [the minutes](https://example.com/minutes).',
    '*Two drones* attacked the Kremlin (*overnight*), the Kremlin said!',
    '[Reuters](http://reuters.com/a?b=1#c) reported it; *a* and *b*.',
    'An *unclosed emphasis, and a *stray one*.',
    'No *space *before* it.',
    'A* closing without opening*.',
    'Intra*word*emphasis and *word*s.',
    '*emphasis*',
    '**strong** words',
    '* a list item*',
    '*(punctuation)* inside',
    '*trailing space * inside',
    'A [link with *emphasis*](https://example.com) in it.',
    'A [www.example.com](https://example.com) text.',
    'A [mailto:someone](https://example.com) text.',
    'An ![image](https://example.com/i.png) here.',
    'A [link](https://example.com "title") with a title.',
    'A [link](https://example.com/a(b)) with parentheses.',
    'A [link](https://example.com)trailing word.',
    'A [link] (https://example.com) with a space.',
    'A [link](ftp://example.com) elsewhere.',
    'A [link](https://example.com) and a_snake_case word.',
    'Two [links](https://a.org) [side](https://b.org) by side.',
    '1. *a list*',
    '  *indented*',
    '*emphasis* at the end ',
    '*Line one*\nline two',
    'Émile *Zola* and *日本* and *😀x*.',
    '*x* ~~gone~~',
    '*a*b*c*',
  ]) {
    sameAsParser(text, false);
    sameAsParser(text, true);
  }
});

test('random lines of emphasis and links read the same with and without the parser', () => {
  // Whole constructs among words and spaces, and their pieces, so that many lines are read
  // without the parser and many narrowly are not.
  const pieces = [
    'Two', 'drones', 'said', 'é', ' ', ' ', ' ', ' ', ' ', ' ', ' the ', ' a ', '*Two*', '*drones said*', '*x*', '[the minutes](https://example.com/m)',
    '[a](http://a.b/c?d=1#e)', '*', '*', '**', '[', ']', '(', ')', '](https://example.com/x)', '.', ',', '!', ':', ';', '?', '1', '_', '-',
    '#', '>', '"', '“', '\u00a0', '`', '<', '&', 'www.', '\n',
  ];
  let seed = 11;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let i = 0; i < 1200; i++) {
    let text = '';
    for (let length = 1 + random(16); length > 0; length--) text += pieces[random(pieces.length)];
    sameAsParser(text, i % 2 === 0);
  }
});

test('bullet lists of one-line items and near misses read the same with and without the parser', () => {
  for (const text of [
    '- The council approved the housing scheme.\n- Two drones attacked the Kremlin, the Kremlin said.',
    '- One item',
    '- *Two drones* hit it, according to [the minutes](https://example.com/minutes).\n- A plain one.',
    '- A plain one.\n- An *unclosed emphasis.',
    '- a\n- b\n',
    '- a\n\n- b',
    '- a\r\n- b',
    '- a\rb',
    '-  two spaces',
    '-\ttab',
    '- \u00a0no-break space first',
    '- trailing space ',
    '- a\n  continued',
    '- a\ncontinued lazily',
    '- a\n---',
    '- a\n===',
    '- - nested',
    '- * nested',
    '- + nested',
    '- 1. nested',
    '- # heading',
    '- > quote',
    '- [ ] task',
    '- [x] done',
    '- a | b',
    '- <b>html</b>',
    '- `code`',
    '- ***',
    '- -',
    '-',
    '- ',
    '* a star item',
    '+ a plus item',
    '1. a numbered item',
    ' - indented item',
    '- a\n - indented second',
    '- a\n* b',
    '- a\n- ',
    '- a\u2028b',
    '- www.example.com',
    '- [link](https://example.com)',
    '- Subject said:',
  ]) {
    sameAsParser(text, false);
    sameAsParser(text, true);
  }
});

test('random bullet lists read the same with and without the parser', () => {
  // Item lines of words and inline constructs, and now and then a piece of Markdown or white
  // space that sends the block to the parser, or a line that is no item: about half of the
  // blocks are read without the parser, most of them lists of several items.
  const words = ['Two', 'drones', 'said', 'the', 'Kremlin', 'é', 'attack,', 'today.', '*Two*', '*drones said*', '[the minutes](https://example.com/m)'];
  const pieces = ['*', '[', ']', '(', ')', ':', '1.', '-', '#', '>', '+', '=', '"', '\u00a0', '`', '<', '&', '\t', '\r', '|', '', ' '];
  const openings = ['- ', '- ', '- ', '- ', '- ', '- ', '- ', '- ', '-  ', '* ', '', ' - ', '-'];
  let seed = 17;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    // (The high bits: an LCG's low bits repeat with a short period.)
    return (seed >>> 16) % n;
  };
  for (let i = 0; i < 400; i++) {
    const lines: string[] = [];
    for (let count = 1 + random(4); count > 0; count--) {
      const parts: string[] = [];
      for (let length = 1 + random(6); length > 0; length--) parts.push(random(12) === 0 ? pieces[random(pieces.length)] : words[random(words.length)]);
      lines.push(openings[random(openings.length)] + parts.join(random(8) === 0 ? '' : ' '));
    }
    sameAsParser(lines.join(random(20) === 0 ? '\n\n' : '\n'), i % 2 === 0);
  }
});

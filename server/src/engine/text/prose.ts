import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Parents } from 'mdast';

// Turns a block of a draft into prose units (paragraphs, headings, list items, table
// cells) whose text keeps the draft's exact offsets: everything that is not prose (code,
// HTML, link targets, markup characters) is blanked to spaces, line breaks are kept.

export type UnitKind = 'paragraph' | 'heading' | 'item' | 'cell' | 'quote';

export interface ProseUnit {
  kind: UnitKind;
  /** Offsets in the block's text. */
  start: number;
  end: number;
  /** The unit's text with non-prose blanked; same length as end - start. */
  text: string;
}

export interface BlockComment {
  start: number;
  end: number;
  text: string;
}

export interface BlockProse {
  units: ProseUnit[];
  /** HTML comments in the block (suppression directives live here). */
  comments: BlockComment[];
}

export type DraftSyntax = 'markdown' | 'plain';

// Front matter is only front matter at the very start of a draft.
const FIRST_BLOCK_OPTIONS = {
  extensions: [frontmatter(['yaml', 'toml']), gfm()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown()],
};
const LATER_BLOCK_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

// Most blocks of a draft are running text with no Markdown in them. Such a block parses to
// one paragraph of plain text, so the parser is skipped for it. The test is deliberately
// narrow: any character that can start markup anywhere (emphasis, code, links, HTML,
// entities, escapes, tables, strikethrough, e-mail and web autolinks) or at a line start
// (headings, quotes, lists, setext underlines, indentation) sends the block to the parser.
const MARKUP_ANYWHERE = /[\\`*_~[\]<>&|@\t\x00-\x08\x0b\x0c\x0e-\x1f]|www\.|:\/\//i;
const MARKUP_AT_LINE_START = /(?:^|[\r\n])(?:[ #>=+-]|\d{1,9}[.)])/;

// "## Sport": a one-line ATX heading whose text has no markup and no "#" (closing sequences
// have rules of their own), read as the parser reads it: the marker blanked.
const PLAIN_HEADING = /^(#{1,6} +)([^\s#][^#\r\n\u2028\u2029\u0085]*)$/;

const EMPTY_LINE = /^[\r\n]|[\r\n]$|\n[\r\n]|\r\r|\r\n[\r\n]/;

function isPlainParagraph(text: string): boolean {
  return text.length > 0 && !MARKUP_ANYWHERE.test(text) && !MARKUP_AT_LINE_START.test(text) && !EMPTY_LINE.test(text);
}

function shifted(prose: BlockProse, by: number): BlockProse {
  return {
    units: prose.units.map((unit) => ({ ...unit, start: unit.start + by, end: unit.end + by })),
    comments: prose.comments.map((comment) => ({ ...comment, start: comment.start + by, end: comment.end + by })),
  };
}

export function blockProse(text: string, syntax: DraftSyntax, atDocumentStart: boolean): BlockProse {
  if (syntax === 'plain') return { units: [{ kind: 'paragraph', start: 0, end: text.length, text }], comments: [] };
  // micromark drops a leading U+FEFF and counts offsets without it: parse the rest, then shift.
  if (text.charCodeAt(0) === 0xfeff) return shifted(blockProse(text.slice(1), syntax, atDocumentStart), 1);
  if (isPlainParagraph(text)) {
    return { units: [{ kind: 'paragraph', start: 0, end: text.length, text }], comments: [] };
  }
  const inline = simpleInlineParagraph(text);
  if (inline !== null) return { units: [{ kind: 'paragraph', start: 0, end: text.length, text: inline }], comments: [] };
  const items = simpleBulletList(text);
  if (items !== null) return { units: items, comments: [] };
  const heading = PLAIN_HEADING.exec(text);
  if (heading && !MARKUP_ANYWHERE.test(heading[2])) {
    return { units: [{ kind: 'heading', start: 0, end: text.length, text: ' '.repeat(heading[1].length) + heading[2] }], comments: [] };
  }
  const comment = wholeComment(text);
  if (comment) return { units: [], comments: [comment] };
  return markdownBlockProse(text, atDocumentStart);
}

// Running text on one line whose only Markdown is emphasis with asterisks around words
// ("*the housing scheme*,") and inline links to a web address ("[the minutes](https://…)"),
// the Markdown most drafts hold: the parser's reading is the text with the asterisks, the
// brackets and the address blanked. Only where that reading is certain: an asterisk opens
// after a space, "(" or the start and before a letter or digit, and closes after one and
// before a space, punctuation or the end (so that each is what CommonMark calls left- or
// right-flanking, never both); what is inside has no markup; and the rest of the line is
// plain text as `isPlainParagraph` reads it. Anything else goes to the parser.
const SIMPLE_EMPHASIS = /(?<=^|[ (])\*([\p{L}\p{N}](?:[^*\r\n]*[\p{L}\p{N}])?)\*(?=$|[ ,.;:!?)])/gu;
const SIMPLE_LINK = /(?<=^|[ (])\[([\p{L}\p{N}](?:[^[\]\r\n]*[\p{L}\p{N}])?)\]\(https?:\/\/[A-Za-z0-9./%?=#+-]+\)(?=$|[ ,.;:!?)])/gu;
const BARE_ADDRESS = /^(?:https?:\/\/|www\.|mailto:)/i;

/** The unit text of a one-line paragraph of simple inline Markdown (see above), or null. */
function simpleInlineParagraph(text: string): string | null {
  if (!text.includes('*') && !text.includes('[')) return null;
  if (/[\r\n]/.test(text) || /^\s|\s$/u.test(text)) return null;
  const chars = text.split('');
  // What the rest of the line must be: the markup taken out, the words inside kept.
  const rest = text.split('');
  const taken = new Uint8Array(text.length);
  for (const [pattern, open] of [[SIMPLE_LINK, 1], [SIMPLE_EMPHASIS, 1]] as const) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      const inner = match[1];
      if (MARKUP_ANYWHERE.test(inner) || BARE_ADDRESS.test(inner)) return null;
      for (let i = start; i < end; i++) if (taken[i]++) return null;
      const innerEnd = start + open + inner.length;
      for (let i = start; i < end; i++) {
        if (i >= start + open && i < innerEnd) continue;
        chars[i] = ' ';
        rest[i] = 'a';
      }
    }
  }
  return isPlainParagraph(rest.join('')) ? chars.join('') : null;
}

// A bullet list of one-line items ("- The council approved …"), the list a draft most often
// holds: the parser reads one item per line, its text after the "- ", and the item's text as
// the one-line paragraph it is. Only where that reading is certain: every line opens with "-"
// and one space, its text neither starts nor ends with white space and reads as plain text or
// simple inline Markdown as above (so that nothing in it can open a block of its own: a
// nested list, a heading, a quote, code). Anything else goes to the parser.
const ITEM_MARKER = '- ';
const OTHER_LINE_ENDS = /[\r\u2028\u2029\u0085]/;

/** The item units of a simple bullet list (see above), or null. */
function simpleBulletList(text: string): ProseUnit[] | null {
  if (!text.startsWith(ITEM_MARKER) || text.endsWith('\n') || OTHER_LINE_ENDS.test(text)) return null;
  const units: ProseUnit[] = [];
  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    if (!text.startsWith(ITEM_MARKER, lineStart)) return null;
    const start = lineStart + ITEM_MARKER.length;
    const content = text.slice(start, lineEnd);
    if (!content || /^\s|\s$/u.test(content)) return null;
    const unitText = isPlainParagraph(content) ? content : simpleInlineParagraph(content);
    if (unitText === null) return null;
    units.push({ kind: 'item', start, end: lineEnd, text: unitText });
    lineStart = lineEnd + 1;
  }
  return units;
}

const COMMENT_BLOCK = /^ {0,3}<!--/;

/**
 * A block that is one HTML comment, read as the parser reads it without parsing: from a
 * line-opening "<!--" to the end of the line holding the first "-->" ("<!-->" closes at
 * once), which must be the block's last line, or to the end when it never closes. A block
 * of an unclosed comment runs to the end of the draft, so this keeps a keystroke in it cheap.
 */
function wholeComment(text: string): BlockComment | null {
  const open = COMMENT_BLOCK.exec(text);
  if (!open) return null;
  const close = text.indexOf('-->', open[0].length - 2);
  if (close >= 0 && /[\r\n]/.test(text.slice(close))) return null;
  return { start: 0, end: text.length, text };
}

/** The parser's reading of a block, without the plain-paragraph shortcut. */
export function markdownBlockProse(text: string, atDocumentStart: boolean): BlockProse {
  const tree = fromMarkdown(text, atDocumentStart ? FIRST_BLOCK_OPTIONS : LATER_BLOCK_OPTIONS);
  const units: ProseUnit[] = [];
  const comments: BlockComment[] = [];
  collect(tree, text, units, comments, false, false);
  return { units, comments };
}

const offsetOf = (node: Nodes, edge: 'start' | 'end'): number => node.position?.[edge].offset ?? 0;

function collect(
  node: Nodes,
  source: string,
  units: ProseUnit[],
  comments: BlockComment[],
  inItem: boolean,
  inQuote: boolean,
): void {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell': {
      const start = offsetOf(node, 'start');
      const end = offsetOf(node, 'end');
      const chars = blank(source.slice(start, end)).split('');
      unmask(node, source, chars, start, comments);
      const kind = node.type === 'heading' ? 'heading' : node.type === 'tableCell' ? 'cell' : inItem ? 'item' : inQuote ? 'quote' : 'paragraph';
      units.push({ kind, start, end, text: chars.join('') });
      return;
    }
    case 'html':
      comments.push({ start: offsetOf(node, 'start'), end: offsetOf(node, 'end'), text: node.value });
      return;
    case 'code':
    case 'yaml':
    case 'definition':
    case 'footnoteDefinition':
    case 'thematicBreak':
      return;
    default:
      if ('children' in node) {
        for (const child of (node as Parents).children) {
          collect(child as Nodes, source, units, comments, inItem || node.type === 'listItem', inQuote || node.type === 'blockquote');
        }
      }
  }
}

/** Copies the source characters of prose (text nodes) into the blanked unit text. */
function unmask(node: Nodes, source: string, chars: string[], unitStart: number, comments: BlockComment[]): void {
  if (node.type === 'text') {
    const start = offsetOf(node, 'start');
    const end = offsetOf(node, 'end');
    for (let i = start; i < end; i++) chars[i - unitStart] = source[i];
    return;
  }
  if (node.type === 'html') {
    comments.push({ start: offsetOf(node, 'start'), end: offsetOf(node, 'end'), text: node.value });
    return;
  }
  if (node.type === 'inlineCode' || node.type === 'image' || node.type === 'imageReference' || node.type === 'footnoteReference') return;
  if (node.type === 'link' && isBareUrl(node, source)) return;
  if ('children' in node) for (const child of (node as Parents).children) unmask(child as Nodes, source, chars, unitStart, comments);
}

function isBareUrl(node: Nodes, source: string): boolean {
  const text = source.slice(offsetOf(node, 'start'), offsetOf(node, 'end'));
  return /^<?(https?:\/\/|www\.|mailto:)/i.test(text) || /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(text);
}

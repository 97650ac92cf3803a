import type { DraftSyntax } from '../text/prose';

// How each kind of draft is read. A news draft (`*.draft`, `*.story`) is Markdown with a
// newsroom header and editor's notes in double brackets; before analysis it is rewritten
// into plain Markdown of exactly the same length, so every offset the engine reports is
// an offset into the reporter's file:
//   HED: / DEK:            → "#   " (the rest of the line is analysed as a headline)
//   SLUG: BYLINE: DATELINE: CLAIM-LENS: lines → blanked (not prose)
//   [[ editor's note ]]    → blanked (notes also carry suppression directives)

export type DraftKind = 'markdown' | 'plain' | 'news-draft';

export interface CharSpan {
  start: number;
  end: number;
}

export type HeaderKey = 'SLUG' | 'HED' | 'DEK' | 'BYLINE' | 'DATELINE' | 'CLAIM-LENS';

export interface HeaderField {
  key: HeaderKey;
  /** The whole line. */
  line: CharSpan;
  /** The value after the colon, trimmed. */
  value: CharSpan;
}

export interface DraftNote {
  start: number;
  end: number;
  /** The note's text without the brackets. */
  text: string;
}

export interface PreparedDraft {
  kind: DraftKind;
  syntax: DraftSyntax;
  /** What the engine analyses: same length as the draft, non-prose blanked. */
  text: string;
  header: HeaderField[];
  notes: DraftNote[];
}

const HEADER_LINE = /^(SLUG|HED|DEK|BYLINE|DATELINE|CLAIM-LENS)[ \t]*:[ \t]*(.*?)[ \t]*$/gm;
const HEADLINE_KEYS = new Set<HeaderKey>(['HED', 'DEK']);
const BLANK_LINE = /\n[ \t]*\r?\n/g;

/**
 * `[[notes]]`: from "[[" to the first "]]" after it. A note may wrap over lines but never
 * crosses a blank line, so an unclosed "[[" cannot swallow the rest of the draft. One pass:
 * the next "]]" and the next blank line are looked for once and reused while ahead, so a
 * draft of unclosed "[[" costs no more than one of closed notes.
 */
function findNotes(text: string): DraftNote[] {
  const notes: DraftNote[] = [];
  let close = -2;
  let blank = -2;
  for (let open = text.indexOf('[['); open >= 0; ) {
    const from = open + 2;
    if (close !== -1 && close < from) close = text.indexOf(']]', from);
    if (close < 0) break;
    if (blank !== -1 && blank < from) {
      BLANK_LINE.lastIndex = from;
      blank = BLANK_LINE.exec(text)?.index ?? -1;
    }
    if (blank === -1 || blank >= close) {
      notes.push({ start: open, end: close + 2, text: text.slice(from, close) });
      open = text.indexOf('[[', close + 2);
    } else {
      open = text.indexOf('[[', open + 1);
    }
  }
  return notes;
}

/**
 * The text with each replacement written over it, the later one winning where two overlap;
 * only the stretches replacements touch are copied character by character.
 */
function overwrite(text: string, replacements: ReadonlyArray<{ start: number; text: string }>): string {
  const order = replacements.map((replacement, i) => ({ ...replacement, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  let out = '';
  let at = 0;
  for (let k = 0; k < order.length; ) {
    // A stretch of replacements that overlap one another.
    let end = order[k].start + order[k].text.length;
    let next = k + 1;
    while (next < order.length && order[next].start < end) end = Math.max(end, order[next].start + order[next].text.length), next++;
    const start = order[k].start;
    const chars = text.slice(start, end).split('');
    for (const replacement of order.slice(k, next).sort((a, b) => a.i - b.i)) {
      for (let c = 0; c < replacement.text.length; c++) chars[replacement.start - start + c] = replacement.text[c];
    }
    out += text.slice(at, start) + chars.join('');
    at = end;
    k = next;
  }
  return out + text.slice(at);
}

export function draftKindOf(languageId: string): DraftKind {
  if (languageId === 'news-draft') return 'news-draft';
  return languageId === 'markdown' ? 'markdown' : 'plain';
}

export function draftKindOfFile(path: string): DraftKind {
  const extension = /\.[^./\\]+$/.exec(path)?.[0].toLowerCase() ?? '';
  if (extension === '.draft' || extension === '.story') return 'news-draft';
  return ['.md', '.markdown', '.mdx'].includes(extension) ? 'markdown' : 'plain';
}

const blank = (text: string) => text.replace(/[^\r\n]/g, ' ');

/**
 * `prepareDraft` for a host that keeps the text elsewhere: a news draft is rewritten from the
 * whole text at once; any other draft is its own text, read from `text` only if asked for.
 */
export function prepareDraftLazily(kind: DraftKind, text: () => string): PreparedDraft {
  if (kind === 'news-draft') return prepareDraft(kind, text());
  return {
    kind,
    syntax: kind === 'markdown' ? 'markdown' : 'plain',
    get text() {
      return text();
    },
    header: [],
    notes: [],
  };
}

export function prepareDraft(kind: DraftKind, text: string): PreparedDraft {
  if (kind !== 'news-draft') return { kind, syntax: kind === 'markdown' ? 'markdown' : 'plain', text, header: [], notes: [] };
  const replacements: Array<{ start: number; text: string }> = [];
  const header: HeaderField[] = [];
  for (const match of text.matchAll(HEADER_LINE)) {
    const key = match[1] as HeaderKey;
    const start = match.index;
    const end = start + match[0].length;
    const valueStart = match[2] ? start + match[0].indexOf(match[2], match[1].length) : end;
    header.push({ key, line: { start, end }, value: { start: valueStart, end: valueStart + match[2].length } });
    replacements.push({ start, text: HEADLINE_KEYS.has(key) ? '#'.padEnd(valueStart - start, ' ') : blank(match[0]) });
  }
  const notes = findNotes(text);
  for (const note of notes) replacements.push({ start: note.start, text: blank(text.slice(note.start, note.end)) });
  return { kind, syntax: 'markdown', text: overwrite(text, replacements), header, notes };
}

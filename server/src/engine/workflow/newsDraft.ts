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
// A note may wrap over lines but never crosses a blank line, so an unclosed "[[" cannot
// swallow the rest of the draft.
const NOTE = /\[\[((?:(?!\]\]|\n[ \t]*\r?\n)[\s\S])*)\]\]/g;

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

export function prepareDraft(kind: DraftKind, text: string): PreparedDraft {
  if (kind !== 'news-draft') return { kind, syntax: kind === 'markdown' ? 'markdown' : 'plain', text, header: [], notes: [] };
  const chars = text.split('');
  const overwrite = (start: number, replacement: string) => {
    for (let i = 0; i < replacement.length; i++) chars[start + i] = replacement[i];
  };
  const header: HeaderField[] = [];
  for (const match of text.matchAll(HEADER_LINE)) {
    const key = match[1] as HeaderKey;
    const start = match.index;
    const end = start + match[0].length;
    const valueStart = match[2] ? start + match[0].indexOf(match[2], match[1].length) : end;
    header.push({ key, line: { start, end }, value: { start: valueStart, end: valueStart + match[2].length } });
    if (HEADLINE_KEYS.has(key)) overwrite(start, '#'.padEnd(valueStart - start, ' '));
    else overwrite(start, blank(match[0]));
  }
  const notes: DraftNote[] = [];
  for (const match of text.matchAll(NOTE)) {
    notes.push({ start: match.index, end: match.index + match[0].length, text: match[1] });
    overwrite(match.index, blank(match[0]));
  }
  return { kind, syntax: 'markdown', text: chars.join(''), header, notes };
}

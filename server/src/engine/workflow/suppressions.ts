import type { CharSpan } from './newsDraft';

// Suppression directives, ESLint style, in an HTML comment (Markdown, news drafts) or an
// editor's note (news drafts):
//   <!-- claim-lens-disable-next-line [code…] -->   the next non-blank line
//   <!-- claim-lens-disable-line [code…] -->        the line the comment is on
//   <!-- claim-lens-disable [code…] -->  …  <!-- claim-lens-enable [code…] -->
//   [[claim-lens-disable-next-line kremlin-drone-attack]]
// Codes are claim ids or workflow codes (tk, quote-unverified…); none means every code.
// Words after " -- " are a reason and are ignored. A draft opts out as a whole with
// `claim-lens: off` in its front matter, or `CLAIM-LENS: off` in a news draft's header.

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** Codes named; empty = all. */
  codes: string[];
  /** The comment or note that carries the directive. */
  span: CharSpan;
}

export interface CommentLike {
  start: number;
  end: number;
  text: string;
}

const DIRECTIVE = /^\s*(?:<!--)?\s*claim-lens-(disable-next-line|disable-line|disable|enable)(?=\s|$|-->)([\s\S]*?)(?:-->)?\s*$/;

export function parseDirective(comment: CommentLike): Directive | null {
  const match = DIRECTIVE.exec(comment.text);
  if (!match) return null;
  const codes = match[2].split(/\s--\s|\s—\s/)[0].split(/[\s,]+/).filter(Boolean);
  return { kind: match[1] as DirectiveKind, codes, span: { start: comment.start, end: comment.end } };
}

export function parseDirectives(comments: readonly CommentLike[]): Directive[] {
  return comments
    .map(parseDirective)
    .filter((directive): directive is Directive => directive !== null)
    .sort((a, b) => a.span.start - b.span.start);
}

interface Region {
  start: number;
  end: number;
  /** null = every code. */
  codes: Set<string> | null;
  /** Codes re-enabled inside an every-code region. */
  except: Set<string>;
  directive: Directive;
}

function lineAt(text: string, offset: number): CharSpan {
  const start = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline;
  return { start, end: end > start && text[end - 1] === '\r' ? end - 1 : end };
}

function nextNonBlankLine(text: string, offset: number): CharSpan | null {
  let newline = text.indexOf('\n', offset);
  while (newline >= 0) {
    const line = lineAt(text, newline + 1);
    if (text.slice(line.start, line.end).trim()) return line;
    if (line.end >= text.length) return null;
    newline = text.indexOf('\n', line.end);
  }
  return null;
}

/** Decides, for a code and a span of the draft, which directive (if any) silences it. */
export class Suppressions {
  private readonly regions: Region[] = [];
  private readonly lines: Array<{ line: CharSpan; codes: Set<string> | null; directive: Directive }> = [];

  constructor(
    text: string,
    readonly directives: readonly Directive[],
  ) {
    const open: Region[] = [];
    for (const directive of directives) {
      const codes = directive.codes.length ? new Set(directive.codes) : null;
      switch (directive.kind) {
        case 'disable-line':
          this.lines.push({ line: lineAt(text, directive.span.start), codes, directive });
          break;
        case 'disable-next-line': {
          const line = nextNonBlankLine(text, directive.span.end);
          if (line) this.lines.push({ line, codes, directive });
          break;
        }
        case 'disable':
          open.push({ start: directive.span.end, end: text.length, codes, except: new Set(), directive });
          break;
        case 'enable':
          for (let i = open.length - 1; i >= 0; i--) {
            const region = open[i];
            if (!codes) {
              region.end = directive.span.start;
              this.regions.push(...open.splice(i, 1));
            } else if (region.codes) {
              for (const code of codes) region.codes.delete(code);
              if (!region.codes.size) {
                region.end = directive.span.start;
                this.regions.push(...open.splice(i, 1));
              }
            } else {
              // "enable x" inside "disable" (all): x is on again from here on.
              const before = { ...region, end: directive.span.start, except: new Set(region.except) };
              this.regions.push(before);
              region.start = directive.span.end;
              for (const code of codes) region.except.add(code);
            }
          }
          break;
      }
    }
    this.regions.push(...open);
  }

  /** The directive that silences `code` on `span`, or undefined. */
  silencing(code: string, span: CharSpan): Directive | undefined {
    for (const { line, codes, directive } of this.lines) {
      if ((!codes || codes.has(code)) && span.start <= line.end && line.start <= span.end) return directive;
    }
    for (const region of this.regions) {
      if (span.start < region.start || span.start >= region.end) continue;
      if (region.codes ? region.codes.has(code) : !region.except.has(code)) return region.directive;
    }
    return undefined;
  }
}

const OFF = /^[ \t]*claim-?lens[ \t]*[:=][ \t]*["']?(off|false|no|disabled?)["']?[ \t]*(#.*)?$/im;

/** `claim-lens: off` in Markdown front matter (YAML or TOML) or a news draft's header. */
export function optsOut(text: string, header: ReadonlyArray<{ key: string; value: CharSpan }> = []): boolean {
  for (const field of header) {
    if (field.key === 'CLAIM-LENS' && /^(off|false|no|disabled?)$/i.test(text.slice(field.value.start, field.value.end))) return true;
  }
  const fence = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!fence) return false;
  const close = new RegExp(`^(?:${fence[1] === '---' ? '---|\\.\\.\\.' : '\\+\\+\\+'})[ \\t]*$`, 'm');
  const rest = text.slice(fence[0].length);
  const end = close.exec(rest);
  return OFF.test(end ? rest.slice(0, end.index) : '');
}

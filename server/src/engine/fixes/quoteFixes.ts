import type { CompiledPack } from '../pack/compile';
import { labelOfFile } from '../report/sourceNames';
import { checkQuotations, replacementWording, sameSpeaker, type QuoteCheck } from '../workflow/quoteCheck';
import type { Speaker } from '../workflow/quotes';
import { speakerName } from '../workflow/review';
import type { SourceQuotation } from '../workflow/sourceQuotes';
import type { Fix, TextEdit } from './fixes';
import { capitalise } from './headline';

// Quick fixes for the quote check: quote a sourced wording verbatim, or give the quotation to
// the speaker the sources give it to. A wording keeps the draft's quotation-mark and
// apostrophe style and replaces the whole quotation; a speaker replaces the whole naming
// ("Andriy Yermak, an adviser to Zelensky," → "Mykhailo Podolyak"), never leaving a name
// beside a description of somebody else. Every fix is checked again: the quotation it
// leaves must match the sources for its speaker, and no person may be named twice.

const WORDINGS_OFFERED = 2;
const TITLE_WORDING = 70;

/** ", an adviser to Zelensky," after a name: a description of the speaker. */
const APPOSITION_AFTER = /^,\s+(?:an?|the|who|whose|his|her|their|its)\s[^,;.!?"“”]*,/u;

export interface QuoteFixInput {
  /** The whole draft. */
  text: string;
  check: QuoteCheck;
  code: 'quote-unsourced' | 'quote-misattributed';
  pack: CompiledPack;
  /** The pack's source quotations, to check a fixed quotation again. */
  catalogue: readonly SourceQuotation[];
}

/** The apostrophes and quotation marks the draft writes: straight (' ") or curly (’ “”). */
interface MarkStyle {
  curlyDouble: boolean;
  curlyApostrophe: boolean;
}

function markStyle(text: string, check: QuoteCheck): MarkStyle {
  const curlyDouble = text[check.quotation.outer.start] !== '"';
  const straight = (text.match(/\p{L}'\p{L}/gu) ?? []).length;
  const curly = (text.match(/\p{L}’\p{L}/gu) ?? []).length;
  return { curlyDouble, curlyApostrophe: straight === curly ? curlyDouble : curly > straight };
}

/**
 * A source wording in the draft's style: apostrophes as the draft writes them, and a
 * quotation inside the quotation in single marks of the draft's kind.
 */
export function inDraftStyle(wording: string, style: MarkStyle): string {
  let result = wording.replace(/(\p{L})['’](\p{L})/gu, `$1${style.curlyApostrophe ? '’' : "'"}$2`);
  result = result.replace(/[“"]([^”"]*)[”"]/gu, style.curlyDouble ? '‘$1’' : "'$1'");
  return result;
}

/** The paragraph around a span: the stretch between blank lines. */
function paragraphAround(text: string, start: number, end: number): { start: number; end: number } {
  const before = text.lastIndexOf('\n\n', start);
  const after = text.indexOf('\n\n', end);
  return { start: before < 0 ? 0 : before + 2, end: after < 0 ? text.length : after };
}

/** The quotation's check after the edits, in its paragraph. */
function recheck(input: QuoteFixInput, edits: TextEdit[]): QuoteCheck | undefined {
  const { text, check, pack, catalogue } = input;
  const first = Math.min(check.quotation.outer.start, ...edits.map((edit) => edit.start));
  const last = Math.max(check.quotation.outer.end, ...edits.map((edit) => edit.end));
  const paragraph = paragraphAround(text, first, last);
  let fixed = text.slice(paragraph.start, paragraph.end);
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    fixed = fixed.slice(0, edit.start - paragraph.start) + edit.newText + fixed.slice(edit.end - paragraph.start);
  }
  const shift = edits.filter((edit) => edit.end <= check.quotation.outer.start).reduce((sum, edit) => sum + edit.newText.length - (edit.end - edit.start), 0);
  const opens = check.quotation.outer.start - paragraph.start + shift;
  return checkQuotations(fixed, [{ start: 0, end: fixed.length }], pack, catalogue).find((again) => again.quotation.outer.start === opens);
}

const surname = (name: string) => name.split(/\s+/).pop()!;

/** Each person's surname at most once in the sentence-sized stretch around the quotation. */
function namesNobodyTwice(input: QuoteFixInput, edits: TextEdit[], name: string): boolean {
  const { text, check } = input;
  const start = Math.max(0, Math.min(check.quotation.outer.start, ...edits.map((edit) => edit.start)));
  const end = Math.min(text.length, Math.max(check.quotation.outer.end, ...edits.map((edit) => edit.end)) + 120);
  let stretch = text.slice(start, end);
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) stretch = stretch.slice(0, edit.start - start) + edit.newText + stretch.slice(edit.end - start);
  // Up to the end of the sentence the speaker stands in.
  const sentenceEnd = /[.!?](?=\s|$)/u.exec(stretch.slice(Math.max(0, check.quotation.outer.end - start)));
  if (sentenceEnd) stretch = stretch.slice(0, check.quotation.outer.end - start + sentenceEnd.index + 1);
  const word = surname(name);
  return stretch.split(new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u')).length - 1 <= 1;
}

function wordingFixes(input: QuoteFixInput): Fix[] {
  const { text, check, pack } = input;
  const { quotation } = check;
  const quoted = text.slice(quotation.inner.start, quotation.inner.end);
  const style = markStyle(text, check);
  const fixes: Fix[] = [];
  for (const version of check.closest) {
    if (fixes.length >= WORDINGS_OFFERED) break;
    if (version.quotation.speaker.partyId !== quotation.speaker.partyId) continue;
    const wording = inDraftStyle(replacementWording(quoted, version.text), style);
    const edits = [{ start: quotation.inner.start, end: quotation.inner.end, newText: wording }];
    const again = recheck(input, edits);
    if (again?.verdict !== 'verbatim') continue;
    const shown = wording.length > TITLE_WORDING ? `${wording.slice(0, TITLE_WORDING - 1)}…` : wording;
    fixes.push({
      title: `Quote ${speakerName(pack, quotation.speaker)} verbatim: “${shown}” (${labelOfFile(pack.pack.sources, version.quotation.file)}, line ${version.line})`,
      kind: 'quote-verbatim',
      edits,
      preferred: fixes.length === 0,
    });
  }
  return fixes;
}

/** Where the draft names the speaker, with a description after the name. */
function namingSpan(text: string, speaker: Speaker): { start: number; end: number } {
  if (speaker.via === 'pronoun') return speaker.span;
  const apposition = APPOSITION_AFTER.exec(text.slice(speaker.span.end));
  // "…,” Yermak, an adviser to Zelensky, said": the description goes with the name, and so does
  // the comma before it; the one after it stays only before a verb that needs none.
  return apposition ? { start: speaker.span.start, end: speaker.span.end + apposition[0].length } : speaker.span;
}

function speakerFix(input: QuoteFixInput): Fix[] {
  const { text, check, pack } = input;
  const owner = check.matches.find((match) => !sameSpeaker(check.quotation.speaker, match.speaker))?.speaker ?? check.matches[0]?.speaker;
  if (!owner) return [];
  const name = speakerName(pack, owner);
  const span = namingSpan(text, check.quotation.speaker);
  const atStart = /(^|[.!?]["”’]?\s+|\n\s*)$/u.test(text.slice(Math.max(0, span.start - 4), span.start));
  const edits = [{ start: span.start, end: span.end, newText: atStart ? capitalise(name) : name }];
  const again = recheck(input, edits);
  if (again?.verdict !== 'verbatim' || !namesNobodyTwice(input, edits, name)) return [];
  return [{ title: `Give the quotation to ${name}, as the sources do`, kind: 'quote-speaker', edits, preferred: true }];
}

export function quoteFixes(input: QuoteFixInput): Fix[] {
  return input.code === 'quote-unsourced' ? wordingFixes(input) : speakerFix(input);
}

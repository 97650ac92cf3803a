import type { CompiledPack } from '../pack/compile';
import { tokenize, TokenKind } from '../text/tokens';
import type { CharSpan } from './newsDraft';
import { findQuotations, type Quotation, type Speaker } from './quotes';
import type { SourcePiece, SourceQuotation } from './sourceQuotes';

// The quote check: a draft quotation given to a person or party of the pack must be words
// that the sources put in that speaker's mouth. Words are compared case-insensitively and
// without punctuation; "…" and "[…]" mark omissions, each remaining piece must appear in one
// sourced quotation in order. Quotations under three words (scare quotes) are left alone.

export const MIN_QUOTE_WORDS = 3;
// Words another speaker's sourced quotation must share with the draft's before the draft is
// told, as a Warning, that it gives them to the wrong person. A short phrase ("act of
// terrorism", "unmanned aerial vehicles") is common currency that several people use; the
// sources having it from one of them is a reason to check, not proof of a misattribution.
export const MIN_DISTINCTIVE_WORDS = 5;
const MAX_CLOSEST = 3;
// Word overlap below which a sourced wording is not worth showing as "closest": from the
// same speaker, a loose resemblance helps; from anyone else, only a near match does.
const MIN_SIMILARITY_SAME_SPEAKER = 0.25;
const MIN_SIMILARITY_OTHER_SPEAKER = 0.5;

export interface SourcedVersion {
  quotation: SourceQuotation;
  /** Verbatim source wording: one or more consecutive sentences of the quotation. */
  text: string;
  line: number;
  /** 0–1 word overlap with the draft's quotation. */
  similarity: number;
}

export type QuoteVerdict = 'verbatim' | 'unsourced' | 'misattributed';

export interface QuoteCheck {
  quotation: Quotation & { speaker: Speaker };
  verdict: QuoteVerdict;
  /** The source quotations that carry the words verbatim (any speaker). */
  matches: SourceQuotation[];
  /** The closest sourced versions from the same speaker (or near matches from anyone, when the speaker has none). */
  closest: SourcedVersion[];
  /** Long enough (MIN_DISTINCTIVE_WORDS) that the sources giving the words to someone else is clear. */
  distinctive: boolean;
}

const surface = (text: string) =>
  tokenize(text)
    .filter((token) => token.kind !== TokenKind.Punct)
    .map((token) => token.text.toLowerCase().replace(/[’‘ʼ]/g, "'"));

const stems = (text: string) => tokenize(text).filter((token) => token.kind !== TokenKind.Punct).map((token) => token.key);

// Source quotations are the same for every draft: tokenise each of their texts once.
const sourceWords = new Map<string, string[]>();
const sourceStems = new Map<string, string[]>();
const sourceWordsByQuotation = new WeakMap<SourceQuotation, string[]>();
function cached(cache: Map<string, string[]>, text: string, compute: (text: string) => string[]): string[] {
  let value = cache.get(text);
  if (!value) {
    value = compute(text);
    if (cache.size > 5_000) cache.clear();
    cache.set(text, value);
  }
  return value;
}

/** The draft quotation's pieces between omission marks. */
function piecesOf(text: string): string[][] {
  return text
    .split(/\[[^\]]*\]|…|\.\.\./)
    .map(surface)
    .filter((words) => words.length);
}

function indexOfRun(haystack: string[], needle: string[], from: number): number {
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function carriesVerbatim(source: SourceQuotation, pieces: string[][]): boolean {
  let words = sourceWordsByQuotation.get(source);
  if (!words) {
    words = cached(sourceWords, source.pieces.map((piece) => piece.text).join(' '), surface);
    sourceWordsByQuotation.set(source, words);
  }
  let from = 0;
  for (const piece of pieces) {
    const at = indexOfRun(words, piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

function dice(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of b) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(word, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** Runs of one to three consecutive sentences of a source quotation, best match first. */
function versionsOf(source: SourceQuotation, draftStems: string[]): SourcedVersion[] {
  const versions: SourcedVersion[] = [];
  const sentences: SourcePiece[] = source.sentences;
  for (let first = 0; first < sentences.length; first++) {
    for (let last = first; last < Math.min(sentences.length, first + 3); last++) {
      const text = sentences
        .slice(first, last + 1)
        .map((sentence) => sentence.text)
        .join(' ');
      versions.push({ quotation: source, text, line: sentences[first].line, similarity: dice(draftStems, cached(sourceStems, text, stems)) });
    }
  }
  return versions.sort((a, b) => b.similarity - a.similarity);
}

/** The speaker of the draft said what the source quotes. */
export function sameSpeaker(draft: Speaker, source: Speaker): boolean {
  if (draft.partyId !== source.partyId) return false;
  // "The Kremlin said" covers its spokesman's words; "Peskov said" does not cover Putin's,
  // but does cover a statement the sources give to the Kremlin as a whole.
  return !draft.person || !source.person || draft.person === source.person;
}

export function checkQuotations(
  text: string,
  sentences: readonly CharSpan[],
  pack: CompiledPack,
  catalogue: readonly SourceQuotation[],
): QuoteCheck[] {
  if (!catalogue.length) return [];
  const checks: QuoteCheck[] = [];
  for (const quotation of findQuotations(text, sentences, pack, { maxBlankLines: 0, maxLineBreaks: Number.POSITIVE_INFINITY })) {
    const { speaker } = quotation;
    if (!speaker) continue;
    const quoted = text.slice(quotation.inner.start, quotation.inner.end);
    const pieces = piecesOf(quoted);
    const words = pieces.reduce((sum, piece) => sum + piece.length, 0);
    if (words < MIN_QUOTE_WORDS) continue;

    const matches = catalogue.filter((source) => carriesVerbatim(source, pieces));
    const own = catalogue.filter((source) => sameSpeaker(speaker, source.speaker));
    let verdict: QuoteVerdict;
    if (matches.some((source) => sameSpeaker(speaker, source.speaker))) verdict = 'verbatim';
    else if (matches.length) verdict = 'misattributed';
    else verdict = 'unsourced';

    const draftStems = stems(quoted);
    const pool = verdict === 'misattributed' ? matches : own.length ? own : catalogue;
    const threshold = verdict === 'misattributed' ? 0 : own.length ? MIN_SIMILARITY_SAME_SPEAKER : MIN_SIMILARITY_OTHER_SPEAKER;
    const closest = pool
      .flatMap((source) => versionsOf(source, draftStems).slice(0, 1))
      .filter((version) => version.similarity > threshold)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, MAX_CLOSEST);
    checks.push({ quotation: { ...quotation, speaker }, verdict, matches, closest, distinctive: words >= MIN_DISTINCTIVE_WORDS });
  }
  return checks;
}

// Characters that show nothing: format characters (zero-width space and joiners, soft
// hyphen, direction marks) and variation selectors. Pasted text carries them after its
// punctuation, where they must not hide the punctuation from the ending kept below.
const INVISIBLE = '\\p{Cf}\\uFE00-\\uFE0F';
const ENDING = new RegExp(`[\\s,.;:!?${INVISIBLE}]*$`, 'u');
const VERSION_ENDING = new RegExp(`[\\s,.;:!?${INVISIBLE}]+$`, 'u');

/** The replacement for a quotation's words: the sourced version, ending as the draft's did (“…,” he said). */
export function replacementWording(draftQuoted: string, version: string): string {
  const ending = ENDING.exec(draftQuoted)?.[0].trim() ?? '';
  return version.replace(VERSION_ENDING, '') + ending;
}

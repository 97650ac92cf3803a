import { framingIndex } from '../lexicon/english';
import type { Occurrence, PhraseIndex } from '../match/phrases';
import { tagTokens, type WordClass, type WordTag } from '../syntax/tagger';
import { tokenize, TokenKind, type Token } from '../text/tokens';

/** Token indices, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** One sentence, tokenised, with its framing words located. */
export class SentenceView {
  readonly tokens: Token[];
  private framing?: {
    /** Framing-lexicon occurrences by label. */
    byLabel: Map<string, Occurrence[]>;
    /** Labels of framing occurrences that start at each token (most tokens have none). */
    startsAt: Array<string[] | undefined>;
    /** Labels of framing occurrences that cover each token. */
    covers: Array<string[] | undefined>;
  };
  readonly question: boolean;

  constructor(
    /** Text of the whole block (blanked of markup), offsets below are into it. */
    readonly blockText: string,
    readonly start: number,
    readonly end: number,
    readonly headline: boolean,
  ) {
    this.tokens = tokenize(blockText, start, end);
    const last = this.tokens[this.tokens.length - 1];
    this.question = last !== undefined && (last.text === '?' || (isQuote(last) && this.tokens[this.tokens.length - 2]?.text === '?'));
  }

  /** Framing words, located on first use: most sentences of a draft never need them. */
  private located(): NonNullable<SentenceView['framing']> {
    if (this.framing) return this.framing;
    const occurrences = framingIndex().findAll(this.tokens);
    const startsAt: Array<string[] | undefined> = new Array(this.tokens.length);
    const covers: Array<string[] | undefined> = new Array(this.tokens.length);
    for (const occurrence of occurrences) {
      (startsAt[occurrence.start] ??= []).push(occurrence.label);
      for (let i = occurrence.start; i < occurrence.end; i++) (covers[i] ??= []).push(occurrence.label);
    }
    return (this.framing = { byLabel: groupByLabel(occurrences), startsAt, covers });
  }

  private tags?: WordTag[];

  /** The tagger's word class of token i (the sentence is tagged on first use). */
  wordClass(i: number): WordClass | undefined {
    if (i < 0 || i >= this.tokens.length) return undefined;
    this.tags ??= tagTokens(this.blockText, this.start, this.end, this.tokens);
    return this.tags[i].wordClass;
  }

  /** The tagger's lemma of token i, lower case. */
  lemma(i: number): string {
    if (i < 0 || i >= this.tokens.length) return '';
    this.tags ??= tagTokens(this.blockText, this.start, this.end, this.tokens);
    return this.tags[i].lemma;
  }

  /** Token i is a verb or an auxiliary by the tagger. */
  isVerbal(i: number): boolean {
    const wordClass = this.wordClass(i);
    return wordClass === 'VERB' || wordClass === 'AUX';
  }

  private quoted?: Span[];

  /**
   * Token spans inside quotation marks (the marks excluded): double quotes, curly single
   * quotes, and straight single quotes that open before a word and close after one.
   */
  quotedSpans(): Span[] {
    if (this.quoted) return this.quoted;
    const spans: Span[] = [];
    const tokens = this.tokens;
    let openDouble = -1;
    let openSingle = -1;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!isQuote(token)) continue;
      const { opens, closes } = quoteAdjacency(tokens, i);
      if (token.text === '"' || token.text === '“' || token.text === '”' || token.text === '«' || token.text === '»') {
        if (openDouble < 0 && (token.text === '“' || token.text === '«' || (token.text === '"' && opens))) openDouble = i;
        else if (openDouble >= 0 && token.text !== '“' && token.text !== '«' && closes) {
          spans.push({ start: openDouble + 1, end: i });
          openDouble = -1;
        }
      } else {
        const role = singleQuoteRole(tokens, i);
        if (openSingle < 0 && role === 'open') openSingle = i;
        else if (openSingle >= 0 && role === 'close') {
          spans.push({ start: openSingle + 1, end: i });
          openSingle = -1;
        }
      }
    }
    return (this.quoted = spans);
  }

  /** Whether the sentence has a framing phrase under one of `labels`, locating framing words only when it may. */
  mayHave(...labels: string[]): boolean {
    if (!this.framing && !framingIndex().mayContain(this.tokens, ...labels)) return false;
    return labels.some((label) => this.frame.has(label));
  }

  /** Framing-lexicon occurrences by label. */
  get frame(): Map<string, Occurrence[]> {
    return this.located().byLabel;
  }

  get length(): number {
    return this.tokens.length;
  }

  startsWith(i: number, label: string): boolean {
    return this.located().startsAt[i]?.includes(label) ?? false;
  }

  isCovered(i: number, label: string): boolean {
    return this.located().covers[i]?.includes(label) ?? false;
  }

  /** The framing occurrence with this label that starts at i, longest first. */
  occurrenceAt(i: number, label: string): Occurrence | undefined {
    let best: Occurrence | undefined;
    for (const occurrence of this.frame.get(label) ?? []) {
      if (occurrence.start === i && (!best || occurrence.end > best.end)) best = occurrence;
    }
    return best;
  }

  text(span: Span): string {
    if (span.end <= span.start) return '';
    return this.blockText.slice(this.tokens[span.start].start, this.tokens[span.end - 1].end);
  }

  isPunct(i: number, chars?: string): boolean {
    const token = this.tokens[i];
    return token !== undefined && token.kind === TokenKind.Punct && (chars === undefined || chars.includes(token.text));
  }

  /** Number of word (non-punctuation) tokens in a span. */
  wordCount(span: Span): number {
    let n = 0;
    for (let i = span.start; i < span.end; i++) if (this.tokens[i].kind !== TokenKind.Punct) n++;
    return n;
  }
}

/**
 * What a single quotation mark does at token i: opens a quotation (before a word, after a
 * space or at the start: "'We …", "‘We …"), closes one (after a word or mark, before a space,
 * a mark or the end: "… Moscow,' he said"), or neither (an apostrophe in a word).
 */
export function singleQuoteRole(tokens: readonly Token[], i: number): 'open' | 'close' | null {
  const token = tokens[i];
  if (token.kind !== TokenKind.Punct || (token.text !== "'" && token.text !== '‘' && token.text !== '’')) return null;
  const { opens, closes } = quoteAdjacency(tokens, i);
  if (opens && token.text !== '’') return 'open';
  if (!closes || token.text === '‘') return null;
  // "the Nordic countries' leaders": after a plural in -s and before a word, a mark with no
  // single quotation open before it is the plural possessive's apostrophe.
  const after = tokens[i + 1];
  if (/s$/i.test(tokens[i - 1].text) && after !== undefined && after.kind !== TokenKind.Punct && !singleQuoteOpenBefore(tokens, i)) return null;
  return 'close';
}

function singleQuoteOpenBefore(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const text = tokens[j].text;
    if ((text === "'" || text === '‘') && quoteAdjacency(tokens, j).opens) return true;
  }
  return false;
}

/** A mark opens when a word follows it directly after a space (or at the start); it closes when it directly follows one and a space, a mark or the end comes next. */
function quoteAdjacency(tokens: readonly Token[], i: number): { opens: boolean; closes: boolean } {
  const token = tokens[i];
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return {
    opens: after !== undefined && after.start === token.end && (before === undefined || before.end < token.start || isOpeningPunct(before)),
    closes: before !== undefined && before.end === token.start && (after === undefined || after.start > token.end || after.kind === TokenKind.Punct),
  };
}

const isOpeningPunct = (token: Token) => token.kind === TokenKind.Punct && '([{—–-:'.includes(token.text);

export function isQuote(token: Token): boolean {
  return token.kind === TokenKind.Punct && '"“”‘’\'«»'.includes(token.text);
}

export function groupByLabel(occurrences: Occurrence[]): Map<string, Occurrence[]> {
  const byLabel = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const list = byLabel.get(occurrence.label);
    if (list) list.push(occurrence);
    else byLabel.set(occurrence.label, [occurrence]);
  }
  return byLabel;
}

/** Pack occurrences of one sentence. */
export function packOccurrences(view: SentenceView, index: PhraseIndex): Occurrence[] {
  return index.findAll(view.tokens);
}

import winkNLP, { type Tokens } from 'wink-nlp';
import type { Token } from '../text/tokens';
import { preparedTaggerModel } from './taggerData';
import { taggerModel } from './taggerModel';

// Word classes from a trained tagger: wink-nlp with its English light model (universal
// part-of-speech tags and lemmas, about 50 µs a sentence). The model, prepared at build time
// (taggerModel.ts), is loaded on first use, so a draft with no claim in it never pays for it,
// or ahead of need by `loadTagger` (the language server calls it once it has answered
// initialize). Tags are mapped onto the engine's own tokens by character offsets: the
// tagger's tokens rebuild the text exactly from their preceding spaces and values.

export type WordClass =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export interface WordTag {
  wordClass: WordClass;
  lemma: string;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

function tagger(): Nlp {
  if (!nlp) {
    const { model, loaded } = taggerModel(preparedTaggerModel());
    nlp = winkNLP(model, ['pos']);
    loaded();
  }
  return nlp;
}

/** Loads the model now, if it is not loaded yet, so that the first sentence tagged does not wait for it. */
export function loadTagger(): void {
  tagger();
}

const UNTAGGED: WordTag = { wordClass: 'X', lemma: '' };

/**
 * Tags `tokens` (offsets into `text`), which lie between `start` and `end`: one tag per
 * token, the tag of the tagger's token that starts where it starts (or overlaps it most).
 */
export function tagTokens(text: string, start: number, end: number, tokens: readonly Token[]): WordTag[] {
  if (!tokens.length) return [];
  const nlp = tagger();
  const its = nlp.its;
  // (The typings declare the lemma reader with a narrower signature than `out` accepts.)
  const LEMMA = its.lemma as unknown as Parameters<Tokens['out']>[0];
  const slice = text.slice(start, end);
  const spans: Array<{ start: number; end: number; tag: WordTag }> = [];
  let at = 0;
  // Each property read for all the tokens at once, in their order: what `each` and a token's
  // `out` give one token at a time, without an item object and four calls per token.
  const tokenList = nlp.readDoc(slice).tokens();
  const values = tokenList.out() as string[];
  const spacesBefore = tokenList.out(its.precedingSpaces) as string[];
  const wordClasses = tokenList.out(its.pos) as WordClass[];
  const lemmas = tokenList.out(LEMMA) as unknown[];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let from = at + spacesBefore[i].length;
    if (slice.startsWith(value, from) === false) {
      const found = slice.indexOf(value, at);
      if (found < 0) continue;
      from = found;
    }
    spans.push({ start: start + from, end: start + from + value.length, tag: { wordClass: wordClasses[i], lemma: String(lemmas[i]).toLowerCase() } });
    at = from + value.length;
  }
  const tags: WordTag[] = new Array(tokens.length);
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    while (k < spans.length && spans[k].end <= token.start) k++;
    let best: WordTag = UNTAGGED;
    let overlap = 0;
    for (let j = k; j < spans.length && spans[j].start < token.end; j++) {
      const shared = Math.min(token.end, spans[j].end) - Math.max(token.start, spans[j].start);
      if (spans[j].start === token.start) {
        best = spans[j].tag;
        break;
      }
      if (shared > overlap) {
        overlap = shared;
        best = spans[j].tag;
      }
    }
    tags[i] = best;
  }
  return tags;
}

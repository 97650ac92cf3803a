import { isQuote, type SentenceView, type Span } from '../../analysis/sentence';
import { nextIndexOf, sentenceStartBefore, trimSpan } from '../clauses';
import { onlyAdjunctsAfter } from './endAttribution';
import { verbCue, type VerbRule } from './types';

// Words that open a clause, never a speaker's name: "…, when two drones, …".
const CLAUSE_OPENERS = /^(when|where|while|as|which|who|that|if|because|since|after|before|although|though)$/;

// At most this many comma-set noun phrases name the speaker: a role and a name.
const MAX_SOURCE_PHRASES = 2;
const MAX_SOURCE_WORDS = 10;

/** A phrase that can only name someone: words, no verb, no clause. */
function nounPhraseOnly(view: SentenceView, span: Span): boolean {
  const words = view.wordCount(span);
  if (words === 0 || words > MAX_SOURCE_WORDS) return false;
  for (let j = span.start; j < span.end; j++) {
    if (view.isPunct(j) || isQuote(view.tokens[j])) return false;
    if (view.isVerbal(j) && !view.tokens[j].capitalised) return false;
  }
  return true;
}

/** A name of capitalised words ("Dmitry Peskov"), preferred as the speaker over a role beside it. */
function isName(view: SentenceView, span: Span): boolean {
  for (let j = span.start; j < span.end; j++) if (!(view.tokens[j].capitalised && view.wordClass(j) === 'PROPN')) return false;
  return true;
}

/**
 * "CONTENT, presidential spokesman Dmitry Peskov, said." and "CONTENT, the spokesman for the
 * president, Dmitry Peskov, said." — an end attribution whose speaker stands between commas,
 * with or without a name in apposition, and nothing but adjuncts after the verb.
 */
export const endAttributionAside: VerbRule = {
  id: 'end-attribution-aside',
  summary: 'CONTENT, X[, NAME], said.: a speaker set off by commas before a final reporting verb frames the sentence before it.',
  examples: [
    { text: 'Washington was behind the raid, the spokesman for the Russian president, Dmitry Peskov, said.', source: 'Dmitry Peskov', content: 'Washington was behind the raid' },
    { text: 'Both drones were brought down over the citadel, presidential spokesman Dmitry Peskov, said on Thursday.', source: 'presidential spokesman Dmitry Peskov', content: 'Both drones were brought down' },
    // A verb with an object of its own is no end attribution.
    { text: 'Moscow, the capital, said it would respond.', reads: false },
    // A clause opener heads no speaker; "attributed to" is no report.
    { text: 'Raids on the capital have grown since spring, when two drones, attributed to Kyiv, hit the citadel.', reads: false },
    // The content must be a clause of its own.
    { text: 'In the morning, the Kremlin, said.', reads: false },
  ],
  read(site) {
    const { view, region, word } = site;
    if (view.wordCount(region) > 0) return undefined;
    const tail = { start: word.end, end: nextIndexOf(view, word.end, ',;') };
    // ("…, when two drones, attributed to Kyiv, reached …": a verb that takes "to" is passive.)
    if (view.tokens[word.end]?.lower === 'to' || !onlyAdjunctsAfter(view, tail)) return undefined;
    // The comma-set phrases before the verb, nearest first.
    let comma = word.start - 1;
    if (!view.isPunct(comma, ',')) return undefined;
    const phrases: Span[] = [];
    while (phrases.length < MAX_SOURCE_PHRASES) {
      let before = comma - 1;
      while (before >= 0 && !view.isPunct(before, ',;')) before--;
      if (before < 0 || !view.isPunct(before, ',')) break;
      const phrase = trimSpan(view, { start: before + 1, end: comma });
      if (!nounPhraseOnly(view, phrase) || CLAUSE_OPENERS.test(view.tokens[phrase.start].lower)) break;
      phrases.push(phrase);
      comma = before;
    }
    if (phrases.length === 0) return undefined;
    const content = { start: sentenceStartBefore(view, comma), end: comma };
    // ("… went further and, in a post, insisted …": after "and" the verb is coordinated, not an end attribution.)
    if (/^(and|but)$/.test(view.tokens[comma - 1]?.lower ?? '')) return undefined;
    let hasVerb = false;
    for (let j = content.start; j < content.end && !hasVerb; j++) hasVerb = view.isVerbal(j) && !view.tokens[j].capitalised;
    if (!hasVerb) return undefined;
    const source = phrases.find((phrase) => isName(view, phrase)) ?? phrases[0];
    return verbCue(site, source, [content]);
  },
};

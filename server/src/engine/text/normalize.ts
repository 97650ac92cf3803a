import pluralize from 'pluralize';

// Word keys: the same function normalises pack phrases and draft tokens, so "defences",
// "defenses" and "defence" meet, and so do "shot" and "shoot", "denies" and "denied".
// The rules only need to be consistent, not linguistically exact, because both sides go
// through them. Nouns are singularised by `pluralize`; verbs lose their inflection by
// the table and rules below (the lemmatisers on npm either load a 50 MB lexicon or
// mangle function words such as "his").

const BRITISH_SUFFIXES: Array<[RegExp, string]> = [
  [/^(.{3,})our(s|ed|ing|ite|ites|able|er|ers)?$/, '$1or$2'],
  [/^(.{3,})is(e|es|ed|ing|ation|ations|er|ers)$/, '$1iz$2'],
  [/^(.{2,})ys(e|es|ed|ing)$/, '$1yz$2'],
  [/^(def|off|lic|pret)enc(e|es)$/, '$1ens$2'],
  [/^(.{2,})elled$/, '$1eled'],
  [/^(.{2,})elling$/, '$1eling'],
  [/^(.{3,})tre(s)?$/, '$1ter$2'],
];

export function canonicalSpelling(lower: string): string {
  if (lower.length < 6) return lower;
  let word = lower.startsWith('scept') ? `skept${lower.slice(5)}` : lower;
  for (const [pattern, replacement] of BRITISH_SUFFIXES) {
    if (pattern.test(word)) {
      word = word.replace(pattern, replacement);
      break;
    }
  }
  return word;
}

// Irregular verb forms that matter in news copy, mapped to the base form.
const IRREGULAR: Record<string, string> = {};
for (const entry of [
  'be:am,is,are,was,were,been,being', 'have:has,had,having', 'do:does,did,done,doing', 'say:said,says',
  'tell:told', 'shoot:shot', 'fly:flew,flown,flies', 'strike:struck,stricken', 'bring:brought', 'hear:heard',
  'wake:woke,woken', 'fall:fell,fallen', 'lose:lost', 'see:saw,seen', 'leave:left', 'think:thought', 'send:sent',
  'go:went,gone', 'make:made', 'take:took,taken', 'give:gave,given', 'hold:held', 'meet:met', 'build:built',
  'write:wrote,written', 'begin:began,begun', 'come:came', 'run:ran', 'break:broke,broken', 'speak:spoke,spoken',
  'choose:chose,chosen', 'drive:drove,driven', 'rise:rose,risen', 'know:knew,known', 'grow:grew,grown',
  'throw:threw,thrown', 'blow:blew,blown', 'shake:shook,shaken', 'stand:stood', 'understand:understood',
  'fight:fought', 'catch:caught', 'teach:taught', 'seek:sought', 'buy:bought', 'feel:felt', 'keep:kept',
  'sleep:slept', 'mean:meant', 'lead:led', 'flee:fled', 'feed:fed', 'bleed:bled', 'pay:paid', 'lay:laid',
  'hide:hid,hidden', 'bite:bit,bitten', 'sink:sank,sunk', 'get:got,gotten', 'win:won', 'find:found',
  'shine:shone', 'light:lit', 'bear:bore,borne', 'swear:swore,sworn', 'tear:tore,torn', 'wear:wore,worn',
  'forbid:forbade,forbidden', 'undertake:undertook,undertaken', 'withdraw:withdrew,withdrawn', 'draw:drew,drawn',
  'overtake:overtook,overtaken', 'foresee:foresaw,foreseen', 'mislead:misled', 'shut:shuts', 'die:died,dying',
  'lie:lying', 'tie:tying', 'vow:vowed', 'use:using', 'slay:slew,slain', 'sell:sold', 'sit:sat', 'spend:spent', 'lend:lent',
  'bend:bent', 'deal:dealt', 'burn:burnt', 'learn:learnt', 'spell:spelt', 'dream:dreamt', 'lean:leant',
]) {
  const [base, forms] = entry.split(':');
  for (const form of forms.split(',')) IRREGULAR[form] = base;
}

// Words ending in "s" that are not plurals (pluralize would clip some of them).
const NOT_PLURAL = /(?:ss|us|is|as|ys|ics)$/;
const KEEP_AS_IS = new Set(['news', 'its', 'this', 'thus', 'his', 'hers', 'yours', 'ours', 'theirs', 'perhaps', 'always', 'towards', 'whereas', 'besides', 'sometimes', 'afterwards', 'series', 'species', 'means', 'headquarters', 'yes', 'less', 'unless', 'chaos', 'kudos', 'pathos', 'ethos', 'cosmos', 'thermos']);
const DOUBLED = /([b-df-hj-np-tv-z])\1$/;
const VOWEL = /[aeiouy]/;
// Dropping a final "e" must not turn a content word into a function word ("note" → "not").
const PROTECTED = new Set(['not', 'on', 'her', 'hi', 'on', 'or', 'at', 'an', 'in', 'us', 'to', 'don', 'won', 'can', 'dam', 'bit', 'hop']);

function stripVerbEnding(word: string): string {
  let base = word;
  if (word.length > 5 && word.endsWith('ing')) base = word.slice(0, -3);
  else if (word.length > 4 && word.endsWith('ied')) base = `${word.slice(0, -3)}y`;
  else if (word.length > 3 && word.endsWith('ed') && !word.endsWith('eed')) base = word.slice(0, -2);
  else return word;
  if (!VOWEL.test(base)) return word; // "bed", "red", "sing"
  return PROTECTED.has(base) ? `${base}e` : base; // "noted" is "note", not "not"

}

/** Drops a silent final "e" and a doubled final consonant, on every word alike. */
function finalForm(word: string): string {
  let result = word;
  if (result.length > 3 && result.endsWith('e') && !result.endsWith('ee') && !PROTECTED.has(result.slice(0, -1))) result = result.slice(0, -1);
  if (result.length > 2 && DOUBLED.test(result)) result = result.slice(0, -1);
  return result;
}

/** Lower-cases, folds typographic apostrophes, drops thousands separators in numbers. */
const CURLY_APOSTROPHE = /[\u2019\u2018\u02bc]/g;
const GROUPED_NUMBER = /^\d{1,3}(?:[,.\u202f\u00a0]\d{3})+$/;

export function lowerWord(text: string): string {
  let lower = text.toLowerCase();
  if (lower.includes('\u2019') || lower.includes('\u2018') || lower.includes('\u02bc')) lower = lower.replace(CURLY_APOSTROPHE, "'");
  const first = lower.charCodeAt(0);
  return first >= 48 && first <= 57 && GROUPED_NUMBER.test(lower) ? lower.replace(/[,.\u202f\u00a0]/g, '') : lower;
}

function computeKey(lower: string): string {
  const irregular = IRREGULAR[lower];
  if (irregular) return finalForm(irregular);
  if (!/^[a-z]/.test(lower) || lower.length < 3) return lower;
  if (KEEP_AS_IS.has(lower)) return lower;
  let word = canonicalSpelling(lower);
  if (word.endsWith('s') && word.length > 3 && !NOT_PLURAL.test(word)) {
    word = pluralize.singular(word);
  } else {
    word = stripVerbEnding(word);
  }
  // "prepare", "preparing" and "prepared" share a key without a dictionary to put the
  // "e" back; "stop", "stopped" and "add", "added" likewise.
  return finalForm(word);
}

const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 10_000;

/** The lookup key of a lower-cased word (see the top of this file). */
export function wordKey(lower: string): string {
  let key = keyCache.get(lower);
  if (key === undefined) {
    key = computeKey(lower);
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(lower, key);
  }
  return key;
}

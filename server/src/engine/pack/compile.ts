import { PhraseIndex, type PhraseWordsCache } from '../match/phrases';
import { compilePattern, conceptLabel, PatternError, type CompiledPattern } from '../match/patterns';
import type { Claim, ClaimPack, Entity, Party, PartyPerson } from './types';

// A pack compiled for matching: one phrase index over every concept word, party alias
// and pattern literal, and the claims with their patterns parsed.

export interface CompiledClaim {
  claim: Claim;
  patterns: CompiledPattern[];
  requires: string[];
  excludes: string[];
}

/** What a party-alias occurrence stands for. */
export interface PartyMention {
  party: Party;
  person?: PartyPerson;
  /** The alias names a role ("the spokesman"), not the party itself. */
  roleOnly: boolean;
}

export interface CompiledPack {
  pack: ClaimPack;
  index: PhraseIndex;
  claims: CompiledClaim[];
  claimById: Map<string, CompiledClaim>;
  parties: Map<string, Party>;
  /** Party mention labels ("p:<n>") to what they stand for. */
  mentions: Map<string, PartyMention>;
  entities: Map<string, Entity>;
  maxGap: number;
  /** The event's day, when the pack gives it (month 1–12). */
  eventDate?: { year: number; month: number; day: number };
}

export class PackCompileError extends Error {
  constructor(
    message: string,
    /** JSON path of the offending value, e.g. ["claims", 3, "patterns", 0]. */
    readonly path: Array<string | number>,
  ) {
    super(message);
  }
}

export const entityLabel = (id: string) => `e:${id}`;

/** The claim a compiled pattern belongs to and where it is written in the pack (to report it). */
export interface PatternOwner {
  pack: ClaimPack;
  claimId: string;
  path: Array<string | number>;
}

const patternOwners = new WeakMap<CompiledPattern, PatternOwner>();

export const patternOwner = (pattern: CompiledPattern): PatternOwner | undefined => patternOwners.get(pattern);

/** `tokenised`: phrases tokenised before (read, and filled with those that were not). */
export function compilePack(pack: ClaimPack, tokenised?: PhraseWordsCache): CompiledPack {
  const index = new PhraseIndex(true, tokenised);
  const concepts = new Set(Object.keys(pack.concepts));
  for (const [name, phrases] of Object.entries(pack.concepts)) {
    phrases.forEach((phrase, i) => {
      if (!index.add(phrase, conceptLabel(name))) throw new PackCompileError(`"${phrase}" has no words`, ['concepts', name, i]);
    });
  }

  const parties = new Map<string, Party>();
  const mentions = new Map<string, PartyMention>();
  const addMention = (phrase: string, mention: PartyMention) => {
    const label = `p:${mentions.size}`;
    mentions.set(label, mention);
    index.add(phrase, label);
  };
  pack.parties.forEach((party, p) => {
    if (parties.has(party.id)) throw new PackCompileError(`duplicate party id "${party.id}"`, ['parties', p, 'id']);
    parties.set(party.id, party);
    for (const alias of [party.name, ...party.aliases]) addMention(alias, { party, roleOnly: false });
    for (const role of party.roles ?? []) addMention(role, { party, roleOnly: true });
    for (const person of party.people ?? []) {
      for (const alias of [person.name, ...(person.aliases ?? [])]) addMention(alias, { party, person, roleOnly: false });
      for (const role of person.roles ?? []) addMention(role, { party, person, roleOnly: true });
    }
  });

  const entities = new Map<string, Entity>();
  for (const entity of pack.entities ?? []) {
    entities.set(entity.id, entity);
    for (const alias of [entity.name, ...(entity.aliases ?? [])]) index.add(alias, entityLabel(entity.id));
  }

  const checkConcepts = (names: string[] | undefined, path: Array<string | number>) =>
    (names ?? []).map((name, i) => {
      if (!concepts.has(name)) throw new PackCompileError(`unknown concept "${name}"`, [...path, i]);
      return conceptLabel(name);
    });

  const claimById = new Map<string, CompiledClaim>();
  const claims = pack.claims.map((claim, c) => {
    const at = ['claims', c];
    if (claimById.has(claim.id)) throw new PackCompileError(`duplicate claim id "${claim.id}"`, [...at, 'id']);
    claim.claimants.forEach((id, i) => {
      if (!parties.has(id)) throw new PackCompileError(`unknown party "${id}"`, [...at, 'claimants', i]);
    });
    claim.counterClaims?.forEach((counter, i) => {
      if (!parties.has(counter.party)) throw new PackCompileError(`unknown party "${counter.party}"`, [...at, 'counterClaims', i, 'party']);
    });
    claim.claimantPeople?.forEach((name, i) => {
      if (!claim.claimants.some((id) => parties.get(id)?.people?.some((person) => person.name === name))) throw new PackCompileError(`"${name}" is not among the people of the claim's claimants`, [...at, 'claimantPeople', i]);
    });
    const patterns = claim.patterns.map((pattern, i) => {
      const { match, form, requires, excludes, requiresEarlier, unsureWith, unsureAfter, sureWith, yieldsTo, opensSentence, describesPicture } = typeof pattern === 'string' ? { match: pattern, form: 'clause' as const, requires: undefined, excludes: undefined, requiresEarlier: undefined, unsureWith: undefined, unsureAfter: undefined, sureWith: undefined, yieldsTo: undefined, opensSentence: undefined, describesPicture: undefined } : pattern;
      try {
        const compiled = compilePattern(match, form ?? 'clause', index, concepts);
        if (opensSentence) compiled.opensSentence = true;
        if (describesPicture) compiled.describesPicture = true;
        yieldsTo?.forEach((id, j) => {
          if (!pack.claims.some((other) => other.id === id) || id === claim.id) throw new PackCompileError(`unknown claim "${id}"`, [...at, 'patterns', i, 'yieldsTo', j]);
        });
        if (yieldsTo?.length) compiled.yieldsTo = yieldsTo;
        if (requires) compiled.requires = checkConcepts(requires, [...at, 'patterns', i, 'requires']);
        if (excludes) compiled.excludes = checkConcepts(excludes, [...at, 'patterns', i, 'excludes']);
        if (requiresEarlier) compiled.requiresEarlier = checkConcepts(requiresEarlier, [...at, 'patterns', i, 'requiresEarlier']);
        if (unsureWith) compiled.unsureWith = checkConcepts(unsureWith, [...at, 'patterns', i, 'unsureWith']);
        if (unsureAfter) compiled.unsureAfter = checkConcepts(unsureAfter, [...at, 'patterns', i, 'unsureAfter']);
        if (sureWith) compiled.sureWith = checkConcepts(sureWith, [...at, 'patterns', i, 'sureWith']);
        patternOwners.set(compiled, { pack, claimId: claim.id, path: [...at, 'patterns', i] });
        return compiled;
      } catch (error) {
        if (error instanceof PatternError) throw new PackCompileError(`pattern "${match}": ${error.message}`, [...at, 'patterns', i]);
        throw error;
      }
    });
    const compiled = { claim, patterns, requires: checkConcepts(claim.requires, [...at, 'requires']), excludes: checkConcepts(claim.excludes, [...at, 'excludes']) };
    claimById.set(claim.id, compiled);
    return compiled;
  });
  pack.claims.forEach((claim, c) => {
    if (claim.negation && !claimById.has(claim.negation)) {
      throw new PackCompileError(`unknown claim "${claim.negation}"`, ['claims', c, 'negation']);
    }
  });

  const [year, month, day] = (pack.eventDate ?? '').split('-').map(Number);
  const eventDate = pack.eventDate ? { year, month, day } : undefined;
  return { pack, index, claims, claimById, parties, mentions, entities, maxGap: pack.maxGap ?? 6, ...(eventDate ? { eventDate } : {}) };
}

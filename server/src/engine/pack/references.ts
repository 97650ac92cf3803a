import { PhraseIndex } from '../match/phrases';
import { compilePattern, PatternError } from '../match/patterns';
import type { ClaimPack } from './types';

// What the JSON Schema cannot see: ids that must be unique, names that must refer to
// something in the pack, patterns that must parse. Unlike compilePack, which stops at the
// first fault, this lists them all, so an author can fix a pack in one pass.

export interface ReferenceProblem {
  message: string;
  path: Array<string | number>;
}

export function checkPackReferences(pack: ClaimPack): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const concepts = new Set(Object.keys(pack.concepts));
  const partyIds = new Set<string>();
  pack.parties.forEach((party, p) => {
    if (partyIds.has(party.id)) problems.push({ message: `duplicate party id "${party.id}"`, path: ['parties', p, 'id'] });
    partyIds.add(party.id);
  });
  const sourceIds = new Set<string>();
  pack.sources.forEach((source, s) => {
    if (sourceIds.has(source.id)) problems.push({ message: `duplicate source id "${source.id}"`, path: ['sources', s, 'id'] });
    sourceIds.add(source.id);
  });
  const claimIds = new Set(pack.claims.map((claim) => claim.id));

  const checkConcepts = (names: string[] | undefined, path: Array<string | number>) =>
    names?.forEach((name, i) => {
      if (!concepts.has(name)) problems.push({ message: `unknown concept "${name}"`, path: [...path, i] });
    });
  const checkParty = (id: string, path: Array<string | number>) => {
    if (!partyIds.has(id)) problems.push({ message: `unknown party "${id}"`, path });
  };

  pack.parties.forEach((party, p) => {
    if (party.officialOf !== undefined) checkParty(party.officialOf, ['parties', p, 'officialOf']);
  });
  const seenClaims = new Set<string>();
  pack.claims.forEach((claim, c) => {
    const at = ['claims', c];
    if (seenClaims.has(claim.id)) problems.push({ message: `duplicate claim id "${claim.id}"`, path: [...at, 'id'] });
    seenClaims.add(claim.id);
    claim.claimants.forEach((id, i) => checkParty(id, [...at, 'claimants', i]));
    claim.claimantPeople?.forEach((name, i) => {
      const known = pack.parties.some((party) => claim.claimants.includes(party.id) && party.people?.some((person) => person.name === name));
      if (!known) problems.push({ message: `"${name}" is not among the people of the claim's claimants`, path: [...at, 'claimantPeople', i] });
    });
    claim.counterClaims?.forEach((counter, i) => checkParty(counter.party, [...at, 'counterClaims', i, 'party']));
    checkConcepts(claim.requires, [...at, 'requires']);
    checkConcepts(claim.excludes, [...at, 'excludes']);
    if (claim.negation && !claimIds.has(claim.negation)) problems.push({ message: `unknown claim "${claim.negation}"`, path: [...at, 'negation'] });
    claim.patterns.forEach((pattern, i) => {
      const { match, form, requires, excludes, requiresEarlier, unsureWith, unsureAfter, sureWith, yieldsTo } = typeof pattern === 'string' ? { match: pattern, form: 'clause' as const, requires: undefined, excludes: undefined, requiresEarlier: undefined, unsureWith: undefined, unsureAfter: undefined, sureWith: undefined, yieldsTo: undefined } : pattern;
      try {
        // A scratch index: only whether the pattern parses matters here.
        compilePattern(match, form ?? 'clause', new PhraseIndex(), concepts);
      } catch (error) {
        if (!(error instanceof PatternError)) throw error;
        problems.push({ message: `pattern "${match}": ${error.message}`, path: [...at, 'patterns', i] });
      }
      checkConcepts(requires, [...at, 'patterns', i, 'requires']);
      checkConcepts(excludes, [...at, 'patterns', i, 'excludes']);
      checkConcepts(requiresEarlier, [...at, 'patterns', i, 'requiresEarlier']);
      checkConcepts(unsureWith, [...at, 'patterns', i, 'unsureWith']);
      checkConcepts(unsureAfter, [...at, 'patterns', i, 'unsureAfter']);
      checkConcepts(sureWith, [...at, 'patterns', i, 'sureWith']);
      yieldsTo?.forEach((id, j) => {
        if (!claimIds.has(id) || id === claim.id) problems.push({ message: `unknown claim "${id}"`, path: [...at, 'patterns', i, 'yieldsTo', j] });
      });
    });
    claim.excerpts.forEach((excerpt, i) => {
      if (!sourceIds.has(excerpt.source)) problems.push({ message: `unknown source "${excerpt.source}"`, path: [...at, 'excerpts', i, 'source'] });
    });
  });
  return problems;
}

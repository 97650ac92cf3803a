import { PACK_LIMITS } from './limits';
import type { Claim, ClaimPack, ClaimStatus, CounterClaim, MentionKind, Party, PackSource } from './types';

// schema.org ClaimReview (the JSON-LD fact-checkers publish) to a starting claim pack: one
// claim per review, its claimant as a party, a status from the rating, the fact-checker's
// verdict as a counter-claim, and a first pattern made of the content words of the claim in
// their order. The pattern is a start, not a finished rule: each claim carries its own
// wording as a match example and an attributed version as a noMatch example, so
// `claim-lens pack check` shows at once which generated patterns need work.

export class ClaimReviewError extends Error {}

export interface ClaimReviewImport {
  pack: ClaimPack;
  /** Reviews skipped or guessed at, for the author to look at. */
  warnings: string[];
}

export interface ClaimReviewOptions {
  id?: string;
  name?: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().replace(/\s+/g, ' ') : undefined);
const types = (value: Json): string[] => [value['@type']].flat().filter((t): t is string => typeof t === 'string');

/** Every ClaimReview object in a document: a single object, an array, an @graph, a data feed. */
function findReviews(document: unknown): Json[] {
  const reviews: Json[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 12) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (isObject(value)) {
      if (types(value).some((type) => type.replace(/^.*[/#:]/, '') === 'ClaimReview')) reviews.push(value);
      else for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  visit(document, 0);
  return reviews;
}

/** The first named author of a thing: `author` may be an object, an array or a bare name. */
function authorOf(thing: unknown): { name: string; kind: MentionKind } | undefined {
  if (!isObject(thing)) return undefined;
  for (const author of [thing.author].flat()) {
    const name = text(author) ?? (isObject(author) ? text(author.name) : undefined);
    if (!name) continue;
    const type = isObject(author) ? types(author)[0] : undefined;
    return { name, kind: type === 'Person' ? 'person' : type === 'Organization' || type === 'GovernmentOrganization' ? 'organisation' : 'group' };
  }
  return undefined;
}

// Ratings fact-checkers use, by what they say of the claim. Unknown ratings fall back to
// the numeric rating, then to "unverified".
const FALSE_RATINGS = /\b(false|fake|pants on fire|incorrect|wrong|fabricated|hoax|baseless|debunked|no evidence|not true|untrue|scam)\b/i;
const MIXED_RATINGS = /\b(misleading|mixture|mixed|half[ -]true|partly|partially|distorted|exaggerated|out of context|missing context|lacks context|unproven|unsupported|unverified|disputed|needs context|cherry[- ]?picks?|spins?)\b/i;
const TRUE_RATINGS = /\b(true|correct|accurate|right)\b/i;

interface Verdict {
  status: ClaimStatus;
  stance?: CounterClaim['stance'];
  rating: string;
}

function verdictOf(review: Json): Verdict {
  const rating = isObject(review.reviewRating) ? review.reviewRating : {};
  const name = text(rating.alternateName) ?? text(rating.name);
  if (name) {
    if (MIXED_RATINGS.test(name) && !/^(mostly )?false\b/i.test(name)) return { status: 'unverified', stance: 'doubts', rating: name };
    if (FALSE_RATINGS.test(name)) return { status: 'denied', stance: 'denies', rating: name };
    if (TRUE_RATINGS.test(name)) return { status: 'statement', rating: name };
  }
  const value = Number(rating.ratingValue);
  const best = Number(rating.bestRating ?? 5);
  const worst = Number(rating.worstRating ?? 1);
  if (Number.isFinite(value) && best > worst) {
    const score = (value - worst) / (best - worst);
    const label = name ?? `${value} on a scale from ${worst} to ${best}`;
    if (score <= 0.34) return { status: 'denied', stance: 'denies', rating: label };
    if (score >= 0.75) return { status: 'statement', rating: label };
    return { status: 'unverified', stance: 'doubts', rating: label };
  }
  return { status: 'unverified', stance: 'doubts', rating: name ?? 'not rated' };
}

// Function words, auxiliaries and reporting verbs: what is left is what the claim is about.
const FUNCTION_WORDS = new Set(
  `a an the this that these those there here it its it's they them their he him his she her we us our you your i me my
  is are was were be been being am has have had having do does did will would shall should can could may might must
  not no nor and or but if then than so as of in on at to for from by with without about into onto over under
  after before during since until while up down out off again very just also only even still yet more most
  all any some each every both either neither such own same other another what which who whom whose when where why how
  says say said saying claims claimed claim claiming according reportedly allegedly stated states state told tells tell
  posts post posted shows show showed video photo image`.split(/\s+/),
);

const MAX_PATTERN_WORDS = 4;
/** Warnings listed at most; a feed of thousands of unrated reviews would print thousands. */
const MAX_WARNINGS = 100;
const DEFAULT_GAP = 6;
const MAX_GAP = 12;

interface Word {
  lower: string;
  /** Position among all the words of the claim. */
  position: number;
}

function contentWords(claim: string): { words: Word[]; negative: boolean } {
  const all = claim.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
  const words: Word[] = [];
  let negative = false;
  all.forEach((word, position) => {
    const lower = word.toLowerCase().replace(/’/g, "'");
    if (/^(not|no|never|n't|none|nobody|nothing)$/.test(lower) || lower.endsWith("n't")) negative = true;
    if (FUNCTION_WORDS.has(lower) || (lower.length < 3 && !/\d/.test(lower))) return;
    words.push({ lower: lower.replace(/'s$/, ''), position });
  });
  return { words, negative };
}

/** The longest (most specific) content words, at most four, in the order the claim has them. */
function patternWords(words: Word[]): Word[] {
  const seen = new Set<string>();
  const unique = words.filter((word) => !seen.has(word.lower) && seen.add(word.lower));
  const chosen = [...unique].sort((a, b) => b.lower.length - a.lower.length || a.position - b.position).slice(0, MAX_PATTERN_WORDS);
  return chosen.sort((a, b) => a.position - b.position);
}

const slug = (value: string, fallback: string) =>
  value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || fallback;

const conceptName = (word: string) => {
  const name = word.normalize('NFKD').toLowerCase().replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(name) ? name : `w_${name || 'word'}`;
};

/** Ids made unique with a number ("water-safe-2"); each base remembers its next number, so that a thousand repeats cost no more than one. */
class UniqueIds {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  claim(id: string): string {
    let candidate = id;
    for (let n = this.next.get(id) ?? 2; this.taken.has(candidate); n++) {
      candidate = `${id}-${n}`;
      this.next.set(id, n + 1);
    }
    this.taken.add(candidate);
    return candidate;
  }
}

export function claimReviewToPack(document: unknown, options: ClaimReviewOptions = {}): ClaimReviewImport {
  const reviews = findReviews(document);
  if (!reviews.length) throw new ClaimReviewError('no ClaimReview found (expected an object with "@type": "ClaimReview", an array of them, or an "@graph")');

  const warnings: string[] = [];
  const parties = new Map<string, Party>();
  const partyIds = new UniqueIds();
  const partyFor = (name: string, kind: MentionKind, secondHand: boolean): Party => {
    const known = parties.get(name.toLowerCase());
    if (known) return known;
    const aliases: string[] = [];
    const words = name.split(' ');
    // People are named by surname after the first mention: "Whitfield said".
    if (kind === 'person' && words.length > 1) aliases.push(words[words.length - 1]);
    const party: Party = { id: partyIds.claim(slug(name, 'party')), name, kind, aliases, ...(secondHand ? { secondHand } : {}) };
    parties.set(name.toLowerCase(), party);
    return party;
  };

  // A Map, not an object: a concept may be called "constructor" or "__proto__".
  const concepts = new Map<string, string[]>();
  const sources: PackSource[] = [];
  const sourceIds = new UniqueIds();
  const claims: Claim[] = [];
  const claimIds = new UniqueIds();
  const publishers = new Set<string>();

  for (let r = 0; r < reviews.length; r++) {
    const review = reviews[r];
    const label = `review ${r + 1}`;
    const stated = text(review.claimReviewed);
    if (!stated) {
      warnings.push(`${label}: no claimReviewed; skipped`);
      continue;
    }
    // Fact-checkers often write "Says the water is safe": the claim is what follows.
    const wording = stated.replace(/^says\s+/i, '').replace(/^["“]|["”]$/g, '');
    const { words, negative } = contentWords(wording);
    const chosen = patternWords(words);
    if (!chosen.length) {
      warnings.push(`${label}: "${stated}" has no content words to match; skipped`);
      continue;
    }
    // One claim, one source and up to four concepts per review: the import stops where the pack would go over its limits.
    const newConcepts = new Set(chosen.map((word) => conceptName(word.lower)).filter((name) => !concepts.has(name))).size;
    if (claims.length >= PACK_LIMITS.claims || sources.length >= PACK_LIMITS.sources || concepts.size + newConcepts > PACK_LIMITS.concepts) {
      const left = reviews.length - r;
      warnings.push(`stopped at ${label}: a claim pack holds at most ${PACK_LIMITS.claims.toLocaleString('en')} claims, ${PACK_LIMITS.sources} sources (one per review) and ${PACK_LIMITS.concepts} concepts; ${left.toLocaleString('en')} review${left === 1 ? '' : 's'} not imported (import them into another pack)`);
      break;
    }
    const claimantInfo = authorOf(review.itemReviewed);
    if (!claimantInfo) warnings.push(`${label}: itemReviewed.author.name is missing; the claimant is "an unnamed source"`);
    const claimant = partyFor(claimantInfo?.name ?? 'an unnamed source', claimantInfo?.kind ?? 'group', false);

    const verdict = verdictOf(review);
    if (verdict.rating === 'not rated') warnings.push(`${label}: no reviewRating; status set to "unverified"`);
    const checker = authorOf(review);
    if (checker) publishers.add(checker.name);
    const date = text(review.datePublished)?.slice(0, 10);
    const url = text(review.url);
    const sourceId = sourceIds.claim(`review-${r + 1}`);
    sources.push({ id: sourceId, title: `${checker?.name ?? 'Fact check'}${date ? `, ${date}` : ''}: rated “${verdict.rating}”`, ...(url ? { url } : {}) });

    for (const word of chosen) {
      const name = conceptName(word.lower);
      const phrases = concepts.get(name) ?? [];
      if (!phrases.includes(word.lower)) phrases.push(word.lower);
      concepts.set(name, phrases);
    }
    let gap = DEFAULT_GAP;
    for (let i = 1; i < chosen.length; i++) gap = Math.max(gap, chosen[i].position - chosen[i - 1].position - 1);
    if (gap > MAX_GAP) warnings.push(`${label}: the words of "${stated}" are far apart; the pattern allows ${MAX_GAP} words between them`);

    const counterClaims: CounterClaim[] = [];
    if (verdict.stance) {
      const party = partyFor(checker?.name ?? 'the fact-checker', 'media', true);
      counterClaims.push({ party: party.id, stance: verdict.stance, summary: `${party.name} rated this claim “${verdict.rating}”${date ? ` (${date})` : ''}.` });
    }
    if (negative) warnings.push(`${label}: "${stated}" is worded as a negative; check that its pattern does not also match the opposite claim`);

    const sentence = /[.!?]$/.test(wording) ? wording : `${wording}.`;
    claims.push({
      id: claimIds.claim(slug(chosen.map((word) => word.lower).join(' '), 'claim')),
      status: verdict.status,
      summary: stated,
      claimants: [claimant.id],
      claimantLabel: claimant.name,
      ...(counterClaims.length ? { counterClaims } : {}),
      attribution: { source: claimant.name, verb: 'said' },
      patterns: [chosen.map((word) => `@${conceptName(word.lower)}`).join(' ')],
      ...(gap !== DEFAULT_GAP ? { maxGap: Math.min(gap, MAX_GAP) } : {}),
      excerpts: [],
      examples: { match: [sentence], noMatch: [`${sentence.replace(/[.!?]$/, '')}, ${claimant.name} said.`] },
    });
  }
  if (!claims.length) throw new ClaimReviewError(`no claim could be made from ${reviews.length} ClaimReview record${reviews.length === 1 ? '' : 's'}: ${warnings.join('; ')}`);

  if (warnings.length > MAX_WARNINGS) warnings.splice(MAX_WARNINGS, warnings.length, `… and ${(warnings.length - MAX_WARNINGS).toLocaleString('en')} more warnings`);
  const publisherList = [...publishers];
  const name = options.name ?? (publisherList.length ? `Claims reviewed by ${publisherList.join(', ')}` : 'Imported fact checks');
  const pack: ClaimPack = {
    schemaVersion: 1,
    id: options.id ?? slug(name, 'claimreview-import'),
    name,
    description: `Imported from ${reviews.length} schema.org ClaimReview record${reviews.length === 1 ? '' : 's'}; patterns are generated starting points.`,
    sources,
    parties: [...parties.values()],
    concepts: Object.fromEntries(concepts),
    claims,
  };
  return { pack, warnings };
}

// The shape of a claim pack as authors write it (JSON, validated against
// schemas/claim-pack.schema.json). Packs are data: nothing in them is executed.

export type ClaimStatus = 'unverified' | 'denied' | 'estimate' | 'statement' | 'reported';

export type MentionKind = 'person' | 'organisation' | 'platform' | 'media' | 'group';

export interface PackSource {
  id: string;
  /** File name under the pack's sources folder; the excerpts are checked against it. */
  file?: string;
  title: string;
  url?: string;
}

export interface PartyPerson {
  name: string;
  aliases?: string[];
  /** Short description shown in hovers, e.g. "Kremlin spokesman". */
  role?: string;
  /** Role nouns a pointing-back phrase can use: "the spokesman said". */
  roles?: string[];
  pronoun?: 'he' | 'she' | 'they';
}

export interface Party {
  id: string;
  /** How the party is named in prose: "the Kremlin". */
  name: string;
  description?: string;
  kind: MentionKind;
  /** Phrases that stand for the party as a source of a statement. */
  aliases: string[];
  people?: PartyPerson[];
  /** Role nouns for pointing back to the party: "the ministry said". */
  roles?: string[];
  /** Passes on what others claim (a news outlet): naming it is weak attribution, not a wrong one. */
  secondHand?: boolean;
  /** The party this one holds office in (Moscow's mayor in Russia's authorities): its words attribute that party's claims. */
  officialOf?: string;
}

export interface Entity {
  id: string;
  name: string;
  aliases?: string[];
  description: string;
  kind: 'person' | 'place' | 'outlet' | 'organisation' | 'other';
}

export interface ClaimPattern {
  match: string;
  /** "np": the claim as a noun phrase ("the Kremlin drone strike"), which a hedge word turns into a mere mention. */
  form?: 'clause' | 'np';
  /** Overrides the claim's `requires` for this pattern ([] = no requirement). */
  requires?: string[];
  /** Overrides the claim's `excludes` for this pattern ([] = none): "none had come this close" names other attacks and still states the claim. */
  excludes?: string[];
  /**
   * Concepts of which one must have been named earlier in the draft (or in this sentence): a
   * definite "the attack" presupposes the event only in a story that has named it.
   */
  requiresEarlier?: string[];
  /**
   * Concepts which, named in this sentence or the one before, make a match of this pattern
   * unsure (Information, not a Warning): a definite "the attack" right after a sentence about
   * drones sent at another city may be that attack.
   */
  unsureWith?: string[];
  /**
   * Concepts which, named anywhere earlier in the draft (or in this sentence), make a match of
   * this pattern unsure: in a story about a later attack on the city, "the drones were shot
   * down" may be about that attack.
   */
  unsureAfter?: string[];
  /**
   * Concepts which, named in the match's own sentence, settle which event it is about: another
   * attack named only before it (unsureWith in the sentence before, unsureAfter) leaves it sure.
   */
  sureWith?: string[];
  /**
   * Claims which, found in the same sentence, are what the matched words say: the match is
   * dropped ("Putin was safe at Novo-Ogaryovo" says where he was, not that nobody was hurt).
   */
  yieldsTo?: string[];
  /**
   * The match must open its sentence (after a speaker's label): an elliptical answer, "Not in
   * the Kremlin.", says where Putin was only as the whole of what is said.
   */
  opensSentence?: boolean;
  /**
   * The match's verb must be in the simple present, in a sentence that is no headline: a caption
   * narrating a picture ("A drone explodes above the dome") says what the footage shows.
   */
  describesPicture?: boolean;
}

export interface CounterClaim {
  party: string;
  /** `concurs`: the party says the like on its own account (a later assessment of its own). */
  stance: 'denies' | 'doubts' | 'concurs';
  summary: string;
}

export interface Attribution {
  /** The source as the subject of a sentence: "the Kremlin", "Kremlin spokesman Dmitry Peskov". */
  source: string;
  /** Reporting verb in the past tense: "said", "told RIA Novosti". */
  verb?: string;
  /** Overrides "according to <source>". */
  according?: string;
}

export interface Excerpt {
  source: string;
  /** 1-based line in the source file. */
  line: number;
  /** Verbatim text of that line. */
  text: string;
}

export interface ClaimExamples {
  match?: string[];
  noMatch?: string[];
}

export interface Claim {
  id: string;
  status: ClaimStatus;
  /** The pack's own wording of the claim. */
  summary: string;
  /** Parties whose naming counts as attribution. */
  claimants: string[];
  /** How hovers name the claimant: "the Kremlin (presidential press service)". */
  claimantLabel: string;
  /** The people who made the claim; another named person of a claimant party saying it is a misattribution. */
  claimantPeople?: string[];
  counterClaims?: CounterClaim[];
  attribution: Attribution;
  /** A sentence a fix may add after the attributed sentence, e.g. the denial. */
  denial?: string;
  patterns: Array<string | ClaimPattern>;
  /** Concepts of which one must appear in the sentence or the one before it. */
  requires?: string[];
  /** Concepts that rule the claim out (another event, another actor) when they stand in the stretch of the sentence that holds the match, between commas, semicolons, colons or brackets. */
  excludes?: string[];
  /** Words allowed between two pattern elements of this claim (overrides the pack's maxGap). */
  maxGap?: number;
  /** When the claim is stated negated, this claim is asserted instead ("Ukraine did not launch the drones"). */
  negation?: string;
  excerpts: Excerpt[];
  examples?: ClaimExamples;
}

export interface ClaimPack {
  $schema?: string;
  schemaVersion: 1;
  id: string;
  name: string;
  version?: string;
  description?: string;
  sources: PackSource[];
  parties: Party[];
  entities?: Entity[];
  /** Named word lists that patterns refer to as @name. */
  concepts: Record<string, string[]>;
  /** Tokens allowed between two pattern elements (default 6). */
  maxGap?: number;
  /** The day the event happened (YYYY-MM-DD): another year or another day in a match's stretch dates another event. */
  eventDate?: string;
  claims: Claim[];
}

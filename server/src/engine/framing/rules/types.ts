import type { SentenceView, Span } from '../../analysis/sentence';

// What an attribution rule reads and returns. PARC-style: every cue has a source (who
// says), the cue words (how) and the content (what); `rule` names the rule that read it.

export type CueKind = 'verb' | 'according' | 'colon' | 'noun' | 'footage' | 'passive';
/** assert: passes the content on; deny: rejects it; mention: names it without anyone asserting it. */
export type Polarity = 'assert' | 'deny' | 'mention';

export interface Cue {
  kind: CueKind;
  polarity: Polarity;
  /** The cue words themselves. */
  word: Span;
  /** The source phrase; null for agentless cues ("it is claimed"). */
  source: Span | null;
  /** The reported content. */
  scopes: Span[];
  /** The cue words carry a hedge ("appears to show", "purportedly"). */
  hedged: boolean;
  /** The hedge's words, when they are not the cue words ("…, but the footage is unverified"). */
  hedge?: Span;
  /** Id of the rule that read this cue. */
  rule?: string;
}

/**
 * An example a rule must read (`source`/`content`: text the cue's source phrase must equal
 * and its content must include), or, with `reads: false`, must leave to other rules.
 */
export interface RuleExample {
  text: string;
  source?: string;
  content?: string;
  reads?: false;
  /** How the cue frames its content, when not as asserted ("Claim: …" names it: `mention`). */
  polarity?: 'deny' | 'mention';
  /** The example is a headline. */
  headline?: true;
  /** The cue must carry a hedge ("appears to show", a caveat that the footage is unverified). */
  hedged?: true;
}

/** One reporting or denying verb found in a sentence, with what the rules need around it. */
export interface VerbSite {
  view: SentenceView;
  /** The verb's tokens. */
  word: Span;
  polarity: 'assert' | 'deny' | 'mention';
  /** Cues already read in the sentence, in order. */
  earlier: readonly Cue[];
  /** Tokens already used as cue words. */
  taken: ReadonlySet<number>;
  /** Where a subject before the verb would start. */
  regionStart: number;
  /** The words between that start and the verb (trimmed of punctuation). */
  region: Span;
  /** The verb's complement: to the end of its clause, or the closing quotation mark. */
  after: Span;
}

/**
 * Reads one verb site. A cue: the rule applies; null: the rule applies and the verb frames
 * nothing; undefined: not this rule's construction, ask the next.
 */
export interface VerbRule {
  id: string;
  summary: string;
  examples: RuleExample[];
  read(site: VerbSite): Cue | null | undefined;
}

/** Reads a whole sentence (cues that are no reporting verb: "according to", a headline colon…). */
export interface SentenceRule {
  id: string;
  summary: string;
  examples: RuleExample[];
  read(view: SentenceView, earlier: readonly Cue[]): Cue[];
}

export const verbCue = (site: VerbSite, source: Span | null, scopes: Span[]): Cue => ({
  kind: 'verb',
  polarity: site.polarity,
  word: site.word,
  source,
  scopes,
  hedged: false,
});

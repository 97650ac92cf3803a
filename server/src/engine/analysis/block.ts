import { afterSectionLabel, EVENT_HEADS, firstWord, MONTHS as MONTH_WORDS, whollyQuoted } from '../framing/clauses';
import { findCues, type Cue } from '../framing/cues';
import { clauseBoundaryIn, frameMatch, SEVERITY_RANK, type CarriedSource, type FramedMatch, type Framing } from '../framing/frame';
import { EMPTY_CONTEXT, isAnswerLabel, mentionOf, resolveSource, type ContextMention, type PackContext, type SourceRef } from '../framing/sources';
import { creditedSource, placeOfPosting } from '../framing/pictureCredit';
import { statementIssuer } from '../framing/statementHeading';
import { turnSpeakerLabel } from '../framing/transcriptTurn';
import { FRAME } from '../lexicon/english';
import type { Occurrence } from '../match/phrases';
import { findMatches, workBudgetWatch, type CompiledPattern, type MatchBudget } from '../match/patterns';
import type { CompiledClaim, CompiledPack } from '../pack/compile';
import { blockProse, type BlockComment, type DraftSyntax, type ProseUnit } from '../text/prose';
import { splitSentences } from '../text/sentences';
import { tokenize, TokenKind, type Token } from '../text/tokens';
import type { DocumentBudget } from './documentBudget';
import { groupByLabel, isQuote, SentenceView, singleQuoteRole } from './sentence';

// Analyses one block (a paragraph, a list, a heading…) of a draft. The result depends
// only on the block's text, the syntax and the context handed over by the block before
// it, so it can be cached on exactly those.

export interface CharSpan {
  start: number;
  end: number;
}

export interface Finding {
  packId: string;
  claimId: string;
  framing: Framing;
  /** The sentence (offsets relative to the block until the document shifts them). */
  sentence: CharSpan;
  /** The words that matched the claim. */
  evidence: CharSpan;
  headline: boolean;
  /** "np": the claim was presupposed by a noun phrase ("Wednesday's drone attack on the Kremlin"). */
  form: 'clause' | 'np';
  /** The claim pattern that matched, as the pack writes it. */
  pattern: string;
  source?: { text: string; span: CharSpan; ref: SourceRef };
  hedge?: { text: string; span: CharSpan };
  /** The attribution rule that framed the claim ("carried": a quotation's speaker or a lead-in from outside the sentence). */
  rule?: string;
  /** The content the rule framed, when it holds the match. */
  content?: CharSpan;
  /** Why the reading is unsure: an unattributed or misattributed claim reported as Information. */
  unsure?: string;
}

/** A match that is not reported, and why (offsets relative to the block). */
export interface SkippedMatch {
  claimId: string;
  reason: string;
  evidence: CharSpan;
}

/** What the block before hands over: per pack, the last sentence's parties and concepts. */
export interface BlockContext {
  packs: Record<string, PackContext>;
  /** A lead-in that ended with a colon attributes the list items after it. */
  leadIn?: Record<string, SourceRef>;
  /** How many more paragraphs a lead-in with a reporting verb attributes (a block quotation without marks). */
  leadInParagraphs?: Record<string, number>;
}

// "The press service posted the following statement:" and the statement set out in paragraphs
// without quotation marks: at most this many paragraphs, until one speaks for itself.
const LEAD_IN_PARAGRAPHS = 6;

export const START_CONTEXT: BlockContext = { packs: {} };

export interface SentenceRecord {
  span: CharSpan;
  headline: boolean;
}

export interface BlockAnalysis {
  findings: Finding[];
  sentences: SentenceRecord[];
  comments: BlockComment[];
  contextOut: BlockContext;
}

const MAX_SENTENCE_TOKENS = 400;
const MATCH_STEPS_PER_SENTENCE = 20_000;

const blankOf = (text: string) => text.replace(/[^\r\n]/g, ' ');

/** The block with everything outside its prose units blanked (line breaks kept). */
function maskBlock(text: string, units: ProseUnit[]): string {
  let masked = '';
  let at = 0;
  for (const unit of units) {
    // Units come in document order; any other order takes the per-character copy.
    if (unit.start < at) return maskBlockByChars(text, units);
    masked += blankOf(text.slice(at, unit.start)) + unit.text;
    at = unit.end;
  }
  return masked + blankOf(text.slice(at));
}

function maskBlockByChars(text: string, units: ProseUnit[]): string {
  const chars = blankOf(text).split('');
  for (const unit of units) for (let i = 0; i < unit.text.length; i++) chars[unit.start + i] = unit.text[i];
  return chars.join('');
}

/** A comma then a word that opens a clause of its own ("…, when a drone was downed") inside a match. */
function commaClauseIn(view: SentenceView, match: { start: number; end: number }): boolean {
  for (let k = match.start + 1; k < match.end - 1; k++) {
    if (view.isPunct(k, ',') && /^(when|where|which|who|while|whereas)$/.test(view.tokens[k + 1].lower)) return true;
  }
  return false;
}

interface SentenceSlot {
  view: SentenceView;
  unit: ProseUnit;
  /** Index of the quotation group the sentence belongs to, if a quotation runs across sentences. */
  quoteGroup?: number;
  /** The sentence opens inside a quotation begun in an earlier sentence. */
  opensQuoted?: boolean;
}

/** Counts quotation marks to find quotations that run over several sentences. */
function quoteGroups(slots: SentenceSlot[]): Array<{ first: number; last: number }> {
  const groups: Array<{ first: number; last: number }> = [];
  let open = -1;
  let depth = 0;
  let unit: ProseUnit | null = null;
  slots.forEach((slot, k) => {
    if (slot.unit !== unit) {
      unit = slot.unit;
      depth = 0;
      open = -1;
    }
    // (A heading ends a quotation left open before it: "“… the holiday… / “Moscow may answer …”
    // / Kyiv Responds / “…”" quotes no one across the heading.)
    if (slot.view.headline) {
      if (open >= 0 && k - 1 > open) groups.push({ first: open, last: k - 1 });
      depth = 0;
      open = -1;
      return;
    }
    const startDepth = depth;
    // Curly quotes nest (“… “drones over the Kremlin” …”); straight double quotes open or
    // close; a single quote counts where it opens before or closes after a word (British
    // copy quotes 'like this'), not as an apostrophe.
    const tokens = slot.view.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!isQuote(token)) continue;
      if (token.text === "'" || token.text === '’' || token.text === '‘') {
        const role = singleQuoteRole(tokens, i);
        if (role === 'open') depth++;
        else if (role === 'close' && depth > 0) depth--;
      } else if (token.text === '“' || token.text === '«') {
        // (A quotation that runs on over paragraphs reopens each one with a mark and closes only
        // at its end: "“… a pretext every week. / “The answer is …,” the envoy added." A mark that
        // opens a sentence inside an open quotation continues it; it opens none inside it.)
        if (!(i === 0 && depth > 0)) depth++;
      }
      else if (token.text === '”' || token.text === '»') depth = Math.max(0, depth - 1);
      else {
        // A straight mark opens before a word and closes after one ("… "drones over the
        // Kremlin," he said" nests); where it does neither it toggles.
        const role = straightQuoteRole(tokens, i);
        if (role === 'open') depth++;
        else if (role === 'close') depth = Math.max(0, depth - 1);
        else depth = depth ? depth - 1 : 1;
      }
    }
    if (startDepth === 0 && depth > 0) open = k;
    if (startDepth > 0 && depth === 0 && open >= 0) {
      groups.push({ first: open, last: k });
      open = -1;
    }
    // A quotation still open when its paragraph ends runs to the paragraph's end (wire copy
    // leaves the closing mark off a quotation that goes on in the next paragraph).
    const next = slots[k + 1];
    if (open >= 0 && (!next || next.unit !== slot.unit)) {
      if (k > open) groups.push({ first: open, last: k });
      open = -1;
    }
  });
  return groups;
}

/** Whether a straight double quote at i opens (before a word, after a space) or closes (after a word or mark, before a space or mark). */
function straightQuoteRole(tokens: readonly Token[], i: number): 'open' | 'close' | null {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  const token = tokens[i];
  const opens = after !== undefined && after.start === token.end && (before === undefined || before.end < token.start);
  const closes = before !== undefined && before.end === token.start && (after === undefined || after.start > token.end || after.kind === TokenKind.Punct);
  return opens && !closes ? 'open' : closes && !opens ? 'close' : null;
}

export function analyzeBlock(
  text: string,
  syntax: DraftSyntax,
  atDocumentStart: boolean,
  packs: readonly CompiledPack[],
  contextIn: BlockContext,
  /** Told of every match that is not reported, and why (for `claim-lens eval`; not cached). */
  explain?: (skipped: SkippedMatch) => void,
  /** The document's time budget per pack (see documentBudget.ts); none: the sentence's work budget only. */
  documentBudget?: DocumentBudget,
): BlockAnalysis {
  const prose = blockProse(text, syntax, atDocumentStart);
  const masked = maskBlock(text, prose.units);
  const slots: SentenceSlot[] = [];
  for (const unit of prose.units) {
    for (const span of splitSentences(unit.text, unit.kind === 'heading')) {
      slots.push({ view: new SentenceView(masked, unit.start + span.start, unit.start + span.end, span.headline), unit });
    }
  }
  const groups = quoteGroups(slots);
  groups.forEach((group, g) => {
    for (let k = group.first; k <= group.last; k++) {
      slots[k].quoteGroup = g;
      if (k > group.first) slots[k].opensQuoted = true;
    }
  });

  const findings: Finding[] = [];
  const contexts: Record<string, PackContext> = { ...contextIn.packs };
  let leadIn = contextIn.leadIn;
  let leadInParagraphs = contextIn.leadInParagraphs;
  const cuesOf = new Map<SentenceSlot, Cue[]>();
  const cues = (slot: SentenceSlot) => {
    let list = cuesOf.get(slot);
    if (!list) {
      list = findCues(slot.view);
      cuesOf.set(slot, list);
    }
    return list;
  };

  for (const pack of packs) {
    const packId = pack.pack.id;
    let context = contexts[packId] ?? EMPTY_CONTEXT;
    const chain = { unresolved: 0 };
    let carriedLeadIn = leadIn?.[packId];
    let paragraphsLeft = leadInParagraphs?.[packId] ?? 0;
    let previousUnit: ProseUnit | null = null;
    const occurrencesOf = new Map<SentenceSlot, ReturnType<CompiledPack['index']['findAll']>>();
    const occurrences = (slot: SentenceSlot) => {
      let list = occurrencesOf.get(slot);
      if (!list) {
        list = pack.index.findAll(slot.view.tokens);
        occurrencesOf.set(slot, list);
      }
      return list;
    };
    // The speaker of a quotation that runs over several sentences, found outside the quotes.
    const groupSource = (g: number): CarriedSource | undefined => {
      const group = groups[g];
      let vague: CarriedSource | undefined;
      for (const k of [group.last, group.first]) {
        const slot = slots[k];
        const quoteMarks = slot.view.tokens.flatMap((token, i, tokens) =>
          isQuote(token) && (!['\'', '’', '‘'].includes(token.text) || singleQuoteRole(tokens, i) !== null) ? [i] : [],
        );
        // Only a speaker outside the quotation: after its closing mark, or before its opening one.
        const outside = (span: { start: number; end: number }) =>
          k === group.last ? span.start > (quoteMarks[quoteMarks.length - 1] ?? -1) : span.end <= (quoteMarks[0] ?? slot.view.length);
        for (const cue of cues(slot)) {
          if (!cue.source || cue.source.end <= cue.source.start || !outside(cue.source)) continue;
          const ref = resolveSource(slot.view, cue.source, occurrences(slot), pack, context, cue.kind === 'colon' ? 'name' : 'any');
          const tokens = slot.view.tokens;
          const named = { start: tokens[cue.source.start].start, end: tokens[cue.source.end - 1].end, text: slot.view.text(cue.source) };
          if (ref.kind === 'party' || ref.kind === 'named') return { source: ref, named };
          // ("…,” said a statement carried by an agency": words someone vague is said to have
          // said are vaguely sourced, every sentence of them.)
          vague ??= ref.kind === 'vague' ? { source: ref, named } : undefined;
        }
      }
      return vague;
    };

    // A picture credit closing a caption ("… (Photo: Telegram)") or standing after it in the same
    // paragraph ("Photo: a Moscow Telegram channel"), or the sentence saying where the picture was
    // posted, names where what it shows came from: the claims that party makes are its.
    // (`picture`: the credit names who took or put out a picture, not where a sentence says something was posted.)
    const credits = new Map<number, { ref: SourceRef & { kind: 'party' }; picture: boolean } | undefined>();
    const creditFor = (index: number) => {
      if (!credits.has(index)) {
        let ref: SourceRef | undefined;
        for (const k of [index, index + 1]) {
          const slot = slots[k];
          if (!slot || slot.unit !== slots[index].unit) continue;
          const span = creditedSource(slot.view);
          if (span) ref = resolveSource(slot.view, span, occurrences(slot), pack, EMPTY_CONTEXT, 'any');
          if (ref) break;
        }
        const picture = ref?.kind === 'party';
        // ("The first images, posted on a Moscow channel on Telegram, …": where the sentence says they were put out.)
        const posted = picture ? undefined : placeOfPosting(slots[index].view);
        if (posted) ref = resolveSource(slots[index].view, posted, occurrences(slots[index]), pack, EMPTY_CONTEXT, 'any');
        credits.set(index, ref?.kind === 'party' ? { ref, picture } : undefined);
      }
      return credits.get(index);
    };
    const postSources = new Map<ProseUnit, CarriedSource>();
    let unsigned: ProseUnit[] = [];
    // ("> NAME (@handle) · 3 May 2023 / > Text of the post.": a post's header signs what follows it.)
    let header: CarriedSource | undefined;
    for (const unit of prose.units) {
      const headed = embeddedPostHeader(unit.text);
      if (headed) {
        header = { source: postAuthor(headed, pack) };
        postSources.set(unit, header);
        continue;
      }
      // ("> NAME (@handle), 3 May: Text of the post.": a header on the post's own line signs all of it.)
      const inline = INLINE_POST_HEADER.exec(unit.text);
      if (inline) {
        postSources.set(unit, { source: postAuthor(`${inline[1]} ${inline[2]}`, pack) });
        continue;
      }
      const signature = embeddedPostSignature(unit.text);
      if (!signature) {
        if (header) postSources.set(unit, header);
        else unsigned.push(unit);
        continue;
      }
      const source = { source: postAuthor(signature.author, pack) };
      postSources.set(unit, source);
      // ("> Text of the post. / > — NAME (@handle) May 3, 2023": a signature standing as a
      // paragraph of its own signs the paragraphs of the post before it.)
      if (!unit.text.slice(0, signature.at).trim()) for (const before of unsigned) postSources.set(before, source);
      unsigned = [];
    }
    const groupCarried = new Map<number, CarriedSource | undefined>();
    let previousSlot: (typeof slots)[number] | undefined;
    // The speaker a transcript label names at the head of the paragraph ("PESKOV: …"): the turn's other sentences are theirs too.
    let turnSpeaker: CarriedSource | undefined;
    for (const [index, slot] of slots.entries()) {
      const { view } = slot;
      let quotedSpeaker: ContextMention | undefined;
      if (slot.unit !== previousUnit) {
        turnSpeaker = undefined;
        // (A paragraph after a lead-in with a reporting verb is the speaker's, unless it has
        // quotation marks or a speaker of its own, or is a heading.)
        // ("We view these actions as …" inside the statement is still the statement.)
        const ownSpeaker = (cue: Cue) => cue.source !== null && !/^(we|i)$/i.test(view.text(cue.source));
        // (A block quotation under the lead-in is its words too.)
        // (After a lead-in that ends with a full stop, "NAME responded on Twitter within hours.",
        // only a block quotation: QUOTES_ONLY.)
        const underLeadIn = paragraphsLeft > 0 ? slot.unit.kind === 'paragraph' || slot.unit.kind === 'quote' : paragraphsLeft === QUOTES_ONLY && slot.unit.kind === 'quote';
        // (Quotation marks inside a block quotation are the speaker's own: "On the “drones over the Kremlin”: …".)
        const blockQuoted = underLeadIn && (slot.unit.kind === 'quote' || !/["“”«»]/.test(slot.unit.text)) && !cues(slot).some(ownSpeaker);
        if (blockQuoted) {
          if (paragraphsLeft > 0) paragraphsLeft--;
        } else if (slot.unit.kind !== 'item') {
          carriedLeadIn = undefined;
          paragraphsLeft = 0;
        }
        previousUnit = slot.unit;
      }
      const found = occurrences(slot);
      const sentenceCues = () => cues(slot);
      // Asked up to three times below, against the same context: worked out once.
      let continued: { carried: CarriedSource | undefined } | undefined;
      const continuedFromBefore = () => (continued ??= { carried: continuedQuotation(slot, sentenceCues, context) }).carried;
      if (view.length <= MAX_SENTENCE_TOKENS) {
        // Nearly every sentence holds some pack word, and few hold every part of a pattern: the
        // occurrences are grouped by label, and the source carried into the sentence is worked
        // out, only for a sentence with patterns to try.
        const present = labelsOf(found);
        let byLabel: Map<string, Occurrence[]> | undefined;
        const labelled = () => (byLabel ??= groupByLabel(found));
        let withoutRejected: Map<string, Occurrence[]> | undefined;
        const corrected = () => (withoutRejected ??= withoutContrasted(view, labelled()));
        if (slot.quoteGroup !== undefined && !groupCarried.has(slot.quoteGroup)) {
          // Decided at the group's first sentence, against the sentence before the quotation.
          groupCarried.set(slot.quoteGroup, groupSource(slot.quoteGroup) ?? continuedFromBefore());
        }
        const fromQuotation = (slot.quoteGroup !== undefined ? groupCarried.get(slot.quoteGroup) : undefined) ?? continuedFromBefore();
        quotedSpeaker = fromQuotation?.source.kind === 'party' ? speakerMention(fromQuotation.source, pack) : undefined;
        let carried: { source: CarriedSource | undefined } | undefined;
        const carriedSource = () =>
          (carried ??= {
            source:
              postSources.get(slot.unit) ??
              turnSpeaker ??
              (slot.quoteGroup !== undefined ? groupCarried.get(slot.quoteGroup) : undefined) ??
              (carriedLeadIn ? { source: carriedLeadIn } : undefined) ??
              continuedFromBefore(),
          }).source;
        const framedMatches: Array<{ owner: string; framed: FramedMatch }> = [];
        // Spans of matches not asserted as a whole (negated, hedged, a possibility), per claim.
        let unasserted: Map<string, Array<{ start: number; end: number }>> | undefined;
        const steps = documentBudget ? documentBudget.sentenceSteps(pack, MATCH_STEPS_PER_SENTENCE) : MATCH_STEPS_PER_SENTENCE;
        const budget: MatchBudget = { steps };
        const timedPack = steps > 0 ? documentBudget?.timePack(pack) : undefined;
        const inView = (label: string) => present.has(label) || (context.recentConcepts ?? context.concepts).includes(label);
        for (const { claim, pattern } of steps > 0 ? candidatePatterns(pack, present, budget) : NO_PATTERNS) {
          // ("Drones have struck targets in Crimea repeatedly": a word of other times or places in the
          // match's own clause excludes it; "Since the Kremlin drone strike, Russia has pounded Kyiv
          // repeatedly" keeps it, the word standing in another clause.)
          const excluded = (pattern.excludes ?? claim.excludes).filter((label) => present.has(label));
          const requires = pattern.requires ?? claim.requires;
          // A pattern's own empty list waives the claim's.
          if (requires.length && !requires.some(inView)) continue;
          if (pattern.requiresEarlier && !pattern.requiresEarlier.some((label) => present.has(label) || (context.earlierConcepts ?? NO_CONCEPTS).includes(label))) continue;
          // ("Russian drones were sent at Odesa. … in the attack": which attack is unsure.)
          // ("… since two drones were downed over the Kremlin in May": the sentence itself names the event.)
          const settled = pattern.sureWith?.some((label) => present.has(label)) ?? false;
          const otherInView = (settled ? pattern.unsureWith?.some((label) => present.has(label)) : pattern.unsureWith?.some(inView)) ?? false;
          // ("… the drones were shot down", in a story that named a later attack on the city earlier.)
          const otherEarlier = pattern.unsureAfter?.some((label) => present.has(label) || (!settled && (context.earlierConcepts ?? NO_CONCEPTS).includes(label))) ?? false;
          const maxGap = claim.claim.maxGap ?? pack.maxGap;
          const timed = documentBudget?.timeClaim(pack, claim.claim.id);
          const matches = findMatches(pattern, labelled(), view.tokens, maxGap, budget);
          // "not shot down with missiles but disabled by jamming": the nearest completion is
          // the rejected alternative; look again past it for the one the sentence asserts.
          if (corrected().size) matches.push(...findMatches(pattern, corrected(), view.tokens, maxGap, budget));
          // A match across a clause boundary is unsure; the clause after the boundary may hold a
          // sure one ("While Moscow blamed Ukraine, Kyiv had nothing to do with it").
          for (const match of [...matches]) {
            const boundary = clauseBoundaryIn(view, match);
            if (boundary >= 0) matches.push(...findMatches(pattern, occurrencesFrom(labelled(), boundary + 1), view.tokens, maxGap, budget));
          }
          for (const match of matches) {
            // ("… survived a drone attack on his residence in November 2021", "… after a drone strike
            // on 29 April": a year or day other than the event's, in the stretch that holds the match,
            // dates another event.)
            if (otherDateInStretch(view, match, pack.eventDate)) {
              explain?.({ claimId: claim.claim.id, reason: 'another year or day stands in its clause: another event', evidence: { start: view.tokens[match.start].start, end: view.tokens[match.end - 1].end } });
              continue;
            }
            // ("Where was Putin? / Not in the Kremlin.": an answer that is all of its sentence.)
            if (pattern.opensSentence && match.start !== sentenceOpening(view)) continue;
            // ("A drone explodes above the dome, near the flag": a caption narrating a picture.)
            if (pattern.describesPicture && !narratesInPresent(view, match)) continue;
            if (excluded.length && excludedInClause(view, found, excluded, match)) {
              explain?.({ claimId: claim.claim.id, reason: 'a word of another time or place stands in its clause', evidence: { start: view.tokens[match.start].start, end: view.tokens[match.end - 1].end } });
              continue;
            }
            const onSkip = (reason: string, skipped: CompiledClaim, m: typeof match, whole?: boolean) => {
              // (A reading across a clause boundary hides nothing in the clause after it: in
              // "suspected raids since May, when a drone was downed over the citadel" the hedge
              // stays in its own clause.)
              if (whole && clauseBoundaryIn(view, m) < 0 && !commaClauseIn(view, m)) {
                unasserted ??= new Map();
                const spans = unasserted.get(skipped.claim.id) ?? [];
                spans.push({ start: m.start, end: m.end });
                unasserted.set(skipped.claim.id, spans);
              }
              explain?.({ claimId: skipped.claim.id, reason, evidence: { start: view.tokens[m.start].start, end: view.tokens[m.end - 1].end } });
            };
            const credit = creditFor(index);
            // (What the picture shows, not what the caption tells of the past: "… The president was at
            // his residence during the attack. (Photo: NAME)" is the caption writer's, whoever took the picture.)
            const carried = credit && claim.claim.claimants.includes(credit.ref.partyId) && !(credit.picture && narratesThePast(view)) ? { source: credit.ref } : carriedSource();
            let framed = frameMatch({ view, pack, occurrences: found, cues: sentenceCues(), context, carried, opensQuoted: slot.opensQuoted, explain: onSkip }, claim, match);
            if (!framed) continue;
            if (otherInView && !framed.unsure && (framed.framing === 'unattributed' || framed.framing === 'misattributed')) {
              framed = { ...framed, unsure: 'another attack is named in this sentence or the one before; the words may refer to it' };
            }
            if (otherEarlier && !framed.unsure && (framed.framing === 'unattributed' || framed.framing === 'misattributed')) {
              framed = { ...framed, unsure: 'the draft names another attack earlier; the words may refer to it' };
            }
            // ("security was tightened after the drone attacks": a plural names a series, which may
            // be other attacks than the one the claim is about.)
            if (pattern.requiresEarlier && !framed.unsure && framed.framing === 'unattributed' && namesEventsInPlural(view, match)) {
              framed = { ...framed, unsure: 'the words name attacks in the plural, which may be other attacks than this one' };
            }
            framedMatches.push({ owner: claim.claim.id, framed });
          }
          timed?.();
        }
        // Out of the document's time for this pack, its matching stops; what it found stands.
        timedPack?.();
        if (framedMatches.length) {
          const best = new Map<string, FramedMatch>();
          const found = new Set(framedMatches.map(({ owner }) => owner));
          // ("A drone explodes above the dome, near the flag": words that narrate a picture are what
          // the claim about the picture covers; another claim read in them is unsure.)
          const pictured = framedMatches.filter(({ framed }) => framed.match.pattern.describesPicture);
          for (const entry of framedMatches) {
            const { match } = entry.framed;
            const inPicture = pictured.some((p) => p.owner !== entry.owner && p.framed.match.start < match.end && match.start < p.framed.match.end);
            if (inPicture && !entry.framed.unsure && entry.framed.framing === 'unattributed') entry.framed = { ...entry.framed, unsure: 'the words narrate a picture; the claim about the picture covers them' };
          }
          for (const { owner, framed } of framedMatches) {
            // ("Putin was safe at Novo-Ogaryovo": where he was, not that nobody was hurt.)
            const yieldsTo = framed.match.pattern.yieldsTo?.find((other) => found.has(other));
            if (yieldsTo) {
              explain?.({ claimId: owner, reason: `the words say ${yieldsTo}, found in the same sentence`, evidence: { start: view.tokens[framed.match.start].start, end: view.tokens[framed.match.end - 1].end } });
              continue;
            }
            // ("NATO urged Moscow not to use the raid as an excuse to escalate": a reading that
            // starts inside a reading of the same claim that is negated, hedged or a possibility as a
            // whole is not asserted on its own. One that starts with it may be the claim the longer
            // one overreached ("Putin was not in the Kremlin … and was working at …"), or the
            // alternative a "not X but Y" sentence asserts.)
            const { match } = framed;
            if (unasserted?.get(owner)?.some((span) => span.start < match.start && match.start < span.end)) {
              explain?.({ claimId: owner, reason: 'part of a longer reading that is not asserted', evidence: { start: view.tokens[match.start].start, end: view.tokens[match.end - 1].end } });
              continue;
            }
            const id = framed.claim.claim.id;
            const current = best.get(id);
            const rank = (f: FramedMatch) => SEVERITY_RANK[f.framing] * 2 + (f.unsure ? 0 : 1);
            if (!current || rank(framed) > rank(current)) best.set(id, framed);
          }
          for (const framed of best.values()) findings.push(toFinding(view, packId, framed));
        }
      }
      // ("Moscow will hit back in its own time. This was said by its envoy …": a sentence
      // that points back and says who stated it makes the sentence before someone's words.)
      // ("“There is no choice but to eliminate him.” Words of the former president …": a quotation
      // standing alone, followed by a sentence that names someone, is most likely theirs.)
      const namesSomeone = () => found.some((o) => {
        const mention = pack.mentions.get(o.label);
        return mention !== undefined && (mention.person !== undefined || mention.party.kind === 'person');
      });
      const unsureWhy =
        previousSlot?.unit !== slot.unit ? undefined
        : pointsBackAsReported(view) ? 'the next sentence says these are someone’s words'
        : whollyQuoted(previousSlot.view) && namesSomeone() ? 'the words are a quotation, and the next sentence names someone who may have said them'
        : undefined;
      if (unsureWhy) {
        for (const finding of findings) {
          if (finding.packId === packId && finding.sentence.start === previousSlot!.view.start && (finding.framing === 'unattributed' || finding.framing === 'misattributed') && !finding.unsure) {
            finding.unsure = unsureWhy;
          }
        }
      }
      if (previousSlot?.unit !== slot.unit && slot.unit.kind === 'paragraph') {
        const label = turnSpeakerLabel(view, sentenceCues);
        const ref = label ? resolveSource(view, label, found, pack, context, 'name') : undefined;
        // (Only a speaker the pack knows: a transcript labels its own journalists by surname too, "NOBILO:".)
        // (Or "A:", the person an interview is with: never the outlet.)
        if (label && (ref?.kind === 'party' || (ref?.kind === 'named' && isAnswerLabel(view.text(label))))) {
          turnSpeaker = { source: ref, named: { start: view.tokens[label.start].start, end: view.tokens[label.end - 1].end, text: view.text(label) } };
        }
      }
      previousSlot = slot;
      context = nextContext(view, found, sentenceCues, pack, context, chain);
      // A quoted sentence that names no source of its own passes its speaker on, so that the
      // quotation's next sentence or paragraph keeps it.
      // ("…,” the ministry said. / Kyiv Responds / “We played no part …": a heading starts a
      // section; no quoted speaker or lead-in before it carries past it.)
      if (view.headline && slot.unit.kind !== 'item') {
        // ("Statement by the Foreign Ministry" / the statement's paragraphs: a heading
        // that announces someone's statement hands the paragraphs under it to them.)
        carriedLeadIn = statementIssuer(view, found, pack, context);
        paragraphsLeft = carriedLeadIn ? LEAD_IN_PARAGRAPHS : 0;
      } else if (quotedSpeaker && !context.lastSource) context = { ...settled(context), lastSource: quotedSpeaker };
      if (endsWithColon(masked, view.start, view.end)) {
        // "Podolyak made three points on Twitter:" — when no reporting verb names a speaker,
        // the party the lead-in opens with speaks the list.
        const speaker = context.lastSource ?? openingParty(view, found, pack);
        if (speaker) carriedLeadIn = { kind: 'party', partyId: speaker.partyId, person: speaker.person };
        // (Only a lead-in that says someone speaks: a reporting verb, or "the following statement".)
        // (Or a post put out: "Podolyak posted his response on Twitter:", "Podolyak answered on Twitter:".)
        // (Or a post's header: "Post by NAME on social media, 3 May:", "NAME (@handle), 3 May:".)
        const speaks =
          sentenceCues().some((cue) => cue.source && cue.kind === 'verb') ||
          view.tokens.some((token, i) => (token.lower === 'following' && view.isCovered(i + 1, FRAME.claimNoun)) || /^(posted|tweeted|published|issued|answered|replied|responded|reacted|wrote)$/.test(token.lower)) ||
          postHeader(view);
        paragraphsLeft = speaker && speaks ? LEAD_IN_PARAGRAPHS : 0;
      } else if (slot.unit.kind === 'paragraph' && slots[index + 1]?.unit !== slot.unit && postedOnPlatform(view)) {
        // ("Podolyak responded on Twitter within hours." / "> …": a paragraph that ends saying
        // someone posted hands a block quotation right under it to them.)
        const speaker = context.lastSource ?? openingParty(view, found, pack);
        if (speaker) {
          carriedLeadIn = { kind: 'party', partyId: speaker.partyId, person: speaker.person };
          paragraphsLeft = QUOTES_ONLY;
        }
      }
    }
    contexts[packId] = settled(context);
    // (Per pack: another pack's lead-in is kept.)
    leadIn = withEntry(leadIn, packId, carriedLeadIn);
    leadInParagraphs = withEntry(leadInParagraphs, packId, carriedLeadIn && paragraphsLeft !== 0 ? paragraphsLeft : undefined);
  }

  return {
    findings,
    sentences: slots.map((slot) => ({ span: { start: slot.view.start, end: slot.view.end }, headline: slot.view.headline })),
    comments: prose.comments,
    contextOut: leadIn ? (leadInParagraphs ? { packs: contexts, leadIn, leadInParagraphs } : { packs: contexts, leadIn }) : { packs: contexts },
  };
}

/**
 * The stretch of the sentence that holds the match, between commas, semicolons, colons or
 * brackets (not a dash: "2022 – Attempt on the leader's life" dates what follows it).
 */
function stretchAround(view: SentenceView, match: { start: number; end: number }): { start: number; end: number } {
  const setOff = (k: number) => view.isPunct(k, ',;:()');
  let start = match.start;
  while (start > 0 && !setOff(start - 1)) start--;
  let end = match.end;
  while (end < view.length && !setOff(end)) end++;
  return { start, end };
}

// (The month names in calendar order: January is 1.)
const MONTH_INDEX = new Map([...MONTH_WORDS].map((name, k) => [name, k + 1]));

/** The day and month of "29 April" or "April 29" (a day may end in "th") starting at k, and where it ends. */
function dayMonthAt(view: SentenceView, k: number): { day: number; month: number; end: number } | undefined {
  const day = (i: number) => {
    const m = /^([0-3]?\d)(st|nd|rd|th)?$/.exec(view.tokens[i]?.text ?? '');
    return m && Number(m[1]) >= 1 && Number(m[1]) <= 31 ? Number(m[1]) : undefined;
  };
  const month = (i: number) => MONTH_INDEX.get(view.tokens[i]?.lower ?? '');
  if (day(k) !== undefined && month(k + 1) !== undefined) return { day: day(k)!, month: month(k + 1)!, end: k + 2 };
  if (month(k) !== undefined && day(k + 1) !== undefined) return { day: day(k + 1)!, month: month(k)!, end: k + 2 };
  return undefined;
}

/**
 * A year or a day other than the event's, "in 2018", "in November 2021", "on 29 April", in the
 * stretch that holds the match: it dates another event. ("since 2022" reaches up to the event;
 * a day next to the event's is the same night.) Only for a pack that gives its event's date.
 */
function otherDateInStretch(view: SentenceView, match: { start: number; end: number }, event: CompiledPack['eventDate']): boolean {
  if (!event) return false;
  const { start, end } = stretchAround(view, match);
  const dating = (k: number) => /^(in|of|during)$/.test(view.tokens[k]?.lower ?? '');
  if (openedBeforeTheEvent(view, event)) return true;
  // ("the boldest attack since the invasion began in February 2022", "the way Rust embarrassed
  // them in 1987": a date in a clause of its own after the match dates that clause only.)
  const ownClause = (k: number) => (k > match.end ? view.tokens.slice(match.end, k) : []).some((token) => /^(since|when|after|before|until|while|than|way|as)$/.test(token.lower));
  // (Near the match: "a series of strikes on the city on 30 July that included an assault on the
  // Kremlin in May" dates the series, not the assault.)
  for (let k = Math.max(start, match.start - 6); k < Math.min(end, match.end + 6); k++) {
    const text = view.tokens[k].text;
    // ("the bombing of the city in the 1940s": a decade that does not hold the event's year.)
    const decade = /^(19|20)\d0s$/.test(text) ? Number(text.slice(0, 4)) : undefined;
    if (decade !== undefined && (event.year < decade || event.year >= decade + 10) && (dating(k - 1) || (view.tokens[k - 1]?.lower === 'the' && dating(k - 2))) && !ownClause(k)) return true;
    if (/^(19\d\d|20\d\d)$/.test(text) && Number(text) !== event.year) {
      if ((dating(k - 1) || (MONTH_WORDS.has(view.tokens[k - 1]?.lower ?? '') && dating(k - 2))) && !ownClause(k)) return true;
      continue;
    }
    // ("a drone strike on 29 April": a day more than one day from the event's.)
    if (view.tokens[k - 1]?.lower !== 'on') continue;
    const date = dayMonthAt(view, k);
    if (!date || ownClause(k)) continue;
    const year = /^(19|20)\d\d$/.test(view.tokens[date.end]?.text ?? '') ? Number(view.tokens[date.end].text) : event.year;
    const days = Math.abs(Date.UTC(year, date.month - 1, date.day) - Date.UTC(event.year, event.month - 1, event.day)) / 86_400_000;
    if (days > 1) return true;
  }
  return false;
}

/**
 * "Before May 2023, the closest a drone had come …": a sentence that opens with "before" or
 * "until" and a month or year no later than the event's speaks of the time before it.
 */
function openedBeforeTheEvent(view: SentenceView, event: NonNullable<CompiledPack['eventDate']>): boolean {
  const first = firstWord(view);
  if (!/^(before|until|till)$/.test(view.tokens[first]?.lower ?? '')) return false;
  let month: number | undefined;
  for (let k = first + 1; k < Math.min(view.length, first + 5) && !view.isPunct(k, ','); k++) {
    const word = view.tokens[k].lower;
    if (MONTH_WORDS.has(word)) month = MONTH_INDEX.get(word);
    if (/^(19|20)\d\d$/.test(word)) {
      const year = Number(word);
      return year < event.year || (year === event.year && month !== undefined && month <= event.month);
    }
  }
  return false;
}

/** A verb of the match in the simple present ("explodes", "bursts"), outside a headline, where headlines tell the past in the present. */
function narratesInPresent(view: SentenceView, match: { start: number; end: number }): boolean {
  if (view.headline) return false;
  for (let k = match.start; k < match.end; k++) {
    if (/[^s]s$/.test(view.tokens[k].lower) && view.wordClass(k) === 'VERB' && !view.tokens[k].capitalised) return true;
  }
  return false;
}

/** A past "be" or "have" in the sentence: what it says happened before the picture, not what the picture shows ("filmed from the bridge" describes the picture). */
function narratesThePast(view: SentenceView): boolean {
  return view.tokens.some((token) => /^(was|were|had)$/.test(token.lower));
}

/** Where what a sentence says begins: after a section label ("The answer: …") or a speaker's label ("A: …"). */
function sentenceOpening(view: SentenceView): number {
  const label = afterSectionLabel(view);
  if (label > 0) return label;
  const first = firstWord(view);
  return view.isPunct(first + 1, ':') ? first + 2 : first;
}

/** An occurrence of an excluded concept in the stretch of the sentence that holds the match. */
function excludedInClause(view: SentenceView, found: readonly Occurrence[], labels: readonly string[], match: { start: number; end: number }): boolean {
  const { start, end } = stretchAround(view, match);
  return found.some((o) => labels.includes(o.label) && o.start >= start && o.end <= end);
}

/** A record with packId's entry set to value, or removed; undefined when nothing is left. */
function withEntry<T>(record: Record<string, T> | undefined, packId: string, value: T | undefined): Record<string, T> | undefined {
  const next: Record<string, T> = { ...(record ?? {}) };
  if (value === undefined) delete next[packId];
  else next[packId] = value;
  return Object.keys(next).length ? next : undefined;
}

const POINTING_BACK = /^(this|that|it|these|those)$/;
const REPORTED_PARTICIPLE = /^(stated|said|announced|reported|shared|posted|published|claimed|written|tweeted|released|circulated|declared)$/;

/** "This was stated by …", "It was shared overnight on a Telegram channel": a sentence about the one before being said or posted. */
function pointsBackAsReported(view: SentenceView): boolean {
  let i = 0;
  while (i < view.length && view.isPunct(i)) i++;
  // ("At least that is what Moscow claims.")
  if (view.tokens[i]?.lower === 'at' && view.tokens[i + 1]?.lower === 'least') i += 2;
  if (!POINTING_BACK.test(view.tokens[i]?.lower ?? '')) return false;
  if (isWhatSomeoneSays(view, i + 1)) return true;
  for (let j = i + 1; j < Math.min(view.length, i + 5); j++) {
    if (REPORTED_PARTICIPLE.test(view.tokens[j].lower)) return view.isCovered(j - 1, FRAME.be) || view.isCovered(j - 2, FRAME.be);
    if (view.isPunct(j)) return false;
  }
  return false;
}

/** "(that) is what Russia claims", "('s) what the Kremlin says": from i, a form of "be", "what", a subject and a reporting verb. */
function isWhatSomeoneSays(view: SentenceView, i: number): boolean {
  if (!view.isCovered(i, FRAME.be) || view.tokens[i + 1]?.lower !== 'what') return false;
  for (let j = i + 3; j < Math.min(view.length, i + 8); j++) {
    if (view.isPunct(j)) return false;
    if (view.startsWith(j, FRAME.report)) return true;
  }
  return false;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const POST_DATE = `(?:(?:${MONTHS})\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{1,2}\\s+(?:${MONTHS})(?:\\s+\\d{4})?)`;
const POST_TAIL = '(?:\\s*,\\s*[A-Za-z ]{1,40})?\\s*$';
const POST_PLATFORMS = '(?:Telegram|Twitter|X|Facebook|VK|VKontakte|Instagram|social media)';
// ("— NAME (@handle) on Twitter, 3 May 2023": the platform may follow the handle.)
const POST_SIGNATURE = new RegExp(`[—–-]\\s*([^()\\n—–]{1,80}?)\\s*\\((@\\w{1,30})\\)(?:\\s+(?:on|via)\\s+${POST_PLATFORMS})?(?:\\s*,[^,\\n()]{1,60}){0,3}\\s*,?\\s*${POST_DATE}${POST_TAIL}`, 'u');
/** "— Dmitry Medvedev on Telegram, 3 May 2023": a signature that names the platform instead of a handle. */
const PLATFORM_SIGNATURE = new RegExp(`[—–-]\\s*(\\p{Lu}[^()\\n—–,:;.]{1,60}?)(?:\\s*,[^,\\n()]{1,60}?){0,2},?\\s+(?:on|via)\\s+(?:(?:his|her|their|its)\\s+)?${POST_PLATFORMS}(?:\\s+channel)?(?:\\s*,?\\s*${POST_DATE})?${POST_TAIL}`, 'u');

/** "… — Mykhailo Podolyak (@Podolyak_M) May 3, 2023" (or "3 May 2023, translated"): the signature of an embedded social post. */
function embeddedPostSignature(text: string): { author: string; at: number } | null {
  const match = POST_SIGNATURE.exec(text);
  if (match) return { author: `${match[1]} ${match[2]}`, at: match.index };
  const platform = PLATFORM_SIGNATURE.exec(text);
  return platform ? { author: platform[1], at: platform.index } : null;
}

const POST_HEADER = new RegExp(`^\\s*([^()\\n—–:]{1,80}?)\\s*\\((@\\w{1,30})\\)\\s*(?:[·•,—–-]\\s*(?:(?:${MONTHS})\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4}))?\\s*$`, 'u');

const INLINE_POST_HEADER = new RegExp(`^\\s*([^()\\n—–:.]{1,80}?)\\s*\\((@\\w{1,30})\\)\\s*(?:[·•,—–-]\\s*${POST_DATE})?\\s*:\\s*\\S`, 'u');

/** "Mykhailo Podolyak (@Podolyak_M) · 3 May 2023" standing alone: the header of an embedded social post. */
function embeddedPostHeader(text: string): string | null {
  const match = POST_HEADER.exec(text);
  return match ? `${match[1]} ${match[2]}` : null;
}

/** The author of an embedded post: a party of the pack when it knows the name or handle, else an unnamed poster. */
function postAuthor(signature: string, pack: CompiledPack): SourceRef {
  const tokens = tokenize(signature);
  for (const occurrence of pack.index.findAll(tokens)) {
    const mention = pack.mentions.get(occurrence.label);
    if (mention && !mention.roleOnly) return { kind: 'party', partyId: mention.party.id, person: mention.person?.name };
  }
  return { kind: 'vague' };
}

/**
 * A quotation that opens a sentence with no attribution of its own continues the quoted
 * speaker of the sentence before: "…," Zelensky said. "We fight on our territory."
 */
function continuedQuotation(slot: SentenceSlot, cues: () => Cue[], context: PackContext): CarriedSource | undefined {
  // ("Quote: “…”": a section label before the quotation is no speaker of it.)
  const first = slot.view.tokens[afterSectionLabel(slot.view)];
  // (A "we", "I" or "you" inside the quotation is its speaker talking, not a source of its own.)
  const ownSource = (cue: Cue) => cue.source !== null && !/^(we|i|you)$/.test(slot.view.tokens[cue.source.start].lower);
  // ('Therefore, "something is happening in Russia, but without Ukraine's drones".': a
  // quotation of some length in a sentence that names no speaker goes on quoting the last one.)
  // The sentence's own words are read first: the context's last speaker is worked out when
  // first asked for (see nextContext), which costs the sentence before its cues, and most
  // sentences quote nothing.
  if (!first) return undefined;
  const quotes = isQuote(first) || (!slot.view.mayHave(FRAME.report) && slot.view.quotedSpans().some((span) => slot.view.wordCount(span) >= 4));
  if (!quotes || (!context.lastSource && !context.lastSpeakerUnknown) || cues().some(ownSource)) return undefined;
  // (Someone the pack does not know, "… Borrell said. “This can be used to justify …”": theirs, to check.)
  if (!context.lastSource) return context.lastSpeakerUnknown ? { source: { kind: 'named', name: 'the speaker quoted before', foreign: false } } : undefined;
  return { source: { kind: 'party', partyId: context.lastSource.partyId, person: context.lastSource.person } };
}

/** The occurrences that start at or after a token. */
function occurrencesFrom(byLabel: Map<string, Occurrence[]>, from: number): Map<string, Occurrence[]> {
  const kept = new Map<string, Occurrence[]>();
  for (const [label, list] of byLabel) {
    const after = list.filter((o) => o.start >= from);
    if (after.length) kept.set(label, after);
  }
  return kept;
}

/**
 * The occurrences outside "not X but" spans, or an empty map when the sentence has none:
 * X is the alternative the sentence rejects. "not only X but also Y" keeps X.
 */
function withoutContrasted(view: SentenceView, byLabel: Map<string, Occurrence[]>): Map<string, Occurrence[]> {
  if (!view.tokens.some((token) => token.lower === 'but')) return new Map();
  const rejected: Array<{ start: number; end: number }> = [];
  for (const negator of view.frame.get(FRAME.negator) ?? []) {
    if (/^(only|just|merely|simply)$/.test(view.tokens[negator.end]?.lower ?? '')) continue;
    for (let j = negator.end; j < Math.min(view.length, negator.end + 12); j++) {
      if (view.isPunct(j, '.;:!?')) break;
      if (view.tokens[j].lower === 'but') {
        if (j > negator.end) rejected.push({ start: negator.end, end: j });
        break;
      }
    }
  }
  if (!rejected.length) return new Map();
  const kept = new Map<string, Occurrence[]>();
  for (const [label, list] of byLabel) {
    const outside = list.filter((o) => !rejected.some((span) => o.start >= span.start && o.start < span.end));
    if (outside.length) kept.set(label, outside);
  }
  return kept;
}

interface PatternRef {
  order: number;
  claim: CompiledClaim;
  pattern: CompiledPattern;
  /** The labels of each required element: a sentence must hold one of each. */
  required: string[][];
}

const NO_PATTERNS: readonly PatternRef[] = [];

/** The labels of a sentence's occurrences. */
function labelsOf(found: readonly Occurrence[]): Set<string> {
  const labels = new Set<string>();
  for (const occurrence of found) labels.add(occurrence.label);
  return labels;
}

/** Whether text[start, end) ends with a colon, white space after it aside (what `/:\s*$/` tests, without a copy of the sentence). */
function endsWithColon(text: string, start: number, end: number): boolean {
  let last = end - 1;
  while (last >= start && /\s/.test(text[last])) last--;
  return last >= start && text.charCodeAt(last) === 0x3a;
}
/** Per anchor label, its patterns and what checking them all costs (each label of their required elements). */
const patternAnchors = new WeakMap<CompiledPack, Map<string, { refs: PatternRef[]; cost: number }>>();

/**
 * The patterns that can match a sentence, in pack order: a pattern needs every required
 * element, so it is looked up by the labels of one of them and kept only when the sentence
 * holds the others too. Most sentences of a draft hold none, and skip the pack's patterns
 * at the cost of a few set lookups. The checks are charged to the sentence's work budget
 * (a pack of many wide patterns over common words spends it here); once it is spent, the
 * patterns found so far are all.
 */
function candidatePatterns(pack: CompiledPack, present: ReadonlySet<string>, budget: MatchBudget): readonly PatternRef[] {
  let byLabel = patternAnchors.get(pack);
  if (!byLabel) {
    byLabel = new Map();
    let order = 0;
    for (const claim of pack.claims) {
      for (const pattern of claim.patterns) {
        const required = pattern.elements.filter((element) => !element.optional).map((element) => element.labels);
        const ref = { order: order++, claim, pattern, required };
        const anchor = pattern.elements.find((element) => !element.optional);
        // A pattern of optional elements only is never completed (findMatches needs a first part).
        const cost = required.reduce((sum, labels) => sum + labels.length, 0);
        for (const label of anchor?.labels ?? []) {
          const entry = byLabel.get(label) ?? { refs: [], cost: 0 };
          entry.refs.push(ref);
          entry.cost += cost;
          byLabel.set(label, entry);
        }
      }
    }
    patternAnchors.set(pack, byLabel);
  }
  const holdsAll = (ref: PatternRef) => ref.required.every((labels) => labels.some((label) => present.has(label)));
  let found: PatternRef[] | undefined;
  let anchors = 0;
  for (const label of present) {
    const entry = byLabel.get(label);
    if (!entry) continue;
    budget.steps -= entry.cost;
    if (budget.steps < 0) {
      // Reported as the sentence's work budget used up, naming the first of these patterns.
      if (!budget.spentOn) {
        budget.spentOn = entry.refs[0].pattern;
        workBudgetWatch.exhausted?.(budget.spentOn);
      }
      break;
    }
    const complete = entry.refs.filter(holdsAll);
    if (!complete.length) continue;
    found = found ? found.concat(complete) : complete;
    anchors++;
  }
  if (!found) return NO_PATTERNS;
  if (anchors === 1) return found;
  // Several anchors: pack order, each pattern once.
  found.sort((a, b) => a.order - b.order);
  return found.filter((ref, i) => i === 0 || found![i - 1] !== ref);
}

/** The named party a sentence opens with ("Podolyak made…", "The Kremlin's statement read:"), if any. */
/** Every event noun of the match is a plural ("the drone attacks"). */
function namesEventsInPlural(view: SentenceView, match: { start: number; end: number }): boolean {
  let events = 0;
  for (let j = match.start; j < match.end; j++) {
    const lower = view.tokens[j].lower;
    if (!EVENT_HEADS.test(lower)) continue;
    events++;
    if (!/s$/.test(lower)) return false;
  }
  return events > 0;
}

function openingParty(view: SentenceView, found: ReturnType<CompiledPack['index']['findAll']>, pack: CompiledPack): ContextMention | undefined {
  let first = 0;
  while (first < view.length && (view.isPunct(first) || view.isCovered(first, FRAME.determiner))) first++;
  // ("Post by NAME on his channel, 3 May:": a post's header names its author after "by".)
  first = afterPostByline(view, first) ?? first;
  for (const occurrence of found) {
    const mention = pack.mentions.get(occurrence.label);
    if (occurrence.start === first && mention && !mention.roleOnly) return mentionOf(mention);
  }
  return undefined;
}

const NO_CONCEPTS: string[] = [];
const NO_MENTIONS: ContextMention[] = [];
const requiredByPack = new WeakMap<CompiledPack, ReadonlySet<string>>();

/** The concepts some claim or pattern needs in view: the only ones a context carries. */
function requiredConcepts(pack: CompiledPack): ReadonlySet<string> {
  let wanted = requiredByPack.get(pack);
  if (!wanted) {
    wanted = new Set(pack.claims.flatMap((claim) => [...claim.requires, ...claim.patterns.flatMap((pattern) => [...(pattern.requires ?? []), ...(pattern.requiresEarlier ?? []), ...(pattern.unsureWith ?? []), ...(pattern.unsureAfter ?? [])])]));
    requiredByPack.set(pack, wanted);
  }
  return wanted;
}

const requiredEarlierByPack = new WeakMap<CompiledPack, ReadonlySet<string>>();

/** The concepts some pattern needs, or is made unsure by, named earlier in the draft. */
function requiredEarlier(pack: CompiledPack): ReadonlySet<string> {
  let wanted = requiredEarlierByPack.get(pack);
  if (!wanted) {
    wanted = new Set(pack.claims.flatMap((claim) => claim.patterns.flatMap((pattern) => [...(pattern.requiresEarlier ?? []), ...(pattern.unsureAfter ?? [])])));
    requiredEarlierByPack.set(pack, wanted);
  }
  return wanted;
}

/** Concepts of two sentences, sorted and without repeats; sharing an input when the other is empty. */
function mergedConcepts(current: string[], previous: string[]): string[] {
  if (!previous.length) return current;
  if (!current.length || current.every((label) => previous.includes(label))) return previous;
  return [...new Set([...current, ...previous])].sort();
}

/**
 * What the next sentence may refer back to. The last named source costs the sentence's
 * cues, and most sentences are never referred back to: it is found when first read. A
 * context left unread for `LAZY_CHAIN` sentences is resolved anyway, so that reading one
 * never recurses through a long run of them.
 */
const LAZY_CHAIN = 16;

// What an embedded post's header calls it: "Post by NAME …", "Statement from NAME …".
const POST_NOUNS = /^(post|posts|tweet|tweets|message|statement)$/;
const PLATFORMS = /^(telegram|twitter|facebook|vk|vkontakte|instagram)$/;

/** "Post by NAME on his channel, 3 May 2023:", "NAME (@handle), 3 May 2023:": the header an embedded post stands under. */
/** How many paragraphs a lead-in ending with a full stop attributes: a block quotation right under it, no plain paragraph. */
const QUOTES_ONLY = -1;

/** "Podolyak responded on Twitter within hours.": a verb of posting and a platform after "on". */
function postedOnPlatform(view: SentenceView): boolean {
  const posted = view.tokens.findIndex((token) => /^(posted|tweeted|wrote|answered|replied|responded|reacted)$/.test(token.lower));
  if (posted < 0) return false;
  // ("posted a long thread on X": what was posted may stand between.)
  for (let k = posted + 1; k < Math.min(view.length, posted + 6); k++) if (view.tokens[k].lower === 'on' && /^(twitter|telegram|x|facebook|instagram|social)$/.test(view.tokens[k + 1]?.lower ?? '')) return true;
  return false;
}

/**
 * "Post by NAME …:", "Embedded post – NAME, …:": the post's noun at `from`, perhaps after one
 * word, then "by", "from" or a dash; where the author's name starts, if it is such a byline.
 */
function afterPostByline(view: SentenceView, from: number): number | undefined {
  const noun = POST_NOUNS.test(view.tokens[from]?.lower ?? '') ? from : POST_NOUNS.test(view.tokens[from + 1]?.lower ?? '') ? from + 1 : -1;
  return noun >= 0 && (/^(by|from)$/.test(view.tokens[noun + 1]?.lower ?? '') || view.isPunct(noun + 1, '–—-')) ? noun + 2 : undefined;
}

function postHeader(view: SentenceView): boolean {
  const words = view.tokens.map((token) => token.lower);
  const byline = afterPostByline(view, 0) !== undefined;
  const handle = view.tokens.some((token, i) => token.text.startsWith('@') && (token.text.length > 1 || view.tokens[i + 1]?.start === token.end));
  // ("NAME, adviser to …, on Twitter, 3 May:": where the words went out.)
  const platform = view.tokens.some((token, i) => token.lower === 'on' && PLATFORMS.test(words[i + 1] ?? ''));
  return byline || handle || platform;
}

function nextContext(view: SentenceView, found: ReturnType<CompiledPack['index']['findAll']>, sentenceCues: () => Cue[], pack: CompiledPack, previous: PackContext, chain: { unresolved: number }): PackContext {
  let named: ContextMention[] | undefined;
  const wanted = requiredConcepts(pack);
  let conceptSet: Set<string> | undefined;
  for (const occurrence of found) {
    if (wanted.has(occurrence.label)) (conceptSet ??= new Set()).add(occurrence.label);
    const mention = pack.mentions.get(occurrence.label);
    if (mention && !mention.roleOnly) (named ??= []).push(mentionOf(mention));
  }
  // (Most sentences name no party: they share one empty list, which nothing changes.)
  const mentions = named ?? NO_MENTIONS;
  const concepts = conceptSet ? [...conceptSet].sort() : NO_CONCEPTS;
  // Claims that need their event in view look at this sentence and the one before it.
  // Only the concepts some pattern needs named earlier travel the whole draft, so the context
  // settles after their first mention and an edit re-analyses no further than it must.
  const earlierWanted = requiredEarlier(pack);
  const earlierConcepts = mergedConcepts(earlierWanted.size ? concepts.filter((label) => earlierWanted.has(label)) : NO_CONCEPTS, previous.earlierConcepts ?? NO_CONCEPTS);
  const recentConcepts = mergedConcepts(concepts, previous.concepts);
  // Only a party named here, or a pronoun or pointing noun standing for one, can be a source
  // (see resolveSource): other sentences need no cues.
  const mayNameSource = found.some((o) => o.label.startsWith('p:')) || view.mayHave(FRAME.pronoun, FRAME.pointer);
  let context: SpeakerPendingContext;
  if (!mayNameSource) {
    // "The institute said …": the speaker is someone the pack does not know, and an "It" in
    // the next sentence is them, not a party named further back. Worked out when asked (by a
    // pronoun in the sentence after, or at the end of the block): reading the cues of every
    // sentence with a reporting verb would tag it, and most are never asked about.
    if (!view.mayHave(FRAME.report)) {
      chain.unresolved = 0;
      return { mentions, concepts, recentConcepts, earlierConcepts };
    }
    const speakerUnknown = () => sentenceCues().some((cue) => cue.source && cue.kind === 'verb' && resolveSource(view, cue.source, found, pack, previous, 'any').kind === 'named');
    context = new SpeakerPendingContext(mentions, concepts, recentConcepts, earlierConcepts, () => ({ speakerUnknown: speakerUnknown() }));
  } else {
    context = new SpeakerPendingContext(mentions, concepts, recentConcepts, earlierConcepts, () => lastNamedSource(view, found, sentenceCues(), pack, previous));
  }
  if (++chain.unresolved >= LAZY_CHAIN) {
    context.resolve();
    chain.unresolved = 0;
  }
  return context;
}

/**
 * A sentence's context whose last source, and whether its last speaker is someone the pack
 * does not know, are worked out when first read (see nextContext). The getters are the
 * class's, so that every such context has the same shape: getters defined on each object gave
 * each context a hidden class of its own, and made every read of one a slow lookup.
 */
class SpeakerPendingContext implements PackContext {
  private speaker: { lastSource?: ContextMention; speakerUnknown: boolean } | undefined;

  constructor(
    readonly mentions: ContextMention[],
    readonly concepts: string[],
    readonly recentConcepts: string[],
    readonly earlierConcepts: string[],
    private readonly readSpeaker: () => { lastSource?: ContextMention; speakerUnknown: boolean },
  ) {}

  /** Works the speaker out now, if it is not yet. */
  resolve(): { lastSource?: ContextMention; speakerUnknown: boolean } {
    return (this.speaker ??= this.readSpeaker());
  }

  get lastSource(): ContextMention | undefined {
    return this.resolve().lastSource;
  }

  get lastSpeakerUnknown(): boolean | undefined {
    return this.resolve().speakerUnknown || undefined;
  }
}

/** Rules that read a speaker inside a relative aside: ", which Kyiv denied", "the drones, which Moscow said …". */
const RELATIVE_ASIDE_RULES = new Set(['which-relative', 'relative-subject']);

/** The last party a sentence names as a source, and whether its last speaker is someone the pack does not know. */
function lastNamedSource(view: SentenceView, found: ReturnType<CompiledPack['index']['findAll']>, cues: Cue[], pack: CompiledPack, previous: PackContext): { lastSource?: ContextMention; speakerUnknown: boolean } {
  let lastSource: ContextMention | undefined;
  // ("The Kremlin accused Kyiv …, which Ukraine denied. It said …": a speaker in a relative aside
  // is no antecedent while the main clause has one.)
  let asideSource: ContextMention | undefined;
  let speakerUnknown = false;
  // (A cue inside another's words is not the sentence's speaker: "Zelensky dismissed Russia's
  // claims that …" — Zelensky speaks, and a quotation after it is his.)
  const inside = (a: Cue, b: Cue) => b.scopes.some((scope) => scope.start <= a.word.start && a.word.end <= scope.end);
  const embedded = (cue: Cue) => cues.some((other) => other !== cue && other.source !== null && inside(cue, other) && !inside(other, cue));
  for (const cue of cues) {
    if (!cue.source || cue.kind === 'footage' || embedded(cue)) continue;
    const ref = resolveSource(view, cue.source, found, pack, previous, cue.kind === 'colon' ? 'name' : 'any');
    // ("A US-based think tank claimed …": an unnamed speaker is someone the pack does not know too.)
    // ("Wednesday's text … is a masterpiece. It says … the Kyiv regime was behind it. It calls
    // this …": a pronoun whose antecedent nobody could tell stays unknown in the next sentence,
    // not a party named inside the words it reported.)
    // ("Five short paragraphs on the website told Russians that Kyiv … . It said …": so is a
    // speaker the reading could not place.)
    speakerUnknown = (ref.kind === 'named' || ref.kind === 'vague' || ref.kind === 'unresolved' || ref.kind === 'none') && cue.kind === 'verb';
    if (ref.kind === 'party') {
      const party = pack.parties.get(ref.partyId)!;
      const person = party.people?.find((p) => p.name === ref.person);
      const mention = { partyId: ref.partyId, person: ref.person, personal: Boolean(person) || party.kind === 'person', pronoun: person?.pronoun };
      if (RELATIVE_ASIDE_RULES.has(cue.rule ?? '')) asideSource = mention;
      else lastSource = mention;
    }
  }
  lastSource ??= asideSource;
  return { lastSource, speakerUnknown: speakerUnknown && !lastSource };
}

function speakerMention(source: Extract<SourceRef, { kind: 'party' }>, pack: CompiledPack): ContextMention {
  const party = pack.parties.get(source.partyId)!;
  const person = party.people?.find((p) => p.name === source.person);
  return { partyId: source.partyId, person: source.person, personal: Boolean(person) || party.kind === 'person', pronoun: person?.pronoun };
}

/** A context as plain data (its last source read), for the block's outgoing context. */
function settled(context: PackContext): PackContext {
  if (context instanceof SpeakerPendingContext) {
    const { mentions, concepts, recentConcepts, earlierConcepts, lastSource, lastSpeakerUnknown } = context;
    return { mentions, concepts, recentConcepts, earlierConcepts, ...(lastSource ? { lastSource } : {}), ...(lastSpeakerUnknown ? { lastSpeakerUnknown } : {}) };
  }
  const { lastSource, lastSpeakerUnknown, ...rest } = context;
  return { ...rest, ...(lastSource ? { lastSource } : {}), ...(lastSpeakerUnknown ? { lastSpeakerUnknown } : {}) };
}

function toFinding(view: SentenceView, packId: string, framed: FramedMatch): Finding {
  const tokens = view.tokens;
  const charSpan = (span: { start: number; end: number }): CharSpan => ({ start: tokens[span.start].start, end: tokens[span.end - 1].end });
  const finding: Finding = {
    packId,
    claimId: framed.claim.claim.id,
    framing: framed.framing,
    sentence: { start: view.start, end: view.end },
    evidence: charSpan(framed.match),
    headline: view.headline,
    form: framed.form,
    pattern: framed.match.pattern.source,
  };
  if (framed.unsure) finding.unsure = framed.unsure;
  const rule = framed.cue?.rule ?? (framed.source ? 'carried' : undefined);
  if (rule) finding.rule = rule;
  const content = framed.cue?.scopes.find((scope) => scope.start <= framed.match.start && framed.match.end <= scope.end && scope.end > scope.start);
  if (content) finding.content = charSpan(content);
  if (framed.source && framed.sourceSpan && framed.sourceSpan.end > framed.sourceSpan.start) {
    finding.source = { text: view.text(framed.sourceSpan), span: charSpan(framed.sourceSpan), ref: framed.source };
  } else if (framed.source && framed.carriedFrom) {
    const { start, end, text } = framed.carriedFrom;
    finding.source = { text, span: { start, end }, ref: framed.source };
  } else if (framed.source) {
    finding.source = { text: '', span: { start: view.start, end: view.start }, ref: framed.source };
  }
  if (framed.hedge && framed.hedge.end > framed.hedge.start) finding.hedge = { text: view.text(framed.hedge), span: charSpan(framed.hedge) };
  return finding;
}

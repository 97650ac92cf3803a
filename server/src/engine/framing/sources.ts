import type { SentenceView, Span } from '../analysis/sentence';
import { FRAME } from '../lexicon/english';
import type { Occurrence } from '../match/phrases';
import type { CompiledPack, PartyMention } from '../pack/compile';
import { isCommonWord } from '../text/fuzzy';
import { TokenKind } from '../text/tokens';
import { firstWord, inAsWell, isPossessiveMark } from './clauses';

// Who a source phrase stands for: a party of the pack (directly, or through a pronoun or
// a pointing-back noun resolved against the sentence before), an unnamed source, a name
// the pack does not know, or nobody.

export type SourceRef =
  | { kind: 'party'; partyId: string; person?: string; via?: 'pronoun' | 'pointer' | 'role' }
  | { kind: 'vague' }
  | { kind: 'named'; name: string; foreign: boolean }
  | { kind: 'unresolved'; word: string }
  | { kind: 'artifact' }
  /** The subject is not a source at all ("Guerrilla activity explains the drones"). */
  | { kind: 'none' };

/** A party named in a sentence, remembered for pronouns in the next one. */
export interface ContextMention {
  partyId: string;
  person?: string;
  personal: boolean;
  pronoun?: 'he' | 'she' | 'they';
}

/** What one sentence hands to the next, per pack. */
export interface PackContext {
  lastSource?: ContextMention;
  /** The last sentence's speaker is someone the pack does not know ("The institute said …"): a pronoun after it points to them. */
  lastSpeakerUnknown?: boolean;
  mentions: ContextMention[];
  /** Concept labels seen in the sentence (those some claim or pattern requires in view). */
  concepts: string[];
  /** Concept labels of the last two sentences (for claims that need their event in view). */
  recentConcepts?: string[];
  /** Concept labels named anywhere earlier in the draft (for presuppositions of an event the story named). */
  earlierConcepts?: string[];
}

export const EMPTY_CONTEXT: PackContext = { mentions: [], concepts: [] };

export function mentionOf(mention: PartyMention): ContextMention {
  return {
    partyId: mention.party.id,
    person: mention.person?.name,
    personal: Boolean(mention.person) || mention.party.kind === 'person',
    pronoun: mention.person?.pronoun,
  };
}

const inside = (o: Occurrence, span: Span) => o.start >= span.start && o.end <= span.end;
const FILLER = new Set([
  'also', 'later', 'then', 'further', 'again', 'too', 'himself', 'herself', 'itself', 'themselves', 'separately', 'earlier',
  'previously', 'subsequently', 'however', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'may', 'might', 'must',
  'should', 'is', 'was', 'are', 'were', 'did', 'does', 'do', 'now', 'repeatedly', 'once',
]);

// ("The Kremlin quickly blamed …": an adverb of manner between the subject and its verb is no
// part of who speaks; an adverb that hedges, "reportedly", stays.)
const HEDGING_ADVERBS = /^(reportedly|allegedly|purportedly|supposedly|apparently|seemingly|presumably|ostensibly)$/;
// (", where he said …": the relative adverb after a comma is no part of who speaks.)
const isFiller = (view: SentenceView, k: number) =>
  FILLER.has(view.tokens[k].lower) || inAsWell(view, k) || (view.tokens[k].lower === 'where' && view.isPunct(k - 1, ',')) || (/ly$/.test(view.tokens[k].lower) && !HEDGING_ADVERBS.test(view.tokens[k].lower) && view.wordClass(k) === 'ADV');

const PROVIDED = /^(obtained|provided|released|published|distributed|supplied|posted|shared|verified)$/;

/** The party named after "obtained by", "released by", "courtesy of" in the sentence, if any. */
function providerOf(view: SentenceView, occurrences: Occurrence[], pack: CompiledPack): SourceRef | undefined {
  for (let i = 0; i + 1 < view.length; i++) {
    const by = (PROVIDED.test(view.tokens[i].lower) && view.tokens[i + 1].lower === 'by') || (view.tokens[i].lower === 'courtesy' && view.tokens[i + 1].lower === 'of');
    if (!by) continue;
    let at = i + 2;
    if (view.isCovered(at, FRAME.determiner)) at++;
    const mention = occurrences.filter((o) => o.start === at).map((o) => pack.mentions.get(o.label)).find((m) => m && !m.roleOnly);
    if (mention) return { kind: 'party', partyId: mention.party.id, person: mention.person?.name };
    // ("footage verified by The Daily Herald": a name the pack does not know is still named.)
    let end = at;
    while (end < view.length && view.tokens[end].capitalised && view.tokens[end].kind === TokenKind.Word) end++;
    const unknown = end > at ? unknownName(view, { start: at, end }) : undefined;
    if (unknown?.kind === 'named') return unknown;
  }
  return undefined;
}

const OBJECT_PRONOUNS: Record<string, string | undefined> = { him: 'he', her: 'she', them: 'they' };
const POSSESSIVE_PRONOUNS: Record<string, string | undefined> = { his: 'he', its: 'it', their: 'they' };

function pronounAntecedent(pronoun: string, context: PackContext, earlier: ContextMention[]): ContextMention | undefined {
  // "We" and "I" speak inside a quotation; only its speaker can tell who they are.
  if (pronoun === 'we' || pronoun === 'i') return undefined;
  const personal = pronoun === 'he' || pronoun === 'she';
  const fits = (m: ContextMention) => {
    if (personal) return m.personal && (!m.pronoun || m.pronoun === pronoun);
    if (pronoun === 'it') return !m.personal;
    return true; // they
  };
  // A party named earlier in the same sentence (the first, usually the subject: "Russia
  // blamed Kyiv for what it called…"), then the source of the sentence before, then the
  // first fitting party that sentence named.
  const inSentence = earlier.find(fits);
  if (inSentence) return inSentence;
  if (context.lastSpeakerUnknown && !personal) return undefined;
  if (context.lastSource && fits(context.lastSource)) return context.lastSource;
  return context.mentions.find(fits);
}

// Nationalities and countries outside the story's two sides and the United States.
const FOREIGN = new Set([
  'german', 'germany', 'french', 'france', 'british', 'britain', 'uk', 'polish', 'poland', 'chinese', 'china', 'turkish',
  'turkey', 'italian', 'italy', 'spanish', 'spain', 'dutch', 'finnish', 'finland', 'swedish', 'sweden', 'norwegian',
  'estonian', 'latvian', 'lithuanian', 'belarusian', 'belarus', 'hungarian', 'indian', 'india', 'japanese', 'japan',
  'canadian', 'canada', 'israeli', 'iranian', 'iran', 'nato', 'eu', 'european', 'un', 'czech', 'romanian', 'moldovan',
]);

const QUALIFIERS = new Set(['close', 'familiar', 'near', 'in', 'inside', 'within', 'at', 'from', 'around', 'linked', 'loyal', 'with']);

/** "Sources close to the Kremlin", "officials in Moscow": an unnamed source, whatever it is near. */
function opensWithUnnamedSource(view: SentenceView, span: Span): boolean {
  let i = span.start;
  while (i < span.end && (view.isCovered(i, FRAME.determiner) || /^(some|several|two|three|many|one|senior|western|unnamed|anonymous)$/.test(view.tokens[i].lower))) i++;
  const head = (view.frame.get(FRAME.vagueSource) ?? []).find((o) => o.start === i && o.end <= span.end);
  return head !== undefined && head.end < span.end && QUALIFIERS.has(view.tokens[head.end].lower);
}

/** any: a reporting verb's subject; footage: what a video shows; name: a headline colon, which must be a name and nothing else. */
export type SourceRole = 'any' | 'footage' | 'name';

const ROLE_HEADS = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'ministry', 'adviser', 'advisor', 'aide', 'ambassador', 'envoy',
  'diplomat', 'representative', 'secretary',
]);

// Heads of "X's …" that name others than X.
const OUTSIDERS = new Set([
  'critics', 'critic', 'opponents', 'opponent', 'enemies', 'enemy', 'detractors', 'rivals', 'rival', 'adversaries',
  'adversary', 'foes', 'allies', 'ally', 'partners', 'backers', 'supporters', 'neighbours', 'neighbors', 'sceptics',
  'skeptics', 'watchers',
]);

const PREPOSITIONS = new Set(['on', 'in', 'at', 'to', 'for', 'from', 'during', 'after', 'before', 'with', 'via', 'through', 'by']);

const sideWordsByPack = new WeakMap<CompiledPack, Map<string, Set<string>>>();

/** The capitalised words of a party's own names and aliases ("Russian", "Moscow" for the Kremlin; "Ukrainian" for Kyiv). */
function sideWords(pack: CompiledPack, partyId: string): Set<string> {
  let byParty = sideWordsByPack.get(pack);
  if (!byParty) {
    byParty = new Map();
    for (const party of pack.pack.parties) {
      const words = new Set<string>();
      for (const name of [party.name, ...(party.aliases ?? [])]) {
        for (const word of name.split(/[\s'’]+/)) if (/^\p{Lu}/u.test(word) && word.length > 2) words.add(word.toLowerCase());
      }
      byParty.set(party.id, words);
    }
    sideWordsByPack.set(pack, byParty);
  }
  return byParty.get(partyId) ?? new Set();
}

// Heads of noun phrases that name an institution: "the institute", "the committee".
const INSTITUTIONS = new Set([
  'institute', 'committee', 'council', 'agency', 'ministry', 'department', 'newspaper', 'outlet', 'broadcaster',
  'service', 'embassy', 'parliament', 'duma', 'court', 'watchdog', 'tank', 'organisation', 'organization', 'network',
  'paper', 'daily', 'publication', 'channel', 'commission', 'bureau', 'directorate', 'office', 'authority', 'centre', 'center', 'intelligence', 'command',
  // and of the people who speak for one: "the head of community diplomacy said".
  'head', 'chief', 'leader', 'director', 'chairman', 'chair', 'minister', 'envoy', 'ambassador', 'commissioner', 'speaker', 'governor',
]);

const PLACE_PREPOSITIONS = new Set(['from', 'over', 'above', 'near', 'across', 'at', 'in', 'of', 'toward', 'towards', 'outside', 'inside', 'around', 'behind', 'within', 'beyond', 'into', 'onto']);

/** A mention after a preposition of place ("from the Kremlin", "over the Kremlin"). */
function isPlace(view: SentenceView, start: number): boolean {
  let before = start - 1;
  if (before >= 0 && view.isCovered(before, FRAME.determiner)) before--;
  return before >= 0 && PLACE_PREPOSITIONS.has(view.tokens[before].lower);
}

/** Words that open a relative clause after a noun. */
export const RELATIVE_WORDS = /^(that|which|who|whom|whose)$/;

/** A past participle right after a noun, opening a phrase that modifies it: "a statement issued at noon". */
export function postModifyingParticiple(view: SentenceView, j: number): boolean {
  const lower = view.tokens[j].lower;
  if (j === 0 || !/^(NOUN|PROPN)$/.test(view.wordClass(j - 1) ?? '')) return false;
  const wordClass = view.wordClass(j);
  if (/(ed|en|wn)$/.test(lower)) return wordClass === 'VERB' || wordClass === 'ADJ';
  // (An irregular one, "sent", "given": a verb whose lemma is not its spelling.)
  return wordClass === 'VERB' && view.lemma(j) !== lower && !/(s|ing)$/.test(lower);
}

export function resolveSource(
  view: SentenceView,
  span: Span | null,
  occurrences: Occurrence[],
  pack: CompiledPack,
  context: PackContext,
  role: SourceRole,
): SourceRef {
  const forFootage = role === 'footage';
  if (!span || span.end <= span.start) return forFootage ? { kind: 'artifact' } : { kind: 'vague' };
  // "A video posted on Telegram, which appeared to be filmed across the river from the
  // Kremlin, shows …": a place the footage was filmed from or shows is not who posted it.
  // (Nor is anyone named inside a relative clause about the footage: "another video, which was taken
  // from a street that faces the Kremlin, showed …".)
  const relativeAt = forFootage ? view.tokens.findIndex((t, k) => k >= span.start && k < span.end && RELATIVE_WORDS.test(t.lower)) : -1;
  // (Unless the clause says who put it out: "the videos, which were released by the Kremlin press service".)
  const byAgent = (o: Occurrence) => [o.start - 1, o.start - 2].some((k) => view.tokens[k]?.lower === 'by');
  const placeOnly = (o: Occurrence) => forFootage && (isPlace(view, o.start) || (relativeAt >= 0 && o.start > relativeAt && !byAgent(o)));
  // ("UNIDENTIFIED MALE: …", "Unnamed official: …": a speaker label that says it names no one is a vague source.)
  if (role === 'name' && /^(unidentified|unknown|unnamed|anonymous)$/.test(view.tokens[span.start].lower)) return { kind: 'vague' };
  // ("A: …" in an interview: the person interviewed, someone other than the outlet.)
  if (role === 'name' && isAnswerLabel(view.text(span))) return { kind: 'named', name: 'the person interviewed', foreign: false };
  // (A word the pack knows as something else, a place or a thing, is no name: "Kherson: …".)
  if (role === 'name' && !occurrences.some((o) => o.label.startsWith('p:') && inside(o, span))) return unknownName(view, span, occurrences.some((o) => inside(o, span)));
  // "An envoy posted in Moscow", "the raid of drones on the citadel": a party in a
  // post-modifier of a head that speaks for no one is not the source (see postModified).
  const postModifier = forFootage ? undefined : postModified(view, span, occurrences, pack);
  // "The New York Post reported", "The Moscow Times wrote": a news outlet, not a platform's post or the city.
  const outlet = forFootage ? undefined : outletName(view, postModifier ? { start: span.start, end: postModifier.start } : span, pack);
  if (outlet) return outlet;
  const hits = occurrences
    .filter((o) => o.label.startsWith('p:') && inside(o, span) && !placeOnly(o) && !(postModifier && inside(o, postModifier)))
    .map((o) => ({ o, mention: pack.mentions.get(o.label)! }));
  if (role === 'name' && !hits.length) return { kind: 'none' };
  const named = hits.filter((h) => !h.mention.roleOnly);
  // A name inside a quotation is no antecedent for words outside it ("'We don't attack
  // Putin,' he said": he is not Putin).
  const quoted = view.quotedSpans().filter((q) => !(span.start >= q.start && span.end <= q.end));
  // ("Zelensky's adviser Mikhail Podolyak … his suggestion": a possessor whose phrase goes on to
  // name a person is not the one a later pronoun points to; the person named is.)
  const possessorOfNamed = (o: Occurrence) =>
    isPossessiveMark(view.tokens[o.end]?.text ?? '') && occurrences.some((p) => p.start > o.end && p.start - o.end <= 4 && p.end <= span.start && pack.mentions.get(p.label)?.person !== undefined);
  const earlier = occurrences
    .filter((o) => o.label.startsWith('p:') && o.end <= span.start && !quoted.some((q) => o.start >= q.start && o.end <= q.end) && !possessorOfNamed(o))
    .map((o) => pack.mentions.get(o.label)!)
    .filter((m) => !m.roleOnly)
    .map(mentionOf);

  if (named.length && opensWithUnnamedSource(view, span)) return { kind: 'vague' };
  // (Where a relative clause or a participle modifies the head, who is named in it does not speak.)
  let modifierAt = span.end;
  if (named.length && !forFootage) {
    // The head of the phrase must be the name: "a pro-Kremlin television host" is a host.
    const firstEnd = Math.min(...named.map((h) => h.o.end));
    let headEnd = span.end;
    for (let j = firstEnd; j < span.end; j++) {
      // (A relative clause or a participle after the head ends it too: "a Kremlin statement
      // that was read out on television", "a Kremlin statement issued at noon".)
      const modifies = RELATIVE_WORDS.test(view.tokens[j].lower) || (j > firstEnd && postModifyingParticiple(view, j));
      if (view.isPunct(j, ',') || PREPOSITIONS.has(view.tokens[j].lower) || modifies) {
        headEnd = j;
        if (modifies) modifierAt = j;
        break;
      }
    }
    while (headEnd > span.start && (view.tokens[headEnd - 1].kind === TokenKind.Punct || isFiller(view, headEnd - 1))) headEnd--;
    // "the Kremlin's statement", "Zelensky's spokesman": the possessor speaks.
    // ("Kyiv's critics", "Moscow's allies" are others speaking about the possessor.)
    const possessor =
      named.some((h) => h.o.end < span.end && /^['’]s$/.test(view.tokens[h.o.end].text)) && !OUTSIDERS.has(view.tokens[headEnd - 1]?.lower ?? '');
    // "a Ukrainian military intelligence spokesman": a serving spokesperson speaks for the
    // institution that names them; "a former Kremlin adviser" does not.
    const roleHead = headEnd > span.start && ROLE_HEADS.has(view.tokens[headEnd - 1].lower) && named.some((h) => h.o.end < headEnd);
    const speaksFor = roleHead && !view.tokens.slice(span.start, headEnd).some((t) => /^(former|ex|retired|one-time)$/.test(t.lower));
    const headCovered = possessor || speaksFor || named.some((h) => h.o.start < headEnd && h.o.end >= headEnd);
    // A headline's source is a name, with at most a short title before it ("Ukrainian
    // presidential adviser Mykhailo Podolyak: …"), not a clause ("Podolyak made three points:").
    const titled = view.wordCount({ start: span.start, end: headEnd }) <= 6;
    const wholeName = named.some((h) => (h.o.start <= span.start + 1 || titled) && h.o.end >= headEnd);
    // "The Kremlin's version: …" names its source as surely as "The Kremlin: …".
    const possessiveClaim = possessor && headEnd > span.start && view.isCovered(headEnd - 1, FRAME.claimNoun);
    if (role === 'name' && !wholeName && !possessiveClaim) return { kind: 'none' };
    if (!headCovered) return { kind: 'vague' };
  }
  if (named.length) {
    const speakers = named.some((h) => h.o.start < modifierAt) ? named.filter((h) => h.o.start < modifierAt) : named;
    // ("the Kremlin's own Telegram channel": a platform a party owns speaks for the party.)
    const owner = speakers.find((h) => h.mention.party.kind !== 'platform' && isPossessiveMark(view.tokens[h.o.end]?.text ?? '') && speakers.some((o) => o.mention.party.kind === 'platform' && o.o.start > h.o.end && o.o.start - h.o.end <= 3));
    if (owner) return { kind: 'party', partyId: owner.mention.party.id, person: owner.mention.person?.name };
    const people = speakers.filter((h) => h.mention.person);
    const pool = people.length ? people : speakers;
    const chosen = pool.reduce((best, h) => (h.o.end > best.o.end || (h.o.end === best.o.end && h.o.start < best.o.start) ? h : best));
    return { kind: 'party', partyId: chosen.mention.party.id, person: chosen.mention.person?.name };
  }

  // (Words of a post-modifier that names no source are no part of who speaks.)
  const words = view.tokens.slice(span.start, span.end).filter((t, k) => t.kind !== TokenKind.Punct && !isFiller(view, span.start + k) && !(postModifier && span.start + k >= postModifier.start && span.start + k < postModifier.end));
  const first = words[0];
  if (!first) return { kind: 'vague' };

  // ("Kyiv played no part, its diplomats insist": a possessive pronoun before people
  // who speak for an institution points back to it, as "Kyiv's officials" would name it.)
  if (words.length === 2 && (first.lower === 'its' || first.lower === 'their') && (ROLE_HEADS.has(words[1].lower.replace(/s$/, '')) || /^(officials|government|leadership|military)$/.test(words[1].lower))) {
    const antecedent = pronounAntecedent(first.lower === 'its' ? 'it' : 'they', context, earlier);
    if (antecedent && !antecedent.personal) return { kind: 'party', partyId: antecedent.partyId, person: antecedent.person, via: 'pronoun' };
  }
  if (hits.length) {
    // A role noun: "the spokesman", "his adviser", "a presidential aide".
    const indefinite = first.lower === 'a' || first.lower === 'an' || first.lower === 'one';
    if (indefinite) return { kind: 'vague' };
    // "the Russian foreign minister": a word of one party's own names settles a role both sides have.
    // (Only the words around the role: "secretary" in "press secretary" marks nobody.)
    // (A side's word marks only as the capitalised name it is: "head of state" is no "State Department".)
    const spanWords = new Set(words.filter((t) => t.capitalised && !hits.some((h) => t.start >= view.tokens[h.o.start].start && t.end <= view.tokens[h.o.end - 1].end)).map((t) => t.lower));
    const hitParties = new Set(hits.map((h) => h.mention.party.id));
    const marks = (partyId: string) =>
      [...sideWords(pack, partyId)].some((word) => spanWords.has(word) && [...hitParties].every((other) => other === partyId || !sideWords(pack, other).has(word)));
    const marked = hits.filter((h) => marks(h.mention.party.id));
    if (marked.length && new Set(marked.map((h) => h.mention.party.id)).size === 1) {
      return { kind: 'party', partyId: marked[0].mention.party.id, person: marked[0].mention.person?.name, via: 'pointer' };
    }
    const inView = [...earlier, ...(context.lastSource ? [context.lastSource] : []), ...context.mentions];
    const match = hits.find((h) => inView.some((m) => m.partyId === h.mention.party.id));
    // ("the government said", with Kyiv's government named before: which side's, the sentence does not say.)
    if (match) return { kind: 'party', partyId: match.mention.party.id, person: match.mention.person?.name, via: 'role' };
    return { kind: 'unresolved', word: view.text(span) };
  }

  // ("according to him": an object pronoun points back as its subject form does.)
  // ("his broader point – that …": a possessive standing alone as a claim noun's owner points back too.)
  const objectPronoun = OBJECT_PRONOUNS[first.lower] ?? (words.length === 1 ? POSSESSIVE_PRONOUNS[first.lower] : undefined);
  if (words.length <= 2 && (objectPronoun || view.startsWith(view.tokens.indexOf(first), FRAME.pronoun))) {
    const antecedent = pronounAntecedent(objectPronoun ?? first.lower, context, earlier);
    if (antecedent) return { kind: 'party', partyId: antecedent.partyId, person: antecedent.person, via: 'pronoun' };
    // ("A clip spread overnight. It shows …": with no speaker before it, the pronoun is the footage, read below.)
    if (!forFootage) return { kind: 'unresolved', word: first.text };
  }
  const firstIndex = view.tokens.indexOf(first);
  if (first.lower === 'the' && words.length <= 3 && view.startsWith(firstIndex + 1, FRAME.pointer) && !forFootage) {
    const antecedent = context.lastSource ?? earlier[earlier.length - 1];
    return antecedent
      ? { kind: 'party', partyId: antecedent.partyId, person: antecedent.person, via: 'pointer' }
      : { kind: 'unresolved', word: view.text(span) };
  }
  // ("Accompanying text said …", "the text that came with the clip said …": words put out with
  // footage speak for the platform the footage went out on, named here or before; else nobody named.)
  const footageText = words.some((t) => /^(text|caption|captions|description)$/.test(t.lower)) && (words.some((t) => /^accompan/.test(t.lower)) || (view.frame.get(FRAME.footage) ?? []).some((o) => inside(o, span)));
  // "… footage of X on viral on social media": the platform may sit anywhere in the sentence.
  // (Not a label the sentence opens with: "Caption: …" is the outlet's own caption, not the platform's text.)
  const label = (o: Occurrence) => o.start <= firstWord(view) && view.isPunct(o.end, ':');
  const platform = () => occurrences.filter((o) => !label(o)).map((o) => pack.mentions.get(o.label)).find((m) => m && !m.roleOnly && m.party.kind === 'platform');
  const earlierPlatform = () => context.mentions.find((m) => pack.parties.get(m.partyId)?.kind === 'platform');
  if (footageText && !forFootage) {
    const here = platform();
    if (here) return { kind: 'party', partyId: here.party.id };
    const before = earlierPlatform();
    return before ? { kind: 'party', partyId: before.partyId, via: 'pointer' } : { kind: 'vague' };
  }
  if (forFootage) {
    const here = platform();
    if (here) return { kind: 'party', partyId: here.party.id };
    // ("… in footage obtained by a news agency": whoever obtained or released it is named.)
    const provider = providerOf(view, occurrences, pack);
    if (provider) return provider;
    // "The video shows …" after a sentence that said where the video was posted.
    // ("…, photo by NAME": a credit names whoever posted it, a channel the pack may not know.)
    const credited = unknownName(view, span);
    if (credited.kind === 'named' && !(view.frame.get(FRAME.footage) ?? []).some((o) => inside(o, span))) return credited;
    // ("The second shows …": another clip than the one whose platform was named.)
    const another = words.some((t) => /^(second|third|other|another|latter)$/.test(t.lower));
    const pointsBack = /^(the|this|that|these|those|it)$/.test(first.lower) && !another;
    const before = earlierPlatform();
    return pointsBack && before ? { kind: 'party', partyId: before.partyId, via: 'pointer' } : { kind: 'artifact' };
  }

  const vagueHeads = (view.frame.get(FRAME.vagueSource) ?? []).filter((o) => inside(o, span));
  const lastWord = view.tokens.indexOf(words[words.length - 1]);
  // "Russian generals": the head noun decides — a group, not a name.
  if (vagueHeads.some((o) => o.end - 1 === lastWord)) return { kind: 'vague' };
  // ("the German newspaper Bild", "an article in a Polish weekly": an outlet passes on what
  // others claim, whatever its name.)
  const media = pack.pack.parties.find((party) => party.kind === 'media');
  if (media && words.some((t) => OUTLET_NOUNS.has(t.lower))) return { kind: 'party', partyId: media.id };
  const names = words.filter((t) => t.capitalised && t.kind === TokenKind.Word && !isCommonWord(t.lower));
  const foreign = words.some((t) => FOREIGN.has(t.lower));
  if (names.length && !view.headline) return { kind: 'named', name: names.map((t) => t.text).join(' '), foreign };
  if (vagueHeads.length) return { kind: 'vague' };
  if (names.length) return { kind: 'named', name: names.map((t) => t.text).join(' '), foreign };
  // "The Institute believes …", "the committee wrote on its Telegram channel": an institution
  // the pack does not know still speaks; who it is, the reporter should check.
  // ("the think tank's latest assessment": a document of someone the pack does not know.)
  // The head ends the first phrase: "The Institute for the Study of War" is an institute.
  const headAt = words.findIndex((t, k) => k > 0 && view.startsWith(view.tokens.indexOf(t), FRAME.preposition));
  const head = words[headAt > 0 ? headAt - 1 : words.length - 1];
  const documentOf = view.isCovered(view.tokens.indexOf(head), FRAME.claimNoun) && view.tokens.slice(span.start, span.end).some((t) => isPossessiveMark(t.text));
  // (A headline's title case hides nothing: "…, Think Tank Says".)
  if ((first.lower === 'the' || view.headline) && (INSTITUTIONS.has(head.lower) || documentOf)) return { kind: 'named', name: view.text(span), foreign: false };
  // ("a Western estimate", "an intelligence assessment": a word that says only which camp or
  // trade the owner belongs to names nobody, as "Western sources" do.)
  const unarticled = words.filter((t) => !/^(a|an|the)$/.test(t.lower));
  // ("according to the message that went out alongside it": unnamed words that went out with something name nobody.)
  if (/^(text|message|caption|wording)$/.test(unarticled[0]?.lower ?? '')) return { kind: 'vague' };
  // ("Western estimates", "according to a Western estimate": the camp word with only a document after it.)
  const campOnly =
    unarticled.length > 0 &&
    /^(western|foreign|intelligence|diplomatic|official|military)$/.test(unarticled[0].lower) &&
    unarticled.slice(1).every((t) => DOCUMENTS.has(t.lower) || view.isCovered(view.tokens.indexOf(t), FRAME.claimNoun));
  if (campOnly) return { kind: 'vague' };
  return { kind: 'none' };
}

// Heads that speak for whoever follows them in "of/to/for": "a spokesman for the Kremlin",
// "an adviser to Zelensky", "the press service of the Kremlin", "the president of Ukraine".
const SPEAKS_FOR_HEADS = new Set([
  ...ROLE_HEADS, ...INSTITUTIONS, 'government', 'administration', 'presidency', 'president', 'leadership', 'press', 'side',
  'officials', 'official', 'spokespeople', 'secretary', 'deputy', 'member', 'members', 'staff', 'team', 'representatives',
  'spokesmen', 'spokeswomen', 'ministers', 'aides', 'advisers', 'advisors', 'diplomats', 'envoys', 'ambassadors', 'heads', 'leaders',
]);
const DOCUMENTS = new Set(['readout', 'readouts', 'website', 'communique', 'communiqué', 'briefing', 'transcript', 'estimates', 'estimate', 'release', 'letter', 'note', 'tweets', 'posts', 'page', 'account', 'channel', 'feed', 'broadcast', 'interview', 'bulletin', 'summary', 'records', 'data', 'figures', 'assessment', 'update', 'analysis']);
const SPEAKS_FOR_PREPOSITIONS = new Set(['of', 'to', 'for']);

/**
 * Where the post-modifiers of a source phrase start, when a party named in them is not the
 * source: the head of the phrase is followed by a preposition or a participle ("an envoy
 * posted in Moscow", "a reporter in Kyiv", "the raid of drones on the citadel"),
 * unless the head is a role that speaks for the party named right after "of/to/for"
 * ("a spokesman for the Kremlin", "an adviser to Zelensky"). Undefined when nothing is cut.
 */
function postModified(view: SentenceView, span: Span, occurrences: Occurrence[], pack: CompiledPack): Span | undefined {
  const names = occurrences.filter((o) => o.label.startsWith('p:') && inside(o, span));
  // (Only a noun phrase has a head: not "according to X".)
  if (!names.length || view.startsWith(span.start, FRAME.preposition) || view.isCovered(span.start, FRAME.according)) return undefined;
  const inName = (j: number) => names.some((o) => o.start < j && j < o.end);
  const boundaryAt = (j: number) => {
    if (inName(j)) return false;
    const token = view.tokens[j];
    if (token.kind === TokenKind.Punct) return false;
    // ("Institute for the Study of War", "Ministry of Foreign Affairs": a preposition inside a capitalised name.)
    // (A capital that only starts the sentence makes no name: "Residents of Moscow reported …".)
    const sentenceStart = firstWord(view) === j - 1;
    const capitalisedName = view.tokens[j - 1]?.capitalised && view.tokens[j + 1]?.capitalised && !names.some((o) => o.end === j) &&
      (!sentenceStart || INSTITUTIONS.has(view.tokens[j - 1].lower) || view.headline);
    if (view.startsWith(j, FRAME.preposition) && !capitalisedName && !isPossessiveMark(token.text)) return true;
    // "stationed in", "based in", "speaking to": a participle after the head noun.
    const participle = /(ed|ing)$/.test(token.lower) && !token.capitalised && view.wordClass(j) === 'VERB' && /^(NOUN|PROPN)$/.test(view.wordClass(j - 1) ?? '');
    return participle || /^(who|which|that)$/.test(token.lower);
  };
  // The head comes first: at least one word before the boundary.
  let at = span.start + 1;
  while (at < span.end && !boundaryAt(at)) at++;
  if (at >= span.end || !names.some((o) => o.start >= at)) return undefined;
  // "a statement from the Kremlin", "a readout posted by the Pentagon", "videos on Telegram":
  // what a document or a recording says is its author's, wherever the author is named.
  const head = view.tokens[at - 1].lower;
  if (view.isCovered(at - 1, FRAME.claimNoun) || view.isCovered(at - 1, FRAME.footage) || view.isCovered(at - 1, FRAME.pointer) && !ROLE_HEADS.has(head) || DOCUMENTS.has(head)) return undefined;
  // "a spokesman for the Kremlin": a role, then the party it speaks for, in the first phrase after it.
  // ("a lab hired by Clean Taps", "a group working for the Kremlin": the party acts through it.)
  const agent = /^(by|for)$/.test(view.tokens[at + 1]?.lower ?? '') && !view.startsWith(at, FRAME.preposition) ? at + 1 : -1;
  // ("Aides of the president and Zelensky himself": a coordinated noun phrase has a head of its own.)
  let end = at;
  while (end < span.end && !/^(and|or)$/.test(view.tokens[end].lower)) end++;
  const cut = (from: number): Span | undefined => (from < end && names.some((o) => o.start >= from && o.start < end) ? { start: from, end } : undefined);
  // ("Russia's ambassador to the United States": a head owned by a party speaks for its owner,
  // not for the party it is sent to.)
  const owned = names.some((o) => o.end < at && isPossessiveMark(view.tokens[o.end]?.text ?? ''));
  if (((SPEAKS_FOR_HEADS.has(head) && SPEAKS_FOR_PREPOSITIONS.has(view.tokens[at].lower)) || agent > 0) && !owned) {
    const from = agent > 0 ? agent : at;
    // ("the head of the press service of the Kremlin": a chain of "of" is one phrase.)
    let next = from + 1;
    while (next < end && !(boundaryAt(next) && view.tokens[next].lower !== 'of')) next++;
    if (names.some((o) => o.start > from && o.start < next && !pack.mentions.get(o.label)?.roleOnly)) return cut(next);
  }
  return cut(at);
}

// Last words of a news outlet's name: "The New York Post", "the Jerusalem Post", "The Moscow Times".
/** Common nouns for a news outlet. */
const OUTLET_NOUNS = new Set(['newspaper', 'newspapers', 'tabloid', 'tabloids', 'weekly', 'broadsheet', 'magazine', 'broadcaster', 'outlet', 'outlets', 'daily']);
const OUTLET_WORDS = new Set(['post', 'times', 'journal', 'herald', 'telegraph', 'tribune', 'gazette', 'guardian', 'independent', 'observer', 'mirror', 'express', 'standard', 'chronicle', 'examiner', 'inquirer', 'courier', 'daily', 'news', 'pravda', 'izvestia']);

/** "The New York Post", "the Kyiv Post": a capitalised name ending in an outlet word is a news outlet, read as the pack's media party. */
function outletName(view: SentenceView, span: Span, pack: CompiledPack): SourceRef | undefined {
  let end = span.end;
  while (end > span.start && view.tokens[end - 1].kind === TokenKind.Punct) end--;
  let start = span.start;
  while (start < end && view.isCovered(start, FRAME.determiner)) start++;
  if (end - start < 2 || view.headline) return undefined;
  const tokens = view.tokens.slice(start, end);
  if (!tokens.every((t) => t.capitalised && t.kind === TokenKind.Word) || !OUTLET_WORDS.has(tokens[tokens.length - 1].lower)) return undefined;
  const media = pack.pack.parties.find((party) => party.kind === 'media');
  return media ? { kind: 'party', partyId: media.id } : { kind: 'named', name: view.text({ start, end }), foreign: false };
}

/**
 * A headline's colon source the pack does not know: a short name ("ISW: …", "Institute for the
 * Study of War: …") is someone speaking, whom the reporter should check; ordinary words
 * ("Breaking: …", "Drone attack: …") are no source.
 */
const OUTLET_HEADS = /^(times|post|news|journal|herald|tribune|telegraph|guardian|gazette|review|monitor|observer|independent|express|mirror|standard|chronicle|inquirer|examiner|courier|insider|weekly|daily|today)$/;

/** The labels of an interview's turns: "Q:" is the outlet asking, "A:" the person who answers. */
export const isQuestionLabel = (text: string): boolean => /^(q|question|interviewer)$/i.test(text);
export const isAnswerLabel = (text: string): boolean => /^(a|answer)$/i.test(text);

const STORY_LABELS = /^(explainer|factbox|factcheck|timeline|podcast|live|liveblog|livestream|analysis|opinion|commentary|exclusive|breaking|update|watch|video|videos|photo|photos|picture|pictures|image|images|caption|still|gallery|recap|roundup|wrap|q&a|faq|transcript|title|verdict|unproven|misleading|unverified|illustration|graphic|map|chart|infographic)$/;

/** A word that labels a kind of story ("Breaking", "Analysis", "Explainer"), not a source. */
export const isStoryLabel = (word: string): boolean => STORY_LABELS.test(word.toLowerCase());

function unknownName(view: SentenceView, span: Span, packWord = false): SourceRef {
  const tokens = view.tokens.slice(span.start, span.end).filter((t) => t.kind !== TokenKind.Punct);
  const words = tokens.filter((t) => t.kind === TokenKind.Word);
  // (A time stamp, "10.42 BST:", is no name.)
  if (words.length < tokens.length) return { kind: 'none' };
  const small = (t: { lower: string }) => /^(of|for|the|and|on|in)$/.test(t.lower);
  const acronym = (t: { text: string; lower: string }) => t.text.length >= 2 && /^\p{Lu}+$/u.test(t.text) && !isCommonWord(t.lower) && !/^(bst|gmt|utc|cet|cest|est|edt|pst|pdt|msk|eet|eest)$/.test(t.lower);
  // ("Maduro: …", "Japan: …": one capitalised word that is no ordinary word and no label of a
  // kind of story, "Explainer: …", is a name too.)
  // ("China: …": a country that is an ordinary word too, "china", is a name where the tagger reads one.)
  const properNoun = () => view.wordClass(view.tokens.indexOf(words[0])) === 'PROPN';
  const single = words.length === 1 && !packWord && words[0].capitalised && (!isCommonWord(words[0].lower) || properNoun()) && !isStoryLabel(words[0].lower);
  const name = words.length > 0 && words.length <= 6 && words.every((t) => acronym(t) || (t.capitalised && !isCommonWord(t.lower)) || small(t)) && words.some(acronym) ||
    (words.length >= 2 && words.length <= 6 && words.every((t) => (t.capitalised && !isCommonWord(t.lower)) || small(t))) || single;
  // ("Institute for the Study of War", "Ministry of Defence": an institution named by what it is for.)
  const institution = words.length >= 3 && words.length <= 8 && INSTITUTIONS.has(words[0].lower) && /^(of|for)$/.test(words[1].lower);
  // ("Minsk envoy", "Syrian foreign ministry": a capitalised place or people before a role or an institution.)
  const last = words[words.length - 1]?.lower ?? '';
  const titled = words.length >= 2 && words.length <= 4 && words[0].capitalised && (ROLE_HEADS.has(last) || INSTITUTIONS.has(last));
  // ("Global Times", "Daily Herald": capitalised words ending in a newspaper's kind of name.)
  const outlet = words.length >= 2 && words.length <= 5 && words.every((t) => t.capitalised || small(t)) && OUTLET_HEADS.test(last);
  // ("… – lawmaker", "… – officials": an unnamed role is a vague source.)
  if (!name && !institution && !titled && !outlet && words.length <= 3 && view.isCovered(span.end - 1, FRAME.vagueSource)) return { kind: 'vague' };
  if (!name && !institution && !titled && !outlet) return { kind: 'none' };
  return { kind: 'named', name: view.text(span), foreign: false };
}

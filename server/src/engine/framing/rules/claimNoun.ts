import type { SentenceView, Span } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { adjunctOnly, afterTimePhrase, afterTimeStamp, clauseEndAfter, clauseStartBefore, firstWord, isPossessiveMark, isSubjectBoundary, nextIndexOf, sentenceStartBefore, trimSpan } from '../clauses';
import type { Cue, SentenceRule } from './types';

/**
 * Nouns that carry a statement: "Russia's claim that …", "claims by Moscow that …", "The
 * Kremlin's version: …", "in Moscow's telling, …"; with no source, "the claim that …" names
 * the content without anyone asserting it.
 */
export const claimNoun: SentenceRule = {
  id: 'claim-noun',
  summary: "X's claim that CONTENT / the claim by X that CONTENT / X's version: CONTENT; \"the claim that\" alone is a mention.",
  examples: [
    { text: "Russia's claim that Kyiv sent the drones was denied.", source: 'Russia', content: 'Kyiv sent the drones' },
    { text: "In Moscow's telling, Kyiv sent the drones.", source: 'Moscow', content: 'Kyiv sent the drones' },
    { text: "By the Kremlin's own account, both machines were brought down.", source: 'the Kremlin', content: 'both machines were brought down' },
    { text: "The leader, by his own aide's account, spent the night out of town.", source: 'his own aide', content: "The leader, by his own aide's account, spent the night out of town." },
    { text: "The leader was, by his aide's account, out of town that night.", source: 'his aide', content: "The leader was, by his aide's account, out of town that night." },
    { text: "The leader stayed in town, by his aide's account, and the guards did not.", source: 'his aide', content: 'The leader stayed in town' },
    { text: "Putin, by his aide's account, was out of town.", source: 'his aide', content: "Putin, by his aide's account, was out of town." },
    { text: "Even by the Kremlin's own account, the leader was out of town.", source: 'the Kremlin', content: 'the leader was out of town' },
    { text: "The Kremlin's line, that it will hit back in its own time, has not changed.", source: 'The Kremlin', content: 'it will hit back in its own time' },
    { text: "Kyiv's denial in Helsinki: Ukraine fights only on its own land.", source: 'Kyiv', content: 'Ukraine fights only on its own land' },
    { text: "State papers printed the ministry's account more or less intact: partisans, not Kyiv.", source: 'the ministry', content: 'partisans, not Kyiv' },
    { text: "State papers printed the ministry's account nearly word for word: partisans, not Kyiv.", source: 'the ministry', content: 'partisans, not Kyiv' },
    { text: "Kyiv's blunt rebuttal from Helsinki: Ukraine fights only on its own land.", source: 'Kyiv', content: 'Ukraine fights only on its own land' },
    { text: "Kyiv's denial was blunt: Ukraine fights only on its own land.", source: 'Kyiv', content: 'Ukraine fights only on its own land.' },
    { text: "Kyiv's reply, given in Oslo, was curt: Ukraine fights only on its own land.", source: 'Kyiv', content: 'Ukraine fights only on its own land.' },
    { text: "Moscow's story is well known by now: two drones, both jammed over the dome.", source: 'Moscow', content: 'two drones, both jammed over the dome.' },
    { text: "The ministry's version hasn't changed: both machines were jammed.", source: 'The ministry', content: 'both machines were jammed.' },
    { text: "The ministry's version has not changed at all: both machines were jammed.", source: 'The ministry', content: 'both machines were jammed.' },
    { text: "Moscow's version goes like this: two drones flew at the citadel.", source: 'Moscow', content: 'two drones flew at the citadel.' },
    { text: 'The official story from Moscow is simple: two drones flew at the citadel.', source: 'Moscow', content: 'two drones flew at the citadel.' },
    { text: 'The official line has not shifted at all: two drones, both jammed.', source: 'The official line', content: 'two drones, both jammed.' },
    { text: "The key line of Moscow's statement, in our translation: Russia may hit back when it chooses.", source: 'Moscow', content: 'Russia may hit back when it chooses.' },
    { text: "Kyiv's fear, voiced by its envoy, is that Moscow will use the raid as a pretext.", source: 'Kyiv', content: 'Moscow will use the raid as a pretext.' },
    { text: 'The statement ends with a warning: Moscow will answer at a time of its choosing.', source: 'The statement', content: 'Moscow will answer at a time of its choosing' },
    { text: 'Her deputy Ivan Sydor had a simpler theory: local rebels flying shop-bought drones.', source: 'Her deputy Ivan Sydor', content: 'local rebels flying shop-bought drones' },
    { text: 'Kyiv offered another explanation: a set-up staged by Moscow.', source: 'Kyiv', content: 'a set-up staged by Moscow' },
    { text: 'The ministry issued a statement on the night raid on the citadel.', source: 'The ministry', content: 'the night raid on the citadel' },
    { text: 'The ministry put out a statement about the night raid on the citadel.', source: 'The ministry', content: 'the night raid on the citadel' },
    { text: 'Sydor, a deputy minister, has floated a fourth scenario: rebels inside Russia.', source: 'Sydor', content: 'rebels inside Russia' },
    { text: '16:30 – The statement ends with a warning: Moscow will answer at a time of its choosing.', source: 'The statement', content: 'Moscow will answer at a time of its choosing' },
    { text: "The ministry's note closes with a warning: Moscow will answer in its own time.", source: "The ministry's note", content: 'Moscow will answer in its own time' },
    { text: "The papers led with Kyiv's denial, given at a press conference abroad: it fights only at home.", source: 'Kyiv', content: 'it fights only at home' },
    { text: "The Kremlin's statement was dramatic: two drones, both downed.", source: 'The Kremlin', content: 'two drones, both downed' },
    { text: 'State radio carried the assurance, from the Kremlin, that Putin was safe.', source: 'the Kremlin', content: 'Putin was safe' },
    { text: "Papers led with Peskov's remark to reporters that Putin was safe.", source: 'Peskov', content: 'Putin was safe' },
    { text: "Papers carried Zelensky's words from Helsinki that Ukraine fights only at home.", source: 'Zelensky', content: 'Ukraine fights only at home' },
    { text: "Medvedev's call to punish Kyiv went unanswered.", source: 'Medvedev', content: 'punish Kyiv' },
    { text: 'His theory about partisans flying the drones belongs in quotation marks.', source: 'His', content: 'partisans flying the drones belongs in quotation marks' },
    { text: "The worry is the ministry's language about answering when and where it likes.", source: 'the ministry', content: 'answering when and where it likes' },
    { text: "The paper picked up Medvedev's call, on his channel, for the Kyiv leadership to be removed.", source: 'Medvedev', content: 'the Kyiv leadership to be removed' },
    { text: "The ministry's account, given hours later, is that both machines were jammed.", source: 'The ministry', content: 'both machines were jammed' },
    { text: "Kyiv's view, and its envoy has said so plainly, is that Moscow staged the raid.", source: 'Kyiv', content: 'Moscow staged the raid.' },
    { text: "Moscow's threat on Monday that it might strike back has not been withdrawn.", source: 'Moscow', content: 'it might strike back' },
    { text: "Traders watch the Kremlin's vow to hit back at a time of its choosing.", source: 'the Kremlin', content: 'hit back at a time of its choosing' },
    { text: 'Moscow has not made good on its threat to hit back.', source: 'its', content: 'hit back' },
    { text: 'The radio led with the words of Peskov that Putin was safe.', source: 'Peskov', content: 'Putin was safe' },
    { text: 'Reactions ranged up to the call of Dmitry Medvedev for the removal of the Kyiv leadership.', source: 'Dmitry Medvedev', content: 'the removal of the Kyiv leadership' },
    { text: 'The daily ran the view of a Ukrainian presidential adviser that Moscow staged the raid.', source: 'a Ukrainian presidential adviser', content: 'Moscow staged the raid' },
    { text: 'Agencies carried the assurance of Kremlin spokesman Dmitry Peskov that Putin was safe.', source: 'Kremlin spokesman Dmitry Peskov', content: 'Putin was safe' },
    { text: 'The official account of the Press Service is that both drones were jammed.', source: 'the Press Service', content: 'both drones were jammed' },
    { text: 'Well, in the version of the Kremlin, both machines were jammed.', source: 'the Kremlin', content: 'both machines were jammed' },
    { text: 'The main theme is the statement of the Kremlin about a night raid on the citadel.', source: 'the Kremlin', content: 'a night raid on the citadel' },
    { text: "Moscow's version of events – two drones, flown by Kyiv – is repeated on state television.", source: 'Moscow', content: 'two drones, flown by Kyiv' },
    { text: "His broader point – that Moscow will use the raid as a pretext – is harder to dismiss.", source: 'His', content: 'Moscow will use the raid as a pretext' },
    { text: "The ministry's explanation (both machines jammed over the dome) raised eyebrows.", source: 'The ministry', content: 'both machines jammed over the dome' },
    { text: 'The enemy lost more than 9,000 men near the town, by one Pentagon estimate.', source: 'Pentagon', content: 'The enemy lost more than 9,000 men near the town' },
    { text: 'State radio ran the Defence Ministry statement almost in full: two machines, both jammed over the dome.', source: 'Defence Ministry', content: 'two machines, both jammed over the dome.' },
    { text: "Kyiv's more speculative theory, that partisans flew the drones, got less attention.", source: 'Kyiv', content: 'partisans flew the drones' },
    { text: 'The claim that Kyiv sent the drones is unproven.', content: 'Kyiv sent the drones' },
    { text: 'Statements from Kyiv that it was not involved do not persuade Moscow.', source: 'Kyiv', content: 'it was not involved' },
    { text: 'Quick denials by Kyiv of any part in the raid settled nothing.', source: 'Kyiv', content: 'any part in the raid' },
    { text: 'Claims by the Ministry of Defence that both machines were downed went unchallenged.', source: 'the Ministry of Defence', content: 'both machines were downed' },
    { text: 'Radio ran the charge by Ivan Sydor, a deputy minister, that Moscow staged the raid.', source: 'Ivan Sydor', content: 'Moscow staged the raid' },
    { text: "It followed Moscow's claim Kyiv had sent the drones.", source: 'Moscow', content: 'Kyiv had sent the drones' },
    { text: 'Officials offered no proof for the allegation of an attempt on the life of the president.', content: 'an attempt on the life of the president' },
    { text: 'The main accusation was that Kyiv had plotted against the president.', content: 'Kyiv had plotted against the president' },
    { text: "Moscow's version is that two drones were brought down.", source: 'Moscow', content: 'two drones were brought down' },
    { text: "Both clips are now central to Moscow's case that Kyiv plotted against the leader.", source: 'Moscow', content: 'Kyiv plotted against the leader' },
    { text: 'The minister urged caution over the Kremlin account of a drone raid by Kyiv.', source: 'Kremlin', content: 'a drone raid by Kyiv' },
    { text: 'Minister Says Treat Kremlin Report of Drone Raid by Kyiv With Caution', headline: true, source: 'Kremlin', content: 'Drone Raid by Kyiv' },
    { text: 'Radio carried a warning from presidential adviser Petro Sydor that Moscow was planning a provocation.', source: 'presidential adviser Petro Sydor', content: 'Moscow was planning a provocation' },
    { text: 'Radio carried word from Sydor, who spoke once the night raid on the citadel was over, that Moscow was planning a provocation.', source: 'Sydor', content: 'Moscow was planning a provocation' },
    { text: 'And Kremlin threats to hit back in its own time no longer frighten anyone.', source: 'Kremlin', content: 'hit back in its own time' },
    { text: "Kyiv answered Moscow's statement threatening revenge for the raid.", source: 'Moscow', content: 'threatening revenge for the raid' },
  ],
  read(view, earlier) {
    const taken = new Set<number>();
    for (const cue of earlier) if (cue.kind === 'verb') for (let j = cue.word.start; j < cue.word.end; j++) taken.add(j);
    const cues: Cue[] = [];
    for (const occurrence of view.frame.get(FRAME.claimNoun) ?? []) {
      if (taken.has(occurrence.start)) continue; // already read as a verb: "Ukraine claims that"
      const cue = nounCue(view, occurrence.start, occurrence.end);
      if (cue) cues.push(cue);
    }
    return cues;
  },
};

/** Nouns that commit their owner to a deed named after "to": a vow, a threat, a promise. */
const COMMITTING_NOUNS = /^(vows?|threats?|promises?|pledges?)$/;
/** Nouns that ask for what follows "for" or "to": a call, a demand, an appeal. */
const ACCOUNT_NOUNS = /^(statements?|line|version|account|story|narrative|message|words|claims?|explanation|position|case)$/;
const CALLING_NOUNS = /^(calls?|demands?|appeals?)$/;

const SAYING_PARTICIPLES = /^(saying|threatening|accusing|claiming|calling|warning|blaming|describing|alleging|insisting|denying|vowing|promising)$/;

/** Nouns that name words as disputed, not merely carry them ("the claim", not "the post"). */
export const NAMING_NOUNS = /^(claims?|possibility|possibilities|allegations?|accusations?|charges?|reports?|rumou?rs?|suggestions?|theory|theories|contention|speculation|ideas?|notions?)$/;

/** A subject and its verb start at i (a name, a pronoun or a determined noun, then a verb within a few words). */
function startsClause(view: SentenceView, i: number): boolean {
  if (i >= view.length || !/^(PROPN|PRON|DET|NOUN)$/.test(view.wordClass(i) ?? '')) return false;
  for (let j = i + 1; j < Math.min(view.length, i + 5); j++) {
    if (view.isPunct(j)) return false;
    if (view.isVerbal(j)) return true;
  }
  return false;
}

/** A name after "of" ("of Peskov", "of the Kremlin"), up to "that", "about", "on" or a comma. */
function ownerAfterOf(view: SentenceView, from: number): Span | undefined {
  let start = from;
  if (view.isCovered(start, FRAME.determiner) && view.tokens[start + 1]?.capitalised) start++;
  if (!view.tokens[start]?.capitalised || view.isPunct(start)) return undefined;
  let end = start;
  while (end < view.length && end < start + 5 && view.tokens[end].capitalised && !view.isPunct(end)) end++;
  // ("the view of a Ukrainian presidential adviser that …", "the assurance of Kremlin spokesman
  // Dmitry Peskov that …": title words may follow the capitalised words, and a name after them.)
  let role = end;
  while (role < view.length && role < end + 3 && /^(ADJ|NOUN)$/.test(view.wordClass(role) ?? '') && !view.tokens[role].capitalised && !view.isPunct(role)) role++;
  const title = role > end && (view.isCovered(role - 1, FRAME.vagueSource) || /^(adviser|advisor|aide|spokesman|spokeswoman|spokesperson|official|minister|envoy|president)$/.test(view.tokens[role - 1].lower));
  if (title) {
    let name = role;
    while (name < view.length && name < role + 4 && view.tokens[name].capitalised && !view.isPunct(name)) name++;
    if (view.tokens[name]?.lower === 'that') end = name;
  }
  const after = view.tokens[end]?.lower ?? '';
  // (Or a comma: "in the version of the Kremlin, …", which the caller reads only when fronted.)
  // ("the call of Dmitry Medvedev for …": what is called for follows.)
  // ("The official account of the press service is that …")
  const isThat = view.isCovered(end, FRAME.be) && view.tokens[end + 1]?.lower === 'that';
  return /^(that|about|on|regarding|for)$/.test(after) || isThat || view.isPunct(end, ',') ? { start: from, end } : undefined;
}

/** "Zelensky's blunt denial": a word the tagger reads as a verb, straight after the possessive and before the noun, is its modifier. */
function modifierTaggedVerb(view: SentenceView, k: number): boolean {
  return isPossessiveMark(view.tokens[k - 1]?.text ?? '') && !view.tokens[k].capitalised && view.wordClass(k) === 'VERB' && !/(ing|ed|s)$/.test(view.tokens[k].lower);
}

/** "Zelensky's Helsinki line": one name straight after the possessive, before the noun, says where it was given. */
function placeAfterPossessor(view: SentenceView, k: number): boolean {
  return isPossessiveMark(view.tokens[k - 1]?.text ?? '') && view.tokens[k].capitalised && view.wordClass(k) === 'PROPN';
}

function nounCue(view: SentenceView, i: number, e: number): Cue | null {
  // Only a noun: "the claim that", "Russia's claim", not "it is claimed that", "claiming"
  // ("in Moscow's telling" is a noun after its possessor).
  const word = view.tokens[i].lower;
  // ("the Kremlin's own account", "Zelensky's more speculative theory": "own" or up to three
  // adjectives may stand between the possessor and the noun.)
  // (The spelling first: the tagger is asked only when a possessive stands a few words before.)
  let markAt = i - 1;
  const ownerNear = [i - 2, i - 3, i - 4].some((k) => k >= 0 && (isPossessiveMark(view.tokens[k].text) || /^(his|her|its|their)$/.test(view.tokens[k].lower)));
  while (ownerNear && markAt > 0 && markAt >= i - 3 && (view.tokens[markAt].lower === 'own' || /^(more|most|less|broader|wider|main|central|latest|earlier|initial|first|official)$/.test(view.tokens[markAt].lower) || (view.wordClass(markAt) === 'ADJ' && !view.tokens[markAt].capitalised) || modifierTaggedVerb(view, markAt) || placeAfterPossessor(view, markAt))) markAt--;
  // ("his broader point – that …": a possessive pronoun is the possessor itself.)
  // (Not before a participle: "its claimed attribution" has no claim noun.)
  const pronounOwner = markAt >= 0 && /^(his|her|its|their)$/.test(view.tokens[markAt].lower) && !/ed$/.test(word);
  const possessed = markAt >= 0 && (isPossessiveMark(view.tokens[markAt].text) || pronounOwner);
  // ("Kyiv's fear … is that …" is Kyiv's; "there are fears that …" is a vague hedge, read as one.)
  // ("His answer was blunt: …" is his; "the answer is that …" with no owner is the writer's.)
  // ("Moscow's case that …" is Moscow's; "in case", "the case of" carry no words.)
  if (/^(fears?|answers?|repl(y|ies)|points?|case)$/.test(word) && !possessed) return null;
  const modifier = possessed ? null : namedModifier(view, i);
  // ("The official line is unchanged: …": an official account whose owner goes unnamed is a
  // vague source for what the colon opens.)
  if (!possessed && !modifier && view.tokens[i - 1]?.lower === 'official' && view.isCovered(i - 2, FRAME.determiner) && ACCOUNT_NOUNS.test(word)) {
    const said = view.isPunct(e, ':') ? { start: e + 1, end: clauseEndAfter(view, e + 1) } : colonAfterBe(view, e);
    if (said) return { kind: 'noun', polarity: 'assert', word: { start: i, end: e }, source: { start: i - 2, end: e }, scopes: [said], hedged: false };
  }
  const colonLead = nounBeforeColon(view, i, e);
  const withColon = colonLead >= 0;
  // ("a warning from NAME that …": a noun in -ing after an article, its source after "from" or "by".)
  const sourcedAfter = /^(from|by)$/.test(view.tokens[e]?.lower ?? '') && view.isCovered(i - 1, FRAME.determiner);
  if ((/(ed|ing)$/.test(word) && !possessed && !modifier && !withColon && !sourcedAfter) || (i > 0 && (view.isCovered(i - 1, FRAME.be) || view.isCovered(i - 1, FRAME.modal) || view.startsWith(i - 1, FRAME.pronoun)))) return null;
  let source: Span | null = null;
  let next = e;
  if (possessed) {
    // The possessor: names and determiners just before "'s" ("the Kremlin's", "Kremlin
    // spokesman Dmitry Peskov's"), never the verb before them.
    let start = markAt;
    // ("by his own spokesman's account": a common noun, with "own" and a possessive pronoun
    // before it, names the possessor too.)
    const inPossessor = (k: number) => view.tokens[k].capitalised || view.isCovered(k, FRAME.determiner) || view.isCovered(k, FRAME.possessivePronoun) || view.tokens[k].lower === 'own' || view.wordClass(k) === 'NOUN';
    // (A determiner or a possessive pronoun opens the noun phrase: nothing before it is the possessor's.)
    const opensPhrase = (k: number) => view.isCovered(k, FRAME.determiner) || view.isCovered(k, FRAME.possessivePronoun);
    while (!pronounOwner && start > 0 && markAt - start < 5 && !isSubjectBoundary(view, start - 1) && !view.startsWith(start - 1, FRAME.preposition) && inPossessor(start - 1) && !(start < markAt && opensPhrase(start))) start--;
    source = pronounOwner ? { start: markAt, end: markAt + 1 } : trimSpan(view, { start, end: markAt });
    const said = source.end > source.start ? possessiveFrameScope(view, source.start, e) : null;
    if (said) return { kind: 'noun', polarity: 'assert', word: { start: i, end: e }, source, scopes: [said], hedged: false };
  } else if (modifier) {
    // "the Kremlin report of a drone attack by Kyiv": a name before the noun is whose it is.
    source = modifier;
    // ("…, by one White House estimate.", "By the Kremlin account, …": framed as "by X's estimate" is.)
    let by = modifier.start - 1;
    if (/^(one|a|an|the)$/.test(view.tokens[by]?.lower ?? '')) by--;
    if (by >= 0 && /^(by|in)$/.test(view.tokens[by].lower)) {
      const said = possessiveFrameScope(view, by + 1, e);
      if (said) return { kind: 'noun', polarity: 'assert', word: { start: i, end: e }, source, scopes: [said], hedged: false };
    }
  } else if (withColon) {
    // ("The statement closes with a warning: …": the noun after "with a", then a colon, carries
    // the words of the subject the sentence opens with: the words before its verb.)
    // ("16:30 – The Kremlin statement ends with a warning: …": a live blog's time stamp is no part of the subject.)
    const opens = afterTimeStamp(view, 0, true);
    let verb = opens;
    const possessive = (k: number) => isPossessiveMark(view.tokens[k].text);
    let subjectEnd = -1;
    while (verb < colonLead) {
      if (possessive(verb) || (!view.isVerbal(verb) && !view.isPunct(verb))) {
        verb++;
        continue;
      }
      // ("Sydor, a deputy minister, has floated a fourth scenario: …": an apposition set off by commas.)
      const close = view.isPunct(verb, ',') && subjectEnd < 0 ? nextIndexOf(view, verb + 1, ',') : view.length;
      if (close >= colonLead || close - verb > 8) break;
      subjectEnd = verb;
      verb = close + 1;
    }
    const subject = trimSpan(view, { start: opens, end: subjectEnd >= 0 ? subjectEnd : verb });
    if (verb <= colonLead && view.isVerbal(verb) && view.wordCount(subject) > 0 && view.wordCount(subject) <= 5) return { kind: 'noun', polarity: 'assert', word: { start: i, end: e }, source: subject, scopes: [{ start: next + 1, end: clauseEndAfter(view, next + 1) }], hedged: false };
  } else if (view.tokens[next]?.lower === 'of' && ownerAfterOf(view, next + 1) !== undefined) {
    // ("the words of Peskov that …", "the statement of the Kremlin about …": translated copy names whose words with "of".)
    const owner = ownerAfterOf(view, next + 1)!;
    if (view.isPunct(owner.end, ',')) {
      // ("In the version of the Kremlin, the drones were …": fronted by "in" or "by", it frames the clause after the comma.)
      const opener = view.isCovered(i - 1, FRAME.determiner) ? i - 2 : i - 1;
      if (!/^(in|by)$/.test(view.tokens[opener]?.lower ?? '')) return null;
      return { kind: 'noun', polarity: 'assert', word: { start: i, end: e }, source: owner, scopes: [{ start: owner.end + 1, end: clauseEndAfter(view, owner.end + 1) }], hedged: false };
    }
    source = owner;
    next = owner.end;
  } else if (next < view.length && (view.startsWith(next, FRAME.by) || view.tokens[next].lower === 'from')) {
    // ("The official story from Moscow is simple: …": a name, "be" and a word or two, then a colon.)
    let name = next + 1;
    while (name < view.length && name < next + 5 && view.tokens[name].capitalised && !view.isPunct(name)) name++;
    if (name > next + 1 && view.isCovered(name, FRAME.be)) {
      for (let k = name + 1; k < Math.min(view.length, name + 4); k++) {
        if (view.isPunct(k, ':')) return { kind: 'noun', polarity: 'assert', word: { start: i, end: e }, source: { start: next + 1, end: name }, scopes: [{ start: k + 1, end: clauseEndAfter(view, k + 1) }], hedged: false };
        if (view.isPunct(k)) break;
      }
    }
    const end = nextIndexOf(view, next + 1, ',;');
    let stop = next + 1;
    // (The source ends at "that", or at "of" before a word that names no one: "denials by Kyiv of
    // any role", not "claims by the Ministry of Defence".)
    while (stop < end && !view.startsWith(stop, FRAME.that) && !(stop > next + 1 && view.tokens[stop].lower === 'of' && !view.tokens[stop + 1]?.capitalised)) stop++;
    source = trimSpan(view, { start: next + 1, end: stop });
    next = stop;
    // ("the charge by NAME, an adviser to the president, that …": an apposition after the name.)
    // ("word from NAME, who spoke once both drones had been downed, that …": or a relative clause.)
    const close = view.isPunct(next, ',') ? nextIndexOf(view, next + 1, ',') : view.length;
    const relative = /^(who|whose)$/.test(view.tokens[next + 1]?.lower ?? '');
    if (close < view.length && close - next <= (relative ? 16 : 8) && view.tokens[close + 1]?.lower === 'that') next = close + 1;
  } else if (view.isPunct(next, ',') && /^(from|by)$/.test(view.tokens[next + 1]?.lower ?? '')) {
    // ("the assurance, from Dmitry Peskov, that …": the source set off by commas, then the content.)
    const close = nextIndexOf(view, next + 2, ',;');
    if (close < view.length && view.isPunct(close, ',') && view.startsWith(close + 1, FRAME.that) && view.wordCount({ start: next + 2, end: close }) <= 6) {
      source = trimSpan(view, { start: next + 2, end: close });
      next = close + 1;
    }
  }
  // ("The Kremlin's line, that it will hit back, …": a that-clause set off by a comma after a
  // possessed noun is its content, in apposition.)
  // ("Peskov's remark to RIA Novosti that …": whom it was said to stands between the noun and its content.)
  // ("Zelensky's words from Helsinki that …": or where it was said.)
  if (possessed && /^(to|in|on|from|at)$/.test(view.tokens[next]?.lower ?? '')) {
    let k = next + 1;
    while (k < view.length && k < next + 6 && !view.isPunct(k) && !view.isVerbal(k) && !view.startsWith(k, FRAME.that)) k++;
    if (view.startsWith(k, FRAME.that)) next = k;
  }
  // ("the Kremlin's warning last week that …": a time phrase may stand between the noun and its content.)
  if (possessed) {
    const afterTime = afterTimePhrase(view, next, Math.min(view.length, next + 5));
    if (afterTime > next && view.startsWith(afterTime, FRAME.that)) next = afterTime;
  }
  // ("NAME's call, issued on his channel, for a rival's removal": a short aside set off by
  // commas between the noun and what it carries.)
  let asideClosed = false;
  if (possessed && view.isPunct(next, ',') && view.tokens[next + 1]?.lower !== 'that') {
    let close = next + 1;
    // (The aside may open with a participle: "issued on his channel".)
    while (close < view.length && close < next + 8 && !view.isPunct(close) && (!view.isVerbal(close) || (close === next + 1 && !/(ing|s)$/.test(view.tokens[close].lower)))) close++;
    const opens = view.tokens[close + 1]?.lower ?? '';
    // (Or "is that": "The Kremlin's account, given hours later, is that …".)
    const isThat = view.isCovered(close + 1, FRAME.be) && view.tokens[close + 2]?.lower === 'that';
    if (close > next + 1 && view.isPunct(close, ',') && (opens === 'that' || isThat || (/^(for|to)$/.test(opens) && (CALLING_NOUNS.test(view.tokens[e - 1].lower) || COMMITTING_NOUNS.test(view.tokens[e - 1].lower))))) {
      next = isThat ? close + 2 : close + 1;
      asideClosed = true;
    } else {
      // ("Kyiv's view, and Podolyak has been clear on this, is that …": before "is that" the aside may hold a clause.)
      let far = next + 1;
      while (far < view.length && far < next + 15 && !view.isPunct(far)) far++;
      if (view.isPunct(far, ',') && view.isCovered(far + 1, FRAME.be) && view.tokens[far + 2]?.lower === 'that') {
        next = far + 2;
        asideClosed = true;
      }
    }
  }
  const apposed = possessed && view.isPunct(next, ',–—') && view.tokens[next + 1]?.lower === 'that';
  if (apposed) next++;
  // "The charge was that …", "Moscow's version is that …": the noun, "be", then its content.
  if (view.isCovered(next, FRAME.be) && view.tokens[next + 1]?.lower === 'that' && !view.isCovered(next + 1, FRAME.be)) next++;
  let scope: Span | null = null;
  // ("his theory about Russian partisans …": a possessed noun of speculation carries what it is about.)
  const aboutTheory = possessed && /^(theory|theories|speculation|suggestion|hypothesis|idea|line|language|rhetoric)$/.test(view.tokens[e - 1].lower) && next === e;
  if (source && view.wordCount(source) > 0 && /^(about|on|regarding)$/.test(view.tokens[next]?.lower ?? '') && (view.tokens[next - 1]?.capitalised || aboutTheory)) {
    // ("the statement of the Kremlin about a night raid": what the words are about is theirs to carry.)
    scope = { start: next + 1, end: clauseEndAfter(view, next + 1) };
  } else if (next < view.length && (view.startsWith(next, FRAME.that) || view.tokens[next].lower === 'of')) {
    const end = clauseEndAfter(view, next + 1);
    scope = { start: view.tokens[next].lower === 'that' && CALLING_NOUNS.test(view.tokens[e - 1].lower) ? next : next + 1, end: apposed ? Math.min(end, nextIndexOf(view, next + 1, ',–—')) : end };
  } else if (source && view.wordCount(source) > 0 && startsClause(view, next)) {
    // "Russia's claim Ukraine launched the drones": the clause follows without "that".
    scope = { start: next, end: clauseEndAfter(view, next) };
  } else if (source && view.wordCount(source) > 0 && (asideClosed || (view.tokens[e]?.lower === 'of' && CALLING_NOUNS.test(view.tokens[e - 1].lower))) && /^(for|to)$/.test(view.tokens[next]?.lower ?? '')) {
    // (After the aside: "Medvedev's call, on social media, for …".)
    scope = { start: next + 1, end: clauseEndAfter(view, next + 1) };
  } else if (source && view.wordCount(source) > 0 && /^(for|to)$/.test(view.tokens[e - 1].lower) && next === e) {
    // ("Medvedev's call to kill Zelensky", "his demand for revenge": what is called for follows the noun's preposition.)
    scope = { start: next, end: clauseEndAfter(view, next) };
  } else if (source && view.wordCount(source) > 0 && COMMITTING_NOUNS.test(view.tokens[e - 1].lower) && view.tokens[next]?.lower === 'to' && view.wordClass(next + 1) === 'VERB') {
    // ("the Kremlin's vow to retaliate", "its threat to hit back": what is vowed follows "to".)
    scope = { start: next + 1, end: clauseEndAfter(view, next + 1) };
  } else if (source && view.wordCount(source) > 0 && SAYING_PARTICIPLES.test(view.tokens[next]?.lower ?? '')) {
    // "Moscow's statement threatening retaliation": a participle of saying after the noun.
    scope = { start: next, end: clauseEndAfter(view, next + 1) };
  }
  // ("State outlets ran the Kremlin line without a hint of doubt: a drone strike on …", "RT ran
  // the Kremlin statement almost in full – a drone strike …": a few words with no verb after a
  // noun whose owner is named, then a colon or a dash: what follows is the noun's content.)
  // (Only a noun for an account, not a figure: "Bakhmut toll: …" names a place, not who counts.)
  if (!scope && source && view.wordCount(source) > 0 && ACCOUNT_NOUNS.test(view.tokens[e - 1].lower) && !view.headline) {
    let k = next;
    while (k < view.length && k < next + 7 && !view.isPunct(k) && !view.isVerbal(k)) k++;
    if (view.isPunct(k, ':') || (view.isPunct(k, '–—') && k + 1 < view.length)) {
      const end = view.isPunct(k, ':') ? clauseEndAfter(view, k + 1) : Math.min(clauseEndAfter(view, k + 1), nextIndexOf(view, k + 1, '–—'));
      if (view.wordCount({ start: k + 1, end }) > 0) scope = { start: k + 1, end };
    }
  }
  // ("the Kremlin's explanation (two drones jammed over the Senate) is odd": a bracket right
  // after a possessed noun holds its content.)
  if (!scope && possessed && view.isPunct(next, '(')) {
    const close = nextIndexOf(view, next + 1, ')');
    if (close < view.length && view.wordCount({ start: next + 1, end: close }) >= 3) scope = { start: next + 1, end: close };
  }
  if (!scope) return null;
  if (source && view.wordCount(source) > 0) {
    return { kind: 'noun', polarity: 'assert', word: { start: i, end: e }, source, scopes: [scope], hedged: false };
  }
  // "the claim that ...", "reports that ...", "the allegation of an attempt on his life": the
  // content is named, nobody asserts it. ("news of the strike" takes it as given.)
  if (view.tokens[next]?.lower !== 'that' && !(view.tokens[next]?.lower === 'of' && NAMING_NOUNS.test(view.tokens[e - 1].lower))) return null;
  return { kind: 'noun', polarity: 'mention', word: { start: i, end: e }, source: null, scopes: [scope], hedged: false };
}

/**
 * "… closes with a warning: …", "Podolyak had a different theory: …", "Kyiv offered another
 * explanation: …": the noun after an article (and up to two adjectives), after "with", "in" or a
 * verb of having or offering, then a colon; or after a verb of putting out, then "on" or "about"
 * ("issued a statement on …"). The index of that word, or -1.
 */
function nounBeforeColon(view: SentenceView, i: number, e: number): number {
  // ("The ministry put out a statement on the night raid": what a statement put out is about is its issuer's to carry.)
  const topic = /^(on|about|regarding)$/.test(view.tokens[e]?.lower ?? '');
  if (!view.isPunct(e, ':') && !topic) return -1;
  let article = i - 1;
  while (article > i - 3 && article > 0 && view.wordClass(article) === 'ADJ' && !view.tokens[article].capitalised) article--;
  if (!/^(a|an|another|one)$/.test(view.tokens[article]?.lower ?? '') || article < 1) return -1;
  const before = view.tokens[article - 1].lower;
  // ("put out a statement on …": the particle after "put".)
  if (topic) return /^(issued|issues|released|releases|published|publishes)$/.test(before) || (before === 'out' && /^(put|puts)$/.test(view.tokens[article - 2]?.lower ?? '')) ? article - 1 : -1;
  return /^(with|in|had|has|have|offered|offers|gave|gives|floated|floats|advanced|proposed)$/.test(before) ? article - 1 : -1;
}

/** Capitalised words right before the noun at i, after a determiner, a verb or a boundary: "the Kremlin report". */
function namedModifier(view: SentenceView, i: number): Span | null {
  let start = i;
  while (start > 0 && i - start < 3 && view.tokens[start - 1].capitalised && !view.isVerbal(start - 1) && !view.isCovered(start - 1, FRAME.determiner) && !/^(and|but|or|so)$/.test(view.tokens[start - 1].lower)) start--;
  if (start === i) return null;
  // (A capital opening the sentence need not be a name: "Quick denials by Kyiv".)
  if (start === firstWord(view) && !view.headline) return null;
  const before = start - 1;
  // ("the official Russian reading": an adjective may come between the determiner and the name.)
  // ("by one White House estimate": "one" opens it as an article does.)
  const opens = before < firstWord(view) || (before === firstWord(view) && /^(and|but|or|so)$/.test(view.tokens[before].lower)) || view.isCovered(before, FRAME.determiner) || view.tokens[before].lower === 'one' || (view.wordClass(before) === 'ADJ' && !view.tokens[before].capitalised) || view.isVerbal(before) || isSubjectBoundary(view, before) || view.startsWith(before, FRAME.preposition);
  return opens ? { start, end: i } : null;
}

/**
 * "… was blunt: CONTENT": "be" at e, a word or two, then a colon; what follows the colon.
 * ("… is familiar by now: …", "… has not changed: …": a short predicate of "be" or "have"
 * with no name in it, up to five words.)
 */
function colonAfterBe(view: SentenceView, e: number): Span | null {
  const perfect = /^(has|have|had|hasn't|haven't|hadn't)$/.test(view.tokens[e]?.lower ?? '');
  if (!view.isCovered(e, FRAME.be) && !perfect) return null;
  for (let k = e + 1; k < Math.min(view.length, e + 6); k++) {
    if (view.isPunct(k, ':')) return k > e + 1 ? { start: k + 1, end: clauseEndAfter(view, k + 1) } : null;
    // ("Zelensky's denial was blunt: …": the word right before the colon is the predicate, whatever the tagger calls it.)
    // (Not a name, an agent or a clause: "… was dismissed by Kyiv: …" says who answered it.)
    const agent = view.tokens[k].lower === 'by' && !/^(now|then|far)$/.test(view.tokens[k + 1]?.lower ?? '');
    if (view.isPunct(k) || view.tokens[k].capitalised || agent || /^(that|which|who|and|but)$/.test(view.tokens[k].lower)) break;
  }
  return null;
}

/**
 * What "X's account" frames without "that": the clause after "The Kremlin's version:", the
 * clause after "In Moscow's telling," or the clause before "…, in Moscow's telling."
 */
function possessiveFrameScope(view: SentenceView, possessorStart: number, e: number): Span | null {
  if (view.isPunct(e, ':')) return { start: e + 1, end: clauseEndAfter(view, e + 1) };
  // ("The Kremlin's version goes like this: …", "… runs as follows: …")
  if (/^(goes|went|runs|ran|reads|read)$/.test(view.tokens[e]?.lower ?? '') && /^(like|as)$/.test(view.tokens[e + 1]?.lower ?? '') && /^(this|follows)$/.test(view.tokens[e + 2]?.lower ?? '') && view.isPunct(e + 3, ':')) return { start: e + 4, end: clauseEndAfter(view, e + 4) };
  // ("Zelensky's denial in Helsinki: …", "Moscow's version of events – …": a short phrase after
  // the noun, then a colon or a dash that opens the content.)
  // ("The Kremlin's statement was dramatic: …": the noun, "be" and a word or two, then a colon.)
  const predicated = colonAfterBe(view, e);
  if (predicated) return predicated;
  // ("Zelensky's denial, delivered in Helsinki: …": a participle phrase set off by a comma may
  // stand between the noun and the colon, or "be" and its word: "…, delivered in Helsinki, was blunt: …".)
  if (view.isPunct(e, ',') && view.wordClass(e + 1) === 'VERB' && !/(ing|s)$/.test(view.tokens[e + 1]?.lower ?? '')) {
    for (let k = e + 2; k < Math.min(view.length, e + 8); k++) {
      if (view.isPunct(k, ':')) return { start: k + 1, end: clauseEndAfter(view, k + 1) };
      if (view.isPunct(k, ',')) return colonAfterBe(view, k + 1);
      if (view.isPunct(k) || view.isVerbal(k)) break;
    }
  }
  // ("the Kremlin's statement, in our translation: …": a phrase set off by a comma may stand before the colon.)
  if (view.isPunct(e, ',') && view.startsWith(e + 1, FRAME.preposition)) {
    for (let k = e + 2; k < Math.min(view.length, e + 7); k++) {
      if (view.isPunct(k, ':')) return { start: k + 1, end: clauseEndAfter(view, k + 1) };
      if (view.isPunct(k) || view.isVerbal(k)) break;
    }
  }
  // ("… printed the ministry's version nearly word for word: …": a phrase of manner opening with an adverb, too.)
  for (let k = e; k < Math.min(view.length, e + 5); k++) {
    if (view.isPunct(k, ':')) return k > e && (view.startsWith(e, FRAME.preposition) || view.wordClass(e) === 'ADV') ? { start: k + 1, end: clauseEndAfter(view, k + 1) } : null;
    // ("word for word" is one adverb, whatever the tagger makes of its first word.)
    if (view.tokens[k].lower === 'word' && view.tokens[k + 1]?.lower === 'for' && view.tokens[k + 2]?.lower === 'word') {
      k += 2;
      continue;
    }
    if (view.isPunct(k, '–—') && (k === e || view.startsWith(e, FRAME.preposition))) {
      let close = k + 1;
      while (close < view.length && !view.isPunct(close, '–—')) close++;
      // ("Zelensky's line from Helsinki – that Ukraine …": the that-clause between the dashes.)
      const from = view.tokens[k + 1]?.lower === 'that' ? k + 2 : k + 1;
      return close > from ? { start: from, end: close } : null;
    }
    if (view.isPunct(k) || view.isVerbal(k)) break;
  }
  const at = possessorStart - 1;
  // ("By the Kremlin's account, …" frames as "In Moscow's telling, …" does.)
  if (at < 0 || !/^(in|by)$/.test(view.tokens[at].lower)) return null;
  const clauseStart = clauseStartBefore(view, at);
  // ("Even by the Kremlin's own account, …": an adverb before the phrase leaves it fronted.)
  if (view.wordCount({ start: clauseStart, end: at }) > 0 && !adjunctOnly(view, clauseStart, at)) {
    // ("Putin, by his spokesman's account, was at Novo-Ogaryovo": set off between a subject
    // with no verb of its own and its predicate, the phrase frames the whole clause.)
    // ("Putin was, by his spokesman's account, not even there": or after its auxiliary.)
    const auxiliary = (k: number) => k >= 0 && (view.isCovered(k, FRAME.be) || view.isCovered(k, FRAME.modal) || /^(has|have|had)$/.test(view.tokens[k].lower));
    const subjectOnly = view.isPunct(at - 1, ',') && !view.tokens.slice(clauseStart, at - 1).some((_, k) => view.isVerbal(clauseStart + k) && !auxiliary(clauseStart + k));
    const predicate = view.isVerbal(e + 1) || auxiliary(at - 2);
    if (subjectOnly && view.isPunct(e, ',') && predicate) return { start: clauseStart, end: clauseEndAfter(view, e + 1) };
    // "…, in Moscow's telling." — only when the phrase closes the clause.
    return e >= view.length || view.isPunct(e, ',.;!?') ? { start: sentenceStartBefore(view, at), end: at } : null;
  }
  return view.isPunct(e, ',') ? { start: e + 1, end: clauseEndAfter(view, e + 1) } : null;
}

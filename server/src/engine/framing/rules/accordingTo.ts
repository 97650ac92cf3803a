import type { SentenceView, Span } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { clauseEndAfter, clauseStartBefore, isContrast, nextIndexOf, sentenceStartBefore, trimSpan } from '../clauses';
import { postModifyingParticiple, RELATIVE_WORDS } from '../sources';
import type { Cue, SentenceRule } from './types';

/** "According to X, CONTENT" / "CONTENT, according to X": X frames its clause on either side. */
export const accordingTo: SentenceRule = {
  id: 'according-to',
  summary: 'According to X, CONTENT / CONTENT, according to X.',
  examples: [
    { text: 'According to the text accompanying that clip, neighbours heard two bangs.', source: 'the text accompanying that clip', content: 'neighbours heard two bangs' },
    { text: 'According to the Kremlin, two drones were disabled.', source: 'the Kremlin', content: 'two drones were disabled' },
    { text: 'Two drones were disabled, according to the Kremlin.', source: 'the Kremlin', content: 'Two drones were disabled' },
    { text: 'Fragments landed inside the walls, but no one was injured, according to the Kremlin.', source: 'the Kremlin', content: 'Fragments landed inside the walls, but no one was injured' },
    { text: 'According to the Kremlin, two drones were disabled; both fell inside the walls.', source: 'the Kremlin', content: 'both fell inside the walls' },
    { text: 'Putin continues to work according to his usual schedule.', reads: false },
    { text: 'According to information shared by Moscow, two drones were disabled.', source: 'information shared by Moscow', content: 'two drones were disabled' },
    { text: 'According to the Kremlin, two drones came, but both were downed.', source: 'the Kremlin', content: 'two drones came, but both were downed' },
    { text: 'According to him, two drones were disabled.', source: 'him', content: 'two drones were disabled' },
    { text: 'The leader was out of town, according to what his aide Ivan Sydor told a radio station.', source: 'his aide Ivan Sydor', content: 'The leader was out of town' },
    { text: 'According to the ministry, although debris fell inside the walls, no one was hurt.', source: 'the ministry', content: 'although debris fell inside the walls, no one was hurt' },
    { text: 'The culprit was Kyiv, which according to Moscow flew two drones at the citadel.', source: 'Moscow', content: 'flew two drones at the citadel' },
    { text: 'Both were jammed, the ministry wrote in a statement, according to which nobody was hurt.', source: 'a statement', content: 'nobody was hurt' },
    { text: 'Judging by the clip that surfaced online, the first drone burst into flames.', source: 'the clip that surfaced online', content: 'the first drone burst into flames' },
  ],
  read(view) {
    return (view.frame.get(FRAME.according) ?? []).flatMap(({ start: i, end: e }): Cue[] => {
      const relative = antecedentOfWhich(view, i, e);
      if (relative) return [{ kind: 'according', polarity: 'assert', word: { start: i, end: e + 1 }, source: relative, scopes: [{ start: e + 1, end: clauseEndAfter(view, e + 1) }], hedged: false }];
      // ("Kyiv, which according to the Kremlin sent two drones, …": with no comma, the source ends at the clause's verb.)
      const verb = verbAfterName(view, e, nextIndexOf(view, e, ',;:'));
      if (verb !== undefined) {
        const source = trimSpan(view, { start: e, end: verb });
        return canSpeak(view, source) ? [{ kind: 'according', polarity: 'assert', word: { start: i, end: e }, source, scopes: [{ start: verb, end: clauseEndAfter(view, verb) }], hedged: false }] : [];
      }
      const sourceEnd = nextIndexOf(view, e, ',;:');
      const source = whoseWords(view, trimSpan(view, { start: e, end: sourceEnd }));
      if (!canSpeak(view, source)) return [];
      // ("A, but B and C, according to X.": closing the sentence, it frames every clause before it
      // up to a semicolon, as an end attribution does.)
      const closesSentence = view.isPunct(i - 1, ',') && (sourceEnd >= view.length || (sourceEnd === view.length - 1 && view.isPunct(sourceEnd, '.!')));
      const clauseStart = closesSentence ? sentenceStartBefore(view, i) : clauseStartBefore(view, i);
      const scopes: Span[] = [];
      if (view.wordCount({ start: clauseStart, end: i }) > 0) scopes.push({ start: clauseStart, end: i });
      if (sourceEnd < view.length && view.isPunct(sourceEnd, ',')) {
        // ("According to the Kremlin, A; B.": opening the sentence, it frames the clauses its
        // semicolons join, up to a contrast.)
        // ("According to X, although A, B": a concession that opens what X says is part of it.)
        let end = clauseEndAfter(view, isContrast(view, sourceEnd + 1) ? sourceEnd + 2 : sourceEnd + 1);
        // (And the clauses a "but" joins on: "According to X, two drones came, but both were downed".)
        if (view.wordCount({ start: clauseStart, end: i }) === 0) while (end < view.length && (view.isPunct(end, ';') || /^(but|yet)$/.test(view.tokens[end].lower))) end = clauseEndAfter(view, end + 1);
        scopes.push({ start: sourceEnd + 1, end });
      }
      return [{ kind: 'according', polarity: 'assert', word: { start: i, end: e }, source, scopes, hedged: false }];
    });
  },
};

/**
 * "…, it said in a communiqué, according to which fragments fell …": "which" stands for the noun
 * phrase before the comma, the text that speaks; the phrase runs back to a preposition or a verb.
 */
function antecedentOfWhich(view: SentenceView, i: number, e: number): Span | undefined {
  if (!/^(which|whom)$/.test(view.tokens[e]?.lower ?? '') || !view.isPunct(i - 1, ',')) return undefined;
  let start = i - 1;
  while (start > 0 && !view.isPunct(start - 1) && !view.startsWith(start - 1, FRAME.preposition) && !view.isVerbal(start - 1)) start--;
  const source = trimSpan(view, { start, end: i - 1 });
  return view.wordCount(source) > 0 && view.wordCount(source) <= 6 && canSpeak(view, source) ? source : undefined;
}

/** "according to what the spokesman told reporters": the subject of the clause after "what" is the source. */
function whoseWords(view: SentenceView, source: Span): Span {
  if (view.tokens[source.start]?.lower !== 'what') return source;
  for (let j = source.start + 2; j < source.end; j++) if (view.isVerbal(j) && !view.tokens[j].capitalised) return trimSpan(view, { start: source.start + 1, end: j });
  return source;
}

/** A finite verb right after a name between from and end ("according to the Kremlin sent …"); not a participle ("shared by Moscow"). */
function verbAfterName(view: SentenceView, from: number, end: number): number | undefined {
  // ("figures according to which Russia has lost …": the relative "which" is no source.)
  // ("according to what the spokesman told …": what was said, then who said it.)
  if (RELATIVE_WORDS.test(view.tokens[from]?.lower ?? '') || view.tokens[from]?.lower === 'what') return undefined;
  for (let j = from + 1; j < end; j++) {
    // ("according to a statement that the Kremlin issued": a relative clause's verb is the source's own.)
    if (RELATIVE_WORDS.test(view.tokens[j].lower)) return undefined;
    if (!/^(VERB|AUX)$/.test(view.wordClass(j) ?? '') || !view.tokens[j - 1].capitalised || view.wordClass(j - 1) !== 'PROPN') continue;
    return /ing$/.test(view.tokens[j].lower) || /^(by|to)$/.test(view.tokens[j + 1]?.lower ?? '') ? undefined : j;
  }
  return undefined;
}

/**
 * "according to his usual schedule", "according to plan": a source is a name, a pronoun or a
 * noun that can speak or carry words (an official, a statement, a report, a video).
 */
function canSpeak(view: SentenceView, source: Span): boolean {
  if (view.wordCount(source) === 0) return true;
  let head = source.end - 1;
  // The head ends the first phrase: "the Kremlin in a statement" → "Kremlin".
  for (let j = source.start; j < source.end; j++) {
    // (A relative clause ends it too: "the video that appeared online" → "video".)
    // (And a participle in -ing: "the text accompanying that video" → "text".)
    const presentParticiple = /ing$/.test(view.tokens[j].lower) && view.wordClass(j) === 'VERB' && view.wordClass(j - 1) === 'NOUN';
    if (j > source.start && (view.startsWith(j, FRAME.preposition) || RELATIVE_WORDS.test(view.tokens[j].lower) || postModifyingParticiple(view, j) || presentParticiple)) {
      head = j - 1;
      break;
    }
  }
  const token = view.tokens[head];
  const named = view.tokens.slice(source.start, source.end).some((t, k) => t.capitalised && view.wordClass(source.start + k) === 'PROPN');
  return (
    named ||
    token.capitalised ||
    view.wordClass(head) === 'PROPN' ||
    view.startsWith(head, FRAME.pronoun) ||
    /^(him|her|them)$/.test(token.lower) ||
    // ("according to information shared by …", "according to US intelligence", "according to the
    // text accompanying the video")
    /^(information|data|intelligence|findings|details|text|caption|captions|description)$/.test(token.lower) ||
    [FRAME.pointer, FRAME.vagueSource, FRAME.claimNoun, FRAME.footage].some((label) => view.isCovered(head, label))
  );
}

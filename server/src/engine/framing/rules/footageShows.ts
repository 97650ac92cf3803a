import { FRAME } from '../../lexicon/english';
import { clauseEndAfter, clauseStartBefore, negates, nextIndexOf, opensClauseWithSubject, trimSpan } from '../clauses';
import { CREDIT_WORDS } from '../pictureCredit';
import type { SentenceView, Span } from '../../analysis/sentence';
import type { Cue, SentenceRule } from './types';

/**
 * "A video posted on Telegram shows CONTENT": the footage is the source. The footage phrase
 * starts after any reporting verb or "that" before it: in "Peskov said video showed …" the
 * source of what is shown is the video, not Peskov.
 */

/**
 * A credit line that ends the sentence after i: "…, photo by NAME", "… Credit: NAME",
 * "… (video: NAME)". The name opens with a capital and runs to the end.
 */
function pictureCredit(view: SentenceView, i: number): Span | undefined {
  let end = view.length;
  while (end > i && view.isPunct(end - 1, '.!)')) end--;
  for (let k = end - 2; k > i && k >= end - 7; k--) {
    if (!CREDIT_WORDS.test(view.tokens[k].lower) || !(view.tokens[k + 1]?.lower === 'by' || view.isPunct(k + 1, ':'))) continue;
    if (k > 0 && !view.isPunct(k - 1, ',;(–—-') && !/^\d/.test(view.tokens[k - 1].text)) continue;
    const name = { start: k + 2, end };
    const words = view.tokens.slice(name.start, name.end);
    return words.length > 0 && words[0].capitalised && words.every((t, n) => t.capitalised || !view.isVerbal(name.start + n)) ? name : undefined;
  }
  return undefined;
}

/**
 * A caveat later in the sentence that the footage is not verified ("…, but the footage is
 * unverified", "…, which could not be independently confirmed"): a hedge with no source.
 */
export function unverifiedCaveat(view: SentenceView, from: number, to = view.length): Span | undefined {
  for (let k = from; k < to; k++) {
    const lower = view.tokens[k].lower;
    if (lower === 'unverified' || lower === 'unconfirmed') return { start: k, end: k + 1 };
    if (!/^(verif|confirm|authenticat)/.test(lower)) continue;
    for (let j = k - 1; j >= from && j >= k - 5; j--) if (view.isCovered(j, FRAME.negator)) return { start: j, end: k + 1 };
  }
  return undefined;
}

/** What the footage shows opens with a hedge: "shows what is believed to be …", "what looks like …". */
function hedgedObject(view: SentenceView, e: number): Span | undefined {
  if (view.tokens[e]?.lower !== 'what') return undefined;
  const verb = e + 1;
  const hedge = [...(view.frame.get(FRAME.seem) ?? []), ...(view.frame.get(FRAME.hedge) ?? [])].find((o) => o.start === verb);
  if (hedge) return hedge;
  const passive = view.isCovered(verb, FRAME.be) && view.isCovered(verb + 1, FRAME.passiveReport) && view.tokens[verb + 2]?.lower === 'to';
  return passive ? { start: verb, end: verb + 3 } : undefined;
}

/** Where ", and" (or ", but") opens a clause with a subject and a verb of its own between from and end; end if none does. */
function coordinatedClauseAt(view: SentenceView, from: number, end: number): number {
  for (let k = from + 1; k < end - 2; k++) {
    if (view.isPunct(k, ',') && /^(and|but)$/.test(view.tokens[k + 1].lower) && opensClauseWithSubject(view, k + 2, Math.min(end, k + 8))) return k;
  }
  return end;
}

const STAND_INS = /^(first|second|third|fourth|other|latter|former|last|later|earlier|another)$/;

/** "The second", "the other" (and an aside set off by commas after it) right before the verb at i: footage whose noun is left out. */
function elidedFootage(view: SentenceView, i: number): Span | undefined {
  let end = i;
  if (view.isPunct(end - 1, ',')) {
    let open = end - 2;
    while (open > 0 && !view.isPunct(open, ',;:') && end - open < 12) open--;
    if (!view.isPunct(open, ',')) return undefined;
    end = open;
  }
  // ("two clips shared online; one shows …": "one" opening a clause after footage named in the sentence stands for it.)
  const opensClause = (k: number) => k === 0 || view.isPunct(k - 1, ',;:') || /^(and|but|while)$/.test(view.tokens[k - 1]?.lower ?? '');
  // ("One, posted on a Telegram channel, shows …": an aside saying where it went out marks "one" as footage named before.)
  const saysWhereItWentOut = end < i && view.tokens.slice(end, i).some((t) => /^(on|online|by)$/.test(t.lower));
  if (view.tokens[end - 1]?.lower === 'one' && opensClause(end - 1) && (saysWhereItWentOut || (view.frame.get(FRAME.footage) ?? []).some((o) => o.end < end - 1))) return { start: end - 1, end };
  // ("The first one shows …": "one" after the ordinal stands for the footage too.)
  const word = view.tokens[end - 1]?.lower === 'one' && end >= 2 ? end - 2 : end - 1;
  if (word < 0 || !STAND_INS.test(view.tokens[word].lower)) return undefined;
  const start = word > 0 && /^(the|a|an)$/.test(view.tokens[word - 1].lower) ? word - 1 : word;
  // (At the start of a clause: "the second shows", not "a second blast shows".)
  return start === 0 || view.isPunct(start - 1, ',;:') || /^(and|but|while)$/.test(view.tokens[start - 1]?.lower ?? '') ? { start, end } : undefined;
}

export const footageShows: SentenceRule = {
  id: 'footage-shows',
  summary: 'FOOTAGE shows / appears to show CONTENT: the footage frames what it shows (hedged with "appears").',
  examples: [
    { text: 'A video posted on Telegram shows smoke above the Kremlin.', source: 'A video posted on Telegram', content: 'smoke above the Kremlin' },
    { text: 'The first clip was filmed from across the river and shows smoke above the citadel.', source: 'The first clip', content: 'smoke above the citadel' },
    { text: 'The video, broadcast overnight on Telegram, was filmed from the far bank and shows smoke above the citadel.', source: 'The video, broadcast overnight on Telegram, was filmed from the far bank and', content: 'smoke above the citadel' },
    { text: 'Two clips went online overnight; one shows smoke above the citadel.', source: 'one', content: 'smoke above the citadel' },
    { text: 'One, shared on a Moscow Telegram channel, shows grey smoke over the citadel.', source: 'One, shared on a Moscow Telegram channel', content: 'grey smoke over the citadel' },
    { text: 'State television keeps running a clip of a flash over the dome that first showed up on Telegram.', reads: false },
    { text: 'A frame from a clip shows a bright flash above the Senate dome, photo by Moscow Night Watch', source: 'Moscow Night Watch', content: 'a bright flash above the Senate dome' },
    { text: 'Two flashes lit up the sky above the Kremlin, footage checked by the Daily Herald showed.', source: 'footage checked by the Daily Herald', content: 'Two flashes lit up the sky above the Kremlin' },
    { text: 'A second clip shows a flash over the dome, though nobody has verified it.', source: 'A second clip', content: 'a flash over the dome', hedged: true },
    { text: 'Another clip shows what is thought to be tracer fire over the river.', source: 'Another clip', content: 'tracer fire over the river', hedged: true },
    { text: 'A clip said to be showing sparks over the river went round the channels.', source: 'A clip said to be', content: 'sparks over the river', hedged: true },
    { text: 'A later clip is believed to show sparks over the river.', source: 'A later clip is believed to', content: 'sparks over the river', hedged: true },
    { text: 'A third clip, which could not be confirmed, shows sparks over the river.', source: 'A third clip, which could not be confirmed', content: 'sparks over the river', hedged: true },
    // (A pronoun opening the clause: the source reader decides whether it is the footage.)
    { text: 'It shows a flash above the Senate dome.', source: 'It', content: 'a flash above the Senate dome' },
    { text: 'What it shows is a flash above the Senate dome.', source: 'What it', content: 'a flash above the Senate dome' },
    { text: 'What the clip does not show is any bid on the leader’s life.', source: 'What the clip does not', content: 'any bid on the leader’s life', polarity: 'deny' },
    // (An ordinal standing for footage named before.)
    { text: 'The second shows a flash above the Senate dome.', source: 'The second', content: 'a flash above the Senate dome' },
    { text: 'The first one, which a Telegram channel carried, shows grey smoke by the dome.', content: 'grey smoke by the dome' },
    { text: 'The other, shot from the bridge, shows smoke over the dome.', source: 'The other, shot from the bridge', content: 'smoke over the dome' },
    { text: 'A clip posted on Telegram shows smoke over the dome, and neighbours heard two bangs.', source: 'A clip posted on Telegram', content: 'smoke over the dome' },
  ],
  read(view) {
    const cues: Cue[] = [];
    for (const { start: i, end: e } of view.frame.get(FRAME.show) ?? []) {
      // ("footage that first showed up on Telegram": to show up is to appear, not to show.)
      if (view.tokens[e]?.lower === 'up') continue;
      const clauseStart = clauseStartBefore(view, i);
      const footage = (view.frame.get(FRAME.footage) ?? []).filter((o) => o.end <= i && o.start >= clauseStart && i - o.end <= 20);
      // ("… posted a clip. It shows a drone …": a pronoun that opens the clause may stand for the
      // footage named before; the source reader tells whether it does.)
      if (!footage.length && i === clauseStart + 1 && /^(it|this)$/.test(view.tokens[clauseStart].lower)) footage.push({ start: clauseStart, end: i, label: FRAME.footage });
      // ("What it shows is …": the pronoun after "what" too.)
      if (!footage.length && i === clauseStart + 2 && view.tokens[clauseStart].lower === 'what' && /^(it|this)$/.test(view.tokens[clauseStart + 1].lower)) footage.push({ start: clauseStart + 1, end: i, label: FRAME.footage });
      // ("The second shows …", "The other, shot from across the square, shows …": an ordinal
      // standing for the footage named before, its noun left out.)
      if (!footage.length) {
        const elided = elidedFootage(view, i);
        if (elided) footage.push({ ...elided, label: FRAME.footage });
      }
      if (!footage.length) continue;
      const cueText = view.text({ start: i, end: e }).toLowerCase();
      const before = i - 1;
      // (The caveat may also stand between the footage and its verb: "A clip, which nobody has verified, shows …".)
      const hedgeWords = unverifiedCaveat(view, e) ?? unverifiedCaveat(view, footage[footage.length - 1].end, i) ?? hedgedObject(view, e);
      // ("imagery said to be showing …": a report verb, "to be", then the verb.)
      // ("A third clip is said to show …": the verb right after the report verb and "to".)
      const saidTo = before >= 1 && view.tokens[before].lower === 'to' && view.isCovered(before - 1, FRAME.passiveReport);
      const saidToBe = saidTo || (before >= 2 && view.isCovered(before, FRAME.be) && view.tokens[before - 1].lower === 'to' && view.isCovered(before - 2, FRAME.passiveReport));
      const hedged = /appear|seem|purport/.test(cueText) || saidToBe || (before >= 0 && view.isCovered(before, FRAME.hedge)) || (before >= 0 && view.isCovered(before, FRAME.seem)) || hedgeWords !== undefined;
      let start = footage[footage.length - 1].start;
      while (start > clauseStart && !view.isPunct(start - 1, ',;:') && !view.isCovered(start - 1, FRAME.report) && !view.startsWith(start - 1, FRAME.that)) start--;
      // ("The video, broadcast overnight on the channel, was filmed … and shows …": the footage
      // before an aside set off by commas, and the aside, are the source.)
      const opener = footage.find((o) => view.isPunct(o.end, ',') && o.end < start - 1 && nextIndexOf(view, o.end + 1, ',') === start - 1);
      if (opener) {
        start = opener.start;
        while (start > clauseStart && (view.isCovered(start - 1, FRAME.determiner) || view.wordClass(start - 1) === 'ADJ')) start--;
      }
      // ("Two blasts lit up the citadel, footage verified by NAME showed.": the footage speaks last.)
      const last = e >= view.length || view.isPunct(e, ',.;');
      if (last && start > 1 && view.isPunct(start - 1, ',')) {
        cues.push({ kind: 'footage', polarity: 'assert', word: { start: i, end: e }, source: trimSpan(view, { start, end: i }), scopes: [{ start: clauseStartBefore(view, start - 1), end: start - 1 }], hedged, hedge: hedgeWords });
        continue;
      }
      // ("… shows smoke over the citadel, and residents heard bangs": a clause with a subject of its own after ", and" is no part of what it shows.)
      const scopeEnd = coordinatedClauseAt(view, e, clauseEndAfter(view, e));
      // ("A still from a video shows …, photo by NAME": the credit names who posted it.)
      const credit = pictureCredit(view, e);
      // ("The first clip was filmed from across the river and shows …": a predicate of its own
      // between the footage and "and" is no part of who shows it.)
      const noun = footage[0];
      // (Not a clause that says who put it out: "the videos, which were released by the press service and showed …".)
      const between = view.tokens.slice(noun.end, i - 1);
      // (Nor one set off by commas, which may say where it went out: "The video, broadcast on the channel, was filmed … and shows …".)
      const coordinated = view.tokens[i - 1]?.lower === 'and' && between.some((_, k) => view.isVerbal(noun.end + k)) && !between.some((token, k) => /^(by|which|that|who)$/.test(token.lower) || view.isPunct(noun.end + k, ','));
      const source = credit ?? trimSpan(view, { start, end: coordinated && noun.start >= start ? noun.end : i });
      // ("What the clip does not show is any bid on his life": what footage does not show, it denies.)
      const negated = [i - 1, i - 2].some((k) => k >= 0 && negates(view, k));
      cues.push({ kind: 'footage', polarity: negated ? 'deny' : 'assert', word: { start: i, end: e }, source, scopes: [{ start: e, end: credit ? Math.min(scopeEnd, credit.start) : scopeEnd }], hedged, hedge: hedgeWords });
    }
    return cues;
  },
};

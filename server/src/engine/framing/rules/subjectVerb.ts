import { FRAME } from '../../lexicon/english';
import { wordKey } from '../../text/normalize';
import type { SentenceView, Span } from '../../analysis/sentence';
import { adjunctOnly, afterTimePhrase, clauseStartBefore, isPossessiveMark, trimSpan } from '../clauses';
import { verbCue, type VerbRule, type VerbSite } from './types';

const READ_KEY = wordKey('read');

/**
 * "the raid the Kremlin says targeted Putin": a noun, then a determiner that opens a new
 * noun phrase right before the verb, is a relative clause without "that"; its subject speaks.
 */
export function zeroRelativeSubject({ view, region }: VerbSite): Span | undefined {
  for (let k = region.end - 1; k > region.start; k--) {
    if (!view.isCovered(k, FRAME.determiner) || isPossessiveMark(view.tokens[k - 1].text)) continue;
    if (/^(NOUN|PROPN)$/.test(view.wordClass(k - 1) ?? '')) return { start: k, end: region.end };
  }
  return namedZeroRelativeSubject(view, region);
}

/**
 * "a raid Moscow blamed on Kyiv": a common noun opened by a determiner, then a name right
 * before the verb. The name is the relative clause's subject; a noun that names a person or an
 * office ("the spokesman Dmitry Peskov") is a title, not the thing said.
 */
function namedZeroRelativeSubject(view: SentenceView, region: Span): Span | undefined {
  // (The spelling first, the tagger last: most subjects end in a name with no common noun and
  // determiner before it.)
  // ("a strike Moscow likewise blamed on Kyiv": an adverb may stand between the name and the verb.)
  let nameEnd = region.end;
  while (nameEnd > region.start + 1 && view.wordClass(nameEnd - 1) === 'ADV' && !view.tokens[nameEnd - 1].capitalised) nameEnd--;
  let name = nameEnd;
  while (name > region.start && view.tokens[name - 1].capitalised) name--;
  const noun = name - 1;
  if (name === nameEnd || noun <= region.start || view.tokens[noun].capitalised || view.isPunct(noun)) return undefined;
  if (view.isCovered(noun, FRAME.pointer) || view.isCovered(noun, FRAME.vagueSource)) return undefined;
  // (Modifiers may stand between: "a night raid", "the failed drone strike".)
  let opener = noun - 1;
  while (opener > region.start && opener > noun - 4 && !view.isCovered(opener, FRAME.determiner) && !view.tokens[opener].capitalised && !view.isPunct(opener)) opener--;
  if (!view.isCovered(opener, FRAME.determiner)) return undefined;
  for (let k = opener + 1; k < noun; k++) if (!/^(ADJ|NOUN|VERB)$/.test(view.wordClass(k) ?? '')) return undefined;
  for (let k = name; k < nameEnd; k++) if (view.wordClass(k) !== 'PROPN') return undefined;
  return view.wordClass(noun) === 'NOUN' ? { start: name, end: nameEnd } : undefined;
}

/** The span without the auxiliaries that end it: "The ministry had" → "The ministry". */
function withoutTrailingAuxiliaries(view: SentenceView, span: Span): Span {
  let end = span.end;
  while (end > span.start && view.wordClass(end - 1) === 'AUX') end--;
  return { start: span.start, end };
}

/** "The ministry had by that stage (said)": a phrase of time after the subject, and the auxiliary before it, are no part of it. */
function withoutTrailingAdjunct(view: SentenceView, region: Span): Span {
  for (let k = region.start + 1; k < region.end; k++) {
    if (view.startsWith(k, FRAME.preposition) && adjunctOnly(view, k, region.end)) return withoutTrailingAuxiliaries(view, trimSpan(view, { start: region.start, end: k }));
  }
  return region;
}

/**
 * "The Kremlin issued a statement (on Wednesday) saying …": a participle of saying after a
 * statement, a post or a message that someone put out; whoever put it out speaks.
 */
function issuerOfStatement({ view, word }: VerbSite): Span | undefined {
  if (!/ing$/.test(view.tokens[word.start].lower) || view.isPunct(word.start - 1)) return undefined;
  const from = clauseStartBefore(view, word.start);
  for (let noun = word.start - 1; noun > from + 1 && noun >= word.start - 7; noun--) {
    if (view.isPunct(noun)) return undefined;
    if (!view.isCovered(noun, FRAME.claimNoun) && !view.isCovered(noun, FRAME.footage)) continue;
    // ("… a statement on Wednesday saying", "… a statement a little while ago saying": when.)
    if (noun + 1 < word.start && !adjunctOnly(view, noun + 1, word.start) && !/^(ago|earlier|later|today|overnight)$/.test(view.tokens[word.start - 1].lower)) return undefined;
    let verb = noun - 1;
    while (verb > from && (view.isCovered(verb, FRAME.determiner) || view.wordClass(verb) === 'ADJ')) verb--;
    // ("put out a statement": a particle may follow the verb.)
    if (/^(out|up)$/.test(view.tokens[verb].lower) && verb - 1 > from) verb--;
    if (verb === noun - 1 || view.wordClass(verb) !== 'VERB' || view.isPunct(verb - 1)) return undefined;
    // ("By then the Kremlin had put out …": neither a fronted time nor an auxiliary is the issuer.)
    const { end } = withoutTrailingAuxiliaries(view, { start: from, end: verb });
    const start = afterTimePhrase(view, from, end);
    const subject = trimSpan(view, { start: view.isPunct(start, ',') ? start + 1 : start, end });
    return view.wordCount(subject) > 0 ? subject : undefined;
  }
  return undefined;
}

/**
 * "Medvedev was on social media within hours calling for …": a participle after a phrase of
 * place or time, with "be" before the phrase, is the progressive of the clause's subject.
 */
function progressiveSubject({ view, region, word }: VerbSite): Span | undefined {
  if (!/ing$/.test(view.tokens[word.start].lower) || view.wordCount(region) === 0 || !view.startsWith(region.start - 1, FRAME.preposition)) return undefined;
  const from = clauseStartBefore(view, word.start);
  for (let be = region.start - 2; be > from; be--) {
    if (view.isPunct(be)) return undefined;
    if (!view.isCovered(be, FRAME.be)) continue;
    const subject = trimSpan(view, { start: from, end: be });
    const named = view.tokens.slice(subject.start, subject.end).some((t, k) => t.capitalised || view.startsWith(subject.start + k, FRAME.pronoun));
    return named && !view.tokens.slice(subject.start, subject.end).some((_, k) => view.isVerbal(subject.start + k)) ? subject : undefined;
  }
  return undefined;
}

/** "The Kremlin said (that) CONTENT": the words before the verb are its subject. */
export const subjectVerb: VerbRule = {
  id: 'subject-verb',
  summary: 'X said (that) CONTENT: X frames what follows the verb, to the end of its clause.',
  examples: [
    { text: 'The Kremlin said two drones were disabled.', source: 'The Kremlin', content: 'two drones were disabled' },
    { text: 'Kremlin spokesman Dmitry Peskov told reporters that Putin was at Novo-Ogaryovo.', source: 'Kremlin spokesman Dmitry Peskov', content: 'Putin was at Novo-Ogaryovo' },
    { text: 'Local partisans could be to blame for the drones.', reads: false },
    // A coordinated subject is one source; an event phrase between subject and verb is none of it.
    { text: 'Kyiv and Washington deny any part in the raid.', source: 'Kyiv and Washington', content: 'any part in the raid' },
    // A gerund after the verb is its object: "denies" is no plural noun before a verb.
    { text: 'Kyiv denies having sent the drones.', source: 'Kyiv', content: 'having sent the drones' },
    // To put something at a figure reports the figure; "put" with no figure reports nothing.
    { text: 'The White House put the losses at the front at more than 20,000.', source: 'The White House', content: 'the losses at the front at more than 20,000' },
    { text: 'Moscow put its air defences on alert.', reads: false },
    // To pin something on someone is to blame them; "pin" with no "on" reports nothing.
    { text: 'Moscow pinned the night raid on Kyiv.', source: 'Moscow', content: 'the night raid on Kyiv' },
    { text: 'The guards pinned him down.', reads: false },
    // To cast something as X is to call it X; cast with no "as" reports nothing.
    { text: 'Moscow cast the night raid as a plot against the president.', source: 'Moscow', content: 'a plot against the president' },
    { text: 'The night raid cast a long shadow over the parade.', reads: false },
    // ("as well" is an adverb, "also"; its "as" opens no clause.)
    { text: 'Kyiv as well rejected any part in the raid.', source: 'Kyiv', content: 'any part in the raid' },
    { text: 'Dmitry Medvedev after the night raid on the citadel demanded revenge on Kyiv.', source: 'Dmitry Medvedev', content: 'revenge on Kyiv' },
    { text: 'Moscow accused Kyiv and Washington said nothing.', source: 'Moscow' },
    { text: 'Doubts grow over the raid the Kremlin says targeted Putin.', source: 'the Kremlin', content: 'targeted Putin' },
    { text: 'Smoke rose after a night raid Moscow blamed on Kyiv.', source: 'Moscow', content: 'on Kyiv' },
    { text: 'Sirens sounded for an hour – a raid Moscow says was flown from Kyiv.', source: 'Moscow', content: 'was flown from Kyiv' },
    { text: 'The Kremlin spokesman Dmitry Peskov said the raid had failed.', source: 'The Kremlin spokesman Dmitry Peskov', content: 'the raid had failed' },
    // (A time phrase with no comma is no part of the subject.)
    { text: 'By lunchtime the Kremlin was calling the raid a plot.', source: 'the Kremlin', content: 'the raid a plot' },
    { text: 'By then the ministry had blamed partisans for the raid.', source: 'the ministry', content: 'partisans for the raid' },
    { text: 'Within hours the former president was demanding revenge on Kyiv.', source: 'the former president', content: 'revenge on Kyiv' },
    { text: 'Kyiv swears it played no part in the raid.', source: 'Kyiv', content: 'it played no part in the raid' },
    { text: 'The Kremlin put out a statement on Wednesday saying two drones were disabled.', source: 'The Kremlin', content: 'two drones were disabled' },
    { text: 'The ministry released a statement blaming partisans for the raid.', source: 'The ministry', content: 'partisans for the raid' },
    { text: 'By now the ministry has released a statement blaming partisans for the raid.', source: 'the ministry', content: 'partisans for the raid' },
    { text: 'Dmitry Medvedev was on Telegram within the hour demanding revenge.', source: 'Dmitry Medvedev', content: 'revenge' },
    { text: 'Kyiv was quick to deny any part in the raid.', source: 'Kyiv', content: 'any part in the raid' },
    // (A fronted phrase with no comma, then a subject pronoun.)
    { text: 'In a thread on Telegram she argues that partisans flew them.', source: 'she', content: 'partisans flew them' },
    { text: 'In its statement it said that both machines were jammed.', source: 'it', content: 'both machines were jammed' },
    { text: 'The adviser floated “partisans” as the culprits.', source: 'The adviser', content: 'as the culprits' },
    { text: 'The adviser floated, in a late tweet, “partisans” as the culprits.', source: 'The adviser', content: 'as the culprits' },
    { text: 'The aide went so far as to suggest that partisans flew them.', source: 'The aide', content: 'partisans flew them' },
    { text: 'The former president went as far as calling for revenge.', source: 'The former president', content: 'revenge' },
    { text: 'The former president used the episode to call for revenge.', source: 'The former president', content: 'revenge' },
    // ("in a Twitter post, suggesting …": after "a" and a name, "post" is a noun.)
    { text: 'The adviser went further in a Telegram post, hinting that partisans flew them.', reads: false },
    { text: "Asked why it suited Moscow's purposes to blame Kyiv for the raid, he laughed.", content: 'Kyiv for the raid' },
    { text: 'Officials have detailed that both machines were brought down.', source: 'Officials', content: 'both machines were brought down' },
    { text: 'We saw it that very day, when shelling killed nine in the south.', reads: false },
    { text: 'The ministry had at that stage talked about a plot against its chief.', source: 'The ministry', content: 'a plot against its chief' },
    // A short parenthesis after the subject is part of it.
    { text: 'The Centre for Security Studies (CSS) argued that Moscow had staged the raid.', source: 'The Centre for Security Studies', content: 'Moscow had staged the raid' },
  ],
  read(site) {
    const { view, region } = site;
    const issuer = issuerOfStatement(site) ?? progressiveSubject(site);
    if (issuer) return verbCue(site, issuer, [site.after]);
    if (view.wordCount(region) === 0) return undefined;
    // ("… and on social media called for …": a phrase after "and" is no subject; the
    // coordinated predicate's rule reads the verb.)
    if (view.startsWith(region.start, FRAME.preposition) && /^(and|but)$/.test(view.tokens[region.start - 1]?.lower ?? '')) return undefined;
    // (An adverb alone is no subject: "…, falsely accusing Kyiv" is left to the participle's rule.)
    // ("Kyiv, which …, flatly denied", "… and has described" are left to the rules that read
    // the subject before the aside or the conjunction.)
    if (view.tokens.slice(region.start, region.end).every((t, k) => (/ly$/.test(t.lower) && view.wordClass(region.start + k) === 'ADV') || /^(has|have|had)$/.test(t.lower))) return undefined;
    // ("His spokesman, NAME, also denied": words that only say when or how are left to the rule
    // that reads the subject before the aside.)
    if (view.isPunct(region.start - 1, ',') && adjunctOnly(view, region.start, region.end)) return undefined;
    // ("…, which also calls it …", "a government that also calls it …": an adverb after a relative
    // pronoun is no subject; the rule for the noun before the pronoun reads it.)
    if (/^(which|who|that)$/.test(view.tokens[region.start - 1]?.lower ?? '') && adjunctOnly(view, region.start, region.end)) return undefined;
    // ("Asked why it was in Moscow's interest to accuse Kyiv": an infinitive after a question
    // word has no subject in the words before it; who would speak is not read.)
    if (region.end === site.word.start && view.tokens[region.end - 1].lower === 'to' && view.tokens.slice(region.start, region.end).some((t) => /^(why|how|whether|what)$/.test(t.lower))) return verbCue(site, null, [site.after]);
    // "read" reports only at the end of what it frames ("…,” the statement reads): "Peskov read a statement" frames nothing.
    if (view.tokens[site.word.start].key === READ_KEY) return null;
    // ("We saw it that very day": to see it reports a view only as "saw it as …"; "as Moscow saw it" is the aside's rule.)
    if (/^(see|sees|saw|seen|seeing)$/.test(view.tokens[site.word.start].lower) && view.tokens[site.word.end]?.lower !== 'as') return null;
    // "… could be to blame": words before the verb with no noun or pronoun in them are no subject.
    // (A capital, a determiner or a pronoun settles it without the tagger.)
    const plainly = view.tokens.slice(region.start, region.end).some((t, k) => t.capitalised || view.isCovered(region.start + k, FRAME.determiner) || view.startsWith(region.start + k, FRAME.pronoun));
    if (!plainly && !view.tokens.slice(region.start, region.end).some((_, k) => /^(NOUN|PROPN|PRON|NUM|X)$/.test(view.wordClass(region.start + k) ?? ''))) return null;
    return verbCue(site, zeroRelativeSubject(site) ?? withoutTrailingAdjunct(view, region), [site.after]);
  },
};

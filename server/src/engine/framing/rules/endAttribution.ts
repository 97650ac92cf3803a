import { isQuote, type SentenceView, type Span } from '../../analysis/sentence';
import { FRAME } from '../../lexicon/english';
import { wordKey } from '../../text/normalize';
import { afterTimePhrase, clauseEndAfter, nextIndexOf, opensNounRelative, sentenceStartBefore, TIME_WORDS } from '../clauses';
import { verbCue, type VerbRule } from './types';

// Reporting verbs whose object is the hearer: "…, Peskov told RIA Novosti."
export const TELLING = new Set(['tell', 'inform', 'assure', 'brief'].map(wordKey));

/**
 * "CONTENT, the Kremlin said (in a statement)." — the content comes first, and an end
 * attribution covers the whole sentence before it ("A, but B, it added").
 */
/** "…, though nobody was hurt": a concessive clause opened right after the comma at k. */
function concessionAt(view: SentenceView, k: number): Span | undefined {
  // (The span before it may or may not hold the comma.)
  const comma = [k - 1, k].find((j) => view.isPunct(j, ',') && /^(although|though)$/.test(view.tokens[j + 1]?.lower ?? ''));
  return comma === undefined ? undefined : { start: comma + 2, end: clauseEndAfter(view, comma + 2) };
}

/** The token after the quotation mark that opens the quotation closed at `closing` (0 when it opened in an earlier sentence). */
function openingQuote(view: SentenceView, closing: number): number {
  for (const quoted of view.quotedSpans()) if (quoted.end === closing) return quoted.start;
  for (let j = closing - 1; j >= 0; j--) if (/^["“«]$/.test(view.tokens[j].text)) return j + 1;
  return 0;
}

/**
 * Whether a span holds a clause of its own: a verb or an auxiliary that is not a participle
 * describing the noun before it ("in a statement posted on its website"). Adjuncts of any
 * length hold none ("on Friday after a meeting of the council's foreign ministers").
 */
function holdsClause(view: SentenceView, span: Span): boolean {
  for (let j = span.start; j < span.end; j++) {
    // ("… in a statement that branded the raid a plot": a relative clause of the noun is the noun's.)
    if (j > span.start && opensNounRelative(view, j)) return false;
    // (A capitalised word inside the sentence is a name the tagger may misread: "the Shanghai Cooperation Organization".)
    if (!view.isVerbal(j) || view.tokens[j].capitalised) continue;
    const participle = /(ed|en|ing|wn)$/.test(view.tokens[j].lower) && view.wordClass(j) === 'VERB';
    const afterNoun = j > span.start && /^(NOUN|PROPN)$/.test(view.wordClass(j - 1) ?? '');
    if (!(participle && afterNoun)) return true;
  }
  return false;
}

/**
 * Whether what follows an end attribution's verb is adjuncts only ("in a statement", "on
 * Friday after a meeting of …"), or nothing.
 */
export function onlyAdjunctsAfter(view: SentenceView, tail: Span): boolean {
  if (view.wordCount(tail) === 0) return true;
  const first = tail.start;
  const opensAdjunct = view.startsWith(first, FRAME.preposition) || view.isCovered(first, FRAME.adjunct) || /ly$/.test(view.tokens[first]?.lower ?? '') || /^(ADP|ADV)$/.test(view.wordClass(first) ?? '') || TIME_WORDS.has(view.tokens[first]?.lower ?? '') || afterTimePhrase(view, first, tail.end) > first;
  // ("…, hardliners have demanded ever tougher reprisals": an adverb of an adjective, then a noun, is an object.)
  const modifiesObject = view.wordClass(first) === 'ADV' && view.wordClass(first + 1) === 'ADJ' && /^(NOUN|PROPN)$/.test(view.wordClass(first + 2) ?? '');
  return opensAdjunct && !modifiesObject && !holdsClause(view, tail);
}

/** The source phrase is footage: "a video", "footage shared online". */
function showsFootage(view: SentenceView, region: Span): boolean {
  for (let j = region.start; j < region.end; j++) if (view.isCovered(j, FRAME.footage)) return true;
  return false;
}

export const endAttribution: VerbRule = {
  id: 'end-attribution',
  summary: 'CONTENT, X said (ADJUNCTS).: X frames the whole sentence before the comma.',
  examples: [
    { text: 'Two drones were disabled, the Kremlin said in a statement.', source: 'the Kremlin', content: 'Two drones were disabled' },
    // (A phrase of time with no preposition: "all week", "this morning".)
    { text: 'Partisans flew the drones, the adviser has insisted all week.', source: 'the adviser', content: 'Partisans flew the drones' },
    { text: 'Two machines were jammed, the ministry said in a statement that labelled the raid a plot.', source: 'the ministry', content: 'Two machines were jammed' },
    { text: 'Putin was not in the building, Peskov told RIA Novosti.', source: 'Peskov', content: 'Putin was not in the building' },
    { text: 'The minister was abroad, her office says: she flew out on Monday.', source: 'her office', content: 'she flew out on Monday' },
    { text: 'Nine people died in the shelling, local officials said – a story few papers ran.', source: 'local officials', content: 'Nine people died in the shelling' },
    { text: 'Moscow will respond with concrete action, the foreign minister said on Friday after a meeting of the foreign ministers of the member states.', source: 'the foreign minister', content: 'Moscow will respond' },
    { text: '“We fight on our territory; we defend our towns,” Zelensky said.', source: 'Zelensky', content: 'We fight on our territory; we defend our towns' },
    { text: '“We did not attack Putin” Zelensky said in Helsinki.', source: 'Zelensky', content: 'We did not attack Putin' },
    { text: '“The Russian side reserves the right to retaliate,” the statement reads.', source: 'the statement', content: 'The Russian side reserves the right to retaliate' },
    // ("go on" reports as "continue" does, set off by commas or after a quotation; "the war went on" reports nothing.)
    { text: 'Both machines, the statement went on, were knocked out.', source: 'the statement', content: 'were knocked out' },
    { text: 'The war went on for months.', reads: false },
    { text: 'Since the raid on the citadel, hardliners have demanded ever harsher reprisals.', reads: false },
    { text: 'After the drones were shot down, Peskov said Putin was safe.', reads: false },
    { text: 'Losses near Bakhmut passed 20,000, a toll Moscow has never acknowledged.', reads: false },
    { text: 'A drone burst into flames above the dome, a video posted on Telegram.', source: 'a video', content: 'A drone burst into flames above the dome' },
    { text: 'Air defences brought both drones down, it said and added that nobody was hurt.', source: 'it', content: 'Air defences brought both drones down' },
    // Nested: each speaker reads its own words; frame.ts picks the innermost that holds a claim.
    { text: 'Nobody was hurt, the statement added, although fragments fell inside the walls.', source: 'the statement', content: 'fragments fell inside the walls' },
    { text: 'Debris, the ministry said, fell inside the walls, though nobody was hurt.', source: 'the ministry', content: 'nobody was hurt' },
    { text: 'In the south, where nine died in shelling, the papers had other things to write about.', reads: false },
    { text: '“Kyiv will pay,” the former president wrote on Wednesday, after the raid, the tabloid reported on Friday.', source: 'the former president', content: 'Kyiv will pay' },
  ],
  read(site) {
    const { view, region, regionStart, word, after } = site;
    if (view.wordCount(region) === 0) return undefined;
    let comma = regionStart - 1;
    let closing = -1;
    while (comma >= 0 && isQuote(view.tokens[comma])) closing = comma--;
    if (closing < 0 && view.isPunct(comma, ',') && isQuote(view.tokens[comma - 1] ?? view.tokens[comma])) closing = comma - 1;
    // "“…” Zelensky said": a closing quotation mark ends the content as a comma does, when
    // what follows it is a speaker (no verb of its own: not '… forces” could be to blame').
    // (Asked only when no comma decides: the tagger is the costliest part of reading a cue.)
    const speakerAfterMark = () => closing === regionStart - 1 && !view.tokens.slice(region.start, region.end).some((_, k) => view.isVerbal(region.start + k) || view.tokens[region.start + k].lower === 'to');
    if (comma < 0 || !(view.isPunct(comma, ',') || speakerAfterMark())) return undefined;
    // ("…, the local papers had other things to write about": an infinitive is no report of the clause before.)
    if (view.tokens[word.start - 1]?.lower === 'to') return undefined;
    const e = word.end;
    // (A dash after the attribution opens the writer's comment, "…, officials said – a story
    // few noticed"; a colon, what the speaker went on to say: "…, his spokesman says: he was …".)
    const tail = { start: e, end: nextIndexOf(view, e, ',;:–—') };
    // (Not a quotation after the colon: "Asked why …, Zelensky said: “…”" frames the quotation only.)
    if (view.isPunct(tail.end, ':') && isQuote(view.tokens[tail.end + 1] ?? view.tokens[tail.end])) tail.end = nextIndexOf(view, e, ',;');
    const colonAfter = view.isPunct(tail.end, ':') ? { start: tail.end + 1, end: clauseEndAfter(view, tail.end + 1) } : undefined;
    // ("…, the ministry said in a statement that branded it …": a relative "that" after a noun is no clause of the verb's.)
    const tailHasThat = view.frame.get(FRAME.that)?.some((o) => o.start >= tail.start && o.start < tail.end && !view.isCovered(o.start - 1, FRAME.claimNoun)) ?? false;
    // Only adjuncts may follow an end attribution ("…, the Kremlin said in a statement",
    // "…, Peskov told RIA Novosti", "…, the minister said on Friday after a meeting of …"); a
    // verb with its own object or clause starts a new sentence part ("After the drones were
    // shot down, Peskov said Putin was safe", "…, generals demanded a tougher line").
    const first = tail.start;
    const adjunctsOnly = TELLING.has(view.tokens[word.start].key) || onlyAdjunctsAfter(view, tail);
    // ("…, a toll Moscow has never acknowledged": a speaker who did not say the words frames
    // nothing; what comes before is the writer's.)
    if (!tailHasThat && adjunctsOnly && view.tokens.slice(region.start, region.end).some((_, k) => view.isCovered(region.start + k, FRAME.negator))) return null;
    if (!tailHasThat && adjunctsOnly) {
      // A quotation before the attribution is said whole, whatever clauses it holds.
      // (A quoted fragment runs on from the words before it: 'Drones over the Kremlin “can only
      // indicate …,” Podolyak wrote'.)
      const from = closing >= 0 ? sentenceStartBefore(view, openingQuote(view, closing)) : sentenceStartBefore(view, comma);
      const dashAfter = view.isPunct(tail.end, '–—');
      const rest = colonAfter ?? (dashAfter ? tail : after);
      // ("…, the statement added, although fragments fell inside the walls": a concession after the
      // attribution belongs to what was said, as it does in the middle of it.)
      const concession = concessionAt(view, rest.end);
      const cue = verbCue(site, region, [{ start: from, end: closing >= 0 ? closing : comma }, rest, ...(concession ? [concession] : [])]);
      // ("…, a video posted on Telegram": footage that is said to be posted carries what it shows.)
      return showsFootage(view, region) ? { ...cue, kind: 'footage' } : cue;
    }
    // ("…, it said and added that …": a second reporting verb of the same speaker reads its own
    // content; the first still covers what came before the comma.)
    if (view.tokens[first]?.lower === 'and' && view.startsWith(first + 1, FRAME.report)) {
      const from = closing >= 0 ? sentenceStartBefore(view, openingQuote(view, closing)) : sentenceStartBefore(view, comma);
      return verbCue(site, region, [{ start: from, end: closing >= 0 ? closing : comma }]);
    }
    return undefined;
  },
};

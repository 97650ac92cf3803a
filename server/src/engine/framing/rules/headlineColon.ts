import { FRAME } from '../../lexicon/english';
import { afterSectionLabel, afterTimeStamp, EVENT_HEADS, nextIndexOf, trimSpan } from '../clauses';
import { isAnswerLabel, isQuestionLabel, isStoryLabel } from '../sources';
import { inCapitals, isNewsroomLabel } from '../transcriptTurn';
import type { SentenceRule } from './types';

/**
 * "Zelensky: we don't attack Putin": up to six words before an early colon name the
 * source. ("10.42 BST: Russian state TV says …": a label before a sentence with its own
 * reporting verb attributes nothing.)
 */
const FACT_CHECK_LABELS = /^(?:# )?(the )?(claim|claims|disinfo|disinformation|myth|fake|rumou?r|allegation|false claim|misleading claim|fake news|narrative|what was claimed|what (they|russia|moscow|the kremlin|kyiv|ukraine) claims?)$/;

export const headlineColon: SentenceRule = {
  id: 'colon-source',
  summary: 'X: CONTENT (a short source before an early colon).',
  examples: [
    { text: 'Zelensky, in Helsinki, was blunt: we fight only at home.', source: 'Zelensky', content: 'we fight only at home' },
    { text: 'Petrov, an aide to the envoy, on Telegram: nothing was sent.', source: 'Petrov', content: 'nothing was sent' },
    { text: 'The envoy, speaking in Geneva: we fight only at home.', source: 'The envoy', content: 'we fight only at home' },
    { text: 'Sydor, in Oslo for a meeting of northern states: we fight only at home.', source: 'Sydor', content: 'we fight only at home' },
    // The newsroom's own voice in a transcript is the outlet's: no source.
    { text: 'CORRESPONDENT: Two drones came in low over the citadel before dawn.', reads: false },
    { text: '09:40 – Back to the capital: officials there say the drones were jammed.', reads: false },
    { text: 'Zelensky: Ukraine did not attack Putin or Moscow', source: 'Zelensky', content: 'Ukraine did not attack Putin' },
    { text: '10.42 BST: Russian state TV says two drones were downed.', reads: false },
    { text: 'Podolyak: Drone raid on citadel may point to a set-up', source: 'Podolyak', content: 'Drone raid on citadel' },
    { text: 'Veteran lawmaker after the night raid on the citadel: "Kyiv must pay"', source: 'Veteran lawmaker', content: 'Kyiv must pay' },
    // A transcript's speaker label: a note in brackets is no part of the name, and "we" is the speaker's side.
    { text: 'PESKOV (through an interpreter): We see this as a planned act.', source: 'PESKOV', content: 'We see this as a planned act.' },
    // A footage label is the footage's to carry; it gives the footage's platform in brackets.
    { text: 'Clip one: smoke over the citadel', source: 'Clip one', content: 'smoke over the citadel' },
    { text: 'VIDEO (Telegram): Smoke drifts over the citadel.', source: 'Telegram', content: 'Smoke drifts over the citadel.' },
    // A fact-check's label names what it examines; it asserts nothing.
    { text: 'Claim: Kyiv flew two drones at the citadel.', content: 'Kyiv flew two drones at the citadel.', polarity: 'mention' },
    { text: 'The claim, made by Moscow on the Wednesday afternoon: Kyiv flew two drones at the citadel.', content: 'Kyiv flew two drones at the citadel.', polarity: 'mention' },
    { text: 'Claim (Russian defence ministry): Kyiv flew two drones at the citadel.', content: 'Kyiv flew two drones at the citadel.', polarity: 'mention' },
    // A section label names no speaker, nor does a label of a kind of story.
    { text: 'Quote: "Everything is predictable here."', reads: false },
    { text: 'Analysis: the night raid leaves the citadel embarrassed', reads: false },
    { text: 'All of it was foreseeable: the raid serves Moscow.', reads: false },
    { text: 'Not yet, Maria: the ministry has said nothing more.', reads: false },
    { text: "Blinken: the US can't confirm it.", source: 'Blinken', content: "the US can't confirm it." },
    // (Drones that "point to" someone are evidence, not a speaker inside the label's words.)
    { text: 'Sydor on his channel: the drones point to rebels inside Russia.', source: 'Sydor on his channel', content: 'the drones point to rebels inside Russia.' },
    { text: 'Blinken: nothing is confirmed, and whatever the Kremlin says deserves salt.', source: 'Blinken', content: 'nothing is confirmed' },
    { text: '16:58 Antony Blinken: nothing can be confirmed.', source: 'Antony Blinken', content: 'nothing can be confirmed.' },
    { text: 'Ministry statement just out: both machines were jammed.', source: 'Ministry statement', content: 'both machines were jammed.' },
    // An interview's turns: the question is the outlet's, the answer the interviewee's.
    { text: 'Q: The drones were brought down above the dome.', reads: false },
    { text: 'A: Two small drones could never kill a president.', source: 'A', content: 'Two small drones could never kill a president.' },
    { text: 'A: Either partisans, as Podolyak suggested, or a set-up.', source: 'A', content: 'Either partisans, as Podolyak suggested, or a set-up.' },
  ],
  read(view, cues) {
    // ("16:58 Antony Blinken: …": a live blog's time stamp before the label is no part of it.)
    const begin = afterTimeStamp(view, 0);
    for (let k = begin + 1; k < Math.min(view.length, begin + 18); k++) {
      if (!view.isPunct(k, ':')) continue;
      if (cues.some((cue) => cue.word.start < k)) return [];
      // ("Senior Russian official after the raid on the Kremlin: …": the writer's time phrase
      // after the source is no part of it.)
      let end = k;
      for (let j = begin + 1; j < k; j++) if (/^(after|following|amid)$/.test(view.tokens[j].lower)) { end = j; break; }
      // ("PESKOV (through an interpreter): …": a bracketed note after the name is no part of it.)
      for (let j = begin + 1; j < end; j++) if (view.isPunct(j, '(')) { end = j; break; }
      // ("Zelensky, speaking in Helsinki: …", "Podolyak, an adviser to Zelensky, on Twitter: …",
      // "Zelensky, in Helsinki, was blunt: …": after a name and a comma, where or how the words were
      // said is no part of the name.)
      const nameBefore = (j: number) => j > begin && view.tokens.slice(begin, j).every((token, n) => token.capitalised && view.wordClass(begin + n) === 'PROPN');
      for (let j = begin + 1; j < end; j++) {
        if (!view.isPunct(j, ',')) continue;
        const said = /^(speaking|writing|talking|posting|tweeting|interviewed)$/.test(view.tokens[j + 1]?.lower ?? '');
        const manner = view.isCovered(end - 2, FRAME.be) && /^(blunt|clear|categorical|emphatic|unequivocal|adamant|firm|direct|curt)$/.test(view.tokens[end - 1].lower);
        const platformAfter = /^(on|in|via)$/.test(view.tokens[nextIndexOf(view, j + 1, ',') + 1]?.lower ?? '') && nextIndexOf(view, j + 1, ',') < end;
        // ("Zelensky, in Helsinki for a summit: …": a phrase of place or time after the name runs to the colon.)
        const placed = /^(in|at|from|during|on)$/.test(view.tokens[j + 1]?.lower ?? '') && nextIndexOf(view, j + 1, ',') >= end;
        if (said || (nameBefore(j) && (manner || platformAfter || placed))) {
          end = j;
          break;
        }
      }
      // ("Claim, made by the Kremlin on 3 May: …", "Claim (Moscow): …": a fact-check's label with who made the claim still names it, asserting nothing.)
      const labelEnd = nextIndexOf(view, begin + 1, ',(');
      if (labelEnd < k && FACT_CHECK_LABELS.test(view.text({ start: begin, end: labelEnd }).toLowerCase()) && (view.isPunct(labelEnd, '(') || /^(made|by|from|attributed|according|as)$/.test(view.tokens[labelEnd + 1]?.lower ?? ''))) {
        return [{ kind: 'colon', polarity: 'mention', word: { start: k, end: k + 1 }, source: null, scopes: [{ start: k + 1, end: view.length }], hedged: false }];
      }
      if (end === k && k - begin >= 9) return [];
      let source = trimSpan(view, { start: begin, end });
      // ("VIDEO (Telegram): …": a footage label names where the footage is from in its brackets.)
      if (view.isPunct(end, '(') && view.isCovered(source.start, FRAME.footage) && view.wordCount(source) === 1) {
        const close = nextIndexOf(view, end + 1, ')');
        if (close < k) source = trimSpan(view, { start: end + 1, end: close });
      }
      // ("Kremlin statement just out: …", "Moscow's statement, released overnight: …": when it came out is no part of the source.)
      while (source.end - source.start > 1 && /^(just|out|in|now|today|overnight|released|issued|published)$/.test(view.tokens[source.end - 1].lower) && !view.tokens[source.end - 1].capitalised) source = trimSpan(view, { start: source.start, end: source.end - 1 });
      if (view.wordCount(source) === 0 || view.wordCount(source) > 6) return [];
      // ("Drones over the Kremlin: Moscow cries plot, Kyiv cries foul": a label that names drones or an event is the topic, no speaker.)
      if (view.tokens.slice(source.start, source.end).some((t) => /^(drones?|uavs?)$/.test(t.lower) || EVENT_HEADS.test(t.lower))) return [];
      // ("Back to Moscow: …", "Meanwhile in Kyiv: …": a label that opens with a preposition or a
      // linking adverb moves the story to a place; it names no speaker.)
      // ("Not so far, Anna: …", "Yes, Tom: …": an answer to a colleague's question names no speaker either.)
      if (/^(back|over|meanwhile|elsewhere|also|in|on|at|from|across|inside|outside|around|near|not|no|yes|well)$/.test(view.tokens[source.start].lower)) return [];
      // ("All of this was predictable: …": a clause before the colon is no source.)
      for (let j = source.start; j < source.end; j++) if (view.isVerbal(j) && !view.tokens[j].capitalised && !/^(ADJ|NOUN)$/.test(view.wordClass(j) ?? '')) return [];
      // ("Claim: …", "Disinfo: …", "Myth: …": what a fact-check examines is named, not asserted.)
      if (end === k && FACT_CHECK_LABELS.test(view.text(source).toLowerCase())) {
        return [{ kind: 'colon', polarity: 'mention', word: { start: k, end: k + 1 }, source: null, scopes: [{ start: k + 1, end: view.length }], hedged: false }];
      }
      // ("Quote: …", "Details: …", "Source: …", "Breaking: …", "Analysis: …": a label names what
      // kind of text follows, no speaker.)
      // ("Q: …": the interviewer asking is the outlet's own voice.)
      if (end === k && (afterSectionLabel(view) > 0 || (view.wordCount(source) === 1 && (isStoryLabel(view.text(source)) || isQuestionLabel(view.text(source)))))) return [];
      // (A later "Drone raid on citadel may point to …" has an event or drones for a subject, or a
      // phrase with a verb in it: no speaker of its own.)
      // ("PESKOV: We consider it …": the label's speaker talking of their side as "we" is no other speaker.)
      const speaker = (cue: (typeof cues)[number]) =>
        cue.source !== null && !/^(we|i)$/i.test(view.text(cue.source)) && !view.tokens.slice(cue.source.start, cue.source.end).some((token, n) => view.isVerbal(cue.source!.start + n) || EVENT_HEADS.test(token.lower) || /^(drones?|uavs?)$/.test(token.lower));
      // (A transcript's speaker label, "PESKOV:" or "A:", names who speaks whatever the turn quotes.)
      // (Not a time stamp: "10.42 BST:".)
      const transcriptLabel = isAnswerLabel(view.text(source)) || (!/\d/.test(view.text(source)) && inCapitals(view, source));
      // ("CORRESPONDENT: Two drones came in low …": the newsroom's own voice is the outlet's, no source.)
      if (transcriptLabel && isNewsroomLabel(view, source)) return [];
      // (A negated report after the colon is the speaker's own words: "Blinken: the US can't confirm …".)
      // (Only a speaker in the first clause after the colon: "Blinken: the US can't confirm it, and
      // anything the Kremlin says deserves salt" — the Kremlin speaks inside Blinken's words.)
      const firstClauseEnd = nextIndexOf(view, k + 1, ',;');
      if (!transcriptLabel && cues.some((cue) => cue.word.start > k && cue.word.start < firstClauseEnd && (cue.kind === 'verb' || cue.kind === 'according') && cue.polarity !== 'mention' && speaker(cue))) return [];
      // ("Clip one: smoke over the citadel": a footage label is the footage speaking, as "the clip shows" is.)
      // ("Two videos: …": footage named at the end of the label too.)
      const kind = view.isCovered(source.start, FRAME.footage) || view.isCovered(source.end - 1, FRAME.footage) ? 'footage' : 'colon';
      return [{ kind, polarity: 'assert', word: { start: k, end: k + 1 }, source, scopes: [{ start: k + 1, end: view.length }], hedged: false }];
    }
    return [];
  },
};

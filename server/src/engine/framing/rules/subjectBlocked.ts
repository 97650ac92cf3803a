import { FRAME } from '../../lexicon/english';
import { adjunctOnly, trimSpan } from '../clauses';
import { zeroRelativeSubject } from './subjectVerb';
import { verbCue, type VerbRule } from './types';

/** A subject never holds another reporting verb, and never opens with a preposition. */
export const subjectBlocked: VerbRule = {
  id: 'subject-blocked',
  summary: 'The words before the verb hold another cue ("said in written comments that") or open with a preposition ("… Over Kremlin Claims"): the verb frames nothing.',
  examples: [
    { text: 'He notes the statement named Kyiv as the culprit.', source: 'the statement', content: 'Kyiv as the culprit' },
    // (A participle after a statement that a reporting verb put out is the issuer's: the subject rule reads it.)
    { text: 'The ministry released a statement blaming partisans for the raid.', reads: false },
  ],
  read(site) {
    const { view, region, taken } = site;
    let last = -1;
    for (let j = region.start; j < region.end; j++) if (taken.has(j)) last = j;
    if (last >= 0) {
      // ("He notes the statement named Kyiv as the culprit": after the other verb, a noun phrase
      // with no verb of its own is the subject of a clause reported without "that".)
      let from = last + 1;
      if (view.tokens[from]?.lower === 'that') from++;
      // ("published a statement saying …": a participle after the statement describes it; whoever
      // published it speaks, which is the subject rule's reading of a statement's issuer.)
      if (/ing$/.test(view.tokens[site.word.start].lower) && view.isCovered(region.end - 1, FRAME.claimNoun) && !view.isPunct(region.end)) return undefined;
      const subject = trimSpan(view, { start: from, end: region.end });
      const opens = view.isCovered(subject.start, FRAME.determiner) || view.tokens[subject.start]?.capitalised;
      const plain = view.tokens.slice(subject.start, subject.end).every((_, k) => !view.isVerbal(subject.start + k) && !view.isPunct(subject.start + k));
      // (Only a verb right after it that says something: "… the US was unable to confirm" is no report of the US.)
      // (And a verb by the tagger after a verb that takes no complement: "branded Ukraine a terrorist state" has none.)
      const reports = site.polarity === 'assert' && region.end === site.word.start && view.wordClass(site.word.start) === 'VERB' && !/^(brand|call|describ|label|term|dub|nam|declar|deem|consider|regard|cast|paint|portray)/.test(view.tokens[last].lower);
      return view.wordCount(subject) > 0 && opens && plain && reports ? verbCue(site, subject, [site.after]) : null;
    }
    // ("… went further and in a post called for …": after "and" a phrase of place or manner may
    // stand before the second verb; the coordinated predicate's rule reads it.)
    // ("Blinken, for his part indicated …": words that only say whose turn it is are left to the aside's rule.)
    // ("… about the drones Russia says hit the Kremlin": a relative clause without "that" inside the phrase; the subject rule reads it.)
    if (region.end > region.start && view.startsWith(region.start, FRAME.preposition)) return /^(and|but)$/.test(view.tokens[region.start - 1]?.lower ?? '') || adjunctOnly(view, region.start, region.end) || zeroRelativeSubject(site) ? undefined : null;
    return undefined;
  },
};

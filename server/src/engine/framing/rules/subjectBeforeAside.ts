import { isQuote } from '../../analysis/sentence';
import { adjunctOnly, isContrast, isPossessiveMark, isSubjectBoundary, trimSpan } from '../clauses';
import { verbCue, type VerbRule } from './types';

/**
 * "Peskov, speaking after …, said" — the subject stands before the parenthetical, which
 * stays in the writer's voice.
 */
export const subjectBeforeAside: VerbRule = {
  id: 'subject-before-aside',
  summary: 'X, ASIDE, said CONTENT: the subject before the aside frames what follows the verb.',
  examples: [
    { text: 'Moscow, for its part, keeps promising revenge for the raid.', source: 'Moscow', content: 'revenge for the raid' },
    { text: 'Kyiv, for its part, continues to deny any part in the raid.', source: 'Kyiv', content: 'any part in the raid' },
    { text: 'Peskov, speaking to reporters on Thursday, said Putin was safe.', source: 'Peskov', content: 'Putin was safe' },
    { text: 'Later one of his aides, Mykhailo Podolyak, suggested that local partisans were to blame.', source: 'Mykhailo Podolyak', content: 'local partisans were to blame' },
    // (A contrast word alone between commas is an aside too.)
    { text: "Kyiv's envoy, however, insisted that no drones had been sent.", source: "Kyiv's envoy", content: 'no drones had been sent' },
    // (An adverb between the aside and the verb.)
    { text: 'Kyiv, which seldom speaks about raids on Russian soil, firmly rejected any part in the episode.', source: 'Kyiv', content: 'any part in the episode' },
    // ("also" between the aside and the verb.)
    { text: 'Her deputy, Olena Marchuk, also rejected any part in the raid.', source: 'Olena Marchuk', content: 'any part in the raid' },
    { text: 'A senior Kremlin aide, Ivan Petrov, said the leader was safe.', source: 'Ivan Petrov', content: 'the leader was safe' },
    // ("for his part" only says whose turn it is.)
    { text: 'The minister, Ivan Petrov, for his part indicated that nothing was confirmed.', source: 'Ivan Petrov', content: 'nothing was confirmed' },
    { text: 'Minister Petrov, for his part noted that nothing was confirmed.', source: 'Minister Petrov', content: 'nothing was confirmed' },
    // (A verb and "to" before the reporting verb belong to its group: "hurried to add".)
    { text: 'His spokesman, Ivan Petrov, hurried to add that the leader was safe.', source: 'Ivan Petrov', content: 'the leader was safe' },
    { text: 'His adviser, Ivan Petrov, however, went on to blame partisans.', source: 'Ivan Petrov', content: 'partisans' },
  ],
  read(site) {
    const { view, region, after } = site;
    // (An adverb may stand before the verb: "Kyiv, which …, flatly denied".)
    if (view.wordCount(region) > 0 && !adjunctOnly(view, region.start, region.end)) return undefined;
    let previous = region.start - 1;
    while (previous >= 0 && isQuote(view.tokens[previous])) previous--;
    if (previous < 0 || !view.isPunct(previous, ',')) return undefined;
    for (let c = previous - 1; c >= 0; c--) {
      if (view.isPunct(c, ';') || isContrast(view, c)) break;
      // ("… went further and, in a post on Twitter, insisted …": a phrase set off after "and" is
      // no aside after a subject; the coordinated predicate's rule reads the verb.)
      if (view.isPunct(c, ',') && /^(and|but)$/.test(view.tokens[c - 1]?.lower ?? '')) return undefined;
      if (view.isPunct(c, ',')) {
        // "one of his aides, Mykhailo Podolyak, suggested": a name in apposition to a subject
        // that names nobody is the speaker. ("Moscow's mayor, Sergei Sobyanin, said": the subject.)
        const aside = trimSpan(view, { start: c + 1, end: previous });
        let head = c;
        while (head > 0 && !isSubjectBoundary(view, head - 1)) head--;
        // ("A top Zelensky adviser, Mykhailo Podolyak, …": a subject ending in a role noun is generic too.)
        // (Not a possessed office, "Moscow's mayor, Sergei Sobyanin": both name the same person, and the subject reads.)
        const roleHead = c - 1 > head && !view.tokens[c - 1].capitalised && view.wordClass(c - 1) === 'NOUN' && !view.tokens.slice(head, c).some((t) => isPossessiveMark(t.text));
        const generic = roleHead || !view.tokens.slice(head, c).some((t, k) => t.capitalised && view.wordClass(head + k) === 'PROPN');
        if (generic && view.wordCount(aside) > 0 && view.wordCount(aside) <= 4 && view.tokens.slice(aside.start, aside.end).every((t, k) => t.capitalised && view.wordClass(aside.start + k) === 'PROPN')) {
          return verbCue(site, aside, [after]);
        }
        let start = c;
        while (start > 0 && !isSubjectBoundary(view, start - 1)) start--;
        const subject = trimSpan(view, { start, end: c });
        if (view.wordCount(subject) > 0) return verbCue(site, subject, [after]);
        break;
      }
    }
    // ("Secretary Blinken, for his part noted …": words that only say whose turn it is, after the
    // subject and a single comma.)
    if (view.wordCount(region) > 0 && view.tokens[region.start].lower === 'for') {
      let start = previous;
      while (start > 0 && !isSubjectBoundary(view, start - 1)) start--;
      const subject = trimSpan(view, { start, end: previous });
      if (view.wordCount(subject) > 0 && !view.tokens.slice(subject.start, subject.end).some((_, k) => view.isVerbal(subject.start + k))) return verbCue(site, subject, [after]);
    }
    return null;
  },
};

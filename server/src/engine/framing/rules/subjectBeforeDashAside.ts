import { dashAsideBefore, isSubjectBoundary, trimSpan } from '../clauses';
import { verbCue, type VerbRule } from './types';

/**
 * "The Kremlin's statement – five paragraphs, which is long for it – says …": an aside set off
 * by dashes may hold commas, a relative clause or a verb of its own; the subject of the verb after
 * it stands before the opening dash.
 */
export const subjectBeforeDashAside: VerbRule = {
  id: 'subject-before-dash-aside',
  summary: 'X – ASIDE – said CONTENT: the subject before the opening dash frames what follows the verb.',
  examples: [
    { text: "The Kremlin's statement – short, as its statements go – says that Kyiv sent the drones.", source: "The Kremlin's statement", content: 'Kyiv sent the drones' },
    { text: 'Peskov – who, as ever, took questions by phone – insisted the president was unhurt.', source: 'Peskov', content: 'the president was unhurt' },
    // A dash that opens no aside before the verb leaves the verb to the other rules.
    { text: 'Two drones – the Kremlin says – were downed.', reads: false },
  ],
  read(site) {
    const { view, after } = site;
    const opening = dashAsideBefore(view, site.word.start);
    if (opening === undefined) return undefined;
    let start = opening;
    while (start > 0 && !isSubjectBoundary(view, start - 1)) start--;
    const subject = trimSpan(view, { start, end: opening });
    return view.wordCount(subject) > 0 ? verbCue(site, subject, [after]) : null;
  },
};

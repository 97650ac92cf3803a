import { clauseEndAfter, clauseStartBefore } from '../clauses';
import { verbCue, type VerbRule } from './types';

// Verbs that present what they report as fact: "as X admitted" is the writer's own claim too.
// ("…, exactly as Kyiv predicted": what was foretold the writer reports as having happened.)
const FACTIVE = /^(show|shows|showed|shown|know|knows|knew|predict|predicts|predicted|foresaw|forecast|expected)$/;

/** "the attempt on Putin's life, as Moscow called it", "…, as the Kremlin insists": the phrase before "as" is what was said. */
export const asXCalledIt: VerbRule = {
  id: 'as-x-called-it',
  summary: 'PHRASE, as X called it: X frames the phrase.',
  examples: [
    { text: 'It was an attempt on the life of the president, as Moscow called it.', source: 'Moscow', content: 'an attempt on the life of the president' },
    { text: 'As the Russians viewed it, it was a planned terrorist attack.', source: 'the Russians', content: 'it was a planned terrorist attack' },
    { text: 'That jamming downed both machines, as the ministry insists, cannot be checked.', source: 'the ministry', content: 'That jamming downed both machines' },
    { text: 'As the ministry says, jamming downed both machines.', source: 'the ministry', content: 'jamming downed both machines' },
    { text: 'The facts, as the ministry tells them, are simple: jamming downed both machines.', source: 'the ministry', content: 'jamming downed both machines' },
    { text: 'As everyone knows, the raid was real.', reads: false },
    { text: 'Moscow now uses the raid as cover for new strikes, just as its critics predicted.', reads: false },
    { text: 'As the paper was forced to admit, the raid was real.', reads: false },
    { text: 'Moscow may hit back when it likes, as its envoy was quick to point out.', source: 'its envoy', content: 'Moscow may hit back when it likes' },
    { text: 'Moscow may hit back when it likes, as its envoy reminded us.', source: 'its envoy', content: 'Moscow may hit back when it likes' },
    // (A verb that admits or notes still names who says it: "as his own aide admitted".)
    { text: 'The leader, as his own aide admitted, was out of town.', source: 'his own aide', content: 'The leader' },
    { headline: true, text: 'Strikes Kill Nine as Ministry Makes Claims', reads: false },
  ],
  read(site) {
    const { view, region, regionStart, word } = site;
    const before = regionStart - 1;
    const e = word.end;
    if (view.wordCount(region) === 0 || before < 0 || view.tokens[before].lower !== 'as') return undefined;
    // ("…, as the Kremlin insists, …": a reporting verb with nothing after it stands for the clause it is set in.)
    // (Not after a verb of knowing or showing, "as everyone knows, …", "as the video shows" (the footage's own rule),
    // nor in a headline, where "as" is "while": "Strikes Kill 21 as Kremlin Makes Claims".)
    // ("as one daily was forced to admit": made to say it, the source only confirms what the writer asserts.)
    // ("as the Kremlin was quick to point out" still names who says it.)
    const madeTo = view.tokens[word.start - 1]?.lower === 'to' && /^(forced|made|obliged|compelled|pressed|pressured)$/.test(view.tokens[word.start - 2]?.lower ?? '');
    const bare = (e >= view.length || view.isPunct(e, ',.;:!?)–—')) && !view.headline && !FACTIVE.test(view.tokens[e - 1].lower) && !madeTo;
    if (!(/^(it|them|this)$/.test(view.tokens[e]?.lower ?? '') || view.tokens[e - 1].lower === 'it' || bare)) return undefined;
    const start = clauseStartBefore(view, before);
    // "As the Russians viewed it, it was a terrorist act": fronted, it frames the clause after the comma.
    const comma = view.tokens[e - 1].lower === 'it' || bare ? e : e + 1;
    if (view.wordCount({ start, end: before }) === 0 && view.isPunct(comma, ',')) return verbCue(site, region, [{ start: comma + 1, end: clauseEndAfter(view, comma + 1) }]);
    // ("The facts, as the Kremlin tells them, are simple: …": set off after a subject with no verb
    // of its own, it frames that subject's clause, what follows a colon too.)
    const subjectOnly = view.isPunct(before - 1, ',') && view.isPunct(comma, ',') && !view.tokens.slice(start, before - 1).some((_, k) => view.isVerbal(start + k));
    if (subjectOnly) return verbCue(site, region, [{ start, end: clauseEndAfter(view, comma + 1) }]);
    return verbCue(site, region, [{ start, end: before }]);
  },
};

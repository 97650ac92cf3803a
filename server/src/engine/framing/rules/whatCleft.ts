import { FRAME } from '../../lexicon/english';
import { clauseEndAfter, nextIndexOf } from '../clauses';
import { verbCue, type VerbRule } from './types';

/**
 * "What Moscow called an “assassination attempt” was …": the speaker's words are the verb's
 * object only. "What Peskov said was that …": what follows "was" is what was said.
 */
export const whatCleft: VerbRule = {
  id: 'what-cleft',
  summary: 'What X called Y …: X frames only Y; What X said was that CONTENT: X frames CONTENT.',
  examples: [
    { text: 'What Moscow called an assassination attempt was a small blast.', source: 'Moscow', content: 'an assassination attempt' },
    { text: 'What Peskov said was that Putin was at Novo-Ogaryovo.', source: 'Peskov', content: 'Putin was at Novo-Ogaryovo' },
    { text: 'What Moscow says: two drones were sent by Kyiv.', source: 'Moscow', content: 'two drones were sent by Kyiv' },
    { text: 'What we can say: two drones were downed over the citadel.', reads: false },
    { text: 'Here is what Moscow wants us to believe: that Kyiv flew two drones at the citadel.', source: 'Moscow', content: 'Kyiv flew two drones at the citadel.' },
    { text: 'What the ministry wants everyone to think is that jamming downed both machines.', source: 'the ministry', content: 'jamming downed both machines' },
    { text: 'What the ministry did say, in a note to reporters, is that jamming downed both machines.', source: 'the ministry', content: 'jamming downed both machines' },
  ],
  read(site) {
    const { view, region, regionStart, word, after } = site;
    const before = regionStart - 1;
    if (view.wordCount(region) === 0 || before < 0 || view.tokens[before].lower !== 'what') return undefined;
    // ("What we can say: …", "What we know is that …": the writer's own findings, no one else's words.)
    if (/^(we|i)$/.test(view.tokens[region.start].lower) && view.wordCount(region) === 1) return null;
    // ("What Moscow wants us to believe: …", "what the ministry wants everyone to think is that …": the
    // belief it asks for is what it says.)
    let e = word.end;
    const believe = (k: number) => /^(believe|think|accept|conclude)$/.test(view.tokens[k]?.lower ?? '');
    if (/^(us|you|everyone|people|the world|readers)$/.test(view.tokens[e]?.lower ?? '')) {
      if (view.tokens[e + 1]?.lower === 'to' && believe(e + 2)) e += 3;
      else if (believe(e + 1)) e += 2;
    }
    // ("What the ministry did say, in a note to reporters, is that …": an aside set off by commas
    // between the verb and "is" says where it was said.)
    if (view.isPunct(e, ',')) {
      const close = nextIndexOf(view, e + 1, ',');
      if (close < view.length && close - e <= 10 && view.isCovered(close + 1, FRAME.be)) e = close + 1;
    }
    let end = e;
    while (end < after.end && !view.isCovered(end, FRAME.be) && !view.isCovered(end, FRAME.modal) && !view.isPunct(end, ',;:')) end++;
    // ("What Moscow says: two drones …": a colon right after the verb opens what was said.)
    if (end === e && view.isPunct(end, ':')) return verbCue(site, region, [{ start: end + 1, end: view.length }]);
    if (end === e && view.isCovered(end, FRAME.be)) {
      let from = end + 1;
      while (from < view.length && (view.isCovered(from, FRAME.be) || view.startsWith(from, FRAME.that) || view.isPunct(from, ':,'))) from++;
      return verbCue(site, region, [{ start: from, end: clauseEndAfter(view, from) }]);
    }
    return verbCue(site, region, [{ start: e, end }]);
  },
};

// A claim pack within every limit whose one pattern uses up a sentence's work budget: a
// search that branches at every word. Each element but the first and last offers sixteen
// common words and may be skipped, and the last ("yak") only occurs before the first
// ("zebra"), so no match ever completes. Its example is that sentence.

export const GREEDY_SENTENCE = 'Yak zebra the of and to a in is it you that he was for on are with as his they be at one have this from or had by not but what some we can out other were all there when up use your how said an each she which do their time if will way about many then them write would like so these her today.';

export function greedyPack() {
  const letters = 'abcdefghijklmnop'.split('');
  const words = GREEDY_SENTENCE.slice(10).split(' ');
  const concepts: Record<string, string[]> = { z: ['zebra'], y: ['yak'], ...Object.fromEntries(letters.map((l, i) => [l, words.slice(i * 4, i * 4 + 4)])) };
  const pattern = ['@z', ...Array.from({ length: 7 }, () => `${letters.map((l) => `@${l}`).join('|')}?`), '@y'].join(' ');
  const claim = { id: 'zebra-yak', status: 'unverified', summary: 'A zebra met a yak.', claimants: ['pat'], claimantLabel: 'Pat', attribution: { source: 'Pat' }, maxGap: 12, patterns: [pattern], excerpts: [], examples: { noMatch: [GREEDY_SENTENCE] } };
  return { schemaVersion: 1, id: 'greedy', name: 'Greedy', sources: [], parties: [{ id: 'pat', name: 'Pat', kind: 'person', aliases: [] }], concepts, claims: [claim] };
}

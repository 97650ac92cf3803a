import { clauseStartBefore, trimSpan } from '../clauses';
import type { SentenceRule } from './types';

// Participles of putting words or pictures out, which take where they went: "shared on", "posted to".
const POSTED = /^(posted|shared|published|uploaded|circulated|put)$/;

/**
 * "A smudge of smoke over the citadel, filmed from across the river and shared on a channel on
 * Telegram." — a participle of posting set off after the words, with where they were put out:
 * that place is their source, as "in a video posted on Telegram" is.
 */
export const postedAfter: SentenceRule = {
  id: 'posted-after',
  summary: 'CONTENT, (filmed … and) posted on PLATFORM: where the words were put out frames them.',
  examples: [
    { text: 'A plume of smoke above the citadel, filmed from the far bank and shared on a local channel on Telegram.', source: 'a local channel on Telegram', content: 'A plume of smoke above the citadel' },
    { text: 'Smoke drifts over the citadel, posted to Telegram overnight.', source: 'Telegram overnight', content: 'Smoke drifts over the citadel' },
    { text: 'Officials said the drones were downed and shared the news on Telegram.', reads: false },
  ],
  read(view) {
    for (let p = 1; p < view.length - 2; p++) {
      if (!POSTED.test(view.tokens[p].lower)) continue;
      let out = p + 1;
      if (view.tokens[p].lower === 'put' && view.tokens[out]?.lower === 'out') out++;
      if (!/^(on|to|onto|via)$/.test(view.tokens[out]?.lower ?? '')) continue;
      // The participial phrase opens at a comma: "…, shared on …" or "…, filmed … and shared on …".
      let comma = p - 1;
      if (view.tokens[comma].lower === 'and') {
        comma--;
        while (comma > 0 && !view.isPunct(comma) && p - comma <= 10) comma--;
        if (!/(ed|en)$/.test(view.tokens[comma + 1]?.lower ?? '')) continue;
      }
      if (!view.isPunct(comma, ',')) continue;
      const content = trimSpan(view, { start: clauseStartBefore(view, comma), end: comma });
      let end = view.length;
      while (end > out + 1 && view.isPunct(end - 1, '.!')) end--;
      const source = trimSpan(view, { start: out + 1, end });
      if (view.wordCount(content) < 2 || view.wordCount(source) === 0) continue;
      return [{ kind: 'footage', polarity: 'assert', word: { start: p, end: out + 1 }, source, scopes: [content], hedged: false }];
    }
    return [];
  },
};

import type { SentenceView, Span } from '../analysis/sentence';

// The words a credit line opens with: "Photo: …", "Video credit: …", "Image via …".
export const CREDIT_WORDS = /^(photo|photos|photograph|picture|pictures|image|images|video|videos|footage|still|screenshot|screengrab|credit|credits)$/;
// A credit names a source in a few words.
const MAX_CREDIT_WORDS = 6;

/**
 * The source a picture credit names ("Photo: a Moscow Telegram channel", "(Video via social
 * media)", "Image credit: Telegram"): what a caption shows comes from there, as "… in a video
 * posted on Telegram" says it in the caption's own words. The credit may stand as a sentence of
 * its own after the caption or close the caption in brackets.
 */
export function creditedSource(view: SentenceView): Span | undefined {
  let end = view.length;
  while (end > 0 && view.isPunct(end - 1, '.)]*_')) end--;
  // The credit's first word: the sentence's own, or the first after an opening bracket near its end.
  let start = 0;
  while (start < end && view.isPunct(start, '([*_')) start++;
  // ("(Image: Telegram)" standing alone: the bracket opens the sentence.)
  const bracketedAlone = start > 0 && view.isPunct(start - 1, '([') && CREDIT_WORDS.test(view.tokens[start]?.lower ?? '');
  if (!bracketedAlone && (start > 0 || !CREDIT_WORDS.test(view.tokens[start]?.lower ?? ''))) {
    let open = end - 1;
    while (open > 0 && !view.isPunct(open, '([')) open--;
    if (open <= 0) return undefined;
    start = open + 1;
    if (!CREDIT_WORDS.test(view.tokens[start]?.lower ?? '')) return undefined;
  }
  let k = start + 1;
  if (view.tokens[k]?.lower === 'credit') k++;
  if (view.isPunct(k, ':') || /^(via|from|courtesy)$/.test(view.tokens[k]?.lower ?? '')) k++;
  else return undefined;
  if (view.tokens[k - 1]?.lower === 'courtesy' && view.tokens[k]?.lower === 'of') k++;
  // ("Image: Telegram / screen grab": what follows a slash says what kind of picture it is.)
  for (let j = k + 1; j < end; j++) if (view.isPunct(j, '/|')) end = j;
  const words = view.wordCount({ start: k, end });
  if (words === 0 || words > MAX_CREDIT_WORDS) return undefined;
  for (let j = k; j < end; j++) if (view.isVerbal(j) && !view.tokens[j].capitalised && !/^(posted|shared|circulating)$/.test(view.tokens[j].lower)) return undefined;
  return { start: k, end };
}

// Participles that say where a picture was put out: "posted on Telegram", "shared online".
const PUT_OUT = /^(posted|shared|uploaded|published|circulated|circulating|circulates|released|aired|round|around|rounds|surfaced|emerged|appeared)$/;
// ("first showed up on Telegram", "turned up online": a phrasal verb of appearing.)
const TURNED_UP = /^(showed|shown|turned|popped)$/;

/**
 * Where the sentence says a picture was put out: "The first images, posted on a Moscow channel
 * on Telegram, …", "…, shared online overnight". Naming the platform attributes what the
 * picture shows (catalogue rule 8), whatever the sentence's grammar around it.
 */
export function placeOfPosting(view: SentenceView): Span | undefined {
  for (let k = 0; k < view.length; k++) {
    if (!PUT_OUT.test(view.tokens[k].lower) && !(view.tokens[k].lower === 'up' && TURNED_UP.test(view.tokens[k - 1]?.lower ?? ''))) continue;
    // ("posted overnight to a Moscow channel": a time word or an adverb may come first.)
    // ("going round on Telegram": a phrase that means circulating.)
    let at = k + 1;
    if (/^(overnight|later|first|early|soon|quickly|online)$/.test(view.tokens[at]?.lower ?? '') && /^(on|to|by|via)$/.test(view.tokens[at + 1]?.lower ?? '')) at++;
    const next = view.tokens[at]?.lower;
    if (next === 'online') return { start: at, end: at + 1 };
    if (!/^(on|to|by|via)$/.test(next ?? '')) continue;
    let end = at + 1;
    while (end < view.length && end < at + 8 && !view.isPunct(end) && !view.isVerbal(end) && !/^(and|or|but)$/.test(view.tokens[end].lower)) end++;
    if (end > at + 1) return { start: at + 1, end };
  }
  return undefined;
}

import type { SentenceView, Span } from '../analysis/sentence';
import { TokenKind } from '../text/tokens';
import type { Cue } from './cues';
import { isAnswerLabel } from './sources';

// The newsroom's own voices in a transcript: what they say is the outlet's, not a source's.
const NEWSROOM_ROLES = /^(anchor|host|co-host|correspondent|reporter|editor|presenter|moderator|narrator|interviewer|q)$/i;

/** The spelling before the cues: a word in capitals, or "A"/"Answer", before a colon near the start. */
function mayOpenWithLabel(view: SentenceView): boolean {
  let bracket = false;
  for (let k = 0; k < Math.min(view.length, 12); k++) {
    if (view.isPunct(k, ':')) return k > 0;
    if (view.isPunct(k, '(')) bracket = true;
    if (view.isPunct(k, ')')) bracket = false;
    const token = view.tokens[k];
    if (!bracket && token.kind === TokenKind.Word && token.text !== token.text.toUpperCase() && !isAnswerLabel(token.text)) return false;
  }
  return false;
}

/**
 * The speaker label that opens a transcript turn: "PESKOV: …", "DMITRY PESKOV (through an
 * interpreter): …". A name in capitals before a colon at the start of a paragraph says who
 * speaks every sentence of the paragraph, not only the first. (An anchor's or a correspondent's
 * turn is the outlet's own voice.)
 */
export function turnSpeakerLabel(view: SentenceView, cues: () => readonly Cue[]): Span | undefined {
  if (!mayOpenWithLabel(view)) return undefined;
  const label = cues().find((cue) => cue.rule === 'colon-source' && cue.polarity === 'assert' && cue.source);
  if (!label?.source) return undefined;
  let first = 0;
  while (first < view.length && view.isPunct(first)) first++;
  if (label.source.start !== first) return undefined;
  if (isNewsroomLabel(view, label.source)) return undefined;
  if (isAnswerLabel(view.text(label.source))) return label.source;
  return inCapitals(view, label.source) ? label.source : undefined;
}

/** A label that names one of the newsroom's own voices ("ANCHOR", "CORRESPONDENT"): the outlet speaks. */
export function isNewsroomLabel(view: SentenceView, span: Span): boolean {
  return view.tokens.slice(span.start, span.end).some((token) => token.kind === TokenKind.Word && NEWSROOM_ROLES.test(token.text));
}

/** Words set in capitals, as a transcript prints its speakers ("DMITRY PESKOV"). */
export function inCapitals(view: SentenceView, span: Span): boolean {
  const words = view.tokens.slice(span.start, span.end).filter((token) => token.kind === TokenKind.Word);
  return words.length > 0 && words.every((token) => /\p{Lu}{2}/u.test(token.text) && token.text === token.text.toUpperCase());
}

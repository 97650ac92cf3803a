import type { SentenceView, Span } from '../analysis/sentence';
import type { Occurrence } from '../match/phrases';
import type { CompiledPack } from '../pack/compile';
import { resolveSource, type PackContext, type SourceRef } from './sources';

// Nouns for a text someone issued: what a heading names before saying whose it is.
const ISSUED_TEXTS = /^(statement|message|address|communiqu[eé]|announcement|declaration|appeal|release)$/;
// Words a heading may open with before the text's noun: "Full text of the statement by …".
const OPENERS = /^(full|text|of|the|official|press|a|an|read|transcript)$/;

/**
 * The words naming who issued a statement that a heading announces: "Statement by the Ministry
 * of Foreign Affairs", "Full text of the message from the presidential press service". The
 * paragraphs under such a heading are that statement, set out without quotation marks.
 */
export function issuerNamedByHeading(view: SentenceView): Span | undefined {
  return issuerOfStatement(view) ?? speakerOfWhatTheySay(view) ?? possessorOfVersion(view);
}

/** The end of a heading's words, before closing punctuation ("What Moscow says:"). */
function wordsEnd(view: SentenceView): number {
  let end = view.length;
  while (end > 0 && view.isPunct(end - 1)) end--;
  return end;
}

// Verbs of a heading that says whose words follow: "What Moscow says", "What the Kremlin claimed".
const SAYS = /^(says|said|claims|claimed|alleges|alleged|argues|argued|insists|maintains)$/;
// Nouns of a heading that names whose account follows: "The Kremlin's version", "Kyiv's side".
const ACCOUNTS = /^(version|account|story|side|claims?|narrative|position|case|telling)$/;
// Who is no source: the outlet itself ("What we know"), or nobody in particular.
const NO_SPEAKER = /^(we|i|you|they|it|this|that|nobody|everyone|people|others)$/;

/** "What Moscow says", "What the Kremlin is saying": the name between "what" and the verb. */
function speakerOfWhatTheySay(view: SentenceView): Span | undefined {
  let k = 0;
  while (k < view.length && view.isPunct(k)) k++;
  if (view.tokens[k]?.lower !== 'what') return undefined;
  const lower = (j: number) => view.tokens[j]?.lower ?? '';
  const end = wordsEnd(view);
  // Where the verb group at the end starts: "says", "tells us", "is saying", "has said".
  let verb = end - 1;
  if (lower(end - 1) === 'us' && /^(tells|told)$/.test(lower(end - 2))) verb = end - 2;
  else if (/^(saying|claiming|telling|said|claimed)$/.test(lower(end - 1)) && /^(is|are|was|were|has|have)$/.test(lower(end - 2))) verb = end - 2;
  else if (!/^(saying|claiming|telling)$/.test(lower(end - 1)) && !SAYS.test(lower(end - 1))) return undefined;
  const span = { start: k + 1, end: verb };
  if (span.end <= span.start || span.end - span.start > 6) return undefined;
  if (span.end - span.start === 1 && NO_SPEAKER.test(view.tokens[span.start].lower)) return undefined;
  for (let j = span.start; j < span.end; j++) if (view.isVerbal(j) && !view.tokens[j].capitalised) return undefined;
  return span;
}

/** "The Kremlin's version", "Russia's account:", "Kyiv's side": the possessor before an account noun that ends the heading. */
function possessorOfVersion(view: SentenceView): Span | undefined {
  const end = wordsEnd(view);
  if (end < 3 || !ACCOUNTS.test(view.tokens[end - 1].lower) || !/^['’]s$/.test(view.tokens[end - 2].text)) return undefined;
  let start = end - 2;
  while (start > 0 && !view.isPunct(start - 1) && end - 2 - start < 5) start--;
  if (start === end - 2 || NO_SPEAKER.test(view.tokens[end - 3].lower)) return undefined;
  return { start, end: end - 2 };
}

/** "Statement by the Foreign Ministry", "Full text of the message from …". */
function issuerOfStatement(view: SentenceView): Span | undefined {
  let k = 0;
  while (k < view.length && (view.isPunct(k) || OPENERS.test(view.tokens[k].lower))) k++;
  if (k >= view.length || !ISSUED_TEXTS.test(view.tokens[k].lower)) return undefined;
  const by = k + 1;
  if (!/^(by|from|of)$/.test(view.tokens[by]?.lower ?? '')) return undefined;
  let end = view.length;
  while (end > by + 1 && view.isPunct(end - 1)) end--;
  // (A name, not a clause: "Statement from Kyiv denies …" is a headline that says something.)
  for (let j = by + 1; j < end; j++) if (view.isVerbal(j) && !view.tokens[j].capitalised) return undefined;
  return end > by + 1 ? { start: by + 1, end } : undefined;
}

/** Who speaks the paragraphs under a heading that announces their statement: a party, or a name the pack does not know. */
export function statementIssuer(view: SentenceView, occurrences: Occurrence[], pack: CompiledPack, context: PackContext): SourceRef | undefined {
  const span = issuerNamedByHeading(view);
  if (!span) return undefined;
  const ref = resolveSource(view, span, occurrences, pack, context, 'any');
  if (ref.kind === 'party' || ref.kind === 'named' || ref.kind === 'vague') return ref;
  return { kind: 'named', name: view.text(span), foreign: false };
}

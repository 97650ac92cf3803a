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

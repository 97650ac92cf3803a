// Hide-while-typing, the part that needs no editor: which diagnostics to hold back while the
// reporter is still typing the sentence they sit on. A diagnostic whose range holds the
// cursor is hidden until the reporter pauses for the reveal delay or moves elsewhere, as
// spell checkers do. Plain data in, plain data out, so it is tested without VS Code.

export interface Position {
  line: number;
  character: number;
}

export interface Ranged {
  range: { start: Position; end: Position };
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Whether the cursor is inside the range or touches one of its ends. */
export function holdsCursor(item: Ranged, cursor: Position): boolean {
  return before(item.range.start, cursor) && before(cursor, item.range.end);
}

export interface TypingState {
  /** When the document was last edited (ms), if ever. */
  lastEdit?: number;
  /** Where the cursor is in the document's editor, if it has one. */
  cursor?: Position;
}

export interface HoldDecision<T> {
  shown: T[];
  /** Milliseconds until what is held back is due to be shown; undefined when nothing is held back. */
  revealIn?: number;
}

export function holdWhileTyping<T extends Ranged>(diagnostics: readonly T[], state: TypingState, now: number, delayMs: number): HoldDecision<T> {
  if (state.lastEdit === undefined || !state.cursor || delayMs <= 0) return { shown: [...diagnostics] };
  const remaining = state.lastEdit + delayMs - now;
  if (remaining <= 0) return { shown: [...diagnostics] };
  const cursor = state.cursor;
  const shown = diagnostics.filter((diagnostic) => !holdsCursor(diagnostic, cursor));
  return shown.length === diagnostics.length ? { shown } : { shown, revealIn: remaining };
}

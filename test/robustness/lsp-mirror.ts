import { readFileSync } from 'node:fs';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

// The client's copy of a document under random incremental edits. Positions are computed
// here, independently of the server's TextDocument, so that a disagreement about what an
// edit means shows up as a difference in diagnostics.

export class MirrorDocument {
  constructor(public text: string) {}

  /** LSP position of a UTF-16 offset; lines end at \r\n, \r or \n. */
  positionAt(offset: number): Position {
    let line = 0;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 13 && this.text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, character: offset - lineStart };
  }

  /**
   * An offset an editor could put a cursor on: never between \r and \n (LSP cannot name
   * that place) nor inside a surrogate pair.
   */
  cursor(offset: number): number {
    let at = Math.max(0, Math.min(offset, this.text.length));
    const before = this.text.charCodeAt(at - 1);
    const after = this.text.charCodeAt(at);
    if (before === 13 && after === 10) at--;
    else if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) at--;
    return at;
  }

  /** Replaces [start, end) and returns the change as the client sends it. */
  replace(start: number, end: number, newText: string): TextDocumentContentChangeEvent {
    const from = this.cursor(start);
    const to = Math.max(from, this.cursor(end));
    const change = { range: { start: this.positionAt(from), end: this.positionAt(to) }, text: newText };
    this.text = this.text.slice(0, from) + newText + this.text.slice(to);
    return change;
  }

  /** Replaces the whole text (a change without a range). */
  replaceAll(newText: string): TextDocumentContentChangeEvent {
    this.text = newText;
    return { text: newText };
  }
}

/** Resident set size of a process in bytes, from /proc. */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!kib) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kib[1]) * 1024;
}

/** CPU time (user + system) a process has used so far, in seconds, from /proc. */
export function cpuSeconds(pid: number): number {
  // The command name (field 2) may hold spaces; the fields after it are fixed.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticksPerSecond = 100;
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

export const MB = 1024 * 1024;
